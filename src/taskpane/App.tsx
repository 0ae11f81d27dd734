/**
 * The task pane: five steps a clerk follows top to bottom. It talks to the workbook only through
 * the session it is given; Office is never called from here.
 */
import {
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Lang, type Translate, translator } from "../i18n";
import { sayError } from "../app/errors";
import type { MappingRequest } from "../app/options";
import { ReadError } from "../core/read/raw";
import type { SessionState } from "../app/session";
import { PANE_PARTS, Pane, type PaneContext, type ShellParts, type ShellSession } from "./context";
import { CheckStep } from "./steps/CheckStep";
import { CollectStep } from "./steps/CollectStep";
import { GenerateStep } from "./steps/GenerateStep";
import { SourceStep } from "./steps/SourceStep";
import { SummaryStep } from "./steps/SummaryStep";

/** The 收集 step's module, fetched with the first collect (a chunk of its own, as the .docx reader). */
type CollectModule = typeof import("./collect");
// The specifier is widened so that tsc (node16 resolution) leaves it to webpack and jest to resolve.
const loadCollect = () =>
  import(/* webpackChunkName: "collect" */ "./collect" as string) as Promise<CollectModule>;

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "grid",
    rowGap: tokens.spacingVerticalM,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowX: "hidden",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  step: { display: "grid", rowGap: tokens.spacingVerticalS },
  lang: { minWidth: "6.5rem" },
});

const STEPS = ["source", "check", "generate", "collect", "summary"] as const;

export interface AppProps {
  session: ShellSession;
  initialLang: Lang;
  /** Today, YYYY-MM-DD, from the host's clock. */
  today: string;
  /** What the shell adds or leaves out (the pane's when not given). */
  shell?: ShellParts;
  /** Read the workbook at once (the pane); the page waits for a file. */
  readOnStart?: boolean;
  /** A line under the title (the page: the files stay on this machine). */
  notice?: (t: Translate) => ReactNode;
  /** The shell's own 收集 step (the page's: returns into its ledger file); else the pane's. */
  collectStep?: ReactNode;
}

export function App({
  session,
  initialLang,
  today,
  shell = PANE_PARTS,
  readOnStart = true,
  notice,
  collectStep,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [state, setState] = useState<SessionState | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [dueSoonDays, setDueSoonDays] = useState(15);
  const [mapping, setMapping] = useState<MappingRequest>({});
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The failure as thrown, said in the language shown (a reader's failure by its message key).
  const [failure, setError] = useState<unknown>(null);
  const error =
    failure === null
      ? null
      : failure instanceof ReadError
        ? sayError(failure, t)
        : failure instanceof Error
          ? failure.message
          : String(failure);
  const [loaded, setLoaded] = useState(!readOnStart);
  const first = useRef(true);

  const flags = useMemo(
    () => ({
      asOf,
      dueSoonDays,
      ...(sheet ? { sheet } : {}),
      ...(Object.keys(mapping).length ? { mapping } : {}),
    }),
    [asOf, dueSoonDays, sheet, mapping],
  );
  const refresh = useCallback(async () => {
    setState(await session.read(flags));
  }, [session, flags]);
  // The ledger is written again in the language it was generated in.
  const sheetLang = state?.settings?.lang ?? lang;
  const collect = useCallback(
    async (files: Parameters<PaneContext["collect"]>[0]) => {
      const { collectPicked } = await loadCollect();
      const r = await collectPicked(session, files, flags, sheetLang);
      setState(await session.read(flags));
      return r;
    },
    [session, flags, sheetLang],
  );

  const act = useCallback(async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  // First read: nothing chosen yet, so the workbook's stored settings (the as-of date, the
  // window, the columns) win over the defaults; the pane shows what the read used.
  const reload = useCallback(async () => {
    setState(null);
    setSheet(undefined);
    try {
      const s = await session.read({});
      setAsOf(s.options.asOf);
      setDueSoonDays(s.options.dueSoonDays);
      setMapping(s.options.mapping);
      setState(s);
    } finally {
      setLoaded(true);
    }
  }, [session]);

  useEffect(() => {
    if (!first.current || !readOnStart) return;
    first.current = false;
    void act(reload);
  }, [act, reload, readOnStart]);

  const ctx: PaneContext = {
    session,
    shell,
    reload,
    lang,
    t,
    state,
    refresh,
    asOf,
    setAsOf,
    dueSoonDays,
    setDueSoonDays,
    mapping,
    setMapping,
    today,
    sheet,
    setSheet,
    busy,
    act,
    collect,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <Pane.Provider value={ctx}>
        <main className={styles.root}>
          <header className={styles.header}>
            <div>
              <Title3 as="h1">{t("ui.title")}</Title3>
              <div>
                <Text size={200}>{t("ui.subtitle")}</Text>
              </div>
              {notice && <div>{notice(t)}</div>}
            </div>
            <Select
              className={styles.lang}
              aria-label={t("ui.language")}
              value={lang}
              onChange={(_, d) => setLang(d.value as Lang)}
              data-testid="language"
            >
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </Select>
          </header>
          {error && (
            <MessageBar intent="error" data-testid="error">
              <MessageBarBody>
                <MessageBarTitle>
                  {state ? t("ui.error", { message: "" }) : t("ui.source.noList", { message: "" })}
                </MessageBarTitle>
                {error} {state ? t("ui.errorHint") : t("ui.source.noListHint")}
              </MessageBarBody>
            </MessageBar>
          )}
          {!loaded && <Spinner size="tiny" label={t("ui.loading")} />}
          {STEPS.map((step, i) => (
            <section
              key={step}
              className={styles.step}
              aria-labelledby={`step-${step}`}
              data-testid={`step-${step}`}
            >
              {i > 0 && <Divider />}
              <Subtitle2 as="h2" id={`step-${step}`}>
                {t(`ui.step.${step}`)}
              </Subtitle2>
              {step === "source" && <SourceStep />}
              {step === "check" && <CheckStep />}
              {step === "generate" && <GenerateStep />}
              {step === "collect" && (collectStep ?? <CollectStep />)}
              {step === "summary" && <SummaryStep />}
            </section>
          ))}
        </main>
      </Pane.Provider>
    </FluentProvider>
  );
}
