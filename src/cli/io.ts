/** Where a command writes: the process streams, or strings in tests. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there); absent: not a terminal. */
  stderrIsTTY?: () => boolean;
  /** Width of that terminal, in characters. */
  stderrColumns?: () => number | undefined;
}

/**
 * A standard stream that fails is not a crash: stdout closed by the reader (`annexes check … |
 * head`, EPIPE) is the reader's choice, so the rest of the report is dropped quietly and the exit
 * code stays the check's; stdout on a full disk or otherwise unwritable loses the report, which is
 * said on stderr in French, and the exit code becomes 2. stderr failing is ignored.
 */
const broken = { stdout: null as NodeJS.ErrnoException | null, stderr: false };

function write(stream: NodeJS.WriteStream, s: string, onError: (e: NodeJS.ErrnoException) => void): void {
  try {
    stream.write(s);
  } catch (e) {
    onError(e as NodeJS.ErrnoException); // a file on a full disk can fail at once, without an 'error' event
  }
}

function stdoutFailed(e: NodeJS.ErrnoException): void {
  if (broken.stdout) return;
  broken.stdout = e;
  if (e.code === 'EPIPE') return;
  process.exitCode = 2;
  const reason = e.code === 'ENOSPC' ? 'le disque est plein' : e.code === 'EDQUOT' ? 'votre quota d’espace disque est atteint' : 'la sortie standard n’accepte plus rien';
  processIo.stderr(`annexes : le rapport n’a pas pu être écrit en entier sur la sortie standard (${reason}).\n`);
}

let guarded = false;

/** Listens for the streams' errors (once per process); returns whether the report written to stdout was lost. */
export function guardStandardStreams(): { reportLost: () => boolean } {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', stdoutFailed);
    process.stderr.on('error', () => {
      broken.stderr = true;
    });
  }
  return { reportLost: () => !!broken.stdout && broken.stdout.code !== 'EPIPE' };
}

export const processIo: Io = {
  stdout: (s) => {
    if (!broken.stdout) write(process.stdout, s, stdoutFailed);
  },
  stderr: (s) => {
    if (!broken.stderr)
      write(process.stderr, s, () => {
        broken.stderr = true;
      });
  },
  stderrIsTTY: () => process.stderr.isTTY === true,
  stderrColumns: () => process.stderr.columns,
};
