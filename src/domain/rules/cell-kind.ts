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
  yield* cellIndex(ctx).amounts;
}

/** Every plan de financement quantity cell (Existant, Cible, Delta). */
export function* quantityCells(ctx: RuleContext): Generator<QuantityVisit> {
  yield* cellIndex(ctx).quantities;
}

export interface QuantityVisit {
  table: AnnexTable;
  row: TableRow;
  cell: QuantityCell;
}

/**
 * The amount cells of a check, listed once and grouped by how they were read: the CELL-* rules each
 * look at every cell, and a workbook of 10 000 actions holds 250 000 of them. Kept per rule context
 * (checkWorkbook makes one per run), so a workbook changed between two runs is listed again.
 */
interface CellIndex {
  amounts: CellVisit[];
  byKind: Map<AmountKind, CellVisit[]>;
  quantities: QuantityVisit[];
}

const INDEXES = new WeakMap<RuleContext, CellIndex>();

export function cellIndex(ctx: RuleContext): CellIndex {
  let index = INDEXES.get(ctx);
  if (index) return index;
  const amounts: CellVisit[] = [];
  const byKind = new Map<AmountKind, CellVisit[]>();
  const quantities: QuantityVisit[] = [];
  const add = (v: CellVisit) => {
    amounts.push(v);
    const list = byKind.get(v.cell.kind);
    if (list) list.push(v);
    else byKind.set(v.cell.kind, [v]);
  };
  for (const table of ctx.workbook.tables) {
    if (table.ceiling) add({ table, row: { kind: 'total', row: table.ceiling.ref.row, label: 'PLAFOND DEPARTEMENT', amounts: {} }, key: 'ceiling', cell: table.ceiling });
    // A fiche's sub-actions are amounts read like any other (CELL-* rules see them too).
    for (const row of table.fiche ? [...table.rows, ...table.fiche.subActions] : table.rows) {
      const a = row.amounts;
      for (const key in a) {
        if (!Object.prototype.hasOwnProperty.call(a, key)) continue;
        const cell = a[key];
        if (cell) add({ table, row, key, cell });
      }
      const q = row.quantities;
      if (!q) continue;
      for (const cell of [q.existing, q.target, q.delta]) if (cell) quantities.push({ table, row, cell });
    }
  }
  index = { amounts, byKind, quantities };
  INDEXES.set(ctx, index);
  return index;
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
      const index = cellIndex(ctx);
      for (const v of index.byKind.get(kind) ?? []) {
        out.push(findingAt(meta, v.cell.ref, message(v), v.cell.value ? { actual: v.cell.value } : {}));
      }
      if (quantities) {
        for (const { table, row, cell } of index.quantities) {
          const m = quantities(cell);
          if (m) out.push(findingAt(meta, cell.ref, `${rowPlace(table, row)} : ${m}`));
        }
      }
      return out;
    },
  };
}
