import { normaliseText } from '../text';

/**
 * The sections of the FT Annexe 3 « Etat des dépenses contractualisation pour l'insertion et
 * l'emploi », volet by volet, as the seed prints them (extract §1.7; labels verbatim, the double
 * space of « relatives  au développement SI » aside). A section may have parts (volet 3 « équipes
 * locales » CD and PE), each under its own header row; one total per section, then the volet total.
 * Volet 2's « remobilisation / entrée en parcours » total is not printed in the seed (only « - € »):
 * its label is ours.
 */
export type SectionKey =
  | 'equipes-cd'
  | 'equipes-pe'
  | 'si'
  | 'accompagnement'
  | 'remobilisation'
  | 'freins'
  | 'referencement'
  | 'solutions-locales'
  | 'autres';

/**
 * A group line of the model, placed above its detail lines with their subtotal (« Postes
 * d'ingénierie - € » then « Rémunération chef de projet »…). `staff`: staff costs (rémunérations,
 * postes); `other`: anything else; a pattern: staff costs whose nature or objet matches it.
 */
export interface VoletGroup {
  label: string;
  takes: 'staff' | 'other' | RegExp;
}

export interface VoletPart {
  key: SectionKey;
  /** Sub-heading above the part's header row; none when the section has a single part. */
  title?: string;
  /** The model's group lines, tried in order; lines no group takes are listed after them. */
  groups?: VoletGroup[];
}

export interface VoletSection {
  heading: string;
  parts: VoletPart[];
  total: string;
}

const EQUIPES_CD_PE = 'Dépenses relatives au renforcement des équipes locales CD/PE';
const EQUIPES_CD = 'Dépenses relatives au renforcement des équipes locales CD';
const EQUIPES_TOTAL = 'TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES';
const SI: VoletSection = { heading: 'Dépenses relatives au développement SI', parts: [{ key: 'si' }], total: 'TOTAL DEPENSES RELATIVES AU DEVELOPPEMENT SI' };

const INGENIERIE: VoletGroup = { label: "Postes d'ingénierie", takes: 'staff' };
const ACCOMPAGNEMENT: VoletGroup = { label: "Postes d'accompagnement", takes: 'staff' };

export const VOLET_SECTIONS: Record<1 | 2 | 3, VoletSection[]> = {
  1: [{ heading: EQUIPES_CD_PE, parts: [{ key: 'equipes-cd', title: EQUIPES_CD, groups: [INGENIERIE] }], total: EQUIPES_TOTAL }, SI],
  2: [
    {
      heading: "Dépenses relatives au renforcement de l'accompagnement",
      parts: [{ key: 'accompagnement', groups: [ACCOMPAGNEMENT, { label: "Solutions d'accompagnement complémentaires", takes: 'other' }] }],
      total: "TOTAL DEPENSES RELATIVES AU RENFORCEMENT DE L'ACCOMPAGNEMENT",
    },
    { heading: 'Dépenses relatives à la remobilisation / entrée en parcours', parts: [{ key: 'remobilisation' }], total: 'TOTAL DEPENSES RELATIVES A LA REMOBILISATION / ENTREE EN PARCOURS' },
    { heading: 'Dépenses relatives à la levée des freins sociaux', parts: [{ key: 'freins' }], total: 'TOTAL DEPENSES LEVÉE DES FREINS SOCIAUX' },
    {
      heading: "Dépenses relatives au référencement de l'offre de solutions locales d'accompagnement",
      parts: [{ key: 'referencement' }],
      total: "TOTAL DEPENSES RELATIVES AU REFERENCEMENT DE L'OFFRE DE SOLUTIONS LOCALES D'ACCOMPAGNEMENT",
    },
    SI,
  ],
  3: [
    {
      heading: EQUIPES_CD_PE,
      parts: [
        { key: 'equipes-cd', title: EQUIPES_CD, groups: [{ label: "Postes d'ingénierie", takes: /ingenierie|chef(ferie)? de projet|coordinat|deploiement|pilotage|numerique/ }, ACCOMPAGNEMENT] },
        { key: 'equipes-pe', title: 'Dépenses relatives au renforcement des équipes locales PE (le cas échéant)' },
      ],
      total: EQUIPES_TOTAL,
    },
    { heading: 'Dépenses relatives au renforcement des solutions locales', parts: [{ key: 'solutions-locales' }], total: 'TOTAL DEPENSES RENFORCEMENT DES SOLUTIONS LOCALES' },
    SI,
  ],
};

/** Expenses whose section is not one of the volet's: kept (they are expenses of the volet), apart. */
export const OTHER_SECTION: VoletSection = {
  heading: 'Autres dépenses du volet (section non reconnue : à reclasser)',
  parts: [{ key: 'autres' }],
  total: 'TOTAL AUTRES DEPENSES',
};

/** The title of each « Etat des dépenses » and its line « VOLET n ». */
export function voletTitle(year: number): string {
  return `Etat des dépenses contractualisation pour l'insertion et l'emploi ${year}`;
}

/** Sheet names within Excel's 31 characters. */
export function voletSheetName(volet: number): string {
  return `Etat des dépenses VOLET ${volet}`;
}

/**
 * What the journal's « Section » column may say, short enough for an Excel list (255 characters at
 * most); any wording the matchers below recognise is accepted too.
 */
export const JOURNAL_SECTION_CHOICES = [
  'Équipes locales CD',
  'Équipes locales PE',
  'Développement SI',
  'Accompagnement',
  'Remobilisation / entrée en parcours',
  'Levée des freins sociaux',
  "Référencement de l'offre",
  'Solutions locales',
];

/**
 * Which section a text names (normalised). Order matters: « référencement de l'offre de solutions
 * locales d'accompagnement » names the référencement, not the accompagnement nor the solutions
 * locales; « équipes locales PE / CD » (the plan de financement's volet 3 group) is CD.
 */
const MATCHERS: { key: SectionKey; re: RegExp }[] = [
  { key: 'referencement', re: /referencement/ },
  { key: 'equipes-pe', re: /equipes? locales? (pe|france travail)\b(?!\s*\/)/ },
  { key: 'equipes-cd', re: /equipes? locales?/ },
  { key: 'si', re: /developpement si\b|\bsi\b|systemes? d.?information|informatique/ },
  { key: 'remobilisation', re: /remobilisation|entree (en|de) parcours/ },
  { key: 'freins', re: /\bfreins?\b/ },
  { key: 'solutions-locales', re: /solutions? locales?/ },
  { key: 'accompagnement', re: /accompagnement/ },
];

export function sectionKeyOf(text: string | undefined): SectionKey | null {
  const t = normaliseText(text ?? '');
  if (!t) return null;
  return MATCHERS.find((m) => m.re.test(t))?.key ?? null;
}

/** Staff costs, as the model lists them: « Rémunération CIP », « Rémunération chef de projet », ETP. */
const STAFF = /\b(remunerations?|salaires?|postes?|etp|recrutements?|vacations?|charges? de personnel)\b/;

/** The group of the part a journal line goes under, or null (listed after the groups). */
export function groupOf(part: VoletPart, nature: string | undefined, object: string | undefined): VoletGroup | null {
  const n = normaliseText(nature ?? '');
  const text = `${n} ${normaliseText(object ?? '')}`;
  const staff = STAFF.test(n);
  for (const g of part.groups ?? []) {
    if (g.takes === 'other' ? !staff : staff && (g.takes === 'staff' || g.takes.test(text))) return g;
  }
  return null;
}
