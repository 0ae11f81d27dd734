/**
 * The ledger in any browser: the pane's steps over files picked in the page (issue 15). Only what
 * a page does differently lives here: picking or dropping the list, and downloading what was made.
 */
import { Field, ProgressBar, Text, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { zipSync } from "fflate";
import { type DragEvent, useEffect, useMemo, useState } from "react";
import type { GenerateOutcome } from "../app/session";
import { localDate } from "../core/deadlines/dates";
import type { Lang } from "../i18n";
import { App } from "../taskpane/App";
import { type ShellParts, usePane } from "../taskpane/context";
import { withTraditionalConverter } from "../taskpane/converter";
import { CollectStep } from "./CollectStep";
import { DownloadLink } from "./download";
import { FileBook, ledgerFileName, openFileSession, unitWorkbooksZip, yieldToPage } from "./files";

const useStyles = makeStyles({
  drop: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "grid",
    rowGap: tokens.spacingVerticalS,
  },
  over: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  downloads: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
});

const ACCEPT = ".xlsx,.xlsm,.csv,.tsv,.txt,.md,.docx";

function Picker({ book, onOpened }: { book: FileBook; onOpened: (name: string) => void }) {
  const { t, act, busy, session, reload } = usePane();
  const styles = useStyles();
  const [over, setOver] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const open = (file: File) =>
    act(async () => {
      await book.open(file.name, new Uint8Array(await file.arrayBuffer()), session, t);
      setName(file.name);
      onOpened(file.name);
      await reload();
    });
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };
  return (
    <div
      className={`${styles.drop} ${over ? styles.over : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop"
    >
      <Field label={t("web.pick")}>
        <input
          type="file"
          accept={ACCEPT}
          aria-label={t("web.pick")}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void open(file);
            e.target.value = "";
          }}
        />
      </Field>
      <Text size={200}>{t("web.drop")}</Text>
      {name && (
        <Text weight="semibold" data-testid="file-name">
          {t("web.file", { name })}
        </Text>
      )}
    </div>
  );
}

function Downloads({ book, result }: { book: FileBook; result: GenerateOutcome }) {
  const { t } = usePane();
  const styles = useStyles();
  // What was written, for which generation: a new result shows nothing of the one before.
  const [ledgerOf, setLedger] = useState<{ of: GenerateOutcome; bytes: Uint8Array } | null>(null);
  const [zipOf, setZip] = useState<{ of: GenerateOutcome; bytes: Uint8Array; count: number } | null>(null);
  const [progressOf, setProgress] = useState<{ of: GenerateOutcome; value: number } | null>(null);
  const ledger = ledgerOf?.of === result ? ledgerOf.bytes : null;
  const zip = zipOf?.of === result ? zipOf : null;
  const progress = progressOf?.of === result ? progressOf.value : 0;
  useEffect(() => {
    let live = true;
    const plan = book.lastPlan;
    void (async () => {
      await yieldToPage();
      if (!live) return;
      setLedger({ of: result, bytes: book.port.bytes() });
      if (!plan) return;
      const z = await unitWorkbooksZip(
        plan,
        (files) => zipSync(files, { level: 0 }),
        (done, total) => live && setProgress({ of: result, value: done / total }),
      );
      if (live) setZip({ of: result, ...z });
    })();
    return () => {
      live = false;
    };
  }, [book, result]);
  const ledgerName = ledgerFileName(book.name);
  const zipName = ledgerName.replace(/\.xlsx?m?$/, ".zip").replace("（台账）", "（各单位填报表）");
  return (
    <div className={styles.downloads} data-testid="downloads">
      {ledger && (
        <DownloadLink
          bytes={ledger}
          name={ledgerName}
          label={t("web.downloadLedger", { name: ledgerName })}
          testId="download-ledger"
          primary
        />
      )}
      {zip ? (
        <>
          <Text role="status">{t("web.zipDone", { n: zip.count })}</Text>
          <DownloadLink
            bytes={zip.bytes}
            name={zipName}
            label={t("web.downloadZip", { n: zip.count })}
            testId="download-zip"
          />
        </>
      ) : (
        <Field validationMessage={t("web.zipProgress")} validationState="none">
          <ProgressBar value={progress} aria-label={t("web.zipProgress")} data-testid="zip-progress" />
        </Field>
      )}
    </div>
  );
}

export interface WebPageProps {
  initialLang: Lang;
  today: () => string;
}

export function WebPage({ initialLang, today }: WebPageProps) {
  const book = useMemo(() => new FileBook(), []);
  const session = useMemo(() => withTraditionalConverter(openFileSession(book, today)), [book, today]);
  const [, setOpened] = useState<string | null>(null);
  const shell: ShellParts = {
    canSelect: false,
    canEdit: false,
    source: <Picker book={book} onOpened={setOpened} />,
    generated: (r) => <Downloads book={book} result={r} />,
  };
  return (
    <App
      session={session}
      initialLang={initialLang}
      today={today()}
      shell={shell}
      readOnStart={false}
      collectStep={<CollectStep book={book} onLedger={setOpened} />}
      notice={(t) => (
        <Text size={200} role="note" data-testid="private">
          {t("web.private")}
        </Text>
      )}
    />
  );
}

export const todayHere = () => localDate(new Date());
