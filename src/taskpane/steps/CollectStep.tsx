/**
 * 收集: the clerk picks the returned forms (several at once, or a .zip), the shell collects them
 * (the pane into the open workbook, the page into its ledger file: the context's `collect`), and
 * the step shows the report — received, 未报送, 未更新, conflicts, rejected. Shared by the pane and
 * the browser page; what differs (the page's ledger picker and download) comes in as props.
 */
import { Button, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { CollectOutcome } from "../../app/session";
import type { Translate } from "../../i18n";
import type { PickedFile } from "../../workbook/package/returns";
import { usePane } from "../context";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Files picked in an `<input type="file" multiple>`, read into memory (they are only read). */
async function pickedFiles(files: FileList | null): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(files ?? []).map(async (f) => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      modified: new Date(f.lastModified).toISOString(),
    })),
  );
}

export interface CollectStepProps {
  /** Above the picker (the page: which ledger to collect into). */
  before?: ReactNode;
  /** Below the report (the page: the updated ledger to download). */
  after?: (r: CollectOutcome) => ReactNode;
}

export function CollectStep({ before, after }: CollectStepProps) {
  const { t, act, busy, state, collect } = usePane();
  const styles = useStyles();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [outcome, setOutcome] = useState<CollectOutcome | null>(null);
  return (
    <div className={styles.grid}>
      {before}
      <Field label={t("ui.collect.pick")} hint={t("ui.collect.pickHint")}>
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,.zip"
          aria-label={t("ui.collect.pick")}
          data-testid="collect-pick"
          disabled={busy}
          onChange={(e) => {
            const list = e.target.files;
            void act(async () => {
              setOutcome(null);
              setFiles(await pickedFiles(list));
            });
          }}
        />
      </Field>
      {files.length > 0 && (
        <Text data-testid="collect-files">{t("ui.collect.files", { n: files.length })}</Text>
      )}
      <Button
        appearance="primary"
        disabled={busy || !state || files.length === 0}
        onClick={() =>
          act(async () => {
            setOutcome(null);
            setOutcome(await collect(files));
          })
        }
      >
        {t("ui.collect.run")}
      </Button>
      {outcome && (
        <>
          <CollectReportView outcome={outcome} t={t} />
          {after?.(outcome)}
        </>
      )}
    </div>
  );
}

/** The collect report as the CLI prints it, every line from the string tables. */
export function CollectReportView({ outcome, t }: { outcome: CollectOutcome; t: Translate }) {
  const styles = useStyles();
  const { report } = outcome;
  const line = (s: string) => s.trim();
  return (
    <div className={styles.grid} data-testid="collect-report" role="status">
      <Text weight="semibold">
        {t("cli.collect.period", { period: report.period, received: report.received.length })}
      </Text>
      <ul className={styles.list}>
        {report.received.map((x) => (
          <li key={`r-${x.file}-${x.unit}`}>{line(t("cli.collect.received", x))}</li>
        ))}
        {report.conflicts.map((x, i) => (
          <li key={`c-${i}`}>{line(t("cli.collect.conflict", { ...x, taskId: x.taskId || "—" }))}</li>
        ))}
        {report.rejected.map((x, i) => (
          <li key={`x-${i}`}>{line(t("cli.collect.rejected", x))}</li>
        ))}
      </ul>
      {report.unchanged.length > 0 && (
        <Text>
          {t("cli.collect.unchanged", {
            items: report.unchanged.map((u) => t("cli.collect.item", u)).join(t("cli.listSep")),
          })}
        </Text>
      )}
      {report.missing.length > 0 && (
        <Text data-testid="collect-missing">
          {t("cli.collect.missing", { units: report.missing.join(t("cli.listSep")) })}
        </Text>
      )}
      <Text>{outcome.written ? t("ui.collect.written") : t("cli.collect.none")}</Text>
    </div>
  );
}
