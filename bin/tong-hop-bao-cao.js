#!/usr/bin/env node
/* The command line as an installed binary: runs src/cli/main.ts through tsx (no build), exactly as `npm run cli` does. */
"use strict";
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");

const tsxCli = require.resolve("tsx/cli");
const main = join(__dirname, "..", "src", "cli", "main.ts");
const result = spawnSync(process.execPath, [tsxCli, main, ...process.argv.slice(2)], { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`Lỗi: không chạy được tsx / Error: cannot run tsx: ${result.error.message}\n`);
  process.exitCode = 1;
} else {
  process.exitCode = result.status ?? 1;
}
