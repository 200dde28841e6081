/**
 * The fake's recalculation: every formula its calculator understands gets its value; the others
 * keep their cached one. #REF! (a deleted sheet or line) and #NAME? (a French function name typed
 * through `formulas`) are results, as in Excel. Formula cells written while calculation was
 * suspended are skipped: they wait for application.calculate().
 */
import { type Grid, type GridCell, type GridSheet, getCell } from '../../../layout/grid';
import { evaluateFormula } from './formula-eval';
import { checkFormula, outsideStrings } from './formula-syntax';

function isBlank(cell: GridCell): boolean {
  return cell.formula === undefined && cell.error === undefined && (cell.value === null || cell.value === '');
}

export class FakeCalculator {
  /**
   * Results of formulas the calculator cannot compute, as last seen per cell and formula text: when
   * undo writes such a formula back, Excel would compute the same result again; the fake recalls it.
   */
  private readonly knownResults = new Map<string, GridCell>();

  run(grid: Grid, stale: ReadonlySet<GridCell>, idOf: (s: GridSheet) => string): void {
    const lookup = (name: string | null, self: GridSheet, row: number, col: number): number | null => {
      const sheet = name === null ? self : grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!sheet) return null;
      const cell = getCell(sheet, row, col);
      if (!cell || isBlank(cell) || stale.has(cell)) return 0;
      return typeof cell.value === 'number' && !cell.error ? cell.value : null;
    };
    // Three passes settle chains of totals (row → sous-total → total) whatever the cell order.
    for (let pass = 0; pass < 3; pass++) {
      let changed = false;
      for (const sheet of grid.sheets) {
        for (const [row, cols] of sheet.rows) {
          for (const [col, cell] of cols) {
            if (cell.formula === undefined || stale.has(cell) || settleError(cell)) continue;
            const v = evaluateFormula(cell.formula, (n, r, c) => (r === row && c === col && n === null ? null : lookup(n, sheet, r, c)));
            const key = `${idOf(sheet)}:${row}:${col}:${cell.formula}`;
            if (v !== null && (cell.value !== v || cell.error)) {
              cell.value = v;
              delete cell.error;
              changed = true;
            } else if (v === null && cell.value === null && !cell.error) {
              const known = this.knownResults.get(key);
              if (known) {
                cell.value = known.value;
                if (known.error) cell.error = known.error;
              }
            }
            if (cell.value !== null || cell.error) this.knownResults.set(key, { value: cell.value, ...(cell.error ? { error: cell.error } : {}) });
          }
        }
      }
      if (!changed) break;
    }
  }
}

function settleError(cell: GridCell): boolean {
  const formula = cell.formula ?? '';
  const error = outsideStrings(formula).includes('#REF!') ? '#REF!' : !checkFormula(formula).ok ? '#NAME?' : null;
  if (!error) return false;
  cell.value = null;
  cell.error = error;
  return true;
}
