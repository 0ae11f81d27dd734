import {
  Button,
  Caption1,
  Field,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { MessageKey } from "../../i18n";
import { COLUMN_FIELDS } from "../../core/read/columns";
import { type ReadMessageKey, flatParams } from "../../core/read/messages";
import { usePane } from "../context";

/** The fields offered for correction (the responsible person is not used by the pane). */
const FIELDS = COLUMN_FIELDS.filter((f) => f !== "person");

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  counts: { fontWeight: tokens.fontWeightSemibold },
});

export function SourceStep() {
  const { state, t, sheet, setSheet, mapping, setMapping, refresh, reload, act, busy, session, shell } =
    usePane();
  // Nothing read yet (the page before a file is picked): the imported sheet is read as the list.
  const readIfNone = () => (state ? Promise.resolve() : reload());
  const styles = useStyles();
  const [text, setText] = useState("");
  // The sheet last imported into: said in the pane's current language, whenever it changes.
  const [imported, setImported] = useState<string | null>(null);
  const layout = state?.layout;
  const headers = layout?.headers ?? [];
  const columnOf = (f: string): number | undefined => {
    const chosen = mapping[f as keyof typeof mapping];
    const first = typeof chosen === "object" ? chosen[0] : chosen;
    if (typeof first === "number") return first;
    const c = layout?.columns[f];
    return Array.isArray(c) ? c.at(-1) : c;
  };
  // A column the reader recognised by its content (not chosen by the user): said with its reason.
  const say = (k: ReadMessageKey, p: Record<string, string | number>) => t(k, p);
  const inferredReason = (f: string): string | undefined => {
    if (mapping[f as keyof typeof mapping] !== undefined) return undefined;
    const col = columnOf(f);
    const found = layout?.inferred?.find((i) => i.field === f && i.col === col);
    return found
      ? t("ui.source.inferred", { reason: t(found.why.key, flatParams(found.why.params, say)) })
      : undefined;
  };
  const anyInferred = FIELDS.some((f) => inferredReason(f) !== undefined);
  return (
    <div className={styles.grid}>
      {shell.source}
      <Field label={t("ui.source.sheet")}>
        <Select
          value={sheet ?? state?.list.source.sheet ?? ""}
          onChange={(_, d) => setSheet(d.value || undefined)}
          disabled={busy}
        >
          {(state?.sheets ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      {state && (
        <Text className={styles.counts} data-testid="source-counts">
          {t("ui.source.counts", { tasks: state.list.tasks.length, units: state.units.length })}
          {layout ? ` · ${t("ui.source.headerRow", { row: layout.headerRow })}` : ""}
        </Text>
      )}
      {layout && (
        // Open when columns were recognised by their content: the user should look at them.
        <details open={anyInferred} data-testid="source-mapping">
          <summary>
            {t("ui.source.mapping")}
            {anyInferred ? ` · ${t("ui.source.inferredSome")}` : ""}
          </summary>
          <div className={styles.grid}>
            {FIELDS.map((f) => (
              <Field
                key={f}
                label={t(`ui.field.${f}` as MessageKey)}
                orientation="horizontal"
                {...(inferredReason(f)
                  ? { validationMessage: inferredReason(f), validationState: "warning" as const }
                  : {})}
                data-inferred={inferredReason(f) ? "true" : undefined}
              >
                <Select
                  value={String(columnOf(f) ?? "")}
                  onChange={(_, d) => setMapping({ ...mapping, [f]: [Number(d.value)] })}
                  disabled={busy}
                >
                  <option value="">{t("ui.source.unused")}</option>
                  {headers.map(([c, h]) => (
                    <option key={c} value={String(c)}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </details>
      )}
      <div className={styles.row}>
        <Button onClick={() => act(refresh)} disabled={busy}>
          {t("ui.source.reload")}
        </Button>
      </div>
      <details>
        <summary>{t("ui.source.import")}</summary>
        <div className={styles.grid}>
          <Field label={t("ui.source.paste")}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={5} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || !text.trim()}
              onClick={() =>
                act(async () => {
                  const name = await session.importText(text, t);
                  setImported(name);
                  setSheet(name);
                  setText("");
                  await readIfNone();
                })
              }
            >
              {t("ui.source.importText")}
            </Button>
            <Field label={t("ui.source.importDocx")}>
              <input
                type="file"
                aria-label={t("ui.source.importDocx")}
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                disabled={busy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  void act(async () => {
                    const name = await session.importDocx(await file.arrayBuffer(), t);
                    setImported(name);
                    setSheet(name);
                    await readIfNone();
                  });
                }}
              />
            </Field>
          </div>
          {imported && <Caption1 role="status">{t("ui.source.imported", { sheet: imported })}</Caption1>}
        </div>
      </details>
    </div>
  );
}
