"use strict";
/**
 * Times commands, each in a process of its own, from this small process: a command spawned from a
 * parent holding gigabytes (the bench, after its in-process sizes) pays for the parent's size in
 * the fork, and that is no part of the command's cost. Runs the commands interleaved, `runs`
 * times, and prints each run's wall time as JSON, with the command's peak resident memory when
 * the command asks for it (`rss: true` preloads max-rss.js; start-up figures go without it).
 *
 *   node spawn-timer.js '{"runs":3,"commands":[{"name":"bare","args":["-e",""]}]}'
 */
const { spawnSync } = require("child_process");
const path = require("path");

const { runs, commands, cwd } = JSON.parse(process.argv[2]);
const hook = path.join(__dirname, "max-rss.js");
const out = Object.fromEntries(commands.map((c) => [c.name, { ms: [], peakRssMb: [] }]));
for (let i = 0; i < runs; i++) {
  for (const c of commands) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...(c.rss ? ["-r", hook] : []), ...c.args], {
      cwd,
      encoding: "utf8",
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const m = /max-rss-kb=(\d+)/.exec(r.stderr || "");
    // 0 fine, 1 findings reported (check); anything else is a failure to say.
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(`${c.name} failed (exit ${r.status}): ${(r.stderr || "").slice(-2000)}\n`);
      process.exit(1);
    }
    out[c.name].ms.push(ms);
    out[c.name].peakRssMb.push(m ? Number(m[1]) / 1024 : null);
  }
}
process.stdout.write(JSON.stringify(out) + "\n");
