import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { anchorRows, bestBandAround, duplicateColumns, type ColumnSpec, type HeaderBand } from './header-band';
import type { SheetView } from './sheet-view';
import { readAmount, readQuantity } from './read-amount';
import { attachTotalFormula } from './attach-formulas';
import { cellText, shortLabel, normaliseText } from './text';
import { FtPlanTotals } from './ft-plan-totals';

/**
 * France Travail Annexe 2, "Construction du plan de financement - VOLET n - Période du … au …":
 * one block per volet, found by its header texts whatever the sheet is called (Excel caps sheet
 * names at 31 characters, so Départements truncate or rename it).
 *
 * Patterns are normalised texts (no accents, lower case). Specific before general: "Delta entre la
 * cible…" also holds "cible", and the group label "Construction du plan de financement" merged over
 * the last four columns must match none of them (hence no bare "financement" or "construction").
 */
export const FT_PLAN_SPECS: ColumnSpec[] = [
  { key: 'amount', match: /montant (du )?delta/, required: true },
  { key: 'delta', match: /\bdelta\b/, exclude: /montant/ },
  { key: 'existing', match: /ressources? existantes?/, required: true },
  { key: 'target', match: /\bcible\b/, exclude: /delta|montant/, required: true },
  { key: 'nature', match: /nature (de |des |de la )?depenses?/ },
  { key: 'object', match: /objet de (la )?depense/ },
  { key: 'details', match: /^precisions?\b/ },
  { key: 'otherFunding', match: /sources?(\(s\))? de financement|financements? complementaires?/ },
];

const ANCHOR = /ressources? existantes?|montant (du )?delta|delta entre/;
const FIGURE_KEYS = ['existing', 'target', 'delta', 'amount'];
const TITLE = /plan de financement\b.*\bvolet\s*(?:n\s*°?\s*)?(\d+)/;
const PERIOD_END = /\bau\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})\b/;
const CEILING = /^plafond\b/;
const GROUP_ROW = /^etat des lieux de l.?existant/;
const GRAND_TOTAL = /^total (des )?besoins\b/;
const TOTAL_LABEL = /^(pour info\s*:?\s*)?(sous[- ]?)?tota(l|ux)\b/;
const POUR_INFO = /^pour info\b/;
/** How far above the header the title and the PLAFOND DEPARTEMENT cell are looked for. */
const ABOVE = 8;
/** A run of blank rows this long ends a block that has no TOTAL BESOINS row. */
const MAX_BLANK_RUN = 10;
const LABEL_MAX = 80;

interface Block {
  band: HeaderBand;
  titleRow?: number;
  titleText?: string;
  ceilingRow?: number;
  ceilingCol?: number;
  /** First row of the block (title, PLAFOND, group row or header), bounding the previous block. */
  start: number;
}

/** Reads every "Construction du plan de financement" volet block of a sheet. */
export function readFtPlans(view: SheetView): AnnexTable[] {
  const bands = findBands(view);
  const blocks = bands.map((band, i) => describeAbove(view, band, i > 0 ? bands[i - 1].bottom + 1 : 1));
  return blocks.map((b, i) => readBlock(view, b, i + 1 < blocks.length ? blocks[i + 1].start - 1 : view.maxRow));
}

function findBands(view: SheetView): HeaderBand[] {
  const found: HeaderBand[] = [];
  for (const row of anchorRows(view, ANCHOR)) {
    if (found.some((b) => row >= b.top && row <= b.bottom)) continue;
    const band = bestBandAround(view, row, FT_PLAN_SPECS);
    // Two figure columns at least: one stray "ressources existantes" in a text is not a table.
    if (!band || FIGURE_KEYS.filter((k) => band.columns.has(k)).length < 2) continue;
    extendContinuation(view, band);
    const clash = found.findIndex((b) => b.top <= band.bottom && band.top <= b.bottom);
    if (clash >= 0) {
      if (band.score > found[clash].score) found[clash] = band;
    } else {
      found.push(band);
    }
  }
  return found.sort((a, b) => a.top - b.top);
}

/**
 * A header wrapped over cells may end with a line that matches nothing new, "(ETP et volumes
 * financiers)": the band scoring best stops above it. Such lines (only texts in parentheses) are
 * header, not a detail row with unreadable quantities.
 */
function extendContinuation(view: SheetView, band: HeaderBand): void {
  for (let r = band.bottom + 1; r <= band.bottom + 2; r++) {
    const texts = view.columnsOf(r).map((c) => cellText(view.raw(r, c))).filter(Boolean);
    if (texts.length === 0 || !texts.every((t) => t.startsWith('('))) return;
    band.bottom = r;
  }
}

/** Title, PLAFOND DEPARTEMENT and group rows above a header, not crossing the previous block. */
function describeAbove(view: SheetView, band: HeaderBand, floor: number): Block {
  const block: Block = { band, start: band.top };
  for (let r = band.top - 1; r >= Math.max(floor, band.top - ABOVE); r--) {
    const cols = view.columnsOf(r);
    if (cols.some((c) => GRAND_TOTAL.test(view.norm(r, c)))) break; // the previous volet's last row
    for (const c of cols) {
      const t = view.norm(r, c);
      if (block.ceilingRow === undefined && block.titleRow === undefined && CEILING.test(t)) {
        block.ceilingRow = r;
        block.ceilingCol = c;
        block.start = r;
      } else if (GROUP_ROW.test(t) && block.titleRow === undefined) {
        block.start = Math.min(block.start, r);
      } else if (block.titleRow === undefined && TITLE.test(t)) {
        block.titleRow = r;
        block.titleText = t;
        block.start = r;
      }
    }
    if (block.titleRow !== undefined) break;
  }
  return block;
}

/** The State ceiling: first non-empty cell right of "PLAFOND DEPARTEMENT" (else the cell just right). */
function readCeiling(view: SheetView, row: number, col: number): AmountCell {
  const merge = view.mergeAt(row, col);
  const from = (merge ? merge.right : col) + 1;
  for (const c of view.columnsOf(row)) {
    if (c < from) continue;
    const cell = view.raw(row, c);
    if (cell && (cell.formula !== undefined || cell.error !== undefined || (cell.value !== null && String(cell.value).trim() !== ''))) {
      return readAmount(cell, view.ref(row, c));
    }
  }
  return readAmount(view.raw(row, from), view.ref(row, from));
}

function periodEnd(title: string | undefined): Date | undefined {
  const m = title ? PERIOD_END.exec(title) : null;
  if (!m) return undefined;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[1])));
}

function readBlock(view: SheetView, block: Block, limit: number): AnnexTable {
  const { band } = block;
  const columns: TableColumn[] = [...band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const natureCols = natureColumns(columns);
  const labelCols = [...natureCols, colOf('object'), colOf('details')].filter((c): c is number => c !== undefined);
  const minCol = Math.min(...columns.map((c) => c.col));
  const maxCol = Math.max(...columns.map((c) => c.col));
  const end = periodEnd(block.titleText);
  const titleVolet = block.titleText ? Number(TITLE.exec(block.titleText)?.[1]) : NaN;
  const table: AnnexTable = {
    kind: 'ft-plan',
    sheet: view.name,
    title: 'Plan de financement',
    year: end ? end.getUTCFullYear() : null,
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    missing: band.missing,
    duplicateColumns: duplicateColumns(view, band, FT_PLAN_SPECS),
    rows: [],
  };
  if (Number.isFinite(titleVolet)) table.volet = titleVolet;
  if (end) table.periodEnd = end;
  if (block.ceilingRow !== undefined && block.ceilingCol !== undefined) {
    table.ceiling = readCeiling(view, block.ceilingRow, block.ceilingCol);
  }

  const totals = new FtPlanTotals(table.rows);
  const nature = new NatureLabels(view, natureCols);
  let blankRun = 0;
  let previous = band.bottom;
  for (const r of view.rowsBetween(band.bottom, limit)) {
    // Rows holding no cell at all are blank: counted, not visited (a used range may reach row 1 048 576).
    blankRun += r - previous - 1;
    previous = r;
    if (blankRun >= MAX_BLANK_RUN && table.rows.length > 0) break;
    if (view.isBlankRow(r, minCol, maxCol)) {
      if (++blankRun >= MAX_BLANK_RUN && table.rows.length > 0) break;
      continue;
    }
    blankRun = 0;
    const norms = view.columnsOf(r).map((c) => normaliseText(ownText(view, r, c)));
    if (norms.some((t) => TITLE.test(t) || CEILING.test(t) || GROUP_ROW.test(t))) break; // next block
    const grand = norms.some((t) => GRAND_TOTAL.test(t));
    // The row's own label texts: a group label merged down from above does not make a row a total.
    const own = labelCols.map((c) => ownText(view, r, c)).filter(Boolean);
    const totalLabel = own.find((t) => TOTAL_LABEL.test(normaliseText(t)));
    const isTotal = grand || totalLabel !== undefined;
    if (!isTotal) nature.update(r);
    const ownPourInfo = own.some((t) => POUR_INFO.test(normaliseText(t)));
    const higher = grand || (isTotal && totals.nextTotalIsHigher);

    const amountCol = colOf('amount');
    const amounts: Record<string, AmountCell | undefined> = {};
    if (amountCol !== undefined) amounts.amount = readAmount(view.raw(r, amountCol), view.ref(r, amountCol));
    const texts = rowTexts(view, r, colOf, nature);

    if (!isTotal && !hasContent(view, r, columns, natureCols)) continue; // a group label on its own row
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
      row.label = truncate(grand ? grandLabel(view, r) : (totalLabel as string));
      if (amounts.amount) attachTotalFormula(amounts.amount);
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
    private readonly view: SheetView,
    private readonly cols: number[],
  ) {
    this.carried = cols.map(() => '');
  }

  update(row: number): void {
    this.cols.forEach((c, i) => {
      const t = cellText(this.view.merged(row, c)).replace(/\s+/g, ' ');
      const n = normaliseText(t);
      if (!n || TOTAL_LABEL.test(n) || GRAND_TOTAL.test(n) || t === this.carried[i]) return;
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
function ownText(view: SheetView, row: number, col: number): string {
  const m = view.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return '';
  return cellText(view.raw(row, col)).replace(/\s+/g, ' ').trim();
}

function rowTexts(view: SheetView, r: number, colOf: (k: string) => number | undefined, nature: NatureLabels): Record<string, string> {
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
function hasContent(view: SheetView, r: number, columns: TableColumn[], natureCols: number[]): boolean {
  return columns.some((c) => !natureCols.includes(c.col) && !view.isBlankRow(r, c.col, c.col));
}

/**
 * The most telling text of a detail row. The précision names the action ("Action 2: Amplifier…",
 * "Pack inclusion renforcé pour l'emploi") where the objet is a category ("Solutions de
 * remobilisation"), but it may also be a paragraph ("De manière générale, la chefferie…") where the
 * objet names the post ("Ingénierie (chefferie de projet)"). So: a précision starting "Action", or a
 * short one longer than the row's own objet; else the objet; else whatever text the row shows.
 */
function detailLabel(texts: Record<string, string>, view: SheetView, r: number, colOf: (k: string) => number | undefined): string {
  const details = texts.details ?? '';
  const objectCol = colOf('object');
  const ownObject = objectCol === undefined ? '' : ownText(view, r, objectCol);
  if (/^action\b/.test(normaliseText(details))) return details;
  if (details.length <= LABEL_MAX && details.length > ownObject.length) return details;
  return ownObject || details || texts.object || '';
}

function grandLabel(view: SheetView, r: number): string {
  for (const c of view.columnsOf(r)) {
    const t = ownText(view, r, c);
    if (GRAND_TOTAL.test(normaliseText(t))) return t;
  }
  return 'TOTAL BESOINS';
}

function truncate(s: string): string {
  return shortLabel(s, LABEL_MAX);
}
