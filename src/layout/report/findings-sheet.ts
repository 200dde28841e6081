import type { Finding, Severity } from '../../domain/finding';
import { SheetPlanWriter } from './report-plan';

export const FINDINGS_SHEET = 'Rapport - constats';
export const FINDINGS_COLUMNS = 7;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Erreur', warning: 'Avertissement', info: 'Information' };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * "Rapport - constats": what a State controller would raise, errors first, each with its cell and
 * the article it rests on: the engine's findings on the workbook, then the report's own (MID-*).
 */
export function buildFindingsSheet(findings: Finding[]): { writer: SheetPlanWriter; headerRow: number; ordered: Finding[] } {
  const w = new SheetPlanWriter(FINDINGS_SHEET);
  w.value(1, 1, 'Rapport à mi-parcours — constats du contrôle');
  w.style(1, 1, FINDINGS_COLUMNS, 'title');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  w.value(2, 1, `${counts.error} erreur(s), ${counts.warning} avertissement(s), ${counts.info} information(s)`);
  w.style(2, 1, FINDINGS_COLUMNS, 'subtitle');
  const headerRow = 4;
  ['N°', 'Gravité', 'Règle', 'Feuille', 'Cellule', 'Constat', 'Article'].forEach((h, i) => w.value(headerRow, i + 1, h));
  w.style(headerRow, 1, FINDINGS_COLUMNS, 'header');
  // A stable sort: the engine's own order (sheet, row, column) is kept within a severity.
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
  ordered.forEach((f, i) => {
    const r = headerRow + 1 + i;
    w.value(r, 1, i + 1);
    w.value(r, 2, SEVERITY_LABEL[f.severity]);
    w.value(r, 3, f.rule);
    w.value(r, 4, f.sheet);
    w.value(r, 5, f.cell);
    w.value(r, 6, f.message);
    w.value(r, 7, f.article);
    w.style(r, 6, 6, 'wrap');
  });
  if (findings.length === 0) w.value(headerRow + 1, 1, 'Aucun constat.');
  return { writer: w, headerRow, ordered };
}
