import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { totals } from "../../core/report/figures";
import { tallyUnits, worstFirst } from "../../core/units/tally";
import { usePane } from "../context";
import { UnitChart } from "./UnitChart";

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
});

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
  // Every unit that leads a task, worst first: none is left without its bar.
  const perUnit = tallyUnits(state.list, state.checks.warnings)
    .sort(worstFirst)
    .filter((u) => u.lead > 0);
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
      <UnitChart units={perUnit} t={t} />
    </div>
  );
}
