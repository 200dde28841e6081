/** Runs `annexes check --format json` on a corpus file made for the test, as a controller would. */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { Finding } from '../../src/domain/finding';
import { makeCorpus } from '../fixtures/make-corpus';

export interface FileReport {
  file: string;
  status: 'ok' | 'unreadable';
  message: string;
  findings: Finding[];
}

export interface CorpusRun {
  code: number;
  file: string;
  report: FileReport;
}

/** A temporary folder for one test file's corpus, removed afterwards. */
export function corpusDir(): { dir: () => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annexes-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir: () => dir };
}

/** Makes the file (once per folder) and checks it. */
export async function checkCorpusFile(dir: string, name: string, options: string[] = []): Promise<CorpusRun> {
  const file = join(dir, name);
  if (!existsSync(file)) await makeCorpus(dir, [name]);
  let stdout = '';
  const code = await main(['check', file, '--format', 'json', ...options], { stdout: (s) => (stdout += s), stderr: () => undefined });
  return { code, file, report: JSON.parse(stdout).files[0] as FileReport };
}

/** "RULE severity sheet!cell" per finding: what and where, for exact assertions. */
export function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
}

/** The two information findings every CLS-only corpus workbook gets (no FT tables; prévisionnel alone). */
export const NO_FT = 'STRUCT-SHEET info !';
