/**
 * A diff (src/domain/diff.ts) said in French, one line per change: the text report of `annexes
 * diff`, its xlsx « Changements » and the pane's comparison list all read these lines.
 */
import type { ParameterChange, RowChange, ShareCrossing, TableChange, ValueChange, WorkbookDiff } from './diff';
import { hasChanges } from './diff';
import type { Finding, Severity } from './finding';
import { type Money, formatEuro, formatPercent } from './money';

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
  // Only what changed: « 3 montants modifiés, 1 constat corrigé. »
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
  ].filter((p) => !p.startsWith('0 '));
  return `${parts.join(', ')}.`;
}
