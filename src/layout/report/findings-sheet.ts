import type { Finding, Severity } from '../../domain/finding';
import { PrintedSheet } from '../printed-sheet';
import { countSeverities, severityCountsText } from '../../domain/severity-counts';

export const FINDINGS_SHEET = 'Rapport - annexe technique';
export const FINDINGS_COLUMNS = 7;
const WIDTHS: Record<number, number> = { 1: 5, 2: 12, 3: 20, 4: 18, 5: 7, 6: 68, 7: 14 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Erreur', warning: 'Avertissement', info: 'Information' };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first; the engine's own order (workbook tab, row, column) kept within a severity. */
export function bySeverity(findings: Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/**
 * "Rapport - annexe technique": every finding of the automatic check, one row each, with its rule
 * ID, its cell and the article it rests on — for the services that correct or audit the workbook;
 * the report's body says the same in plain words (observations).
 */
export function buildFindingsSheet(findings: Finding[], sheet = FINDINGS_SHEET): { writer: PrintedSheet; headerRow: number; ordered: Finding[] } {
  const w = new PrintedSheet(sheet, WIDTHS);
  w.value(1, 1, 'Annexe technique — constats du contrôle automatique des annexes financières');
  w.merge(1, 1, FINDINGS_COLUMNS);
  w.style(1, 1, FINDINGS_COLUMNS, 'title');
  w.value(2, 1, `${severityCountsText(countSeverities(findings), true)} ; la règle est l’identifiant stable du contrôle, décrit dans la documentation de l’outil.`);
  w.merge(2, 1, FINDINGS_COLUMNS);
  w.style(2, 1, FINDINGS_COLUMNS, 'note');
  const headerRow = 4;
  ['N°', 'Gravité', 'Règle', 'Feuille', 'Cellule', 'Constat', 'Article'].forEach((h, i) => w.value(headerRow, i + 1, h));
  w.style(headerRow, 1, FINDINGS_COLUMNS, 'header');
  const ordered = bySeverity(findings);
  ordered.forEach((f, i) => {
    const r = headerRow + 1 + i;
    w.value(r, 1, i + 1);
    w.value(r, 2, SEVERITY_LABEL[f.severity]);
    w.value(r, 3, f.rule);
    w.value(r, 4, f.sheet);
    w.value(r, 5, f.cell);
    w.value(r, 6, f.message);
    w.value(r, 7, f.article);
    w.style(r, 1, FINDINGS_COLUMNS, 'cell');
  });
  if (findings.length === 0) w.value(headerRow + 1, 1, 'Aucun constat.');
  return { writer: w, headerRow, ordered };
}
