import type { CellRef, Finding, Severity } from '../finding';
import type { Money } from '../money';
import { formatEuro, plainAmount } from '../money';
import type { AmountCell, AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { cellAddress } from '../a1';

/** Builds a finding for a rule at a cell, with amounts in the JSON's plain form. */
export function findingAt(
  rule: Pick<Rule, 'id' | 'severity' | 'article'>,
  ref: Pick<CellRef, 'sheet' | 'address'> | null,
  message: string,
  extra: { expected?: Money | string; actual?: Money | string; severity?: Severity; article?: string } = {},
): Finding {
  const f: Finding = {
    rule: rule.id,
    severity: extra.severity ?? rule.severity,
    sheet: ref?.sheet ?? '',
    cell: ref?.address ?? '',
    message,
    article: extra.article ?? rule.article,
  };
  if (extra.expected !== undefined) f.expected = typeof extra.expected === 'string' ? extra.expected : plainAmount(extra.expected);
  if (extra.actual !== undefined) f.actual = typeof extra.actual === 'string' ? extra.actual : plainAmount(extra.actual);
  return f;
}

/** "Prévisionnel 2024, action 1.1" — where a row sits, in the user's words. */
export function rowPlace(table: AnnexTable, row: TableRow): string {
  if (row.kind !== 'detail' || table.kind === 'fiche-budget') return `${table.title}, ligne « ${row.label} »`;
  if (row.key && table.kind !== 'ft-plan') return `${table.title}, action ${row.key}`;
  return `${table.title}, ligne « ${row.label} »`;
}

/** The value of an amount cell, or null when it could not be read (reported by the CELL-* rules). */
export function valueOf(cell: AmountCell | undefined): Money | null {
  return cell ? cell.value : null;
}

export const euro = formatEuro;

/** Ref of the first cell of a header row, for table-level findings. */
export function tableRef(table: AnnexTable): CellRef {
  const col = Math.min(...table.columns.map((c) => c.col), 1e9);
  const c = Number.isFinite(col) && col < 1e9 ? col : 1;
  return { sheet: table.sheet, row: table.headerTop, col: c, address: cellAddress(table.headerTop, c) };
}

/** Detail rows of a table keyed by their fiche/FA number. */
export function rowsByKey(table: AnnexTable): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const r of table.rows) if (r.kind === 'detail' && r.key && !m.has(r.key)) m.set(r.key, r);
  return m;
}

export function detailRows(table: AnnexTable): TableRow[] {
  return table.rows.filter((r) => r.kind === 'detail');
}
