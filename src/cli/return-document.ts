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
