import { DERIVATIONS, type Derivation } from '../../domain/derivations';
import { type DerivedValue, recomputeDelta, recomputeTable } from '../../domain/recompute';
import { formatQuantity, unitsAgree } from '../../domain/quantity';
import type { AnnexTable, TableRow } from '../../domain/table';
import type { Analysis } from '../analyse';
import { type Grid, type GridSheet, cellAddress, getCell } from '../grid';
import type { CellWrite, WritePlan } from '../write-plan';
import { AMOUNT_FORMAT, signedSum, sumOfRows } from './formula-text';

/**
 * Every derived cell of the annex tables as a live formula with the engine's value cached
 * (recomputeTable): CLS F, B, total réalisé, I, K (= G + J, not the printed G + I), M, sous-totaux
 * and TOTAUX FINANCIERS; plan de financement Total rows and TOTAL BESOINS; Plan d'action Montant
 * and TOTAL; journal total rows. The file then reads right both before and after a recalculation.
 *
 * Left as they are, and why:
 * - a derived cell whose inputs cannot be read (error, formula never computed, not an amount): the
 *   engine has no value to cache, and CELL-* rules report the input;
 * - a derived cell whose inputs are amounts typed as text (« 618 000,00 € »): Excel does not add
 *   text, so a formula would compute something else than the engine; CELL-TEXT-AMOUNT asks for
 *   numbers first.
 *
 * The plan de financement Delta (Cible − Existant) becomes a formula only when Existant and Cible
 * are number cells; quantities typed with their unit (« 1030 places ») stay text, and a wrong one
 * is replaced by the corrected text (« 330 places »).
 */
export function planDerivedFormulas(grid: Grid, analysis: Analysis): WritePlan {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const writes: CellWrite[] = [];
  let deltas = 0;
  for (const table of analysis.workbook.tables) {
    const sheet = sheets.get(table.sheet);
    if (!sheet) continue;
    const planner = new TablePlanner(table, sheet);
    for (const dv of recomputeTable(table)) {
      const w = planner.write(dv);
      if (w) writes.push(w);
    }
    if (table.kind === 'ft-plan') {
      for (const row of table.rows) {
        const w = planDelta(table, row, sheet);
        if (w) {
          writes.push(w);
          deltas++;
        }
      }
    }
  }
  const formulas = writes.filter((w) => w.formula !== undefined).length;
  const parts = [`${formulas} formule${formulas > 1 ? 's' : ''} de colonnes calculées et de totaux`];
  if (deltas) parts.push(`${deltas} delta${deltas > 1 ? 's' : ''} du plan de financement corrigé${deltas > 1 ? 's' : ''}`);
  return { description: `Recalcul des colonnes calculées : ${parts.join(', ')}.`, createSheets: [], writes };
}

class TablePlanner {
  private readonly derivations: Derivation[];
  private readonly tableRows: Set<number>;

  constructor(
    private readonly table: AnnexTable,
    private readonly sheet: GridSheet,
  ) {
    const present = new Set(table.columns.map((c) => c.key));
    // As recomputeTable: only the definitions whose columns are all in the table.
    this.derivations = DERIVATIONS[table.kind].filter((d) => present.has(d.target) && d.terms.every((t) => present.has(t.key)));
    this.tableRows = new Set(table.rows.map((r) => r.row));
  }

  write(dv: DerivedValue): CellWrite | null {
    if (dv.value === null) return null;
    const row = this.table.rows[dv.rowIndex];
    if (!this.safe(row, dv.key, dv.rowIndex)) return null;
    const formula = row.kind === 'detail' ? this.rowFormula(row, dv.key) : this.totalFormula(dv.rowIndex, dv.key, dv.cell.ref.col);
    if (!formula) return null;
    const { sheet, row: r, col } = dv.cell.ref;
    const w: CellWrite = { sheet, row: r, col, formula, value: dv.value.toNumber(), purpose: 'derived' };
    // The cell's own format is kept; a cell without one gets the French amount format.
    if (!getCell(this.sheet, r, col)?.numFmt) w.numFmt = AMOUNT_FORMAT;
    return w;
  }

  private derivation(key: string): Derivation | undefined {
    return this.derivations.find((d) => d.target === key);
  }

  private colOf(key: string): number {
    return this.table.columns.find((c) => c.key === key)?.col as number;
  }

  private rowFormula(row: TableRow, key: string): string | null {
    const d = this.derivation(key);
    if (!d) return null;
    return signedSum(row.row, d.terms.map((t) => ({ col: this.colOf(t.key), sign: t.sign })));
  }

  /**
   * A total adds its subtotal rows when they cover exactly its detail rows, each once (« D11+D16+D19 »,
   * as the national model does), else its detail rows (« SUM(G17:G19,G21:G22) »).
   */
  private totalFormula(index: number, key: string, col: number): string | null {
    const row = this.table.rows[index];
    const sumOf = row.sumOf ?? [];
    if (sumOf.length === 0) return null;
    const subs = row.sumOfSubtotals ?? [];
    if (subs.length > 0 && subs.every((i) => this.table.rows[i].amounts[key])) {
      const covered = subs.flatMap((i) => this.table.rows[i].sumOf ?? []);
      const wanted = new Set(sumOf);
      if (covered.length === wanted.size && new Set(covered).size === covered.length && covered.every((i) => wanted.has(i))) {
        return subs.map((i) => cellAddress(this.table.rows[i].row, col)).join('+');
      }
    }
    const rows = sumOf.map((i) => this.table.rows[i].row);
    return sumOfRows(col, rows, (r) => !this.tableRows.has(r) && isEmptyForSum(getCell(this.sheet, r, col)));
  }

  /** True when every input the value rests on is a number or blank cell (see the module comment). */
  private safe(row: TableRow, key: string, index: number): boolean {
    if (row.kind !== 'detail') return (row.sumOf ?? []).every((i) => this.safe(this.table.rows[i], key, i));
    const d = this.derivation(key);
    if (d) return d.terms.every((t) => this.safe(row, t.key, index));
    const kind = row.amounts[key]?.kind ?? 'empty';
    return kind === 'number' || kind === 'empty';
  }
}

function isEmptyForSum(cell: ReturnType<typeof getCell>): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error !== undefined) return false;
  return cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

/**
 * Delta = Cible − Existant (FT annexe 2). A formula when both are number cells (a blank Existant is
 * none); otherwise the corrected quantity as text in the Cible's unit, written only when the cell
 * is blank or wrong — a right Delta typed « 2ETP » is left as typed.
 */
function planDelta(table: AnnexTable, row: TableRow, sheet: GridSheet): CellWrite | null {
  const q = row.quantities;
  const deltaCol = table.columns.find((c) => c.key === 'delta')?.col;
  if (row.kind !== 'detail' || !q?.target?.quantity || deltaCol === undefined) return null;
  if (q.existing && !q.existing.readable) return null;
  const target = q.target.quantity;
  const existing = q.existing?.quantity ?? null;
  if (existing && !unitsAgree(existing, target)) return null; // PLAN-DELTA warns: no unit to write
  const expected = recomputeDelta(row);
  if (!expected) return null;
  const cell = (ref: { row: number; col: number } | undefined) => (ref ? getCell(sheet, ref.row, ref.col) : undefined);
  const targetCell = cell(q.target.ref);
  const existingCell = cell(q.existing?.ref);
  const numeric = typeof targetCell?.value === 'number' && (existingCell === undefined || existingCell.value === null || typeof existingCell.value === 'number');
  const base = { sheet: table.sheet, row: row.row, col: deltaCol, purpose: 'derived' as const };
  if (numeric) {
    const terms: { col: number; sign: 1 | -1 }[] = [{ col: q.target.ref.col, sign: 1 }];
    if (q.existing) terms.push({ col: q.existing.ref.col, sign: -1 });
    return { ...base, formula: signedSum(row.row, terms), value: expected.value.toNumber() };
  }
  const current = q.delta?.quantity;
  if (current && current.value.eq(expected.value) && unitsAgree(current, expected)) return null;
  if (q.delta && !q.delta.readable && q.delta.raw.startsWith('=')) return null; // a formula without cache: CELL-NO-CACHE
  const unit = target.unitText ? target : (existing ?? target);
  return { ...base, value: formatQuantity({ value: expected.value, unit: unit.unit, unitText: unit.unitText }) };
}
