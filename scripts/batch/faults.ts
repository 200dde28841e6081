/**
 * Faults planted in generated Départements' workbooks, each with the findings the checker must
 * report for it — derived from the rules' definitions, not from running the checker. Cells are
 * located with the layout readers, so a fault lands on the right cell whatever the layout.
 */
import { cellAddress, type Grid, type GridSheet, setCell } from '../../src/layout/grid';
import type { AnnexTable, TableRow } from '../../src/domain/table';
import type { AnnexWorkbook } from '../../src/domain/workbook';
import { AMOUNT_FORMAT } from '../sample/build-sample';

export type FaultKind = 'calc-row' | 'wrong-subtotal' | 'k-formula' | 'ceil-ft-volet' | 'plan-delta' | 'ceil-cls-axe';
export const FAULT_KINDS: FaultKind[] = ['calc-row', 'wrong-subtotal', 'k-formula', 'ceil-ft-volet', 'plan-delta', 'ceil-cls-axe'];

export interface ExpectedFinding {
  rule: string;
  sheet: string;
  cell: string;
}

export interface PlantedFault {
  kind: FaultKind | 'unreadable';
  /** French, for the person reading the manifest. */
  description: string;
  expected: ExpectedFinding[];
}

interface Ctx {
  grid: Grid;
  wb: AnnexWorkbook;
  /** Varies the action / axe a fault lands on. */
  n: number;
}

const table = (wb: AnnexWorkbook, kind: AnnexTable['kind'], pick: (t: AnnexTable) => boolean = () => true): AnnexTable => {
  const t = wb.tables.find((x) => x.kind === kind && pick(x));
  if (!t) throw new Error(`no ${kind} table to plant a fault in`);
  return t;
};
const details = (t: AnnexTable): TableRow[] => t.rows.filter((r) => r.kind === 'detail');
const sheetOf = (g: Grid, name: string): GridSheet => g.sheets.find((s) => s.name === name) as GridSheet;

function typed(g: Grid, ref: { sheet: string; row: number; col: number }, value: number): void {
  setCell(sheetOf(g, ref.sheet), ref.row, ref.col, { value, numFmt: AMOUNT_FORMAT });
}

function valueAt(row: TableRow, key: string): number {
  const v = row.amounts[key]?.value;
  if (!v) throw new Error(`no ${key} on ${row.label}`);
  return v.toNumber();
}

const PLANTERS: Record<FaultKind, (c: Ctx) => PlantedFault> = {
  /** A budget global F typed over A + B + C (higher, so the State share stays under the cost). */
  'calc-row': ({ grid, wb, n }) => {
    const forecast = table(wb, 'cls-forecast');
    const row = details(forecast)[n % details(forecast).length];
    const cell = row.amounts.totalBudget!.ref;
    typed(grid, cell, valueAt(row, 'totalBudget') + 1234.56);
    return { kind: 'calc-row', description: `Prévisionnel, action ${row.key} : budget global saisi à la main, 1 234,56 € de trop.`, expected: [{ rule: 'CALC-ROW', sheet: cell.sheet, cell: cell.address }] };
  },
  /** A sous total of the exécution typed wrong; TOTAUX (the sum of the sous totals) follows it. */
  'wrong-subtotal': ({ grid, wb, n }) => {
    const exec = table(wb, 'cls-execution');
    const subtotals = exec.rows.filter((r) => r.kind === 'subtotal');
    const sub = subtotals[n % subtotals.length];
    const total = exec.rows.find((r) => r.kind === 'total') as TableRow;
    const cell = sub.amounts.cdSpent!.ref;
    typed(grid, cell, valueAt(sub, 'cdSpent') + 500);
    const totalCell = total.amounts.cdSpent!.ref;
    return {
      kind: 'wrong-subtotal',
      description: `Exécution, ${sub.label} : montant CD réalisé saisi 500 € au-dessus de la somme des actions (le total suit).`,
      expected: [
        { rule: 'CALC-TOTAL', sheet: cell.sheet, cell: cell.address },
        { rule: 'CALC-TOTAL', sheet: totalCell.sheet, cell: totalCell.address },
      ],
    };
  },
  /** K = G + I, the national model's misprint, on an action whose State credits were all spent:
   * F = 0, so G + I = G + H = G + J and the values coincide — only the formula is wrong. */
  'k-formula': ({ grid, wb, n }) => {
    const recap = table(wb, 'cls-recap');
    const rows = details(recap).filter((r) => r.amounts.carryOverState?.value?.isZero());
    const row = rows[n % rows.length];
    const k = row.amounts.cdBudgetNext!.ref;
    const g = row.amounts.carryOverCd!.ref;
    const i = row.amounts.stateBudgetNext!.ref;
    const cell = sheetOf(grid, k.sheet).rows.get(k.row)!.get(k.col)!;
    cell.formula = `${cellAddress(g.row, g.col)}+${cellAddress(i.row, i.col)}`;
    return { kind: 'k-formula', description: `Récapitulatif, action ${row.key} : K calculé G + I au lieu de G + J (valeurs égales).`, expected: [{ rule: 'CALC-FORMULA', sheet: k.sheet, cell: k.address }] };
  },
  /** Volet 1's first montant raised by 10 000 €: TOTAL BESOINS goes over the forfait. */
  'ceil-ft-volet': ({ grid, wb }) => {
    const plan = table(wb, 'ft-plan', (t) => t.volet === 1);
    const row = details(plan).find((r) => r.amounts.amount?.value && !r.amounts.amount.value.isZero()) as TableRow;
    typed(grid, row.amounts.amount!.ref, valueAt(row, 'amount') + 10000);
    const total = plan.rows[plan.grandTotalIndex as number].amounts.amount!.ref;
    return { kind: 'ceil-ft-volet', description: 'Plan de financement volet 1 : un montant relevé de 10 000 €, le total dépasse le forfait.', expected: [{ rule: 'CEIL-FT-VOLET', sheet: total.sheet, cell: total.address }] };
  },
  /** Volet 2, Action 1: Delta typed 7500 places for 15200 − 7600. */
  'plan-delta': ({ grid, wb }) => {
    const plan = table(wb, 'ft-plan', (t) => t.volet === 2);
    const row = details(plan).find((r) => r.quantities?.delta?.raw === '7600 places') as TableRow;
    const ref = row.quantities!.delta!.ref;
    setCell(sheetOf(grid, ref.sheet), ref.row, ref.col, { value: '7500 places' });
    return { kind: 'plan-delta', description: 'Plan de financement volet 2, Action 1 : Delta saisi 7500 places au lieu de 7600.', expected: [{ rule: 'PLAN-DELTA', sheet: ref.sheet, cell: ref.address }] };
  },
  /** Paramètres: the State amount notified for axe 3 in 2024 stated 1 000 € above the actions' sum. */
  'ceil-cls-axe': ({ grid, wb }) => {
    const ref = wb.params.refs.get('clsNotified.2024.3');
    const stated = wb.params.clsNotified.get(2024)?.get('3');
    if (!ref || !stated) throw new Error('no « CLS État notifié 2024 axe 3 » parameter');
    typed(grid, ref, stated.toNumber() + 1000);
    const forecast = table(wb, 'cls-forecast');
    const sub = forecast.rows.find((r) => r.kind === 'subtotal' && r.group === '3') as TableRow;
    const cell = sub.amounts.stateNotified!.ref;
    return { kind: 'ceil-cls-axe', description: 'Paramètres : montant État notifié 2024 de l’axe 3 supérieur de 1 000 € à celui des actions.', expected: [{ rule: 'CEIL-CLS-AXE', sheet: cell.sheet, cell: cell.address }] };
  },
};

export function plantFault(kind: FaultKind, grid: Grid, wb: AnnexWorkbook, n: number): PlantedFault {
  return PLANTERS[kind]({ grid, wb, n });
}
