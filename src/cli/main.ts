import { type Io, processIo } from './io';
import { checkCommand } from './commands/check';

export type { Io };

/** The verbs of `annexes`; adding one means adding its module under commands/ and a line here. */
const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; summary: string }> = {
  check: { run: checkCommand, summary: 'contrôle des classeurs ou des dossiers de classeurs' },
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
