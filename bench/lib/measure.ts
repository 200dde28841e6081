/**
 * What every benchmark shares. These machines are noisy: each figure is a median over rounds run
 * in one process, and what matters is the ratio between two things measured side by side in the
 * same run (interleaved), not an absolute time.
 */
import { performance } from 'perf_hooks';

/** Runs each task once per round, in turn, and returns the durations (ms) of each. */
export async function interleaved(tasks: Record<string, () => unknown>, rounds: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  const names = Object.keys(tasks);
  for (const n of names) out[n] = [];
  for (let r = 0; r < rounds; r++) {
    // Rotate the order so that neither task always runs on a warmer (or more collected) heap.
    for (let i = 0; i < names.length; i++) {
      const n = names[(i + r) % names.length];
      const t = performance.now();
      await tasks[n]();
      out[n].push(performance.now() - t);
    }
  }
  return out;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** French number: "1 234,5". */
export function fr(n: number, digits = 1): string {
  return n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export const ms = (n: number) => `${fr(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
export const mo = (bytes: number) => `${fr(bytes / (1024 * 1024), 1)} Mo`;
export const ratio = (a: number, b: number) => `×${fr(a / b, 2)}`;

export function title(name: string): void {
  process.stdout.write(`\n== ${name} ==\n`);
}

export function line(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(52)} ${value}\n`);
}

export function skip(name: string, why: string): void {
  title(name);
  process.stdout.write(`  ignoré : ${why}\n`);
}

/** Runs a benchmark's main, reporting a failure as a non-zero exit code. */
export function run(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
