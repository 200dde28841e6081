import { type Io, guardStandardStreams, processIo } from './io';
import { prewarmCheckWorker, releaseSpareWorker } from './check-worker-handle';
import { mayNeedWorker } from './check-pool';
import { OutputError } from '../adapters/files/output-file';
import { errnoCode, fsReason } from '../adapters/files/fs-errors';
import { visibleText } from '../layout/visible-text';
import { toolVersion } from './tool-version';

export type { Io };

type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * The verbs of `annexes`; adding one means adding its module under commands/ and a line here. Each
 * verb's module is loaded when it runs: `check` never loads ExcelJS, which only the writers need.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  check: { load: async () => (await import('./commands/check')).checkCommand, summary: 'contrôle des classeurs ou des dossiers de classeurs' },
  fill: { load: async () => (await import('./commands/fill')).fillCommand, summary: 'copie remplie : formules, états des dépenses des volets 1 à 3, feuille Contrôles' },
  template: { load: async () => (await import('./commands/template')).templateCommand, summary: 'classeur vierge au format officiel (formules, listes, protection)' },
  report: { load: async () => (await import('./commands/report')).reportCommand, summary: 'rapport à mi-parcours du CLS 2024-2025 (bilan, indicateurs, constats, graphique)' },
  diff: { load: async () => (await import('./commands/diff')).diffCommand, summary: 'ce qui a changé entre deux versions d’un classeur (montants, lignes, paramètres, constats)' },
};

function usage(): string {
  const verbs = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Usage : annexes <commande> [options]', '', 'Commandes :', ...verbs, '', 'Aide d’une commande : annexes <commande> --help'].join('\n');
}

/** `annexes` entry point; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') {
    io.stdout(`${usage()}\n`);
    return 0;
  }
  if (verb === '--version') {
    io.stdout(`annexes ${toolVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[verb];
  if (!command) {
    io.stderr(`annexes : commande inconnue « ${verb} ».\n\n${usage()}\n`);
    return 2;
  }
  // The check worker starts loading the reader and the engine while this thread loads the command
  // (one small file is checked without a worker).
  if (verb === 'check' && !rest.includes('-h') && !rest.includes('--help') && mayNeedWorker(rest)) prewarmCheckWorker();
  try {
    return await (await command.load())(rest, io);
  } catch (e) {
    // Whatever a command lets out ends as a French line and exit 2, never a stack trace.
    if (e instanceof OutputError) io.stderr(`annexes ${verb} : ${visibleText(e.message)}\n`);
    else if (errnoCode(e)) {
      const file = (e as NodeJS.ErrnoException).path;
      io.stderr(`annexes ${verb} : ${file ? `« ${visibleText(String(file))} »` : 'un fichier'} n'a pas pu être lu ou écrit (${fsReason(e)}).\n`);
    }
    else io.stderr(`annexes ${verb} : erreur interne (${visibleText(e instanceof Error ? e.message : String(e))}). Merci de signaler la commande et le fichier à l'équipe.\n`);
    return 2;
  } finally {
    releaseSpareWorker();
  }
}

/** The `annexes` process: standard streams guarded, exit code set. */
export async function runCli(argv: string[]): Promise<void> {
  const streams = guardStandardStreams();
  const code = await main(argv, processIo);
  process.exitCode = streams.reportLost() ? 2 : code;
}
