import type { Io } from '../io';

/**
 * What every verb does when its arguments are not a command to run: `--help` prints its usage
 * (exit 0); a bad argument prints « annexes <verbe> : message » then the usage on the error
 * output (exit 2).
 */
export function usageAnswer(args: { command: 'help' } | { command: 'error'; message: string }, verb: string, usage: string, io: Io): number {
  if (args.command === 'help') {
    io.stdout(`${usage}\n`);
    return 0;
  }
  io.stderr(`annexes ${verb} : ${args.message}\n\n${usage}\n`);
  return 2;
}
