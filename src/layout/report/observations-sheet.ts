import type { Finding } from '../../domain/finding';
import { countSeverities, severityCountsText } from '../../domain/severity-counts';
import { PrintedSheet } from '../printed-sheet';
import { type CauseGroup, cellsText } from './causes';

export const OBSERVATION_WIDTHS: Record<number, number> = { 1: 4, 2: 46, 3: 38 };
/** The last column: every line spans to it. */
export const OBSERVATION_LAST = 3;
/** Findings quoted under a cause; the technical annex lists them all. */
const QUOTED = 4;

/** « 33 erreurs et 1 information ». */
function countText(findings: Finding[]): string {
  return severityCountsText(countSeverities(findings), false);
}

/**
 * A sheet of observations in plain French, one block per probable cause (causes.ts): what was
 * found, why, what to correct, where — and a few of the findings' own messages. No rule ID: those
 * are for the technical annex. Shared by the mid-term report (for the préfet) and the controllers'
 * return document (for the Département). Each block is kept on one page.
 */
export function buildObservationsSheet(
  sheet: string,
  title: string,
  intro: string[],
  groups: CauseGroup[],
  findings: Finding[],
  annexName: string,
  actionLabel = 'À corriger',
  /** Writes what comes between the title and the causes (fields, readings); returns the next row. */
  preamble?: (w: PrintedSheet, row: number) => number,
): PrintedSheet {
  const w = new PrintedSheet(sheet, OBSERVATION_WIDTHS);
  let r = 1;
  const line = (text: string, style: 'title' | 'subtitle' | 'note' | 'wrap' | 'section' | 'label' | 'cell', left = 1) => {
    w.value(r, left, text);
    w.merge(r, left, OBSERVATION_LAST);
    w.style(r, left, OBSERVATION_LAST, style);
    r++;
  };
  line(title, 'title');
  if (preamble) r = preamble(w, r);
  for (const t of intro) line(t, 'note');
  r++;
  if (groups.length === 0) line('Aucune observation : le contrôle automatique ne relève rien.', 'wrap');
  groups.forEach((g, i) => {
    const top = r;
    const n = g.findings.length;
    const mine = g.findings.map((k) => findings[k]);
    line(`${i + 1}. ${g.title} — ${countText(mine)}`, 'section');
    if (g.explanation) line(g.explanation, 'wrap', 2);
    line(`${actionLabel} : ${g.correction}`, 'label', 2);
    const cells = cellsText(mine);
    if (cells) line(`Cellules : ${cells}.`, 'note', 2);
    for (const f of mine.slice(0, QUOTED)) line(`• ${f.message}`, 'wrap', 2);
    if (n > QUOTED) line(`… et ${n - QUOTED} autre${n - QUOTED > 1 ? 's' : ''} (liste complète : feuille « ${annexName} »).`, 'note', 2);
    w.keepTogether(top, Math.min(r - 1, top + 6));
    r++;
  });
  return w;
}
