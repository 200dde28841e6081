import type { Finding } from '../domain/finding';
import { countSeverities, severitySummary } from '../domain/severity-counts';
import type { OptionOverrides } from '../domain/workbook';
import type { Grid } from '../layout/grid';
import { readXlsxBufferSync, readXlsxFileBytes } from '../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../adapters/xlsx/errors';
import { readAnnexWorkbook } from '../layout/read-workbook';
import { checkWorkbook } from '../domain/check';
import { resolveOptions } from '../domain/workbook';
import type { Target } from './collect-files';
import { unreadableResult } from './check-job';
import { type FileSummary, summariseWorkbook } from './review-summary';
import { type PlainConvention, plainConvention } from './convention-json';

export interface FileResult {
  file: string;
  status: 'ok' | 'unreadable';
  message: string;
  department?: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** Conventions and amounts, for the review workbook (not in the JSON report). */
  summary?: FileSummary;
  /** The CLS over its four years (JSON `convention`, a few lines of the text report). */
  convention?: PlainConvention;
}

export const countBySeverity: (findings: Finding[]) => FileResult['counts'] = countSeverities;

export const summaryText: (c: FileResult['counts']) => string = severitySummary;

export interface CheckFileOptions {
  /** Sum the conventions' amounts per axe and volet (FileResult.summary): only the review workbook needs them. */
  summary?: boolean;
}

/** Reads and checks one file; any failure becomes an "unreadable" result naming the file, never a crash. */
export async function checkFile(
  target: Target,
  overrides: OptionOverrides,
  maxFileBytes?: number,
  maxUncompressedBytes?: number,
  options: CheckFileOptions = {},
): Promise<FileResult> {
  if ('problem' in target) return unreadableResult(target.file, target.problem);
  let bytes: Buffer;
  try {
    bytes = await readXlsxFileBytes(target.file, { maxFileBytes });
  } catch (e) {
    return checkFileBytesFailed(target.file, e);
  }
  return checkFileBytes(target.file, bytes, overrides, maxUncompressedBytes, options);
}

/**
 * Reads and checks a file's bytes, synchronously: all the CPU work of a check, which a caller can
 * bound in time as one call (check-in-process.ts). Never throws but for a time limit.
 */
export function checkFileBytes(file: string, bytes: Uint8Array, overrides: OptionOverrides, maxUncompressedBytes?: number, options: CheckFileOptions = {}): FileResult {
  try {
    let grid: Grid | null = readXlsxBufferSync(bytes, file, { maxUncompressedBytes });
    const workbook = readAnnexWorkbook(grid);
    grid = null; // the tables hold what the rules need: the cells can go
    const resolved = resolveOptions(workbook.params, overrides);
    const findings = checkWorkbook(workbook, resolved);
    const counts = countBySeverity(findings);
    const result: FileResult = { file, status: 'ok', message: summaryText(counts), department: workbook.params.department, findings, counts };
    if (options.summary) result.summary = summariseWorkbook(workbook, resolved, findings, overrides);
    const convention = plainConvention(workbook, { actions: options.summary });
    if (convention) result.convention = convention;
    return result;
  } catch (e) {
    return checkFileBytesFailed(file, e);
  }
}

/** The result of a file that could not be read or checked: its reason in French, never a stack trace. */
export function checkFileBytesFailed(file: string, e: unknown): FileResult {
  if (e instanceof UnreadableWorkbookError) return unreadableResult(file, e.message);
  // A defect of ours must not hide the other files' results: report it on this file, in French.
  const detail = e instanceof Error ? e.message : String(e);
  return unreadableResult(file, `Le fichier « ${file} » n'a pas pu être contrôlé (erreur interne : ${detail}). Merci de signaler ce fichier à l'équipe.`);
}
