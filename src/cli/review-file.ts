import { promises as fs } from 'fs';
import { REVIEW_SHEETS } from './review-sheets';

/** Review workbooks weigh a few hundred kB; anything much larger is not one. */
const MAX_REVIEW_BYTES = 20 * 1024 * 1024;

/**
 * Whether `file` is a review workbook written by `annexes check --format xlsx` (creator « annexes »,
 * sheets « Synthèse » and « Constats »): when it sits in a folder being checked, it is the previous
 * report, which the new one replaces, not a Département's workbook to check. Anything else in the
 * folder — a workbook of a Département above all — stays an input the report may not overwrite.
 */
export async function isReviewWorkbook(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_REVIEW_BYTES) return false;
    // JSZip only when there is an --out to look at: `annexes check` on its own loads no zip library.
    // require, not import(): the CLI bundle is run by vm.Script, which has no loader for import().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip') as typeof import('jszip');
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const sheet = (name: string) => workbook.includes(`name="${name}"`);
    return /<dc:creator>annexes<\/dc:creator>/.test(core) && sheet(REVIEW_SHEETS.summary) && sheet(REVIEW_SHEETS.findings);
  } catch {
    return false;
  }
}
