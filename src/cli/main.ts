/**
 * task-ledger: the command line, a thin shell over the core and the files adapter.
 * Data on stdout, messages on stderr. Exit codes: 0 ran, 1 findings at --fail-on level,
 * 2 the input could not be read or the command was wrong.
 */
import { Command, CommanderError, Option } from "commander";
import { promises as fs } from "fs";
import * as path from "path";
import { type Severity, runChecks } from "../core/checks/findings";
import { DEFAULT_DUE_SOON_DAYS } from "../core/checks/warnings";
import { localDate, parseYmd } from "../core/deadlines/dates";
import { type CollectReport, collect } from "../app/collect";
import { ledgerCycle } from "../core/cycle/cycle";
import type { CycleSettings } from "../core/plan/model";
import { previousSettings } from "../core/plan/workbook-inputs";
import { buildTaskList } from "../core/ledger";
import type { TaskList } from "../core/model";
import { COLUMN_FIELDS, type ColumnField } from "../core/read/columns";
import { ReadError } from "../core/read/raw";
import { toJsonReport } from "../core/report/json";
import { renderFinding, renderTextReport } from "../core/report/render";
import { UnitDirectory } from "../core/units/directory";
import { type Lang, type Translate, formatDate, parseLang, translator } from "../i18n";
import { colNumber } from "../workbook/exceljs/read";
import { type GenerateResult, generateFile } from "../workbook/exceljs/generate";
import { type OpenedList, excelJsView, openDirectoryFile, openListFile } from "../workbook/exceljs/open-file";
import { ExcelJsFilePort, readWorkbookFile } from "../workbook/exceljs/port";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Today's date, YYYY-MM-DD (the CLI owns the clock; the core never reads it). */
  today: () => string;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  today: () => localDate(new Date()),
};

/** The embedded samples: the published text, and a workbook made from it with illustrative progress. */
export const SAMPLE_TEXT = path.join(
  __dirname,
  "..",
  "..",
  "assets",
  "samples",
  "longxian-2024-key-tasks.txt",
);
export const SAMPLE_WORKBOOK = path.join(
  __dirname,
  "..",
  "..",
  "assets",
  "samples",
  "longxian-2024-sample.xlsx",
);

interface GenerateFlags {
  output?: string;
  inPlace?: boolean;
  splitDir?: string;
  townSheets?: boolean;
  dueSoon: string;
  sampleNote?: boolean;
  period?: string;
  dueDay?: string;
  sendTo?: string;
  behindPoints?: string;
}

async function runGenerate(file: string, o: CommonOpts & GenerateFlags, io: Io): Promise<GenerateResult> {
  const lang: Lang = parseLang(o.lang);
  const asOf = checkDate(o.asOf, "--as-of") ?? io.today();
  const dueSoonDays = Number(o.dueSoon);
  if (!(Number.isInteger(dueSoonDays) && dueSoonDays >= 0)) {
    throw new UsageError(`--due-soon "${o.dueSoon}": expected a number of days.`);
  }
  const year = parseYear(o.year);
  const headerRow = parseHeaderRow(o.headerRow);
  if (o.inPlace && o.output) throw new UsageError("--in-place and -o/--output cannot be used together.");
  const t = translator(lang);
  const showProgress = Boolean(process.stderr.isTTY) && io.err === defaultIo.err;
  return generateFile(file, {
    asOf,
    ...(o.asOf === undefined ? { storedAsOf: (ymd: string) => formatDate(ymd, lang) } : {}),
    dueSoonDays,
    lang,
    asOfText: formatDate(asOf, lang),
    t,
    tr: t,
    ...(year ? { year } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(headerRow ? { headerRow } : {}),
    ...(o.map?.length ? { mapping: parseMap(o.map) } : {}),
    ...(o.output ? { output: o.output } : {}),
    ...(o.inPlace ? { inPlace: true } : {}),
    ...(o.splitDir ? { splitDir: o.splitDir } : {}),
    ...(o.townSheets ? { townSheets: true } : {}),
    ...(o.sampleNote ? { sampleNote: true } : {}),
    ...(o.directory ? { directoryEntries: await openDirectoryFile(o.directory) } : {}),
    ...cycleFlags(o),
    ...(showProgress
      ? {
          onProgress: (done: number, total: number) =>
            io.err(`\r${t("cli.writing", { done, total })}${done === total ? "\n" : ""}`),
        }
      : {}),
  });
}

function printGenerateResult(r: GenerateResult, lang: Lang, io: Io): void {
  const t = translator(lang);
  const units = r.plan.sheets.filter((s) => s.role === "unit").length;
  const count = (w: string) => r.checks.warnings.filter((x) => x === w).length;
  io.out(`${t("cli.wrote", { file: r.output })}\n`);
  io.out(
    `${t("cli.generated", { tasks: r.list.tasks.length, units, findings: r.checks.findings.length })}\n`,
  );
  io.out(
    `${t("cli.colours", { red: count("red"), yellow: count("yellow"), blue: count("blue"), green: count("green") })}\n`,
  );
  if (r.splitFiles.length) {
    io.out(`${t("cli.split", { n: r.splitFiles.length, dir: path.dirname(r.splitFiles[0]!) })}\n`);
  }
}

/** The returned workbooks named: files, and the .xlsx files in folders (never the ledger itself). */
async function returnFiles(args: string[], ledger: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const stat = await fs.stat(a).catch(() => {
      throw new ReadError(`${a}: no such file or folder.`);
    });
    if (stat.isDirectory()) {
      const names = (await fs.readdir(a)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
      out.push(...names.map((n) => path.join(a, n)));
    } else out.push(a);
  }
  return out.filter((f) => path.resolve(f) !== path.resolve(ledger));
}

function printCollectReport(r: CollectReport, t: Translate, io: Io): void {
  io.out(`${t("cli.collect.period", { period: r.period, received: r.received.length })}\n`);
  for (const x of r.received) io.out(`${t("cli.collect.received", x)}\n`);
  for (const x of r.conflicts) io.out(`${t("cli.collect.conflict", { ...x, taskId: x.taskId || "—" })}\n`);
  for (const x of r.rejected) io.out(`${t("cli.collect.rejected", x)}\n`);
  if (r.unchanged.length)
    io.out(
      `${t("cli.collect.unchanged", { items: r.unchanged.map((u) => `${u.unit} 第${u.taskId}项`).join("、") })}\n`,
    );
  if (r.missing.length) io.out(`${t("cli.collect.missing", { units: r.missing.join("、") })}\n`);
}

/** The cycle settings given as flags (stored with the workbook, used next time unless given). */
function cycleFlags(o: GenerateFlags): { cycleSettings?: CycleSettings } {
  const c: CycleSettings = {};
  if (o.period !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
      throw new UsageError(`--period "${o.period}": expected a month as YYYY-MM, e.g. 2024-07.`);
    c.period = o.period;
  }
  if (o.dueDay !== undefined) {
    const d = Number(o.dueDay);
    if (!(Number.isInteger(d) && d >= 1 && d <= 31))
      throw new UsageError(`--due-day "${o.dueDay}": expected a day of the month, 1 to 31.`);
    c.dueDay = d;
  }
  if (o.sendTo !== undefined) c.sendTo = o.sendTo;
  if (o.behindPoints !== undefined) {
    const n = Number(o.behindPoints);
    if (!(Number.isFinite(n) && n >= 0 && n <= 100))
      throw new UsageError(`--behind-points "${o.behindPoints}": expected a number of points, 0 to 100.`);
    c.behindPoints = n;
  }
  return Object.keys(c).length ? { cycleSettings: c } : {};
}

function parseYear(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const year = Number(v);
  if (!(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    throw new UsageError(`--year "${v}": expected a year such as 2024.`);
  }
  return year;
}

function parseHeaderRow(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const row = Number(v);
  if (!(Number.isInteger(row) && row >= 1))
    throw new UsageError(`--header-row "${v}": expected a row number (1, 2, …).`);
  return row;
}

const FIELDS = COLUMN_FIELDS;

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
): Promise<{ list: TaskList; directory: UnitDirectory; asOf: string; opened: OpenedList }> {
  const given = checkDate(o.asOf, "--as-of");
  const year = parseYear(o.year);
  const headerRow = parseHeaderRow(o.headerRow);
  const opened = await openListFile(file, {
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(headerRow ? { headerRow } : {}),
    ...(o.map?.length ? { mapping: parseMap(o.map) } : {}),
  });
  // A ledger remembers its as-of date: used again unless another is given.
  const asOf = given ?? opened.previous?.asOf ?? io.today();
  let directory = UnitDirectory.builtin().withUser(opened.directory);
  if (o.directory) directory = directory.withUser(await openDirectoryFile(o.directory));
  const list = buildTaskList(opened.raw, opened.source, { asOf, directory, ...(year ? { year } : {}) });
  return { list, directory, asOf, opened };
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
      const { list, directory, asOf, opened } = await loadList(file, o, io);
      // A ledger: its 进展记录 and the progress typed into its unit sheets decide each status.
      const cycle = ledgerCycle(list, opened.cycle ?? { history: [], forms: [], legacy: new Map() }, {
        asOf,
        ...(opened.previous?.cycle ? { stored: opened.previous.cycle } : {}),
        asOfGiven: o.asOf !== undefined,
      });
      const result = runChecks(cycle.list, directory, {
        asOf,
        dueSoonDays,
        behindPoints: cycle.settings.behindPoints,
        ...(cycle.settings.start ? { start: cycle.settings.start } : {}),
      });
      const t = translator(lang);
      if (o.json) {
        const warnings = new Map(result.warnings.map((w, i) => [i, w] as const));
        const findings = result.findings.map((f) => renderFinding(f, t));
        const json = toJsonReport(cycle.list, asOf, findings, warnings, cycle);
        io.out(JSON.stringify(json, null, 2) + "\n");
      } else {
        io.out(renderTextReport(list, result, { asOfText: formatDate(asOf, lang), t }));
      }
      if (o.failOn && result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn!]))
        code = 1;
    });

  common(
    program
      .command("generate")
      .argument("<file>", "the task list (.xlsx, .csv, .txt, .md, .docx)")
      .description("write a sheet per unit, a summary for leaders and the findings into a workbook")
      .option("-o, --output <file>", "the workbook to write (default: <file>（台账）.xlsx beside the input)")
      .option("--in-place", "update the input workbook itself (.xlsx only)")
      .option("--split-dir <dir>", "also write one workbook per unit into this folder, for sending out")
      .option(
        "--town-sheets",
        "give towns named only through 各镇 their own sheets (towns from your directory)",
      )
      .option("--due-soon <days>", "days ahead that count as due soon", String(DEFAULT_DUE_SOON_DAYS))
      .option("--period <YYYY-MM>", "the reporting period the forms are for (default: the as-of month)")
      .option("--due-day <day>", "day of the month by which units return their forms (default 25; kept)")
      .option("--send-to <whom>", "whom the forms go back to, printed on them (kept)")
      .option("--behind-points <n>", "points behind 序时 that make a task yellow (default 10; kept)"),
  )
    .addHelpText(
      "after",
      "\nExample:\n  npx task-ledger generate 重点任务清单.xlsx --as-of 2024-07-01 --split-dir 分发\n  npx task-ledger generate 清单.docx -o 台账.xlsx",
    )
    .action(async (file: string, o: CommonOpts & GenerateFlags) => {
      const r = await runGenerate(file, o, io);
      printGenerateResult(r, parseLang(o.lang), io);
    });

  common(
    program
      .command("collect")
      .argument("<ledger>", "the ledger workbook (.xlsx) the returns belong to")
      .argument("<returns...>", "returned unit workbooks, or folders holding them")
      .description("take units' returned forms into the ledger: record them in 进展记录, update status")
      .option("--period <YYYY-MM>", "the reporting period (default: the month of the as-of date)")
      .option("-o, --output <file>", "the ledger to write (default: <ledger>（已收集）.xlsx beside it)")
      .option("--in-place", "update the ledger itself")
      .option("--json", "print the collect report as JSON on stdout")
      .option("--due-soon <days>", "days ahead that count as due soon", String(DEFAULT_DUE_SOON_DAYS)),
  )
    .addHelpText(
      "after",
      "\nExample:\n  npx task-ledger collect 台账.xlsx 收到的报表/ --period 2024-07 --in-place",
    )
    .action(
      async (
        ledger: string,
        returns: string[],
        o: CommonOpts & {
          period?: string;
          output?: string;
          inPlace?: boolean;
          json?: boolean;
          dueSoon: string;
        },
      ) => {
        const lang = parseLang(o.lang);
        if (o.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
          throw new UsageError(`--period "${o.period}": expected a month as YYYY-MM, e.g. 2024-07.`);
        if (o.inPlace && o.output)
          throw new UsageError("--in-place and -o/--output cannot be used together.");
        const files = await returnFiles(returns, ledger);
        const output = o.inPlace ? ledger : (o.output ?? ledger.replace(/(\.xlsx)?$/i, "（已收集）.xlsx"));
        const port = await ExcelJsFilePort.open(ledger, output);
        const stored = previousSettings(await port.view());
        const asOf = checkDate(o.asOf, "--as-of") ?? stored?.asOf ?? io.today();
        const t = translator(lang);
        const views = await Promise.all(
          files.map(async (f) => ({
            file: path.basename(f),
            view: excelJsView(await readWorkbookFile(f)),
            modified: (await fs.stat(f)).mtime.toISOString(),
          })),
        );
        const r = await collect(port, views, {
          ledgerName: path.basename(ledger),
          asOf,
          dueSoonDays: Number(o.dueSoon),
          lang,
          asOfText: formatDate(asOf, lang),
          t,
          tr: t,
          ...(o.period ? { cycleSettings: { period: o.period } } : {}),
          ...(o.directory ? { directoryEntries: await openDirectoryFile(o.directory) } : {}),
        });
        if (o.json) io.out(JSON.stringify(r.report, null, 2) + "\n");
        else printCollectReport(r.report, t, io);
        if (r.written && !o.json) io.out(`${t("cli.wrote", { file: output })}\n`);
        if (!r.written) {
          io.err(`task-ledger: ${t("cli.collect.none")}\n`);
          code = 2;
        }
      },
    );

  program
    .command("demo")
    .description("generate the ledger for the embedded sample workbook and say where it is")
    .addOption(new Option("--lang <lang>", "language").choices(["zh-CN", "en"]).default("zh-CN"))
    .option("--as-of <date>", "as-of date (default: 2024-07-01, mid-year of the sample)", "2024-07-01")
    .option(
      "-o, --output <file>",
      "where to write the workbook",
      path.join("out", "longxian-2024-sample（台账）.xlsx"),
    )
    .action(async (o: { lang: string; asOf: string; output: string }) => {
      const lang = parseLang(o.lang);
      const t = translator(lang);
      io.out(`${t("demo.heading")}\n`);
      await fs.mkdir(path.dirname(path.resolve(o.output)), { recursive: true });
      const r = await runGenerate(
        SAMPLE_WORKBOOK,
        { asOf: o.asOf, lang, output: o.output, dueSoon: String(DEFAULT_DUE_SOON_DAYS), sampleNote: true },
        io,
      );
      printGenerateResult(r, lang, io);
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
