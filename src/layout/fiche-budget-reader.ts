import type { AmountCell, AnnexTable, FicheInfo, TableColumn, TableRow } from '../domain/table';
import { FICHE_BUDGET_SHEET } from './definitions/fiche-budget';
import { TABLE_DEFINITIONS } from './definitions';
import { type HeaderBand, type LocatedTable, type SheetIndex, bandTexts, locateTables, walkRows } from './reading';
import { readAmount } from './read-amount';
import { cellText, normaliseText, shortLabel } from './text';

export { FICHE_BUDGET_SPECS } from './definitions/fiche-budget';

/**
 * « Budgets des fiches » (definitions/fiche-budget.ts): each fiche's budget table — one row per year
 * and a Total row — under a title naming the fiche, then optionally a « Sous-action | Montant » list.
 * Only sheets whose name holds « budget » and « fiche » are read: the header is too common (the Plan
 * d'action has État and Conseil départemental columns too).
 */
const YEAR = /^(?:annee\s*)?(20\d\d)\b/;
const TOTAL = /^total\b/;
/** « Fiche action 1.3 – … », « Fiche 1.3 : … », « Action 1.3 … », « FA 2.5 … ». */
const FICHE_TITLE = /^(?:fiche(?:[- ]?action)?|action|fa)\s*(?:n\s*°\s*)?(\d+)\s*[.,]\s*(\d+)\s*[:–—-]?\s*/i;
const SUB_ACTIONS = /^sous[- ]?actions?\b/;
/** The template's label cell: « Fiche action N° », its number in the next cell. */
const FICHE_LABEL = /^(?:fiche(?:[- ]?action)?|fa)\s*(?:n\s*°|numero)?\s*:?$/;
const TITLE_LOOKUP_ROWS = 6;

export function isFicheBudgetSheet(name: string): boolean {
  return FICHE_BUDGET_SHEET.test(normaliseText(name));
}

interface Found {
  table: LocatedTable;
  fiche: Omit<FicheInfo, 'subActions'>;
}

/** Reads every fiche budget table of a « Budgets des fiches » sheet; none on any other sheet. */
export function readFicheBudgets(view: SheetIndex): AnnexTable[] {
  const tables = locateTables(view, TABLE_DEFINITIONS).tables.filter((t) => t.definition.kind === 'fiche-budget');
  return tables.map((table) => {
    // Not above the previous fiche in the same columns.
    const above = tables.filter((o) => o.band.bottom < table.band.top && o.window.left <= table.span.right && table.window.left <= o.span.right);
    const floor = Math.max(1, ...above.map((o) => o.band.bottom + 1));
    return readFiche(view, { table, fiche: ficheTitle(view, table, floor).fiche });
  });
}

/**
 * The fiche named on the band's own label cells or on the rows just above it: « Fiche action 1.3 –
 * Titre » in one cell, or the template's form « Fiche action N° | 1.3 | Intitulé | Titre ».
 */
function ficheTitle(view: SheetIndex, table: LocatedTable, floor: number): { start: number; fiche: Omit<FicheInfo, 'subActions'> } {
  const { band } = table;
  const firstAmountCol = Math.min(...amountColumnsOf(band).map((c) => c.col));
  for (let r = band.bottom; r >= Math.max(floor, band.top - TITLE_LOOKUP_ROWS); r--) {
    // In the table's own columns: fiches side by side each have their title above them.
    const cols = view.columnsOf(r).filter((c) => c >= table.window.left && c <= table.span.right);
    for (const [i, c] of cols.entries()) {
      if (r >= band.top && c >= firstAmountCol) continue;
      if (FICHE_LABEL.test(view.norm(r, c))) {
        const form = formTitle(view, r, cols.slice(i + 1));
        if (form) return { start: Math.min(r, band.top), fiche: { ...form, ref: view.ref(r, c) } };
        continue;
      }
      const text = cellText(view.merged(r, c)).replace(/\s+/g, ' ');
      const m = FICHE_TITLE.exec(normaliseText(text));
      if (!m) continue;
      // The title as typed: what follows the number (the match ran on the normalised text).
      const title = text.replace(/^[^\d]*\d+\s*[.,]\s*\d+\s*[:–—-]?\s*/, '');
      return { start: Math.min(r, band.top), fiche: { number: `${m[1]}.${Number(m[2])}`, title: shortLabel(title), ref: view.ref(r, c) } };
    }
  }
  const col = Math.min(...[...band.columns.values()].map((v) => v.col));
  return { start: band.top, fiche: { number: '', title: '', ref: view.ref(band.top, col) } };
}

/** « 1.3 » in the first filled cell after the label, the title after an « Intitulé » cell (else the next text). */
function formTitle(view: SheetIndex, r: number, after: readonly number[]): { number: string; title: string } | null {
  const filled = after.filter((c) => view.norm(r, c) !== '');
  const m = filled.length ? /^(\d+)\s*[.,]\s*(\d+)$/.exec(view.norm(r, filled[0])) : null;
  if (!m) return null;
  const rest = filled.slice(1);
  const label = rest.findIndex((c) => /^intitule/.test(view.norm(r, c)));
  const titleCol = label >= 0 ? rest[label + 1] : rest[0];
  return { number: `${m[1]}.${Number(m[2])}`, title: titleCol === undefined ? '' : shortLabel(cellText(view.merged(r, titleCol))) };
}

function amountColumnsOf(band: HeaderBand): TableColumn[] {
  return [...band.columns].filter(([key]) => key !== 'year').map(([key, v]) => ({ key, col: v.col, header: v.header }));
}

function readFiche(view: SheetIndex, found: Found): AnnexTable {
  const { band, limit } = found.table;
  const columns = budgetColumns(view, band, limit);
  const amountCols = columns.filter((c) => c.key !== 'year');
  const firstAmountCol = Math.min(...amountCols.map((c) => c.col));
  const label = (r: number) => labelOf(view, r, firstAmountCol);
  const table: AnnexTable = {
    kind: 'fiche-budget',
    sheet: view.name,
    title: found.fiche.number ? `Fiche ${found.fiche.number}` : `Budget de fiche (ligne ${band.top})`,
    year: null,
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    missing: band.missing,
    duplicateColumns: found.table.duplicates,
    rows: [],
  };
  let last = band.bottom;
  for (const { row: r, role } of walkRows(view, found.table)) {
    if (role === 'note') continue;
    const text = label(r);
    const year = yearOf(view, r, firstAmountCol, text);
    const isTotal = !year && TOTAL.test(normaliseText(text));
    const hasAmount = amountCols.some((c) => !view.isBlankRow(r, c.col, c.col));
    if (!year && !isTotal && text) break; // the sub-actions, a note: the budget rows are over
    if (!year && !isTotal && !hasAmount) continue;
    const amounts: Record<string, AmountCell> = {};
    for (const c of amountCols) amounts[c.key] = readAmount(view.raw(r, c.col), view.ref(r, c.col));
    const row: TableRow = { kind: isTotal ? 'total' : 'detail', row: r, label: year ? String(year) : isTotal ? 'Total' : `ligne ${r}`, amounts };
    if (year) row.key = String(year);
    if (isTotal) row.sumOf = table.rows.map((x, i) => (x.kind === 'detail' ? i : -1)).filter((i) => i >= 0);
    table.rows.push(row);
    last = r;
    if (isTotal) break;
  }
  table.fiche = { ...found.fiche, subActions: readSubActions(view, last, limit) };
  return table;
}

/**
 * The band's columns, plus every other column between the first and the last amount column: a
 * third funder under any header (« Métropole/autre », « CAF », « Autres* »), or none at all when
 * amounts sit under a blank header — they are part of the row's total all the same.
 */
function budgetColumns(view: SheetIndex, band: HeaderBand, limit: number): TableColumn[] {
  // Headers as typed (« ETAT/ERBM », « Etat (FIPE) »): messages quote them, they vary from fiche to fiche.
  const columns: TableColumn[] = [...band.columns].map(([key, v]) => ({ key, col: v.col, header: typedHeader(view, band, v.col) }));
  const amountCols = columns.filter((c) => c.key !== 'year').map((c) => c.col);
  const [from, to] = [Math.min(...amountCols), Math.max(...amountCols)];
  const taken = new Set(columns.map((c) => c.col));
  const texts = bandTexts(view, band.top, band.bottom);
  const used = new Set<number>();
  for (const r of view.rowsBetween(band.bottom, Math.min(limit, band.bottom + 12))) {
    for (const c of view.columnsOf(r)) if (c > from && c < to && !view.isBlankRow(r, c, c)) used.add(c);
  }
  let n = 0;
  for (let c = from + 1; c < to; c++) {
    if (taken.has(c) || (!texts.get(c) && !used.has(c))) continue;
    n++;
    columns.push({ key: n === 1 ? 'other' : `other${n}`, col: c, header: typedHeader(view, band, c) });
  }
  return columns.sort((a, b) => a.col - b.col);
}

/** A header's lines as typed, joined: each cell once (a merge counts on its first row). */
function typedHeader(view: SheetIndex, band: HeaderBand, col: number): string {
  const parts: string[] = [];
  for (let r = band.top; r <= band.bottom; r++) {
    const m = view.mergeAt(r, col);
    if (m && m.top < r && m.top >= band.top) continue;
    const t = cellText(view.merged(r, col)).replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  return shortLabel(parts.join(' '), 60);
}

/** The row's label: its first text left of the amounts. */
function labelOf(view: SheetIndex, r: number, firstAmountCol: number): string {
  for (const c of view.columnsOf(r)) {
    if (c >= firstAmountCol) break;
    const t = cellText(view.merged(r, c)).replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return '';
}

/** 2024 typed as a number or as text (« 2024 », « Année 2024 »). */
function yearOf(view: SheetIndex, r: number, firstAmountCol: number, text: string): number | null {
  const m = YEAR.exec(normaliseText(text));
  if (m) return Number(m[1]);
  for (const c of view.columnsOf(r)) {
    if (c >= firstAmountCol) break;
    const v = view.raw(r, c)?.value;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2099) return v;
  }
  return null;
}

/**
 * The « Sous-action | Montant » list under the budget, down to the next fiche: amounts in the
 * header's « Montant » column (else its last column), labels left of it. Blank rows are skipped
 * (they do not end the list), and so are rows without an amount (a note, a footnote « * MSA + … »).
 */
function readSubActions(view: SheetIndex, after: number, limit: number): TableRow[] {
  let header: number | undefined;
  for (const r of view.rowsBetween(after, limit)) {
    if (view.columnsOf(r).some((c) => SUB_ACTIONS.test(view.norm(r, c)))) {
      header = r;
      break;
    }
  }
  if (header === undefined) return [];
  const cols = view.columnsOf(header).filter((c) => view.norm(header as number, c) !== '');
  const amountCol = cols.find((c) => /^montant\b/.test(view.norm(header as number, c))) ?? cols[cols.length - 1];
  const out: TableRow[] = [];
  for (const r of view.rowsBetween(header, limit)) {
    if (view.isBlankRow(r, amountCol, amountCol)) continue;
    const text = labelOf(view, r, amountCol);
    if (TOTAL.test(normaliseText(text))) continue; // a typed sub-total: FICHE-SUBACTIONS adds the lines itself
    out.push({ kind: 'detail', row: r, label: shortLabel(text) || `ligne ${r}`, amounts: { amount: readAmount(view.raw(r, amountCol), view.ref(r, amountCol)) } });
  }
  return out;
}
