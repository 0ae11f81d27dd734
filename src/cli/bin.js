#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm ci` (the "prepare" script).
// The heap grows by half what a collection keeps, as in the installed command (scripts/cli-launcher.js).
require("v8").setFlagsFromString("--heap-growing-percent=50");
let main;
try {
  main = require("../../dist/cli/main.js").main;
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "task-ledger: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) first.\n",
    );
    process.exit(2);
  }
  throw err;
}
// A reader that stops early (`task-ledger generate --help | head -3`) closes the pipe: that is not
// a failure, so end quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
