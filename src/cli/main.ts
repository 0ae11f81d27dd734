/**
 * task-ledger: the command line, a thin shell over the core and the files adapter.
 * Data on stdout, messages on stderr. Exit codes: 0 ran, 1 findings at --fail-on level,
 * 2 the input could not be read or the command was wrong.
 */
import { Command, CommanderError, Option } from "commander";
import * as path from "path";
import { type Severity, runChecks } from "../core/checks/findings";
import { DEFAULT_DUE_SOON_DAYS } from "../core/checks/warnings";
import { parseYmd } from "../core/deadlines/dates";
import { buildTaskList, summarizeUnits } from "../core/ledger";
import type { TaskList } from "../core/model";
import type { ColumnField } from "../core/read/columns";
import { ReadError } from "../core/read/raw";
import { toJsonReport } from "../core/report/json";
import { renderFinding, renderTextReport } from "../core/report/render";
import { UnitDirectory } from "../core/units/directory";
import { type Lang, formatDate, parseLang, translator } from "../i18n";
import { colNumber } from "../workbook/exceljs/read";
import { openDirectoryFile, openListFile } from "../workbook/exceljs/open-file";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Today's date, YYYY-MM-DD (the CLI owns the clock; the core never reads it). */
  today: () => string;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  today: () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  },
};

/** The embedded sample list: the published text, bundled with the tool. */
export const SAMPLE_TEXT = path.join(
  __dirname,
  "..",
  "..",
  "assets",
  "samples",
  "longxian-2024-key-tasks.txt",
);

const FIELDS: ColumnField[] = [
  "id",
  "section",
  "title",
  "detail",
  "lead",
  "cooperating",
  "responsible",
  "leader",
  "person",
  "deadline",
  "progress",
  "onSchedule",
  "note",
];

class UsageError extends Error {}

function parseMap(values: string[] | undefined): Partial<Record<ColumnField, number | number[]>> | undefined {
  if (!values?.length) return undefined;
  const out: Partial<Record<ColumnField, number | number[]>> = {};
  for (const v of values) {
    const m = /^(\w+)=([A-Za-z]{1,3}|\d{1,4})((?:,([A-Za-z]{1,3}|\d{1,4}))*)$/.exec(v.trim());
    const field = m?.[1] as ColumnField | undefined;
    if (!m || !field || !FIELDS.includes(field)) {
      throw new UsageError(
        `--map "${v}": expected FIELD=COLUMN, e.g. lead=D or deadline=7; fields: ${FIELDS.join(", ")}.`,
      );
    }
    const cols = [m[2]!, ...(m[3] ?? "").split(",").filter(Boolean)].map((c) =>
      /^\d+$/.test(c) ? Number(c) : colNumber(c.toUpperCase()),
    );
    out[field] = field === "progress" ? cols : cols[0]!;
  }
  return out;
}

function checkDate(v: string | undefined, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (!parseYmd(v)) throw new UsageError(`${flag} "${v}": expected a date as YYYY-MM-DD, e.g. 2024-07-01.`);
  return v;
}

interface CommonOpts {
  asOf?: string;
  year?: string;
  sheet?: string;
  directory?: string;
  headerRow?: string;
  map?: string[];
  lang?: string;
}

async function loadList(
  file: string,
  o: CommonOpts,
  io: Io,
): Promise<{ list: TaskList; directory: UnitDirectory; asOf: string }> {
  const asOf = checkDate(o.asOf, "--as-of") ?? io.today();
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    throw new UsageError(`--year "${o.year}": expected a year such as 2024.`);
  }
  const headerRow = o.headerRow === undefined ? undefined : Number(o.headerRow);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new UsageError(`--header-row "${o.headerRow}": expected a row number (1, 2, …).`);
  }
  const opened = await openListFile(file, {
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(headerRow ? { headerRow } : {}),
    ...(o.map?.length ? { mapping: parseMap(o.map) } : {}),
  });
  let directory = UnitDirectory.builtin().withUser(opened.directory);
  if (o.directory) directory = directory.withUser(await openDirectoryFile(o.directory));
  const list = buildTaskList(opened.raw, opened.source, { asOf, directory, ...(year ? { year } : {}) });
  return { list, directory, asOf };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = new Command("task-ledger")
    .description(
      "Task Ledger (重点任务台账助手): read and check a county key-task list (.xlsx, .csv, .txt, .md, .docx)",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  const common = (cmd: Command) =>
    cmd
      .option("--as-of <date>", "check as of this date, YYYY-MM-DD (default: today)")
      .option("--year <year>", "the list's year when its title does not say (e.g. 2024)")
      .option("--sheet <name>", "sheet holding the list (.xlsx; default: the first sheet with a task table)")
      .option("--directory <file>", "your unit directory (.xlsx/.csv: 单位名称, 别名, 类型)")
      .option("--header-row <n>", "row number of the table header, when it is not found by itself")
      .option(
        "--map <field=column...>",
        `column for a field, e.g. --map lead=D deadline=G (fields: ${FIELDS.join(", ")})`,
      )
      .addOption(
        new Option("--lang <lang>", "language of messages").choices(["zh-CN", "en"]).default("zh-CN"),
      );

  common(
    program
      .command("check")
      .argument("<file>", "the task list")
      .description("read a list and report deadlines and responsibility problems")
      .option("--json", "print the JSON contract on stdout instead of the report")
      .option("--due-soon <days>", "days ahead that count as due soon", String(DEFAULT_DUE_SOON_DAYS))
      .addOption(
        new Option("--fail-on <level>", "exit 1 when findings at this level exist").choices([
          "error",
          "warning",
        ]),
      ),
  )
    .addHelpText(
      "after",
      "\nExample:\n  npx task-ledger check 重点任务清单.xlsx --as-of 2024-07-01\n  npx task-ledger check list.docx --json > report.json",
    )
    .action(async (file: string, o: CommonOpts & { json?: boolean; dueSoon: string; failOn?: Severity }) => {
      const lang: Lang = parseLang(o.lang);
      const dueSoonDays = Number(o.dueSoon);
      if (!(Number.isInteger(dueSoonDays) && dueSoonDays >= 0))
        throw new UsageError(`--due-soon "${o.dueSoon}": expected a number of days.`);
      const { list, directory, asOf } = await loadList(file, o, io);
      const result = runChecks(list, directory, { asOf, dueSoonDays });
      const t = translator(lang);
      if (o.json) {
        const warnings = new Map(result.warnings.map((w, i) => [i, w] as const));
        const findings = result.findings.map((f) => renderFinding(f, t));
        io.out(JSON.stringify(toJsonReport(list, asOf, findings, warnings), null, 2) + "\n");
      } else {
        io.out(renderTextReport(list, result, { asOfText: formatDate(asOf, lang), t }));
      }
      if (o.failOn && result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn!]))
        code = 1;
    });

  program
    .command("demo")
    .description("read the embedded sample list and print what was found")
    .addOption(new Option("--lang <lang>", "language").choices(["zh-CN", "en"]).default("zh-CN"))
    .option("--as-of <date>", "as-of date (default: 2024-07-01, mid-year of the sample)", "2024-07-01")
    .action(async (o: { lang: string; asOf: string }) => {
      const lang = parseLang(o.lang);
      const t = translator(lang);
      const { list, directory, asOf } = await loadList(SAMPLE_TEXT, { asOf: o.asOf }, io);
      const result = runChecks(list, directory, { asOf, dueSoonDays: DEFAULT_DUE_SOON_DAYS });
      const units = summarizeUnits(list);
      io.out(`${t("demo.heading")}\n`);
      io.out(
        `${t("cli.read", { file: SAMPLE_TEXT, tasks: list.tasks.length, units: units.length })}; ${t("demo.sections", { n: new Set(list.tasks.map((x) => x.section)).size })}\n\n`,
      );
      for (const task of list.tasks) {
        const lead = task.lead.map((u) => u.name).join("、") || "—";
        const groups = task.groups.length ? ` + ${task.groups.join("、")}` : "";
        io.out(
          `${task.id.padStart(3)}. ${task.title}\n     ${lead} | +${task.cooperating.length}${groups} | ${task.deadline.kind}${task.deadline.due ? ` ${task.deadline.due}` : ""}\n`,
        );
      }
      io.out("\n" + renderTextReport(list, result, { asOfText: formatDate(asOf, lang), t }));
      io.out(`\n${t("demo.next", { file: path.relative(process.cwd(), SAMPLE_TEXT) })}\n`);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ReadError || err instanceof UsageError) {
      io.err(`task-ledger: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`task-ledger: unexpected failure: ${message}\n(set TASK_LEDGER_DEBUG=1 for details)\n`);
    if (process.env.TASK_LEDGER_DEBUG) io.err(`${err instanceof Error ? err.stack : ""}\n`);
    return 2;
  }
  return code;
}
