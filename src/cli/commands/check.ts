import { CHECK_USAGE, type CheckArgs, parseCheckArgs } from './check-args';
import { collectFiles, showNames } from '../collect-files';
import { isReviewWorkbook } from '../review-file';
import { checkOutput, writeOutputFile } from '../../adapters/files/output-file';
import type { FileResult } from '../check-file';
import { checkFiles, mayNeedWorker, prewarmCheckWorker } from '../check-pool';
import { createProgress, progressWanted } from '../progress';
import { formatJson, formatJsonChunks } from '../format-json';
import { formatText } from '../format-text';
import { formatCsv } from '../format-csv';
import type { Io } from '../io';
import { visibleText } from '../../layout/visible-text';

/** `annexes check <fichier-ou-dossier>...`: exit 0 ok, 1 errors found, 2 unreadable file or bad arguments. */
export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCheckArgs(argv);
  if (args.command === 'help') {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  if (args.command === 'error') {
    io.stderr(`annexes check : ${args.message}\n\n${CHECK_USAGE}\n`);
    return 2;
  }
  // The report is never one of the workbooks checked; a previous review workbook found in a folder
  // is the report being replaced, not a workbook to check.
  if (args.out) await checkOutput(args.out, args.paths, 'check');
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
      summary: args.format === 'xlsx',
      onResult: (r, done) => progress.tick(shownAs.get(r.file) ?? r.file, done),
    });
  } finally {
    await collected.release();
  }
  progress.end();
  results = showNames(results, shownAs);
  if (args.format === 'json' && !args.out) {
    // Written piece by piece: a report of 200 000 actions is never held whole.
    for (const chunk of formatJsonChunks(results, args.overrides)) {
      io.stdout(chunk);
      await io.stdoutDrained?.();
    }
    return exitCode(results);
  }
  const report = await render(args, results);
  if (args.out) {
    // Checked again at the write; files read through a descriptor (non-UTF-8 names) were checked above, while open.
    await writeOutputFile(args.out, report, inputs.filter((f) => !shownAs.has(f)), 'check');
    io.stderr(`Rapport écrit dans « ${visibleText(args.out)} ».\n`);
  } else {
    io.stdout(typeof report === 'string' ? report : report.toString('utf8'));
  }
  return exitCode(results);
}

function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.status === 'unreadable')) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}

function render(args: CheckArgs, results: FileResult[]): Promise<string | Buffer> | string {
  switch (args.format) {
    case 'json':
      return formatJson(results, args.overrides);
    case 'csv':
      return formatCsv(results);
    case 'xlsx':
      // ExcelJS is loaded only to write the review workbook.
      return import('../format-xlsx').then((m) => m.formatReviewXlsx(results));
    default:
      return formatText(results);
  }
}
