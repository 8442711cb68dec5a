#!/usr/bin/env node
/* The command line as an installed binary: runs src/cli/main.ts in this process through tsx (no build). */
"use strict";
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
const { processIo, printError } = require("../src/cli/io.ts");

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    printError(processIo(), `lỗi không mong đợi: ${String(error)}`, `unexpected error: ${String(error)}`);
    process.exitCode = 1;
  },
);
