import {
  AMOUNT_FORMAT, CLS_SHEET, FT_SHEET, PARAMS_SHEET, PLAN_ACTION_SHEET, buildSampleGrid, frenchAmountText,
} from '../../scripts/sample/build-sample';
import type { SampleLayout } from '../../scripts/sample/build-sample';
import { CLS_AXES, CLS_RECAP_2025, FT_VOLETS, isVoletTotal } from '../../scripts/sample/seed-figures';
import { LOCAL_INDICATORS_SHEET, NATIONAL_INDICATORS_SHEET } from '../../scripts/sample/indicators';
import { JOURNAL_SHEET } from '../../scripts/sample/journal';
import { FICHE_BUDGET_SHEET } from '../../scripts/sample/fiche-budgets';
import { cellAddress, getCell, parseAddress } from '../../src/layout/grid';
import type { Grid, GridCell, GridSheet } from '../../src/layout/grid';
import { signedRefs } from '../../src/layout/formula';
import { parseFrenchAmount } from '../../src/domain/money';

interface Located {
  row: number;
  col: number;
  cell: GridCell;
}

function allCells(sheet: GridSheet): Located[] {
  const out: Located[] = [];
  for (const [row, cols] of sheet.rows) for (const [col, cell] of cols) out.push({ row, col, cell });
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

function sheet(grid: Grid, name: string): GridSheet {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function findText(s: GridSheet, text: string): Located[] {
  return allCells(s).filter((x) => x.cell.value === text);
}

function findOne(s: GridSheet, text: string): Located {
  const found = findText(s, text);
  if (found.length === 0) throw new Error(`"${text}" not found in ${s.name}`);
  return found[0];
}

/** An amount as a reader would take it: a number, or French text ending in "€"; null otherwise. */
function amountOf(cell: GridCell | undefined): number | null {
  if (!cell || cell.value === null) return null;
  if (typeof cell.value === 'number') return cell.value;
  if (typeof cell.value === 'string' && /€$/.test(cell.value)) {
    const m = parseFrenchAmount(cell.value);
    return m ? m.toNumber() : null;
  }
  return null;
}

/** Recomputes a sum formula from the cells it points at (blank and label cells count 0, as SUM does). */
function evaluate(s: GridSheet, formula: string): number {
  const refs = signedRefs(formula);
  if (!refs) throw new Error(`unexpected formula ${formula}`);
  return refs.reduce((sum, r) => sum + r.sign * (amountOf(getCell(s, r.row, r.col)) ?? 0), 0);
}

/** Every figure of the workbook (typed or cached, numbers or text amounts), sorted. */
function figures(grid: Grid): number[] {
  const out: number[] = [];
  for (const s of grid.sheets) for (const { cell } of allCells(s)) {
    const a = amountOf(cell);
    if (a !== null) out.push(a);
  }
  return out.sort((a, b) => a - b);
}

const VARIANTS: Record<string, SampleLayout> = {
  canonical: {},
  offsets: { rowOffset: 3, colOffset: 2 },
  blankRows: { blankRows: true },
  wrapHeaders: { wrapHeaders: true },
  noAccents: { noAccents: true },
  textAmounts: { textAmounts: true },
  unmerged: { mergeAxe: false },
  renamed: { sheetSuffix: ' 2025', renameFtSheet: 'Plan de financement FT' },
  everything: {
    rowOffset: 2, colOffset: 1, blankRows: true, wrapHeaders: true, noAccents: true, textAmounts: true,
    mergeAxe: false, sheetSuffix: ' 2025', renameFtSheet: 'Plan de financement FT',
  },
};

describe('canonical sample', () => {
  const grid = buildSampleGrid();
  const cls = sheet(grid, CLS_SHEET);
  const ft = sheet(grid, FT_SHEET);

  test('sheets in order', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual([CLS_SHEET, FT_SHEET, PLAN_ACTION_SHEET, PARAMS_SHEET, LOCAL_INDICATORS_SHEET, NATIONAL_INDICATORS_SHEET, JOURNAL_SHEET, FICHE_BUDGET_SHEET]);
  });

  test('T1 TOTAUX FINANCIERS: 3 342 548 State and CD, 6 685 096 overall, as sums of the sous totals', () => {
    const totaux = findText(cls, 'TOTAUX FINANCIERS');
    expect(totaux.map((t) => t.row)).toEqual([20, 42, 64]);
    expect(getCell(cls, 20, 4)).toEqual({ value: 3342548, formula: 'D11+D16+D19', numFmt: AMOUNT_FORMAT });
    expect(getCell(cls, 20, 5)?.value).toBe(3342548);
    expect(getCell(cls, 20, 6)?.value).toBe(0);
    expect(getCell(cls, 20, 7)).toMatchObject({ value: 6685096, formula: 'G11+G16+G19' });
    expect(getCell(cls, 6, 7)).toMatchObject({ value: 1236000, formula: 'D6+E6+F6' });
    expect(getCell(cls, 6, 6)).toBeUndefined(); // C blank on action rows, as printed
  });

  test('T2 is the unfinished template: only versés on action rows, typed 7/3/3/5-cell totals', () => {
    const header = findOne(cls, 'Crédits État versés en 2024');
    expect(header.row).toBe(27);
    for (let r = 28; r <= 41; r++) {
      const filled = [...(cls.rows.get(r)?.keys() ?? [])].filter((c) => c >= 4);
      const label = getCell(cls, r, 1)?.value;
      if (label === 'Sous total') expect(filled.length).toBe(r === 33 ? 7 : 3);
      else expect(filled).toEqual([4]);
    }
    expect([...(cls.rows.get(42)?.keys() ?? [])].filter((c) => c >= 4)).toHaveLength(5);
    expect(allCells(cls).filter((x) => x.row >= 23 && x.row <= 42 && x.cell.formula)).toEqual([]);
  });

  test('T3 values are the printed figures, and K = G+I (the printed defect)', () => {
    const kHeader = findOne(cls, 'Budget total CD prévu pour 2025 (G+I)');
    const gCol = findText(cls, 'Montant à reporter en 2025 - Part CD').find((x) => x.row === kHeader.row)!.col;
    const iCol = findOne(cls, 'Budget total État prévu pour 2025 (F+H)').col;
    expect([kHeader.row, gCol, iCol, kHeader.col]).toEqual([49, 12, 14, 16]);
    let checked = 0;
    let subtotal = 0;
    for (let r = kHeader.row + 1; r <= 64; r++) {
      const fiche = getCell(cls, r, 3)?.value as string | undefined;
      const label = getCell(cls, r, 1)?.value;
      const printed = fiche
        ? CLS_RECAP_2025.rows[fiche]
        : label === 'Sous total'
          ? CLS_RECAP_2025.subtotals[subtotal++]
          : CLS_RECAP_2025.totaux;
      expect(Array.from({ length: 14 }, (_, k) => getCell(cls, r, 5 + k)?.value)).toEqual(printed);
      if (fiche) {
        expect(getCell(cls, r, kHeader.col)?.formula).toBe(`${cellAddress(r, gCol)}+${cellAddress(r, iCol)}`);
        checked++;
      }
    }
    expect(checked).toBe(11);
  });

  test('axe labels merged over their action rows', () => {
    expect(cls.merges).toContainEqual({ top: 6, bottom: 10, left: 1, right: 1 });
    expect(findText(cls, CLS_AXES[0].label).map((x) => x.row)).toEqual([6, 28, 50]);
  });

  test('FT totals: printed group totals, 4 125 892 volet total and besoins, 135 000 volet 1', () => {
    const besoins1 = findOne(ft, 'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 1 :');
    expect(getCell(ft, besoins1.row, 7)).toMatchObject({ value: 135000, formula: 'G7+G9' });
    const besoins2 = findOne(ft, 'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 2 :');
    expect(getCell(ft, besoins2.row, 7)).toMatchObject({ value: 4125892, formula: 'G20+G23+G28+G31' });
    const besoins3 = findOne(ft, 'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 3 :');
    expect(getCell(ft, besoins3.row, 7)).toBeUndefined();
    expect(getCell(ft, 29, 1)?.value).toBe('Total');
    expect(getCell(ft, 29, 7)).toMatchObject({ value: 4125892, formula: 'SUM(G17:G19,G21:G22,G24:G27)' });
    expect(getCell(ft, 28, 8)?.value).toBe('Quitter');
    expect(getCell(ft, 2, 2)?.value).toBe(135000);
    expect(getCell(ft, 14, 2)?.value).toBe(4125892);

    // Every printed group total is what the SUM of its detail rows gives.
    const printed = FT_VOLETS.flatMap((v) => v.items.flatMap((it) => (isVoletTotal(it) ? [] : it.totals)))
      .filter((t) => t.montant !== undefined)
      .map((t) => t.montant);
    const written = allCells(ft)
      .filter((x) => x.col === 2 && /^total/i.test(String(x.cell.value)) && getCell(ft, x.row, 7))
      .map((x) => getCell(ft, x.row, 7)!.value);
    expect(written).toEqual(printed);
  });

  test('FT quantities are text as printed, Delta "3030 places" kept', () => {
    const delta = findOne(ft, '3030 places');
    expect(delta.col).toBe(6);
    expect(getCell(ft, delta.row, 4)?.value).toBe('700 places');
    expect(getCell(ft, delta.row, 5)?.value).toBe('1030 places');
    expect(findOne(ft, '630 place').col).toBe(5);
    expect(findOne(ft, '2,20ETP').col).toBe(5);
  });

  test('Plan d\'action: montant = État+CD+autres, TOTAL 8 386 784', () => {
    const pa = sheet(grid, PLAN_ACTION_SHEET);
    const total = findOne(pa, 'TOTAL');
    expect(getCell(pa, total.row, 8)).toMatchObject({ value: 8386784, formula: `SUM(H3:H${total.row - 1})` });
    expect(getCell(pa, total.row, 4)?.value).toBe(4260892);
    expect(getCell(pa, total.row, 5)?.value).toBe(4025892);
    const fa25 = findOne(pa, '2.5');
    expect(getCell(pa, fa25.row, 8)).toMatchObject({ value: 1622000, formula: `D${fa25.row}+E${fa25.row}+F${fa25.row}` });
    expect(getCell(pa, findOne(pa, '2.8').row, 8)).toBeUndefined();
  });

  test('Paramètres hold dates, percentages and the FSE+ reading', () => {
    const p = sheet(grid, PARAMS_SHEET);
    expect(getCell(p, findOne(p, 'CLS date de fin').row, 2)?.value).toEqual(new Date('2027-12-31T00:00:00Z'));
    expect(getCell(p, findOne(p, 'Part CD minimale').row, 2)).toEqual({ value: 0.5, numFmt: '0%' });
    expect(getCell(p, findOne(p, 'FSE+ valorisation comptée comme CD').row, 2)?.value).toBe('non');
  });
});

describe.each(Object.entries(VARIANTS))('variant %s', (_name, layout) => {
  const grid = buildSampleGrid(layout);

  test('every formula recomputes to its cached value from the cells it points at', () => {
    let count = 0;
    for (const s of grid.sheets) for (const { cell } of allCells(s)) {
      if (cell.formula === undefined) continue;
      expect(evaluate(s, cell.formula)).toBe(cell.value);
      count++;
    }
    expect(count).toBe(buildSampleGrid().sheets.reduce((n, s) => n + allCells(s).filter((x) => x.cell.formula).length, 0));
  });

  test('same figures as the canonical layout', () => {
    expect(figures(grid)).toEqual(figures(buildSampleGrid()));
  });

  test('same defects: Delta "3030 places", K header (G+I), only versés in T2 action rows', () => {
    const texts = grid.sheets.flatMap((s) => allCells(s).map((x) => String(x.cell.value)));
    expect(texts).toContain('3030 places');
    expect(texts.some((t) => t.replace(/\s+/g, ' ').includes('(G+I)'))).toBe(true);
    expect(texts.filter((t) => t === 'Quitter')).toHaveLength(1);
  });

  test('merges never overlap (Excel refuses overlapping merges)', () => {
    for (const s of grid.sheets) {
      const seen = new Set<string>();
      for (const m of s.merges) {
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) {
          const key = `${r}:${c}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          if (r !== m.top || c !== m.left) expect(getCell(s, r, c)).toBeUndefined();
        }
      }
    }
  });
});

describe('layout variants do what they say', () => {
  const canonical = buildSampleGrid();

  test('rowOffset/colOffset move every cell, merge and formula address', () => {
    const shifted = buildSampleGrid({ rowOffset: 3, colOffset: 2 });
    const shift = (f: string) =>
      f.replace(/\b([A-Z]{1,3}\d+)\b/g, (a) => {
        const p = parseAddress(a)!;
        return cellAddress(p.row + 3, p.col + 2);
      });
    canonical.sheets.forEach((s, i) => {
      const t = shifted.sheets[i];
      for (const { row, col, cell } of allCells(s)) {
        const moved = getCell(t, row + 3, col + 2);
        expect(moved?.value).toEqual(cell.value);
        expect(moved?.formula).toEqual(cell.formula === undefined ? undefined : shift(cell.formula));
      }
      expect(allCells(t)).toHaveLength(allCells(s).length);
      expect(t.merges).toEqual(s.merges.map((m) => ({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 2, right: m.right + 2 })));
    });
  });

  test('blankRows: a blank row under each header and inside the action lists', () => {
    const g = buildSampleGrid({ blankRows: true });
    const cls = sheet(g, CLS_SHEET);
    const header = findOne(cls, 'Axes de la contractualisation');
    expect(cls.rows.get(header.row + 1)).toBeUndefined();
    const r12 = findOne(cls, '1.2').row;
    expect(cls.rows.get(r12 + 1)).toBeUndefined();
    expect(getCell(cls, r12 + 2, 2)?.value).toBe('1.3');
    expect(cls.merges[0]).toEqual({ top: header.row + 2, bottom: header.row + 7, left: 1, right: 1 });
  });

  test('wrapHeaders: long headers split over two cells, short ones broken inside the cell', () => {
    const cls = sheet(buildSampleGrid({ wrapHeaders: true }), CLS_SHEET);
    expect(findText(cls, "Budget global de l'action prévu en 2024 (A+B+C)")).toEqual([]);
    const upper = findOne(cls, "Budget global de l'action");
    expect(getCell(cls, upper.row + 1, upper.col)?.value).toBe('prévu en 2024 (A+B+C)');
    expect(findText(cls, 'Fiche\naction N°')).toHaveLength(3);
    const recapNote = findOne(cls, 'une ligne par action financée');
    expect(getCell(cls, recapNote.row - 1, recapNote.col)?.value).toBe('Intitulé de l’action');
  });

  test('noAccents: no accent anywhere in the cells, titles upper-cased', () => {
    const g = buildSampleGrid({ noAccents: true });
    for (const s of g.sheets) for (const { cell } of allCells(s)) {
      if (typeof cell.value === 'string') expect(cell.value.normalize('NFD')).not.toMatch(/[\u0300-\u036f]/);
    }
    const cls = sheet(g, CLS_SHEET);
    findOne(cls, 'TABLEAU FINANCIER RECAPITULATIF DU CONTRAT LOCAL DES SOLIDARITES - REGION HDF - DEPARTEMENT DU PAS-DE-CALAIS');
    findOne(cls, 'Budget total Etat prevu pour 2025 (F+H)');
    findOne(sheet(g, FT_SHEET), 'CONSTRUCTION DU PLAN DE FINANCEMENT - VOLET 2 - PERIODE DU 01/01/24 AU 31/12/24');
  });

  test('textAmounts: typed amounts become French text with cycling separators, formulas stay numbers', () => {
    const g = buildSampleGrid({ textAmounts: true });
    const seps = new Set<string>();
    for (const s of g.sheets) for (const { cell } of allCells(s)) {
      if (cell.formula !== undefined) expect(typeof cell.value).toBe('number');
      else if (cell.numFmt === AMOUNT_FORMAT) throw new Error('typed amount left as a number');
      if (typeof cell.value === 'string' && /€$/.test(cell.value) && cell.formula === undefined) {
        const m = /^\d{1,3}(?:([ \u00A0\u202F])\d{3})*,00 €$/.exec(cell.value);
        if (m?.[1]) seps.add(m[1]);
      }
    }
    expect(seps).toEqual(new Set([' ', '\u00A0', '\u202F']));
    const cls = sheet(g, CLS_SHEET);
    expect(String(getCell(cls, 6, 4)?.value).replace(/[\u00A0\u202F]/g, ' ')).toBe('618 000,00 €');
  });

  test('mergeAxe false writes each axe label once per block, unmerged', () => {
    const cls = sheet(buildSampleGrid({ mergeAxe: false }), CLS_SHEET);
    expect(cls.merges).toEqual([]);
    for (const axe of CLS_AXES) expect(findText(cls, axe.label)).toHaveLength(3);
  });

  test('sheetSuffix and renameFtSheet rename the sheets', () => {
    const g = buildSampleGrid({ sheetSuffix: ' 2025', renameFtSheet: 'Plan de financement FT' });
    expect(g.sheets.map((s) => s.name)).toEqual(['Tableau financier 2025', 'Plan de financement FT', PLAN_ACTION_SHEET, PARAMS_SHEET, LOCAL_INDICATORS_SHEET, NATIONAL_INDICATORS_SHEET, JOURNAL_SHEET, FICHE_BUDGET_SHEET]);
  });

  test('frenchAmountText', () => {
    expect(frenchAmountText(1236000, ' ')).toBe('1 236 000,00 €');
    expect(frenchAmountText(0, '\u00A0')).toBe('0,00 €');
    expect(frenchAmountText(46780, '\u202F')).toBe('46\u202F780,00 €');
    expect(() => frenchAmountText(0.5, ' ')).toThrow();
  });
});
