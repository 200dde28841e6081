import Decimal from 'decimal.js';
import { ftPeriod } from '../../domain/rules/exp-period';
import type { AmountCell, AnnexTable, TableRow } from '../../domain/table';
import type { Analysis } from '../analyse';
import { type CellScalar, type Grid, cellAddress, getCell } from '../grid';
import type { CellWrite, WritePlan } from '../write-plan';
import { AMOUNT_FORMAT, DATE_FORMAT, quoteSheet, sumOfRows } from './formula-text';
import { OTHER_SECTION, type SectionKey, VOLET_SECTIONS, type VoletSection, sectionKeyOf, voletSheetName, voletTitle } from './volet-sections';

/**
 * The volet 1, 2 and 3 « Etat des dépenses » (FT Annexe 3, the bilan financier's model, FT art.
 * 3.2), one sheet each, rebuilt from the workbook's data at every fill (the sheets are the tool's:
 * expenses are typed in the « Journal des dépenses »):
 * - each section of the seed's structure, with the model's header row « Nature de la dépense |
 *   Unité (si pertinent) | Nombre d'unités | coût unitaire | Date ou période | Objet de la dépense |
 *   Montant », then two columns of ours: the plan de financement's planned amount (part État) and
 *   the fiche action, which the model lacks to link the statement back to the plan (extract §1.7);
 * - the journal's expenses of that volet in their section, Montant = Nombre × coût unitaire as a
 *   formula (a lump sum without nombre or coût keeps its montant);
 * - the plan de financement's lines of that volet with an amount, « Prévu au plan de financement »,
 *   their amount a live link to the plan's cell;
 * - section totals and « TOTAL DEPENSES AU TITRE DU VOLET n » as SUM formulas.
 * Text copied from user cells is written as values: the adapters keep text starting with « = » as text.
 */
export function planVoletTemplates(grid: Grid, analysis: Analysis): WritePlan {
  const { workbook } = analysis;
  const year = ftPeriod(analysis).start.getUTCFullYear();
  const journal = workbook.tables.filter((t) => t.kind === 'ft-expense-journal');
  const plans = workbook.tables.filter((t) => t.kind === 'ft-plan');
  const plan: WritePlan = { description: '', createSheets: [], writes: [] };
  let expenseCount = 0;
  let plannedCount = 0;
  for (const volet of [1, 2, 3] as const) {
    const expenses = journal.flatMap((table) => table.rows.filter((r) => r.kind === 'detail' && r.texts?.volet === String(volet)).map((row) => ({ table, row })));
    const planned = plans.filter((t) => t.volet === volet).flatMap((table) => table.rows.filter((r) => isPlannedLine(r)).map((row) => ({ table, row })));
    const sheet = new VoletSheet(grid, voletSheetName(volet), volet, year);
    sheet.write(expenses, planned);
    plan.createSheets.push({ name: sheet.name, replace: true, columnWidths: COLUMN_WIDTHS, frozenRows: 0 });
    plan.writes.push(...sheet.writes);
    expenseCount += expenses.length;
    plannedCount += planned.length;
  }
  plan.description =
    `États des dépenses des volets 1, 2 et 3 : ${expenseCount} dépense${expenseCount > 1 ? 's' : ''} du journal, ` +
    `${plannedCount} ligne${plannedCount > 1 ? 's' : ''} du plan de financement.`;
  return plan;
}

/** Columns of a statement: the model's seven, then the two we add. */
const NATURE = 1, UNIT = 2, COUNT = 3, UNIT_COST = 4, DATE = 5, OBJECT = 6, AMOUNT = 7, PLANNED = 8, FICHE = 9;
export const VOLET_HEADERS = [
  'Nature de la dépense',
  'Unité (si pertinent)',
  "Nombre d'unités",
  'coût unitaire',
  'Date ou période',
  'Objet de la dépense',
  'Montant',
  'Montant prévu au plan de financement (part État)',
  'Fiche action',
];
const COLUMN_WIDTHS: Record<number, number> = { 1: 46, 2: 12, 3: 12, 4: 14, 5: 18, 6: 48, 7: 16, 8: 22, 9: 10 };
export const VOLET_NOTE =
  'Feuille établie par « annexes fill » à partir du journal des dépenses et du plan de financement, et recréée à chaque remplissage : saisir les dépenses dans la feuille « Journal des dépenses ».';

interface Line {
  table: AnnexTable;
  row: TableRow;
}

/** A plan de financement line that plans money: a detail row of the CD's needs with an amount. */
function isPlannedLine(r: TableRow): boolean {
  const a = r.amounts.amount;
  return r.kind === 'detail' && !r.pourInfo && !!a && (a.kind === 'number' || a.kind === 'text') && a.value !== null;
}

class VoletSheet {
  readonly writes: CellWrite[] = [];
  private row = 1;
  /** Rows written per column, so a SUM range never spans another filled cell. */
  private readonly filled = new Map<number, Set<number>>();

  constructor(
    private readonly grid: Grid,
    readonly name: string,
    private readonly volet: 1 | 2 | 3,
    private readonly year: number,
  ) {}

  write(expenses: Line[], planned: Line[]): void {
    this.put(this.row++, NATURE, voletTitle(this.year));
    this.put(this.row++, NATURE, `VOLET ${this.volet}`);
    this.put(this.row++, NATURE, VOLET_NOTE);
    this.row++;
    const sections = VOLET_SECTIONS[this.volet];
    const keys = new Set(sections.flatMap((s) => s.parts.map((p) => p.key)));
    const place = (k: SectionKey | null): SectionKey => (k && keys.has(k) ? k : 'autres');
    const byKey = new Map<SectionKey, { expenses: Line[]; planned: Line[] }>();
    const bucket = (k: SectionKey) => byKey.get(k) ?? (byKey.set(k, { expenses: [], planned: [] }).get(k) as { expenses: Line[]; planned: Line[] });
    for (const e of expenses) bucket(place(sectionKeyOf(e.row.texts?.section) ?? sectionKeyOf(e.row.texts?.nature))).expenses.push(e);
    for (const p of planned) {
      const t = p.row.texts ?? {};
      bucket(place(sectionKeyOf([t.nature, t.subNature].filter(Boolean).join(' ')) ?? sectionKeyOf(t.object))).planned.push(p);
    }
    const all = byKey.has('autres') ? [...sections, OTHER_SECTION] : sections;
    const totals: { row: number; amount: Decimal; planned: Decimal | null }[] = [];
    for (const section of all) totals.push(this.section(section, bucket));
    const r = this.row;
    this.put(r, NATURE, `TOTAL DEPENSES AU TITRE DU VOLET ${this.volet}`);
    this.formula(r, AMOUNT, totals.map((t) => cellAddress(t.row, AMOUNT)).join('+'), sum(totals.map((t) => t.amount)));
    const withPlanned = totals.filter((t) => t.planned !== null);
    if (withPlanned.length) this.formula(r, PLANNED, withPlanned.map((t) => cellAddress(t.row, PLANNED)).join('+'), sum(withPlanned.map((t) => t.planned as Decimal)));
  }

  private section(section: VoletSection, bucket: (k: SectionKey) => { expenses: Line[]; planned: Line[] }): { row: number; amount: Decimal; planned: Decimal | null } {
    this.put(this.row++, NATURE, section.heading);
    const amountRows: number[] = [];
    const plannedRows: number[] = [];
    let amount = new Decimal(0);
    let planned = new Decimal(0);
    for (const part of section.parts) {
      if (part.title) this.put(this.row++, NATURE, part.title);
      VOLET_HEADERS.forEach((h, i) => this.put(this.row, i + 1, h));
      this.row++;
      const { expenses, planned: lines } = bucket(part.key);
      // One line at least, so the model's header is never left without its Montant formula.
      if (expenses.length === 0) {
        this.formula(this.row, AMOUNT, `${cellAddress(this.row, COUNT)}*${cellAddress(this.row, UNIT_COST)}`, new Decimal(0));
        amountRows.push(this.row++);
      }
      for (const e of expenses) {
        amount = amount.plus(this.expense(this.row, e));
        amountRows.push(this.row++);
      }
      for (const p of lines) {
        planned = planned.plus(this.plannedLine(this.row, p));
        plannedRows.push(this.row++);
      }
    }
    const r = this.row++;
    this.put(r, NATURE, section.total);
    this.formula(r, AMOUNT, this.sum(AMOUNT, amountRows), amount);
    if (plannedRows.length) this.formula(r, PLANNED, this.sum(PLANNED, plannedRows), planned);
    this.row++;
    return { row: r, amount, planned: plannedRows.length ? planned : null };
  }

  /** One journal expense; returns its Montant as the statement computes it. */
  private expense(r: number, { table, row }: Line): Decimal {
    const raw = (key: string) => rawValue(this.grid, table, row, key);
    this.put(r, NATURE, raw('nature'));
    this.put(r, UNIT, raw('unit'));
    this.put(r, OBJECT, raw('object'));
    this.put(r, FICHE, raw('fiche'));
    const date = raw('date');
    if (date instanceof Date) this.put(r, DATE, date, DATE_FORMAT);
    else if (typeof date === 'number' && row.date?.start) this.put(r, DATE, row.date.start, DATE_FORMAT); // a serial in a date cell
    else this.put(r, DATE, date);
    const count = numeric(row.amounts.count);
    const unitCost = numeric(row.amounts.unitCost);
    if (count && unitCost) {
      this.put(r, COUNT, count.toNumber());
      this.put(r, UNIT_COST, unitCost.toNumber(), AMOUNT_FORMAT);
      const v = count.times(unitCost);
      this.formula(r, AMOUNT, `${cellAddress(r, COUNT)}*${cellAddress(r, UNIT_COST)}`, v);
      return v;
    }
    // A lump sum (or an unreadable nombre / coût, which EXP-LINE or CELL-* report): the montant as typed.
    this.put(r, COUNT, raw('count'));
    this.put(r, UNIT_COST, raw('unitCost'));
    const amount = numeric(row.amounts.amount);
    if (amount) this.put(r, AMOUNT, amount.toNumber(), AMOUNT_FORMAT);
    this.mark(AMOUNT, r);
    return amount ?? new Decimal(0);
  }

  /** One plan de financement line: its amount is a live link to the plan's cell. */
  private plannedLine(r: number, { table, row }: Line): Decimal {
    const t = row.texts ?? {};
    const name = t.object || row.label;
    this.put(r, NATURE, `Prévu au plan de financement : ${name}`);
    if (t.details && t.details !== name) this.put(r, OBJECT, t.details);
    const cell = row.amounts.amount as AmountCell;
    const value = cell.value as Decimal;
    if (cell.kind === 'number') this.formula(r, PLANNED, `${quoteSheet(table.sheet)}!${cell.ref.address}`, value);
    else this.put(r, PLANNED, value.toNumber(), AMOUNT_FORMAT); // typed as text: a link would bring text, which SUM skips
    this.mark(PLANNED, r);
    return value;
  }

  private sum(col: number, rows: number[]): string {
    const filled = this.filled.get(col) ?? new Set<number>();
    return sumOfRows(col, rows, (r) => !filled.has(r));
  }

  private mark(col: number, r: number): void {
    const s = this.filled.get(col) ?? new Set<number>();
    s.add(r);
    this.filled.set(col, s);
  }

  private put(r: number, col: number, value: CellScalar | null | undefined, numFmt?: string): void {
    if (value === null || value === undefined || value === '') return;
    const w: CellWrite = { sheet: this.name, row: r, col, value, purpose: 'template' };
    if (numFmt) w.numFmt = numFmt;
    this.writes.push(w);
    this.mark(col, r);
  }

  private formula(r: number, col: number, formula: string, value: Decimal): void {
    this.writes.push({ sheet: this.name, row: r, col, formula, value: value.toNumber(), numFmt: AMOUNT_FORMAT, purpose: 'template' });
    this.mark(col, r);
  }
}

/** The user's cell as typed (a formula's cached result), or undefined. */
function rawValue(grid: Grid, table: AnnexTable, row: TableRow, key: string): CellScalar | undefined {
  const col = table.columns.find((c) => c.key === key)?.col;
  const sheet = grid.sheets.find((s) => s.name === table.sheet);
  if (col === undefined || !sheet) return undefined;
  const cell = getCell(sheet, row.row, col);
  if (!cell || cell.error) return undefined;
  return cell.value ?? undefined;
}

function numeric(cell: AmountCell | undefined): Decimal | null {
  return cell && cell.kind !== 'empty' && cell.value !== null ? cell.value : null;
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Decimal(0));
}
