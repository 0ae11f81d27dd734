/**
 * task-ledger: the command line, a thin shell over the application layer (`src/app/`) and the
 * files port. Data on stdout, messages on stderr, in the user's language (Chinese unless
 * `--lang en` or an English locale says otherwise). Exit codes: 0 ran, 1 findings at the
 * --fail-on level, 2 the input could not be read or the command was wrong.
 */
import { Command, CommanderError, Help, Option } from "commander";
import { promises as fs } from "fs";
import * as path from "path";
import { InputError, sayError } from "../app/errors";
import type { CollectReport } from "../app/collect";
import type { MappingRequest, RunFlags } from "../app/options";
import type { CycleSettings } from "../core/plan/model";
import { readWorkbook } from "../app/read";
import type { Severity } from "../core/checks/findings";
import { localDate, parseYmd } from "../core/deadlines/dates";
import { COLUMN_FIELDS, type ColumnField } from "../core/read/columns";
import { ReadError } from "../core/read/raw";
import { toJsonReport } from "../core/report/json";
import { renderFinding, renderTextReport } from "../core/report/render";
import {
  type Lang,
  type MessageKey,
  type Translate,
  formatDate,
  langOfEnvironment,
  translator,
} from "../i18n";
import { colNumber } from "../workbook/package/sheet-reader";
import type { GenerateResult } from "../workbook/files/generate";
import { openDirectoryFile, openInput } from "../workbook/files/open-file";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Today's date, YYYY-MM-DD (the CLI owns the clock; the core never reads it). */
  today: () => string;
  /** The environment the language is taken from (LANG, LC_ALL); none means Chinese. */
  env?: Readonly<Record<string, string | undefined>>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  today: () => localDate(new Date()),
  env: process.env,
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

const DEMO_OUTPUT = path.join("out", "longxian-2024-sample（台账）.xlsx");

/** A command line that cannot run as written: said from the string tables, exit 2. */
class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

interface CommonOpts {
  asOf?: string;
  year?: string;
  sheet?: string;
  directory?: string;
  headerRow?: string;
  map?: string[];
  dueSoon?: string;
  lang?: string;
}

/** The monthly cycle's flags, kept with the workbook and used next time unless given. */
interface CycleFlags {
  period?: string;
  dueDay?: string;
  sendTo?: string;
  behindPoints?: string;
}

interface GenerateFlags extends CycleFlags {
  output?: string;
  inPlace?: boolean;
  force?: boolean;
  allowLarge?: boolean;
  splitDir?: string;
  townSheets?: boolean;
  sampleNote?: boolean;
}

interface BulletinFlags {
  output?: string;
  issue?: string;
  title?: string;
  publication?: string;
  office?: string;
  force?: boolean;
}

/** The flags as the application layer takes them; what is not given comes from the workbook. */
function runFlags(o: CommonOpts & CycleFlags): RunFlags {
  const flags: RunFlags = {};
  if (o.asOf !== undefined) {
    if (!parseYmd(o.asOf)) throw new UsageError("error.badDate", { flag: "--as-of", value: o.asOf });
    flags.asOf = o.asOf;
  }
  if (o.year !== undefined) {
    const year = Number(o.year);
    if (!(Number.isInteger(year) && year >= 1990 && year <= 2100))
      throw new UsageError("error.badYear", { value: o.year });
    flags.year = year;
  }
  if (o.headerRow !== undefined) {
    const row = Number(o.headerRow);
    if (!(Number.isInteger(row) && row >= 1))
      throw new UsageError("error.badHeaderRow", { value: o.headerRow });
    flags.headerRow = row;
  }
  if (o.dueSoon !== undefined) {
    const days = Number(o.dueSoon);
    if (!(Number.isInteger(days) && days >= 0))
      throw new UsageError("error.badDueSoon", { value: o.dueSoon });
    flags.dueSoonDays = days;
  }
  if (o.sheet !== undefined) flags.sheet = o.sheet;
  if (o.map?.length) flags.mapping = parseMap(o.map);
  const cycle = cycleSettings(o);
  if (cycle) flags.cycle = cycle;
  return flags;
}

/** The cycle settings given as flags, or undefined when none is. */
function cycleSettings(o: CycleFlags): CycleSettings | undefined {
  const c: CycleSettings = {};
  if (o.period !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
      throw new UsageError("error.badPeriod", { value: o.period });
    c.period = o.period;
  }
  if (o.dueDay !== undefined) {
    const d = Number(o.dueDay);
    if (!(Number.isInteger(d) && d >= 1 && d <= 31))
      throw new UsageError("error.badDueDay", { value: o.dueDay });
    c.dueDay = d;
  }
  if (o.sendTo !== undefined) c.sendTo = o.sendTo;
  if (o.behindPoints !== undefined) {
    const n = Number(o.behindPoints);
    if (!(Number.isFinite(n) && n >= 0 && n <= 100))
      throw new UsageError("error.badBehindPoints", { value: o.behindPoints });
    c.behindPoints = n;
  }
  return Object.keys(c).length ? c : undefined;
}

/**
 * `--map FIELD=COLUMN[,COLUMN…]`: a column is a letter (D), a number (7) or a header's text
 * (实事项目), found in the sheet when the list is read.
 */
export function parseMap(values: readonly string[]): MappingRequest {
  const out: Partial<Record<ColumnField, (number | string)[]>> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    const field = v.slice(0, eq).trim() as ColumnField;
    const cols = v
      .slice(eq + 1)
      .split(/[,，]/)
      .map((c) => c.trim());
    if (eq < 1 || !COLUMN_FIELDS.includes(field) || cols.some((c) => c === "")) {
      throw new UsageError("error.badMap", { value: v, fields: COLUMN_FIELDS.join(", ") });
    }
    out[field] = cols.map((c) =>
      /^\d{1,5}$/.test(c) ? Number(c) : /^[A-Za-z]{1,3}$/.test(c) ? colNumber(c.toUpperCase()) : c,
    );
  }
  return out;
}

async function runGenerate(
  file: string,
  o: CommonOpts & GenerateFlags,
  lang: Lang,
  io: Io,
): Promise<GenerateResult> {
  const flags = runFlags(o);
  if (o.inPlace && o.output) throw new UsageError("error.inPlaceAndOutput");
  const t = translator(lang);
  const showProgress = Boolean(process.stderr.isTTY) && io.err === defaultIo.err;
  // The writer is loaded only by the command that writes: `check` starts faster without it.
  type Writer = typeof import("../workbook/files/generate");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateFile } = require("../workbook/files/generate") as Writer;
  return generateFile(file, {
    ...flags,
    today: io.today(),
    lang,
    // The date the run resolves (a stored one when no flag is given), as the language writes it.
    dateText: (ymd: string) => formatDate(ymd, lang),
    t,
    tr: t,
    ...(o.output ? { output: o.output } : {}),
    ...(o.inPlace ? { inPlace: true } : {}),
    ...(o.force ? { force: true } : {}),
    ...(o.allowLarge ? { allowLarge: true } : {}),
    ...(o.splitDir ? { splitDir: o.splitDir } : {}),
    ...(o.townSheets ? { townSheets: true } : {}),
    ...(o.sampleNote ? { sampleNote: true } : {}),
    ...(o.directory ? { directoryEntries: await openDirectoryFile(o.directory) } : {}),
    ...(showProgress
      ? {
          onProgress: (done: number, total: number) =>
            io.err(`\r${t("cli.writing", { done, total })}${done === total ? "\n" : ""}`),
        }
      : {}),
  });
}

function printGenerateResult(r: GenerateResult, t: Translate, io: Io): void {
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
async function returnFiles(args: readonly string[], ledger: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const stat = await fs.stat(a).catch(() => {
      throw new InputError("error.noSuchFile", { file: a });
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
      `${t("cli.collect.unchanged", { items: r.unchanged.map((u) => t("cli.collect.item", u)).join(t("cli.listSep")) })}\n`,
    );
  if (r.missing.length) io.out(`${t("cli.collect.missing", { units: r.missing.join(t("cli.listSep")) })}\n`);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The value of `--lang` in the arguments, before they are parsed (help is written in it). */
function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--lang") return argv[i + 1];
    if (a.startsWith("--lang=")) return a.slice("--lang=".length);
  }
  return undefined;
}

/** Commander's own words (headings) from the string tables. */
class LocalHelp extends Help {
  constructor(private readonly t: Translate) {
    super();
  }
  override styleTitle(str: string): string {
    const key = (
      {
        "Usage:": "help.usage",
        "Options:": "help.options",
        "Commands:": "help.commands",
        "Arguments:": "help.arguments",
        "Global Options:": "help.globalOptions",
      } as const
    )[str];
    return key ? this.t(key) : str;
  }
}

/** A commander error said in the user's words: the code names the problem, the quoted part is the user's. */
function commanderMessage(err: CommanderError, t: Translate): string {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const detail = quoted[0] ?? "";
  switch (err.code) {
    case "commander.unknownOption":
      return t("error.unknownOption", { detail });
    case "commander.unknownCommand":
      return t("error.unknownCommand", { detail });
    case "commander.missingArgument":
      return t("error.missingArgument", { detail });
    case "commander.optionMissingArgument":
      return t("error.optionMissingArgument", { detail });
    case "commander.invalidArgument": {
      const choices = /Allowed choices are (.*)\./.exec(err.message)?.[1] ?? "";
      return t("error.invalidChoice", { option: detail, value: quoted[1] ?? "", choices });
    }
    case "commander.excessArguments":
      return t("error.excessArguments", { detail: err.message.replace(/^error:\s*/, "") });
    default:
      return t("error.usage", { detail: err.message.replace(/^error:\s*/, "") });
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang: Lang = langOfEnvironment(langArgument(argv), io.env ?? {});
  const t = translator(lang);
  let code = 0;
  const help = new LocalHelp(t);
  const configure = (cmd: Command) =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
      .configureHelp({
        styleTitle: (str: string) => help.styleTitle(str),
        // Choices and defaults are said in the descriptions, in the user's language.
        optionDescription: (option) => option.description,
        // A command's line in a list of commands shows its usage as set here (from the tables).
        subcommandTerm: (sub) => `${sub.name()} ${sub.usage()}`,
      });
  const program = new Command("task-ledger")
    .description(t("help.program"))
    .usage(t("help.usageProgram"))
    .helpOption("-h, --help", t("help.help"));
  program.helpCommand(`help [${t("help.commandArg")}]`, t("help.helpCommand"));
  configure(program);

  const command = (name: string) => {
    const cmd = program.command(name).helpOption("-h, --help", t("help.help"));
    configure(cmd);
    return cmd;
  };
  const common = (cmd: Command) =>
    cmd
      .option("--as-of <date>", t("help.asOf"))
      .option("--year <year>", t("help.year"))
      .option("--sheet <name>", t("help.sheet"))
      .option("--directory <file>", t("help.directory"))
      .option("--header-row <n>", t("help.headerRow"))
      .option("--map <field=column...>", t("help.map", { fields: COLUMN_FIELDS.join(", ") }))
      .option("--due-soon <days>", t("help.dueSoon"))
      .addOption(new Option("--lang <lang>", t("help.lang")).choices(["zh-CN", "en"]));

  common(
    command("check")
      .argument("<file>", t("help.file"))
      .usage(t("help.usageCommand"))
      .description(t("help.check"))
      .option("--json", t("help.json"))
      .addOption(new Option("--fail-on <level>", t("help.failOn")).choices(["error", "warning"])),
  )
    .addHelpText("after", `\n${t("help.exampleCheck")}`)
    .action(async (file: string, o: CommonOpts & { json?: boolean; failOn?: Severity }) => {
      const flags = runFlags(o);
      const opened = await openInput(file);
      const read = await readWorkbook(opened.port, opened.input, flags, {
        today: io.today(),
        file: path.basename(file),
        ...(o.directory ? { directory: await openDirectoryFile(o.directory) } : {}),
      });
      const { list, checks } = read;
      const asOf = read.options.asOf;
      if (o.json) {
        const warnings = new Map(checks.warnings.map((w, i) => [i, w] as const));
        const findings = checks.findings.map((f) => renderFinding(f, t));
        const cycle = { tasks: read.cycle.tasks, reporting: read.cycle.reporting };
        io.out(
          JSON.stringify(toJsonReport(list, asOf, findings, warnings, cycle, read.raw.layout), null, 2) +
            "\n",
        );
      } else {
        io.out(
          renderTextReport(list, checks, {
            asOfText: formatDate(asOf, lang),
            t,
            ...(read.raw.layout ? { layout: read.raw.layout } : {}),
          }),
        );
      }
      if (o.failOn && checks.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn!]))
        code = 1;
    });

  common(
    command("generate")
      .argument("<file>", t("help.fileGenerate"))
      .usage(t("help.usageCommand"))
      .description(t("help.generate"))
      .option("-o, --output <file>", t("help.output"))
      .option("--in-place", t("help.inPlace"))
      .option("--force", t("help.force"))
      .option("--allow-large", t("help.allowLarge"))
      .option("--split-dir <dir>", t("help.splitDir"))
      .option("--town-sheets", t("help.townSheets"))
      .option("--period <YYYY-MM>", t("help.period"))
      .option("--due-day <day>", t("help.dueDay"))
      .option("--send-to <whom>", t("help.sendTo"))
      .option("--behind-points <n>", t("help.behindPoints")),
  )
    .addHelpText("after", `\n${t("help.exampleGenerate")}`)
    .action(async (file: string, o: CommonOpts & GenerateFlags) => {
      printGenerateResult(await runGenerate(file, o, lang, io), t, io);
    });

  common(
    command("collect")
      .argument("<ledger>", t("help.ledger"))
      .argument("<returns...>", t("help.returns"))
      .usage(t("help.usageCollect"))
      .description(t("help.collect"))
      .option("--period <YYYY-MM>", t("help.period"))
      .option("-o, --output <file>", t("help.collectOutput"))
      .option("--in-place", t("help.collectInPlace"))
      .option("--force", t("help.force"))
      .option("--json", t("help.collectJson")),
  )
    .addHelpText("after", `\n${t("help.exampleCollect")}`)
    .action(
      async (
        ledger: string,
        returns: string[],
        o: CommonOpts & CycleFlags & { output?: string; inPlace?: boolean; force?: boolean; json?: boolean },
      ) => {
        if (o.inPlace && o.output) throw new UsageError("error.inPlaceAndOutput");
        const flags = runFlags(o);
        const files = await returnFiles(returns, ledger);
        const output = o.inPlace ? ledger : (o.output ?? ledger.replace(/(\.xlsx)?$/i, "（已收集）.xlsx"));
        // The writer is loaded only by the commands that write.
        type Collector = typeof import("../workbook/files/collect");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { collectFiles } = require("../workbook/files/collect") as Collector;
        const r = await collectFiles(ledger, files, output, {
          ...flags,
          today: io.today(),
          lang,
          dateText: (ymd: string) => formatDate(ymd, lang),
          t,
          tr: t,
          ...(o.force ? { force: true } : {}),
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

  common(
    command("bulletin")
      .argument("<ledger>", t("help.ledger"))
      .usage(t("help.usageBulletin"))
      .description(t("help.bulletin"))
      .option("-o, --output <file>", t("help.bulletinOutput"))
      .option("--period <YYYY-MM>", t("help.period"))
      .option("--issue <n>", t("help.issue"))
      .option("--title <text>", t("help.title"))
      .option("--publication <name>", t("help.publication"))
      .option("--office <name>", t("help.office"))
      .option("--force", t("help.force")),
  )
    .addHelpText("after", `\n${t("help.exampleBulletin")}`)
    .action(async (ledger: string, o: CommonOpts & CycleFlags & BulletinFlags) => {
      const flags = runFlags(o);
      let issue: number | undefined;
      if (o.issue !== undefined) {
        issue = Number(o.issue);
        if (!(Number.isInteger(issue) && issue >= 1))
          throw new UsageError("error.badIssue", { value: o.issue });
      }
      // The Word writer is loaded only by this command.
      type Writer = typeof import("../workbook/files/bulletin");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { bulletinFile, defaultBulletinOutput } = require("../workbook/files/bulletin") as Writer;
      const r = await bulletinFile(ledger, (n) => o.output ?? defaultBulletinOutput(ledger, n), {
        ...flags,
        today: io.today(),
        lang,
        dateText: (ymd: string) => formatDate(ymd, lang),
        t,
        tr: t,
        words: { t, date: (ymd: string) => formatDate(ymd, lang) },
        bulletin: {
          ...(issue !== undefined ? { issue } : {}),
          ...(o.title !== undefined ? { title: o.title } : {}),
          ...(o.publication !== undefined ? { publication: o.publication } : {}),
          ...(o.office !== undefined ? { office: o.office } : {}),
          defaults: { publication: t("bulletin.defaultPublication"), office: t("bulletin.defaultOffice") },
        },
        ...(o.force ? { force: true } : {}),
        ...(o.directory ? { directoryEntries: await openDirectoryFile(o.directory) } : {}),
      });
      io.out(
        `${t("cli.bulletin.wrote", { file: r.output, issue: r.input.issue, period: r.input.period })}\n`,
      );
      if (r.stored) io.out(`${t("cli.bulletin.stored", { next: r.input.issue + 1, file: ledger })}\n`);
      else io.err(`task-ledger: ${t("cli.bulletin.notStored", { file: ledger })}\n`);
    });

  command("demo")
    .description(t("help.demo"))
    .usage(t("help.usageDemo"))
    .addOption(new Option("--lang <lang>", t("help.lang")).choices(["zh-CN", "en"]))
    .option("--as-of <date>", t("help.demoAsOf"), "2024-07-01")
    .option("-o, --output <file>", t("help.demoOutput", { file: DEMO_OUTPUT }), DEMO_OUTPUT)
    .action(async (o: { asOf: string; output: string }) => {
      io.out(`${t("demo.heading")}\n`);
      await fs.mkdir(path.dirname(path.resolve(o.output)), { recursive: true });
      const r = await runGenerate(
        SAMPLE_WORKBOOK,
        { asOf: o.asOf, output: o.output, sampleNote: true },
        lang,
        io,
      );
      printGenerateResult(r, t, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0;
      io.err(`task-ledger: ${t("error.seeHelp", { message: commanderMessage(err, t) })}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      io.err(`task-ledger: ${t(err.key, err.params)}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`task-ledger: ${sayError(err, t)}\n`);
      return 2;
    }
    if (err instanceof ReadError) {
      // The reader's own words (what it looked for and where), in the user's language.
      io.err(`task-ledger: ${t("cli.error", { message: sayError(err, t) })}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`task-ledger: ${t("error.unexpected", { message })}\n`);
    if (io.env?.TASK_LEDGER_DEBUG) io.err(`${err instanceof Error ? err.stack : ""}\n`);
    return 2;
  }
  return code;
}
