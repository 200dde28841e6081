import type { Finding } from '../domain/finding';
import { countSeverities, severitySummary } from '../domain/severity-counts';
import type { OptionOverrides } from '../domain/workbook';
import { readXlsxFile } from '../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../adapters/xlsx/errors';
import { analyseGrid } from '../layout/analyse';
import type { Target } from './collect-files';
import { unreadableResult } from './check-job';
import { type FileSummary, summariseWorkbook } from './review-summary';
import { conventionView } from '../domain/convention-view';
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
  const unreadable = (message: string): FileResult => unreadableResult(target.file, message);
  if ('problem' in target) return unreadable(target.problem);
  try {
    const grid = await readXlsxFile(target.file, { maxFileBytes, maxUncompressedBytes });
    const { workbook, findings, options: resolved } = analyseGrid(grid, overrides);
    const counts = countBySeverity(findings);
    const result: FileResult = { file: target.file, status: 'ok', message: summaryText(counts), department: workbook.params.department, findings, counts };
    if (options.summary) result.summary = summariseWorkbook(workbook, resolved, findings, overrides);
    const view = conventionView(workbook);
    if (view) result.convention = plainConvention(view, { actions: options.summary });
    return result;
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return unreadable(e.message);
    // A defect of ours must not hide the other files' results: report it on this file, in French.
    const detail = e instanceof Error ? e.message : String(e);
    return unreadable(`Le fichier « ${target.file} » n'a pas pu être contrôlé (erreur interne : ${detail}). Merci de signaler ce fichier à l'équipe.`);
  }
}
