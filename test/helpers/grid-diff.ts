/**
 * Differences between two grids, one line each ("Feuil1!B3: value 0 ≠ null"), for the differential
 * tests of the reader: an empty list means the grids are the same, and a failure says where.
 */
import type { CellRange, Grid, GridCell, GridSheet } from '../../src/layout/grid';
import { cellAddress } from '../../src/layout/grid';

/**
 * Where ExcelJS (the oracle) is known to read a cell wrong, the new reader's cell is accepted: each
 * rule names the defect and recognises it from the two cells.
 */
export const ORACLE_DEFECTS: { name: string; explains: (ours: GridCell, oracle: GridCell) => boolean }[] = [
  {
    // ExcelJS turns any cached result of a date-formatted formula into a Date: a text into an
    // Invalid Date, TRUE into 31/12/1899, an error into an Invalid Date (losing the error).
    name: 'résultat non numérique d’une formule au format date',
    explains: (ours, oracle) => oracle.formula !== undefined && oracle.formula === ours.formula && oracle.value instanceof Date && !(ours.value instanceof Date) && typeof ours.value !== 'number',
  },
  {
    // ExcelJS's parseFloat: "abc" is NaN, "0x1F" is 0; the new reader keeps the stored text on the cell.
    name: 'nombre illisible',
    explains: (ours, oracle) => ours.unreadable === 'number' && typeof oracle.value === 'number',
  },
  {
    // A serial past any calendar in a date format: ExcelJS gives an Invalid Date, the new reader the stored number as text.
    name: 'date hors calendrier',
    explains: (ours, oracle) => ours.unreadable === 'date' && oracle.value instanceof Date && Number.isNaN(oracle.value.getTime()),
  },
  {
    // LibreOffice writes <workbookPr date1904="true"/>; ExcelJS only knows "1", and dates 1 462 days (4 years) early.
    name: 'système de dates 1904 écrit « true »',
    explains: (ours, oracle) => ours.value instanceof Date && oracle.value instanceof Date && ours.value.getTime() - oracle.value.getTime() === 1462 * 86_400_000,
  },
  {
    // LibreOffice escapes control characters as "_x001f_" (lower-case hex); ExcelJS decodes upper case only.
    name: 'échappement _xhhhh_ en minuscules',
    explains: (ours, oracle) =>
      typeof ours.value === 'string' && typeof oracle.value === 'string' && ours.value === oracle.value.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
  },
];

export function gridDifferences(actual: Grid, expected: Grid, limit = 20): string[] {
  const out: string[] = [];
  const a = actual.sheets.map((s) => s.name);
  const e = expected.sheets.map((s) => s.name);
  if (a.join('\u0000') !== e.join('\u0000')) out.push(`sheets ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
  for (const sheet of actual.sheets) {
    const other = expected.sheets.find((s) => s.name === sheet.name);
    if (other) sheetDifferences(sheet, other, out);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

function sheetDifferences(a: GridSheet, e: GridSheet, out: string[]): void {
  const at = (what: string) => `${a.name}!${what}`;
  if ((a.state ?? 'visible') !== (e.state ?? 'visible')) out.push(at(`state ${a.state} ≠ ${e.state}`));
  const rowsA = [...a.rows.keys()];
  const rowsE = [...e.rows.keys()];
  if (rowsA.join() !== rowsE.join()) out.push(at(`row order ${short(rowsA)} ≠ ${short(rowsE)}`));
  for (const r of new Set([...rowsA, ...rowsE])) {
    const ca = a.rows.get(r) ?? new Map<number, GridCell>();
    const ce = e.rows.get(r) ?? new Map<number, GridCell>();
    if ([...ca.keys()].join() !== [...ce.keys()].join() && ca.size === ce.size) out.push(at(`row ${r} column order`));
    for (const c of new Set([...ca.keys(), ...ce.keys()])) {
      const x = describeCell(ca.get(c));
      const y = describeCell(ce.get(c));
      if (x === y) continue;
      const ours = ca.get(c);
      const oracle = ce.get(c);
      if (ours && oracle && ORACLE_DEFECTS.some((d) => d.explains(ours, oracle))) continue;
      out.push(at(`${cellAddress(r, c)}: ${x} ≠ ${y}`));
    }
  }
  const merges = (s: GridSheet) => s.merges.map(range).join(' ');
  if (merges(a) !== merges(e)) out.push(at(`merges ${merges(a)} ≠ ${merges(e)}`));
  const map = (m: Map<number, number> | undefined) => JSON.stringify([...(m ?? [])]);
  if (map(a.columnWidths) !== map(e.columnWidths)) out.push(at(`widths ${map(a.columnWidths)} ≠ ${map(e.columnWidths)}`));
  const set = (s: Set<number> | undefined) => JSON.stringify([...(s ?? [])].sort((x, y) => x - y));
  if (set(a.hiddenRows) !== set(e.hiddenRows)) out.push(at(`hidden rows ${set(a.hiddenRows)} ≠ ${set(e.hiddenRows)}`));
  if (set(a.hiddenColumns) !== set(e.hiddenColumns)) out.push(at(`hidden columns ${set(a.hiddenColumns)} ≠ ${set(e.hiddenColumns)}`));
}

/** A cell as one comparable string: value with its type (Dates by time, NaN and -0 told apart), then the other fields. */
export function describeCell(cell: GridCell | undefined): string {
  if (!cell) return '∅';
  const v = cell.value;
  const value = (
    v instanceof Date ? `date:${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}` : typeof v === 'number' ? `number:${Object.is(v, -0) ? '-0' : String(v)}` : `${typeof v}:${JSON.stringify(v)}`
  ).slice(0, 200);
  const rest = Object.keys(cell)
    .filter((k) => k !== 'value' && cell[k as keyof GridCell] !== undefined)
    .sort()
    .map((k) => `${k}=${JSON.stringify(cell[k as keyof GridCell])}`);
  return [value, ...rest].join(' ');
}

function range(m: CellRange): string {
  return `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
}

function short(xs: number[]): string {
  return xs.length > 12 ? `${xs.slice(0, 12).join(',')}…(${xs.length})` : xs.join(',');
}

/** Both readers on the same bytes: the new one and ExcelJS (the oracle). Refusals are compared by kind. */
export async function compareWithOracle(buf: Buffer, label: string): Promise<{ differences: string[]; oursRefused?: string; oracleRefused?: string }> {
  const { readXlsxBuffer } = await import('../../src/adapters/xlsx/read-xlsx');
  const { readGridWithExcelJs } = await import('../oracle/exceljs-grid');
  const attempt = async (read: () => Promise<Grid>): Promise<Grid | Error> => {
    try {
      return await read();
    } catch (e) {
      return e as Error;
    }
  };
  const ours = await attempt(() => readXlsxBuffer(buf, label));
  const oracle = await attempt(() => readGridWithExcelJs(buf, label));
  if (ours instanceof Error || oracle instanceof Error) {
    return {
      differences: ours instanceof Error && oracle instanceof Error ? [] : [`only one reader refused: ${(ours instanceof Error ? ours : oracle as Error).message}`],
      ...(ours instanceof Error ? { oursRefused: ours.message } : {}),
      ...(oracle instanceof Error ? { oracleRefused: oracle.message } : {}),
    };
  }
  return { differences: gridDifferences(ours, oracle) };
}
