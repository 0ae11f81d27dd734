/**
 * `npm run build`: a production bundle and a manifest with the production address injected in one
 * place; the offline option bundles office.js for isolated intranets.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const WEB = path.join(ROOT, "dist", "web");

function build(extra: string[], env: Record<string, string> = {}) {
  execFileSync("npx", ["webpack", "--mode", "production", ...extra], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, ...env },
  });
}

describe("npm run build", () => {
  it("writes the pane, the command page, icons and a manifest pointing at the production address", () => {
    build([], { ADDIN_URL: "https://ledger.county.example/addin/" });
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
  }, 180_000);

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
