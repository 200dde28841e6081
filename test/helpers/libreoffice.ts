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
  return (await convertAllWithLibreOffice([file], outDir, to))[0];
}

/** LibreOffice's export filters by target extension. */
const FILTERS: Record<string, string> = { xlsx: 'xlsx', ods: 'ods', xlsm: 'xlsm:Calc MS Excel 2007 VBA XML', pdf: 'pdf' };

/**
 * Converts several workbooks in one LibreOffice run (one fresh profile), each recalculated, to
 * .xlsx, .ods or .xlsm in `outDir` (the files' names must differ); resolves to the converted paths,
 * in the order given.
 */
export async function convertAllWithLibreOffice(files: string[], outDir: string, format: 'xlsx' | 'ods' | 'xlsm' | 'pdf'): Promise<string[]> {
  const soffice = sofficePath() ?? 'soffice';
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  const env = `-env:UserInstallation=${pathToFileURL(profile).href}`;
  try {
    await run(soffice, ['--headless', '--norestore', env, '--terminate_after_init']);
    const registry = path.join(profile, 'user', 'registrymodifications.xcu');
    const xml = existsSync(registry) ? readFileSync(registry, 'utf8') : EMPTY_REGISTRY;
    writeFileSync(registry, xml.replace('</oor:items>', `${RECALC_ALWAYS}${format === 'pdf' ? FRENCH_LOCALE : ''}</oor:items>`));
    await run(soffice, ['--headless', '--norestore', env, '--convert-to', FILTERS[format], '--outdir', outDir, ...files], 180_000 + 20_000 * files.length);
    return files.map((file) => {
      const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`));
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

function run(cmd: string, args: string[], timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
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
