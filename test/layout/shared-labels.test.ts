/**
 * A CLS block beside another on the same header rows, its header over its amount columns only: its
 * rows are named by the labels of the block on its left (« double-entry » layout). The brief's own
 * reproduction — the side-by-side sample with the exécution's three label columns deleted — and the
 * block with no neighbour to lend it labels.
 */
import { analyseGrid } from '../../src/layout/analyse';
import { type GridSheet, getCell } from '../../src/layout/grid';
import type { SampleBuild } from '../../scripts/sample/build-sample';
import { FAULTS, galleryBuild, signature } from '../fixtures/layout-gallery';

function clsSheet(b: SampleBuild): GridSheet {
  const name = b.at('cls:1:1.1:0').sheet;
  return b.grid.sheets.find((s) => s.name === name) as GridSheet;
}

/** Deletes the cells (and merges) of columns left..right in rows top..bottom. */
function clear(sheet: GridSheet, top: number, bottom: number, left: number, right: number): void {
  for (const [r, cells] of sheet.rows) if (r >= top && r <= bottom) for (let c = left; c <= right; c++) cells.delete(c);
  sheet.merges = sheet.merges.filter((m) => m.bottom < top || m.top > bottom || m.right < left || m.left > right);
}

/** The side-by-side sample with the exécution's label columns (Axe, Fiche, Intitulé) deleted above the récapitulatif. */
function withoutExecutionLabels(fault?: (typeof FAULTS)[keyof typeof FAULTS]): SampleBuild {
  const b = galleryBuild({ sideBySide: true }, fault);
  const p = b.at('cls:1:1.1:0');
  clear(clsSheet(b), 1, b.at('cls:1:total:0').row + 2, p.col - 3, p.col - 1);
  return b;
}

describe('a block without label columns beside another', () => {
  const sideBySide = signature(analyseGrid(galleryBuild({ sideBySide: true }).grid).findings);

  it('the exécution with its label columns deleted reads as with them', () => {
    const a = analyseGrid(withoutExecutionLabels().grid);
    expect(signature(a.findings)).toEqual(sideBySide);
    expect(a.workbook.tables.filter((t) => t.kind.startsWith('cls-')).map((t) => `${t.title} ${t.rows.length}`)).toEqual([
      'Prévisionnel 2024 15', 'Exécution 2024 15', 'Récapitulatif 2024 – prévisionnel 2025 15',
    ]);
    const exec = a.workbook.tables.find((t) => t.kind === 'cls-execution');
    expect(exec?.rows.filter((r) => r.kind === 'detail').map((r) => r.key)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2']);
    expect(exec?.rows.filter((r) => r.kind === 'detail').map((r) => r.group)).toEqual(['1', '1', '1', '1', '1', '3', '3', '3', '3', '4', '4']);
  });

  it('a fault in the exécution is found as with its own labels', () => {
    const withFault = signature(analyseGrid(galleryBuild({ sideBySide: true }, FAULTS.paid).grid).findings);
    expect(signature(analyseGrid(withoutExecutionLabels(FAULTS.paid).grid).findings)).toEqual(withFault);
  });

  it('with no block on its left to name its rows, its header is reported (STRUCT-SHEET), not dropped', () => {
    const b = galleryBuild({ sideBySide: true, sideBySideLabels: 'shared' });
    const sheet = clsSheet(b);
    // The prévisionnel keeps its labels and two amounts: too few columns to read it.
    const budget = b.at('cls:0:1.1:3');
    const other = b.at('cls:0:1.1:2');
    clear(sheet, 1, b.at('cls:0:total:0').row, other.col, budget.col);
    const a = analyseGrid(b.grid);
    const exec = b.at('cls:1:1.1:0');
    const header = [...Array(exec.row).keys()].map((i) => exec.row - i).find((r) => getCell(sheet, r, exec.col)?.value === 'Crédits État versés en 2024') as number;
    const finding = a.findings.find((f) => f.rule === 'STRUCT-SHEET' && f.message.includes('ni les colonnes qui nomment ses lignes'));
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(`cellule ${String.fromCharCode(64 + exec.col)}${header}`);
    expect(a.workbook.tables.some((t) => t.kind === 'cls-execution')).toBe(false);
  });
});
