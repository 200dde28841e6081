/**
 * Applies a WritePlan to a COPY of an .xlsx file, through ExcelJS: the input is loaded whole, the
 * planned cells are written (a formula with its cached result, or a value), the tool's sheets are
 * created or replaced, and everything else — values, formulas, formats, merges, widths, other
 * sheets — is written back as loaded. The input file is never written to.
 */
import { promises as fs } from 'fs';
import ExcelJS from './exceljs';
import type { CellScalar } from '../../layout/grid';
import { cellAddress, parseAddress } from '../../layout/grid';
import type { CellWrite, SheetToCreate, WritePlan } from '../../layout/write-plan';
import { checkOutput, writeOutputFile } from '../files/output-file';
import { type SheetRename, renamedSheets } from './exceljs-sheet-names';
import { translateFormula } from './shared-formula';
import { xlsxLiteral } from './xlsx-literal';
import { applyStyles, formatSheet } from './sheet-format';

export { OutputIsInputError as SameFileError, isSameFile } from '../files/output-file';
export type { SheetRename } from './exceljs-sheet-names';

export interface AppliedPlan {
  buffer: Buffer;
  /** The input's sheets whose name Excel would refuse (over 31 characters, or a case duplicate), as renamed in the copy. */
  renamed: SheetRename[];
}

/**
 * Writes `output`: a copy of `input` with the plan applied, atomically. Refuses (OutputIsInputError)
 * before reading anything when `output` is the input under any name.
 */
export async function applyWritePlanToCopy(input: string, output: string, plan: WritePlan, verb = 'fill'): Promise<SheetRename[]> {
  await checkOutput(output, [input], verb);
  const { buffer, renamed } = await applyWritePlan(await fs.readFile(input), plan);
  await writeOutputFile(output, buffer, [input], verb);
  return renamed;
}

export async function applyWritePlanToBuffer(buf: Buffer, plan: WritePlan): Promise<Buffer> {
  return (await applyWritePlan(buf, plan)).buffer;
}

export async function applyWritePlan(buf: Buffer, plan: WritePlan): Promise<AppliedPlan> {
  // ExcelJS comes from ./exceljs with our parsing fixes: number formats kept raw (backslashes), amounts
  // not turned into dates, empty cached strings kept — or the copy would change cells the plan does not touch.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const renamed = renamedSheets(wb);
  // The plan names sheets as the reader saw them; a sheet ExcelJS had to rename is found under its new name.
  const sheet = (name: string) => wb.getWorksheet(name) ?? wb.getWorksheet(renamed.find((r) => r.from === name)?.to ?? '');
  for (const s of plan.createSheets) createSheet(wb, s);
  for (const w of plan.writes) {
    const ws = sheet(w.sheet);
    if (!ws) throw new Error(`write plan: no sheet "${w.sheet}"`);
    writeCell(ws, w);
  }
  // Styles only for the sheets the plan creates: the user's own sheets keep their look.
  const created = new Set(plan.createSheets.map((s) => s.name));
  const styles = (plan.styles ?? []).filter((s) => created.has(s.sheet));
  for (const name of new Set(styles.map((s) => s.sheet))) applyStyles(sheet(name) as ExcelJS.Worksheet, styles.filter((s) => s.sheet === name));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), renamed };
}

function createSheet(wb: ExcelJS.Workbook, s: SheetToCreate): void {
  // Excel's sheet names ignore case: « CONTRÔLES » is the sheet « Contrôles ».
  const existing = wb.worksheets.find((ws) => ws.name.toLowerCase() === s.name.toLowerCase());
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
    cell.value = w.value === undefined ? null : typeof w.value === 'string' ? xlsxLiteral(w.value) : w.value;
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
