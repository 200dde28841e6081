import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { JOURNAL_SHEET } from './definitions/journal';
import { TABLE_DEFINITIONS } from './definitions';
import { type LocatedTable, type SheetIndex, locateTables, walkRows } from './reading';
import { readAmount } from './read-amount';
import { readDate } from './read-date';
import { cellText, ficheNumber, normaliseText } from './text';

export { JOURNAL_SPECS } from './definitions/journal';

/**
 * The « Journal des dépenses »: one row per actual expense of the France Travail convention (date,
 * volet, section of the « Etat des dépenses », nature, objet, unité, nombre, coût unitaire, montant,
 * fiche action). `annexes fill` groups its rows into the volet 1/2/3 « Etat des dépenses » and the
 * EXP-* rules check them (FT art. 2, 4.2). Only a sheet whose name starts with « Journal » holds one.
 */
const AMOUNT_KEYS = ['count', 'unitCost', 'amount'];
const TEXT_KEYS = ['section', 'nature', 'object', 'unit', 'keep'];
const LABEL_MAX = 80;

export function isJournalSheet(name: string): boolean {
  return JOURNAL_SHEET.test(normaliseText(name));
}

/** Reads the journal table of a « Journal des dépenses » sheet; none on any other sheet. */
export function readExpenseJournal(index: SheetIndex): AnnexTable[] {
  return locateTables(index, TABLE_DEFINITIONS)
    .tables.filter((t) => t.definition.kind === 'ft-expense-journal')
    .slice(0, 1)
    .map((t) => readTable(index, t));
}

function readTable(index: SheetIndex, t: LocatedTable): AnnexTable {
  const columns: TableColumn[] = [...t.band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const table: AnnexTable = {
    kind: 'ft-expense-journal',
    sheet: index.name,
    title: 'Journal des dépenses',
    year: null,
    headerTop: t.band.top,
    headerBottom: t.band.bottom,
    columns,
    missing: t.band.missing,
    rows: [],
  };
  const text = (r: number, key: string) => {
    const c = colOf(key);
    return c === undefined ? '' : cellText(index.merged(r, c)).replace(/\s+/g, ' ').trim();
  };
  // A journal grows by appending rows, gaps included: read down to the next table or the last row of the sheet.
  for (const { row: r, role } of walkRows(index, t)) {
    if (role === 'note' || role === 'group') continue;
    const amounts: Record<string, AmountCell | undefined> = {};
    for (const key of AMOUNT_KEYS) {
      const c = colOf(key);
      if (c !== undefined) amounts[key] = readAmount(index.raw(r, c), index.ref(r, c));
    }
    const texts: Record<string, string> = {};
    for (const key of TEXT_KEYS) {
      const v = text(r, key);
      if (v) texts[key] = v;
    }
    if (role !== 'data') {
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
    const fiche = ficheCol === undefined ? '' : ficheNumber(index.raw(r, ficheCol));
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
    if (dateCol !== undefined) row.date = readDate(index.raw(r, dateCol), index.ref(r, dateCol));
    table.rows.push(row);
  }
  return table;
}

function truncate(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > LABEL_MAX ? `${t.slice(0, LABEL_MAX - 1)}…` : t;
}
