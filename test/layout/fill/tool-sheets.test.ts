/**
 * `fill` owns « Contrôles » and « Etat des dépenses VOLET 1/2/3 » and rebuilds them at every fill.
 * A sheet of the user bearing one of those names (in any case) is kept as it is; the tool's sheet
 * takes « … (2) » and the description says so. A second fill replaces the tool's « … (2) ».
 */
import { mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { analyseGrid } from '../../../src/layout/analyse';
import { applyPlanToGrid, claimToolSheets, planControlsSheet, planFill, planVoletTemplates } from '../../../src/layout/fill';
import { type Grid, getCell, newSheet, setCell } from '../../../src/layout/grid';
import { runMain as run } from '../../helpers/run-main';
import { readXlsxFile } from '../../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../../src/adapters/xlsx/write-xlsx';

function withUserSheet(grid: Grid, name: string, text = 'Mes contrôles à moi'): Grid {
  const sheet = newSheet(name);
  setCell(sheet, 1, 1, { value: text });
  setCell(sheet, 2, 2, { value: 42 });
  grid.sheets.push(sheet);
  return grid;
}

const names = (g: Grid) => g.sheets.map((s) => s.name);

describe('claimToolSheets', () => {
  it('no sheet of that name: the plan is unchanged', () => {
    const grid = buildSampleGrid();
    const plan = planControlsSheet(analyseGrid(grid));
    expect(claimToolSheets(grid, plan)).toEqual({ plan, renamed: [] });
  });

  it.each(['Contrôles', 'CONTRÔLES', 'contrôles'])('a user’s « %s » is kept; the tool’s sheet is « Contrôles (2) », said in the description', (name) => {
    const grid = withUserSheet(buildSampleGrid(), name);
    const { plan, renamed } = claimToolSheets(grid, planControlsSheet(analyseGrid(grid)));
    expect(renamed).toEqual([{ wanted: 'Contrôles', userSheet: name, used: 'Contrôles (2)' }]);
    expect(plan.createSheets.map((s) => s.name)).toEqual(['Contrôles (2)']);
    expect(new Set(plan.writes.map((w) => w.sheet))).toEqual(new Set(['Contrôles (2)']));
    expect(plan.description).toContain(`La feuille « ${name} » du classeur n’est pas celle de l’outil : elle est conservée telle quelle, et la feuille de l’outil s’appelle « Contrôles (2) ».`);
    const after = applyPlanToGrid(grid, plan);
    const user = after.sheets.find((s) => s.name === name)!;
    expect(getCell(user, 1, 1)?.value).toBe('Mes contrôles à moi');
    expect(getCell(user, 2, 2)?.value).toBe(42);
  });

  it('the tool’s own sheet of an earlier fill is replaced, not renamed', () => {
    const first = planFill(buildSampleGrid()).filled;
    expect(claimToolSheets(first, planControlsSheet(analyseGrid(first))).renamed).toEqual([]);
    expect(claimToolSheets(first, planVoletTemplates(first, analyseGrid(first))).renamed).toEqual([]);
  });

  it('a user’s « Etat des dépenses VOLET 2 » and « Contrôles (2) »: the tool takes the next free names', () => {
    const grid = withUserSheet(withUserSheet(withUserSheet(buildSampleGrid(), 'Etat des dépenses VOLET 2', 'Mon état'), 'Contrôles'), 'Contrôles (2)');
    const fill = planFill(grid);
    expect(fill.renamed.map((r) => `${r.userSheet} → ${r.used}`)).toEqual(['Etat des dépenses VOLET 2 → Etat des dépenses VOLET 2 (2)', 'Contrôles → Contrôles (3)']);
    expect(names(fill.filled)).toEqual([
      ...names(grid),
      'Etat des dépenses VOLET 1',
      'Etat des dépenses VOLET 2 (2)',
      'Etat des dépenses VOLET 3',
      'Bilan financier FT',
      'Contrôles (3)',
    ]);
    expect(getCell(fill.filled.sheets.find((s) => s.name === 'Etat des dépenses VOLET 2')!, 1, 1)?.value).toBe('Mon état');
    // The bilan reads the tool's statement under its new name, never the user's sheet.
    const bilan = fill.filled.sheets.find((s) => s.name === 'Bilan financier FT')!;
    const formulas = [...bilan.rows.values()].flatMap((cols) => [...cols.values()]).map((c) => c.formula ?? '');
    expect(formulas.filter((f) => f.includes("'Etat des dépenses VOLET 2'!"))).toEqual([]);
    expect(formulas.filter((f) => f.includes("'Etat des dépenses VOLET 2 (2)'!")).length).toBeGreaterThan(0);
    // Findings on the statement name the sheet the tool wrote, and a second fill reuses the names.
    const again = planFill(fill.filled);
    expect(again.renamed.map((r) => r.used)).toEqual(['Etat des dépenses VOLET 2 (2)', 'Contrôles (3)']);
    expect(names(again.filled)).toEqual(names(fill.filled));
  });

  it('names stay within Excel’s 31 characters', () => {
    const long = 'Etat des dépenses VOLET 2';
    const grid = buildSampleGrid();
    for (const n of [long, `${long} (2)`, `${long} (3)`, `${long} (4)`, `${long} (5)`, `${long} (6)`, `${long} (7)`, `${long} (8)`, `${long} (9)`]) withUserSheet(grid, n, 'à moi');
    const { renamed } = claimToolSheets(grid, planVoletTemplates(grid, analyseGrid(grid)));
    expect(renamed.map((r) => r.used)).toEqual(['Etat des dépenses VOLET 2 (10)']);
    expect(renamed[0].used.length).toBeLessThanOrEqual(31);
  });
});

describe('annexes fill with a user sheet bearing a tool sheet’s name', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'annexes-toolsheets-'));


  it('keeps the user’s « Contrôles » and the formula pointing to it; says so; a second fill replaces its own « Contrôles (2) »', async () => {
    const grid = withUserSheet(buildSampleGrid(), 'Contrôles');
    setCell(grid.sheets.find((s) => s.name === 'Paramètres')!, 1, 5, { formula: "'Contrôles'!B2", value: 42 });
    const input = path.join(dir, 'entree.xlsx');
    await writeXlsxFile(grid, input);
    const before = readFileSync(input);
    const out = path.join(dir, 'rempli.xlsx');
    const r = await run(['fill', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('La feuille « Contrôles » du classeur n’est pas celle de l’outil : elle est conservée telle quelle, et la feuille de l’outil s’appelle « Contrôles (2) ».');
    const back = await readXlsxFile(out);
    expect(getCell(back.sheets.find((s) => s.name === 'Contrôles')!, 1, 1)?.value).toBe('Mes contrôles à moi');
    expect(getCell(back.sheets.find((s) => s.name === 'Contrôles (2)')!, 1, 1)?.value).toBe('Contrôles des annexes financières');
    expect(getCell(back.sheets.find((s) => s.name === 'Paramètres')!, 1, 5)).toMatchObject({ formula: "'Contrôles'!B2" });
    expect(readFileSync(input).equals(before)).toBe(true);

    const out2 = path.join(dir, 'rempli-2.xlsx');
    expect((await run(['fill', out, '-o', out2])).code).toBe(0);
    const names2 = (await readXlsxFile(out2)).sheets.map((s) => s.name);
    expect(names2.filter((n) => n.startsWith('Contrôles'))).toEqual(['Contrôles', 'Contrôles (2)']);
  });
});
