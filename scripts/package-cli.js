/**
 * `npm run package`: dist/task-ledger.tgz, an npm package whose command line is one bundled file
 * (dist/cli/task-ledger.js inside it) with the embedded samples beside it and no dependencies to
 * fetch, so `npm install -g task-ledger.tgz` works on a machine without network.
 *
 * Lazy loading survives the bundle: mammoth (.docx), opencc-js (traditional characters) and the
 * workbook writer (`generate`) are loaded where the code asks for them (`import()` or a `require`
 * inside a function), so esbuild keeps their modules uninitialised until then.
 */
"use strict";
const esbuild = require("esbuild");
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const STAGE = path.join(ROOT, "dist", "package");
const OUT = path.join(ROOT, "dist", "task-ledger.tgz");

async function main() {
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(path.join(STAGE, "dist", "cli"), { recursive: true });

  // The bundle sits two folders below the package root, as dist/cli/main.js does in the project,
  // so the CLI finds assets/samples at the same relative place.
  const result = await esbuild.build({
    stdin: {
      contents:
        'import { main } from "./src/cli/main";\n' +
        "main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
      resolveDir: ROOT,
      sourcefile: "task-ledger-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    outfile: path.join(STAGE, "dist", "cli", "task-ledger-main.js"),
    metafile: true,
    logLevel: "warning",
  });

  fs.cpSync(path.join(ROOT, "assets", "samples"), path.join(STAGE, "assets", "samples"), { recursive: true });
  fs.copyFileSync(path.join(__dirname, "cli-launcher.js"), path.join(STAGE, "dist", "cli", "task-ledger.js"));
  fs.chmodSync(path.join(STAGE, "dist", "cli", "task-ledger.js"), 0o755);
  writeCodeCache(path.join(STAGE, "dist", "cli", "task-ledger.js"));
  fs.copyFileSync(path.join(__dirname, "package-readme.md"), path.join(STAGE, "README.md"));
  fs.writeFileSync(path.join(STAGE, "THIRD-PARTY-LICENSES.txt"), thirdPartyLicenses(result.metafile));
  const pkg = {
    name: project.name,
    version: project.version,
    description: project.description,
    license: project.license,
    bin: { "task-ledger": "dist/cli/task-ledger.js" },
    engines: project.engines,
    files: ["dist", "assets", "THIRD-PARTY-LICENSES.txt"],
  };
  fs.writeFileSync(path.join(STAGE, "package.json"), JSON.stringify(pkg, null, 2) + "\n");

  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", path.dirname(OUT)], {
    cwd: STAGE,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop();
  fs.renameSync(path.join(path.dirname(OUT), packed), OUT);
  const kb = (f) => Math.round(fs.statSync(f).size / 1024);
  console.log(
    `${path.relative(ROOT, OUT)}: ${kb(OUT)} KB (the CLI bundle ${kb(path.join(STAGE, "dist", "cli", "task-ledger-main.js"))} KB)`,
  );
}

/**
 * V8's code cache for the bundle (see scripts/cli-launcher.js), made by a `generate` run on the
 * embedded sample, so the functions reading, checking and writing a list are in it.
 */
function writeCodeCache(launcher) {
  const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "task-ledger-cache-"));
  try {
    execFileSync(
      process.execPath,
      [
        launcher,
        "generate",
        path.join(STAGE, "assets", "samples", "longxian-2024-sample.xlsx"),
        "-o",
        path.join(tmp, "out.xlsx"),
        "--as-of",
        "2024-07-01",
      ],
      { env: { ...process.env, TASK_LEDGER_WRITE_CODE_CACHE: "1" }, stdio: "pipe" },
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The licence text of every package the bundle holds code from, once each. */
function thirdPartyLicenses(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = [];
  for (const dir of [...dirs].sort()) {
    const abs = path.join(ROOT, dir);
    const meta = JSON.parse(fs.readFileSync(path.join(abs, "package.json"), "utf8"));
    const file = fs.readdirSync(abs).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file
      ? fs.readFileSync(path.join(abs, file), "utf8").trim()
      : `License: ${meta.license ?? "?"}`;
    parts.push(`${meta.name}@${meta.version}\n${"-".repeat(40)}\n${text}\n`);
  }
  return `Task Ledger's command line bundles code from these packages.\n\n${parts.join("\n")}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
