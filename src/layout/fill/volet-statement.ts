import Decimal from 'decimal.js';
import { frenchDate } from '../../domain/dates';
import type { CellRef } from '../../domain/finding';
import { type JournalExpense, cellList, counted } from '../../domain/ft-bilan';
import type { FtPeriod } from '../../domain/rules/exp-period';
import { type CellScalar, type Grid, cellAddress, getCell } from '../grid';
import { PrintedSheet } from '../printed-sheet';
import type { SheetToCreate } from '../write-plan';
import { certificationBlock } from './certification';
import { AMOUNT_FORMAT, DATE_FORMAT, sumOfRows } from './formula-text';
import { OTHER_SECTION, type SectionKey, VOLET_SECTIONS, type VoletPart, type VoletSection, groupOf, sectionKeyOf, voletSheetName, voletTitle } from './volet-sections';

/** Columns of a statement: the model's seven, then the fiche action and the observations. */
const NATURE = 1, UNIT = 2, COUNT = 3, UNIT_COST = 4, DATE = 5, OBJECT = 6, AMOUNT = 7, FICHE = 8, NOTES = 9;
const LAST = NOTES;
/** Column of the on-screen note, right of the printed area. */
const TOOL_NOTE = 11;
export const VOLET_HEADERS = [
  'Nature de la dépense',
  'Unité (si pertinent)',
  "Nombre d'unités",
  'coût unitaire',
  'Date ou période',
  'Objet de la dépense',
  'Montant',
  'Fiche action',
  'Observations',
];
const EXCLUDED_HEADER = 'Motif de l’exclusion';
const WIDTHS: Record<number, number> = { 1: 27, 2: 9, 3: 8, 4: 12, 5: 12, 6: 30, 7: 15, 8: 7, 9: 24, 10: 3, 11: 40 };
export const VOLET_NOTE =
  'Feuille établie par « annexes fill » (ou « Remplir les volets ») à partir du journal des dépenses, et recréée à chaque remplissage : saisir les dépenses dans la feuille « Journal des dépenses ». Cette note n’est pas imprimée.';

export interface VoletStatementResult {
  sheet: SheetToCreate;
  writes: PrintedSheet['writes'];
  styles: PrintedSheet['styles'];
  /** Row of « TOTAL DEPENSES AU TITRE DU VOLET n » (Montant in column G). */
  totalRow: number;
  /** null: a line's amount is unreadable; the total is written « non calculé », not a figure. */
  total: Decimal | null;
  /** Row of the total of the « Dépenses écartées », when there are some. */
  excludedRow: number | null;
  pages: number;
}

export const STATEMENT_AMOUNT_COL = AMOUNT;

/**
 * One volet's « Etat des dépenses » (FT annexe 3), as the model prints it: title, the volet's
 * sections each with the model's header row, group lines (« Postes d'ingénierie »…) carrying their
 * subtotal above their detail lines, section totals, « TOTAL DEPENSES AU TITRE DU VOLET n »; then
 * the « Dépenses écartées » (lines a check excludes, outside every total, with the reason and the
 * article), and the « Certifié exact » block. A4 landscape, one page wide.
 */
export class VoletStatement {
  private readonly w: PrintedSheet;
  private row = 1;

  constructor(
    private readonly grid: Grid,
    private readonly volet: 1 | 2 | 3,
    private readonly period: FtPeriod,
    private readonly department: string | undefined,
  ) {
    this.w = new PrintedSheet(voletSheetName(volet), WIDTHS);
  }

  build(expenses: JournalExpense[]): VoletStatementResult {
    const w = this.w;
    this.banner(voletTitle(this.period.start.getUTCFullYear()), 'title');
    this.banner(`VOLET ${this.volet}${this.department ? ` — Département : ${this.department}` : ''}`, 'subtitle');
    this.banner(
      `Convention départementale pour l’insertion et l’emploi — période du ${frenchDate(this.period.start)} au ${frenchDate(this.period.end)}. ` +
        'État des dépenses du bilan financier final (annexe 3, art. 3.2).',
      'note',
    );
    w.value(1, TOOL_NOTE, VOLET_NOTE);
    w.merge(1, TOOL_NOTE, TOOL_NOTE, 3);
    w.style(1, TOOL_NOTE, TOOL_NOTE, 'note');
    this.row++;

    const sections = VOLET_SECTIONS[this.volet];
    const keys = new Set(sections.flatMap((s) => s.parts.map((p) => p.key)));
    const place = (e: JournalExpense): SectionKey => {
      const k = sectionKeyOf(e.row.texts?.section) ?? sectionKeyOf(e.row.texts?.nature);
      return k && keys.has(k) ? k : 'autres';
    };
    const inTotals = expenses.filter(counted);
    const byKey = new Map<SectionKey, JournalExpense[]>();
    for (const e of inTotals) byKey.set(place(e), [...(byKey.get(place(e)) ?? []), e]);
    const all = byKey.has('autres') ? [...sections, OTHER_SECTION] : sections;
    const totals: { row: number; tally: Tally }[] = [];
    for (const section of all) totals.push(this.section(section, (k) => byKey.get(k) ?? []));

    const totalRow = this.row++;
    const tally = new Tally();
    for (const t of totals) tally.merge(t.tally);
    this.label(totalRow, `TOTAL DEPENSES AU TITRE DU VOLET ${this.volet}`, 'total');
    w.style(totalRow, NATURE, LAST, 'total');
    this.amount(totalRow, totals.map((t) => cellAddress(t.row, AMOUNT)).join('+'), tally);
    const total = tally.known ? tally.amount : null;
    this.row++;

    const excluded = expenses.filter((e) => !counted(e));
    const excludedRow = excluded.length ? this.excludedSection(excluded) : null;
    certificationBlock(w, this.row + 1, [NATURE, OBJECT - 1], [OBJECT, LAST], `Certifié exact le présent état des dépenses du volet ${this.volet}.`);
    const { sheet, pages } = w.toSheet({ orientation: 'landscape', repeatRows: { first: 1, last: 2 }, printCols: LAST, footer: this.department });
    return { sheet, writes: w.writes, styles: w.styles, totalRow, total, excludedRow, pages };
  }

  private banner(text: string, style: 'title' | 'subtitle' | 'note' | 'section'): void {
    this.w.value(this.row, NATURE, text);
    this.w.merge(this.row, NATURE, LAST);
    this.w.style(this.row, NATURE, LAST, style);
    this.row++;
  }

  /** A label over the descriptive columns (Nature to Date), the amount in Montant. */
  private label(r: number, text: string, style: 'total' | 'subtotal' | 'group'): void {
    this.w.value(r, NATURE, text);
    this.w.merge(r, NATURE, OBJECT);
    this.w.style(r, NATURE, LAST, style);
  }

  private header(last = 'Observations'): void {
    VOLET_HEADERS.forEach((h, i) => this.w.value(this.row, i + 1, i === NOTES - 1 ? last : h));
    this.w.style(this.row, NATURE, LAST, 'header');
    this.row++;
  }

  /**
   * A subtotal or total: the formula with its cached value; « non calculé » when a line it adds is
   * unreadable (a formula would skip or break on it, a 0 would be false), the cells named beside.
   */
  private amount(r: number, formula: string, tally: Tally): void {
    if (tally.known) {
      this.w.formula(r, AMOUNT, formula, tally.amount.toNumber(), AMOUNT_FORMAT);
      return;
    }
    this.w.value(r, AMOUNT, 'non calculé');
    this.w.value(r, NOTES, `Montant illisible : voir ${cellList(tally.cells)}.`);
  }

  private section(section: VoletSection, linesOf: (k: SectionKey) => JournalExpense[]): { row: number; tally: Tally } {
    const w = this.w;
    const top = this.row;
    this.banner(section.heading, 'section');
    const detailRows: number[] = [];
    const tally = new Tally();
    for (const part of section.parts) {
      if (part.title) {
        w.value(this.row, NATURE, part.title);
        w.merge(this.row, NATURE, LAST);
        w.style(this.row, NATURE, LAST, 'subtotal');
        this.row++;
      }
      this.header();
      // The heading, the header and the first line on one page.
      w.keepTogether(top, this.row);
      const part$ = this.part(part, linesOf(part.key));
      detailRows.push(...part$.rows);
      tally.merge(part$.tally);
    }
    const r = this.row++;
    this.label(r, section.total, 'subtotal');
    this.amount(r, sumOfRows(AMOUNT, detailRows, () => false), tally);
    this.row++;
    return { row: r, tally };
  }

  /** The part's group lines with their details, then the lines no group takes; one blank line at least. */
  private part(part: VoletPart, lines: JournalExpense[]): { rows: number[]; tally: Tally } {
    const rows: number[] = [];
    const tally = new Tally();
    const grouped = new Map<string, JournalExpense[]>();
    const loose: JournalExpense[] = [];
    for (const e of lines) {
      const g = groupOf(part, e.row.texts?.nature, e.row.texts?.object);
      if (g) grouped.set(g.label, [...(grouped.get(g.label) ?? []), e]);
      else loose.push(e);
    }
    for (const g of part.groups ?? []) {
      const mine = grouped.get(g.label);
      if (!mine) continue;
      const groupRow = this.row++;
      const first = this.row;
      const subtotal = new Tally();
      for (const e of mine) {
        subtotal.add(this.expense(this.row, e, 'cell'));
        rows.push(this.row++);
      }
      this.label(groupRow, g.label, 'group');
      this.amount(groupRow, sumOfRows(AMOUNT, range(first, this.row - 1), () => true), subtotal);
      tally.merge(subtotal);
    }
    for (const e of loose) {
      tally.add(this.expense(this.row, e, 'cell'));
      rows.push(this.row++);
    }
    if (rows.length === 0) {
      // The model's empty line: its Montant formula ready for a line typed by hand.
      this.w.formula(this.row, AMOUNT, `${cellAddress(this.row, COUNT)}*${cellAddress(this.row, UNIT_COST)}`, 0, AMOUNT_FORMAT);
      this.w.style(this.row, NATURE, LAST, 'cell');
      rows.push(this.row++);
    }
    return { rows, tally };
  }

  /** One journal expense; returns it for the tally of the totals it enters. */
  private expense(r: number, e: JournalExpense, style: 'cell' | 'excluded'): JournalExpense {
    const w = this.w;
    const raw = (key: string) => rawValue(this.grid, e, key);
    w.value(r, NATURE, raw('nature'));
    w.value(r, UNIT, raw('unit'));
    w.value(r, OBJECT, raw('object'));
    w.value(r, FICHE, raw('fiche'));
    const date = raw('date');
    if (date instanceof Date) w.value(r, DATE, date, DATE_FORMAT);
    else if (typeof date === 'number' && e.row.date?.start) w.value(r, DATE, e.row.date.start, DATE_FORMAT); // a serial in a date cell
    else w.value(r, DATE, date);
    if (e.fromUnits) {
      const count = e.row.amounts.count?.value as Decimal;
      // « 1 760 » places; a fraction (2,2 ETP) as typed.
      w.value(r, COUNT, count.toNumber(), count.isInteger() ? '#,##0' : undefined);
      w.value(r, UNIT_COST, (e.row.amounts.unitCost?.value as Decimal).toNumber(), AMOUNT_FORMAT);
      w.formula(r, AMOUNT, `${cellAddress(r, COUNT)}*${cellAddress(r, UNIT_COST)}`, (e.amount as Decimal).toNumber(), AMOUNT_FORMAT);
    } else {
      // A lump sum (or an unreadable nombre / coût, which EXP-LINE or CELL-* report): the montant as typed;
      // unreadable, it is said so, never written 0.
      w.value(r, COUNT, raw('count'));
      w.value(r, UNIT_COST, raw('unitCost'));
      if (e.amount) w.value(r, AMOUNT, e.amount.toNumber(), AMOUNT_FORMAT);
      else w.value(r, AMOUNT, 'illisible');
    }
    const why = e.exclusions.map((x) => `${x.reason} (${x.article})`).join(' ; ');
    const notes: string[] = [];
    if (e.amount === null) notes.push(`Montant illisible : voir ${cellList(e.unreadable)}.`);
    if (style === 'excluded') notes.push(`Écartée : ${why}.`);
    else if (e.exclusions.length) notes.push(`Maintenue par le Département${e.kept ? ` : ${e.kept}` : ''} (signalée : ${why}).`);
    if (notes.length) w.value(r, NOTES, notes.join(' '));
    w.style(r, NATURE, LAST, style);
    if (style === 'cell') w.style(r, FICHE, FICHE, 'centre');
    return e;
  }

  /** Lines a check excludes, outside every total; the journal's « Maintenue au bilan » keeps one. */
  private excludedSection(excluded: JournalExpense[]): number {
    const w = this.w;
    const top = this.row;
    this.banner('Dépenses écartées du bilan (non comprises dans les totaux)', 'section');
    this.banner(
      'Ces dépenses ne sont pas éligibles au financement de l’État ou sont hors de la période de la convention. Pour en maintenir une, indiquer le motif dans la colonne « Maintenue au bilan (motif) » du journal des dépenses.',
      'note',
    );
    this.header(EXCLUDED_HEADER);
    w.keepTogether(top, this.row);
    const rows: number[] = [];
    const tally = new Tally();
    for (const e of excluded) {
      tally.add(this.expense(this.row, e, 'excluded'));
      rows.push(this.row++);
    }
    const r = this.row++;
    this.label(r, 'TOTAL DES DEPENSES ECARTEES (hors total du volet)', 'subtotal');
    this.amount(r, sumOfRows(AMOUNT, rows, () => true), tally);
    this.row++;
    return r;
  }
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The user's cell as typed (a formula's cached result), or undefined. */
function rawValue(grid: Grid, { table, row }: JournalExpense, key: string): CellScalar | undefined {
  const col = table.columns.find((c) => c.key === key)?.col;
  const sheet = grid.sheets.find((s) => s.name === table.sheet);
  if (col === undefined || !sheet) return undefined;
  const cell = getCell(sheet, row.row, col);
  if (!cell || cell.error) return undefined;
  return cell.value ?? undefined;
}

/** The amounts a total adds, and the unreadable cells that leave it unknown. */
class Tally {
  amount = new Decimal(0);
  cells: CellRef[] = [];

  get known(): boolean {
    return this.cells.length === 0;
  }

  add(e: JournalExpense): void {
    if (e.amount) this.amount = this.amount.plus(e.amount);
    else this.cells.push(...e.unreadable);
  }

  merge(t: Tally): void {
    this.amount = this.amount.plus(t.amount);
    this.cells.push(...t.cells);
  }
}
