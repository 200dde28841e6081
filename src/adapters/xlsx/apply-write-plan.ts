/**
 * Applies a WritePlan to a COPY of an .xlsx file, through ExcelJS: the input is loaded whole, the
 * planned cells are written (a formula with its cached result, or a value), the tool's sheets are
 * created or replaced, and everything else — values, formulas, formats, merges, widths, other
 * sheets — is written back as loaded. The input file is never written to.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellScalar } from '../../layout/grid';
import { cellAddress, parseAddress } from '../../layout/grid';
import type { CellWrite, SheetToCreate, WritePlan } from '../../layout/write-plan';
import { installExcelJsFixes } from './exceljs-fixes';
import { translateFormula } from './shared-formula';
import { applyStyles, formatSheet } from './sheet-format';

/** The output would overwrite the input: refused, whatever the path spelling (link, ./, case on some disks). */
export class SameFileError extends Error {
  override readonly name = 'SameFileError';

  constructor(readonly input: string) {
    super(`Le fichier de sortie est le fichier d'entrée « ${input} » : « annexes fill » n'écrit jamais sur son entrée ; indiquez un autre fichier avec -o.`);
  }
}

export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  // Same inode: a hard link, a symbolic link, or another spelling of the same path.
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Writes `output`: a copy of `input` with the plan applied. Throws SameFileError before reading anything. */
export async function applyWritePlanToCopy(input: string, output: string, plan: WritePlan): Promise<void> {
  if (await isSameFile(input, output)) throw new SameFileError(input);
  const buf = await fs.readFile(input);
  const out = await applyWritePlanToBuffer(buf, plan);
  await fs.writeFile(output, out);
}

export async function applyWritePlanToBuffer(buf: Buffer, plan: WritePlan): Promise<Buffer> {
  // The same parsing fixes as the reader: number formats kept raw (backslashes), amounts not turned
  // into dates, empty cached strings kept — or the copy would change cells the plan does not touch.
  installExcelJsFixes();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  for (const s of plan.createSheets) createSheet(wb, s);
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`write plan: no sheet "${w.sheet}"`);
    writeCell(ws, w);
  }
  // Styles only for the sheets the plan creates: the user's own sheets keep their look.
  const created = new Set(plan.createSheets.map((s) => s.name));
  const styles = (plan.styles ?? []).filter((s) => created.has(s.sheet));
  for (const name of new Set(styles.map((s) => s.sheet))) applyStyles(wb.getWorksheet(name) as ExcelJS.Worksheet, styles.filter((s) => s.sheet === name));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function createSheet(wb: ExcelJS.Workbook, s: SheetToCreate): void {
  const existing = wb.getWorksheet(s.name);
  if (existing && !s.replace) return;
  if (existing) wb.removeWorksheet(existing.id);
  formatSheet(wb.addWorksheet(s.name), s);
}

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite): void {
  const cell = ws.getCell(w.row, w.col);
  unshareMaster(ws, cell);
  if (w.formula !== undefined) {
    const formula = w.formula.startsWith('=') ? w.formula.slice(1) : w.formula;
    const result = toResult(w.value);
    cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
  } else {
    // A string is stored as a shared string: « =HYPERLINK(…) », « +33… », « -50 places » stay text.
    cell.value = w.value === undefined ? null : w.value;
  }
  if (w.numFmt) cell.numFmt = w.numFmt;
}

function toResult(v: CellScalar | null | undefined): ExcelJS.CellFormulaValue['result'] | undefined {
  if (v === null || v === undefined) return undefined;
  return v as ExcelJS.CellFormulaValue['result'];
}

/**
 * ExcelJS keeps shared formulas as they were loaded: a master cell and followers that point to it.
 * Overwriting a master would leave its followers pointing at a formula that no longer exists, so
 * they first get their own formula, translated from the master's, and keep their cached result.
 */
function unshareMaster(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const v = master.value as ExcelJS.CellSharedFormulaValue | ExcelJS.CellFormulaValue | null;
  if (!v || typeof v !== 'object' || !('formula' in v) || !v.formula) return;
  const address = cellAddress(Number(master.row), Number(master.col));
  const text = v.formula;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const fv = cell.value as ExcelJS.CellSharedFormulaValue | null;
      if (!fv || typeof fv !== 'object' || !('sharedFormula' in fv) || fv.sharedFormula !== address) return;
      const from = parseAddress(address) as { row: number; col: number };
      const formula = translateFormula(text, Number(cell.row) - from.row, Number(cell.col) - from.col);
      const result = (cell as unknown as { result?: ExcelJS.CellFormulaValue['result'] }).result;
      cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
    });
  });
}
