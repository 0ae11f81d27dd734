/**
 * The task pane: four steps a clerk follows top to bottom. It talks to the workbook only through
 * the ledger port it is given; Office is never called from here.
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
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Lang, translator } from "../i18n";
import type { LedgerPort, LedgerState } from "../workbook/excel-api/ledger";
import { Pane, type PaneContext } from "./context";
import { CheckStep } from "./steps/CheckStep";
import { GenerateStep } from "./steps/GenerateStep";
import { SourceStep } from "./steps/SourceStep";
import { SummaryStep } from "./steps/SummaryStep";

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

export interface AppProps {
  ledger: LedgerPort;
  initialLang: Lang;
  /** Today, YYYY-MM-DD, from the host's clock. */
  today: string;
}

export function App({ ledger, initialLang, today }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [state, setState] = useState<LedgerState | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [dueSoonDays, setDueSoonDays] = useState(15);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const first = useRef(true);

  const refresh = useCallback(async () => {
    const s = await ledger.read({
      asOf,
      dueSoonDays,
      ...(sheet ? { sheet } : {}),
      ...(Object.keys(mapping).length ? { mapping } : {}),
    });
    setState(s);
  }, [ledger, asOf, dueSoonDays, sheet, mapping]);

  const act = useCallback(async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }, []);

  // First read: the workbook's stored settings (from the last generation) win over the defaults.
  useEffect(() => {
    if (!first.current) return;
    first.current = false;
    void act(async () => {
      try {
        const s = await ledger.read({ asOf: today, dueSoonDays: 15 });
        if (s.settings) {
          setAsOf(s.settings.asOf);
          setDueSoonDays(s.settings.dueSoonDays);
          const m = Object.fromEntries(
            Object.entries(s.settings.mapping ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1)! : v]),
          );
          setMapping(m);
          setState(
            await ledger.read({
              asOf: s.settings.asOf,
              dueSoonDays: s.settings.dueSoonDays,
              ...(Object.keys(m).length ? { mapping: m } : {}),
            }),
          );
        } else setState(s);
      } finally {
        setLoaded(true);
      }
    });
  }, [act, ledger, today]);

  const ctx: PaneContext = {
    ledger,
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
    sheet,
    setSheet,
    busy,
    act,
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
          {(["source", "check", "generate", "summary"] as const).map((step, i) => (
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
              {step === "summary" && <SummaryStep />}
            </section>
          ))}
        </main>
      </Pane.Provider>
    </FluentProvider>
  );
}
