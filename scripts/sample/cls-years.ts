/**
 * Writes the three CLS "Tableau financier" blocks of one year n — prévisionnel n, exécution n
 * (filled in, unlike the seed's template), récapitulatif n / prévisionnel n+1 — in the national
 * model's canonical layout, from per-action figures. Derived columns are formulas with the
 * correct definitions (K = G + J); their cached values come from recalculateSheet. Used to give the
 * mid-term report realistic 2024–2025 execution and to build the clean Départements' workbooks.
 */
import { cellAddress, newSheet, setCell } from '../../src/layout/grid';
import type { GridSheet } from '../../src/layout/grid';
import { AMOUNT_FORMAT } from './build-sample';
import { CLS_AXES, CLS_EXEC_2024, CLS_PREV_2024, CLS_RECAP_2025, CLS_RECAP_TITLE, CLS_TITLE } from './seed-figures';
import { recalculateSheet } from './recalc';

/** One action's figures for year n (whole euros; generated workbooks scale them afterwards). */
export interface ActionYearFigures {
  /** Prévisionnel n: A notifiée, B CD affectés, C autres financeurs. */
  notified: number;
  cdAllocated: number;
  other: number;
  /** Exécution n. */
  paid: number;
  stateSpent: number;
  cdSpent: number;
  carryState: number;
  carryCd: number;
  /** Récapitulatif: E autres financeurs réalisés, then H, J, L for n+1. */
  otherSpent: number;
  nextNotified: number;
  nextCdAllocated: number;
  nextOther: number;
}

export type YearFigures = Record<string, ActionYearFigures>;

/** The seed's headers with their years moved from 2024 to n (and 2025 to n+1). */
function forYear(texts: string[], year: number): string[] {
  return texts.map((t) => t.replace(/2025/g, String(year + 1)).replace(/2024/g, String(year)));
}

interface BlockSpec {
  title: string;
  subtitle: string;
  headers: string[];
  letters: string[];
  ficheCol: number;
  /** One entry per amount column: a number, or a formula builder from the row's amount addresses. */
  cells(f: ActionYearFigures): (number | ((ref: (i: number) => string) => string))[];
}

function blocks(year: number): BlockSpec[] {
  return [
    {
      title: CLS_TITLE,
      subtitle: `Prévisionnel Année ${year}`,
      headers: forYear(CLS_PREV_2024.headers, year),
      letters: CLS_PREV_2024.letters,
      ficheCol: 2,
      cells: (f) => [f.notified, f.cdAllocated, f.other, (r) => `${r(0)}+${r(1)}+${r(2)}`],
    },
    {
      title: CLS_TITLE,
      subtitle: `Exécution budgétaire ${year} à fournir au bilan`,
      headers: forYear(CLS_EXEC_2024.headers, year),
      letters: CLS_EXEC_2024.letters,
      ficheCol: 2,
      // B = versés − A; total réalisé = A + C.
      cells: (f) => [f.paid, f.stateSpent, (r) => `${r(0)}-${r(1)}`, f.cdSpent, (r) => `${r(1)}+${r(3)}`, f.carryState, f.carryCd],
    },
    {
      title: CLS_RECAP_TITLE,
      subtitle: `Prévisionnel Année ${year + 1}`,
      headers: forYear(CLS_RECAP_2025.headers, year),
      letters: CLS_RECAP_2025.letters,
      ficheCol: 3,
      // A B C D E, réalisé = (A − B) + (C − D) + E, F G H, I = F + H, J, K = G + J, L, M = I + K + L.
      cells: (f) => [
        f.paid,
        f.paid - f.stateSpent,
        f.cdAllocated,
        f.cdAllocated - f.cdSpent,
        f.otherSpent,
        (r) => `${r(0)}-${r(1)}+${r(2)}-${r(3)}+${r(4)}`,
        f.carryState,
        f.carryCd,
        f.nextNotified,
        (r) => `${r(6)}+${r(8)}`,
        f.nextCdAllocated,
        (r) => `${r(7)}+${r(10)}`,
        f.nextOther,
        (r) => `${r(9)}+${r(11)}+${r(12)}`,
      ],
    },
  ];
}

/** A "Tableau financier" sheet holding year n's three blocks, cached values computed. */
export function buildClsYearSheet(name: string, year: number, figures: YearFigures): GridSheet {
  const sheet = newSheet(name);
  appendClsYear(sheet, 1, year, figures);
  recalculateSheet(sheet);
  return sheet;
}

/**
 * Writes year n's three blocks from `top` (several years may share a sheet); returns the first row
 * after them and a blank row. The caller recalculates the sheet once it is complete.
 */
export function appendClsYear(sheet: GridSheet, top: number, year: number, figures: YearFigures): number {
  let row = top;
  for (const b of blocks(year)) {
    row = writeBlock(sheet, row, b, figures) + 2;
  }
  const widths = new Map<number, number>([[1, 38], [2, 12], [3, 48]]);
  for (let c = 4; c <= 18; c++) widths.set(c, 18);
  sheet.columnWidths = widths;
  return row;
}

/** Writes one block from `top`; returns its last row. */
function writeBlock(sheet: GridSheet, top: number, b: BlockSpec, figures: YearFigures): number {
  const text = (r: number, c: number, s: string) => s && setCell(sheet, r, c, { value: s });
  let row = top;
  text(row++, 1, b.title);
  text(row++, 1, b.subtitle);
  row++;
  b.letters.forEach((l, i) => text(row, i + 1, l));
  row++;
  b.headers.forEach((h, i) => text(row, i + 1, h));
  row++;
  const first = b.ficheCol + 2;
  const count = b.headers.length - first + 1;
  const amount = (r: number, c: number, v: number | string) =>
    setCell(sheet, r, c, typeof v === 'number' ? { value: v, numFmt: AMOUNT_FORMAT } : { value: null, formula: v, numFmt: AMOUNT_FORMAT });
  const subtotalRows: number[] = [];
  for (const axe of CLS_AXES) {
    const axeFirst = row;
    for (const a of axe.actions) {
      const f = figures[a.fiche];
      if (!f) throw new Error(`no figures for action ${a.fiche}`);
      text(row, b.ficheCol, a.fiche);
      text(row, b.ficheCol + 1, a.intituleT2T3 ?? a.intitule);
      const r = row;
      b.cells(f).forEach((v, i) => amount(r, first + i, typeof v === 'number' ? v : v((k) => cellAddress(r, first + k))));
      row++;
    }
    text(axeFirst, 1, axe.label);
    sheet.merges.push({ top: axeFirst, bottom: row - 1, left: 1, right: 1 });
    text(row, 1, 'Sous total');
    for (let k = 0; k < count; k++) amount(row, first + k, `SUM(${cellAddress(axeFirst, first + k)}:${cellAddress(row - 1, first + k)})`);
    subtotalRows.push(row++);
  }
  text(row, 1, 'TOTAUX FINANCIERS');
  for (let k = 0; k < count; k++) amount(row, first + k, subtotalRows.map((r) => cellAddress(r, first + k)).join('+'));
  return row;
}

const round = (x: number) => Math.round(x);

/**
 * Figures of a year from the allocations and consumption rates: everything not spent is carried
 * over to n+1 (State and CD), nothing else moves. Rates are fractions (0.95 = 95 %).
 */
export function yearFromRates(
  alloc: Record<string, { state: number; cd: number; other?: number }>,
  rates: Record<string, { state: number; cd: number }>,
  next: Record<string, { state: number; cd: number; other?: number }>,
): YearFigures {
  const out: YearFigures = {};
  for (const [fiche, a] of Object.entries(alloc)) {
    const r = rates[fiche];
    const n = next[fiche];
    const stateSpent = round(a.state * r.state);
    const cdSpent = round(a.cd * r.cd);
    out[fiche] = {
      notified: a.state,
      cdAllocated: a.cd,
      other: a.other ?? 0,
      paid: a.state,
      stateSpent,
      cdSpent,
      carryState: a.state - stateSpent,
      carryCd: a.cd - cdSpent,
      otherSpent: 0,
      nextNotified: n.state,
      nextCdAllocated: n.cd,
      nextOther: n.other ?? 0,
    };
  }
  return out;
}

/** The seed's yearly allocation per action (identical 2024–2027, CLS art. 2.2). */
export function seedAllocation(): Record<string, { state: number; cd: number }> {
  const out: Record<string, { state: number; cd: number }> = {};
  for (const axe of CLS_AXES) for (const a of axe.actions) out[a.fiche] = { state: a.etat, cd: a.cd };
  return out;
}

/**
 * A realistic 2024 execution: between 85 % and 100 % of the State credits consumed, the CD never
 * ahead of the State (so the CD keeps at least half of each action's n+1 budget, CLS art. 2.2).
 * 1.1, 1.4 and 3.2 consume all their State credits (no State carry-over).
 */
export const EXECUTION_RATES_2024: Record<string, { state: number; cd: number }> = {
  '1.1': { state: 1, cd: 0.96 },
  '1.2': { state: 0.94, cd: 0.92 },
  '1.3': { state: 0.88, cd: 0.85 },
  '1.4': { state: 1, cd: 1 },
  '1.5': { state: 0.97, cd: 0.95 },
  '3.1': { state: 0.85, cd: 0.84 },
  '3.2': { state: 1, cd: 0.98 },
  '3.3': { state: 0.99, cd: 0.97 },
  '3.4': { state: 0.92, cd: 0.9 },
  '4.1': { state: 0.96, cd: 0.96 },
  '4.2': { state: 0.9, cd: 0.88 },
};
