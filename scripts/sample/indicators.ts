/**
 * The CLS indicator tables of seed 001, as printed: Annexe 1 (actions × local indicators, extract
 * §2.1) and Annexe 4 (national indicators, extract §5.1). Results are blank, as in the seed: the
 * Département fills them in each year (CLS art. 2.3). Counts, not amounts: never scaled or typed
 * as money by the sample variants.
 */
import type { GridCell, GridSheet } from '../../src/layout/grid';

export const LOCAL_INDICATORS_SHEET = 'Indicateurs locaux';
export const NATIONAL_INDICATORS_SHEET = 'Indicateurs nationaux';
export const INDICATOR_YEARS = [2024, 2025, 2026, 2027];

export interface SampleIndicator {
  label: string;
  /** Situation au 31 déc. 2023; undefined = blank cell. */
  baseline?: number;
  /** Targets 2024…2027 (one value = the same for the four years). */
  targets?: number | number[];
}

export interface LocalIndicatorAction {
  /** As printed in the Actions cell ("Action 4.2 :" has no title in the seed). */
  action: string;
  indicators: SampleIndicator[];
}

export interface IndicatorGroup<T> {
  axe: string;
  items: T[];
}

export const LOCAL_INDICATORS_TITLE = 'Annexe 1 – Tableau des actions et suivi de leurs indicateurs';

export const LOCAL_INDICATORS: IndicatorGroup<LocalIndicatorAction>[] = [
  {
    axe: 'Axe 1 Prévenir la pauvreté et lutter contre les inégalités dès l’enfance',
    items: [
      {
        action: 'Action 1.1 : Accueil de proximité, repérage et aller vers les jeunes en ruptures, en situation de précarité sans solution',
        indicators: [
          { label: 'Nombre de jeunes NEET', baseline: 300, targets: 600 },
          { label: 'Nombre de jeunes reprenant un parcours d’insertion', baseline: 603, targets: 1000 },
          { label: 'Nombre de jeunes sortant de l’ASE avec une solution pour leur autonomie', baseline: 459, targets: 700 },
        ],
      },
      {
        action: 'Action 1.2 : Pack jeune : pour accompagner les jeunes précaires dans leur autonomie',
        indicators: [
          { label: 'Nombre de jeunes aidés au titre des aides financières accès et au maintien du logement', baseline: 0, targets: 90 },
          { label: 'Nombre de jeunes accompagnés au titre de l’accompagnement social logement', baseline: 112, targets: 240 },
          { label: 'Nombre de jeunes relogés par des bailleurs sociaux conventionnés', baseline: 19, targets: 55 },
          // sic: "mobilité" for "mobilier" (the action finances furniture).
          { label: 'Nombre de jeunes aidés au titre du mobilité de première nécessité', baseline: 45, targets: 73 },
        ],
      },
      {
        action: 'Action 1.3 : Action en faveur du public féminin',
        indicators: [
          { label: 'Nombre de jeunes concernés par l’action', baseline: 0, targets: 15 },
          { label: 'Nombre de jeunes femmes s’orientant vers les métiers dit « masculin »', baseline: 0, targets: 7 },
        ],
      },
      {
        action: "Action 1.4 : Accompagner les publics en prenant en compte l'environnement familial",
        indicators: [
          { label: 'Nombre de cellule familiale accompagnés', baseline: 0, targets: 40 },
          { label: 'Nombre de solutions apportées', baseline: 0, targets: 40 },
          { label: 'Nombre de personnes accompagnées suite à violence', baseline: 0, targets: 100 },
        ],
      },
      {
        action: 'Action 1.5 : Prévention des ruptures 11-18 ans',
        indicators: [
          { label: 'Nombre de jeunes mineurs accompagnés dans la prévention', baseline: 0, targets: 100 },
          { label: 'Nombre de séjours organisés', baseline: 0, targets: 8000 },
          { label: 'Nombre de jeunes accueillis', baseline: 0, targets: 5000 },
        ],
      },
    ],
  },
  {
    axe: 'Axe 3 Lutter contre la grande exclusion grâce à l’accès aux droits',
    items: [
      {
        action: "Action 3.1 : Développer des outils contribuant à la coordinations de l'accès aux droits",
        indicators: [
          { label: 'Livrables des études', baseline: 0, targets: [2, 2, 3, 3] },
          { label: 'Nombre de solutions apportées (expérimentations, nouveaux modes de faire)', baseline: 0, targets: [3, 3, 5, 5] },
        ],
      },
      {
        action: 'Action 3.2 : Guichet unique logement des jeunes',
        indicators: [
          { label: 'Nombre de sollicitations des CLLAJ', baseline: 3512, targets: 4000 },
          { label: 'Nombre de jeunes reçus', baseline: 3286, targets: 3500 },
        ],
      },
      {
        action: 'Action 3.3 : Prévenir l’exclusion à travers la lutte contre les expulsions locatives',
        indicators: [
          { label: 'Nombre de dossiers FPEL déposés', baseline: 474, targets: [600, 700, 700, 700] },
          { label: 'Nombre de dossiers FPEL accordés', baseline: 328, targets: 500 },
          { label: 'Nombre d’accompagnements sociaux dédiés au maintien', baseline: 172, targets: 250 },
        ],
      },
      {
        action: 'Action 3.4 : Plan de formation et labellisation des référents',
        indicators: [
          { label: 'nombre de participants par an', baseline: 150, targets: 250 },
          { label: 'Nombre de jours de formation réalisés', baseline: 1500, targets: 2500 },
        ],
      },
    ],
  },
  {
    axe: 'Axe 4 Construire une transition écologique solidaire',
    items: [
      {
        action: 'Action 4.1 : Lutter contre la précarité énergétique',
        indicators: [
          { label: 'Nombre de professionnels informés', baseline: 53, targets: 100 },
          {
            label: 'Nombre de dossiers en cours d’accompagnement au 31 décembre de chaque année de propriétaires occupants',
            baseline: 17,
            targets: 25,
          },
          { label: 'Nombre de ménages accompagnés par une action préventive', baseline: 162, targets: 300 },
          { label: 'Nombre de ménages accompagnés socialement', baseline: 162, targets: 175 },
        ],
      },
      {
        action: 'Action 4.2 :',
        indicators: [
          { label: 'Nombre de personnes ayant fait l’objet d’un diagnostic de mobilité', baseline: 1059, targets: 1250 },
          { label: 'Nombre de participants bénéficiant d’un accompagnement mobilité', baseline: 1000, targets: 1110 },
        ],
      },
    ],
  },
];

export interface NationalIndicator extends SampleIndicator {
  theme: string;
}

export const NATIONAL_INDICATORS_TITLE = 'TABLEAU DES INDICATEURS NATIONAUX DES CONTRATS LOCAUX DES SOLIDARITÉS';
/** Printed with the Département's name never filled in. */
export const NATIONAL_INDICATORS_SUBTITLE = 'CONSEIL DÉPARTEMENTAL DE …...';

const ACCES_DROITS = 'Accéder aux droits sociaux et santé pour prévenir la bascule dans la pauvreté';

export const NATIONAL_INDICATORS: IndicatorGroup<NationalIndicator>[] = [
  {
    axe: 'Axe Prévenir la pauvreté et lutter contre les inégalités dès l’enfance',
    items: [
      {
        theme: 'Soutien à la parentalité et aux familles en situation de précarité',
        label: 'Nombre de familles précaires avec enfants ayant bénéficié d’actions d’aller-vers et/ou d’accompagnement dans la parentalité.',
        baseline: 0,
        targets: 150,
      },
      {
        theme: 'Améliorer l’accompagnement des parcours des femmes sans domicile isolées avec au moins un enfant de moins de 3 ans',
        label: 'Nombre de mères seules sans domicile avec enfants de moins de 3 ans accompagnées',
      },
      {
        theme: 'Faire de la jeunesse un enjeu prioritaire de lutte contre la pauvreté en prévenant le décrochage',
        label:
          'Nombre d’adolescents (mineurs) ayant bénéficié des actions en matière de prévention et de traitement du décrochage scolaire et des actions d’ouverture à la culture, aux sports et aux loisirs',
        baseline: 0,
        targets: 5000,
      },
      {
        theme: 'Accompagner les jeunes précaires vers l’autonomie',
        label: 'Nombre de jeunes de 16 à 25 ans sans solution, bénéficiaires des actions en matière "d’aller vers" et en matière de mobilisation vers l’autonomie',
        baseline: 1038,
        targets: 1730,
      },
    ],
  },
  {
    axe: 'Axe Lutter contre la grande exclusion grâce à l’accès aux droits',
    items: [
      { theme: `${ACCES_DROITS} : démarches "d'aller-vers"`, label: 'Nombre de personnes bénéficiant de démarches "d’aller-vers" pour l’accès aux droits', baseline: 2000, targets: 2200 },
      { theme: `${ACCES_DROITS} : renforcement de l’accompagnement`, label: 'Nombre de personnes ayant bénéficié d’un accompagnement renforcé vers les droits', baseline: 50, targets: 150 },
      { theme: `${ACCES_DROITS} : formation des professionnels`, label: 'Nombre de professionnels de l’action sociale formés à l’évolution des pratiques par an', baseline: 150, targets: 250 },
      {
        theme: 'Prévenir les expulsions locatives',
        label: 'Nombre d’ETP de chargé de mission en renfort de la CCAPEX remplissant les fonctions définies dans le référentiel',
      },
      { theme: 'Prévenir les expulsions locatives', label: 'Nombre de dossiers pris en charge ayant abouti à la prévention d’une expulsion', baseline: 500, targets: 750 },
      {
        theme: 'Accompagnement des personnes vieillissantes en situation de précarité',
        label: 'Nombre de personnes vieillissantes en situation de précarité ayant bénéficié d’une action renforcée',
      },
      { theme: 'Services pour les personnes en bidonvilles', label: 'Nombre de personnes en bidonvilles concernées par une action dédiée de services' },
      { theme: 'Accompagnement des personnes sans domicile', label: 'Nombre de personnes sans domicile concernées par une action d’accompagnement dédiée' },
    ],
  },
  {
    axe: 'Axe Construire une transition écologique solidaire',
    items: [
      {
        theme: 'Lutte contre la précarité énergétique',
        label:
          'Nombre de ménages ayant fait l’objet d’une visite à domicile de lutte contre la précarité énergétique par un professionnel formé et s’étant vu proposer un soutien pour la mise en place d’au moins une solution.',
        baseline: 341,
        targets: 500,
      },
      {
        theme: 'Droit à la mobilité pour tous',
        label:
          'Nombre de personnes ayant fait l’objet d’un diagnostic de mobilité par une personne formée et ayant bénéficié d’au moins une action de levée des freins à la mobilité à la suite de ce dernier.',
        baseline: 1000,
        targets: 1110,
      },
      {
        theme: 'Accès à l’alimentation durable pour tous',
        label: 'Nombre d’élèves en établissement REP/REP+ bénéficiant d’une tarification sociale à moins d’un euro par repas.',
      },
    ],
  },
];

export function targetOf(ind: SampleIndicator, yearIndex: number): number | undefined {
  if (ind.targets === undefined) return undefined;
  return typeof ind.targets === 'number' ? ind.targets : ind.targets[yearIndex];
}

export function localIndicatorHeaders(): string[] {
  return ['Actions', 'Indicateurs locaux', 'Situation au 31 déc. 2023', ...INDICATOR_YEARS.flatMap((y) => [`Cible ${y}`, `Résultat atteint en ${y}`])];
}

export function nationalIndicatorHeaders(): string[] {
  return ['Thématique', 'Indicateur', 'Situation au 31 déc. 2023', ...INDICATOR_YEARS.flatMap((y) => [`Cible locale en ${y}`, `Résultat atteint en ${y}`])];
}

/**
 * What the sample's TableWriter offers (structurally: this module does not import build-sample,
 * which imports it). Columns are table-relative; the writer applies the layout variant.
 */
export interface SampleSheetWriter {
  row: number;
  readonly sheet: GridSheet;
  col(c: number): number;
  put(row: number, c: number, cell: GridCell): void;
  text(row: number, c: number, s: string | undefined): void;
  title(row: number, c: number, s: string): void;
  headers(texts: string[]): void;
  mergeDown(top: number, bottom: number, c: number): void;
  gapAfter(index: number, count: number): void;
}

/** Both indicator sheets; `writer(name)` gives a writer on a new sheet under the sample's layout. */
export function buildIndicatorSheets(writer: (sheetName: string) => SampleSheetWriter): GridSheet[] {
  return [buildLocal(writer(LOCAL_INDICATORS_SHEET)), buildNational(writer(NATIONAL_INDICATORS_SHEET))];
}

function writeValues(w: SampleSheetWriter, r: number, ind: SampleIndicator): void {
  if (ind.baseline !== undefined) w.put(r, 3, { value: ind.baseline });
  INDICATOR_YEARS.forEach((_y, i) => {
    const t = targetOf(ind, i);
    if (t !== undefined) w.put(r, 4 + 2 * i, { value: t });
  });
}

function buildLocal(w: SampleSheetWriter): GridSheet {
  w.title(w.row++, 1, LOCAL_INDICATORS_TITLE);
  w.row++;
  w.headers(localIndicatorHeaders());
  for (const group of LOCAL_INDICATORS) {
    w.text(w.row++, 1, group.axe);
    for (const item of group.items) {
      const first = w.row;
      item.indicators.forEach((ind, i) => {
        w.text(w.row, 2, ind.label);
        writeValues(w, w.row, ind);
        w.row++;
        w.gapAfter(i, item.indicators.length);
      });
      // The action cell spans its indicators, as printed.
      w.text(first, 1, item.action);
      w.mergeDown(first, w.row - 1, 1);
    }
  }
  setWidths(w, [40, 60, 14]);
  return w.sheet;
}

function buildNational(w: SampleSheetWriter): GridSheet {
  w.title(w.row++, 1, NATIONAL_INDICATORS_TITLE);
  w.title(w.row++, 1, NATIONAL_INDICATORS_SUBTITLE);
  w.row++;
  w.headers(nationalIndicatorHeaders());
  for (const group of NATIONAL_INDICATORS) {
    w.text(w.row++, 1, group.axe);
    group.items.forEach((ind, i) => {
      w.text(w.row, 1, ind.theme);
      w.text(w.row, 2, ind.label);
      writeValues(w, w.row, ind);
      w.row++;
      w.gapAfter(i, group.items.length);
    });
  }
  setWidths(w, [50, 70, 14]);
  return w.sheet;
}

function setWidths(w: SampleSheetWriter, first: number[]): void {
  const widths = new Map<number, number>();
  const count = 3 + 2 * INDICATOR_YEARS.length;
  for (let c = 1; c <= count; c++) widths.set(w.col(c), first[c - 1] ?? 12);
  w.sheet.columnWidths = widths;
}
