import { cellAddress, newSheet } from '../grid';
import { AMOUNT_RULE, BlankSheet } from './sheet-setup';

/**
 * The France Travail plan de financement (FT annexe 2), one sheet per volet, with the seed's rows
 * (extract §1.6, labels verbatim) and no figures. Quantities (Existant, Cible, Delta) are typed with
 * their unit (« 7600 places », « 2,20 ETP »): no formula, `annexes fill` corrects a wrong Delta. The
 * Montant delta column takes amounts; its totals and TOTAL BESOINS come from planDerivedFormulas.
 */
interface Group {
  nature: string;
  pourInfo?: boolean;
  rows: { objet: string; precisions?: string }[];
  totals: string[];
}

const POUR_INFO_ETP_PE = "Pour info : ETP PE (hypothèses pour le lancement de l'expérimentation finançables par réallocation interne à l'opérateur)";

const VOLETS: Record<1 | 2 | 3, Group[]> = {
  1: [
    { nature: 'Renforcement des équipes locales CD - ETP CD', rows: [{ objet: 'Ingénierie (chefferie de projet)' }, { objet: 'Autre' }], totals: ['Total ETP CD'] },
    { nature: 'Développement SI - Dépenses CD', rows: [{ objet: "Paramétrage SI en vue de l'interconnexion" }], totals: ['Total'] },
  ],
  2: [
    {
      nature: 'Intensification de l’accompagnement des allocataires du RSA',
      rows: [
        { objet: "ETP d'accompagnement (CD, PE…)", precisions: 'Action 1 :' },
        { objet: "ETP d'accompagnement (CD, PE…)", precisions: 'Action 2 :' },
        { objet: "ETP d'accompagnement (CD, PE…)", precisions: 'Action 3 :' },
      ],
      totals: ['Total'],
    },
    { nature: 'Remobilisation / entrée de parcours', rows: [{ objet: 'Solutions de remobilisation' }, { objet: 'Solutions de remobilisation' }], totals: ['Total'] },
    { nature: 'Levée des freins socio-professionnels', rows: [{ objet: 'Mobilité' }, { objet: "Garde d'enfant" }, { objet: 'Santé' }, { objet: 'Autre' }], totals: ['Total'] },
    {
      nature: "Référencement de l'offre de solutions locales d'accompagnement",
      rows: [{ objet: "Référencement de l'offre de solution du territoire (ex : alimentation DORA ou autre...)" }],
      totals: ['Total'],
    },
  ],
  3: [
    {
      nature: 'Renforcement des équipes locales PE / CD - ETP CD',
      rows: [{ objet: 'Accompagnement' }, { objet: 'Ingénierie (chef de projet, chargé déploiement numérique, coordonnateur)' }, { objet: 'Autres' }],
      totals: ['Total ETP CD'],
    },
    { nature: POUR_INFO_ETP_PE, pourInfo: true, rows: [{ objet: 'Accompagnement' }, { objet: 'Ingénierie (chef de projet)' }, { objet: 'Autres' }], totals: ['Pour info : Total ETP PE', 'Total ETP'] },
    {
      nature: 'Renforcement des solutions locales - Solutions locales CD',
      rows: [
        { objet: 'Accompagnement délégué à une structure du PDI (organisme référent)' },
        { objet: "Solutions d'accompagnement complémentaires déléguées à une structure" },
        { objet: 'Solutions de remobilisation' },
        { objet: "Solutions de maintien dans l'emploi" },
        { objet: 'Solutions de levée des freins' },
      ],
      totals: ['Total solutions locales CD'],
    },
    { nature: 'Pour info : Solutions locales PE', pourInfo: true, rows: [{ objet: 'Prestations' }], totals: ['Pour info : Total solutions locales PE', 'Total Solutions locales'] },
    {
      nature: 'Développement SI - Dépenses CD',
      rows: [{ objet: "Evolutions techniques nécessaires à l'atteinte de la cible (feuille de route à construire avec les correspondants numériques)" }],
      totals: ['Total CD'],
    },
  ],
};

const HEADERS = [
  'Nature de dépenses',
  'Objet de la dépense',
  "Précisions sur l'action / objet",
  'Ressources existantes (ETP et volumes financiers)',
  'Cible (besoins en ETP et volumes financiers)',
  "Delta entre la cible et l'existant (en ETP et volumes financiers)",
  "Montant delta (en volume financier compte tenu d'une montée en charge progressive)",
  'Si source(s) de financement complémentaire identifiée(s) préciser (pilotes, redéploiement interne, FSE …)',
];
const NATURE = 1, OBJET = 2, PRECISIONS = 3, EXISTANT = 4, CIBLE = 5, MONTANT = 7;

export function ftPlanSheetName(volet: number): string {
  return `Plan de financement VOLET ${volet}`;
}

export function buildFtPlanSheets(year: number): BlankSheet[] {
  return ([1, 2, 3] as const).map((v) => buildVolet(v, year));
}

function buildVolet(volet: 1 | 2 | 3, year: number): BlankSheet {
  const s = new BlankSheet(newSheet(ftPlanSheetName(volet)));
  const yy = String(year % 100).padStart(2, '0');
  const last = HEADERS.length;
  s.header(1, [`Construction du plan de financement - VOLET ${volet} - Période du 01/01/${yy} au 31/12/${yy}`]);
  s.style(1, 1, last, 'title');
  s.sheet.merges.push({ top: 1, bottom: 1, left: 1, right: last });
  s.text(2, NATURE, 'PLAFOND DEPARTEMENT');
  s.style(2, NATURE, NATURE, 'label');
  s.style(2, OBJET, OBJET, 'box');
  s.validate(cellAddress(2, OBJET), AMOUNT_RULE);
  s.text(3, EXISTANT, "Etat des lieux de l'existant");
  s.text(3, CIBLE, 'Construction du plan de financement');
  s.sheet.merges.push({ top: 3, bottom: 3, left: CIBLE, right: HEADERS.length });
  s.style(3, EXISTANT, last, 'header');
  s.setup.lockedRows.push(3);
  s.header(4, HEADERS);
  s.style(4, 1, last, 'header');
  let r = 5;
  const top = r;
  for (const g of VOLETS[volet]) {
    const first = r;
    for (const row of g.rows) {
      s.text(r, OBJET, row.objet);
      s.text(r, PRECISIONS, row.precisions);
      s.style(r, 1, last, 'cell');
      r++;
    }
    s.text(first, NATURE, g.nature);
    s.style(first, NATURE, NATURE, 'group');
    if (r - 1 > first) s.sheet.merges.push({ top: first, bottom: r - 1, left: NATURE, right: NATURE });
    for (const t of g.totals) {
      s.text(r, OBJET, t);
      s.style(r, 1, last, 'subtotal');
      s.setup.lockedRows.push(r++);
    }
  }
  s.text(r, NATURE, `TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET ${volet} :`);
  s.style(r, 1, last, 'total');
  s.setup.lockedRows.push(r);
  s.setup.orientation = 'landscape';
  s.setup.repeatRows = { first: 4, last: 4 };
  s.validate(`${cellAddress(top, MONTANT)}:${cellAddress(r, MONTANT)}`, AMOUNT_RULE);
  s.setup.frozenRows = 4;
  s.setup.frozenCols = 1;
  s.widths([30, 28, 36, 14, 14, 14, 16, 26]);
  return s;
}
