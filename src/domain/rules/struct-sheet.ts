import type { Finding } from '../finding';
import type { Rule } from './rule';
import { clsYears } from './cls-blocks';
import { findingAt } from './report';

const EXPECTED: Record<string, string> = {
  cls: 'aucun bloc « Tableau financier » (en-têtes « Fiche action N° », « Intitulé de l’action », montants) n’y a été trouvé',
  'ft-plan': 'aucun volet « Construction du plan de financement » (en-têtes « Ressources existantes », « Cible », « Montant delta ») n’y a été trouvé',
  'ft-action-plan': 'aucun tableau « Plan d’action » (en-têtes FA, État, Conseil départemental, Montant de l’action) n’y a été trouvé',
  'ft-expense-journal': 'aucun journal des dépenses (en-têtes Date, Volet, Nature de la dépense, Montant) n’y a été trouvé',
  'fiche-budget': 'aucun tableau budgétaire de fiche (en-têtes Etat, Conseil départemental, Total ; lignes 2024…2027 et Total) n’y a été trouvé',
};

const TITLED: Record<'cls' | 'ft-plan' | 'ft-action-plan', string> = {
  cls: 'un bloc « Tableau financier » (en-têtes « Fiche action N° », « Intitulé de l’action » et au moins trois colonnes de montants reconnues)',
  'ft-plan': 'un volet « Construction du plan de financement » (en-têtes « Ressources existantes », « Cible », « Montant delta »)',
  'ft-action-plan': 'un tableau « Plan d’action » (en-têtes FA, État, Conseil départemental, Montant de l’action)',
};

const TITLED_AMOUNTS: Record<'cls' | 'ft-plan' | 'ft-action-plan', string> = {
  cls: 'd’un bloc « Tableau financier »',
  'ft-plan': 'd’un volet « Construction du plan de financement »',
  'ft-action-plan': 'd’un tableau « Plan d’action »',
};

const LABELS: Record<'cls' | 'ft-plan' | 'ft-action-plan', string> = {
  cls: '« Axe », « Fiche action N° », « Intitulé de l’action »',
  'ft-plan': '« Nature de dépenses », « Objet »',
  'ft-action-plan': '« FA », « Intitulé »',
};

/** Annex tables are found by their headers wherever they are; this says when none is where one is expected. */
export const structSheet: Rule = {
  id: 'STRUCT-SHEET',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Tableau d’annexe introuvable',
  check(ctx) {
    const wb = ctx.workbook;
    const out: Finding[] = [];
    const hasCls = wb.tables.some((t) => t.kind.startsWith('cls-'));
    const hasFt = wb.tables.some((t) => t.kind === 'ft-plan');
    if (wb.tables.length === 0) {
      out.push(findingAt(this, null, `Aucun tableau d’annexe trouvé : ni « Tableau financier » (CLS) ni « Construction du plan de financement » (France Travail) dans les feuilles ${wb.sheetNames.map((s) => `« ${s} »`).join(', ') || '(aucune)'}.`));
    }
    for (const e of wb.emptyAnnexSheets) {
      out.push(findingAt({ ...this, severity: e.expected === 'cls' || e.expected === 'ft-plan' ? 'error' : 'warning' }, { sheet: e.sheet, address: '' }, `Feuille « ${e.sheet} » : ${EXPECTED[e.expected]}.`));
    }
    // A title whose table was not read: one block of several dropped would otherwise go unseen.
    for (const t of wb.unreadTitles ?? []) {
      if (wb.emptyAnnexSheets.some((e) => e.sheet === t.sheet && e.expected === t.expected)) continue; // said for the whole sheet
      out.push(
        findingAt(
          { ...this, severity: t.expected === 'ft-action-plan' ? 'warning' : 'error' },
          { sheet: t.sheet, address: t.address },
          t.noLabels
            ? `Feuille « ${t.sheet} », cellule ${t.address} : l’en-tête « ${t.title} » porte les colonnes de montants ${TITLED_AMOUNTS[t.expected]}, mais ni les colonnes qui nomment ses lignes (${LABELS[t.expected]}) ni, à sa gauche sur les mêmes lignes d’en-tête, un tableau qui les porte ; ses montants ne sont pas contrôlés.`
            : t.header
            ? `Feuille « ${t.sheet} », cellule ${t.address} : l’en-tête « ${t.title} » ressemble à ${TITLED[t.expected]}, mais trop peu de ses colonnes y sont reconnues pour le lire ; ses montants ne sont pas contrôlés.`
            : `Feuille « ${t.sheet} », cellule ${t.address} : le titre « ${t.title} » annonce ${TITLED[t.expected]}, mais aucun tableau lisible n’a été trouvé dessous ; ses montants ne sont pas contrôlés.`,
        ),
      );
    }
    if (hasCls !== hasFt) {
      const missing = hasCls ? 'France Travail (« Construction du plan de financement »)' : 'CLS (« Tableau financier »)';
      out.push(findingAt({ ...this, severity: 'info' }, null, `Le classeur ne contient pas de tableau ${missing} ; seule l’autre convention est contrôlée.`));
    }
    for (const y of clsYears(wb)) {
      if (y.forecast && !y.execution && !y.recap) {
        out.push(findingAt({ ...this, severity: 'info' }, null, `CLS ${y.year} : le prévisionnel est présent mais ni l’exécution ${y.year} ni le récapitulatif ne le sont ; les contrôles entre blocs ne portent pas sur cette année.`));
      }
    }
    return out;
  },
};
