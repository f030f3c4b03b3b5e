// The four files of a scan, in `--out`: report.json, report.html, draft-config.json,
// declaration.json. Each is written whole to a temporary name and renamed, so a scan stopped in
// the middle of a write leaves the previous complete file, never half of one. Effects: files.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsentGateConfig } from 'consentgate';
import { buildDeclaration } from './cookie-declaration';
import { buildDraftConfig } from './draft-config';
import { renderHtmlReport } from './html-report';
import type { ScanReport } from './types';

/** The names of the files `writeReportFiles` writes, in that order. */
export const REPORT_FILES = ['report.json', 'report.html', 'draft-config.json', 'declaration.json'] as const;

/**
 * Writes the report, its HTML page, the draft config (over `base`, the site's config as
 * written, when there is one) and the cookie declaration into `dir` (created). Returns the paths.
 */
export function writeReportFiles(dir: string, report: ScanReport, base?: ConsentGateConfig): string[] {
  mkdirSync(dir, { recursive: true });
  const contents = [
    `${JSON.stringify(report, null, 2)}\n`,
    renderHtmlReport(report),
    `${JSON.stringify(buildDraftConfig(report, base).config, null, 2)}\n`,
    `${JSON.stringify(buildDeclaration(report), null, 2)}\n`,
  ];
  return REPORT_FILES.map((name, i) => {
    const path = join(dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents[i]);
    renameSync(temporary, path);
    return path;
  });
}
