import { promises as fs } from 'fs';
import { CHECK_USAGE, type CheckArgs, parseCheckArgs } from './check-args';
import { collectFiles } from '../collect-files';
import type { FileResult } from '../check-file';
import { checkFiles, prewarmCheckWorker } from '../check-pool';
import { createProgress, progressWanted } from '../progress';
import { formatJson } from '../format-json';
import { formatText } from '../format-text';
import { formatCsv } from '../format-csv';
import type { Io } from '../io';

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
  // The worker loads the reader and the engine while this thread collects the files.
  prewarmCheckWorker(args);
  const targets = await collectFiles(args.paths);
  const progress = createProgress(io, targets.length, progressWanted(io));
  const results = await checkFiles(targets, {
    overrides: args.overrides,
    maxFileBytes: args.maxFileBytes,
    maxUncompressedBytes: args.maxUncompressedBytes,
    jobs: args.jobs,
    summary: args.format === 'xlsx',
    onResult: (r, done) => progress.tick(r.file, done),
  });
  progress.end();
  const report = await render(args, results);
  if (args.out) {
    try {
      await fs.writeFile(args.out, report);
    } catch (e) {
      io.stderr(`annexes : impossible d'écrire le rapport dans « ${args.out} » (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).\n`);
      return 2;
    }
    io.stderr(`Rapport écrit dans « ${args.out} ».\n`);
  } else {
    io.stdout(typeof report === 'string' ? report : report.toString('utf8'));
  }
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
