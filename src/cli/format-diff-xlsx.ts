import * as path from 'path';
import ExcelJS from '../adapters/xlsx/exceljs';
import type { ValueChange } from '../domain/diff';
import type { Money } from '../domain/money';
import { SEVERITY_LABEL } from '../layout/report/findings-sheet';
import type { DiffReport } from './format-diff';
import { diffSummary, parameterLine, rowLine, shareLine, tableLine } from '../domain/diff-lines';
import { type Cell, type Column, EURO, sheet, table, wrapColumns } from './xlsx-table';

/**
 * `annexes diff --format xlsx`: « Changements » (one row per change, filterable by category, amounts
 * as numbers in euros) and « Constats » (findings fixed and introduced), each an Excel table.
 */
const money = (m: Money | null): Cell => (m === null ? null : m.toDecimalPlaces(2).toNumber());

export async function formatDiffXlsx(r: DiffReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'annexes';
  const d = r.diff;
  const columns: Column[] = [
    { name: 'Catégorie', width: 22 },
    { name: 'Tableau', width: 30 },
    { name: 'Ligne', width: 48 },
    { name: 'Colonne', width: 36 },
    { name: 'Avant', width: 18 },
    { name: 'Après', width: 18 },
    { name: 'Écart', width: 18, numFmt: EURO },
    { name: 'Cellule avant', width: 30 },
    { name: 'Cellule après', width: 30 },
  ];
  // Amounts as numbers (they sort and add up), quantities and absent values as text.
  const shown = (c: ValueChange, v: Money | null, text: string | null): Cell => (c.kind === 'amount' && v !== null ? money(v) : text);
  const value = (total: boolean) => (c: ValueChange): Cell[] => [
    total ? 'Total' : c.kind === 'amount' ? 'Montant' : 'Quantité', c.table, c.row, c.column,
    shown(c, c.beforeValue, c.before), shown(c, c.afterValue, c.after), money(c.difference), c.cellBefore, c.cellAfter,
  ];
  const text = (category: string, line: string): Cell[] => [category, null, line, null, null, null, null, null, null];
  const rows: Cell[][] = [
    ...d.values.map(value(false)),
    ...d.totals.map(value(true)),
    ...d.rows.map((x) => text(x.change === 'added' ? 'Ligne ajoutée' : 'Ligne retirée', rowLine(x))),
    ...d.tables.map((x) => text(x.change === 'added' ? 'Tableau ajouté' : 'Tableau retiré', tableLine(x))),
    ...d.parameters.map((x) => text('Paramètre', parameterLine(x))),
    ...d.shares.map((x) => text('Part du Département', shareLine(x))),
  ];
  // A short title (a long one would shrink the printed page to fit it): the file names, not their paths.
  const changes = sheet(wb, 'Changements', `Comparaison : « ${path.basename(r.before)} » → « ${path.basename(r.after)} »`);
  changes.getCell(2, 1).value = diffSummary(d);
  table(changes, 'Changements', columns, rows, false);
  for (const c of [5, 6]) changes.getColumn(c).numFmt = EURO;
  wrapColumns(changes, columns, rows, [2, 3, 4, 8, 9]);
  const findingColumns: Column[] = [
    { name: 'Statut', width: 12 },
    { name: 'Règle', width: 22 },
    { name: 'Gravité', width: 14 },
    { name: 'Feuille', width: 26 },
    { name: 'Cellule', width: 9 },
    { name: 'Message', width: 90 },
    { name: 'Article', width: 22 },
  ];
  const findingRows = [...d.fixed.map((f) => ['Corrigé', f] as const), ...d.introduced.map((f) => ['Nouveau', f] as const)].map(([status, f]): Cell[] => [
    status, f.rule, SEVERITY_LABEL[f.severity], f.sheet || null, f.cell || null, f.message, f.article,
  ]);
  const findings = sheet(wb, 'Constats', `${d.fixed.length} constat(s) corrigé(s), ${d.introduced.length} nouveau(x) constat(s)`);
  table(findings, 'ConstatsModifies', findingColumns, findingRows, false);
  wrapColumns(findings, findingColumns, findingRows, [6]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
