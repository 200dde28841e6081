/**
 * A whole CLS 2024–2027 workbook, generated: for each year n the three « Tableau financier » blocks
 * (prévisionnel n, exécution n filled in, récapitulatif n / prévisionnel n+1) with carry-overs every
 * year, a « Paramètres » sheet notifying each year's amounts (the avenants), and optionally the
 * « Budgets des fiches » sheet matching the allocations. Figures are kept for the tests to recompute.
 */
import { buildFicheSheet } from '../../scripts/sample/build-sample';
import { appendClsYear, seedAllocation, yearFromRates, type YearFigures } from '../../scripts/sample/cls-years';
import type { SampleFiche } from '../../scripts/sample/fiche-budgets';
import { recalculateSheet } from '../../scripts/sample/recalc';
import { CLS_AXES } from '../../scripts/sample/seed-figures';
import { type Grid, type GridSheet, newSheet, setCell } from '../../src/layout/grid';

export const YEARS = [2024, 2025, 2026, 2027];
export type Allocation = Record<string, { state: number; cd: number }>;

export interface ConventionOptions {
  /** Every year on one « Tableau financier » sheet (default: one sheet per year). */
  oneSheet?: boolean;
  /** 2027 fully consumed: nothing carried into 2028 (default: carry-overs every year, 2027 included). */
  consumed2027?: boolean;
  /** Allocation per year (default: the seed's, every year). */
  alloc?: (year: number) => Allocation;
  /** Paramètres' notified amounts per year (default: the allocation's). */
  notified?: (year: number) => Allocation;
  /** The « Budgets des fiches » sheet, from the allocations. */
  fiches?: boolean;
  /** Years written (default 2024–2027; 2028 adds blocks past the convention). */
  years?: number[];
}

const fiches = CLS_AXES.flatMap((a) => a.actions.map((x) => x.fiche));

/** Consumption rates: 85 % to 99 % of the State credits, the CD never ahead of the State. */
export function ratesOf(year: number, consumed: boolean): Record<string, { state: number; cd: number }> {
  return Object.fromEntries(
    fiches.map((f, i) => {
      if (consumed) return [f, { state: 1, cd: 1 }];
      const state = 0.85 + (((i * 7 + year) % 15) / 100);
      return [f, { state, cd: state - 0.01 * ((i + year) % 3) }];
    }),
  );
}

export interface ConventionWorkbook {
  grid: Grid;
  figures: Record<number, YearFigures>;
}

export function conventionWorkbook(o: ConventionOptions = {}): ConventionWorkbook {
  const years = o.years ?? YEARS;
  const alloc = o.alloc ?? (() => seedAllocation());
  const last = years[years.length - 1];
  const none: Allocation = Object.fromEntries(fiches.map((f) => [f, { state: 0, cd: 0 }]));
  const figures: Record<number, YearFigures> = {};
  for (const y of years) {
    const consumed = o.consumed2027 === true && y === 2027;
    figures[y] = yearFromRates(alloc(y), ratesOf(y, consumed), y < last ? alloc(y + 1) : none);
  }
  const sheets: GridSheet[] = [];
  if (o.oneSheet) {
    const sheet = newSheet('Tableau financier');
    let row = 1;
    for (const y of years) row = appendClsYear(sheet, row, y, figures[y]);
    recalculateSheet(sheet);
    sheets.push(sheet);
  } else {
    for (const y of years) {
      const sheet = newSheet(`Tableau financier ${y}`);
      appendClsYear(sheet, 1, y, figures[y]);
      recalculateSheet(sheet);
      sheets.push(sheet);
    }
  }
  sheets.push(paramsSheet(o.notified ?? alloc));
  if (o.fiches) sheets.push(buildFicheSheet(fichesFrom(alloc)));
  return { grid: { sheets }, figures };
}

function paramsSheet(notified: (year: number) => Allocation): GridSheet {
  const sheet = newSheet('Paramètres');
  const rows: [string, string | number | Date][] = [
    ['Paramètre', 'Valeur'],
    ['CLS date de début', new Date(Date.UTC(2024, 0, 1))],
    ['CLS date de fin', new Date(Date.UTC(2027, 11, 31))],
  ];
  for (const y of YEARS) {
    const a = notified(y);
    let total = 0;
    for (const axe of CLS_AXES) {
      const sum = axe.actions.reduce((s, x) => s + a[x.fiche].state, 0);
      total += sum;
      rows.push([`CLS État notifié ${y} axe ${axe.actions[0].fiche.split('.')[0]}`, sum]);
    }
    rows.push([`CLS État notifié ${y} total`, total]);
  }
  rows.forEach(([k, v], i) => {
    setCell(sheet, i + 1, 1, { value: k });
    setCell(sheet, i + 1, 2, v instanceof Date ? { value: v, numFmt: 'dd/mm/yyyy' } : { value: v });
  });
  return sheet;
}

function fichesFrom(alloc: (year: number) => Allocation): SampleFiche[] {
  return CLS_AXES.flatMap((axe) =>
    axe.actions.map((a): SampleFiche => {
      const years = Object.fromEntries(YEARS.map((y) => [y, [alloc(y)[a.fiche].state, alloc(y)[a.fiche].cd, alloc(y)[a.fiche].state + alloc(y)[a.fiche].cd]]));
      const total = [0, 1, 2].map((k) => YEARS.reduce((s, y) => s + (years[y][k] as number), 0));
      return { fiche: a.fiche, title: a.intitule, headers: ['Etat', 'Conseil départemental', 'Total'], years, total, subActions: [] };
    }),
  );
}
