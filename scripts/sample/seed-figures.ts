/**
 * The figures and labels of seed 001 (Pas-de-Calais, deliberation n°2024-176), as printed.
 * Source: shared/domain/seed-001-extract.md §1.1–1.3, §1.5, §1.6, §1.8, §2.2.
 * Amounts are whole euros (integers): the seed has no cents, so sums stay exact.
 * Defects are kept on purpose — the sample exists to make the checker find them.
 */

// ---------------------------------------------------------------------------------------------
// CLS "Tableau financier" (Annexe 3)

export const CLS_TITLE =
  'TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS - Région HDF - Département du Pas-de-Calais';
export const CLS_RECAP_TITLE =
  'TABLEAU FINANCIER RÉCAPITULATIF DU CONTRAT LOCAL DES SOLIDARITÉS - Région HDF - Département du Pas-de-Calais';

export interface ClsAction {
  fiche: string;
  /** Intitulé as printed in T1 (prévisionnel 2024). */
  intitule: string;
  /** T2/T3 print a longer intitulé for 1.2 only. */
  intituleT2T3?: string;
  /** T1 A "Participation État notifiée" (ERBM included) and B "Crédits CD affectés". */
  etat: number;
  cd: number;
}

export interface ClsAxe {
  label: string;
  actions: ClsAction[];
}

export const CLS_AXES: ClsAxe[] = [
  {
    label: 'Axe Prévenir la pauvreté et lutter contre les inégalités dès l’enfance',
    actions: [
      {
        fiche: '1.1',
        intitule:
          'Accueil de proximité, repérage et aller vers les jeunes en ruptures , en situation de précarité sans solution',
        etat: 618000,
        cd: 618000,
      },
      {
        fiche: '1.2',
        intitule: 'Pack Jeune : pour accompagner les jeunes',
        intituleT2T3: 'Pack Jeune : pour accompagner les jeunes précaires dans leur autonomie',
        etat: 599508,
        cd: 599508,
      },
      { fiche: '1.3', intitule: 'Action en faveur des publics féminin ERBM', etat: 46780, cd: 46780 },
      {
        fiche: '1.4',
        intitule: "Accompagner les publics en prenant en compte l'environnement familial",
        etat: 100000,
        cd: 100000,
      },
      { fiche: '1.5', intitule: 'Prévention des ruptures 11-18 ans', etat: 295000, cd: 295000 },
    ],
  },
  {
    label: 'Axe Lutter contre la grande exclusion grâce à l’accès aux droits',
    actions: [
      {
        fiche: '3.1',
        intitule: "Comprendre et proposer des solutions d'amélioration des certains facteurs de pauvreté",
        etat: 150000,
        cd: 150000,
      },
      { fiche: '3.2', intitule: 'Guichet unique logement des jeunes', etat: 160000, cd: 160000 },
      {
        fiche: '3.3',
        intitule: "Prévenir l'exclusion à travers la lutte contre les expulsions locatives",
        etat: 500000,
        cd: 500000,
      },
      { fiche: '3.4', intitule: 'Plan de formation et labellisation', etat: 200000, cd: 200000 },
    ],
  },
  {
    label: 'Axe Construire une transition écologique solidaire',
    actions: [
      { fiche: '4.1', intitule: 'Lutter contre la précarité énergétique', etat: 333000, cd: 333000 },
      { fiche: '4.2', intitule: "L'inclusion par une mobilité durable", etat: 340260, cd: 340260 },
    ],
  },
];

const LABEL_HEADERS = ['Axes de la contractualisation', 'Fiche action N°', 'Intitulé de l’action'];

/** T1 "Prévisionnel Année 2024": headers with the letter printed above each (D and E skipped). */
export const CLS_PREV_2024 = {
  subtitle: 'Prévisionnel Année 2024',
  headers: [
    ...LABEL_HEADERS,
    'Participation État notifiée pour la convention 2024',
    'Crédits CD affectés pour la convention 2024',
    "Participation d'autres financeurs le cas échéant",
    "Budget global de l'action prévu en 2024 (A+B+C)",
  ],
  letters: ['', '', '', 'A', 'B', 'C', 'F'],
  /** Printed sous totals per axe and TOTAUX FINANCIERS: A, B, C, F. */
  subtotals: [
    [1659288, 1659288, 0, 3318576],
    [1010000, 1010000, 0, 2020000],
    [673260, 673260, 0, 1346520],
  ],
  totaux: [3342548, 3342548, 0, 6685096],
};

/**
 * T2 "Exécution budgétaire 2024 à fournir au bilan": an unfinished template. Action rows print only
 * "Crédits État versés"; the sous-total rows print 7 / 3 / 3 cells and TOTAUX 5 (read as the first
 * n amount columns, left to right), with placeholder zeros that contradict versés = réalisé + non consommés.
 */
export const CLS_EXEC_2024 = {
  subtitle: 'Exécution budgétaire 2024 à fournir au bilan',
  headers: [
    ...LABEL_HEADERS,
    'Crédits État versés en 2024',
    'Montant État réalisé au 31/12/2024',
    'Crédits État 2024 non consommés en 2024',
    'Montant CD réalisé au 31/12/2024',
    'Montant total réalisé au 31/12/2024 (A+C)',
    'Montant à reporter en 2025 - Part État',
    'Montant à reporter en 2025 - Part CD',
  ],
  letters: ['', '', '', '', 'A', 'B', 'C', '', '', ''],
  verses: {
    '1.1': 618000, '1.2': 599508, '1.3': 46780, '1.4': 100000, '1.5': 295000,
    '3.1': 150000, '3.2': 160000, '3.3': 500000, '3.4': 200000,
    '4.1': 333000, '4.2': 340260,
  } as Record<string, number>,
  subtotals: [[1659288, 0, 0, 0, 0, 0, 0], [1010000, 0, 0], [673260, 0, 0]],
  totaux: [3342548, 0, 0, 0, 0],
};

/**
 * T3 récapitulatif, "Prévisionnel Année 2025". Every row prints 14 numbers in the order
 * A B C D E réalisé F G H I J K L M. The header prints K = (G+I): the national model's defect (should be G+J).
 */
export const CLS_RECAP_2025 = {
  subtitle: 'Prévisionnel Année 2025',
  headers: [
    'Axes de la contractualisation',
    'Imputation chorus (code chorus - description longue)',
    'Fiche action N°',
    // The note under the header is part of the printed header cell.
    'Intitulé de l’action\nune ligne par action financée',
    'Crédits État versés en 2024',
    'Crédits État 2024 non consommés',
    'Crédits CD affectés en 2024',
    'Crédits CD 2024 non consommés',
    "Participation d'autres financeurs le cas échéant",
    'Montant total réalisé au 31/12/2024',
    'Montant à reporter en 2025 - Part État',
    'Montant à reporter en 2025 - Part CD',
    'Participation État notifiée pour la convention 2025',
    'Budget total État prévu pour 2025 (F+H)',
    'Crédits CD affectés pour la convention 2025',
    'Budget total CD prévu pour 2025 (G+I)',
    "Participation d'autres financeurs le cas échéant pour 2025",
    "Budget global de l'action prévu en 2025 (I+K+L)",
  ],
  letters: ['', '', '', '', 'A', 'B', 'C', 'D', 'E', '', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'],
  rows: {
    '1.1': [618000, 0, 618000, 0, 0, 1236000, 0, 0, 618000, 618000, 618000, 618000, 0, 1236000],
    '1.2': [599508, 0, 599508, 0, 0, 1199016, 0, 0, 599508, 599508, 599508, 599508, 0, 1199016],
    '1.3': [46780, 0, 46780, 0, 0, 93560, 0, 0, 46780, 46780, 46780, 46780, 0, 93560],
    '1.4': [100000, 0, 100000, 0, 0, 200000, 0, 0, 100000, 100000, 100000, 100000, 0, 200000],
    '1.5': [295000, 0, 295000, 0, 0, 590000, 0, 0, 295000, 295000, 295000, 295000, 0, 590000],
    '3.1': [150000, 0, 150000, 0, 0, 300000, 0, 0, 150000, 150000, 150000, 150000, 0, 300000],
    '3.2': [160000, 0, 160000, 0, 0, 320000, 0, 0, 160000, 160000, 160000, 160000, 0, 320000],
    '3.3': [500000, 0, 500000, 0, 0, 1000000, 0, 0, 500000, 500000, 500000, 500000, 0, 1000000],
    '3.4': [200000, 0, 200000, 0, 0, 400000, 0, 0, 200000, 200000, 200000, 200000, 0, 400000],
    '4.1': [333000, 0, 333000, 0, 0, 666000, 0, 0, 333000, 333000, 333000, 333000, 0, 666000],
    '4.2': [340260, 0, 340260, 0, 0, 680520, 0, 0, 340260, 340260, 340260, 340260, 0, 680520],
  } as Record<string, number[]>,
  subtotals: [
    [1659288, 0, 1659288, 0, 0, 3318576, 0, 0, 1659288, 1659288, 1659288, 1659288, 0, 3318576],
    [1010000, 0, 1010000, 0, 0, 2020000, 0, 0, 1010000, 1010000, 1010000, 1010000, 0, 2020000],
    [673260, 0, 673260, 0, 0, 1346520, 0, 0, 673260, 673260, 673260, 673260, 0, 1346520],
  ],
  totaux: [3342548, 0, 3342548, 0, 0, 6685096, 0, 0, 3342548, 3342548, 3342548, 3342548, 0, 6685096],
};

// ---------------------------------------------------------------------------------------------
// FT "Construction du plan de financement" (Annexe 2)

export function ftTitle(volet: number): string {
  return `Construction du plan de financement - VOLET ${volet} - Période du 01/01/24 au 31/12/24`;
}

export function ftHeaders(volet: number): string[] {
  return [
    'Nature de dépenses',
    'Objet de la dépense',
    "Précisions sur l'action / objet",
    'Ressources existantes (ETP et volumes financiers)',
    // Volet 3 prints a different wording of the same header.
    volet === 3
      ? 'Cible (besoins et ETP ou volumes financiers)'
      : 'Cible (besoins en ETP et volumes financiers)',
    "Delta entre la cible et l'existant (en ETP et volumes financiers)",
    "Montant delta (en volume financier compte tenu d'une montée en charge progressive)",
    'Si source(s) de financement complémentaire identifiée(s) préciser (pilotes, redéploiement interne, FSE …)',
  ];
}

export interface FtDetailRow {
  objet?: string;
  /** The objet cell of the row above covers this row too (merged vertically). */
  sameObjet?: boolean;
  precisions?: string;
  /** Quantities are text with their unit, exactly as printed ("2,20ETP", "630 place"). */
  existant?: string;
  cible?: string;
  delta?: string;
  montant?: number;
  financement?: string;
}

export interface FtTotalRow {
  label: string;
  /** Printed total; the sample writes a SUM of the group's detail rows that must give it. */
  montant?: number;
  financement?: string;
}

export interface FtGroup {
  /** "Nature de dépenses": two-level labels joined with " - ". */
  nature: string;
  /** France Travail's own resources: never added to the CD totals. */
  pourInfo?: boolean;
  rows: FtDetailRow[];
  totals: FtTotalRow[];
}

/** A total of the whole volet written in the Nature column (volet 2 "Total" 4 125 892). */
export interface FtVoletTotal {
  voletTotal: string;
  montant: number;
}

export interface FtVolet {
  volet: 1 | 2 | 3;
  plafond?: number;
  items: (FtGroup | FtVoletTotal)[];
  /** TOTAL BESOINS DEPARTEMENTAUX: undefined where the seed prints nothing (volet 3 template). */
  besoins?: number;
}

const POUR_INFO_ETP_PE =
  "Pour info : ETP PE (hypothèses pour le lancement de l'expérimentation finançables par réallocation interne à l'opérateur)";

export const FT_VOLETS: FtVolet[] = [
  {
    volet: 1,
    plafond: 135000,
    items: [
      {
        nature: 'Renforcement des équipes locales CD - ETP CD',
        rows: [
          {
            objet: 'Ingénierie (chefferie de projet)',
            precisions:
              'De manière générale, la chefferie de projet est missionnée à déployer une feuille de route départementale permettant de converger vers la cible France Travail avec l’État, l’opérateur France travail, la CAF, la MSA et les autres partenaire signataires',
            existant: '0,20 ETP',
            cible: '2,20ETP',
            delta: '2ETP',
            montant: 100000,
          },
          { objet: 'Autre' },
        ],
        totals: [{ label: 'Total ETP CD', montant: 100000 }],
      },
      {
        nature: 'Développement SI - Dépenses CD',
        rows: [
          {
            objet: "Paramétrage SI en vue de l'interconnexion",
            precisions:
              'Sécuriser les interopérabilités entre systèmes d’information, les échanges de données et l’implémentation des outils numériques',
            montant: 35000,
          },
        ],
        totals: [{ label: 'Total', montant: 35000 }],
      },
    ],
    besoins: 135000,
  },
  {
    volet: 2,
    plafond: 4125892,
    items: [
      {
        nature: 'Intensification de l’accompagnement des allocataires du RSA',
        rows: [
          {
            objet: "ETP d'accompagnement (CD, PE…)",
            precisions:
              "Action 1:Renforcer la qualité de l'accompagnement social dans le cadre de l'accompagnement global dans l'objectif d'un retour à l'emploi.",
            existant: '7600 places',
            cible: '15200 places',
            delta: '7600 places',
            montant: 1650000,
          },
          {
            sameObjet: true,
            precisions: 'Action 2: Amplifier la politique d’accès à l’emploi pour tous',
            existant: '700 places',
            cible: '1030 places',
            delta: '3030 places', // sic: 1030 − 700 = 330
            montant: 807000,
            financement: 'FSE - 100000€',
          },
          { sameObjet: true, precisions: 'Action 3 …' },
        ],
        totals: [{ label: 'Total', montant: 2457000 }],
      },
      {
        nature: 'Remobilisation / entrée de parcours',
        rows: [
          {
            objet: 'Solutions de remobilisation',
            precisions: "Pack inclusion renforcé pour l'emploi",
            existant: '4000 places',
            cible: '4240 places',
            delta: '240 places',
            montant: 598000,
          },
          {
            objet: 'Solutions de remobilisation',
            precisions: "Pack inclusion renforcé pour l'emploi dans le bassin minier (ERBM)",
            existant: '600 places',
            cible: '630 place',
            delta: '30 places',
            montant: 361146,
          },
        ],
        totals: [{ label: 'Total', montant: 959146 }],
      },
      {
        nature: 'Levée des freins socio-professionnels',
        rows: [
          { objet: 'Mobilité' },
          {
            objet: "Garde d'enfant",
            precisions:
              'Faciliter l’accès à l’emploi des familles sans solutions d’accueil : Dispositif d’Intermédiation « Familles vulnérables – solutions d’accueil de la Petite Enfance »',
            existant: '349 places',
            cible: '500 places',
            delta: '151 places',
            financement: 'Financement avec le schéma départemental de soutien au familles : 825 802€ sur 2 ans',
          },
          {
            objet: 'Santé',
            precisions: 'Pack médiation insertion-santé',
            existant: '4 000 places',
            cible: '5 760 places',
            delta: '1 760 places',
            montant: 709746,
            financement: 'Dont 17 074€ de ERBM',
          },
          { objet: 'Autre' },
        ],
        // "Quitter": stray caption (a macro button of the source workbook) printed next to this total.
        totals: [{ label: 'Total', montant: 709746, financement: 'Quitter' }],
      },
      { voletTotal: 'Total', montant: 4125892 },
      {
        nature: "Référencement de l'offre de solutions locales d'accompagnement",
        rows: [
          {
            objet: "Référencement de l'offre de solution du territoire (ex : alimentation DORA ou autre...)",
            precisions: 'ETP',
          },
        ],
        totals: [{ label: 'Total' }],
      },
    ],
    besoins: 4125892,
  },
  {
    volet: 3,
    items: [
      {
        nature: 'Renforcement des équipes locales PE / CD - ETP CD',
        rows: [
          { objet: 'Accompagnement' },
          { objet: 'Ingénierie (chef de projet, chargé déploiement numérique, coordonnateur' },
          { objet: 'Autres' },
        ],
        totals: [{ label: 'Total ETP CD' }],
      },
      {
        nature: POUR_INFO_ETP_PE,
        pourInfo: true,
        rows: [{ objet: 'Accompagnement' }, { objet: 'Ingénierie (chef de projet)' }, { objet: 'Autres' }],
        totals: [{ label: 'Pour info : Total ETP PE' }, { label: 'Total ETP' }],
      },
      {
        nature: 'Renforcement des solutions locales - Solutions locales CD',
        rows: [
          { objet: 'Accompagnement délégué à une structure du PDI (organisme référent)' },
          { objet: "Solutions d'accompagnement complémentaires déléguées à une" },
          { objet: 'Solutions de remobilisation' },
          { objet: "Solutions de maintien dans l'emploi" },
          { objet: 'Solutions de levée des freins' },
        ],
        totals: [{ label: 'Total solutions locales CD' }],
      },
      {
        nature: 'Pour info : Solutions locales PE',
        pourInfo: true,
        rows: [{ objet: 'Prestations' }],
        totals: [{ label: 'Pour info : Total solutions locales PE' }, { label: 'Total Solutions locales' }],
      },
      {
        nature: 'Développement SI - Dépenses CD',
        rows: [
          {
            objet:
              "Evolutions techniques nécessaires à l'atteinte de la cible (feuille de route à construire avec les correspondants numériques)",
          },
        ],
        totals: [{ label: 'Total CD' }],
      },
      {
        nature: POUR_INFO_ETP_PE,
        pourInfo: true,
        rows: [{}],
        totals: [{ label: 'Total Développement SI' }],
      },
    ],
  },
];

export function isVoletTotal(item: FtGroup | FtVoletTotal): item is FtVoletTotal {
  return 'voletTotal' in item;
}

// ---------------------------------------------------------------------------------------------
// FT "PLAN D'ACTION ET FICHES ACTIONS" (summary, §1.5) with the per-fiche split (§1.8, §2.2)

export const PLAN_ACTION_TITLE = "PLAN D'ACTION ET FICHES ACTIONS";
export const PLAN_ACTION_HEADERS = [
  'FA',
  "Intitulé de l'action",
  'Volet',
  'État',
  'Conseil départemental',
  'Autres financeurs',
  'Nature des autres financements',
  "Montant de l'action",
];

export interface PlanActionRow {
  fa: string;
  intitule: string;
  volet: 1 | 2;
  /** undefined = blank cell (fiche 2.8 budgets nothing of its own). */
  etat?: number;
  cd?: number;
  autres?: number;
  nature?: string;
}

export const PLAN_ACTION_ROWS: PlanActionRow[] = [
  { fa: '2.1', intitule: 'Evolution du SI et ingénierie', volet: 1, etat: 135000, cd: 0, autres: 0 },
  {
    fa: '2.2', intitule: 'Pack médiation insertion-santé', volet: 2,
    etat: 709746, cd: 709746, autres: 0, nature: 'Dont 17 074 € ERBM (part État)',
  },
  {
    fa: '2.3',
    intitule:
      "Renforcer la qualité de l'accompagnement social dans le cadre de l'accompagnement global dans l'objectif d'un retour à l'emploi.",
    volet: 2, etat: 1650000, cd: 1650000, autres: 0,
  },
  {
    fa: '2.4', intitule: "Faciliter l'accès à l'emploi des familles sans solutions d'accueil", volet: 2,
    etat: 0, cd: 0, autres: 0,
    // 2.4 is financed outside the FT contract (fiche 2.4 budget table, 2024 row).
    nature: 'Hors contractualisation : État (FIPE) 332 718 €, CD 60 000 €, CAF 60 000 €',
  },
  {
    fa: '2.5', intitule: "Pack inclusion renforcement de l'accompagnement:", volet: 2,
    etat: 807000, cd: 715000, autres: 100000, nature: 'FSE+ (valorisation)',
  },
  { fa: '2.6', intitule: "Pack inclusion renforcé pour l'emploi", volet: 2, etat: 598000, cd: 951146, autres: 0 },
  {
    fa: '2.7', intitule: "Pack inclusion renforcé pour l'emploi dans le bassin minier", volet: 2,
    etat: 361146, cd: 0, autres: 0,
  },
  {
    fa: '2.8', intitule: 'Action en faveur de publics féminin dans le bassin minier', volet: 2,
    nature: 'Pris en charge dans le cadre des actions existantes',
  },
];

/** Printed "TOTAL" of the summary's "Montant de l'action". */
export const PLAN_ACTION_TOTAL = 8386784;

// ---------------------------------------------------------------------------------------------
// "Paramètres": what the checker needs to know that no table states.

export type ParamValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'amount'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'percent'; value: number }
  | { kind: 'blank' };

export const PARAMETRES: [string, ParamValue][] = [
  ['Département', { kind: 'text', value: 'Pas-de-Calais' }],
  ['Code département', { kind: 'number', value: 62 }],
  ['CLS date de début', { kind: 'date', value: '2024-01-01' }],
  ['CLS date de fin', { kind: 'date', value: '2027-12-31' }],
  ['CLS État notifié 2024 axe 1', { kind: 'amount', value: 1659288 }],
  ['CLS État notifié 2024 axe 3', { kind: 'amount', value: 1010000 }],
  ['CLS État notifié 2024 axe 4', { kind: 'amount', value: 673260 }],
  ['CLS État notifié 2024 total', { kind: 'amount', value: 3342548 }],
  ['CLS État notifié 2025 total', { kind: 'amount', value: 3342548 }],
  ['FT date de début', { kind: 'date', value: '2024-01-01' }],
  ['FT date de fin', { kind: 'date', value: '2024-12-31' }],
  ['FT forfait volet 1', { kind: 'amount', value: 135000 }],
  ['FT plafond volet 2', { kind: 'amount', value: 4125892 }],
  ['FT plafond volet 3', { kind: 'blank' }],
  ['Seuil de sous-consommation', { kind: 'percent', value: 0.8 }],
  ['Part CD minimale', { kind: 'percent', value: 0.5 }],
  ['FSE+ valorisation comptée comme CD', { kind: 'text', value: 'non' }],
  // Realised co-financing of volet 2 (invented, like the journal): with the journal's 3 005 600 €
  // of eligible expenses, 48,34 % for the CD — 50 % only if the FSE+ valorisation counts, as in the
  // seed's own plan (COFI-FT-VOLET2-REALISE).
  ['FT dépenses CD volet 2', { kind: 'amount', value: 2905600 }],
  ['FT valorisation FSE+ volet 2', { kind: 'amount', value: 100000 }],
];
