import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type Lang, formatDate, translator } from "../../i18n";
import type { GenerateOutcome } from "../../app/session";
import { usePane } from "../context";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalS },
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export function GenerateStep() {
  const { t, lang, asOf, dueSoonDays, mapping, sheet, session, act, busy, refresh, state, shell } = usePane();
  const styles = useStyles();
  const [towns, setTowns] = useState(false);
  const [sheetLang, setSheetLang] = useState<Lang>(lang);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<GenerateOutcome | null>(null);
  // Only Excel's API lacks features on older hosts; written files have them all.
  const features = session.features;
  const missing = features
    ? [
        !features.excelApi1_7 && t("ui.feature.freeze"),
        !features.excelApi1_8 && t("ui.feature.validation"),
        !features.excelApi1_9 && t("ui.feature.print"),
        !features.excelApi1_6 && t("ui.feature.bars"),
        !features.excelApi1_13 && t("ui.feature.merged"),
      ].filter(Boolean)
    : [];
  const go = (name: string) => act(() => session.select({ kind: "cell", sheet: name, row: 1, col: 1 }));
  return (
    <div className={styles.grid}>
      <Checkbox label={t("ui.gen.towns")} checked={towns} onChange={(_, d) => setTowns(Boolean(d.checked))} />
      <Field label={t("ui.gen.lang")}>
        <Select value={sheetLang} onChange={(_, d) => setSheetLang(d.value as Lang)}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
      {missing.length > 0 && (
        <Caption1 role="note">{t("ui.gen.featureNote", { features: missing.join("、") })}</Caption1>
      )}
      <Button
        appearance="primary"
        disabled={busy || !state}
        onClick={() =>
          act(async () => {
            setResult(null);
            setProgress(0);
            const st = translator(sheetLang);
            const r = await session.generate(
              {
                asOf,
                dueSoonDays,
                lang: sheetLang,
                asOfText: formatDate(asOf, sheetLang),
                townSheets: towns,
                ...(sheet ? { sheet } : {}),
                mapping,
              },
              st,
              st,
              (done, total) => setProgress(done / total),
            );
            setProgress(null);
            setResult(r);
            await refresh();
          })
        }
      >
        {t("ui.gen.run")}
      </Button>
      {progress !== null && (
        <Field validationMessage={t("ui.gen.progress")} validationState="none">
          <ProgressBar value={progress} />
        </Field>
      )}
      {result && (
        <div className={styles.grid} data-testid="generate-result">
          <Text role="status">{t("ui.gen.done", { n: result.unitSheets.length })}</Text>
          {shell.canSelect && <Link onClick={() => go(result.summarySheet)}>{t("ui.gen.openSummary")}</Link>}
          {shell.generated?.(result)}
          <details>
            <summary>{t("ui.gen.units")}</summary>
            <div className={styles.links}>
              {result.unitSheets.map((s) =>
                shell.canSelect ? (
                  <Link key={s} onClick={() => go(s)}>
                    {s}
                  </Link>
                ) : (
                  <Text key={s}>{s}</Text>
                ),
              )}
            </div>
          </details>
        </div>
      )}
    </div>
  );
}
