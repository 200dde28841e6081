import * as path from 'path';
import type { Io } from './io';
import { visibleText } from '../layout/visible-text';

/**
 * The batch review's progress bar, on stderr, redrawn in place: only on a terminal and outside CI
 * (a log file or a CI console would get hundreds of carriage-return lines), never on stdout, which
 * may carry the JSON or CSV report.
 */
export interface Progress {
  tick(file: string, done: number): void;
  end(): void;
}

export function progressWanted(io: Io, env: NodeJS.ProcessEnv = process.env): boolean {
  return !!io.stderrIsTTY?.() && !env.CI;
}

const QUIET: Progress = { tick: () => undefined, end: () => undefined };
const BAR_WIDTH = 24;
const REDRAW_MS = 80;

export function createProgress(io: Io, total: number, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || total < 2) return QUIET;
  let last = 0;
  let drawn = false;
  return {
    tick(file, done) {
      const t = now();
      if (done < total && t - last < REDRAW_MS) return;
      last = t;
      drawn = true;
      io.stderr(`\r${progressLine(file, done, total, io.stderrColumns?.() ?? 80)}`);
    },
    end() {
      if (drawn) io.stderr('\r\x1b[2K');
    },
  };
}

/** "[██████░░░░] 42/101 fichiers  62-pas-de-calais.xlsx", cut to the terminal's width. */
export function progressLine(file: string, done: number, total: number, columns: number): string {
  const full = Math.round((done / total) * BAR_WIDTH);
  const line = `[${'█'.repeat(full)}${'░'.repeat(BAR_WIDTH - full)}] ${done}/${total} fichiers  ${visibleText(path.basename(file))}`;
  const width = Math.max(20, columns - 1);
  return line.length > width ? line.slice(0, width) : line.padEnd(width);
}
