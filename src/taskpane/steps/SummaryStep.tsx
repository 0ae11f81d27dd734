import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { totals } from "../../core/report/figures";
import { tallyUnits, worstFirst } from "../../core/units/tally";
import { usePane } from "../context";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(5.5rem, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  figure: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "grid",
  },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  chart: { width: "100%", height: "auto" },
});

const CHART_UNITS = 10;

export function SummaryStep() {
  const { state, t } = usePane();
  const styles = useStyles();
  if (!state) return <Text>{t("ui.sum.empty")}</Text>;
  const tot = totals(state.list, state.checks.warnings);
  const figures: [string, string | number][] = [
    [t("ui.sum.tasks"), tot.tasks],
    [t("ui.sum.done"), tot.done],
    [t("ui.sum.overdue"), tot.overdue],
    [t("ui.sum.dueSoon"), tot.dueSoon],
    [t("ui.sum.rate"), tot.tasks ? `${Math.round(tot.rate * 100)}%` : "—"],
  ];
  const perUnit = tallyUnits(state.list, state.checks.warnings)
    .sort(worstFirst)
    .filter((u) => u.lead > 0)
    .slice(0, CHART_UNITS);
  const max = Math.max(1, ...perUnit.map((u) => u.lead));
  const rowH = 22;
  return (
    <div>
      <div className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <Text size={200}>{label}</Text>
            <Text className={styles.big}>{value}</Text>
          </div>
        ))}
      </div>
      <figure>
        <figcaption>
          <Text size={200}>{t("ui.sum.chart")}</Text>
        </figcaption>
        <svg
          className={styles.chart}
          viewBox={`0 0 300 ${perUnit.length * rowH + 4}`}
          role="img"
          aria-label={t("ui.sum.chart")}
        >
          {perUnit.map((u, i) => (
            <g key={u.name} transform={`translate(0 ${i * rowH})`}>
              <text x="0" y="14" fontSize="11" fill="#242424">
                {u.name.length > 9 ? `${u.name.slice(0, 8)}…` : u.name}
              </text>
              <rect x="120" y="3" width={(u.overdue / max) * 170} height="7" fill="#C50F1F">
                <title>{`${t("ui.sum.overdue")} ${u.overdue}`}</title>
              </rect>
              <rect x="120" y="11" width={(u.done / max) * 170} height="7" fill="#107C10">
                <title>{`${t("ui.sum.done")} ${u.done}`}</title>
              </rect>
            </g>
          ))}
        </svg>
      </figure>
    </div>
  );
}
