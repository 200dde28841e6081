import type { ParameterChange, RowChange, ShareCrossing, TableChange, ValueChange, WorkbookDiff } from '../domain/diff';
import type { Finding, Severity } from '../domain/finding';
import { type Money, formatEuro, formatPercent, plainAmount } from '../domain/money';
import { hasChanges } from '../domain/diff';

/** `annexes diff` reports: French text and JSON (the xlsx one is format-diff-xlsx.ts). */
export interface DiffReport {
  before: string;
  after: string;
  diff: WorkbookDiff;
}

const SEVERITY: Record<Severity, string> = { error: 'ERREUR', warning: 'AVERTISSEMENT', info: 'INFO' };

function signed(m: Money): string {
  return m.gt(0) ? `+${formatEuro(m)}` : formatEuro(m);
}

export function valueLine(c: ValueChange): string {
  const diff = c.difference ? ` (${signed(c.difference)})` : '';
  const where = c.cellBefore === c.cellAfter ? (c.cellAfter ?? '') : [c.cellBefore ?? 'absent', c.cellAfter ?? 'absent'].join(' → ');
  return `${c.table}, ${c.row}, « ${c.column} » : ${c.before ?? 'absent'} → ${c.after ?? 'absent'}${diff}${where ? ` [${where}]` : ''}`;
}

export function rowLine(r: RowChange): string {
  return `${r.table}, ${r.row} : ${r.change === 'added' ? 'ajoutée' : 'retirée'} [${r.cell}]`;
}

export function tableLine(t: TableChange): string {
  return `« ${t.table} » (feuille « ${t.sheet} ») : ${t.change === 'added' ? 'ajouté' : 'retiré'}`;
}

export function parameterLine(p: ParameterChange): string {
  return `« ${p.key} » : ${p.before ?? 'absent'} → ${p.after ?? 'absent'}`;
}

export function shareLine(s: ShareCrossing): string {
  const pct = (m: Money | null) => (m === null ? 'sans base' : formatPercent(m));
  const now = s.nowCompliant ? `atteint désormais le minimum de ${formatPercent(s.minimum)}` : `passe sous le minimum de ${formatPercent(s.minimum)}`;
  return `${s.what} : part du Département ${pct(s.before)} → ${pct(s.after)}, ${now}`;
}

export function findingLine(f: Finding): string {
  const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''} ` : '';
  return `[${SEVERITY[f.severity]}] ${where}${f.rule} — ${f.message} (${f.article})`;
}

/** One French sentence counting what changed. */
export function diffSummary(d: WorkbookDiff): string {
  if (!hasChanges(d)) return 'Aucun changement : mêmes montants, mêmes lignes, mêmes paramètres, mêmes constats.';
  const n = (k: number, one: string, many: string) => `${k} ${k > 1 ? many : one}`;
  const parts = [
    n(d.values.length, 'montant ou quantité modifié', 'montants ou quantités modifiés'),
    n(d.totals.length, 'total modifié', 'totaux modifiés'),
    n(d.rows.filter((r) => r.change === 'added').length, 'ligne ajoutée', 'lignes ajoutées'),
    n(d.rows.filter((r) => r.change === 'removed').length, 'ligne retirée', 'lignes retirées'),
    n(d.tables.length, 'tableau ajouté ou retiré', 'tableaux ajoutés ou retirés'),
    n(d.parameters.length, 'paramètre modifié', 'paramètres modifiés'),
    n(d.shares.length, 'part du Département passée de l’autre côté du minimum', 'parts du Département passées de l’autre côté du minimum'),
    n(d.fixed.length, 'constat corrigé', 'constats corrigés'),
    n(d.introduced.length, 'nouveau constat', 'nouveaux constats'),
  ];
  return `${parts.join(', ')}.`;
}

export function formatDiffText(r: DiffReport): string {
  const d = r.diff;
  const lines = [`Comparaison : « ${r.before} » (avant) → « ${r.after} » (après)`, diffSummary(d)];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title} (${items.length})`, ...items.map((s) => `  ${s}`));
  };
  section('Montants et quantités modifiés', d.values.map(valueLine));
  section('Totaux modifiés', d.totals.map(valueLine));
  section('Lignes ajoutées ou retirées', d.rows.map(rowLine));
  section('Tableaux ajoutés ou retirés', d.tables.map(tableLine));
  section('Paramètres modifiés', d.parameters.map(parameterLine));
  section('Parts du Département (minimum)', d.shares.map(shareLine));
  section('Constats corrigés', d.fixed.map(findingLine));
  section('Nouveaux constats', d.introduced.map(findingLine));
  return `${lines.join('\n')}\n`;
}

const plain = (m: Money | null) => (m === null ? null : plainAmount(m));
const pct = (m: Money | null) => (m === null ? null : m.toDecimalPlaces(2).toFixed(2));

/** The JSON report: amounts as "1236000.00", shares in % as "48.79". */
export function formatDiffJson(r: DiffReport): string {
  const d = r.diff;
  const value = (c: ValueChange) => ({ ...c, difference: plain(c.difference), beforeValue: plain(c.beforeValue), afterValue: plain(c.afterValue) });
  const report = {
    before: r.before,
    after: r.after,
    changed: hasChanges(d),
    values: d.values.map(value),
    totals: d.totals.map(value),
    rows: d.rows,
    tables: d.tables,
    parameters: d.parameters,
    shares: d.shares.map((s) => ({ ...s, before: pct(s.before), after: pct(s.after), minimum: pct(s.minimum) })),
    findings: { fixed: d.fixed, introduced: d.introduced },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
