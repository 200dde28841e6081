import { promises as fs } from 'fs';
import { CHECK_USAGE, parseCheckArgs } from './check-args';
import { collectFiles } from '../collect-files';
import { type FileResult, checkFile } from '../check-file';
import { formatJson } from '../format-json';
import { formatText } from '../format-text';
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
  const targets = await collectFiles(args.paths);
  const results: FileResult[] = [];
  for (const t of targets) results.push(await checkFile(t, args.overrides, args.maxFileBytes));
  const report = args.format === 'json' ? formatJson(results, args.overrides) : formatText(results);
  if (args.out) {
    try {
      await fs.writeFile(args.out, report, 'utf8');
    } catch (e) {
      io.stderr(`annexes : impossible d'écrire le rapport dans « ${args.out} » (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).\n`);
      return 2;
    }
    io.stderr(`Rapport écrit dans « ${args.out} ».\n`);
  } else {
    io.stdout(report);
  }
  if (results.some((r) => r.status === 'unreadable')) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}
