import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { ACTION_PLAN_AMOUNT_KEYS } from './definitions/action-plan';
import { TABLE_DEFINITIONS } from './definitions';
import { type LocatedTable, type SheetIndex, locateTables, walkRows } from './reading';
import { readAmount } from './read-amount';
import { attachFormulas, columnKeys } from './attach-formulas';
import { cellText, shortLabel, ficheNumber } from './text';

export { ACTION_PLAN_SPECS } from './definitions/action-plan';

const LABEL_MAX = 80;

/** Reads every "Plan d'action" table of a sheet. */
export function readActionPlans(index: SheetIndex): AnnexTable[] {
  return locateTables(index, TABLE_DEFINITIONS)
    .tables.filter((t) => t.definition.kind === 'ft-action-plan')
    .map((t) => readTable(index, t));
}

function readTable(index: SheetIndex, t: LocatedTable): AnnexTable {
  const columns: TableColumn[] = [...t.band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const amountCols = columns.filter((c) => ACTION_PLAN_AMOUNT_KEYS.includes(c.key));
  const keys = columnKeys(columns);
  const table: AnnexTable = {
    kind: 'ft-action-plan',
    sheet: index.name,
    title: "Plan d'action",
    year: null,
    headerTop: t.band.top,
    headerBottom: t.band.bottom,
    columns,
    missing: t.band.missing,
    duplicateColumns: t.duplicates,
    rows: [],
  };
  const text = (r: number, key: string) => {
    const c = colOf(key);
    return c === undefined ? '' : cellText(index.merged(r, c)).replace(/\s+/g, ' ').trim();
  };
  const faCol = colOf('fa');
  for (const { row: r, role } of walkRows(index, t)) {
    if (role === 'note' || role === 'group') continue;
    const fa = faCol === undefined ? '' : ficheNumber(index.raw(r, faCol));
    const title = text(r, 'title');
    const amounts: Record<string, AmountCell | undefined> = {};
    for (const c of amountCols) amounts[c.key] = readAmount(index.raw(r, c.col), index.ref(r, c.col));
    // Montant de l'action = État + CD + autres on every row; on the total row, every cell is a column total.
    for (const c of amountCols) attachFormulas(amounts[c.key] as AmountCell, { keys: c.key === 'total' ? keys : undefined, total: role !== 'data' });
    if (role !== 'data') {
      table.rows.push({
        kind: 'total',
        row: r,
        label: truncate(totalLabel(index, t, r) || 'TOTAL'),
        amounts,
        sumOf: table.rows.map((x, i) => (x.kind === 'detail' ? i : -1)).filter((i) => i >= 0),
      });
      break;
    }
    const row: TableRow = { kind: 'detail', row: r, label: truncate([fa, title].filter(Boolean).join(' ') || `ligne ${r}`), amounts };
    if (fa) row.key = fa;
    const texts: Record<string, string> = {};
    if (title) texts.title = title;
    // "Volet 2", 2, "V2" → "2": the volet is a number (art. 3.3 applies to volet 2 actions).
    const volet = /\d+/.exec(text(r, 'volet'))?.[0];
    if (volet) texts.volet = volet;
    const otherNature = text(r, 'otherNature');
    if (otherNature) texts.otherNature = otherNature;
    row.texts = texts;
    table.rows.push(row);
  }
  return table;
}

/** The total row's label as typed ("TOTAL", "Total général"), in the table's columns. */
export function totalLabel(index: SheetIndex, t: LocatedTable, r: number): string {
  const total = t.definition.rows.total;
  for (const c of index.columnsOf(r)) {
    if (c >= t.window.left && c <= t.span.right && total?.test(index.own(r, c))) return cellText(index.raw(r, c));
  }
  return '';
}

function truncate(s: string): string {
  return shortLabel(s, LABEL_MAX);
}
