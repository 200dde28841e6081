/** Where a command writes: the process streams, or strings in tests. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there); absent: not a terminal. */
  stderrIsTTY?: () => boolean;
  /** Width of that terminal, in characters. */
  stderrColumns?: () => number | undefined;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: () => process.stderr.isTTY === true,
  stderrColumns: () => process.stderr.columns,
};
