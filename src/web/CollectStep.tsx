/**
 * 4 收集 in the page: the returned report workbooks (several, or a .zip) taken into the ledger the
 * page holds (the one just generated, or one picked here) by the shared `collect`; the updated
 * ledger to download and the collect report on screen. Returned files are only read.
 */
import { Button, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type CollectReport, collect } from "../app/collect";
import { formatDate, translator } from "../i18n";
import { usePane } from "../taskpane/context";
import { type FileBook, ledgerFileName } from "./files";
import { type PickedFile, readReturns } from "../workbook/package/returns";
import { CollectReportView } from "../taskpane/steps/CollectStep";
import { DownloadLink } from "./download";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

async function picked(files: FileList | null): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(files ?? []).map(async (f) => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      modified: new Date(f.lastModified).toISOString(),
    })),
  );
}

export function CollectStep({ book, onLedger }: { book: FileBook; onLedger: (name: string) => void }) {
  const { t, lang, act, busy, asOf, dueSoonDays, mapping, sheet, today, reload, session, state } = usePane();
  const styles = useStyles();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [report, setReport] = useState<CollectReport | null>(null);
  const [ledger, setLedger] = useState<Uint8Array | null>(null);
  return (
    <div className={styles.grid}>
      <Field label={t("web.collect.ledger")} hint={t("web.collect.ledgerHint")}>
        <input
          type="file"
          accept=".xlsx,.xlsm"
          aria-label={t("web.collect.ledger")}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            void act(async () => {
              await book.open(file.name, new Uint8Array(await file.arrayBuffer()), session, t);
              onLedger(file.name);
              setReport(null);
              setLedger(null);
              await reload();
            });
          }}
        />
      </Field>
      <Field label={t("web.collect.pick")}>
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,.zip"
          aria-label={t("web.collect.pick")}
          disabled={busy}
          onChange={(e) => {
            const list = e.target.files;
            void act(async () => setFiles(await picked(list)));
          }}
        />
      </Field>
      {files.length > 0 && (
        <Text data-testid="collect-files">{t("web.collect.files", { n: files.length })}</Text>
      )}
      <Button
        appearance="primary"
        disabled={busy || !state || files.length === 0}
        onClick={() =>
          act(async () => {
            setReport(null);
            setLedger(null);
            const { returns, rejected } = readReturns(files);
            // The ledger is written again in the language it was generated in.
            const sheetLang = state?.settings?.lang ?? lang;
            const st = translator(sheetLang);
            const r = await collect(
              book,
              returns,
              { asOf, dueSoonDays, mapping, ...(sheet ? { sheet } : {}) },
              { today, file: book.name },
              { lang: sheetLang, dateText: (d) => formatDate(d, sheetLang), t: st, tr: st },
            );
            r.report.rejected.unshift(...rejected);
            setReport(r.report);
            if (r.written) setLedger(book.port.bytes());
            await reload();
          })
        }
      >
        {t("web.collect.run")}
      </Button>
      {report && <CollectReportView outcome={{ report, written: ledger !== null }} t={t} />}
      {ledger && (
        <DownloadLink
          bytes={ledger}
          name={ledgerFileName(book.name)}
          label={t("web.downloadLedger", { name: ledgerFileName(book.name) })}
          testId="download-collected"
        />
      )}
    </div>
  );
}
