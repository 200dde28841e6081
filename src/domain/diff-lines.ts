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

/**
 * A change in three parts — what changed, how, and where — so the pane can set them on their own
 * lines; the reports join them into one line (`changeLine`): « what : how [where] ».
 */
export interface ChangeParts {
  what: string;
  how: string;
  /** Cells, « Feuille!A1 » or « avant → après »; null when the change has no cell. */
  where: string | null;
}

export function changeLine(p: ChangeParts): string {
  return `${p.what} : ${p.how}${p.where ? ` [${p.where}]` : ''}`;
}

export function valueParts(c: ValueChange): ChangeParts {
  const diff = c.difference ? ` (${signed(c.difference)})` : '';
  const where = c.cellBefore === c.cellAfter ? (c.cellAfter ?? '') : [c.cellBefore ?? 'absent', c.cellAfter ?? 'absent'].join(' → ');
  return { what: `${c.table}, ${c.row}, « ${c.column} »`, how: `${c.before ?? 'absent'} → ${c.after ?? 'absent'}${diff}`, where: where || null };
}

export function rowParts(r: RowChange): ChangeParts {
  return { what: `${r.table}, ${r.row}`, how: r.change === 'added' ? 'ajoutée' : 'retirée', where: r.cell };
}

export function tableParts(t: TableChange): ChangeParts {
  return { what: `« ${t.table} » (feuille « ${t.sheet} »)`, how: t.change === 'added' ? 'ajouté' : 'retiré', where: null };
}

export function parameterParts(p: ParameterChange): ChangeParts {
  return { what: `« ${p.key} »`, how: `${p.before ?? 'absent'} → ${p.after ?? 'absent'}`, where: null };
}

export function shareParts(s: ShareCrossing): ChangeParts {
  const pct = (m: Money | null) => (m === null ? 'sans base' : formatPercent(m));
  const now = s.nowCompliant ? `atteint désormais le minimum de ${formatPercent(s.minimum)}` : `passe sous le minimum de ${formatPercent(s.minimum)}`;
  return { what: s.what, how: `part du Département ${pct(s.before)} → ${pct(s.after)}, ${now}`, where: null };
}

export const valueLine = (c: ValueChange): string => changeLine(valueParts(c));
export const rowLine = (r: RowChange): string => changeLine(rowParts(r));
export const tableLine = (t: TableChange): string => changeLine(tableParts(t));
export const parameterLine = (p: ParameterChange): string => changeLine(parameterParts(p));
export const shareLine = (s: ShareCrossing): string => changeLine(shareParts(s));

/** The sections of a comparison, in the order every output lists them. */
export const DIFF_SECTIONS = {
  values: 'Montants et quantités modifiés',
  totals: 'Totaux modifiés',
  rows: 'Lignes ajoutées ou retirées',
  tables: 'Tableaux ajoutés ou retirés',
  parameters: 'Paramètres modifiés',
  shares: 'Parts du Département (minimum)',
  fixed: 'Constats corrigés',
  introduced: 'Nouveaux constats',
} as const;

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
