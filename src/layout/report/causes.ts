import { parseAddress } from '../../domain/a1';
import type { Finding, Severity } from '../../domain/finding';
import { RULES } from '../../domain/rules/catalogue';
import { clsYears, executionNotFilled } from '../../domain/rules/cls-blocks';
import type { AnnexTable } from '../../domain/table';
import type { AnnexWorkbook } from '../../domain/workbook';
import { MID_RULE_TITLES } from './observations';

/**
 * Findings grouped by their probable cause, in plain French, for the people who act on them: the
 * Département that corrects its workbook (the controllers' return document) and the préfet who
 * reads the mid-term report. One empty « Exécution 2024 » block makes a finding on every action of
 * that block and of the récapitulatif compared with it: one cause, one thing to correct. Findings
 * no cause explains are grouped by rule, under the rule's French title. Plain data: it crosses the
 * CLI's worker threads as it is.
 */
export interface CauseGroup {
  /** « execution-vide-2024 », « regle-CALC-FORMULA ». */
  id: string;
  severity: Severity;
  title: string;
  /** Why these findings go together; '' when they are simply the findings of one rule. */
  explanation: string;
  /** What to do, in the Département's words. */
  correction: string;
  /** Indices of the findings (in the list given) this cause explains. */
  findings: number[];
  /** Rule IDs concerned, for the technical annex. */
  rules: string[];
}

interface Cause {
  id: string;
  title: string;
  explanation: (n: number) => string;
  correction: string;
  explains: (f: Finding) => boolean;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What to do about each rule's findings, when no common cause explains them. */
export const CORRECTIONS: Record<string, string> = {
  'CALC-ROW': 'Corriger la cellule indiquée ou les montants dont elle se déduit ; « annexes fill » réécrit les colonnes calculées en formules.',
  'CALC-FORMULA': 'Remplacer la formule par celle de la définition de la colonne (par exemple K = G + J) ; « annexes fill » l’écrit.',
  'CALC-TOTAL': 'Faire de chaque ligne de total la somme de ses lignes (formule SOMME).',
  'CROSS-BLOCK': 'Reporter le même montant dans les deux blocs, après avoir vérifié lequel est juste.',
  'PLAN-DELTA': 'Corriger le Delta : Cible − Existant, dans la même unité.',
  'COFI-FT-VOLET2': 'Porter la part du Département à 50 % du coût total du volet 2, ou indiquer la lecture retenue pour la valorisation FSE+.',
  'COFI-FT-VOLET2-REALISE': 'Justifier des dépenses du Département sur ses fonds propres pour le volet 2 (paramètre « FT dépenses CD volet 2 ») à hauteur de 50 % du coût total réalisé.',
  'COFI-CLS-ACTION': 'Porter les crédits du Département à 50 % au moins du budget de l’action.',
  'CEIL-FT-VOLET': 'Ramener le total des besoins du volet à son plafond notifié.',
  'CEIL-CLS-AXE': 'Aligner les montants État par axe sur les montants notifiés.',
  'STATE-EXCEEDS-COST': 'Réduire la participation de l’État au coût de l’action.',
  'CARRY-EXCEEDS-UNSPENT': 'Limiter le report aux crédits non consommés.',
  'CARRY-BEYOND-END': 'Supprimer le report au-delà de la fin de la convention : les crédits non consommés sont à reverser.',
  UNDERSPEND: 'Expliquer la sous-consommation (montée en charge, retard) ou revoir la programmation des crédits.',
  'EXP-INELIGIBLE': 'Retirer la dépense de l’état des dépenses, ou la maintenir en indiquant le motif dans la colonne « Maintenue au bilan » du journal.',
  'EXP-PERIOD': 'Rattacher la dépense à la bonne période, ou la retirer du bilan de cette convention.',
  'EXP-LINE': 'Compléter la ligne du journal : Montant = Nombre d’unités × coût unitaire.',
  'CELL-TEXT-AMOUNT': 'Saisir les montants comme des nombres (sans espace ni « € » tapés), le format € s’applique ensuite.',
  'CELL-NOT-NUMBER': 'Saisir un montant en chiffres dans la cellule.',
  'CELL-ERROR': 'Corriger la formule qui produit une erreur (#REF!, #VALUE!…).',
  'CELL-NO-CACHE': 'Ouvrir le classeur dans Excel, recalculer (F9) et enregistrer.',
  'CELL-NEGATIVE': 'Vérifier le signe du montant.',
  'CELL-PRECISION': 'Arrondir le montant au centime.',
  'STRUCT-SHEET': 'Ajouter le tableau manquant, avec ses titres et en-têtes du modèle.',
  'STRUCT-COLUMN': 'Rétablir la colonne manquante, avec son en-tête du modèle.',
  'STRUCT-DUPLICATE': 'Supprimer le doublon ou renommer le bloc.',
  'PARAM-INVALID': 'Corriger la ligne de la feuille Paramètres (clé du modèle, valeur lisible).',
  'PARAM-TEXT-DATE': 'Saisir la date comme une date (jj/mm/aaaa), non comme un texte.',
  'FT-SOLDE': 'Rien à corriger : c’est le résultat du bilan financier final.',
  'CEIL-CLS-CONVENTION': 'Aligner le total État des années du contrat sur l’article 2.2, ou joindre les avenants qui le modifient.',
  'CLS-YEARS': 'Compléter les années du contrat (2024 à 2027) et retirer celles qui en sortent.',
  'FICHE-TOTAL': 'Faire du Total de chaque ligne du budget de la fiche la somme de ses financeurs, et de la ligne Total la somme des années.',
  'FICHE-YEARS': 'Renseigner le budget de chaque année de la convention dans la fiche.',
  'FICHE-SUBACTIONS': 'Répartir tout le budget annuel de la fiche entre ses sous-actions.',
  'FICHE-VS-TABLEAU': 'Reporter dans le « Tableau financier » les montants de la fiche (ou l’inverse), après avoir vérifié lesquels sont justes.',
  'MID-BLOCK-MISSING': 'Ajouter au classeur le bloc de l’année manquante.',
  'MID-UNDERSPEND': 'Expliquer la sous-consommation dans le rapport.',
  'MID-CARRY-END': 'Programmer l’emploi des crédits reportés avant la fin de la convention.',
  'MID-IND-MISSING': 'Renseigner le résultat de l’indicateur pour l’année.',
  'MID-IND-BELOW': 'Commenter l’écart à la cible dans le rapport.',
  'MID-IND-NONE': 'Joindre les tableaux d’indicateurs (annexes 1 et 4).',
};

/** Execution keys the récapitulatif n compares with the exécution n (CROSS-BLOCK). */
const COMPARED_WITH_EXECUTION = ['statePaid', 'stateUnspent', 'totalSpent', 'carryOverState', 'carryOverCd'];

function rowsOf(t: AnnexTable): [number, number] {
  return [t.headerTop, Math.max(t.headerBottom, ...t.rows.map((r) => r.row))];
}

function inTable(f: Finding, t: AnnexTable, cols?: Set<number>): boolean {
  const at = parseAddress(f.cell);
  if (f.sheet !== t.sheet || !at) return false;
  const [top, bottom] = rowsOf(t);
  return at.row >= top && at.row <= bottom && (!cols || cols.has(at.col));
}

/** The causes this workbook shows, most specific first. */
function causesOf(workbook: AnnexWorkbook): Cause[] {
  const causes: Cause[] = [];
  for (const y of clsYears(workbook)) {
    const exec = y.execution;
    if (!exec || !executionNotFilled(exec)) continue;
    const recapCols = new Set((y.recap?.columns ?? []).filter((c) => COMPARED_WITH_EXECUTION.includes(c.key)).map((c) => c.col));
    causes.push({
      id: `execution-vide-${y.year}`,
      title: `Exécution ${y.year} non renseignée`,
      explanation: (n) =>
        `Le bloc « ${exec.title} » ne contient aucun montant réalisé (colonnes « Montant État réalisé » et « Montant CD réalisé » vides ou à zéro). ` +
        `Chaque action de ce bloc, et sa comparaison avec le récapitulatif, est donc signalée : ${n > 1 ? `${n} constats viennent` : 'le constat vient'} de cette seule cause.`,
      correction: `Saisir pour chaque action le montant État réalisé et le montant CD réalisé au 31/12/${y.year} ; les crédits non consommés, le total réalisé et les reports se recalculent (« annexes fill »).`,
      explains: (f) => inTable(f, exec) || (f.rule === 'CROSS-BLOCK' && !!y.recap && inTable(f, y.recap, recapCols)),
    });
  }
  return causes;
}

export function groupByCause(workbook: AnnexWorkbook, findings: Finding[]): CauseGroup[] {
  const causes = causesOf(workbook);
  const groups = new Map<string, CauseGroup>();
  const add = (key: string, make: () => Omit<CauseGroup, 'findings' | 'rules' | 'severity'>, f: Finding, i: number) => {
    let g = groups.get(key);
    if (!g) {
      g = { ...make(), severity: f.severity, findings: [], rules: [] };
      groups.set(key, g);
    }
    g.findings.push(i);
    if (!g.rules.includes(f.rule)) g.rules.push(f.rule);
    if (ORDER[f.severity] < ORDER[g.severity]) g.severity = f.severity;
  };
  findings.forEach((f, i) => {
    const cause = causes.find((c) => c.explains(f));
    if (cause) add(cause.id, () => ({ id: cause.id, title: cause.title, explanation: '', correction: cause.correction }), f, i);
    else add(`regle-${f.rule}`, () => ({ id: `regle-${f.rule}`, title: ruleTitle(f.rule), explanation: '', correction: CORRECTIONS[f.rule] ?? 'Vérifier les cellules indiquées.' }), f, i);
  });
  for (const g of groups.values()) {
    const cause = causes.find((c) => c.id === g.id);
    g.explanation = cause ? cause.explanation(g.findings.length) : '';
  }
  // Errors first; within a severity, the cause explaining the most findings first.
  return [...groups.values()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.findings.length - a.findings.length);
}

function ruleTitle(id: string): string {
  return RULES.find((r) => r.id === id)?.title ?? MID_RULE_TITLES[id] ?? id;
}

/** « F28 à F40, G28 à G40 » — the cells of a group's findings, consecutive rows of a column as one range. */
export function cellsText(findings: Finding[]): string {
  const bySheet = new Map<string, Map<string, number[]>>();
  for (const f of findings) {
    const at = parseAddress(f.cell);
    if (!at) continue;
    let cols = bySheet.get(f.sheet);
    if (!cols) bySheet.set(f.sheet, (cols = new Map<string, number[]>()));
    const letters = f.cell.replace(/\d+$/, '');
    const rows = cols.get(letters);
    if (rows) rows.push(at.row);
    else cols.set(letters, [at.row]);
  }
  const parts: string[] = [];
  for (const [sheet, cols] of bySheet) {
    const ranges: string[] = [];
    for (const [letters, rows] of cols) {
      const sorted = [...new Set(rows)].sort((a, b) => a - b);
      let start = sorted[0];
      for (let i = 1; i <= sorted.length; i++) {
        if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
        const end = sorted[i - 1];
        ranges.push(start === end ? `${letters}${start}` : `${letters}${start} à ${letters}${end}`);
        start = sorted[i];
      }
    }
    parts.push(`${sheet} : ${ranges.join(', ')}`);
  }
  const text = parts.join(' ; ');
  // Thousands of scattered cells say nothing more than the first ones: the annex lists them all.
  if (text.length <= MAX_CELLS_TEXT) return text;
  const cut = text.lastIndexOf(', ', MAX_CELLS_TEXT);
  return `${text.slice(0, cut > 0 ? cut : MAX_CELLS_TEXT)}… (liste complète : annexe technique)`;
}

const MAX_CELLS_TEXT = 1_500;
