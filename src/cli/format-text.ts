import type { Finding, Severity } from '../domain/finding';
import type { FileResult } from './check-file';
import { visibleText as v } from '../layout/visible-text';
import { conventionLines } from './convention-json';

const LABEL: Record<Severity, string> = { error: 'ERREUR', warning: 'AVERTISSEMENT', info: 'INFO' };

/**
 * French text report: per file, findings grouped by sheet, each with its cell, rule, message and
 * article. Every text that comes from a workbook or the disk goes through visibleText: a newline
 * or an escape sequence in a Département name must not print a line of its own.
 */
export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`Fichier : ${v(r.file)}${r.department ? ` (${v(r.department)})` : ''}`);
    if (r.status === 'unreadable') {
      lines.push(`  ILLISIBLE — ${v(r.message)}`, '');
      continue;
    }
    lines.push(`  ${v(r.message)}`);
    if (r.convention) lines.push(...conventionLines(r.convention).map(v));
    const bySheet = new Map<string, Finding[]>();
    for (const f of r.findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
    for (const [sheet, findings] of bySheet) {
      lines.push(sheet ? `  Feuille « ${v(sheet)} »` : '  Classeur');
      for (const f of findings) {
        const where = f.cell ? `${v(f.cell)} ` : '';
        lines.push(`    [${LABEL[f.severity]}] ${where}${v(f.rule)} — ${v(f.message)} (${v(f.article)})`);
      }
    }
    lines.push('');
  }
  lines.push(batchTotals(results));
  return `${lines.join('\n')}\n`;
}

/** « 3 fichiers contrôlés : 1 sans erreur, 1 avec erreurs, 1 illisible. » */
export function batchTotals(results: FileResult[]): string {
  const unreadable = results.filter((r) => r.status === 'unreadable').length;
  const withErrors = results.filter((r) => r.status === 'ok' && r.counts.error > 0).length;
  const clean = results.length - unreadable - withErrors;
  const n = results.length;
  return `${n} fichier${n > 1 ? 's' : ''} contrôlé${n > 1 ? 's' : ''} : ${clean} sans erreur, ${withErrors} avec erreurs, ${unreadable} illisible${unreadable > 1 ? 's' : ''}.`;
}
