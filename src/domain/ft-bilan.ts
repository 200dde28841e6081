/**
 * The France Travail « bilan financier final » (FT art. 3.2, 6, 8 and 3.3), computed once: the
 * volet « Etat des dépenses » sheets and the « Bilan financier FT » sheet show it, the rules
 * FT-SOLDE and COFI-FT-VOLET2-REALISE check it, so the documents and the findings never disagree.
 *
 * Readings (docs/rules.md § Bilan financier France Travail):
 * - the eligible expenses of a volet are its journal lines (Nombre × coût unitaire, else Montant),
 *   without the lines EXP-INELIGIBLE (art. 4.2) or EXP-PERIOD (art. 2) exclude, unless the officer
 *   keeps one in the journal's « Maintenue au bilan (motif) » column; an amount the engine cannot
 *   read (#REF!, text, a formula without cached value) is unknown, never 0: the totals it enters,
 *   the contribution retained and the solde are then « non calculé » (docs/rules.md § 1.3);
 * - the notified amount of a volet is the Paramètres' « FT forfait volet 1 » / « FT plafond volet n »,
 *   else the plan de financement's PLAFOND DEPARTEMENT, else its TOTAL BESOINS;
 * - the State contribution retained is the lesser of the notified amount and the eligible expenses
 *   (art. 8: « la contribution financière n'excède pas le coût »), volet 1 included; option
 *   ftVolet1 = 'lump-sum' retains the volet 1 forfait in full (art. 4.1 « sous forme de forfait »);
 *   a volet with no notified amount (volet 3 without avenant) retains nothing;
 * - the advance is the Paramètres' « FT avance versée », else 60 % of the notified total (art. 6);
 *   solde = retained − advance when positive, else a trop-perçu to refund;
 * - volet 2's realised total cost = its eligible expenses + the CD's own-fund expenses
 *   (« FT dépenses CD volet 2 ») + the FSE+ valorisation; the CD's share is that total less the
 *   State's retained contribution, less the FSE+ unless options.fseAsCd counts it (art. 3.3).
 */
import Decimal from 'decimal.js';
import { parseAddress } from './a1';
import type { CellRef, Finding } from './finding';
import { type Money, ZERO, sumMoney, toCents } from './money';
import { expIneligible } from './rules/exp-ineligible';
import { type FtPeriod, expPeriod, ftPeriod } from './rules/exp-period';
import type { RuleContext } from './rules/rule';
import type { AmountCell, AnnexTable, TableRow } from './table';

export const ADVANCE_RATE = new Decimal('0.6');
export const FT_VOLETS = [1, 2, 3] as const;

export interface Exclusion {
  rule: string;
  article: string;
  /** Plain French: « frais de mission », « datée hors de la période de la convention ». */
  reason: string;
}

export interface JournalExpense {
  table: AnnexTable;
  row: TableRow;
  volet: number;
  /**
   * Nombre × coût unitaire when both are read, else the Montant typed, else 0 when nothing is
   * typed; null when a cell typed cannot be read (#REF!, text, no cached value): unknown.
   */
  amount: Money | null;
  /** The unreadable cells that make the amount unknown (empty when it is known). */
  unreadable: CellRef[];
  /** Computed from Nombre × coût unitaire (the statement writes it as a formula). */
  fromUnits: boolean;
  /** Why a check excludes it from the bilan; empty when none does. */
  exclusions: Exclusion[];
  /** The officer's reason for keeping it despite the exclusions (« oui » alone: ''), else null. */
  kept: string | null;
}

/** In the totals: no exclusion, or kept by the officer. */
export function counted(e: JournalExpense): boolean {
  return e.exclusions.length === 0 || e.kept !== null;
}

export interface VoletBilan {
  volet: number;
  notified: Money | null;
  /** The cell the notified amount was read from (the sheet links to it when it holds a number). */
  notifiedRef?: CellRef;
  notifiedSource: 'Paramètres' | 'PLAFOND DEPARTEMENT' | 'TOTAL BESOINS' | null;
  /** null: a counted line's amount is unknown (its cells in `unreadable`). */
  eligible: Money | null;
  /** null: an excluded line's amount is unknown. */
  excluded: Money | null;
  /** null: depends on an unknown eligible total. */
  retained: Money | null;
  /** The unreadable cells of the lines counted in the volet's total. */
  unreadable: CellRef[];
  /** Volet 1 retained in full, not capped (option ftVolet1 = 'lump-sum'). */
  lumpSum: boolean;
}

/** Volet 2 realised; the figures that depend on an unknown eligible total are null. */
export interface Volet2Cost {
  eligible: Money | null;
  /** null: the Paramètres do not say (COFI-FT-VOLET2-REALISE cannot check). */
  cdOwn: Money | null;
  cdOwnRef?: CellRef;
  fse: Money;
  fseRef?: CellRef;
  fseCounted: boolean;
  total: Money | null;
  stateRetained: Money | null;
  /** The CD's share: total − State retained − FSE+ (unless counted). */
  cd: Money | null;
  /** minCdShare × total, to the cent. */
  required: Money | null;
  unreadable: CellRef[];
  minShare: Money;
}

export interface FtBilan {
  period: FtPeriod;
  /** Three months after the convention's end (art. 3.2). */
  deadline: Date;
  /**
   * False: no « Journal des dépenses », or one without a single expense line: the realised
   * expenses are unknown (not zero).
   */
  hasJournal: boolean;
  volets: VoletBilan[];
  notifiedTotal: Money;
  /** null: a volet's contribution retained is unknown (see `unreadable`). */
  retainedTotal: Money | null;
  advance: Money;
  advanceRef?: CellRef;
  /** True when read from the Paramètres, false when 60 % of the notified total. */
  advanceStated: boolean;
  /** retained − advance: > 0 the State pays the balance, < 0 the CD refunds the overpayment. */
  balance: Money | null;
  /** The unreadable journal cells that leave the contribution retained unknown. */
  unreadable: CellRef[];
  volet2: Volet2Cost | null;
  expenses: JournalExpense[];
}

/** The journal's expenses with their exclusions (the EXP-* findings) and the officer's choice. */
export function journalExpenses(ctx: RuleContext): JournalExpense[] {
  const byRow = new Map<string, Exclusion[]>();
  const add = (f: Finding, reason: string) => {
    const at = parseAddress(f.cell);
    if (!at) return;
    const key = `${f.sheet}\u0000${at.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), { rule: f.rule, article: f.article, reason }]);
  };
  for (const f of expIneligible.check(ctx)) add(f, f.actual ?? 'dépense inéligible');
  for (const f of expPeriod.check(ctx)) if (f.severity === 'error') add(f, 'datée hors de la période de la convention');
  const out: JournalExpense[] = [];
  for (const table of ctx.workbook.tables) {
    if (table.kind !== 'ft-expense-journal') continue;
    for (const row of table.rows) {
      if (row.kind !== 'detail' || !row.texts?.volet) continue;
      const count = readable(row.amounts.count);
      const unitCost = readable(row.amounts.unitCost);
      const fromUnits = count !== null && unitCost !== null;
      const typed = readable(row.amounts.amount);
      const unreadable = fromUnits || typed ? [] : unreadableCells(row);
      const amount = fromUnits ? (count as Money).times(unitCost as Money) : unreadable.length ? null : (typed ?? ZERO);
      out.push({
        table,
        row,
        volet: Number(row.texts.volet),
        amount,
        unreadable,
        fromUnits,
        exclusions: byRow.get(`${table.sheet}\u0000${row.row}`) ?? [],
        kept: keptReason(row.texts.keep),
      });
    }
  }
  return out;
}

/** « oui », « oui : déplacements des bénéficiaires », a reason alone: kept; blank, « non »: not. */
export function keptReason(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  if (!t || /^(non|no|faux|false|0)\b/i.test(t)) return null;
  return t.replace(/^(oui|yes|vrai|true|1)\s*[:,;.–-]?\s*/i, '');
}

/** null when the workbook holds nothing of the France Travail convention. */
export function computeFtBilan(ctx: RuleContext): FtBilan | null {
  const { workbook, options } = ctx;
  const plans = workbook.tables.filter((t) => t.kind === 'ft-plan');
  const journals = workbook.tables.filter((t) => t.kind === 'ft-expense-journal');
  // A journal with its header and no expense says nothing of what was spent: unknown, not zero.
  const hasJournal = journals.some((t) => t.rows.some((r) => r.kind === 'detail'));
  if (plans.length === 0 && journals.length === 0 && workbook.params.ftCeilings.size === 0) return null;
  const period = ftPeriod(ctx);
  const expenses = journalExpenses(ctx);
  const volets: VoletBilan[] = [];
  for (const volet of FT_VOLETS) {
    const mine = expenses.filter((e) => e.volet === volet);
    const notified = notifiedAmount(ctx, volet);
    if (!notified.value && mine.length === 0) continue;
    // Without a single journal line the expenses are unknown, not zero.
    const eligible = hasJournal ? knownSum(mine.filter(counted)) : null;
    const excluded = hasJournal ? knownSum(mine.filter((e) => !counted(e))) : null;
    const lumpSum = volet === 1 && options.ftVolet1 === 'lump-sum' && notified.value !== null;
    const retained = notified.value === null ? ZERO : lumpSum ? notified.value : eligible && Decimal.min(notified.value, eligible);
    const unreadable = mine.filter(counted).flatMap((e) => e.unreadable);
    volets.push({ volet, notified: notified.value, notifiedRef: notified.ref, notifiedSource: notified.source, eligible, excluded, retained, unreadable, lumpSum });
  }
  const notifiedTotal = sumMoney(volets.map((v) => v.notified ?? ZERO));
  const retainedTotal = volets.every((v) => v.retained) ? sumMoney(volets.map((v) => v.retained as Money)) : null;
  const stated = workbook.params.ftAdvance;
  const advance = stated ?? toCents(notifiedTotal.times(ADVANCE_RATE));
  return {
    period,
    deadline: threeMonthsAfter(period.end),
    hasJournal,
    volets,
    notifiedTotal,
    retainedTotal,
    advance,
    ...(stated ? { advanceRef: workbook.params.refs.get('ftAdvance') } : {}),
    advanceStated: !!stated,
    balance: retainedTotal && retainedTotal.minus(advance),
    unreadable: volets.filter((v) => !v.retained).flatMap((v) => v.unreadable),
    volet2: volet2Cost(ctx, volets.find((v) => v.volet === 2)),
    expenses,
  };
}

function volet2Cost(ctx: RuleContext, v: VoletBilan | undefined): Volet2Cost | null {
  if (!v) return null;
  const p = ctx.workbook.params;
  const cdOwn = p.ftCdOwnVolet2 ?? null;
  const fse = p.ftFseVolet2 ?? ZERO;
  const total = v.eligible && v.eligible.plus(cdOwn ?? ZERO).plus(fse);
  const fseCounted = ctx.options.fseAsCd;
  const cd = total && v.retained && total.minus(v.retained).minus(fseCounted ? ZERO : fse);
  return {
    eligible: v.eligible,
    cdOwn,
    ...(cdOwn ? { cdOwnRef: p.refs.get('ftCdOwnVolet2') } : {}),
    fse,
    ...(p.ftFseVolet2 ? { fseRef: p.refs.get('ftFseVolet2') } : {}),
    fseCounted,
    total,
    stateRetained: v.retained,
    cd,
    required: total && toCents(total.times(ctx.options.minCdShare)),
    minShare: ctx.options.minCdShare,
    unreadable: v.unreadable,
  };
}

function notifiedAmount(ctx: RuleContext, volet: number): { value: Money | null; ref?: CellRef; source: VoletBilan['notifiedSource'] } {
  const stated = ctx.workbook.params.ftCeilings.get(volet);
  if (stated) return { value: stated, ref: ctx.workbook.params.refs.get(`ftCeiling.${volet}`), source: 'Paramètres' };
  const plan = ctx.workbook.tables.find((t) => t.kind === 'ft-plan' && t.volet === volet);
  if (plan?.ceiling?.value && !plan.ceiling.value.isZero()) return { value: plan.ceiling.value, ref: plan.ceiling.ref, source: 'PLAFOND DEPARTEMENT' };
  const grand = plan && plan.grandTotalIndex !== undefined ? plan.rows[plan.grandTotalIndex].amounts.amount : undefined;
  if (grand?.value && !grand.value.isZero()) return { value: grand.value, ref: grand.ref, source: 'TOTAL BESOINS' };
  return { value: null, source: null };
}

/** The same day three months later, or the month's last day (31/12 → 31/03, 30/11 → 28 or 29/02). */
export function threeMonthsAfter(d: Date): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 3;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** The sum to the cent, or null when one of the amounts is unknown. */
function knownSum(list: JournalExpense[]): Money | null {
  return list.every((e) => e.amount) ? toCents(sumMoney(list.map((e) => e.amount as Money))) : null;
}

/** Nombre, coût unitaire, Montant: the cells typed that cannot be read. */
function unreadableCells(row: TableRow): CellRef[] {
  return [row.amounts.count, row.amounts.unitCost, row.amounts.amount].filter((c): c is AmountCell => !!c && c.kind !== 'empty' && c.value === null).map((c) => c.ref);
}

/** « feuille « Journal des dépenses », cellules G2, I2 » for messages and notes, sheet by sheet. */
export function cellList(refs: CellRef[]): string {
  const bySheet = new Map<string, string[]>();
  for (const r of refs) bySheet.set(r.sheet, [...new Set([...(bySheet.get(r.sheet) ?? []), r.address])]);
  return [...bySheet]
    .map(([sheet, cells]) => `feuille « ${sheet} », cellule${cells.length > 1 ? 's' : ''} ${cells.join(', ')}`)
    .join(' ; ');
}

function readable(cell: AmountCell | undefined): Money | null {
  return cell && cell.kind !== 'empty' && cell.value !== null ? cell.value : null;
}
