import { type Io, processIo } from './io';
import { checkCommand } from './commands/check';
import { fillCommand } from './commands/fill';
import { templateCommand } from './commands/template';
import { reportCommand } from './commands/report';
import { diffCommand } from './commands/diff';

export type { Io };

/** The verbs of `annexes`; adding one means adding its module under commands/ and a line here. */
const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; summary: string }> = {
  check: { run: checkCommand, summary: 'contrôle des classeurs ou des dossiers de classeurs' },
  fill: { run: fillCommand, summary: 'copie remplie : formules, états des dépenses des volets 1 à 3, feuille Contrôles' },
  template: { run: templateCommand, summary: 'classeur vierge au format officiel (formules, listes, protection)' },
  report: { run: reportCommand, summary: 'rapport à mi-parcours du CLS 2024-2025 (bilan, indicateurs, constats, graphique)' },
  diff: { run: diffCommand, summary: 'ce qui a changé entre deux versions d’un classeur (montants, lignes, paramètres, constats)' },
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
    io.stdout('annexes 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[verb];
  if (!command) {
    io.stderr(`annexes : commande inconnue « ${verb} ».\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest, io);
}
