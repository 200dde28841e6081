import { type GridCell, type GridSheet, setCell } from '../../src/layout/grid';

/**
 * Builds the seed's France Travail "Construction du plan de financement" volets (seed 001, Annexe 2,
 * extract §1.6) as grids, in the canonical layout or disturbed the ways real workbooks are.
 */
export type Amount = number | string | GridCell;

export interface PlanLine {
  nature?: string;
  /** Second nature level ("ETP CD", "Pour info : ETP PE"), when the layout has two nature columns. */
  subNature?: string;
  object?: string;
  details?: string;
  existing?: string;
  target?: string;
  delta?: string;
  amount?: Amount;
  other?: string;
}

export interface VoletSpec {
  volet: number;
  ceiling: Amount | null;
  lines: PlanLine[];
  /** TOTAL BESOINS amount; null: no TOTAL BESOINS row. */
  grandTotal: Amount | null;
}

export interface PlanOptions {
  colShift?: number;
  /** Header over two rows: 'split' cuts each header in two cells, 'parentheses' puts "(…)" below. */
  wrap?: 'split' | 'parentheses';
  /** Headers, title and labels in upper case without accents. */
  upper?: boolean;
  /** Amounts as French text with no-break spaces, "4 125 892,00 €". */
  textAmounts?: boolean;
  /** Insert a blank row after these line indices. */
  blankAfter?: number[];
  /** Nature labels merged down over their group's rows; TOTAL BESOINS merged across. */
  mergeGroups?: boolean;
  /** Two nature columns under one merged "Nature de dépenses" header. */
  twoNatureColumns?: boolean;
}

const HEADERS: [string, string][] = [
  ['Nature de', 'dépenses'],
  ['Objet de la', 'dépense'],
  ["Précisions sur l'action /", 'objet'],
  ['Ressources', 'existantes (ETP et volumes financiers)'],
  ['Cible', '(besoins en ETP et volumes financiers)'],
  ['Delta entre la cible et', "l'existant (en ETP et volumes financiers)"],
  ['Montant', "delta (en volume financier compte tenu d'une montée en charge progressive)"],
  ['Si source(s) de', 'financement complémentaire identifiée(s) préciser (pilotes, redéploiement interne, FSE …)'],
];

export function frenchText(n: number): string {
  const [i, f] = n.toFixed(2).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0')},${f}\u00A0€`;
}

function upperNoAccent(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

/** Writes one volet block from `top`; returns the first row after it. */
export function writeVolet(sheet: GridSheet, top: number, spec: VoletSpec, o: PlanOptions = {}): number {
  const sub = o.twoNatureColumns ? 1 : 0;
  const col = (i: number) => (o.colShift ?? 0) + i + (i > 1 ? sub : 0);
  const t = (s: string) => (o.upper ? upperNoAccent(s) : s);
  const text = (r: number, c: number, s: string) => setCell(sheet, r, c, { value: t(s) });
  const amount = (r: number, c: number, a: Amount) => {
    if (typeof a === 'object') setCell(sheet, r, c, a);
    else if (typeof a === 'number' && o.textAmounts) setCell(sheet, r, c, { value: frenchText(a) });
    else setCell(sheet, r, c, { value: a });
  };

  let r = top;
  text(r, col(1), `Construction du plan de financement - VOLET ${spec.volet} - Période du 01/01/24 au 31/12/24`);
  r += 2;
  text(r, col(1), 'PLAFOND DEPARTEMENT');
  if (spec.ceiling !== null) amount(r, col(3), spec.ceiling);
  r += 1;
  // The group row that must not be taken for the headers of the columns below it.
  text(r, col(4), "Etat des lieux de l'existant");
  text(r, col(5), 'Construction du plan de financement');
  sheet.merges.push({ top: r, left: col(5), bottom: r, right: col(8) });
  r += 1;
  if (o.wrap) {
    HEADERS.forEach(([a, b], i) => {
      if (o.wrap === 'split') {
        text(r, col(i + 1), a);
        text(r + 1, col(i + 1), b);
      } else {
        const whole = `${a} ${b}`;
        const p = whole.indexOf('(');
        const cut = p > 0 && i >= 3 && i <= 6;
        text(r, col(i + 1), cut ? whole.slice(0, p).trim() : whole);
        if (cut) text(r + 1, col(i + 1), whole.slice(p));
      }
    });
    if (sub) sheet.merges.push({ top: r, left: col(1), bottom: r, right: col(1) + 1 }, { top: r + 1, left: col(1), bottom: r + 1, right: col(1) + 1 });
    r += 2;
  } else {
    HEADERS.forEach(([a, b], i) => text(r, col(i + 1), `${a} ${b}`));
    if (sub) sheet.merges.push({ top: r, left: col(1), bottom: r, right: col(1) + 1 });
    r += 1;
  }

  const rowOf: number[] = [];
  spec.lines.forEach((line, i) => {
    rowOf.push(r);
    if (line.nature) text(r, col(1), line.nature);
    if (line.subNature) text(r, col(1) + 1, line.subNature);
    if (line.object) text(r, col(2), line.object);
    if (line.details) text(r, col(3), line.details);
    if (line.existing) setCell(sheet, r, col(4), { value: line.existing });
    if (line.target) setCell(sheet, r, col(5), { value: line.target });
    if (line.delta) setCell(sheet, r, col(6), { value: line.delta });
    if (line.amount !== undefined) amount(r, col(7), line.amount);
    if (line.other) setCell(sheet, r, col(8), { value: line.other });
    r += 1;
    if (o.blankAfter?.includes(i)) r += 1;
  });
  if (spec.grandTotal !== null) {
    rowOf.push(r);
    text(r, col(1), `TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET ${spec.volet} :`);
    if (o.mergeGroups) sheet.merges.push({ top: r, left: col(1), bottom: r, right: col(6) });
    amount(r, col(7), spec.grandTotal);
    r += 1;
  }
  if (o.mergeGroups) mergeNatureGroups(sheet, spec.lines, rowOf, col(1), 'nature');
  if (o.mergeGroups && sub) mergeNatureGroups(sheet, spec.lines, rowOf, col(1) + 1, 'subNature');
  return r;
}

/** A nature label merged down to the row before the next label (labels starting "Total" stay single). */
function mergeNatureGroups(sheet: GridSheet, lines: PlanLine[], rowOf: number[], c: number, key: 'nature' | 'subNature'): void {
  lines.forEach((line, i) => {
    const label = line[key];
    if (!label || /^total/i.test(label)) return;
    let j = i + 1;
    while (j < lines.length && !lines[j][key] && !(key === 'subNature' && lines[j].nature)) j++;
    const bottom = (j < lines.length ? rowOf[j] : rowOf[rowOf.length - 1]) - 1;
    if (bottom > rowOf[i]) sheet.merges.push({ top: rowOf[i], left: c, bottom, right: c });
  });
}

/** Seed volet 1 (PLAFOND DEPARTEMENT 135 000,00). */
export function seedVolet1(): VoletSpec {
  return {
    volet: 1,
    ceiling: 135000,
    lines: [
      {
        nature: 'Renforcement des équipes locales CD',
        object: 'Ingénierie (chefferie de projet)',
        details:
          'De manière générale, la chefferie de projet est missionnée à déployer une feuille de route départementale permettant de converger vers la cible France Travail',
        existing: '0,20 ETP',
        target: '2,20ETP',
        delta: '2ETP',
        amount: 100000,
      },
      { object: 'Autre' },
      { object: 'Total ETP CD', amount: 100000 },
      {
        nature: 'Développement SI',
        object: "Paramétrage SI en vue de l'interconnexion",
        details: "Sécuriser les interopérabilités entre systèmes d'information",
        amount: 35000,
      },
      { object: 'Total', amount: 35000 },
    ],
    grandTotal: 135000,
  };
}

/** Seed volet 2 (PLAFOND DEPARTEMENT 4 125 892,00), with its printed Delta 3030 places for Action 2. */
export function seedVolet2(): VoletSpec {
  return {
    volet: 2,
    ceiling: 4125892,
    lines: [
      {
        nature: "Intensification de l'accompagnement des allocataires du RSA",
        object: "ETP d'accompagnement (CD, PE…)",
        details: "Action 1:Renforcer la qualité de l'accompagnement social dans le cadre de l'accompagnement global",
        existing: '7600 places',
        target: '15200 places',
        delta: '7600 places',
        amount: 1650000,
      },
      {
        details: "Action 2: Amplifier la politique d'accès à l'emploi pour tous",
        existing: '700 places',
        target: '1030 places',
        delta: '3030 places',
        amount: 807000,
        other: 'FSE - 100000€',
      },
      { details: 'Action 3 …' },
      { object: 'Total', amount: 2457000 },
      {
        nature: 'Remobilisation / entrée de parcours',
        object: 'Solutions de remobilisation',
        details: "Pack inclusion renforcé pour l'emploi",
        existing: '4000 places',
        target: '4240 places',
        delta: '240 places',
        amount: 598000,
      },
      {
        object: 'Solutions de remobilisation',
        details: "Pack inclusion renforcé pour l'emploi dans le bassin minier (ERBM)",
        existing: '600 places',
        target: '630 place',
        delta: '30 places',
        amount: 361146,
      },
      { object: 'Total', amount: 959146 },
      { nature: 'Levée des freins socio-professionnels', object: 'Mobilité' },
      {
        object: "Garde d'enfant",
        details: "Faciliter l'accès à l'emploi des familles sans solutions d'accueil",
        existing: '349 places',
        target: '500 places',
        delta: '151 places',
        other: 'Financement avec le schéma départemental de soutien au familles : 825 802€ sur 2 ans',
      },
      {
        object: 'Santé',
        details: 'Pack médiation insertion-santé',
        existing: '4 000 places',
        target: '5 760 places',
        delta: '1 760 places',
        amount: 709746,
        other: 'Dont 17 074€ de ERBM',
      },
      { object: 'Autre' },
      { object: 'Total', amount: 709746, other: 'Quitter' },
      { nature: 'Total', amount: 4125892 },
      {
        nature: "Référencement de l'offre de solutions locales d'accompagnement",
        object: "Référencement de l'offre de solution du territoire (ex : alimentation DORA ou autre...)",
        details: ' ETP',
      },
      { object: 'Total' },
    ],
    grandTotal: 4125892,
  };
}
