import Decimal from 'decimal.js';
import ExcelJS from '../adapters/xlsx/exceljs';
import type { FileResult } from './check-file';
import { type SummaryGroup, cdShares, stateTotals } from './review-summary';
import { SEVERITY_LABEL } from '../layout/report/findings-sheet';
import { frenchDate } from '../domain/dates';
import { UNREADABLE_RULE } from './format-csv';
import { visibleCellText } from '../layout/visible-text';
import { xlsxLiteral } from '../adapters/xlsx/xlsx-literal';
import { REVIEW_SHEETS, REVIEW_STATUS } from './review-sheets';
import { type Cell, type Column, EURO, PERCENT, sheet, table, wrapColumns } from './xlsx-table';
import { conventionSheet } from './format-convention-xlsx';

/** When and with what the review was made, and how files are named (relative to the folder given). */
export interface ReviewHeader {
  reviewDate: Date;
  toolVersion: string;
  displayName: (file: string) => string;
  /** The readings given on the command line (each file's own are in its row). */
  options?: string;
}

/**
 * The controllers' consolidated review workbook: « Synthèse » (one row per file), « Constats »
 * (every finding, one row each), « Totaux par axe et volet » (amounts added up across files) and
 * « Convention 2024-2027 » (the CLS over its four years, per file: convention, axes, actions), each
 * an Excel table, so filters and sorting work at once. French labels; amounts in euros.
 */
export { REVIEW_SHEETS, REVIEW_STATUS };


export async function formatReviewXlsx(results: FileResult[], header?: ReviewHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'annexes';
  const name = header?.displayName ?? ((f: string) => f);
  summarySheet(wb, results, name, header);
  findingsSheet(wb, results, name);
  totalsSheet(wb, results);
  conventionSheet(wb, results, name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function fileStatus(r: FileResult): string {
  if (r.status === 'unreadable') return REVIEW_STATUS.unreadable;
  if (r.counts.error > 0) return REVIEW_STATUS.errors;
  return r.counts.warning > 0 ? REVIEW_STATUS.warnings : REVIEW_STATUS.ok;
}

const money = (d: Decimal | null): Cell => (d === null ? null : d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());

function summarySheet(wb: ExcelJS.Workbook, results: FileResult[], name: (file: string) => string, header: ReviewHeader | undefined): void {
  const columns: Column[] = [
    { name: 'Fichier', width: 40 },
    { name: 'Département', width: 24 },
    { name: 'Code', width: 8 },
    { name: 'Convention(s)', width: 14 },
    { name: 'Statut', width: 16 },
    { name: 'Erreurs', width: 10, total: 'sum' },
    { name: 'Avertissements', width: 15, total: 'sum' },
    { name: 'Informations', width: 13, total: 'sum' },
    { name: 'Total État', width: 18, numFmt: EURO, total: 'sum' },
    { name: 'dont CLS', width: 18, numFmt: EURO, total: 'sum' },
    { name: 'dont France Travail', width: 18, numFmt: EURO, total: 'sum' },
    { name: 'Part CD CLS', width: 12, numFmt: PERCENT },
    { name: 'Part CD FT volet 2', width: 12, numFmt: PERCENT },
    { name: 'FSE+ comptée comme CD', width: 12 },
    { name: 'Message', width: 60 },
  ];
  const rows = results.map((r): Cell[] => {
    const s = r.summary;
    const state = s ? stateTotals(s) : { cls: null, ft: null };
    const shares = s ? cdShares(s) : { cls: null, ftVolet2: null };
    const total = state.cls || state.ft ? (state.cls ?? new Decimal(0)).plus(state.ft ?? 0) : null;
    return [
      name(r.file),
      r.department ?? null,
      s?.departmentCode ?? null,
      s?.conventions.join(' + ') || null,
      fileStatus(r),
      r.counts.error,
      r.counts.warning,
      r.counts.info,
      money(total),
      money(state.cls),
      money(state.ft),
      shares.cls ? shares.cls.toNumber() : null,
      shares.ftVolet2 ? shares.ftVolet2.toNumber() : null,
      // The share above follows this reading, which each file's Paramètres may set.
      s?.fseCounted === undefined ? null : s.fseCounted ? 'oui' : 'non',
      r.message,
    ];
  });
  const ws = sheet(wb, REVIEW_SHEETS.summary, `Revue des annexes financières — ${results.length} fichier(s) : ${count(results, REVIEW_STATUS.ok)} conforme(s), ${count(results, REVIEW_STATUS.warnings)} avec avertissements, ${count(results, REVIEW_STATUS.errors)} avec erreurs, ${count(results, REVIEW_STATUS.unreadable)} illisible(s)`);
  if (header) {
    const line = `Revue du ${frenchDate(header.reviewDate)} — outil annexes ${header.toolVersion}${header.options ? ` — options : ${header.options}` : ''} — lectures propres à chaque fichier : colonne « FSE+ comptée comme CD » et retours par Département.`;
    ws.getCell(2, 1).value = xlsxLiteral(visibleCellText(line));
    ws.getCell(2, 1).font = { italic: true, size: 9 };
  }
  table(ws, 'Synthese', columns, rows, true);
}

function count(results: FileResult[], status: string): number {
  return results.filter((r) => fileStatus(r) === status).length;
}

function findingsSheet(wb: ExcelJS.Workbook, results: FileResult[], name: (file: string) => string): void {
  const columns: Column[] = [
    { name: 'Fichier', width: 36 },
    { name: 'Département', width: 20 },
    { name: 'Feuille', width: 26 },
    { name: 'Cellule', width: 9 },
    { name: 'Règle', width: 22 },
    { name: 'Gravité', width: 14 },
    { name: 'Message', width: 90 },
    { name: 'Article', width: 22 },
    { name: 'Attendu', width: 16 },
    { name: 'Constaté', width: 16 },
    { name: 'Cause probable', width: 30 },
  ];
  const rows: Cell[][] = [];
  for (const r of results) {
    if (r.status === 'unreadable') {
      rows.push([name(r.file), r.department ?? null, null, null, UNREADABLE_RULE, SEVERITY_LABEL.error, r.message, null, null, null, 'Classeur illisible']);
      continue;
    }
    const cause = new Map<number, string>();
    for (const g of r.summary?.causes ?? []) for (const i of g.findings) cause.set(i, g.title);
    r.findings.forEach((f, i) => {
      rows.push([name(r.file), r.department ?? null, f.sheet || null, f.cell || null, f.rule, SEVERITY_LABEL[f.severity], f.message, f.article, numeric(f.expected), numeric(f.actual), cause.get(i) ?? null]);
    });
  }
  const ws = sheet(wb, REVIEW_SHEETS.findings, `${rows.length} constat(s) — filtrer par fichier, règle ou gravité avec les flèches des en-têtes`);
  table(ws, 'Constats', columns, rows, false);
  // Rows as tall as their wrapped message, so a printout never overprints.
  wrapColumns(ws, columns, rows, [7]);
}

/** A plain amount or count as a number (so it sorts), anything else ("G + J", "=L50+N50") as text. */
function numeric(v: string | undefined): Cell {
  if (v === undefined) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function totalsSheet(wb: ExcelJS.Workbook, results: FileResult[]): void {
  const columns: Column[] = [
    { name: 'Convention', width: 14 },
    { name: 'Année', width: 8 },
    { name: 'Axe / volet', width: 12 },
    { name: 'État', width: 20, numFmt: EURO },
    { name: 'Département (CD)', width: 20, numFmt: EURO },
    { name: 'Autres financeurs', width: 20, numFmt: EURO },
    { name: 'Total', width: 20, numFmt: EURO },
    { name: 'Fichiers', width: 10 },
  ];
  const sums = new Map<string, { g: SummaryGroup; state: Decimal; cd: Decimal | null; other: Decimal | null; total: Decimal; files: number }>();
  for (const r of results) {
    for (const g of r.summary?.groups ?? []) {
      const key = `${g.convention}|${g.year ?? ''}|${g.group}`;
      const s = sums.get(key) ?? { g, state: new Decimal(0), cd: new Decimal(0), other: new Decimal(0), total: new Decimal(0), files: 0 };
      s.state = s.state.plus(g.state);
      s.total = s.total.plus(g.total);
      // A file that does not state the CD or other share makes the sum unknown, not smaller.
      s.cd = s.cd === null || g.cd === null ? null : s.cd.plus(g.cd);
      s.other = s.other === null || g.other === null ? null : s.other.plus(g.other);
      s.files++;
      sums.set(key, s);
    }
  }
  const order = (x: SummaryGroup) => `${x.convention === 'CLS' ? 0 : 1}|${x.year ?? 0}|${x.group}`;
  const rows = [...sums.values()]
    .sort((a, b) => order(a.g).localeCompare(order(b.g)))
    .map((s): Cell[] => [s.g.convention === 'CLS' ? 'CLS' : 'France Travail', s.g.year, s.g.group, money(s.state), money(s.cd), money(s.other), money(s.total), s.files]);
  const ws = sheet(wb, REVIEW_SHEETS.totals, 'Montants prévus additionnés sur les fichiers lisibles (CLS : prévisionnel par axe ; France Travail : plan d’action par volet)');
  table(ws, 'Totaux', columns, rows, false);
}
