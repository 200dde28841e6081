import { cellAddress } from '../grid';
import { frenchDate } from '../../domain/dates';
import { type Money, percent, toCents } from '../../domain/money';
import type { Finding } from '../../domain/finding';
import { PrintedSheet } from '../printed-sheet';
import { certificationBlock } from '../fill/certification';
import { quoteSheet } from '../fill/formula-text';
import { EURO_FORMAT, PERCENT_FORMAT } from './report-plan';
import { C, STATEMENT_SHEET } from './statement-sheet';
import { countSeverities, severityCountsText } from '../../domain/severity-counts';

export const COVER_SHEET = 'Rapport - couverture';
const WIDTHS: Record<number, number> = { 1: 30, 2: 26, 3: 26 };
const DOTS = '…………………';

export interface CoverFigures {
  department: string | undefined;
  /** Date the report is drawn up. */
  date: Date;
  /** Row of the statement's cumul total (live links), null without actions. */
  cumulTotalRow: number | null;
  planned: Money;
  spent: Money;
  actions: number;
  findings: Finding[];
  /** The report's parts, in order: « 1. Bilan financier… ». */
  contents: string[];
}

/**
 * "Rapport - couverture": what the préfet reads first — the Département, the period (CLS art. 2.3:
 * 1 January 2024 to 31 December 2025), the deadline (31 March 2026), the deliberation to reference
 * (the report « fait l'objet d'une délibération départementale »), the date, the contents, the key
 * figures (live links to the statement) and the signature of the Département's executive.
 */
export function buildCoverSheet(c: CoverFigures): PrintedSheet {
  const w = new PrintedSheet(COVER_SHEET, WIDTHS);
  let r = 1;
  const banner = (text: string, style: 'title' | 'subtitle' | 'note' | 'section') => {
    w.value(r, 1, text);
    w.merge(r, 1, 3);
    w.style(r, 1, 3, style);
    r++;
  };
  const field = (label: string, value: string) => {
    w.value(r, 1, label);
    w.style(r, 1, 1, 'label');
    w.value(r, 2, value);
    w.merge(r, 2, 3);
    w.style(r, 2, 3, 'wrap');
    r++;
  };
  banner('Contrat local des solidarités 2024-2027', 'title');
  banner('Rapport à mi-parcours', 'title');
  banner('Pacte des solidarités — convention entre l’État et le Département (article 2.3)', 'subtitle');
  r++;
  field('Département', c.department ?? 'non indiqué (feuille Paramètres, clé « Département »)');
  field('Période couverte', 'du 1er janvier 2024 au 31 décembre 2025, soit deux années civiles');
  field('Destinataire', 'le préfet de département, au plus tard le 31 mars 2026');
  field('Délibération départementale', `n° ${DOTS} du ${DOTS} (à référencer avant la transmission)`);
  field('Rapport établi le', frenchDate(c.date));
  r++;
  banner('Contenu', 'section');
  for (const part of c.contents) {
    w.value(r, 1, part);
    w.merge(r, 1, 3);
    w.style(r, 1, 3, 'wrap');
    r++;
  }
  r++;
  banner('Chiffres clés 2024-2025', 'section');
  const figure = (label: string, formula: string | null, value: number | string, numFmt: string) => {
    w.value(r, 1, label);
    w.merge(r, 1, 2);
    w.style(r, 1, 3, 'cell');
    if (formula) w.formula(r, 3, formula, value, numFmt);
    else w.value(r, 3, value, numFmt);
    r++;
  };
  const link = (col: number) => (c.cumulTotalRow ? `${quoteSheet(STATEMENT_SHEET)}!${cellAddress(c.cumulTotalRow, col)}` : null);
  figure('Actions du contrat', null, c.actions, '0');
  figure('Crédits prévus (État, Département, autres financeurs)', link(C.planned), toCents(c.planned).toNumber(), EURO_FORMAT);
  figure('Montants réalisés au 31/12/2025', link(C.totalSpent), toCents(c.spent).toNumber(), EURO_FORMAT);
  const rate = percent(c.spent, c.planned);
  const plannedCell = cellAddress(r - 2, 3);
  const spentCell = cellAddress(r - 1, 3);
  figure('Taux de réalisation', `IF(${plannedCell}=0,"",${spentCell}/${plannedCell})`, rate ? rate.div(100).toNumber() : '', PERCENT_FORMAT);
  // The rate is the figure just above, in the cell's own format: not said twice at two precisions.
  w.value(r, 1, `Observations du contrôle : ${severityCountsText(countSeverities(c.findings), true)}${rate ? '' : ' — aucun crédit prévu'}.`);
  w.merge(r, 1, 3);
  w.style(r, 1, 3, 'note');
  r += 2;
  certificationBlock(w, r, [1, 1], [2, 3], 'Le Président du Conseil départemental');
  return w;
}
