/**
 * Stage 2 of reading a table: which column holds which field. Header words first (the synonym
 * table), then the user's choice (a column letter or number, or a header's text), then the
 * columns' content for fields still unmapped. Every inferred column is reported with how.
 */
import { type ColumnField, type ColumnMapping, fieldOfHeader, headerKey } from "../columns";
import { type Said, english, said } from "../messages";
import { ReadError } from "../raw";
import { type ColumnProfile, describeLook } from "./profile";

/** A column the user chose: 1-based number, or the text of its header. */
export type ColumnChoice = number | string;

export type MappingOverride = Partial<Record<ColumnField, ColumnChoice | ColumnChoice[]>>;

/** A column mapped from its content rather than its header. */
export interface InferredColumn {
  field: ColumnField;
  col: number;
  /** How it was inferred, e.g. "long varied text (24 characters on average, 100% distinct)". */
  how: string;
  /** The same as a message, for the user's language. */
  why: Said;
}

/** Fields that mean a unit column when their header says so. */
const COOP_WORDS = /(配合|协办|协同|协作|参与|主体)/;

export function mapColumns(labels: Map<number, string>): ColumnMapping {
  const columns: ColumnMapping["columns"] = {};
  const byField = new Map<ColumnField, number[]>();
  for (const [c, l] of [...labels.entries()].sort((a, b) => a[0] - b[0])) {
    const f = fieldOfHeader(l);
    if (!f) continue;
    byField.set(f, [...(byField.get(f) ?? []), c]);
  }
  const mapping: ColumnMapping = { columns };
  for (const [f, cols] of byField) {
    if (f === "progress") columns.progress = cols;
    else columns[f] = cols[0];
  }
  // Several unit columns under one heading (责任单位 over 牵头 | 主体 | 配合): every one is read.
  const moreLead = byField.get("lead")?.slice(1) ?? [];
  const moreCoop = byField.get("cooperating")?.slice(1) ?? [];
  if (moreLead.length) mapping.moreLead = moreLead;
  if (moreCoop.length) mapping.moreCooperating = moreCoop;
  // Two task columns (项目名称 merged over several 工作任务 rows): the first names the group.
  const titles = byField.get("title") ?? [];
  if (titles.length >= 2) {
    mapping.group = titles[0];
    columns.title = titles[1];
  }
  settleResponsible(mapping);
  return mapping;
}

/** 责任单位 beside a 牵头 column cooperates; alone, its first listed unit leads. */
function settleResponsible(mapping: ColumnMapping): void {
  const columns = mapping.columns;
  delete mapping.responsibleRule;
  if (columns.responsible === undefined) return;
  if (columns.lead !== undefined) {
    // Beside a 牵头 column, 责任单位 / 责任主体 cooperates (牵头 | 责任主体 | 协办: both cooperate).
    const coops = [columns.responsible, ...(columns.cooperating !== undefined ? [columns.cooperating] : [])];
    const all = [...coops, ...(mapping.moreCooperating ?? [])].sort((a, b) => a - b);
    columns.cooperating = all[0];
    if (all.length > 1) mapping.moreCooperating = all.slice(1);
    delete columns.responsible;
    mapping.responsibleRule = "cooperating";
  } else mapping.responsibleRule = "first-listed-leads";
}

/** The column a choice names: a number as given, a header text by its header (exact, then contained). */
export function resolveChoice(
  choice: ColumnChoice,
  field: ColumnField,
  labels: Map<number, string>,
  sheet: string,
): number {
  if (typeof choice === "number") return choice;
  const want = headerKey(choice);
  const entries = [...labels.entries()].sort((a, b) => a[0] - b[0]);
  const exact = entries.find(([, l]) => headerKey(l) === want || l.trim() === choice.trim());
  const hit = exact ?? (want ? entries.find(([, l]) => headerKey(l).includes(want)) : undefined);
  if (!hit) {
    throw new ReadError(
      "read.mapNoHeader",
      { sheet, field, choice, headers: entries.map(([, l]) => l).join("、") || said("read.none") },
      sheet,
    );
  }
  return hit[0];
}

export function applyOverride(
  mapping: ColumnMapping,
  override: MappingOverride | undefined,
  labels: Map<number, string>,
  sheet: string,
): void {
  if (!override) return;
  for (const [f, choice] of Object.entries(override) as [ColumnField, ColumnChoice | ColumnChoice[]][]) {
    const cols = (Array.isArray(choice) ? choice : [choice]).map((c) => resolveChoice(c, f, labels, sheet));
    // A column the user gives a field leaves the field it was detected as.
    for (const k of Object.keys(mapping.columns) as (keyof ColumnMapping["columns"])[]) {
      if (k === f) continue;
      if (k === "progress") {
        const kept = mapping.columns.progress?.filter((c) => !cols.includes(c));
        if (kept?.length) mapping.columns.progress = kept;
        else delete mapping.columns.progress;
      } else if (cols.includes(mapping.columns[k]!)) delete mapping.columns[k];
    }
    if (mapping.group !== undefined && cols.includes(mapping.group)) delete mapping.group;
    if (f === "progress") mapping.columns.progress = cols;
    else mapping.columns[f] = cols[0];
  }
  if (
    override.lead !== undefined &&
    mapping.columns.responsible !== undefined &&
    override.responsible === undefined
  ) {
    mapping.columns.cooperating ??= mapping.columns.responsible;
    delete mapping.columns.responsible;
  }
  settleResponsible(mapping);
}

/** Columns already holding a field. */
export function usedColumns(mapping: ColumnMapping): Set<number> {
  const used = new Set<number>();
  for (const v of Object.values(mapping.columns)) {
    if (Array.isArray(v)) v.forEach((c) => used.add(c));
    else if (typeof v === "number") used.add(v);
  }
  for (const c of [...(mapping.moreLead ?? []), ...(mapping.moreCooperating ?? [])]) used.add(c);
  if (mapping.group !== undefined) used.add(mapping.group);
  return used;
}

/**
 * Fields still unmapped, from the columns' content. Only columns whose header means nothing known
 * are considered (a header that names a field is the stronger signal).
 */
export function inferColumns(
  mapping: ColumnMapping,
  profiles: readonly ColumnProfile[],
  labels: Map<number, string>,
): InferredColumn[] {
  const cols = mapping.columns;
  const used = usedColumns(mapping);
  const free = profiles.filter(
    (p) => !used.has(p.col) && p.filled > 0 && !fieldOfHeader(labels.get(p.col) ?? ""),
  );
  const inferred: InferredColumn[] = [];
  const take = (field: ColumnField, p: ColumnProfile, why = describeLook(p)) => {
    inferred.push({ field, col: p.col, how: english(why.key, why.params), why });
    used.add(p.col);
  };
  const isFree = (p: ColumnProfile) => !used.has(p.col);

  const id = free.find((p) => p.look === "id" && isFree(p));
  if (cols.id === undefined && id && id.col === Math.min(...free.map((p) => p.col))) {
    cols.id = id.col;
    take("id", id);
  }
  const unitCols = free.filter((p) => p.look === "units" && isFree(p));
  const header = (p: ColumnProfile) => labels.get(p.col) ?? "";
  if (cols.lead === undefined && cols.responsible === undefined && unitCols.length) {
    const lead =
      unitCols.find((p) => /牵头|主责|主办/.test(header(p))) ??
      unitCols.find((p) => !COOP_WORDS.test(header(p)));
    const coops = unitCols.filter((p) => p !== lead);
    if (
      lead &&
      coops.length === 0 &&
      cols.cooperating === undefined &&
      !/牵头|主责|主办/.test(header(lead))
    ) {
      cols.responsible = lead.col;
      take("responsible", lead, said("look.onlyUnitColumn", { look: describeLook(lead) }));
    } else {
      if (lead) {
        cols.lead = lead.col;
        take(
          "lead",
          lead,
          cols.cooperating !== undefined
            ? said("look.besideCooperating", { look: describeLook(lead) })
            : undefined,
        );
      }
      for (const p of coops) {
        if (cols.cooperating === undefined) cols.cooperating = p.col;
        else (mapping.moreCooperating ??= []).push(p.col);
        take("cooperating", p);
      }
    }
  }
  const deadline = free.find((p) => p.look === "deadline" && isFree(p));
  if (cols.deadline === undefined && deadline) {
    cols.deadline = deadline.col;
    take("deadline", deadline);
  }
  const status = free.filter((p) => p.look === "status" && isFree(p));
  if (cols.progress === undefined && status.length) {
    cols.progress = status.map((p) => p.col);
    status.forEach((p) => take("progress", p));
  }
  const texts = free.filter((p) => p.look === "task-text" && isFree(p));
  if (cols.title === undefined && cols.detail === undefined && texts.length) {
    const [title, detail] = texts;
    cols.title = title!.col;
    take("title", title!);
    if (detail && detail.avgLength >= title!.avgLength) {
      cols.detail = detail.col;
      take("detail", detail);
    }
  }
  settleResponsible(mapping);
  return inferred;
}
