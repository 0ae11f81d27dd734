"use strict";
// Preloaded by the bench into a `task-ledger generate` process: report its peak resident memory.
process.on("exit", () => {
  process.stderr.write(`max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
