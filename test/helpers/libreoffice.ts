/**
 * A real spreadsheet engine for the tests: LibreOffice Calc headless converts a workbook to .xlsx,
 * recalculating every formula. LibreOffice does NOT recalculate an .xlsx on load by default (it
 * keeps the cached values: « Never recalculate »), so each conversion runs with a fresh user profile
 * of its own, initialised once, whose /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode is 0
 * (« Always recalculate »). A profile per conversion also keeps parallel test workers from sharing
 * a profile lock.
 */
import { execFileSync, spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The soffice binary, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const RECALC_ALWAYS =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n';

const EMPTY_REGISTRY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
  'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';

/** Printing as a French user's LibreOffice does: « 1 236 000,00 € », « 48,34 % ». */
const FRENCH_LOCALE =
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>\n';

/**
 * Converts `file` to a recalculated .xlsx (or, `to` = 'pdf', prints it as a French user would) in
 * `outDir`; resolves to the converted file's path.
 */
export async function convertWithLibreOffice(file: string, outDir: string, to: 'xlsx' | 'pdf' = 'xlsx'): Promise<string> {
  return (await convertManyWithLibreOffice([file], outDir, to))[0];
}

/** Converts several files in one LibreOffice run (names must differ); resolves to the converted paths, in order. */
export async function convertManyWithLibreOffice(files: string[], outDir: string, to: 'xlsx' | 'pdf' = 'xlsx'): Promise<string[]> {
  const soffice = sofficePath() ?? 'soffice';
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  const env = `-env:UserInstallation=${pathToFileURL(profile).href}`;
  try {
    await run(soffice, ['--headless', '--norestore', env, '--terminate_after_init']);
    const registry = path.join(profile, 'user', 'registrymodifications.xcu');
    const xml = existsSync(registry) ? readFileSync(registry, 'utf8') : EMPTY_REGISTRY;
    writeFileSync(registry, xml.replace('</oor:items>', `${RECALC_ALWAYS}${to === 'pdf' ? FRENCH_LOCALE : ''}</oor:items>`));
    await run(soffice, ['--headless', '--norestore', env, '--convert-to', to, '--outdir', outDir, ...files]);
    return files.map((file) => {
      const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${to}`));
      if (!existsSync(out)) throw new Error(`LibreOffice n'a pas produit ${out}`);
      return out;
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Same, into a new temporary folder. */
export async function recalcWithLibreOffice(file: string): Promise<string> {
  return convertWithLibreOffice(file, mkdtempSync(path.join(tmpdir(), 'lo-out-')));
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} : code ${code}\n${output}`));
    });
  });
}
