import type { Finding } from '../finding';
import type { AmountCell, AmountKind, AnnexTable, QuantityCell, TableRow } from '../table';
import type { Rule, RuleContext } from './rule';
import { findingAt, rowPlace } from './report';

export interface CellVisit {
  table: AnnexTable;
  row: TableRow;
  key: string;
  cell: AmountCell;
}

/** Every amount cell a check reads, with its table and row. */
export function* amountCells(ctx: RuleContext): Generator<CellVisit> {
  for (const table of ctx.workbook.tables) {
    if (table.ceiling) yield { table, row: { kind: 'total', row: table.ceiling.ref.row, label: 'PLAFOND DEPARTEMENT', amounts: {} }, key: 'ceiling', cell: table.ceiling };
    for (const row of table.rows) {
      for (const [key, cell] of Object.entries(row.amounts)) if (cell) yield { table, row, key, cell };
    }
  }
}

/** Every plan de financement quantity cell (Existant, Cible, Delta). */
export function* quantityCells(ctx: RuleContext): Generator<{ table: AnnexTable; row: TableRow; cell: QuantityCell }> {
  for (const table of ctx.workbook.tables) {
    for (const row of table.rows) {
      const q = row.quantities;
      if (!q) continue;
      for (const cell of [q.existing, q.target, q.delta]) if (cell) yield { table, row, cell };
    }
  }
}

/** A rule that flags amount cells read in one way (error, text, no cache, not a number). */
export function cellKindRule(
  meta: Omit<Rule, 'check'>,
  kind: AmountKind,
  message: (v: CellVisit) => string,
  quantities?: (cell: QuantityCell) => string | null,
): Rule {
  return {
    ...meta,
    check(ctx) {
      const out: Finding[] = [];
      for (const v of amountCells(ctx)) {
        if (v.cell.kind === kind) out.push(findingAt(meta, v.cell.ref, message(v), v.cell.value ? { actual: v.cell.value } : {}));
      }
      if (quantities) {
        for (const { table, row, cell } of quantityCells(ctx)) {
          const m = quantities(cell);
          if (m) out.push(findingAt(meta, cell.ref, `${rowPlace(table, row)} : ${m}`));
        }
      }
      return out;
    },
  };
}
