/**
 * readWorkbook on the stricter fake: the grid the engine gets from Office.js is the workbook's, in a
 * number of round trips that grows with the size in 4 MB answers only, and never a request Excel
 * would refuse — a 20 000-row journal (every answer under 5 MB), 600 merged areas (512 per call at
 * most), one stray cell at Z300000 (5 000 000 cells per read at most).
 */
import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { dateToSerial } from '../../../src/adapters/office/cell-values';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import { frenchErrorMessage } from '../../../src/adapters/office/office-errors';
import { readWorkbook } from '../../../src/adapters/office/read-workbook';
import { analyseGrid } from '../../../src/layout/analyse';
import { type Grid, type GridSheet, getCell, newSheet, setCell } from '../../../src/layout/grid';
import { cellCount, largeSample, officeView } from './office-view';


const FIVE_MB = 5 * 1024 * 1024;

/** A « Journal des dépenses » of n rows: dates, long labels, suppliers, amounts, a formula column. */
function journal(rows: number): GridSheet {
  const s = newSheet('Journal des dépenses');
  ['Date', 'Fiche action', 'Volet', 'Nature de la dépense', 'Fournisseur', 'N° de pièce', 'Montant HT', 'TVA', 'Montant TTC', 'Observations'].forEach((h, i) => setCell(s, 1, i + 1, { value: h }));
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    setCell(s, r, 1, { value: 45292 + (i % 366), numFmt: 'dd/mm/yyyy' });
    setCell(s, r, 2, { value: `FA ${1 + (i % 8)}.${1 + (i % 5)}` });
    setCell(s, r, 3, { value: 1 + (i % 3) });
    setCell(s, r, 4, { value: `Prestation d’accompagnement socioprofessionnel n° ${i} — atelier collectif` });
    setCell(s, r, 5, { value: `Association d’insertion du Pas-de-Calais ${i % 97}` });
    setCell(s, r, 6, { value: `F-2024-${String(i).padStart(6, '0')}` });
    setCell(s, r, 7, { value: 1000 + (i % 500) + 0.25, numFmt: '#,##0.00 "€"' });
    setCell(s, r, 8, { value: 200.05, numFmt: '#,##0.00 "€"' });
    setCell(s, r, 9, { value: 1000 + (i % 500) + 200.3, formula: `G${r}+H${r}`, numFmt: '#,##0.00 "€"' });
  }
  return s;
}

describe('readWorkbook', () => {
  test('reads the sample as Office.js shows it, in 3 round trips, and gives the engine the file reader’s findings', async () => {
    const sample = buildSampleGrid();
    const host = createFakeOfficeHost(buildSampleGrid());
    const grid = await readWorkbook(host.globals.excel);
    expect(grid).toEqual(officeView(sample));
    expect(host.excel.syncCount).toBe(3); // sheets; used ranges and merges; cells
    const brief = (g: Grid) => analyseGrid(g).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(brief(grid)).toEqual(brief(sample));
  });

  test('a 20 000-row journal: every answer under 5 MB, the journal read whole', async () => {
    const source: Grid = { sheets: [journal(20000)] };
    const host = createFakeOfficeHost({ sheets: [journal(20000)] });
    const grid = await readWorkbook(host.globals.excel);
    const biggest = Math.max(...host.excel.syncs.map((s) => s.responseBytes));
    const total = host.excel.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(biggest).toBeLessThan(FIVE_MB);
    expect(total).toBeGreaterThan(FIVE_MB); // in one round trip, Excel on the web would have refused it
    expect(grid).toEqual(officeView(source));
    expect(host.excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(total / (3 * 1024 * 1024)) + 1);
  });

  test('when Excel refuses an answer as too large all the same, the read is made again in smaller parts', async () => {
    const host = createFakeOfficeHost({ sheets: [journal(3000)] });
    host.excel.maxResponseBytes = 300 * 1024; // a stricter host than our estimate
    const grid = await readWorkbook(host.globals.excel);
    expect(cellCount(grid)).toBe(cellCount(officeView({ sheets: [journal(3000)] })));
    expect(host.excel.syncs.some((s) => s.responseBytes > 300 * 1024)).toBe(true); // the refused ones
  });

  test('600 merged areas are read, in bands of at most 512', async () => {
    const s = newSheet('Etat des dépenses VOLET 1');
    for (let i = 0; i < 600; i++) {
      setCell(s, 2 * i + 1, 1, { value: `Action ${i}` });
      s.merges.push({ top: 2 * i + 1, left: 1, bottom: 2 * i + 2, right: 3 });
    }
    const host = createFakeOfficeHost({ sheets: [s] });
    const grid = await readWorkbook(host.globals.excel);
    const merges = grid.sheets[0].merges;
    expect(merges).toHaveLength(600);
    expect(new Set(merges.map((m) => `${m.top}:${m.left}`)).size).toBe(600);
  });

  test('one stray cell at Z300000: read, in reads of at most 5 000 000 cells and answers under 5 MB', async () => {
    const make = () => {
      const g = buildSampleGrid();
      setCell(g.sheets[0], 300000, 26, { value: 'note oubliée' });
      return g;
    };
    const host = createFakeOfficeHost(make());
    const grid = await readWorkbook(host.globals.excel);
    expect(getCell(grid.sheets[0], 300000, 26)).toEqual({ value: 'note oubliée' });
    expect(grid).toEqual(officeView(make()));
    expect(Math.max(...host.excel.syncs.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB);
    expect(host.excel.syncCount).toBeLessThanOrEqual(6);
  });

  test('a refusal for size is said for what it is, not blamed on Excel on the web', () => {
    expect(frenchErrorMessage({ code: 'RangeExceedsLimit' })).toMatch(/5 000 000/);
    expect(frenchErrorMessage({ code: 'RangeExceedsLimit' })).not.toMatch(/sur le web/);
    expect(frenchErrorMessage({ code: 'ResponsePayloadSizeLimitExceeded' })).toMatch(/5 Mo/);
  });

  test('a workbook 100 times the sample (900 merged areas in a sheet): read whole, answers under 5 MB', async () => {
    const big = largeSample(100);
    const cells = cellCount(big);
    const host = createFakeOfficeHost(big);
    const grid = await readWorkbook(host.globals.excel);
    expect(cellCount(grid)).toBe(cells);
    expect(grid.sheets.map((s) => s.merges.length)).toEqual(largeSample(100).sheets.map((s) => s.merges.length));
    expect(Math.max(...host.excel.syncs.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB);
  });

  test('errors come from valueTypes (a text "#REF!" stays text); add-in sheets skipped, hidden sheets kept', async () => {
    const grid = buildSampleGrid();
    const params = grid.sheets.find((s) => s.name === 'Paramètres')!;
    params.state = 'hidden';
    params.rows.get(2)!.set(5, { value: null, formula: 'B2/0', error: '#DIV/0!' });
    params.rows.get(2)!.set(6, { value: '#REF!' }); // text typed with a quote prefix
    params.rows.get(2)!.set(7, { value: '=B2+1' });
    grid.sheets.push({ name: '_annexes_annulation', rows: new Map([[1, new Map([[1, { value: '{}' }]])]]), merges: [], state: 'veryHidden' });
    grid.sheets.push({ name: 'Vide', rows: new Map(), merges: [] });
    const host = createFakeOfficeHost(grid);
    const read = await readWorkbook(host.globals.excel);
    const p = read.sheets.find((s) => s.name === 'Paramètres')!;
    expect(p.state).toBe('hidden');
    expect(p.rows.get(2)!.get(5)).toEqual({ value: null, formula: 'B2/0', error: '#DIV/0!' });
    expect(p.rows.get(2)!.get(6)).toEqual({ value: '#REF!' });
    expect(p.rows.get(2)!.get(7)).toEqual({ value: '=B2+1' });
    expect(read.sheets.map((s) => s.name)).not.toContain('_annexes_annulation');
    expect(read.sheets.find((s) => s.name === 'Vide')!.rows.size).toBe(0);
  });

  test('a 1904 workbook: dates are read on the 1900 count the readers use (not four years off)', async () => {
    const s = newSheet('Paramètres');
    setCell(s, 1, 1, { value: 'CLS date de fin' });
    setCell(s, 1, 2, { value: dateToSerial(new Date(Date.UTC(2026, 11, 31))) - 1462, numFmt: 'dd/mm/yyyy' }); // 31/12/2026 in the 1904 system
    setCell(s, 2, 1, { value: 'Seuil' });
    setCell(s, 2, 2, { value: 1500, numFmt: '#,##0.00' }); // not a date: untouched
    const host = createFakeOfficeHost({ sheets: [s] });
    host.excel.model.date1904 = true;
    const read = await readWorkbook(host.globals.excel);
    expect(getCell(read.sheets[0], 1, 2)).toEqual({ value: dateToSerial(new Date(Date.UTC(2026, 11, 31))), numFmt: 'dd/mm/yyyy' });
    expect(getCell(read.sheets[0], 2, 2)).toEqual({ value: 1500, numFmt: '#,##0.00' });
    expect(analyseGrid(read).workbook.params.clsEnd?.toISOString().slice(0, 10)).toBe('2026-12-31');
  });
});
