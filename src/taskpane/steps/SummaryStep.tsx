/**
 * 汇总: the cycle's figures as the summary sheet has them, from the same read (the session's
 * `totals` and its one per-unit tally): the states, 滞后 and 未报送, the completion rate; per unit
 * that leads tasks, worst first (red, yellow, 未报送, completion) with 滞后 and 未报送; the units
 * that did not report this period.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { worstFirst } from "../../core/units/tally";
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
  table: {
    marginTop: tokens.spacingVerticalL,
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "right",
    },
    "& th:first-child, & td:first-child": { textAlign: "left", overflowWrap: "anywhere" },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  owing: { marginTop: tokens.spacingVerticalM, display: "block" },
  actions: { display: "grid", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalM },
});

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export function SummaryStep() {
  const { state, t, lang, asOf, dueSoonDays, mapping, sheet, session, act, busy } = usePane();
  const styles = useStyles();
  const [written, setWritten] = useState<string | null>(null);
  if (!state) return <Text>{t("ui.sum.empty")}</Text>;
  const tot = state.totals;
  const figures: [string, string | number][] = [
    [t("ui.sum.tasks"), tot.tasks],
    [t("ui.sum.done"), tot.done],
    [t("ui.sum.overdue"), tot.overdue],
    [t("ui.sum.behind"), tot.behind],
    [t("ui.sum.notReported"), tot.notReported],
    [t("ui.sum.dueSoon"), tot.dueSoon],
    [t("ui.sum.rate"), tot.tasks ? `${Math.round(tot.rate * 100)}%` : "—"],
  ];
  // Every unit that leads a task, worst first: none is left without its row and bar.
  const perUnit = [...state.units].sort(worstFirst).filter((u) => u.lead > 0);
  // As the summary sheet: once the cycle has begun, the leading units that did not report.
  const begun = state.units.some((u) => u.reported === true || u.notReported > 0);
  const owing = perUnit.filter((u) => u.reported === false).map((u) => u.name);
  const rate = perUnit.length ? (perUnit.length - owing.length) / perUnit.length : 0;
  const cls = (n: number, c: string) => (n > 0 ? c : undefined);
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
      {begun && (
        <Text className={styles.owing} data-testid="summary-owing">
          {t("plan.reportingLine", {
            period: state.period,
            rate: Math.round(rate * 1000) / 10,
            n: owing.length,
            units: owing.join(t("cli.listSep")) || "—",
          })}
        </Text>
      )}
      {perUnit.length > 0 && (
        <table className={styles.table} data-testid="summary-units">
          <caption className={styles.caption}>{t("ui.sum.byUnit")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan.col.unit")}</th>
              <th scope="col">{t("plan.col.overdue")}</th>
              <th scope="col">{t("plan.col.behind")}</th>
              <th scope="col">{t("plan.col.notReported")}</th>
              <th scope="col">{t("plan.col.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {perUnit.map((u) => (
              <tr key={u.name}>
                <th scope="row">{u.name}</th>
                <td className={cls(u.overdue, styles.bad)}>{u.overdue}</td>
                <td className={cls(u.behind, styles.warn)}>{u.behind}</td>
                <td className={cls(u.notReported, styles.warn)}>{u.notReported}</td>
                <td>{percent(u.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
