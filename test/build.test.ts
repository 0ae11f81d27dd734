/**
 * `npm run build`: a production bundle and a manifest with the production address injected in one
 * place; the offline option bundles office.js for isolated intranets.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";

const ROOT = path.join(__dirname, "..");
const WEB = path.join(ROOT, "dist", "web");
const WEBPACK = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

/**
 * A production build with HOME pointed at an empty folder (webpack run directly, not through npx,
 * which keeps its own cache there): whatever the build writes into a home folder stays visible.
 */
function build(extra: string[], env: Record<string, string> = {}): { home: string } {
  const home = mkdtempSync(path.join(os.tmpdir(), "task-ledger-home-"));
  execFileSync(process.execPath, [WEBPACK, "--mode", "production", ...extra], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, HOME: home, USERPROFILE: home, ...env },
  });
  return { home };
}

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}
interface Stats {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  chunks: { initial: boolean; files: string[]; modules?: StatsModule[] }[];
}

/** Every module's name in a chunk, concatenated modules opened. */
function moduleNames(modules: StatsModule[] = []): string[] {
  return modules.flatMap((m) => [m.name ?? "", ...moduleNames(m.modules)]);
}

/** The libraries only an import, a traditional-character list or the bulletin (docx) needs. */
const ON_DEMAND = /node_modules[\\/](mammoth|jszip|@xmldom|opencc-js|docx)[\\/]/;

describe("npm run build", () => {
  let home = "";
  let stats: Stats;
  beforeAll(() => {
    const statsFile = path.join(mkdtempSync(path.join(os.tmpdir(), "task-ledger-stats-")), "stats.json");
    home = build([`--json=${statsFile}`], { ADDIN_URL: "https://ledger.county.example/addin/" }).home;
    // The build is two compilations (the pane, the page): the pane's stats are its own child.
    const all = JSON.parse(readFileSync(statsFile, "utf8")) as Stats & {
      children?: (Stats & { name?: string })[];
    };
    stats = all.children?.find((c) => c.name === "pane") ?? all;
  }, 180_000);

  it("writes the pane, the command page, icons and a manifest pointing at the production address", () => {
    // Certificates are the dev server's business: the build leaves the home folder as it was.
    expect(readdirSync(home)).toEqual([]);
    const manifest = readFileSync(path.join(WEB, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toMatch(
      /<SourceLocation DefaultValue="https:\/\/ledger\.county\.example\/addin\/taskpane\.html"\/>/,
    );
    for (const f of ["taskpane.html", "taskpane.js", "commands.html", "support.html", "assets/icon-80.png"]) {
      expect([f, existsSync(path.join(WEB, f))]).toEqual([f, true]);
    }
    const html = readFileSync(path.join(WEB, "taskpane.html"), "utf8");
    expect(html).toMatch(/https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    // Nothing else from outside: the only absolute URL in the page is office.js.
    expect(html.match(/https?:\/\/[^"' >]+/g)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    ]);
  });

  it("the pane's first load is at most 200 KB gzipped; .docx import, opencc-js and the bulletin's Word writer load on demand", () => {
    const first = stats.entrypoints.taskpane!.assets.map((a) => a.name).filter((f) => f.endsWith(".js"));
    const gzipped = first.reduce((n, f) => n + gzipSync(readFileSync(path.join(WEB, f))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(200 * 1024);
    const initial = stats.chunks.filter((c) => c.initial).flatMap((c) => moduleNames(c.modules));
    expect(initial.filter((m) => ON_DEMAND.test(m))).toEqual([]);
    // They are still there: in chunks of their own, beside the pane (its own origin).
    const later = stats.chunks.filter((c) => !c.initial);
    const lazy = (lib: string) =>
      later.find((c) => moduleNames(c.modules).some((m) => m.includes(`node_modules/${lib}/`)))?.files ?? [];
    for (const lib of ["mammoth", "opencc-js", "docx"]) {
      const files = lazy(lib);
      expect([lib, files.length > 0 && files.every((f) => existsSync(path.join(WEB, f)))]).toEqual([
        lib,
        true,
      ]);
    }
  });

  it("writes the browser page as one file that loads nothing (issue 15)", () => {
    const html = readFileSync(path.join(WEB, "ledger.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(existsSync(path.join(WEB, "ledger.js"))).toBe(false);
    // The pane beside it is as it was.
    expect(existsSync(path.join(WEB, "taskpane.html"))).toBe(true);
  });

  it("--env offline bundles office.js and its Excel host files beside the pane", () => {
    build(["--env", "offline"]);
    const html = readFileSync(path.join(WEB, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?office-js\/office\.js/);
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
    const files = readdirSync(path.join(WEB, "office-js"));
    expect(files).toEqual(
      expect.arrayContaining([
        "office.js",
        "o15apptofilemappingtable.js",
        "excel-web-16.00.js",
        "excel-win32-16.01.js",
      ]),
    );
    expect(files.some((f) => f.startsWith("word-") || f.endsWith(".debug.js"))).toBe(false);
  }, 180_000);
});
