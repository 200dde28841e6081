/**
 * Where things are in a workbook, in the domain's words rather than addresses: a table by its kind,
 * year, volet or fiche; a row by its fiche number, year or label; a cell by its column. Two versions
 * of a workbook are compared through these names, so a table that only moved is the same table.
 */
import type { CellRef, Finding } from './finding';
import { parseAddress } from './a1';
import type { AnnexTable, TableRow } from './table';
import type { AnnexWorkbook } from './workbook';

/** "cls-forecast 2024", "ft-plan volet 2", "fiche-budget 1.3" (+ " #2" for a second one). */
export function tableIds(wb: AnnexWorkbook): Map<AnnexTable, string> {
  const seen = new Map<string, number>();
  const out = new Map<AnnexTable, string>();
  for (const t of wb.tables) {
    const base = [t.kind, t.year ?? '', t.volet !== undefined ? `volet ${t.volet}` : '', t.fiche ? t.fiche.number || `ligne ${t.headerTop}` : ''].filter((x) => x !== '').join(' ');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(t, n === 1 ? base : `${base} #${n}`);
  }
  return out;
}

/** A label as compared: case, accents and spacing aside. */
function squash(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Rows of a table (sub-actions after its rows) by id: fiche number or year, else label; a repeated id gets " #n". */
export function rowIds(table: AnnexTable): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  // The next number to try per base id: 20 000 journal lines of one nature stay linear.
  const next = new Map<string, number>();
  const add = (prefix: string, row: TableRow) => {
    const base = `${prefix}${row.kind === 'detail' && row.key ? `n°${row.key}` : squash(row.label)}`;
    let id = base;
    let n = next.get(base) ?? 2;
    while (out.has(id)) id = `${base} #${n++}`;
    next.set(base, n);
    out.set(id, row);
  };
  for (const r of table.rows) add('', r);
  for (const r of table.fiche?.subActions ?? []) add('sous-action ', r);
  return out;
}

/** The column key of a table at a sheet column. */
function columnAt(table: AnnexTable, col: number): string | undefined {
  return table.columns.find((c) => c.col === col)?.key;
}

interface Entry {
  table: AnnexTable;
  place: string;
  /** The row is a table row (its cells have column keys), not a header or a title. */
  data: boolean;
}

/**
 * Names a finding's place: `table / row / column` when its cell is in a table (header rows: `table /
 * en-tête`), `Paramètres / key` on a parameter, else the sheet and address as they are. Tables side
 * by side on the same rows are told apart by their columns.
 */
export function placeNamer(wb: AnnexWorkbook): (sheet: string, address: string) => string {
  const byRow = new Map<string, Entry[]>();
  const put = (sheet: string, row: number, e: Entry) => {
    const k = `${sheet}\u0000${row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), e]);
  };
  for (const [t, tid] of tableIds(wb)) {
    for (let r = t.headerTop; r <= t.headerBottom; r++) put(t.sheet, r, { table: t, place: `${tid} / en-tête`, data: false });
    if (t.fiche) put(t.fiche.ref.sheet, t.fiche.ref.row, { table: t, place: `${tid} / titre`, data: false });
    if (t.ceiling) put(t.sheet, t.ceiling.ref.row, { table: t, place: `${tid} / plafond`, data: false });
    for (const [rid, row] of rowIds(t)) {
      // A sub-action has one amount, not under the budget's columns.
      const sub = rid.startsWith('sous-action ');
      put(t.sheet, row.row, { table: t, place: `${tid} / ${rid}${sub ? ' / amount' : ''}`, data: !sub });
    }
  }
  const params = new Map<string, string>();
  for (const [field, ref] of wb.params.refs) params.set(`${ref.sheet}\u0000${ref.address}`, `Paramètres / ${field}`);
  // A sheet-level finding is placed by what the sheet holds, not by its name (a renamed sheet is the same).
  const holds = new Map<string, Set<string>>();
  for (const t of wb.tables) holds.set(t.sheet, (holds.get(t.sheet) ?? new Set()).add(t.kind));
  return (sheet, address) => {
    if (!address) return holds.has(sheet) ? `feuille des tableaux ${[...holds.get(sheet)!].sort().join(', ')}` : sheet;
    const p = params.get(`${sheet}\u0000${address}`);
    if (p) return p;
    const at = parseAddress(address);
    const entries = at ? byRow.get(`${sheet}\u0000${at.row}`) : undefined;
    if (!at || !entries) return `${sheet}!${address}`;
    const within = (e: Entry) => {
      const cols = e.table.columns.map((c) => c.col);
      return at.col >= Math.min(...cols, Infinity) && at.col <= Math.max(...cols, -Infinity);
    };
    const e = entries.find(within) ?? entries[0];
    const key = e.data ? columnAt(e.table, at.col) : undefined;
    return key ? `${e.place} / ${key}` : e.place;
  };
}

/** A finding's identity across versions: its rule, severity and place (not its address or wording). */
export function findingIdentity(name: (sheet: string, address: string) => string, f: Finding): string {
  return `${f.rule}|${f.severity}|${name(f.sheet, f.cell)}`;
}

/** "Feuille!D6", for the reader of a change. */
export function cellName(ref: Pick<CellRef, 'sheet' | 'address'>): string {
  return `${ref.sheet}!${ref.address}`;
}
