import { promises as fs } from 'fs';
import * as path from 'path';
import { CHECK_USAGE, type CheckArgs, parseCheckArgs } from './check-args';
import { collectFiles } from '../collect-files';
import type { FileResult } from '../check-file';
import { checkFiles, prewarmCheckWorker } from '../check-pool';
import { createProgress, progressWanted } from '../progress';
import { formatJson } from '../format-json';
import { batchTotals, formatText } from '../format-text';
import { formatCsv } from '../format-csv';
import type { Io } from '../io';
import type { ReviewContext } from '../return-document';
import { toolVersion } from '../tool-version';

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
  const folders = await inputFolders(args.paths);
  if (args.returnFolder && folders.some((f) => isInside(path.resolve(args.returnFolder as string), f))) {
    io.stderr(`annexes check : le dossier des retours « ${args.returnFolder} » est dans un dossier contrôlé : les retours y seraient contrôlés la fois suivante ; choisissez un autre dossier.\n`);
    return 2;
  }
  const context: ReviewContext = { reviewDate: new Date(), toolVersion: toolVersion(), displayName: displayNames(args.paths, folders) };
  // The worker loads the reader and the engine while this thread collects the files.
  prewarmCheckWorker(args);
  const targets = await collectFiles(args.paths);
  const progress = createProgress(io, targets.length, progressWanted(io));
  const results = await checkFiles(targets, {
    overrides: args.overrides,
    maxFileBytes: args.maxFileBytes,
    maxUncompressedBytes: args.maxUncompressedBytes,
    jobs: args.jobs,
    // The review workbook and the return documents need the per-file summaries (causes, readings).
    summary: args.format === 'xlsx' || !!args.returnFolder,
    onResult: (r, done) => progress.tick(r.file, done),
  });
  progress.end();
  const report = await render(args, results, context);
  if (args.returnFolder) {
    try {
      // ExcelJS is loaded only to write the return documents.
      const { writeReturnDocuments } = await import('../return-document');
      const written = await writeReturnDocuments(results, args.returnFolder, context);
      io.stderr(`${written.length} retour${written.length > 1 ? 's' : ''} par Département écrit${written.length > 1 ? 's' : ''} dans « ${args.returnFolder} ».\n`);
    } catch (e) {
      io.stderr(`annexes : impossible d'écrire les retours dans « ${args.returnFolder} » (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).\n`);
      return 2;
    }
  }
  if (args.out) {
    try {
      await fs.writeFile(args.out, report);
    } catch (e) {
      io.stderr(`annexes : impossible d'écrire le rapport dans « ${args.out} » (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).\n`);
      return 2;
    }
    // The report is in the file: the counts still on the terminal.
    io.stderr(`Rapport écrit dans « ${args.out} ». ${batchTotals(results)}\n`);
  } else {
    io.stdout(typeof report === 'string' ? report : report.toString('utf8'));
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
