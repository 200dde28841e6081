import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { FT_CEILING, FT_GRAND_TOTAL, FT_TITLE, FT_TOTAL_LABEL } from './definitions/ft-plan';
import { TABLE_DEFINITIONS } from './definitions';
import { type LocatedTable, type SheetIndex, hasContent, locateTables, walkRows } from './reading';
import { readAmount, readQuantity } from './read-amount';
import { attachFormulas } from './attach-formulas';
import { cellText, shortLabel, normaliseText } from './text';
import { FtPlanTotals } from './ft-plan-totals';

export { FT_PLAN_SPECS } from './definitions/ft-plan';

const PERIOD_END = /\bau\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})\b/;
const POUR_INFO = /^pour info\b/;
const LABEL_MAX = 80;

interface Block {
  table: LocatedTable;
  titleRow?: number;
  titleText?: string;
  ceilingRow?: number;
  ceilingCol?: number;
}

/** Reads every "Construction du plan de financement" volet block of a sheet. */
export function readFtPlans(index: SheetIndex): AnnexTable[] {
  return locateTables(index, TABLE_DEFINITIONS)
    .tables.filter((t) => t.definition.kind === 'ft-plan')
    .map((t) => readBlock(index, describeAbove(index, t)));
}

/** Title and PLAFOND DEPARTEMENT rows above a header, in the block's columns, from its first row. */
function describeAbove(index: SheetIndex, table: LocatedTable): Block {
  const block: Block = { table };
  for (let r = table.band.top - 1; r >= table.start; r--) {
    for (const c of index.columnsOf(r)) {
      if (c < table.window.left || c > table.span.right) continue;
      const t = index.norm(r, c);
      if (block.ceilingRow === undefined && block.titleRow === undefined && FT_CEILING.test(t)) {
        block.ceilingRow = r;
        block.ceilingCol = c;
      } else if (block.titleRow === undefined && FT_TITLE.test(t)) {
        block.titleRow = r;
        block.titleText = t;
      }
    }
    if (block.titleRow !== undefined) break;
  }
  return block;
}

/**
 * The State ceiling: the first non-empty cell right of "PLAFOND DEPARTEMENT" (of its merge), in
 * the block's columns; else the amount typed after the label in its own cell ("PLAFOND
 * DEPARTEMENT : 135 000 €", read as a text amount); else the blank cell just right.
 */
function readCeiling(view: SheetIndex, table: LocatedTable, row: number, col: number): AmountCell {
  const merge = view.mergeAt(row, col);
  const from = (merge ? merge.right : col) + 1;
  for (const c of view.columnsOf(row)) {
    if (c < from || c > Math.max(table.span.right, from)) continue;
    const cell = view.raw(row, c);
    if (hasContent(cell)) return readAmount(cell, view.ref(row, c));
  }
  const label = cellText(view.raw(row, col));
  const typed = /^plafond[^:]*:\s*(.+)$/i.exec(label.replace(/\s+/g, ' '));
  if (typed && /\d/.test(typed[1])) return readAmount({ value: typed[1] }, view.ref(row, col));
  return readAmount(view.raw(row, from), view.ref(row, from));
}

function periodEnd(title: string | undefined): Date | undefined {
  const m = title ? PERIOD_END.exec(title) : null;
  if (!m) return undefined;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[1])));
}

function readBlock(view: SheetIndex, block: Block): AnnexTable {
  const { band } = block.table;
  const columns: TableColumn[] = [...band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const natureCols = natureColumns(columns);
  const labelCols = [...natureCols, colOf('object'), colOf('details')].filter((c): c is number => c !== undefined);
  const end = periodEnd(block.titleText);
  const titleVolet = block.titleText ? Number(FT_TITLE.exec(block.titleText)?.[1]) : NaN;
  const table: AnnexTable = {
    kind: 'ft-plan',
    sheet: view.name,
    title: 'Plan de financement',
    year: end ? end.getUTCFullYear() : null,
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    missing: band.missing,
    duplicateColumns: block.table.duplicates,
    rows: [],
  };
  if (Number.isFinite(titleVolet)) table.volet = titleVolet;
  if (end) table.periodEnd = end;
  if (block.ceilingRow !== undefined && block.ceilingCol !== undefined) {
    table.ceiling = readCeiling(view, block.table, block.ceilingRow, block.ceilingCol);
  }

  const totals = new FtPlanTotals(table.rows);
  const nature = new NatureLabels(view, natureCols);
  for (const { row: r, role } of walkRows(view, block.table)) {
    if (role === 'note') continue;
    const grand = role === 'grand-total';
    // The row's own label texts: a group label merged down from above does not make a row a total.
    const own = labelCols.map((c) => ownText(view, r, c)).filter(Boolean);
    const totalLabel = own.find((t) => FT_TOTAL_LABEL.test(normaliseText(t)));
    const isTotal = grand || role === 'total';
    if (!isTotal) nature.update(r);
    const ownPourInfo = own.some((t) => POUR_INFO.test(normaliseText(t)));
    const higher = grand || (isTotal && totals.nextTotalIsHigher);

    const amountCol = colOf('amount');
    const amounts: Record<string, AmountCell | undefined> = {};
    if (amountCol !== undefined) amounts.amount = readAmount(view.raw(r, amountCol), view.ref(r, amountCol));
    const texts = rowTexts(view, r, colOf, nature);

    if (!isTotal && !hasContentBesideNature(view, r, columns, natureCols)) continue; // a group label on its own row
    const row: TableRow = {
      kind: isTotal ? 'total' : 'detail',
      row: r,
      label: '',
      amounts,
      texts,
    };
    const group = nature.innermost();
    if (group) row.group = group;
    // "Pour info" rows are France Travail's staff, not CD needs; a higher-level total is pour info
    // only by its own label (the "Pour info" group above it has ended).
    if (ownPourInfo || (!higher && nature.pourInfo())) row.pourInfo = true;

    if (isTotal) {
      row.label = truncate(grand ? grandLabel(view, r) : (totalLabel ?? own[0] ?? 'Total'));
      if (amounts.amount) attachFormulas(amounts.amount, { total: true });
      table.rows.push(row);
      const index = table.rows.length - 1;
      if (grand) {
        table.grandTotalIndex = index;
        totals.grandTotal(index);
        if (table.volet === undefined) {
          const m = /volet\s*(?:n\s*°?\s*)?(\d+)/.exec(normaliseText(grandLabel(view, r)));
          if (m) table.volet = Number(m[1]);
        }
        break;
      }
      totals.total(index);
      nature.endGroup(higher);
      continue;
    }
    row.label = truncate(detailLabel(texts, view, r, colOf) || group || `ligne ${r}`);
    const q = (key: 'existing' | 'target' | 'delta') => {
      const c = colOf(key);
      return c === undefined ? undefined : readQuantity(view.raw(r, c), view.ref(r, c));
    };
    row.quantities = { existing: q('existing'), target: q('target'), delta: q('delta') };
    table.rows.push(row);
    totals.detail(table.rows.length - 1);
  }
  table.title = table.volet !== undefined ? `Plan de financement volet ${table.volet}` : 'Plan de financement';
  return table;
}

/**
 * "Nature de dépenses" is a two-level label in the national model ("Renforcement des équipes
 * locales CD" › "ETP CD", "Pour info : ETP PE"): its header is merged over two columns, or the
 * second column has no header. Every column from the nature column up to the next known one is a
 * nature level (three at most).
 */
function natureColumns(columns: TableColumn[]): number[] {
  const nature = columns.find((c) => c.key === 'nature');
  if (!nature) return [];
  const next = columns.filter((c) => c.col > nature.col).map((c) => c.col);
  const stop = Math.min(next.length ? Math.min(...next) : nature.col + 1, nature.col + 3);
  const out: number[] = [];
  for (let c = nature.col; c < stop; c++) out.push(c);
  return out;
}

/** The nature labels in effect on a row: merged cells, or the last label written above. */
class NatureLabels {
  private readonly carried: string[];

  constructor(
    private readonly view: SheetIndex,
    private readonly cols: number[],
  ) {
    this.carried = cols.map(() => '');
  }

  update(row: number): void {
    this.cols.forEach((c, i) => {
      const t = cellText(this.view.merged(row, c)).replace(/\s+/g, ' ');
      const n = normaliseText(t);
      if (!n || FT_TOTAL_LABEL.test(n) || FT_GRAND_TOTAL.test(n) || t === this.carried[i]) return;
      this.carried[i] = t;
      for (let j = i + 1; j < this.carried.length; j++) this.carried[j] = '';
    });
  }

  /** A group total ends the innermost group; a higher-level total ends them all. */
  endGroup(higher: boolean): void {
    if (this.carried.length === 0) return;
    if (higher) this.carried.fill('');
    else this.carried[this.carried.length - 1] = '';
  }

  innermost(): string {
    return [...this.carried].reverse().find(Boolean) ?? '';
  }

  outer(): string {
    return this.carried.find(Boolean) ?? '';
  }

  pourInfo(): boolean {
    return this.carried.some((t) => POUR_INFO.test(normaliseText(t)));
  }
}

/** The cell's own text: "" for a cell covered by a merge owned by another cell. */
function ownText(view: SheetIndex, row: number, col: number): string {
  const m = view.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return '';
  return cellText(view.raw(row, col)).replace(/\s+/g, ' ').trim();
}

function rowTexts(view: SheetIndex, r: number, colOf: (k: string) => number | undefined, nature: NatureLabels): Record<string, string> {
  const texts: Record<string, string> = {};
  const outer = nature.outer();
  const inner = nature.innermost();
  if (outer) texts.nature = outer;
  if (inner && inner !== outer) texts.subNature = inner;
  for (const key of ['object', 'details', 'otherFunding']) {
    const c = colOf(key);
    const t = c === undefined ? '' : cellText(view.merged(r, c)).replace(/\s+/g, ' ').trim();
    if (t) texts[key] = t;
  }
  return texts;
}

/** True when a row holds something besides nature labels (an objet, a précision, a figure…). */
function hasContentBesideNature(view: SheetIndex, r: number, columns: TableColumn[], natureCols: number[]): boolean {
  return columns.some((c) => !natureCols.includes(c.col) && !view.isBlankRow(r, c.col, c.col));
}

/**
 * The most telling text of a detail row. The précision names the action ("Action 2: Amplifier…",
 * "Pack inclusion renforcé pour l'emploi") where the objet is a category ("Solutions de
 * remobilisation"), but it may also be a paragraph ("De manière générale, la chefferie…") where the
 * objet names the post ("Ingénierie (chefferie de projet)"). So: a précision starting "Action", or a
 * short one longer than the row's own objet; else the objet; else whatever text the row shows.
 */
function detailLabel(texts: Record<string, string>, view: SheetIndex, r: number, colOf: (k: string) => number | undefined): string {
  const details = texts.details ?? '';
  const objectCol = colOf('object');
  const ownObject = objectCol === undefined ? '' : ownText(view, r, objectCol);
  if (/^action\b/.test(normaliseText(details))) return details;
  if (details.length <= LABEL_MAX && details.length > ownObject.length) return details;
  return ownObject || details || texts.object || '';
}

function grandLabel(view: SheetIndex, r: number): string {
  for (const c of view.columnsOf(r)) {
    const t = ownText(view, r, c);
    if (FT_GRAND_TOTAL.test(normaliseText(t))) return t;
  }
  return 'TOTAL BESOINS';
}

function truncate(s: string): string {
  return shortLabel(s, LABEL_MAX);
}
