import * as path from 'path';
import { promises as fs } from 'fs';
import { CHECK_USAGE, type CheckArgs, parseCheckArgs } from './check-args';
import { collectFiles, showNames } from '../collect-files';
import { isReviewWorkbook } from '../review-file';
import { checkOutput, prepareOutputFolder, writeOutputFile } from '../../adapters/files/output-file';
import type { FileResult } from '../check-file';
import { checkFiles, mayNeedWorker, prewarmCheckWorker } from '../check-pool';
import { createProgress, progressWanted } from '../progress';
import { formatJson } from '../format-json';
import { batchTotals, formatText } from '../format-text';
import { formatCsv } from '../format-csv';
import type { Io } from '../io';
import { usageAnswer } from './usage';
import { visibleText } from '../../layout/visible-text';
import type { ReviewContext } from '../return-document';
import { toolVersion } from '../tool-version';

/** `annexes check <fichier-ou-dossier>...`: exit 0 ok, 1 errors found, 2 unreadable file or bad arguments. */
export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCheckArgs(argv);
  if (args.command !== 'check') return usageAnswer(args, 'check', CHECK_USAGE, io);
  const folders = await inputFolders(args.paths);
  if (args.returnFolder && folders.some((f) => isInside(path.resolve(args.returnFolder as string), f))) {
    io.stderr(`annexes check : le dossier des retours « ${visibleText(args.returnFolder)} » est dans un dossier contrôlé : les retours y seraient contrôlés la fois suivante ; choisissez un autre dossier.\n`);
    return 2;
  }
  // The report is never one of the workbooks checked; a previous review workbook found in a folder
  // is the report being replaced, not a workbook to check.
  if (args.out) await checkOutput(args.out, args.paths, 'check');
  if (args.returnFolder) await prepareOutputFolder(args.returnFolder);
  const previousReview = args.out !== undefined && (await isReviewWorkbook(args.out));
  // The worker loads the reader and the engine while this thread collects the files.
  if (mayNeedWorker(args.paths)) prewarmCheckWorker(args);
  const collected = await collectFiles(args.paths, { exclude: previousReview && args.out ? [args.out] : [] });
  for (const notice of collected.notices) io.stderr(`annexes check : ${visibleText(notice)}\n`);
  const { targets, shownAs } = collected;
  // Files found in the folders are inputs too (a workbook of the folder is never overwritten).
  const inputs = [...args.paths, ...targets.filter((t) => !('problem' in t)).map((t) => t.file)];
  const progress = createProgress(io, targets.length, progressWanted(io));
  let results: FileResult[];
  try {
    if (args.out) await checkOutput(args.out, inputs, 'check');
    results = await checkFiles(targets, {
      overrides: args.overrides,
      maxFileBytes: args.maxFileBytes,
      maxUncompressedBytes: args.maxUncompressedBytes,
      jobs: args.jobs,
      timeoutMs: args.timeoutMs,
      // The review workbook and the return documents need the per-file summaries (causes, readings).
      summary: args.format === 'xlsx' || !!args.returnFolder,
      onResult: (r, done) => progress.tick(shownAs.get(r.file) ?? r.file, done),
    });
  } finally {
    await collected.release();
  }
  progress.end();
  results = showNames(results, shownAs);
  const context: ReviewContext = { reviewDate: new Date(), toolVersion: toolVersion(), displayName: displayNames(args.paths, folders) };
  const report = await render(args, results, context);
  if (args.out) {
    // Checked again at the write; files read through a descriptor (non-UTF-8 names) were checked above, while open.
    await writeOutputFile(args.out, report, inputs.filter((f) => !shownAs.has(f)), 'check');
    // The report is in the file: the counts still on the terminal.
    io.stderr(`Rapport écrit dans « ${visibleText(args.out)} ». ${batchTotals(results)}\n`);
  } else {
    io.stdout(typeof report === 'string' ? report : report.toString('utf8'));
  }
  // After the report: a return document that cannot be written does not lose the batch's report.
  if (args.returnFolder) {
    // ExcelJS is loaded only to write the return documents; each is written like the report (never over an input, atomic).
    const { writeReturnDocuments } = await import('../return-document');
    const written = await writeReturnDocuments(results, args.returnFolder, context, inputs.filter((f) => !shownAs.has(f)));
    io.stderr(`${written.length} retour${written.length > 1 ? 's' : ''} par Département écrit${written.length > 1 ? 's' : ''} dans « ${visibleText(args.returnFolder)} ».\n`);
  }
  if (results.some((r) => r.status === 'unreadable')) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}

function render(args: CheckArgs, results: FileResult[], context: ReviewContext): Promise<string | Buffer> | string {
  switch (args.format) {
    case 'json':
      return formatJson(results, args.overrides);
    case 'csv':
      return formatCsv(results);
    case 'xlsx':
      // ExcelJS is loaded only to write the review workbook.
      return import('../format-xlsx').then((m) => m.formatReviewXlsx(results, { ...context, options: optionsText(args) }));
    default:
      return formatText(results);
  }
}

/** The folders among the paths given (their files are named relative to them). */
async function inputFolders(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) out.push(path.resolve(p));
  }
  return out;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A file found in a folder given is named relative to it; a file given directly, as given. */
function displayNames(paths: string[], folders: string[]): (file: string) => string {
  const given = new Set(paths);
  return (file) => {
    if (given.has(file)) return file;
    const abs = path.resolve(file);
    const folder = folders.find((f) => isInside(abs, f));
    return folder ? path.relative(folder, abs).split(path.sep).join('/') : file;
  };
}

/** The readings given on the command line, as typed, for the review's header. */
function optionsText(args: CheckArgs): string {
  const o = args.overrides;
  const parts: string[] = [];
  if (o.fseAsCd !== undefined) parts.push(o.fseAsCd ? '--fse-as-cd' : '--no-fse-as-cd');
  if (o.underspendThreshold) parts.push(`--underspend-threshold ${o.underspendThreshold.times(100).toString()}`);
  if (o.minCdShare) parts.push(`--min-cd-share ${o.minCdShare.times(100).toString()}`);
  if (o.clsCofiBase) parts.push(`--cls-cofi-base ${o.clsCofiBase === 'total' ? 'total' : 'etat-cd'}`);
  if (o.ftVolet1) parts.push(`--forfait-volet1 ${o.ftVolet1 === 'lump-sum' ? 'integral' : 'plafonne'}`);
  return parts.join(' ');
}
