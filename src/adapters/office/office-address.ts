/**
 * Office.js addresses: "'Construction du plan de finance'!A1:H60", "Paramètres!B4". Parsing and
 * writing them is shared by the adapter and the fake Excel, so both speak the same dialect.
 */
import { type CellRange, cellAddress, parseAddress } from '../../layout/grid';

/** "A1:B2" or "A1" (no sheet part) → range; null when not an A1 area. */
export function parseArea(area: string): CellRange | null {
  const [a, b = a, extra] = area.split(':');
  if (extra !== undefined) return null;
  const tl = parseAddress(a);
  const br = parseAddress(b);
  if (!tl || !br) return null;
  return {
    top: Math.min(tl.row, br.row),
    left: Math.min(tl.col, br.col),
    bottom: Math.max(tl.row, br.row),
    right: Math.max(tl.col, br.col),
  };
}

/** Any address getRange takes: "A1", "A1:B2", whole rows "1:2", whole columns "A:B" ("$" allowed). */
export function parseRangeAddress(address: string, maxRow = 1048576, maxCol = 16384): CellRange | null {
  const a = address.replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) {
    const [t, b] = [Number(rows[1]), Number(rows[2])];
    return t >= 1 && b >= 1 && t <= maxRow && b <= maxRow ? { top: Math.min(t, b), bottom: Math.max(t, b), left: 1, right: maxCol } : null;
  }
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(a);
  if (cols) {
    const l = parseArea(`${cols[1]}1`)?.left ?? 0;
    const r = parseArea(`${cols[2]}1`)?.left ?? 0;
    return l >= 1 && r >= 1 && l <= maxCol && r <= maxCol ? { top: 1, bottom: maxRow, left: Math.min(l, r), right: Math.max(l, r) } : null;
  }
  return parseArea(a);
}

/**
 * Splits "Sheet!A1:B2" at its last "!": a sheet name may hold "!" (inside quotes) but an area never
 * does. The sheet part is unquoted ('' → ').
 */
export function splitSheetAddress(address: string): { sheet: string; area: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', area: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, area: address.slice(bang + 1) };
}

export function areaAddress(r: CellRange): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

/** As Excel writes it: the sheet name quoted unless it is a plain word. */
export function sheetAddress(sheet: string, r: CellRange): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${areaAddress(r)}`;
}
