/**
 * The Python that has openpyxl. Debian's python3-openpyxl installs into /usr/bin/python3, while the
 * `python3` first on PATH may be another interpreter (pyenv) that cannot import it: try $PYTHON,
 * then /usr/bin/python3, then python3. scripts/test-real.js applies the same search before the real
 * tier starts.
 */
import { spawnSync } from 'child_process';

let found: string | null | undefined;

export function pythonWithOpenpyxl(): string | null {
  if (found === undefined) {
    const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
    found = candidates.find((py) => spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) ?? null;
  }
  return found;
}

/** Runs a Python script (text) with openpyxl available; throws with its output when it fails. */
export function runPython(script: string, args: string[] = []): string {
  const py = pythonWithOpenpyxl();
  if (!py) throw new Error('openpyxl introuvable : apt-get install -y python3-openpyxl');
  const r = spawnSync(py, ['-', ...args], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python a échoué (code ${r.status}) :\n${r.stderr}`);
  return r.stdout;
}
