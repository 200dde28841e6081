/**
 * The sample's « Budgets des fiches »: each fiche action's budget table as seed 001 prints it (CLS
 * annexe 2, extract §1.4; FT annexe 1, §1.8) — headers as they vary from fiche to fiche, years
 * 2024…2027 and Total — and the fiche's sub-actions with their « Montant » (seed text, « o Montant : »).
 * Every figure is the seed's, defects included:
 * - 4.2: the 2027 row is blank and the Total covers three years (§4 item 7);
 * - 4.2: sub-actions 170 130 + 170 130 + 0 = 340 260, the State share only (item 8);
 * - 1.3: sub-actions 40 000 + 53 500 = 93 500 for a budget of 93 560 (item 9);
 * - 1.3 and 1.5: State money in « ETAT/ERBM » (items 10, 1.5's 220 000 + 75 000 = 295 000);
 * - 2.1: the Total row is blank (item 26);
 * - 2.4: a 2025 row past the annual FT convention, and « 412 901 € (hors contractualisation) »
 *   against a budget of 452 718 € (items 24, 28).
 * Fiche 2.8 prints no figure (« Pris en charge dans le cadre des actions existantes ») and is left out.
 * Sub-action labels are the seed's, cut where it runs on; 1.1's « Action 2 » and 3.2's single action
 * have no title in the seed and are named after their text.
 */
import type { GridCell, GridSheet } from '../../src/layout/grid';
import type { SampleSheetWriter } from './indicators';

export const FICHE_BUDGET_SHEET = 'Budgets des fiches';
export const FICHE_BUDGET_TITLE = 'Budgets des fiches action (CLS annexe 2, France Travail annexe 1)';
export const SUB_ACTION_HEADERS = ['Sous-action', 'Montant'];

/** One row of a fiche's budget table: amounts in header order after the year (undefined = blank). */
type BudgetRow = (number | undefined)[];

export interface SampleFiche {
  fiche: string;
  title: string;
  /** Funder columns as printed, then « Total » (the year column has no header, as in the seed). */
  headers: string[];
  years: Record<number, BudgetRow>;
  /** Years printed as rows (blank ones included): 2024…2027 unless the fiche prints fewer. */
  rows?: number[];
  total: BudgetRow;
  subActions: [string, number][];
}

const FOUR_YEARS = [2024, 2025, 2026, 2027];
const each = (row: BudgetRow): Record<number, BudgetRow> => Object.fromEntries(FOUR_YEARS.map((y) => [y, row]));
const CD = 'Conseil départemental';

export const SAMPLE_FICHES: SampleFiche[] = [
  {
    fiche: '1.1', title: 'Accueil de proximité, repérage et aller vers les jeunes en ruptures, en situation de précarité sans solution',
    headers: ['Etat', CD, '', 'Total'], years: each([618000, 618000, undefined, 1236000]), total: [2472000, 2472000, undefined, 4944000],
    subActions: [['Action 1 : Renforcement du coach Jeunesse', 300000], ['Action 2 : sortie de l’Aide Sociale à l’Enfance (ASE) sans rupture de parcours', 936000]],
  },
  {
    fiche: '1.2', title: 'Pack jeune : pour accompagner les jeunes précaires dans leur autonomie',
    headers: ['Etat', CD, 'ERBM', 'Total'], years: each([599508, 599508, undefined, 1199016]), total: [2398032, 2398032, undefined, 4796064],
    subActions: [
      ['Action 1 : la lutte contre le décrochage scolaire', 179016],
      ['Action 2 : soutenir financièrement l’accès et le maintien dans le logement des « jeunes en précarité »', 200000],
      ['Action 3 : accompagnements sociaux logement pour les « jeunes en précarité »', 700000],
      ['Action 4 : solutions logement « jeunes et jeunes en précarité » (conventionnements avec des bailleurs sociaux)', 90000],
      ['Action 5 : financement du mobilier de première nécessité pour les jeunes', 30000],
    ],
  },
  {
    fiche: '1.3', title: 'Action en faveur du public féminin',
    headers: ['Etat', CD, 'ETAT/ERBM', 'Total'], years: each([undefined, 46780, 46780, 93560]), total: [undefined, 187120, 187120, 374240],
    subActions: [['Action 1 : la lutte contre stéréotype (action ERBM)', 40000], ['Action 2 : Soutenir une réponse de santé auprès des ados', 53500]],
  },
  {
    fiche: '1.4', title: "Accompagner les publics en prenant en compte l'environnement familial",
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: each([100000, 100000, undefined, 200000]), total: [400000, 400000, undefined, 800000],
    subActions: [['Action 1 : coach famille', 100000], ['Action 2 : Accompagnement des personnes victimes de violences conjugales', 100000]],
  },
  {
    fiche: '1.5', title: 'Prévention des ruptures 11-18 ans',
    headers: ['Etat', CD, 'ETAT/ERBM', 'Total'], years: each([220000, 295000, 75000, 590000]), total: [880000, 1180000, 300000, 2360000],
    subActions: [
      ['Action 1 : Soutenir la prévention spécialisée notamment en accompagnant les actions innovantes de psychologue de rue', 440000],
      ['Action 2 : 10 000 départs en vacances pour l’été (action spécifique ERBM)', 150000],
    ],
  },
  {
    fiche: '3.1', title: "Développer des outils contribuant à la coordinations de l'accès aux droits",
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: each([150000, 150000, undefined, 300000]), total: [600000, 600000, undefined, 1200000],
    subActions: [
      ['Action 1 : développer des études sur les publics et analyser l’impact des dispositifs', 150000],
      ["Action 2 : Ingénierie et accompagnement social au démarches d'accès aux droits", 150000],
    ],
  },
  {
    fiche: '3.2', title: 'Guichet unique logement des jeunes',
    headers: ['Etat', CD, 'Total'], years: each([160000, 160000, 320000]), total: [640000, 640000, 1280000],
    subActions: [['Renforcer les ETP des CLLAJ (2 200 jeunes reçus)', 320000]],
  },
  {
    fiche: '3.3', title: 'Prévenir l’exclusion à travers la lutte contre les expulsions locatives',
    headers: ['Etat', CD, 'Total'], years: each([500000, 500000, 1000000]), total: [2000000, 2000000, 4000000],
    subActions: [
      ['Action 1 : fonds de prévention contre les expulsions locatives (Apurement de la dette locative)', 500000],
      ['Action 2 : accompagnement social dédié au maintien dans le logement', 500000],
    ],
  },
  {
    fiche: '3.4', title: 'Plan de formation et labellisation des référents',
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: each([200000, 200000, undefined, 400000]), total: [800000, 800000, undefined, 1600000],
    subActions: [['Prestations de formation', 200000], ['Ingénierie de la formation et temps d’information', 200000]],
  },
  {
    fiche: '4.1', title: 'Lutter contre la précarité énergétique',
    headers: ['Etat', CD, 'Total'], years: each([333000, 333000, 666000]), total: [1332000, 1332000, 2664000],
    subActions: [
      ['Action 1 : sensibilisation des acteurs (sessions d’information)', 20000],
      ['Action 2 : actions de prévention', 260000],
      ['Action 3 : ASTRE (Accompagnement Social aux Travaux de Rénovation Energétique)', 53000],
      ['Action 4 : accompagnements sociaux avec analyse de la situation relative à la précarité énergétique', 333000],
    ],
  },
  {
    fiche: '4.2', title: "L'inclusion par la mobilité durable",
    headers: ['Etat', CD, 'Métropole/autre', 'Total'],
    years: { 2024: [340260, 340260, undefined, 680520], 2025: [340260, 340260, undefined, 680520], 2026: [340260, 340260, undefined, 680520], 2027: [] },
    total: [1020780, 1020780, undefined, 2041560],
    subActions: [
      ['Action 1 : Mamobilité62_poursuivre l’accompagnement « sur-mesure », « sans rupture » et de proximité auprès des publics', 170130],
      ['Action 2 : Mamobilité62_soutenir le déploiement d’une offre de mobilité solidaire coordonnée à l’échelle du Pas-de-Calais', 170130],
      ['Action 3 : Mamobilité62_ un interlocuteur départemental privilégié dans le cadre de la gouvernance régionale de la Mobilité', 0],
    ],
  },
  {
    fiche: '2.1', title: 'Chefferie de projet France travail',
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: { 2024: [135000, undefined, undefined, 135000], 2025: [], 2026: [], 2027: [] }, total: [],
    subActions: [],
  },
  {
    fiche: '2.2', title: 'Pack médiation insertion-santé',
    headers: ['État', CD, 'ERBM', 'Total'], years: { 2024: [692672, 709746, 17074, 1419492] }, rows: [2024], total: [692672, 709746, 17074, 1419492],
    subActions: [
      ['Action 1 : Médiation insertion-santé (accompagnement psychologique)', 249746],
      ['Action 2 : Accompagnement renforcé pour faciliter l’employabilité des bénéficiaires du RSA en situation de handicap', 160000],
      ['Action 3 : Offre d’accompagnement insertion-santé avec une priorisation sur la santé mentale', 300000],
      ['Action 4 : Accompagnement solidarité pour l’accès aux droits et à la santé', 709746],
    ],
  },
  {
    fiche: '2.3', title: "Renforcer la qualité de l'accompagnement socioprofessionnel dans le cadre de l’accompagnement global",
    headers: ['État', CD, 'Métropole/autre', 'Total'], years: { 2024: [1650000, 1650000, undefined, 3300000] }, rows: [2024], total: [1650000, 1650000, undefined, 3300000],
    subActions: [
      ['Action 1 : Dynamiser l’accompagnement global Pôle Emploi/Département', 750000],
      ['Action 2 : Poursuivre l’accompagnement socioprofessionnel en vue d’un retour vers un parcours d’insertion professionnelle', 2550000],
    ],
  },
  {
    fiche: '2.4', title: 'Faciliter l’accès à l’emploi des familles sans solutions d’accueil',
    headers: ['Etat (FIPE)', CD, 'CAF', 'Autres*', 'Total'],
    years: { 2024: [332718, 60000, 60000, 0, 452718], 2025: [301671, 60000, 60000, 31048, 452719] }, rows: [2024, 2025],
    total: [634389, 120000, 120000, 31048, 905437],
    subActions: [['Dispositif d’intermédiation « Familles vulnérables – solutions d’accueil de la petite enfance » (hors contractualisation)', 412901]],
  },
  {
    fiche: '2.5', title: 'Pack inclusion renforcement de l’accompagnement',
    headers: ['État', CD, 'FSE+ (valorisation)', 'Total'], years: { 2024: [807000, 715000, 100000, 1622000] }, rows: [2024], total: [807000, 715000, 100000, 1622000],
    subActions: [['Action 1 : Actions d’insertion innovantes', 772000], ['Action 2 : Accompagner autrement', 750000], ['Action 3 : Première heures', 100000]],
  },
  {
    fiche: '2.6', title: 'Pack inclusion renforcé vers l’emploi',
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: { 2024: [598000, 951146, undefined, 1549146] }, rows: [2024], total: [598000, 951146, undefined, 1549146],
    subActions: [
      ['Action 1 : Préparatoires à l’emploi', 378000],
      ['Action 2 : Accompagnement dans l’emploi', 220000],
      ["Action 3 : Accompagnement pour l'insertion et l'emploi (PLIE)", 951146],
    ],
  },
  {
    fiche: '2.7', title: 'Pack Inclusion vers l’emploi ERBM',
    headers: ['Etat', CD, 'Métropole/autre', 'Total'], years: { 2024: [361146, undefined, undefined, 361146] }, rows: [2024], total: [361146, undefined, undefined, 361146],
    subActions: [['Action 1 : Mobilisation et préparation à l’emploi', 216146], ['Action 2 : Mobiliser les clauses d’insertion', 145000]],
  },
];

/** The writer of the sample's layout variants, with amounts (typed as text by the textAmounts variant). */
export interface FicheSheetWriter extends SampleSheetWriter {
  amount(row: number, c: number, a: number | undefined): void;
}

/** The « Budgets des fiches » sheet: fiches one under the other, two blank rows apart. */
export function buildFicheBudgetSheet(w: FicheSheetWriter, fiches: SampleFiche[] = SAMPLE_FICHES): GridSheet {
  w.title(w.row++, 1, FICHE_BUDGET_TITLE);
  w.row++;
  for (const f of fiches) {
    w.title(w.row++, 1, `Fiche action ${f.fiche} – ${f.title}`);
    w.text(w.row++, 1, 'Budget de l’action');
    w.headers(['', ...f.headers]);
    const rows = f.rows ?? FOUR_YEARS;
    rows.forEach((year, i) => {
      const r = w.row++;
      w.put(r, 1, yearCell(year));
      (f.years[year] ?? []).forEach((a, k) => w.amount(r, 2 + k, a));
      w.gapAfter(i, rows.length);
    });
    const t = w.row++;
    w.text(t, 1, 'Total');
    f.total.forEach((a, k) => w.amount(t, 2 + k, a));
    if (f.subActions.length) {
      w.row++;
      w.headers(SUB_ACTION_HEADERS);
      for (const [label, amount] of f.subActions) {
        const r = w.row++;
        w.text(r, 1, label);
        w.amount(r, 2, amount);
      }
    }
    w.row += 2;
  }
  w.sheet.columnWidths = new Map([1, 2, 3, 4, 5, 6].map((c) => [w.col(c), c === 1 ? 70 : 20]));
  return w.sheet;
}

function yearCell(year: number): GridCell {
  return { value: year };
}

/**
 * The seed's fiches with their defects mended (for the clean workbook the batch review starts from):
 * 4.2 budgets 2027 like 2026 and its sub-actions carry the whole budget; 1.3's second sub-action is
 * 53 560 €; 2.1's Total row is filled; 2.4 keeps its 2024 row only, its action at 452 718 €.
 */
export function mendedFiches(): SampleFiche[] {
  return SAMPLE_FICHES.map((f): SampleFiche => {
    switch (f.fiche) {
      case '4.2':
        return {
          ...f,
          years: each([340260, 340260, undefined, 680520]),
          total: [1361040, 1361040, undefined, 2722080],
          subActions: [[f.subActions[0][0], 340260], [f.subActions[1][0], 340260], f.subActions[2]],
        };
      case '1.3':
        return { ...f, subActions: [f.subActions[0], [f.subActions[1][0], 53560]] };
      case '2.1':
        return { ...f, total: [135000, undefined, undefined, 135000] };
      case '2.4':
        return { ...f, years: { 2024: f.years[2024] }, rows: [2024], total: f.years[2024], subActions: [[f.subActions[0][0], 452718]] };
      default:
        return f;
    }
  });
}
