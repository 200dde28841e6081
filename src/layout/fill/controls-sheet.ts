import type { Finding, Severity } from '../../domain/finding';
import { severitySummary } from '../../domain/severity-counts';
import type { Analysis } from '../analyse';
import type { CellWrite, WritePlan } from '../write-plan';
import { excelString, quoteSheet } from './formula-text';
import { visibleCellText } from '../visible-text';

export const CONTROLS_SHEET = 'Contrôles';
/** A1 of the sheet: also how a later fill knows the sheet is the tool's (tool-sheets.ts). */
export const CONTROLS_TITLE = 'Contrôles des annexes financières';

const SEVERITY: Record<Severity, string> = { error: 'ERREUR', warning: 'AVERTISSEMENT', info: 'INFO' };
const HEADERS = ['Sévérité', 'Règle', 'Feuille', 'Cellule', 'Message', 'Article', 'Attendu', 'Constaté'];
const HEADER_ROW = 4;

/**
 * The « Contrôles » sheet: the findings of `check`, one row each, the cell as a link that takes the
 * user to it (HYPERLINK formula: it works in Excel, LibreOffice and Office.js alike, where a cell
 * hyperlink object would not). Messages and values are written as text, never as formulas.
 */
export function planControlsSheet(analysis: Analysis): WritePlan {
  const { findings } = analysis;
  const writes: CellWrite[] = [];
  const put = (row: number, col: number, value: string) => {
    // Sheet names and values quoted from the workbook are shown as written (visible control characters).
    if (value !== '') writes.push({ sheet: CONTROLS_SHEET, row, col, value: visibleCellText(value), purpose: 'control' });
  };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  put(1, 1, CONTROLS_TITLE);
  put(2, 1, summary(counts));
  HEADERS.forEach((h, i) => put(HEADER_ROW, i + 1, h));
  if (findings.length === 0) put(HEADER_ROW + 1, 1, 'Aucun constat.');
  findings.forEach((f, i) => {
    const r = HEADER_ROW + 1 + i;
    put(r, 1, SEVERITY[f.severity]);
    put(r, 2, f.rule);
    put(r, 3, f.sheet || '(classeur)');
    const link = linkTo(f);
    if (link) writes.push({ sheet: CONTROLS_SHEET, row: r, col: 4, formula: link, value: f.cell, purpose: 'control' });
    put(r, 5, f.message);
    put(r, 6, f.article);
    put(r, 7, f.expected ?? '');
    put(r, 8, f.actual ?? '');
  });
  return {
    description: `Feuille « ${CONTROLS_SHEET} » : ${summary(counts)}.`,
    createSheets: [{ name: CONTROLS_SHEET, replace: true, frozenRows: HEADER_ROW, columnWidths: { 1: 16, 2: 18, 3: 30, 4: 10, 5: 100, 6: 22, 7: 16, 8: 16 } }],
    writes,
  };
}

/** HYPERLINK("#'Feuille'!F18","F18"), or null when the finding names no cell. */
function linkTo(f: Finding): string | null {
  if (!f.sheet || !/^[A-Z]{1,3}\d+$/.test(f.cell)) return null;
  return `HYPERLINK(${excelString(`#${quoteSheet(f.sheet)}!${f.cell}`)},${excelString(f.cell)})`;
}

const summary = severitySummary;
