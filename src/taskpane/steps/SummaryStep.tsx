import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
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
  actions: { display: "grid", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalM },
});

export function SummaryStep() {
  const { state, t, lang, asOf, dueSoonDays, mapping, sheet, session, act, busy } = usePane();
  const styles = useStyles();
  const [written, setWritten] = useState<string | null>(null);
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
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() =>
            act(async () => {
              setWritten(null);
              const { input } = await session.bulletin({
                asOf,
                dueSoonDays,
                lang,
                mapping,
                ...(sheet ? { sheet } : {}),
                defaults: {
                  publication: t("bulletin.defaultPublication"),
                  office: t("bulletin.defaultOffice"),
                },
              });
              // The Word writer loads only now, not with the pane.
              const { bulletinBlob, download } = await import(
                /* webpackChunkName: "bulletin" */ "../bulletin-download.js"
              );
              const name = t("ui.sum.bulletinFile", { issue: input.issue });
              download(await bulletinBlob(input), name);
              setWritten(t("ui.sum.bulletinDone", { file: name, next: input.issue + 1 }));
            })
          }
        >
          {t("ui.sum.bulletin")}
        </Button>
        {written && <Text role="status">{written}</Text>}
      </div>
      <UnitChart units={perUnit} t={t} />
    </div>
  );
}
