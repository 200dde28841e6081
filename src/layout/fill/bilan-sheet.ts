import Decimal from 'decimal.js';
import { frenchDate } from '../../domain/dates';
import type { CellRef } from '../../domain/finding';
import { ADVANCE_RATE, FT_VOLETS, type FtBilan, cellList } from '../../domain/ft-bilan';
import { type Money, ZERO, formatPercent, toCents } from '../../domain/money';
import type { CheckOptions } from '../../domain/workbook';
import { type Grid, cellAddress, getCell } from '../grid';
import { PrintedSheet } from '../printed-sheet';
import type { SheetToCreate } from '../write-plan';
import { certificationBlock } from './certification';
import { AMOUNT_FORMAT, quoteSheet } from './formula-text';
import { STATEMENT_AMOUNT_COL } from './volet-statement';
import { voletSheetName } from './volet-sections';

export const BILAN_SHEET = 'Bilan financier FT';
const PERCENT_FORMAT = '0.00 %';
const LABEL = 1, TOTAL = 5, LAST = 5;
/** Column of the on-screen note, right of the printed area. */
const TOOL_NOTE = 7;
const WIDTHS: Record<number, number> = { 1: 40, 2: 14, 3: 14, 4: 14, 5: 15, 6: 3, 7: 36 };
export const BILAN_NOTE =
  'Feuille établie par « annexes fill » (ou « Remplir les volets ») à partir des états des dépenses et de la feuille Paramètres, et recréée à chaque remplissage. Cette note n’est pas imprimée.';
const VOLET_NAMES: Record<number, string> = { 1: 'Volet 1 (forfait)', 2: 'Volet 2 (plafond)', 3: 'Volet 3 (avenant)' };

/** Where each volet statement put its totals (rows of column G). */
export interface StatementTotals {
  volet: number;
  totalRow: number;
  excludedRow: number | null;
}

export interface BilanSheetResult {
  sheet: SheetToCreate;
  writes: PrintedSheet['writes'];
  styles: PrintedSheet['styles'];
  pages: number;
  /** Rows of the key figures, for tests and the pane: retained total, advance, solde, trop-perçu. */
  rows: { retained: number; advance: number; balance: number; refund: number; cdShare: number | null };
}

/**
 * « Bilan financier FT »: the France Travail bilan financier final (art. 3.2) in live formulas over
 * the volet statements and the Paramètres — per volet the amount notified, the eligible expenses,
 * the State contribution retained; volet 2's co-financing actually realised (art. 3.3); the
 * advance, and the balance the State pays or the overpayment the Département refunds (art. 6),
 * with the deadline. Cached values are the engine's (src/domain/ft-bilan.ts), so the sheet reads
 * right before any recalculation and a recalculation changes nothing.
 */
export function planBilanSheet(grid: Grid, bilan: FtBilan, options: CheckOptions, totals: StatementTotals[], department: string | undefined): BilanSheetResult {
  const w = new PrintedSheet(BILAN_SHEET, WIDTHS);
  let r = 1;
  const banner = (text: string, style: 'title' | 'subtitle' | 'note' | 'section') => {
    w.value(r, LABEL, text);
    w.merge(r, LABEL, LAST);
    w.style(r, LABEL, LAST, style);
    r++;
  };
  banner(`Bilan financier final — convention départementale pour l’insertion et l’emploi ${bilan.period.start.getUTCFullYear()}`, 'title');
  w.value(1, TOOL_NOTE, BILAN_NOTE);
  w.merge(1, TOOL_NOTE, TOOL_NOTE, 3);
  w.style(1, TOOL_NOTE, TOOL_NOTE, 'note');
  banner(`${department ? `Département : ${department} — ` : ''}période du ${frenchDate(bilan.period.start)} au ${frenchDate(bilan.period.end)}`, 'subtitle');
  banner(
    `À produire au plus tard le ${frenchDate(bilan.deadline)}, trois mois après la fin de la convention (art. 3.2), sur le modèle de l’annexe 3 : les états des dépenses des volets 1 à 3 sont joints.`,
    'note',
  );
  r++;

  // 1. Per volet.
  const top1 = r;
  banner('1. Participation de l’État par volet (art. 4.1 et 8)', 'section');
  ['', ...FT_VOLETS.map((v) => VOLET_NAMES[v]), 'Total'].forEach((h, i) => w.value(r, i + 1, h));
  w.value(r, LABEL, 'En euros');
  w.style(r, LABEL, LAST, 'header');
  r++;
  w.keepTogether(top1, r + 4);
  const byVolet = new Map(bilan.volets.map((v) => [v.volet, v]));
  const col = (v: number) => 1 + v;
  // An amount that depends on an unreadable journal cell: said, never a 0 or a SUM that skips it.
  const notComputed = (row: number, c: number) => {
    w.value(row, c, NOT_COMPUTED);
    w.style(row, c, c, 'figure');
  };
  // One row per figure, a column per volet, the total a SUM across.
  const line = (label: string, total: Money | null, style: 'cell' | 'subtotal' = 'cell') => {
    const row = r++;
    w.value(row, LABEL, label);
    w.style(row, LABEL, LAST, style);
    if (total) w.formula(row, TOTAL, `SUM(${cellAddress(row, col(1))}:${cellAddress(row, col(3))})`, num(total), AMOUNT_FORMAT);
    else notComputed(row, TOTAL);
    return row;
  };
  // Notified amounts: a link to the cell they were read from when it holds a number.
  const notifiedRow = line('Montant notifié (forfait ou plafond, art. 4.1)', bilan.notifiedTotal);
  for (const v of FT_VOLETS) {
    const vb = byVolet.get(v);
    if (vb?.notified) link(w, grid, notifiedRow, col(v), vb.notifiedRef, vb.notified);
    else {
      w.value(notifiedRow, col(v), 'non notifié');
      w.style(notifiedRow, col(v), col(v), 'figure');
    }
  }
  const eligibleRow = line('Dépenses éligibles réalisées (état des dépenses)', sumOf(bilan.volets.map((v) => v.eligible)));
  const excludedRow = line('Pour mémoire : dépenses écartées du bilan', sumOf(bilan.volets.map((v) => v.excluded)));
  for (const v of FT_VOLETS) {
    const t = totals.find((x) => x.volet === v);
    const vb = byVolet.get(v);
    const sheet = quoteSheet(voletSheetName(v));
    if (vb && vb.eligible === null) notComputed(eligibleRow, col(v));
    else if (t) w.formula(eligibleRow, col(v), `${sheet}!${cellAddress(t.totalRow, STATEMENT_AMOUNT_COL)}`, num(vb?.eligible ?? ZERO), AMOUNT_FORMAT);
    if (vb && vb.excluded === null) notComputed(excludedRow, col(v));
    else if (t?.excludedRow) w.formula(excludedRow, col(v), `${sheet}!${cellAddress(t.excludedRow, STATEMENT_AMOUNT_COL)}`, num(vb?.excluded ?? ZERO), AMOUNT_FORMAT);
    else w.value(excludedRow, col(v), 0, AMOUNT_FORMAT);
  }
  const retainedRow = line('Participation de l’État retenue', bilan.retainedTotal, 'subtotal');
  for (const v of FT_VOLETS) {
    const vb = byVolet.get(v);
    const n = cellAddress(notifiedRow, col(v));
    const e = cellAddress(eligibleRow, col(v));
    if (!vb?.notified) w.value(retainedRow, col(v), 0, AMOUNT_FORMAT);
    else if (vb.retained === null) notComputed(retainedRow, col(v));
    else if (vb.lumpSum) w.formula(retainedRow, col(v), n, num(vb.retained), AMOUNT_FORMAT);
    else w.formula(retainedRow, col(v), `MIN(${n},${e})`, num(vb.retained), AMOUNT_FORMAT);
  }
  const unusedRow = line('Crédits notifiés non retenus', bilan.retainedTotal && bilan.notifiedTotal.minus(bilan.retainedTotal));
  for (const v of FT_VOLETS) {
    const vb = byVolet.get(v);
    if (!vb?.notified) w.value(unusedRow, col(v), 0, AMOUNT_FORMAT);
    else if (vb.retained === null) notComputed(unusedRow, col(v));
    else w.formula(unusedRow, col(v), `${cellAddress(notifiedRow, col(v))}-${cellAddress(retainedRow, col(v))}`, num(vb.notified.minus(vb.retained)), AMOUNT_FORMAT);
  }
  const unreadable = bilan.expenses.filter((e) => e.amount === null).flatMap((e) => e.unreadable);
  if (!bilan.hasJournal) {
    banner(`${NOT_COMPUTED} : le journal des dépenses est absent ou ne contient aucune dépense ; les dépenses réalisées, donc le solde ou le trop-perçu, sont inconnus.`, 'note');
  } else if (unreadable.length) {
    banner(`${NOT_COMPUTED} : montant illisible dans le journal des dépenses (voir ${cellList(unreadable)}) ; les totaux qui en dépendent ne sont pas calculés.`, 'note');
  }
  r++;

  // 2. Volet 2 co-financing, realised.
  let cdShareRow: number | null = null;
  const v2 = bilan.volet2;
  if (v2) {
    const top2 = r;
    banner('2. Cofinancement du volet 2 par le Département (art. 3.3)', 'section');
    const amountLine = (label: string, style: 'cell' | 'subtotal' = 'cell') => {
      const row = r++;
      w.value(row, LABEL, label);
      w.merge(row, LABEL, LAST - 1);
      w.style(row, LABEL, LAST, style);
      return row;
    };
    const e = amountLine('Dépenses éligibles du volet 2 (état des dépenses)');
    if (v2.eligible) w.formula(e, TOTAL, cellAddress(eligibleRow, col(2)), num(v2.eligible), AMOUNT_FORMAT);
    else notComputed(e, TOTAL);
    const own = amountLine('Dépenses du Département sur ses fonds propres (Paramètres « FT dépenses CD volet 2 »)');
    const unknown = (row: number) => {
      w.value(row, TOTAL, 'non indiqué');
      w.style(row, TOTAL, TOTAL, 'figure');
    };
    if (v2.cdOwn) link(w, grid, own, TOTAL, v2.cdOwnRef, v2.cdOwn);
    else unknown(own);
    const fse = amountLine('Valorisation FSE+ (Paramètres « FT valorisation FSE+ volet 2 »)');
    if (v2.fseRef) link(w, grid, fse, TOTAL, v2.fseRef, v2.fse);
    else w.value(fse, TOTAL, 0, AMOUNT_FORMAT);
    const total = amountLine('Coût total réalisé du volet 2', 'subtotal');
    const state = amountLine('dont participation de l’État retenue');
    if (v2.stateRetained) w.formula(state, TOTAL, cellAddress(retainedRow, col(2)), num(v2.stateRetained), AMOUNT_FORMAT);
    else notComputed(state, TOTAL);
    const cd = amountLine(v2.fseCounted ? 'Part du Département (valorisation FSE+ comprise)' : 'Part du Département (hors valorisation FSE+)', 'subtotal');
    const share = amountLine('Part du Département dans le coût total réalisé');
    const min = amountLine(`Part minimale du Département : ${formatPercent(v2.minShare.times(100))} du coût total réalisé`);
    const gap = amountLine('Écart (part du Département − part minimale ; négatif : cofinancement insuffisant)', 'subtotal');
    if (v2.cdOwn === null) {
      // Without the CD's own expenses the realised cost is unknown: no figure rather than a wrong one.
      for (const row of [total, cd, share, min, gap]) unknown(row);
    } else if (v2.total === null || v2.cd === null || v2.required === null) {
      for (const row of [total, cd, share, min, gap]) notComputed(row, TOTAL);
    } else {
      w.formula(total, TOTAL, `SUM(${cellAddress(e, TOTAL)}:${cellAddress(fse, TOTAL)})`, num(v2.total), AMOUNT_FORMAT);
      const cdFormula = `${cellAddress(total, TOTAL)}-${cellAddress(state, TOTAL)}${v2.fseCounted ? '' : `-${cellAddress(fse, TOTAL)}`}`;
      w.formula(cd, TOTAL, cdFormula, num(v2.cd), AMOUNT_FORMAT);
      w.formula(share, TOTAL, `IF(${cellAddress(total, TOTAL)}=0,"",${cellAddress(cd, TOTAL)}/${cellAddress(total, TOTAL)})`, v2.total.isZero() ? '' : v2.cd.div(v2.total).toNumber(), PERCENT_FORMAT);
      w.formula(min, TOTAL, `ROUND(${cellAddress(total, TOTAL)}*${v2.minShare.toString()},2)`, num(v2.required), AMOUNT_FORMAT);
      w.formula(gap, TOTAL, `${cellAddress(cd, TOTAL)}-${cellAddress(min, TOTAL)}`, num(toCents(v2.cd).minus(v2.required)), AMOUNT_FORMAT);
    }
    w.keepTogether(top2, r - 1);
    cdShareRow = share;
    r++;
  }

  // 3. Payments and balance.
  const top3 = r;
  banner('3. Versements de l’État et solde (art. 6)', 'section');
  const payLine = (label: string, style: 'cell' | 'subtotal' | 'total' = 'cell') => {
    const row = r++;
    w.value(row, LABEL, label);
    w.merge(row, LABEL, LAST - 1);
    w.style(row, LABEL, LAST, style);
    return row;
  };
  const retained = payLine('Participation de l’État retenue (tous volets)', 'subtotal');
  const retainedTotal = bilan.retainedTotal;
  if (retainedTotal) w.formula(retained, TOTAL, cellAddress(retainedRow, TOTAL), num(retainedTotal), AMOUNT_FORMAT);
  else notComputed(retained, TOTAL);
  const advance = payLine(
    bilan.advanceStated
      ? 'Avance versée à la signature (Paramètres « FT avance versée »)'
      : `Avance versée à la signature : ${formatPercent(ADVANCE_RATE.times(100))} du montant notifié`,
  );
  if (bilan.advanceStated) link(w, grid, advance, TOTAL, bilan.advanceRef, bilan.advance);
  else w.formula(advance, TOTAL, `ROUND(${cellAddress(notifiedRow, TOTAL)}*${ADVANCE_RATE.toString()},2)`, num(bilan.advance), AMOUNT_FORMAT);
  const balance = payLine('Solde à verser par l’État', 'total');
  const refund = payLine('Trop-perçu à reverser à l’État', 'total');
  if (bilan.balance) {
    w.formula(balance, TOTAL, `MAX(0,${cellAddress(retained, TOTAL)}-${cellAddress(advance, TOTAL)})`, num(Decimal.max(ZERO, bilan.balance)), AMOUNT_FORMAT);
    w.formula(refund, TOTAL, `MAX(0,${cellAddress(advance, TOTAL)}-${cellAddress(retained, TOTAL)})`, num(Decimal.max(ZERO, bilan.balance.negated())), AMOUNT_FORMAT);
  } else {
    notComputed(balance, TOTAL);
    notComputed(refund, TOTAL);
  }
  const deadline = payLine('Date limite de production du bilan final (art. 3.2)');
  // A date as the officer reads it, not a serial a locale or an undo could turn into another figure.
  w.value(deadline, TOTAL, frenchDate(bilan.deadline));
  w.style(deadline, TOTAL, TOTAL, 'figure');
  w.keepTogether(top3, r - 1);
  r++;

  banner(readings(bilan, options), 'note');
  r++;
  certificationBlock(w, r, [1, 2], [3, 5], 'Certifié exact le présent bilan financier.');
  const { sheet, pages } = w.toSheet({ orientation: 'portrait', footer: department, printCols: LAST });
  return { sheet, writes: w.writes, styles: w.styles, pages, rows: { retained, advance, balance, refund, cdShare: cdShareRow } };
}

function readings(b: FtBilan, options: CheckOptions): string {
  const volet1 =
    options.ftVolet1 === 'lump-sum'
      ? 'le forfait du volet 1 est retenu en totalité (art. 4.1)'
      : 'le forfait du volet 1 compris, limité comme les autres volets aux dépenses éligibles réalisées';
  const excluded = b.expenses.some((e) => e.exclusions.length > 0)
    ? ' Les dépenses signalées inéligibles (art. 4.2) ou hors période (art. 2) sont écartées, sauf celles que le Département maintient dans le journal (colonne « Maintenue au bilan »).'
    : '';
  return (
    `Lectures appliquées : participation de l’État retenue = le moindre du montant notifié et des dépenses éligibles (art. 8 : la contribution n’excède pas le coût), ${volet1}. ` +
    `Valorisation FSE+ ${options.fseAsCd ? 'comptée' : 'non comptée'} comme part du Département.${excluded}`
  );
}

/** A live link to the cell a figure was read from when it holds a number; the figure itself otherwise. */
function link(w: PrintedSheet, grid: Grid, row: number, col: number, ref: CellRef | undefined, value: Money): void {
  const sheet = ref && grid.sheets.find((s) => s.name === ref.sheet);
  const cell = sheet && ref ? getCell(sheet, ref.row, ref.col) : undefined;
  if (ref && cell && typeof cell.value === 'number' && cell.error === undefined) w.formula(row, col, `${quoteSheet(ref.sheet)}!${ref.address}`, num(value), AMOUNT_FORMAT);
  else w.value(row, col, num(value), AMOUNT_FORMAT);
}

const num = (m: Money) => toCents(m).toNumber();
/** The sum, or null when one amount is unknown. */
const sumOf = (list: (Money | null)[]) => (list.every((m) => m) ? (list as Money[]).reduce((a, b) => a.plus(b), ZERO) : null);
const NOT_COMPUTED = 'non calculé';
