/**
 * Cases of the fidelity suite that fail on the code of this commit, each with the first problem it
 * found (why it fails). Today's write path reads the user's sheets into ExcelJS and writes them out
 * again, so every workbook differs in its own parts. The lossless package writer (branch pkg) is
 * meant to make them pass: the lead empties this table at merge, and a case still listed here that
 * passes fails the suite (so the table can only shrink, and ends empty).
 */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {
  "excel-made/array_formula01.xlsx (list last)":
    "generate: xl/calcChain.xml: missing from the output (and 19 more)",
  "excel-made/array_formula03.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 21 more)",
  "excel-made/autofilter00.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (7814 → 9234) (and 15 more)",
  "excel-made/autofilter02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (8351 → 9724) (and 21 more)",
  "excel-made/autofilter04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (8612 → 9744) (and 17 more)",
  "excel-made/autofilter06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (7973 → 9310) (and 21 more)",
  "excel-made/autofilter08.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (8334 → 9628) (and 17 more)",
  "excel-made/autofilter10.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (8089 → 9409) (and 21 more)",
  "excel-made/autofit01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (593 → 866) (and 15 more)",
  "excel-made/autofit03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (693 → 896) (and 19 more)",
  "excel-made/autofit05.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (644 → 902) (and 15 more)",
  "excel-made/autofit07.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (669 → 931) (and 31 more)",
  "excel-made/autofit09.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (795 → 1064) (and 17 more)",
  "excel-made/autofit11.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 21 more)",
  "excel-made/autofit13.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (825 → 1059) (and 17 more)",
  "excel-made/autofit_with_format01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (890 → 1221) (and 13 more)",
  "excel-made/autofit_with_format03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (678 → 1064) (and 15 more)",
  "excel-made/autofit_with_format05.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (696 → 1054) (and 15 more)",
  "excel-made/background02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 17 more)",
  "excel-made/background04.xlsx (list first)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (461 → 727) (and 25 more)",
  "excel-made/background06.xlsx (list last)":
    "generate: xl/drawings/_rels/vmlDrawing1.vml.rels: missing from the output (and 30 more)",
  "excel-made/bootstrap01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (455 → 705) (and 13 more)",
  "excel-made/bootstrap03.xlsx (list last)":
    "generate: xl/worksheets/sheet3.xml: bytes changed (439 → 705) (and 25 more)",
  "excel-made/bootstrap05.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (688 → 1004) (and 13 more)",
  "excel-made/bootstrap07.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (697 → 1036) (and 15 more)",
  "excel-made/bootstrap09.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 803) (and 21 more)",
  "excel-made/bootstrap11.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (595 → 888) (and 19 more)",
  "excel-made/bootstrap13.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (640 → 956) (and 17 more)",
  "excel-made/bootstrap15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (640 → 956) (and 15 more)",
  "excel-made/bootstrap17.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 803) (and 21 more)",
  "excel-made/bootstrap19.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (778 → 1140) (and 23 more)",
  "excel-made/bootstrap21.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 803) (and 21 more)",
  "excel-made/bootstrap23.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (844 → 1135) (and 21 more)",
  "excel-made/bootstrap25.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (701 → 974) (and 13 more)",
  "excel-made/bootstrap27.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (485 → 705) (and 29 more)",
  "excel-made/bootstrap29.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1360 → 1936) (and 31 more)",
  "excel-made/bootstrap31.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (787 → 1246) (and 17 more)",
  "excel-made/bootstrap33.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (702 → 1064) (and 21 more)",
  "excel-made/bootstrap35.xlsx (list last)":
    "generate: xl/calcChain.xml: missing from the output (and 27 more)",
  "excel-made/bootstrap37.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (709 → 1048) (and 15 more)",
  "excel-made/bootstrap39.xlsx (list last)":
    "generate: xl/calcChain.xml: missing from the output (and 19 more)",
  "excel-made/bootstrap41.xlsx (list first)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (618 → 981) (and 21 more)",
  "excel-made/bootstrap43.xlsx (list last)":
    "generate: xl/worksheets/sheet4.xml: bytes changed (658 → 1013) (and 45 more)",
  "excel-made/bootstrap45.xlsx (list first)":
    "generate: xl/worksheets/sheet4.xml: bytes changed (618 → 908) (and 49 more)",
  "excel-made/bootstrap47.xlsx (list last)":
    "generate: xl/worksheets/sheet4.xml: bytes changed (455 → 705) (and 37 more)",
  "excel-made/bootstrap49.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (782 → 1101) (and 31 more)",
  "excel-made/bootstrap51.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/bootstrap53.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/bootstrap55.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (512 → 875) (and 31 more)",
  "excel-made/bootstrap57.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (9061 → 9812) (and 21 more)",
  "excel-made/bootstrap59.xlsx (list last)":
    "generate: xl/calcChain.xml: missing from the output (and 27 more)",
  "excel-made/bootstrap61.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (724 → 1040) (and 17 more)",
  "excel-made/bootstrap63.xlsx (list last)":
    "generate: exit 2: task-ledger: bootstrap63.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/bootstrap65.xlsx (list first)":
    "generate: exit 2: task-ledger: bootstrap65.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/bootstrap67.xlsx (list last)":
    "generate: exit 2: task-ledger: bootstrap67.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/bootstrap69.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1304 → 1666) (and 13 more)",
  "excel-made/bootstrap71.xlsx (list last)":
    "generate: exit 2: task-ledger: bootstrap71.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/bootstrap73.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (640 → 959) (and 19 more)",
  "excel-made/button01.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 19 more)",
  "excel-made/button03.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 17 more)",
  "excel-made/button05.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 19 more)",
  "excel-made/button09.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet2.xml.rels: missing from the output (and 35 more)",
  "excel-made/button11.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 47 more)",
  "excel-made/button15.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 17 more)",
  "excel-made/chart_area01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_area01.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis01.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_axis01.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis07.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_axis07.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis13.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_axis13.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis19.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_axis19.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis25.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_axis25.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis31.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_axis31.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis37.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_axis37.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis43.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_axis43.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_axis49.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_axis49.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_bar01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_bar01.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_bar07.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_bar07.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_bar13.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_bar13.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_bar19.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_bar19.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_blank01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_blank01.xlsx holds charts, which the file path cannot carry over into …",
  "excel-made/chart_blank07.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_blank07.xlsx holds charts, which the file path cannot carry over into …",
  "excel-made/chart_chartarea06.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_chartarea06.xlsx holds charts, which the file path cannot carry over i…",
  "excel-made/chart_column05.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_column05.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_column11.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_column11.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_combined04.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_combined04.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_combined10.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_combined10.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_crossing05.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_crossing05.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_data_labels04.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_data_labels04.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels10.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_data_labels10.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels16.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_data_labels16.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels22.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_data_labels22.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels28.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_data_labels28.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels34.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_data_labels34.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels40.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_data_labels40.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels46.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_data_labels46.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_data_labels52.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_data_labels52.xlsx holds charts, which the file path cannot carry over…",
  "excel-made/chart_date04.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_date04.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_display_units05.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_display_units05.xlsx holds charts, which the file path cannot carry ov…",
  "excel-made/chart_display_units11.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_display_units11.xlsx holds charts, which the file path cannot carry ov…",
  "excel-made/chart_doughnut05.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_doughnut05.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_drop_lines04.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_drop_lines04.xlsx holds charts, which the file path cannot carry over …",
  "excel-made/chart_errorbars06.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_errorbars06.xlsx holds charts, which the file path cannot carry over i…",
  "excel-made/chart_font04.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_font04.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_format01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_format01.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_format07.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_format07.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_format13.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_format13.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_format19.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_format19.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_format25.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_format25.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_format31.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_format31.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_gap02.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_gap02.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_gradient03.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_gradient03.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_gradient09.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_gradient09.xlsx holds charts, which the file path cannot carry over in…",
  "excel-made/chart_gridlines02.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_gridlines02.xlsx holds charts, which the file path cannot carry over i…",
  "excel-made/chart_gridlines08.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_gridlines08.xlsx holds charts, which the file path cannot carry over i…",
  "excel-made/chart_layout03.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_layout03.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_legend01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_legend01.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_line01.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_line01.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_line07.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_line07.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_pattern02.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_pattern02.xlsx holds charts, which the file path cannot carry over int…",
  "excel-made/chart_pattern08.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_pattern08.xlsx holds charts, which the file path cannot carry over int…",
  "excel-made/chart_pie04.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_pie04.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_points05.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_points05.xlsx holds charts, which the file path cannot carry over into…",
  "excel-made/chart_scatter02.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_scatter02.xlsx holds charts, which the file path cannot carry over int…",
  "excel-made/chart_scatter09.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_scatter09.xlsx holds charts, which the file path cannot carry over int…",
  "excel-made/chart_size01.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_size01.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chart_str01.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_str01.xlsx holds charts, which the file path cannot carry over into a …",
  "excel-made/chart_theme02.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_theme02.xlsx holds charts, which the file path cannot carry over into …",
  "excel-made/chart_theme08.xlsx (list last)":
    "generate: exit 2: task-ledger: chart_theme08.xlsx holds charts, which the file path cannot carry over into …",
  "excel-made/chart_title02.xlsx (list first)":
    "generate: exit 2: task-ledger: chart_title02.xlsx holds charts, which the file path cannot carry over into …",
  "excel-made/chartsheet01.xlsx (list last)":
    "generate: exit 2: task-ledger: chartsheet01.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/chartsheet07.xlsx (list first)":
    "generate: exit 2: task-ledger: chartsheet07.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/checkbox02.xlsx (list last)":
    "generate: xl/featurePropertyBag/featurePropertyBag.xml: missing from the output (and 21 more)",
  "excel-made/checkbox04.xlsx (list first)":
    "generate: xl/featurePropertyBag/featurePropertyBag.xml: missing from the output (and 23 more)",
  "excel-made/checkbox06.xlsx (list last)":
    "generate: xl/featurePropertyBag/featurePropertyBag.xml: missing from the output (and 25 more)",
  "excel-made/comment01.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 29 more)",
  "excel-made/comment03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (600 → 824) (and 23 more)",
  "excel-made/comment05.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet3.xml.rels: missing from the output (and 43 more)",
  "excel-made/comment07.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 25 more)",
  "excel-made/comment09.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 23 more)",
  "excel-made/comment11.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet2.xml.rels: missing from the output (and 31 more)",
  "excel-made/comment13.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 29 more)",
  "excel-made/comment15.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 27 more)",
  "excel-made/comment17.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 29 more)",
  "excel-made/cond_format01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (832 → 1171) (and 17 more)",
  "excel-made/cond_format03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (945 → 1284) (and 17 more)",
  "excel-made/cond_format05.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (826 → 1165) (and 17 more)",
  "excel-made/cond_format07.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (3351 → 3828) (and 17 more)",
  "excel-made/cond_format10.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (899 → 1261) (and 17 more)",
  "excel-made/cond_format12.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (899 → 1262) (and 19 more)",
  "excel-made/cond_format15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (957 → 1266) (and 15 more)",
  "excel-made/cond_format18.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (3406 → 3855) (and 13 more)",
  "excel-made/cond_format20.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (918 → 1249) (and 15 more)",
  "excel-made/cond_format22.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (967 → 1306) (and 13 more)",
  "excel-made/data_validation02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (720 → 980) (and 15 more)",
  "excel-made/decimal01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (581 → 874) (and 15 more)",
  "excel-made/default_format02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (480 → 747) (and 21 more)",
  "excel-made/default_format04.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/default_format06.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (479 → 746) (and 25 more)",
  "excel-made/default_format08.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (655 → 945) (and 19 more)",
  "excel-made/default_format10.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (650 → 923) (and 21 more)",
  "excel-made/default_format12.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (592 → 882) (and 19 more)",
  "excel-made/default_format14.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (652 → 942) (and 21 more)",
  "excel-made/default_format16.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (589 → 884) (and 21 more)",
  "excel-made/default_row02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (793 → 879) (and 15 more)",
  "excel-made/default_row04.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (675 → 970) (and 25 more)",
  "excel-made/default_row06.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (702 → 1006) (and 15 more)",
  "excel-made/defined_name02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (455 → 705) (and 15 more)",
  "excel-made/defined_name04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (455 → 705) (and 15 more)",
  "excel-made/dynamic_array02.xlsx (list first)":
    "generate: xl/metadata.xml: missing from the output (and 19 more)",
  "excel-made/dynamic_array04.xlsx (list last)":
    "generate: xl/metadata.xml: missing from the output (and 25 more)",
  "excel-made/embed_image02.xlsx (list first)":
    "generate: xl/metadata.xml: missing from the output (and 46 more)",
  "excel-made/embed_image04.xlsx (list last)":
    "generate: xl/metadata.xml: missing from the output (and 53 more)",
  "excel-made/embed_image06.xlsx (list first)":
    "generate: xl/metadata.xml: missing from the output (and 52 more)",
  "excel-made/embed_image08.xlsx (list last)":
    "generate: xl/metadata.xml: missing from the output (and 46 more)",
  "excel-made/embed_image10.xlsx (list first)":
    "generate: xl/metadata.xml: missing from the output (and 58 more)",
  "excel-made/embed_image12.xlsx (list last)":
    "generate: xl/metadata.xml: missing from the output (and 46 more)",
  "excel-made/escapes01.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 25 more)",
  "excel-made/escapes03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (652 → 968) (and 21 more)",
  "excel-made/escapes05.xlsx (list first)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (439 → 705) (and 25 more)",
  "excel-made/escapes07.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (581 → 854) (and 19 more)",
  "excel-made/escapes09.xlsx (list first)":
    "generate: exit 2: task-ledger: escapes09.xlsx holds charts, which the file path cannot carry over into a ne…",
  "excel-made/format01.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (439 → 705) (and 27 more)",
  "excel-made/format03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (595 → 890) (and 23 more)",
  "excel-made/format11.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 802) (and 15 more)",
  "excel-made/format13.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (531 → 803) (and 21 more)",
  "excel-made/format15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (583 → 876) (and 17 more)",
  "excel-made/format18.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 797) (and 21 more)",
  "excel-made/format20.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 802) (and 17 more)",
  "excel-made/format22.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (529 → 803) (and 23 more)",
  "excel-made/format24.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (554 → 827) (and 17 more)",
  "excel-made/gridlines01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (614 → 985) (and 19 more)",
  "excel-made/header_image02.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 27 more)",
  "excel-made/header_image04.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 26 more)",
  "excel-made/header_image06.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 39 more)",
  "excel-made/header_image08.xlsx (list first)":
    "generate: xl/drawings/_rels/vmlDrawing2.vml.rels: missing from the output (and 34 more)",
  "excel-made/header_image10.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 38 more)",
  "excel-made/header_image12.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 20 more)",
  "excel-made/header_image14.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 28 more)",
  "excel-made/header_image16.xlsx (list first)":
    "generate: xl/drawings/_rels/vmlDrawing2.vml.rels: missing from the output (and 34 more)",
  "excel-made/header_image18.xlsx (list last)":
    "generate: xl/drawings/_rels/vmlDrawing1.vml.rels: missing from the output (and 31 more)",
  "excel-made/header_image20.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 20 more)",
  "excel-made/header_image22.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 34 more)",
  "excel-made/hide02.xlsx (list first)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (439 → 705) (and 25 more)",
  "excel-made/hyperlink02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (948 → 1310) (and 17 more)",
  "excel-made/hyperlink04.xlsx (list first)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (439 → 705) (and 29 more)",
  "excel-made/hyperlink06.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (820 → 1080) (and 17 more)",
  "excel-made/hyperlink08.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (674 → 969) (and 21 more)",
  "excel-made/hyperlink10.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (587 → 860) (and 19 more)",
  "excel-made/hyperlink12.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (686 → 981) (and 23 more)",
  "excel-made/hyperlink14.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (763 → 1056) (and 17 more)",
  "excel-made/hyperlink16.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (581 → 855) (and 21 more)",
  "excel-made/hyperlink18.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (581 → 854) (and 17 more)",
  "excel-made/hyperlink21.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (581 → 855) (and 21 more)",
  "excel-made/hyperlink23.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (623 → 854) (and 17 more)",
  "excel-made/hyperlink25.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (600 → 855) (and 21 more)",
  "excel-made/hyperlink27.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (608 → 854) (and 19 more)",
  "excel-made/hyperlink29.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (686 → 981) (and 33 more)",
  "excel-made/hyperlink33.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/hyperlink35.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 27 more)",
  "excel-made/hyperlink38.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/hyperlink40.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/hyperlink42.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/hyperlink44.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/hyperlink48.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/hyperlink50.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/hyperlink52.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (586 → 860) (and 23 more)",
  "excel-made/ignore_error02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (603 → 797) (and 19 more)",
  "excel-made/ignore_error04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (726 → 956) (and 15 more)",
  "excel-made/ignore_error06.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 21 more)",
  "excel-made/image02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image04.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image06.xlsx (list last)":
    "generate: exit 2: task-ledger: image06.xlsx holds charts, which the file path cannot carry over into a new …",
  "excel-made/image08.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image10.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image12.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (595 → 868) (and 19 more)",
  "excel-made/image14.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (688 → 981) (and 21 more)",
  "excel-made/image16.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image18.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (595 → 868) (and 21 more)",
  "excel-made/image22.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image24.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image26.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 27 more)",
  "excel-made/image28.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image35.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image44.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (525 → 798) (and 21 more)",
  "excel-made/image46.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (536 → 809) (and 19 more)",
  "excel-made/image48.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (461 → 727) (and 33 more)",
  "excel-made/image50.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image52.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image54.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image56.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/image58.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 19 more)",
  "excel-made/image_scale01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (636 → 929) (and 21 more)",
  "excel-made/image_scale03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (594 → 867) (and 19 more)",
  "excel-made/landscape01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (611 → 981) (and 15 more)",
  "excel-made/merge_range01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (625 → 896) (and 19 more)",
  "excel-made/merge_range03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (758 → 1028) (and 15 more)",
  "excel-made/merge_range05.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (621 → 891) (and 13 more)",
  "excel-made/object_position02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (477 → 727) (and 21 more)",
  "excel-made/object_position06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (511 → 727) (and 19 more)",
  "excel-made/object_position10.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (549 → 789) (and 21 more)",
  "excel-made/object_position13.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (549 → 789) (and 19 more)",
  "excel-made/object_position15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (546 → 796) (and 21 more)",
  "excel-made/object_position17.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (557 → 807) (and 19 more)",
  "excel-made/object_position19.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (549 → 789) (and 21 more)",
  "excel-made/optimize01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (575 → 873) (and 11 more)",
  "excel-made/optimize04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (921 → 968) (and 17 more)",
  "excel-made/optimize06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (8891 → 11369) (and 11 more)",
  "excel-made/optimize08.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (965 → 968) (and 17 more)",
  "excel-made/optimize14.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (691 → 990) (and 19 more)",
  "excel-made/optimize21.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (582 → 968) (and 23 more)",
  "excel-made/optimize23.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (706 → 1074) (and 19 more)",
  "excel-made/optimize25.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (666 → 942) (and 25 more)",
  "excel-made/optimize27.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (868 → 1290) (and 13 more)",
  "excel-made/optimize29.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (745 → 897) (and 17 more)",
  "excel-made/optimize31.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (754 → 1121) (and 19 more)",
  "excel-made/optimize33.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (728 → 1095) (and 19 more)",
  "excel-made/outline01.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 27 more)",
  "excel-made/outline03.xlsx (list last)":
    "generate: xl/calcChain.xml: missing from the output (and 25 more)",
  "excel-made/outline05.xlsx (list first)":
    "generate: xl/calcChain.xml: missing from the output (and 27 more)",
  "excel-made/overlay01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (569 → 839) (and 17 more)",
  "excel-made/overlay03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (525 → 798) (and 13 more)",
  "excel-made/overlay05.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (777 → 1116) (and 15 more)",
  "excel-made/overlay07.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (521 → 787) (and 13 more)",
  "excel-made/page_breaks02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (750 → 966) (and 15 more)",
  "excel-made/page_breaks04.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (685 → 967) (and 19 more)",
  "excel-made/page_breaks06.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (942 → 966) (and 15 more)",
  "excel-made/page_view02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (672 → 998) (and 19 more)",
  "excel-made/print_across01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (729 → 1095) (and 15 more)",
  "excel-made/print_area02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 967) (and 21 more)",
  "excel-made/print_area04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 966) (and 17 more)",
  "excel-made/print_area06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 967) (and 21 more)",
  "excel-made/print_area08.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (580 → 966) (and 23 more)",
  "excel-made/print_options02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (634 → 1005) (and 19 more)",
  "excel-made/print_options04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (624 → 994) (and 15 more)",
  "excel-made/print_options06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 967) (and 21 more)",
  "excel-made/properties01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (593 → 866) (and 17 more)",
  "excel-made/properties03.xlsx (list first)":
    "generate: docProps/custom.xml: missing from the output (and 23 more)",
  "excel-made/properties05.xlsx (list last)":
    "generate: docProps/custom.xml: missing from the output (and 21 more)",
  "excel-made/protect02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (688 → 1004) (and 13 more)",
  "excel-made/protect04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (765 → 1004) (and 15 more)",
  "excel-made/protect06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (930 → 1004) (and 13 more)",
  "excel-made/protect08.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (705 → 955) (and 15 more)",
  "excel-made/quote_name02.xlsx (list first)":
    "generate: exit 2: task-ledger: quote_name02.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/quote_name04.xlsx (list last)":
    "generate: exit 2: task-ledger: quote_name04.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/quote_name06.xlsx (list first)":
    "generate: exit 2: task-ledger: quote_name06.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/quote_name08.xlsx (list last)":
    "generate: exit 2: task-ledger: quote_name08.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/quote_name10.xlsx (list first)":
    "generate: exit 2: task-ledger: quote_name10.xlsx holds charts, which the file path cannot carry over into a…",
  "excel-made/repeat01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 966) (and 17 more)",
  "excel-made/repeat03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (596 → 967) (and 21 more)",
  "excel-made/repeat05.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (512 → 875) (and 27 more)",
  "excel-made/rich_string02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (652 → 971) (and 23 more)",
  "excel-made/rich_string04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (652 → 968) (and 21 more)",
  "excel-made/rich_string06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (646 → 965) (and 21 more)",
  "excel-made/rich_string08.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (658 → 974) (and 21 more)",
  "excel-made/rich_string10.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (652 → 971) (and 23 more)",
  "excel-made/rich_string12.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (753 → 1069) (and 21 more)",
  "excel-made/row_col_format02.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (552 → 826) (and 21 more)",
  "excel-made/row_col_format04.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (591 → 880) (and 17 more)",
  "excel-made/row_col_format06.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (677 → 981) (and 23 more)",
  "excel-made/row_col_format08.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (742 → 1051) (and 21 more)",
  "excel-made/row_col_format10.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (517 → 783) (and 15 more)",
  "excel-made/row_col_format12.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (527 → 767) (and 15 more)",
  "excel-made/row_col_format14.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (748 → 1004) (and 15 more)",
  "excel-made/selection01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (508 → 755) (and 15 more)",
  "excel-made/serde01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (628 → 923) (and 19 more)",
  "excel-made/serde03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (607 → 900) (and 15 more)",
  "excel-made/serde05.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (941 → 1284) (and 19 more)",
  "excel-made/serde07.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (791 → 1130) (and 15 more)",
  "excel-made/serde09.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (712 → 1028) (and 13 more)",
  "excel-made/serde11.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (972 → 1408) (and 19 more)",
  "excel-made/serde13.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1040 → 1495) (and 21 more)",
  "excel-made/serde15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (845 → 1184) (and 15 more)",
  "excel-made/serde17.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (962 → 1327) (and 19 more)",
  "excel-made/set_row01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (902 → 1402) (and 15 more)",
  "excel-made/set_row03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (913 → 1413) (and 13 more)",
  "excel-made/shared_strings02.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1522 → 2183) (and 17 more)",
  "excel-made/styles01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (523 → 797) (and 19 more)",
  "excel-made/tab_color01.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (568 → 841) (and 15 more)",
  "excel-made/tab_color03.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (698 → 1069) (and 19 more)",
  "excel-made/table02.xlsx (list last)":
    "generate: xl/worksheets/sheet2.xml: bytes changed (947 → 1255) (and 35 more)",
  "excel-made/table04.xlsx (list first)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 31 more)",
  "excel-made/table06.xlsx (list last)":
    "generate: xl/drawings/vmlDrawing1.vml: missing from the output (and 37 more)",
  "excel-made/table08.xlsx (list first)": "generate: xl/calcChain.xml: missing from the output (and 29 more)",
  "excel-made/table10.xlsx (list last)": "generate: xl/calcChain.xml: missing from the output (and 27 more)",
  "excel-made/table12.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1052 → 1398) (and 23 more)",
  "excel-made/table15.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1256 → 1618) (and 19 more)",
  "excel-made/table18.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (822 → 1120) (and 23 more)",
  "excel-made/table21.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (732 → 1025) (and 19 more)",
  "excel-made/table23.xlsx (list first)": "generate: xl/calcChain.xml: missing from the output (and 29 more)",
  "excel-made/table25.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (731 → 1001) (and 19 more)",
  "excel-made/table28.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (751 → 1013) (and 23 more)",
  "excel-made/table30.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (753 → 1023) (and 19 more)",
  "excel-made/table32.xlsx (list first)": "generate: xl/calcChain.xml: missing from the output (and 29 more)",
  "excel-made/table34.xlsx (list last)": "generate: xl/calcChain.xml: missing from the output (and 29 more)",
  "excel-made/table36.xlsx (list first)": "generate: xl/calcChain.xml: missing from the output (and 29 more)",
  "excel-made/table38.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (1047 → 1430) (and 19 more)",
  "excel-made/technic.xlsx (list first)":
    "generate: exit 2: task-ledger: technic.xlsx holds charts, which the file path cannot carry over into a new …",
  "excel-made/textbox02.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox04.xlsx (list first)":
    "generate: exit 2: task-ledger: textbox04.xlsx holds charts, which the file path cannot carry over into a ne…",
  "excel-made/textbox06.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox08.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 19 more)",
  "excel-made/textbox10.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox12.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 19 more)",
  "excel-made/textbox14.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox16.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 19 more)",
  "excel-made/textbox18.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox20.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 19 more)",
  "excel-made/textbox22.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox24.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 19 more)",
  "excel-made/textbox26.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox28.xlsx (list first)":
    "generate: exit 2: task-ledger: textbox28.xlsx holds charts, which the file path cannot carry over into a ne…",
  "excel-made/textbox30.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 21 more)",
  "excel-made/textbox32.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 27 more)",
  "excel-made/textbox34.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox36.xlsx (list first)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/textbox38.xlsx (list last)":
    "generate: exit 2: task-ledger: textbox38.xlsx holds charts, which the file path cannot carry over into a ne…",
  "excel-made/textbox40.xlsx (list first)":
    "generate: exit 2: task-ledger: textbox40.xlsx holds charts, which the file path cannot carry over into a ne…",
  "excel-made/textbox42.xlsx (list last)":
    "generate: xl/drawings/drawing1.xml: missing from the output (and 21 more)",
  "excel-made/theme01.xlsx (list first)":
    "generate: exit 2: task-ledger: theme01.xlsx holds charts, which the file path cannot carry over into a new …",
  "excel-made/theme03.xlsx (list last)":
    "generate: exit 2: task-ledger: theme03.xlsx holds charts, which the file path cannot carry over into a new …",
  "excel-made/theme_color01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (745 → 1130) (and 19 more)",
  "excel-made/theme_color03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (745 → 1130) (and 19 more)",
  "excel-made/top_left_cell01.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (473 → 705) (and 13 more)",
  "excel-made/top_left_cell03.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (474 → 705) (and 15 more)",
  "excel-made/vml01.xlsx (list first)":
    "generate: xl/worksheets/_rels/sheet1.xml.rels: missing from the output (and 29 more)",
  "excel-made/vml03.xlsx (list last)":
    "generate: xl/worksheets/_rels/sheet3.xml.rels: missing from the output (and 43 more)",
  "libreoffice/lo-database-range.xlsx (list last)":
    "generate: exit 2: Could not write the output: Cannot read properties of null (reading 'theme') — ExcelJS on a LibreOffice table",
  "libreoffice/lo-page-setup.xlsx (list first)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (2997 → 2038) (and 91 more)",
  "libreoffice/lo-progress.xlsx (list last)":
    "generate: xl/worksheets/sheet1.xml: bytes changed (4611 → 3183) (and 239 more)",
  "wps/cellimages.xlsx (list first)": "generate: xl/cellimages.xml: missing from the output (and 33 more)",
  "wps/cellimages.xlsx (list last)": "generate: xl/cellimages.xml: missing from the output (and 31 more)",
};
