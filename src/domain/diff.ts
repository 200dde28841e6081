/**
 * What changed between two versions of a workbook, in the domain's words: per table, action and
 * column the amounts (before → after, difference) and plan quantities that changed; actions and
 * tables added or removed; Paramètres changed; co-financing shares that crossed the minimum (50 %);
 * totals that moved (sous-totaux, TOTAUX, the four-year CLS); findings fixed and findings introduced.
 * Tables are matched by kind, year, volet or fiche, rows by fiche number, year or label, never by
 * address: a table that only moved has not changed. Pure: the caller reads and checks both files.
 */
import { columnLabel } from './columns';
import { conventionView, MONEY_KEYS, type MoneyKey } from './convention-view';
import { clsActionCofinancing, clsCofiKeys, volet2Cofinancing, volet2Compliant } from './cofinancing';
import type { Finding } from './finding';
import { type Money, formatEuro, formatPercent, sameCents } from './money';
import { frenchDate } from './dates';
import { formatQuantity } from './quantity';
import type { AmountCell, AnnexTable, QuantityCell, TableRow } from './table';
import type { AnnexWorkbook, CheckOptions } from './workbook';
import { cellName, findingIdentity, placeNamer, rowIds, tableIds } from './workbook-places';

export interface DiffSide {
  workbook: AnnexWorkbook;
  findings: Finding[];
  options: CheckOptions;
}

export interface ValueChange {
  /** « Prévisionnel 2024 », « Fiche 1.3 », « Plan de financement volet 2 », « Convention CLS 2024-2027 ». */
  table: string;
  /** « action 1.1 Accueil… », « Sous total axe 1 », « 2024 », « sous-action Action 2 : … ». */
  row: string;
  column: string;
  kind: 'amount' | 'quantity';
  /** As a user reads them: « 618 000,00 € », « 3030 places »; null when absent. */
  before: string | null;
  after: string | null;
  /** Amounts: after − before; null when either side is unknown, or for quantities. */
  difference: Money | null;
  beforeValue: Money | null;
  afterValue: Money | null;
  cellBefore: string | null;
  cellAfter: string | null;
}

export interface RowChange {
  table: string;
  row: string;
  change: 'added' | 'removed';
  cell: string;
}

export interface TableChange {
  table: string;
  change: 'added' | 'removed';
  sheet: string;
}

export interface ParameterChange {
  key: string;
  before: string | null;
  after: string | null;
}

export interface ShareCrossing {
  /** « Prévisionnel 2024, action 1.1 », « Volet 2 (FT art. 3.3) ». */
  what: string;
  /** CD share in %, null when its base is 0. */
  before: Money | null;
  after: Money | null;
  /** Minimum share in % (after's options). */
  minimum: Money;
  /** true: now at or above the minimum; false: now below. */
  nowCompliant: boolean;
}

export interface WorkbookDiff {
  /** Detail rows: actions, years of a fiche, sub-actions, plan lines. */
  values: ValueChange[];
  /** Sous-totaux, totals, and the four-year CLS totals. */
  totals: ValueChange[];
  rows: RowChange[];
  tables: TableChange[];
  parameters: ParameterChange[];
  shares: ShareCrossing[];
  fixed: Finding[];
  introduced: Finding[];
}

export function hasChanges(d: WorkbookDiff): boolean {
  return [d.values, d.totals, d.rows, d.tables, d.parameters, d.shares, d.fixed, d.introduced].some((l) => l.length > 0);
}

export function diffWorkbooks(before: DiffSide, after: DiffSide): WorkbookDiff {
  const out: WorkbookDiff = { values: [], totals: [], rows: [], tables: [], parameters: [], shares: [], fixed: [], introduced: [] };
  const a = byId(tableIds(before.workbook));
  const b = byId(tableIds(after.workbook));
  for (const [id, t] of a) if (!b.has(id)) out.tables.push({ table: t.title, change: 'removed', sheet: t.sheet });
  for (const [id, t] of b) if (!a.has(id)) out.tables.push({ table: t.title, change: 'added', sheet: t.sheet });
  for (const [id, tb] of b) {
    const ta = a.get(id);
    if (ta) compareTables(ta, tb, out);
  }
  out.totals.push(...conventionTotals(before.workbook, after.workbook));
  out.parameters.push(...parameterChanges(before.workbook, after.workbook));
  out.shares.push(...shareCrossings(before, after));
  const [fixed, introduced] = findingChanges(before, after);
  out.fixed = fixed;
  out.introduced = introduced;
  return out;
}

function byId(ids: Map<AnnexTable, string>): Map<string, AnnexTable> {
  return new Map([...ids].map(([t, id]) => [id, t]));
}

function compareTables(ta: AnnexTable, tb: AnnexTable, out: WorkbookDiff): void {
  const ra = rowIds(ta);
  const rb = rowIds(tb);
  const subs = new Set(tb.fiche?.subActions ?? []);
  const subsBefore = new Set(ta.fiche?.subActions ?? []);
  for (const [id, row] of ra) {
    if (!rb.has(id) && row.kind === 'detail') out.rows.push({ table: tb.title, row: rowName(ta, row, subsBefore.has(row)), change: 'removed', cell: firstCell(ta.sheet, row) });
  }
  for (const [id, rowB] of rb) {
    const rowA = ra.get(id);
    const isSub = subs.has(rowB);
    if (!rowA) {
      if (rowB.kind === 'detail') out.rows.push({ table: tb.title, row: rowName(tb, rowB, isSub), change: 'added', cell: firstCell(tb.sheet, rowB) });
      continue;
    }
    const list = rowB.kind === 'detail' ? out.values : out.totals;
    const keys = new Set([...Object.keys(rowA.amounts), ...Object.keys(rowB.amounts)]);
    for (const key of keys) {
      const c = amountChange(rowA.amounts[key], rowB.amounts[key]);
      if (c) list.push({ table: tb.title, row: rowName(tb, rowB, isSub), column: columnName(tb, key), kind: 'amount', ...c });
    }
    for (const key of ['existing', 'target', 'delta'] as const) {
      const c = quantityChange(rowA.quantities?.[key], rowB.quantities?.[key]);
      if (c) list.push({ table: tb.title, row: rowName(tb, rowB, isSub), column: columnLabel(tb.kind, key), kind: 'quantity', ...c });
    }
  }
  if (ta.ceiling || tb.ceiling) {
    const c = amountChange(ta.ceiling, tb.ceiling);
    if (c) out.totals.push({ table: tb.title, row: 'PLAFOND DEPARTEMENT', column: columnLabel(tb.kind, 'ceiling'), kind: 'amount', ...c });
  }
}

function rowName(t: AnnexTable, row: TableRow, sub: boolean): string {
  if (sub) return `sous-action « ${row.label} »`;
  if (row.kind !== 'detail' || t.kind === 'fiche-budget') return row.label;
  return row.key && t.kind !== 'ft-plan' ? `action ${row.label}` : row.label;
}

function columnName(t: AnnexTable, key: string): string {
  // A fiche's columns are named as the fiche prints them (« ETAT/ERBM », « CAF »).
  if (t.kind === 'fiche-budget') return t.columns.find((c) => c.key === key)?.header || columnLabel(t.kind, key);
  return columnLabel(t.kind, key);
}

function firstCell(sheet: string, row: TableRow): string {
  const first = Object.values(row.amounts).find((c) => c !== undefined);
  return first ? cellName(first.ref) : `${sheet}!ligne ${row.row}`;
}

type Change = Omit<ValueChange, 'table' | 'row' | 'column' | 'kind'>;

function amountChange(x: AmountCell | undefined, y: AmountCell | undefined): Change | null {
  const [vx, vy] = [x?.value ?? null, y?.value ?? null];
  const same = vx && vy ? sameCents(vx, vy) : vx === vy && (x?.raw ?? '') === (y?.raw ?? '');
  if (same) return null;
  const shown = (c: AmountCell | undefined) => (!c ? null : c.value ? formatEuro(c.value) : c.raw || null);
  return {
    before: shown(x),
    after: shown(y),
    difference: vx && vy ? vy.minus(vx) : null,
    beforeValue: vx,
    afterValue: vy,
    cellBefore: x ? cellName(x.ref) : null,
    cellAfter: y ? cellName(y.ref) : null,
  };
}

function quantityChange(x: QuantityCell | undefined, y: QuantityCell | undefined): Change | null {
  const shown = (c: QuantityCell | undefined) => (!c ? null : c.quantity ? formatQuantity(c.quantity) : c.raw.trim() || null);
  const [sx, sy] = [shown(x), shown(y)];
  if (sx === sy) return null;
  return { before: sx, after: sy, difference: null, beforeValue: null, afterValue: null, cellBefore: x ? cellName(x.ref) : null, cellAfter: y ? cellName(y.ref) : null };
}

const VIEW_LABELS: Record<MoneyKey, string> = {
  notified: 'Participation État notifiée',
  cdAllocated: 'Crédits CD affectés',
  paid: 'Crédits État versés',
  stateSpent: 'Montant État réalisé',
  stateUnspent: 'Crédits État non consommés',
  cdSpent: 'Montant CD réalisé',
  carryOverState: 'Reports part État',
  carryOverCd: 'Reports part CD',
};

/** The four-year CLS totals (whole convention and per axe) that moved. */
function conventionTotals(wa: AnnexWorkbook, wb: AnnexWorkbook): ValueChange[] {
  const [va, vb] = [conventionView(wa), conventionView(wb)];
  if (!va || !vb) return [];
  const title = `Convention CLS ${vb.years[0]}-${vb.years[vb.years.length - 1]}`;
  const lines: [string, (typeof va)['total'] | undefined, (typeof vb)['total']][] = [
    ['total', va.total, vb.total],
    ...vb.axes.map((x): [string, (typeof va)['total'] | undefined, (typeof vb)['total']] => [`axe ${x.axe}`, va.axes.find((y) => y.axe === x.axe), x]),
  ];
  const out: ValueChange[] = [];
  for (const [row, la, lb] of lines) {
    for (const k of MONEY_KEYS) {
      const [x, y] = [la?.totals[k] ?? null, lb.totals[k]];
      if (x && sameCents(x, y)) continue;
      out.push({ table: title, row, column: `${VIEW_LABELS[k]} (cumul)`, kind: 'amount', before: x ? formatEuro(x) : null, after: formatEuro(y), difference: x ? y.minus(x) : null, beforeValue: x, afterValue: y, cellBefore: null, cellAfter: null });
    }
  }
  return out;
}

/** The Paramètres as « key → value » texts, compared key by key. */
function parameterChanges(wa: AnnexWorkbook, wb: AnnexWorkbook): ParameterChange[] {
  const [pa, pb] = [parameterTexts(wa), parameterTexts(wb)];
  const out: ParameterChange[] = [];
  for (const key of new Set([...pa.keys(), ...pb.keys()])) {
    const [x, y] = [pa.get(key) ?? null, pb.get(key) ?? null];
    if (x !== y) out.push({ key, before: x, after: y });
  }
  return out;
}

function parameterTexts(wb: AnnexWorkbook): Map<string, string> {
  const p = wb.params;
  const out = new Map<string, string>();
  const day = (d: Date | undefined) => d && frenchDate(d);
  const pct = (m: Money | undefined) => m && formatPercent(m.times(100));
  const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? 'oui' : 'non');
  const put = (k: string, v: string | undefined) => v !== undefined && out.set(k, v);
  put('Département', p.department);
  put('Code département', p.departmentCode);
  put('CLS date de début', day(p.clsStart));
  put('CLS date de fin', day(p.clsEnd));
  put('FT date de début', day(p.ftStart));
  put('FT date de fin', day(p.ftEnd));
  for (const [year, m] of p.clsNotified) for (const [axe, v] of m) put(`CLS État notifié ${year} ${axe === 'total' ? 'total' : `axe ${axe}`}`, formatEuro(v));
  put('CLS État prévisionnel annuel', p.clsYearlyForecast && formatEuro(p.clsYearlyForecast));
  for (const [volet, v] of p.ftCeilings) put(`FT plafond volet ${volet}`, formatEuro(v));
  put('Seuil de sous-consommation', pct(p.underspendThreshold));
  put('Part CD minimale', pct(p.minCdShare));
  put('FSE+ valorisation comptée comme CD', yesNo(p.fseAsCd));
  // The France Travail bilan's own keys: the advance and the CD's spending move the solde.
  put('FT avance versée', p.ftAdvance && formatEuro(p.ftAdvance));
  put('FT dépenses CD volet 2', p.ftCdOwnVolet2 && formatEuro(p.ftCdOwnVolet2));
  put('FT valorisation FSE+ volet 2', p.ftFseVolet2 && formatEuro(p.ftFseVolet2));
  put('FT forfait volet 1 retenu en totalité', yesNo(p.ftLumpSumInFull));
  return out;
}

/** CD shares that crossed the minimum: each CLS action (prévisionnel, récapitulatif n+1) and FT volet 2. */
function shareCrossings(before: DiffSide, after: DiffSide): ShareCrossing[] {
  const [sa, sb] = [cdShares(before), cdShares(after)];
  const minimum = after.options.minCdShare.times(100);
  const out: ShareCrossing[] = [];
  for (const [what, y] of sb) {
    const x = sa.get(what);
    if (!x || x.compliant === y.compliant) continue;
    out.push({ what, before: x.share, after: y.share, minimum, nowCompliant: y.compliant });
  }
  return out;
}

/** CD share in % per place, and whether it meets the minimum, judged as COFI-CLS-ACTION and COFI-FT-VOLET2 judge it (cofinancing.ts). */
function cdShares(side: DiffSide): Map<string, { share: Money; compliant: boolean }> {
  const out = new Map<string, { share: Money; compliant: boolean }>();
  const { clsCofiBase, minCdShare } = side.options;
  for (const t of side.workbook.tables) {
    const k = clsCofiKeys(t.kind);
    if (!k) continue;
    const title = t.kind === 'cls-recap' && t.year !== null ? `Prévisionnel ${t.year + 1} (récapitulatif ${t.year})` : t.title;
    for (const row of t.rows) {
      if (row.kind !== 'detail' || !row.key) continue;
      const c = clsActionCofinancing(row, k, clsCofiBase, minCdShare);
      if (c) out.set(`${title}, action ${row.key}`, { share: c.share, compliant: c.compliant });
    }
  }
  const plan = side.workbook.tables.find((t) => t.kind === 'ft-action-plan');
  const cofi = plan ? volet2Cofinancing(plan, side.options) : null;
  if (cofi?.share) out.set('Volet 2 France Travail (FT art. 3.3)', { share: cofi.share, compliant: volet2Compliant(cofi, minCdShare) });
  return out;
}

/** Findings by identity (rule, severity, place): fixed are before's without an after, introduced the reverse. */
function findingChanges(before: DiffSide, after: DiffSide): [Finding[], Finding[]] {
  const [na, nb] = [placeNamer(before.workbook), placeNamer(after.workbook)];
  const count = (list: Finding[], name: typeof na) => {
    const m = new Map<string, Finding[]>();
    for (const f of list) {
      const id = findingIdentity(name, f);
      const same = m.get(id);
      if (same) same.push(f);
      else m.set(id, [f]);
    }
    return m;
  };
  const [ca, cb] = [count(before.findings, na), count(after.findings, nb)];
  const fixed: Finding[] = [];
  const introduced: Finding[] = [];
  for (const [id, list] of ca) fixed.push(...list.slice(cb.get(id)?.length ?? 0));
  for (const [id, list] of cb) introduced.push(...list.slice(ca.get(id)?.length ?? 0));
  return [fixed, introduced];
}
