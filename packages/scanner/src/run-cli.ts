// `consentgate-scan <url> [options]`: parses the command line, runs the scan with a progress bar,
// writes the report files after every page and at the end, prints the summary (or the JSON
// report with --json), and answers with the exit code. The process itself (signals, exit) is
// src/cli.ts; this function takes its streams and signal, so tests run it in-process.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatIssues } from '@consentgate/core';
import { SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { ConsentGateConfig } from 'consentgate';
import { classifyConfigOf } from './classify';
import { ChromiumNotFoundError, findChromium } from './find-chromium';
import { parseHostMapping } from './map-host';
import { DEFAULT_OPTIONS, scanSite } from './scan-site';
import { readSiteConfig } from './site-config';
import { normalizeUrl } from './site-url';
import { formatSummary } from './summary-table';
import type { HostMapping, ScanReport } from './types';
import { writeReportFiles } from './write-report';

/** Exit codes of `consentgate-scan` (docs/scanner.md, "Exit codes"). */
export const EXIT = {
  /** Scanned, nothing leaked. */
  clean: 0,
  /** Something reached the network (or was written) without consent. */
  leaked: 1,
  /** A bad URL, a bad flag, an unreadable config, no Chromium. */
  usage: 2,
  /** Not a single page could be scanned (unreachable, not HTML, redirected off the site). */
  failed: 3,
  /** Interrupted (Ctrl+C) with nothing leaked so far; the partial report is written. */
  interrupted: 130,
} as const;

/** Where the CLI writes, and what stops it. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  /** The directory relative paths (`--out`, `--config`) start from. Default `process.cwd()`. */
  cwd?: string;
}

interface Flags {
  maxPages: number;
  maxDepth: number;
  timeoutMs: number;
  maxTimeMs: number;
  delayMs: number;
  maxPerPattern: number;
  quietMs: number;
  out: string;
  config?: string;
  json?: boolean;
  mapHost: HostMapping[];
  chromium?: string;
}

const whole = (min: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new InvalidArgumentError(`expected a whole number${min > 0 ? ` of at least ${min}` : ''}.`);
  return n;
};

function program(io: CliIo): Command {
  return new Command('consentgate-scan')
    .description(
      'Crawls a site in Chromium and records, per page, what is sent and stored before consent, after "accept all" and after "reject all"; reports leaks, unknown trackers and cookies, and writes a draft ConsentGate config and a cookie declaration.',
    )
    .argument('<url>', 'the start page (http or https)')
    .option('--max-pages <n>', 'pages to scan at most', whole(1), DEFAULT_OPTIONS.maxPages)
    .option('--max-depth <n>', 'link depth from the start page', whole(0), DEFAULT_OPTIONS.maxDepth)
    .option(
      '--timeout-ms <ms>',
      'time one page load (each step of each phase) may take to settle',
      whole(1),
      DEFAULT_OPTIONS.timeoutMs,
    )
    .option('--max-time-ms <ms>', 'time the whole crawl may take', whole(1), DEFAULT_OPTIONS.maxTimeMs)
    .option('--delay-ms <ms>', 'pause between pages', whole(0), DEFAULT_OPTIONS.delayMs)
    .option(
      '--max-per-pattern <n>',
      'pages of one link pattern (only numbers or query values differ)',
      whole(1),
      DEFAULT_OPTIONS.maxPerPattern,
    )
    .option('--quiet-ms <ms>', 'network silence that counts as settled', whole(1), DEFAULT_OPTIONS.quietMs)
    .option('--out <dir>', 'where to write the report files', 'scan')
    .option(
      '--config <file>',
      "the site's ConsentGate config (JSON): its rules and category cookies classify first",
    )
    .option('--json', 'print the JSON report to stdout (and nothing else there)')
    .option(
      '--map-host <from=to>',
      'send requests for host[:port] to another host[:port] (repeatable), e.g. localhost:4174=127.0.0.1:5000',
      (value: string, previous: HostMapping[]) => {
        try {
          return [...previous, parseHostMapping(value)];
        } catch (error) {
          throw new InvalidArgumentError(`${(error as Error).message}.`);
        }
      },
      [] as HostMapping[],
    )
    .option(
      '--chromium <path>',
      "the Chromium to run (default: $CHROMIUM_PATH, /usr/bin/chromium, then Playwright's own)",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
}

/** Runs `consentgate-scan` with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const cli = program(io);
  const usage = (message: string) => {
    io.stderr.write(`consentgate-scan: ${message}\nRun consentgate-scan --help for the options.\n`);
    return EXIT.usage;
  };
  try {
    cli.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
    throw error;
  }
  const flags = cli.opts<Flags>();
  const url = normalizeUrl(cli.args[0] ?? '');
  if (!url) return usage(`not an http(s) URL: ${cli.args[0]}`);
  const cwd = io.cwd ?? process.cwd();

  let base: ConsentGateConfig | undefined;
  if (flags.config) {
    const path = resolve(cwd, flags.config);
    try {
      base = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      return usage(`cannot read the config ${flags.config}: ${(error as Error).message}`);
    }
    if (typeof base !== 'object' || base === null || Array.isArray(base))
      return usage(`the config ${flags.config} is not a JSON object`);
    const { issues } = readSiteConfig(base);
    if (issues.length) io.stderr.write(`consentgate-scan: ${flags.config}: ${formatIssues(issues)}\n`);
  }

  let executablePath: string | undefined;
  try {
    executablePath = flags.chromium ?? findChromium(io.env ?? process.env);
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) return usage(error.message);
    throw error;
  }

  const out = resolve(cwd, flags.out);
  let written: string[] = [];
  const save = (report: ScanReport) => {
    written = writeReportFiles(out, report, base);
  };
  const bar = io.stderr.isTTY
    ? new SingleBar({
        stream: io.stderr as NodeJS.WritableStream,
        format: 'scanning {bar} {value}/{total} pages · {phase} · {url}',
        hideCursor: true,
        clearOnComplete: true,
        barsize: 24,
      })
    : undefined;
  let barStarted = false;

  let report: ScanReport;
  try {
    report = await scanSite({
      url,
      maxPages: flags.maxPages,
      maxDepth: flags.maxDepth,
      timeoutMs: flags.timeoutMs,
      maxTimeMs: flags.maxTimeMs,
      delayMs: flags.delayMs,
      maxPerPattern: flags.maxPerPattern,
      quietMs: flags.quietMs,
      ...(base && { config: classifyConfigOf(readSiteConfig(base).config) }),
      mapHosts: flags.mapHost,
      ...(executablePath && { executablePath }),
      ...(io.signal && { signal: io.signal }),
      onPage: save,
      onProgress: (event) => {
        if (event.type === 'page') {
          if (bar && !barStarted) bar.start(event.total, event.index - 1, { phase: '', url: event.url });
          barStarted = true;
          bar?.setTotal(event.total);
          bar?.update(event.index - 1, { url: event.url, phase: '' });
          if (!bar) io.stderr.write(`[${event.index}/${event.total}] ${event.url}\n`);
        } else if (event.type === 'phase') {
          if (event.state === 'end' && event.phase === 'reject') bar?.increment();
          else if (event.state === 'start') bar?.update({ phase: event.phase });
        } else if (!bar && event.issue.severity !== 'info') {
          io.stderr.write(`  ${event.issue.severity}: ${event.issue.message}\n`);
        }
      },
    });
  } catch (error) {
    bar?.stop();
    return usage(`could not scan: ${(error as Error).message.split('\n')[0]}`);
  }
  bar?.stop();
  save(report);

  if (flags.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    for (const issue of report.issues)
      if (issue.severity === 'error') io.stderr.write(`consentgate-scan: ${issue.code}: ${issue.message}\n`);
  } else {
    io.stdout.write(formatSummary(report, written));
  }
  if (report.leaks.length) return EXIT.leaked;
  if (report.status === 'interrupted') return EXIT.interrupted;
  if (report.status === 'failed') return EXIT.failed;
  return EXIT.clean;
}
