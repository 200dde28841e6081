import { buildSampleGrid, type SampleLayout } from '../../scripts/sample/build-sample';
import { type Grid, type GridCell, getCell, parseAddress, setCell } from '../../src/layout/grid';
import { analyseGrid } from '../../src/layout/analyse';
import type { OptionOverrides } from '../../src/domain/workbook';
import type { Finding } from '../../src/domain/finding';

export const CLS = 'Tableau financier';
export const FT = 'Construction du plan de finance';
export const PLAN = "Plan d'action";
export const PARAMS = 'Paramètres';

/** The sample workbook with some cells changed: { sheet: { A1: cell | number | string | null } }. */
export function sampleWith(edits: Record<string, Record<string, GridCell | number | string | null>>, layout: SampleLayout = {}): Grid {
  const grid = buildSampleGrid(layout);
  for (const [sheetName, cells] of Object.entries(edits)) {
    const sheet = grid.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    for (const [address, v] of Object.entries(cells)) {
      const a = parseAddress(address);
      if (!a) throw new Error(address);
      if (v === null) sheet.rows.get(a.row)?.delete(a.col);
      else setCell(sheet, a.row, a.col, typeof v === 'object' ? v : { value: v });
    }
  }
  return grid;
}

export function valueAt(grid: Grid, sheet: string, address: string): GridCell | undefined {
  const s = grid.sheets.find((x) => x.name === sheet);
  const a = parseAddress(address);
  return s && a ? getCell(s, a.row, a.col) : undefined;
}

export function findingsOf(grid: Grid, rule: string, overrides: OptionOverrides = {}): Finding[] {
  return analyseGrid(grid, overrides).findings.filter((f) => f.rule === rule);
}

/** "sheet!cell severity expected actual" lines, for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected ?? ''} ${f.actual ?? ''}`.trim());
}
