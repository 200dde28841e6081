import { promises as fs } from 'fs';
import * as path from 'path';
import { frenchDate } from '../domain/dates';
import { reportToXlsxBuffer } from '../adapters/xlsx/write-report';
import { writeOutputFile } from '../adapters/files/output-file';
import { certificationBlock } from '../layout/fill/certification';
import type { PrintedSheet } from '../layout/printed-sheet';
import { buildFindingsSheet } from '../layout/report/findings-sheet';
import { OBSERVATION_LAST as LAST, buildObservationsSheet } from '../layout/report/observations-sheet';
import { type ReportPlan, printsOf } from '../layout/report/report-plan';
import type { CauseGroup } from '../layout/report/causes';
import type { WritePlan } from '../layout/write-plan';
import { type FileResult, summaryText } from './check-file';
import { fileStatus } from './format-xlsx';
import { type PlainConvention, figures, readGap } from './convention-json';
import Decimal from 'decimal.js';
import { formatEuro } from '../domain/money';

export const RETURN_SHEET = 'Retour du contrôle';
export const RETURN_ANNEX_SHEET = 'Annexe technique';

/** What every return document of one review states. */
export interface ReviewContext {
  reviewDate: Date;
  toolVersion: string;
  /** The file's name as the controller gave it: relative to the folder checked. */
  displayName: (file: string) => string;
}

/**
 * The controllers' return document for one Département's workbook: who and what was checked, when,
 * with which tool and readings, the result, the findings in plain French grouped by probable cause
 * with what to correct, and the controller's signature; every finding with its rule ID in a
 * technical annex. A4 portrait, written by the report writer (styles, heights, page breaks).
 */
export function planReturnDocument(result: FileResult, ctx: ReviewContext): ReportPlan {
  const s = result.summary;
  const name = ctx.displayName(result.file);
  const causes: CauseGroup[] =
    result.status === 'unreadable'
      ? [{ id: 'illisible', severity: 'error', title: 'Classeur illisible', explanation: result.message, correction: 'Enregistrer le classeur au format Excel (.xlsx), sans mot de passe, et le transmettre à nouveau.', findings: [], rules: [] }]
      : (s?.causes ?? []);
  const annex = buildFindingsSheet(result.findings, RETURN_ANNEX_SHEET);
  const preamble = (w: PrintedSheet, top: number): number => {
    let r = top;
    const field = (label: string, value: string) => {
      w.value(r, 2, `${label} : ${value}`);
      w.merge(r, 2, LAST);
      w.style(r, 2, LAST, 'wrap');
      r++;
    };
    const heading = (text: string) => {
      w.value(r, 1, text);
      w.merge(r, 1, LAST);
      w.style(r, 1, LAST, 'section');
      r++;
    };
    w.value(r, 1, `Département : ${result.department ?? 'non indiqué dans le classeur'}${s?.departmentCode ? ` (${s.departmentCode})` : ''}`);
    w.merge(r, 1, LAST);
    w.style(r, 1, LAST, 'subtitle');
    r += 2;
    field('Fichier contrôlé', name);
    field('Date du contrôle', frenchDate(ctx.reviewDate));
    field('Outil', `annexes ${ctx.toolVersion} (contrôle automatique des annexes financières CLS et France Travail)`);
    if (s?.conventions.length) field('Conventions', s.conventions.map((c) => (c === 'CLS' ? 'contrat local des solidarités' : 'convention France Travail')).join(' et '));
    field('Résultat', result.status === 'unreadable' ? 'le classeur n’a pas pu être lu (statut « Illisible »)' : `${summaryText(result.counts)} (statut « ${fileStatus(result)} »)`);
    r++;
    if (s?.readings?.length) {
      heading('Lectures appliquées');
      for (const reading of s.readings) field(reading.label, `${reading.value} (${reading.source})`);
      r++;
    }
    if (result.convention) {
      const c = result.convention;
      heading(`Contrat local des solidarités ${c.period[0]}-${c.period[c.period.length - 1]} : crédits de l’État sur la durée de la convention`);
      for (const [label, value] of conventionFields(c)) field(label, value);
      r++;
    }
    heading('Constats par cause probable');
    return r;
  };
  const body = buildObservationsSheet(
    RETURN_SHEET,
    'Retour du contrôle des annexes financières',
    causes.length ? ['Chaque cause regroupe les constats qu’elle explique ; la corriger les fait disparaître ensemble.'] : [],
    causes,
    result.findings,
    RETURN_ANNEX_SHEET,
    'À corriger',
    preamble,
  );
  certificationBlock(body, body.usedRows + 2, [1, 2], [LAST, LAST], 'Pour le préfet et par délégation, le contrôleur');
  const plan: WritePlan = { description: `Retour du contrôle : ${name}`, createSheets: [], writes: [], styles: [] };
  for (const [w, print] of [
    [body, { orientation: 'portrait' as const, footer: name }],
    [annex.writer, { orientation: 'landscape' as const, frozenRows: annex.headerRow, repeatRows: { first: annex.headerRow, last: annex.headerRow }, footer: name }],
  ] as const) {
    plan.createSheets.push(w.toSheet(print).sheet);
    plan.writes.push(...w.writes);
    plan.styles?.push(...w.styles);
  }
  return { plan, print: printsOf(plan), styles: plan.styles ?? [], charts: [] };
}

/** « 2024 et 2025 », « 2024, 2025 et 2026 ». */
function frenchList(items: (string | number)[]): string {
  return items.length <= 1 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * The four-year summary of the return document: art. 2.2's amount and where it comes from, what the
 * tables notify over the years read and the gap, the years not read yet, then the whole convention
 * and each axe (notified, paid, spent and rate, unspent, carried over).
 */
export function conventionFields(c: PlainConvention): [string, string][] {
  const euro = (d: Decimal.Value) => formatEuro(new Decimal(d));
  const bySource = (source: string) => c.expected.years.filter((e) => e.source === source).map((e) => e.year);
  const origin = [
    bySource('notifié').length ? `${frenchList(bySource('notifié'))} notifié${bySource('notifié').length > 1 ? 's' : ''}` : '',
    bySource('prévisionnel').length ? `${frenchList(bySource('prévisionnel'))} au prévisionnel de l’art. 2.2` : '',
  ].filter(Boolean);
  const g = readGap(c);
  const fields: [string, string][] = [
    ['Attendu selon l’art. 2.2 et les avenants', c.expected.total === null ? 'inconnu : le montant d’au moins une année manque dans la feuille Paramètres' : `${euro(c.expected.total)} (${origin.join(', ')})`],
  ];
  let notified = 'aucune année lue';
  if (g.read.length > 0) {
    const against =
      g.gap === null || g.expected === null
        ? 'attendu de ces années inconnu'
        : g.gap.isZero()
          ? 'conforme à l’attendu de ces années'
          : `${g.gap.isNegative() ? 'inférieur' : 'supérieur'} de ${euro(g.gap.abs())} à l’attendu de ces années (${euro(g.expected)})`;
    notified = `${euro(g.notified)} pour ${frenchList(g.read)}, ${against}`;
  }
  fields.push(['Notifié dans les tableaux financiers', notified]);
  if (g.unread.length) fields.push(['Années non encore lues', frenchList(g.unread)]);
  fields.push(['Ensemble de la convention (années lues)', figures(c)]);
  for (const a of c.axes) fields.push([`Axe ${a.axe}`, figures(a)]);
  return fields;
}

/** « retour-62-pas-de-calais.xlsx »; a file without Département is named after the file checked. */
export function returnFileName(result: FileResult, taken: Set<string>): string {
  const slug = (t: string) =>
    t
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  const code = result.summary?.departmentCode;
  const base = result.department ? `retour-${code ? `${slug(code)}-` : ''}${slug(result.department)}` : `retour-${slug(path.basename(result.file).replace(/\.[^.]+$/, '')) || 'classeur'}`;
  let name = `${base}.xlsx`;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}.xlsx`;
  taken.add(name);
  return name;
}

/**
 * One return document per file checked, in `folder` (created if needed), each written like any
 * output of the tool: never over one of `inputs`, atomically. Returns the paths written.
 */
export async function writeReturnDocuments(results: FileResult[], folder: string, ctx: ReviewContext, inputs: readonly string[]): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true });
  const taken = new Set<string>();
  const written: string[] = [];
  for (const r of results) {
    const file = path.join(folder, returnFileName(r, taken));
    await writeOutputFile(file, await reportToXlsxBuffer(planReturnDocument(r, ctx)), inputs, 'check');
    written.push(file);
  }
  return written;
}
