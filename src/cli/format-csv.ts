import type { FileResult } from './check-file';
import { SEVERITY_LABEL } from '../layout/report/findings-sheet';
import { visibleText } from '../layout/visible-text';

/**
 * The findings as CSV for the controllers' own tools, one line per finding (an unreadable file is
 * one FICHIER-ILLISIBLE line, a file without findings one « Aucun constat » line: every file checked
 * is listed). Written for French Excel, which opens it with a double click:
 * UTF-8 with a BOM, ";" separators, CRLF line ends, decimal comma in the amounts.
 */
export const CSV_COLUMNS = ['Fichier', 'Département', 'Feuille', 'Cellule', 'Règle', 'Gravité', 'Message', 'Article', 'Attendu', 'Constaté'];
export const UNREADABLE_RULE = 'FICHIER-ILLISIBLE';

export function formatCsv(results: FileResult[]): string {
  const lines = [CSV_COLUMNS];
  for (const r of results) {
    const file = r.file;
    if (r.status === 'unreadable') {
      lines.push([file, r.department ?? '', '', '', UNREADABLE_RULE, SEVERITY_LABEL.error, r.message, '', '', '']);
      continue;
    }
    // Every file checked has its line: one without findings says so.
    if (r.findings.length === 0) lines.push([file, r.department ?? '', '', '', '', '', 'Aucun constat : fichier conforme.', '', '', '']);
    for (const f of r.findings) {
      lines.push([file, r.department ?? '', f.sheet, f.cell, f.rule, SEVERITY_LABEL[f.severity], f.message, f.article, frenchNumber(f.expected), frenchNumber(f.actual)]);
    }
  }
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** "1236000.00" → "1236000,00"; anything else (a formula, a quantity) as it is. */
function frenchNumber(v: string | undefined): string {
  if (v === undefined) return '';
  return /^-?\d+(\.\d+)?$/.test(v) ? v.replace('.', ',') : v;
}

/**
 * A field Excel or LibreOffice would run as a formula (CSV injection) gets a leading apostrophe:
 * one starting with = + - @ (or their full-width forms), a tab or a carriage return, even after
 * spaces — `-1+cmd|' /C calc'!A0` included — unless it is a plain number (-12,50 stays a number).
 * Control and direction characters are then made visible, and the field quoted when it holds a
 * separator, a quote or a line break.
 */
export function csvField(v: string): string {
  const risky = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v);
  const safe = visibleText(risky ? `'${v}` : v);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA_START = /^[\s\u00A0\u202F]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
/** -12,50 · 1236000.00 · -1 236 000,00 (thin or non-breaking spaces between thousands). */
const PLAIN_NUMBER = /^[+-]?(\d+|\d{1,3}([ \u00A0\u202F]\d{3})+)([.,]\d+)?$/;
