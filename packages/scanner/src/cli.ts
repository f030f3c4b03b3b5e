#!/usr/bin/env node
// The `consentgate-scan` bin: the process around runCli. Ctrl+C stops the crawl after the
// current step and the partial report is written; a second Ctrl+C quits at once.
import { EXIT, runCli } from './run-cli';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(EXIT.interrupted);
  process.stderr.write('\nInterrupted: writing the partial report… (Ctrl+C again to quit at once)\n');
  controller.abort();
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `consentgate-scan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.usage;
  },
);
