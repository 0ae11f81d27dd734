import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding } from "../../core/checks/findings";
import { formatRef } from "../../core/model";
import { renderFinding } from "../../core/report/render";
import { formatDate } from "../../i18n";
import { usePane } from "../context";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "end",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", rowGap: tokens.spacingVerticalXS },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    overflowWrap: "anywhere",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  finding: {
    textAlign: "left",
    height: "auto",
    minHeight: "unset",
    padding: 0,
    justifyContent: "start",
    whiteSpace: "normal",
  },
  narrow: { maxWidth: "8rem" },
});

const SEVERITIES = ["error", "warning", "info"] as const;

export function CheckStep() {
  const {
    state,
    t,
    lang,
    asOf,
    setAsOf,
    dueSoonDays,
    setDueSoonDays,
    mapping,
    sheet,
    today,
    refresh,
    act,
    busy,
    session,
    shell,
  } = usePane();
  const styles = useStyles();
  const [unit, setUnit] = useState("");
  const [code, setCode] = useState("");
  const [confirming, setConfirming] = useState<Finding | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const findings = useMemo(
    () =>
      (state?.checks.findings ?? []).filter((f) => {
        if (code && f.code !== code) return false;
        if (!unit) return true;
        if (f.department === unit) return true;
        const task = f.taskIndex === null ? null : state?.list.tasks[f.taskIndex];
        return Boolean(task && [...task.lead, ...task.cooperating].some((u) => u.name === unit));
      }),
    [state, unit, code],
  );
  const codes = [...new Set((state?.checks.findings ?? []).map((f) => f.code))];
  const counts = { red: 0, yellow: 0, blue: 0, green: 0, none: 0 };
  for (const w of state?.checks.warnings ?? []) counts[w]++;
  return (
    <div className={styles.grid}>
      <div className={styles.row}>
        <Field label={t("ui.check.asOf")}>
          <Input type="date" value={asOf} onChange={(_, d) => d.value && setAsOf(d.value)} />
        </Field>
        {asOf !== today && (
          <Button
            appearance="subtle"
            onClick={() => setAsOf(today)}
            disabled={busy}
            data-testid="as-of-today"
          >
            {t("ui.check.today", { date: formatDate(today, lang) })}
          </Button>
        )}
        <Field label={t("ui.check.dueSoon")}>
          <Input
            className={styles.narrow}
            type="number"
            min={0}
            value={String(dueSoonDays)}
            onChange={(_, d) => setDueSoonDays(Math.max(0, Number(d.value) || 0))}
          />
        </Field>
        <Button
          appearance="primary"
          onClick={() =>
            act(async () => {
              await refresh();
              // The chosen date, window and columns stay with the workbook for the next person.
              await session.saveSettings({ asOf, dueSoonDays, mapping, lang, ...(sheet ? { sheet } : {}) });
            })
          }
          disabled={busy}
        >
          {t("ui.check.run")}
        </Button>
      </div>
      {state && <Text data-testid="warning-counts">{t("ui.check.counts", counts)}</Text>}
      {state && (
        <div className={styles.row}>
          <Field label={t("ui.check.filterUnit")}>
            <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
              <option value="">{t("ui.check.all")}</option>
              {state.units.map((u) => (
                <option key={u.name} value={u.name}>
                  {u.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("ui.check.filterCode")}>
            <Select value={code} onChange={(_, d) => setCode(d.value)}>
              <option value="">{t("ui.check.all")}</option>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {t(`code.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {note && (
        <Caption1 role="status" data-testid="check-note">
          {note}
        </Caption1>
      )}
      {state && findings.length === 0 && <Text>{t("ui.check.none")}</Text>}
      {SEVERITIES.map((sev) => {
        const group = findings.filter((f) => f.severity === sev);
        if (!group.length) return null;
        return (
          <section key={sev} aria-label={t(`severity.${sev}`)}>
            <div className={styles.groupTitle}>
              {t(`severity.${sev}`)} <Badge appearance="outline">{group.length}</Badge>
            </div>
            <ul className={styles.list}>
              {group.slice(0, 200).map((f, i) => {
                const r = renderFinding(f, t);
                const where = f.ref ? formatRef(f.ref) : "";
                return (
                  <li key={`${f.code}-${i}`} className={`${styles.item} ${styles[sev]}`}>
                    {shell.canSelect ? (
                      <Button
                        appearance="transparent"
                        className={styles.finding}
                        disabled={f.ref?.kind !== "cell"}
                        title={where ? t("ui.check.goto", { ref: where }) : undefined}
                        onClick={() => act(() => session.select(f.ref!))}
                        data-testid="finding"
                      >
                        {r.message}
                      </Button>
                    ) : (
                      <Text data-testid="finding">{r.message}</Text>
                    )}
                    {where && <Caption1 data-testid="finding-cell"> · {where}</Caption1>}
                    {shell.canEdit &&
                      f.suggestion &&
                      (f.code === "PROBABLE_TYPO" || f.code === "UNKNOWN_UNIT") &&
                      f.ref?.kind === "cell" && (
                        <div>
                          {confirming === f ? (
                            <div className={styles.row}>
                              <Caption1>
                                {t("ui.check.confirm", {
                                  ref: where,
                                  from: String(f.params.raw ?? f.params.unit),
                                  to: f.suggestion,
                                })}
                              </Caption1>
                              <Button
                                size="small"
                                appearance="primary"
                                onClick={() =>
                                  act(async () => {
                                    const ok = await session.applySuggestion(f);
                                    setNote(
                                      ok ? t("ui.check.applied", { ref: where }) : t("ui.check.changed"),
                                    );
                                    setConfirming(null);
                                    await refresh();
                                  })
                                }
                              >
                                {t("ui.check.confirmYes")}
                              </Button>
                              <Button size="small" onClick={() => setConfirming(null)}>
                                {t("ui.check.confirmNo")}
                              </Button>
                            </div>
                          ) : (
                            <Button size="small" onClick={() => setConfirming(f)}>
                              {t("ui.check.apply", { suggestion: f.suggestion })}
                            </Button>
                          )}
                        </div>
                      )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
