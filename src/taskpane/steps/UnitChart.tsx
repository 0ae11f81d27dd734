/**
 * The summary step's chart: per unit, its lead tasks done and overdue, as bars a person can read
 * in a 320 px pane — drawn in HTML, so names and values keep their real text size (12 px and up)
 * instead of shrinking with an SVG's viewBox; each unit on its own row (long names wrap, never
 * cut), each value written at the end of its bar (zero written as 0), a legend, Fluent tokens for
 * colour, and the same numbers as a table for screen readers.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Translate } from "../../i18n";

export interface UnitBar {
  name: string;
  /** Lead tasks. */
  lead: number;
  done: number;
  overdue: number;
}

const useStyles = makeStyles({
  figure: { margin: 0, marginTop: tokens.spacingVerticalL, display: "grid", rowGap: tokens.spacingVerticalS },
  caption: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  key: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  rows: { display: "grid", rowGap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(5.5em, 38%) 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  name: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  bars: { display: "grid", rowGap: "2px", minWidth: 0 },
  track: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  bar: { height: "12px", borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  done: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  overdue: { backgroundColor: tokens.colorPaletteRedBackground3 },
  /** A zero value: a hairline stub so the row still shows where its bar would start. */
  zero: { width: "2px", backgroundColor: tokens.colorNeutralStroke1 },
  value: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    fontVariantNumeric: "tabular-nums",
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Room left on a track for the value written after the bar. */
const TRACK_SHARE = 82;

export function UnitChart({ units, t }: { units: readonly UnitBar[]; t: Translate }) {
  const styles = useStyles();
  const max = Math.max(1, ...units.map((u) => u.lead));
  const series = [
    { key: "done" as const, label: t("ui.sum.done"), className: styles.done },
    { key: "overdue" as const, label: t("ui.sum.overdue"), className: styles.overdue },
  ];
  const title = t("ui.sum.chart");
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className={styles.key}>
            <span className={`${styles.swatch} ${s.className}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={t("ui.sum.chartAria", { n: units.length })} className={styles.rows}>
        {units.map((u) => (
          <div key={u.name} className={styles.row} data-unit={u.name}>
            <span className={styles.name}>{u.name}</span>
            <span className={styles.bars}>
              {series.map((s) => {
                const v = u[s.key];
                return (
                  <span key={s.key} className={styles.track} title={`${u.name} ${s.label} ${v}`}>
                    <span
                      className={`${styles.bar} ${v > 0 ? s.className : styles.zero}`}
                      style={v > 0 ? { width: `${(v / max) * TRACK_SHARE}%` } : undefined}
                      data-series={s.key}
                    />
                    <span className={styles.value}>{v}</span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
      {/* Hidden from sight, not from screen readers; the box clips the table and its caption. */}
      <div className={styles.hidden}>
        <table>
          <caption>{t("ui.sum.chartTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ui.sum.chartUnit")}</th>
              <th scope="col">{t("ui.sum.chartLead")}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.name}>
                <th scope="row">{u.name}</th>
                <td>{u.lead}</td>
                <td>{u.done}</td>
                <td>{u.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
