import { promises as fs } from 'fs';
import * as path from 'path';

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** A path to check: a workbook, or a problem to report for it (missing, empty folder). */
export type Target = { file: string } | { file: string; problem: string };

/** Expands folders (recursively) into their .xlsx/.xlsm files, sorted; Excel lock files "~$…" skipped. */
export async function collectFiles(paths: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      out.push({ file: p, problem: `Le fichier ou dossier « ${p} » est introuvable.` });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push({ file: p });
      continue;
    }
    const found = await walk(p);
    if (found.length === 0) out.push({ file: p, problem: `Le dossier « ${p} » ne contient aucun classeur .xlsx.` });
    out.push(...found.map((file) => ({ file })));
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (WORKBOOK.test(e.name) && !e.name.startsWith('~$')) files.push(full);
  }
  return files;
}
