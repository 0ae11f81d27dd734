#!/usr/bin/env node
/**
 * The installed command: runs the bundled CLI (task-ledger-main.js beside this file) through V8's
 * code cache made when the package was built (task-ledger-main.cache), so a run skips compiling
 * the functions a generate run needs. Measured on a 300 × 60 list with Node 20: `check` 224 → 192 ms,
 * `generate` 301 → 244 ms, against 72 ms for a bare `node -e ''`. A cache made by another Node
 * version is rejected by V8 and the bundle compiles as it would without one.
 *
 * TASK_LEDGER_WRITE_CODE_CACHE=1 (npm run package only) writes the cache at the end of a run.
 */
"use strict";
// The engine lets its heap grow by half what a collection keeps rather than by its own larger
// factor: a 30,000-task generate peaks at about 360 MB instead of about 405 MB in the same time
// (bench/README). Set before the bundle is compiled: V8 rejects a code cache made under other flags.
// src/cli/bin.js (the launcher of a checkout) sets the same.
require("v8").setFlagsFromString("--heap-growing-percent=50");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const file = path.join(__dirname, "task-ledger-main.js");
const cacheFile = path.join(__dirname, "task-ledger-main.cache");
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined; // no cache: compile as usual
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
if (process.env.TASK_LEDGER_WRITE_CODE_CACHE === "1")
  process.on("exit", () => fs.writeFileSync(cacheFile, script.createCachedData()));
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
