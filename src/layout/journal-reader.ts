import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { anchorRows, bestBandAround, type ColumnSpec, type HeaderBand } from './header-band';
import type { SheetView } from './sheet-view';
import { readAmount } from './read-amount';
import { readDate } from './read-date';
import { cellText, ficheNumber, normaliseText } from './text';

/**
 * The « Journal des dépenses »: one row per actual expense of the France Travail convention (date,
 * volet, section of the « Etat des dépenses », nature, objet, unité, nombre, coût unitaire, montant,
 * fiche action). It is the product's own sheet, not a national model: `annexes fill` groups its rows
 * into the volet 1/2/3 « Etat des dépenses » and the EXP-* rules check them (FT art. 2, 4.2).
 *
 * Only a sheet whose name starts with « Journal » is read: the « Etat des dépenses » sheets have
 * the same « Nature de la dépense … Montant » header and must not be taken for the journal.
 * Patterns are normalised texts; « Nombre d'unités » before « Unité ».
 */
export const JOURNAL_SPECS: ColumnSpec[] = [
  { key: 'amount', match: /^montant\b/, required: true },
  { key: 'unitCost', match: /(cout|prix) unitaire/ },
  { key: 'count', match: /^nombre\b|^quantite\b/ },
  { key: 'date', match: /^date\b|^periode\b/, required: true },
  { key: 'volet', match: /^volets?\b/, required: true },
  { key: 'section', match: /^section\b|^rubrique\b/ },
  { key: 'nature', match: /^nature\b/, required: true },
  { key: 'object', match: /^objet\b/ },
  { key: 'unit', match: /^unite\b/ },
  { key: 'fiche', match: /fiche|^fa\b/ },
  // « Maintenue au bilan (motif) »: the officer keeps an expense a check excludes, saying why.
  { key: 'keep', match: /^(maintenue?|maintenir|conservee?|conserver)\b/ },
];

const SHEET = /^journal\b/;
const ANCHOR = /^(date|volet|montant)\b/;
const AMOUNT_KEYS = ['count', 'unitCost', 'amount'];
const TEXT_KEYS = ['section', 'nature', 'object', 'unit', 'keep'];
const TOTAL_LABEL = /^(sous[- ]?)?tota(l|ux)\b/;
const LABEL_MAX = 80;

export function isJournalSheet(name: string): boolean {
  return SHEET.test(normaliseText(name));
}

/** Reads the journal table of a « Journal des dépenses » sheet; none on any other sheet. */
export function readExpenseJournal(view: SheetView): AnnexTable[] {
  if (!isJournalSheet(view.name)) return [];
  const band = findBand(view);
  return band ? [readTable(view, band)] : [];
}

function findBand(view: SheetView): HeaderBand | null {
  for (const row of anchorRows(view, ANCHOR)) {
    const band = bestBandAround(view, row, JOURNAL_SPECS);
    if (!band || !band.columns.has('amount') || band.columns.size < 4) continue;
    // A header cell merged down (« Date » over two rows, next to « Nature de / la dépense » typed on
    // two rows) ends the header at its merge's bottom: the row under the band is header, not data.
    for (const { col } of band.columns.values()) {
      for (let r = band.top; r <= band.bottom; r++) {
        const m = view.mergeAt(r, col);
        if (m && m.bottom > band.bottom) band.bottom = m.bottom;
      }
    }
    return band;
  }
  return null;
}

function readTable(view: SheetView, band: HeaderBand): AnnexTable {
  const columns: TableColumn[] = [...band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const minCol = Math.min(...columns.map((c) => c.col));
  const maxCol = Math.max(...columns.map((c) => c.col));
  const table: AnnexTable = {
    kind: 'ft-expense-journal',
    sheet: view.name,
    title: 'Journal des dépenses',
    year: null,
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    missing: band.missing,
    rows: [],
  };
  const text = (r: number, key: string) => {
    const c = colOf(key);
    return c === undefined ? '' : cellText(view.merged(r, c)).replace(/\s+/g, ' ').trim();
  };
  // A journal grows by appending rows, gaps included: read down to the last row of the sheet.
  for (const r of view.rowsBetween(band.bottom, view.maxRow)) {
    if (view.isBlankRow(r, minCol, maxCol)) continue;
    const amounts: Record<string, AmountCell | undefined> = {};
    for (const key of AMOUNT_KEYS) {
      const c = colOf(key);
      if (c !== undefined) amounts[key] = readAmount(view.raw(r, c), view.ref(r, c));
    }
    const texts: Record<string, string> = {};
    for (const key of TEXT_KEYS) {
      const t = text(r, key);
      if (t) texts[key] = t;
    }
    if ([texts.nature, texts.object, text(r, 'date')].some((t) => t && TOTAL_LABEL.test(normaliseText(t)))) {
      table.rows.push({
        kind: 'total',
        row: r,
        label: 'Total du journal',
        amounts: { amount: amounts.amount },
        sumOf: table.rows.map((x, i) => (x.kind === 'detail' ? i : -1)).filter((i) => i >= 0),
      });
      continue;
    }
    // "Volet 2", 2, "V2" → "2": the volet decides which « Etat des dépenses » the expense goes to.
    const volet = /\d+/.exec(text(r, 'volet'))?.[0];
    if (volet) texts.volet = String(Number(volet));
    const ficheCol = colOf('fiche');
    const fiche = ficheCol === undefined ? '' : ficheNumber(view.raw(r, ficheCol));
    if (fiche) texts.fiche = fiche;
    const dateCol = colOf('date');
    const row: TableRow = {
      kind: 'detail',
      row: r,
      label: truncate([texts.nature, texts.object].filter(Boolean).join(' – ') || `ligne ${r}`),
      amounts,
      texts,
    };
    if (fiche) row.key = fiche;
    if (volet) row.group = texts.volet;
    if (dateCol !== undefined) row.date = readDate(view.raw(r, dateCol), view.ref(r, dateCol));
    table.rows.push(row);
  }
  return table;
}

function truncate(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > LABEL_MAX ? `${t.slice(0, LABEL_MAX - 1)}…` : t;
}
