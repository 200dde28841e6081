/**
 * FT art. 4.2: « Les dépenses liées aux frais généraux (fournitures, reprographie, locations de
 * salles, équipement…), aux frais de mission (déplacements/hébergement/restauration du personnel)
 * ou au recours à des prestations d'évaluation, de formation ou de gestion de projet ne sont pas
 * éligibles au financement de l'Etat. Les dépenses d'investissement, hors développements
 * informatiques répondant aux besoins du projet, sont exclues des présents financements. »
 *
 * Each category lists the words that name it in an expense's nature or objet (matched without
 * accents, in lower case). Matching words is a reading, not a proof: EXP-INELIGIBLE is a warning.
 */
export interface IneligibleCategory {
  id: 'overheads' | 'mission' | 'services' | 'investment';
  /** The category as the article names it, for messages. */
  label: string;
  /** Short name, for the JSON's `actual` field. */
  short: string;
  words: RegExp;
  /** Texts that put an expense outside the category although a word matched. */
  unless?: RegExp;
}

/**
 * Mission costs and services are those of the staff (« du personnel »): travel, lodging or training
 * of the people accompanied (mobilité, hébergement, formation des allocataires) are insertion
 * solutions, the very object of volet 2, not overheads.
 */
const FOR_BENEFICIARIES = /\b(beneficiaires?|allocataires?|publics?|participants?|personnes accompagnees|familles|jeunes|brsa)\b/;

export const INELIGIBLE_CATEGORIES: readonly IneligibleCategory[] = [
  {
    id: 'mission',
    label: 'frais de mission (déplacements, hébergement, restauration du personnel)',
    short: 'frais de mission',
    words:
      /\bfrais de (deplacements?|missions?|route|transport)\b|\bdeplacements?\b|\b(ordres?|indemnites?) de missions?\b|\bhebergement\b|\bhotel|\bnuitees?\b|\brestauration\b|\brepas\b|\btraiteur\b|indemnites? kilometriques|\bbillets? (de )?(train|avion)\b|\bcarburant\b|\bpeages?\b/,
    unless: FOR_BENEFICIARIES,
  },
  {
    id: 'services',
    label: 'prestations d’évaluation, de formation ou de gestion de projet',
    short: 'prestations d’évaluation, de formation ou de gestion de projet',
    words: /\bevaluations?\b|\bformations?\b|\bgestion de projets?\b|assistance a maitrise d.?ouvrage|\bamoa?\b/,
    unless: FOR_BENEFICIARIES,
  },
  {
    id: 'overheads',
    label: 'frais généraux (fournitures, reprographie, locations de salles, équipement)',
    short: 'frais généraux',
    words:
      /\bfrais generaux\b|\bfournitures?\b|\breprographie\b|\bphotocopi|\bimpressions?\b|\bpapeterie\b|\blocations? de (salles?|locaux|bureaux?)\b|\bloyers?\b|\bequipements?\b|\bmateriels?\b|\bmobilier\b|\baffranchissement\b/,
  },
  {
    id: 'investment',
    label: 'dépenses d’investissement hors développements informatiques',
    short: 'investissement',
    words: /\binvestissements?\b|\bacquisition\b|\bachat d.?(un |une |des )?(vehicules?|immeubles?|locaux|batiments?)\b|\bvehicules?\b|\btravaux\b|\bimmobili/,
    // « hors développements informatiques répondant aux besoins du projet »
    unless: /\bdeveloppements? (informatiques?|si)\b|\blogiciels?\b|\binterfacage\b|\bparametrage\b|\bsysteme d.?information\b/,
  },
];

/** The first category an expense's text falls under, with the words that matched; null if none. */
export function ineligibleCategory(text: string): { category: IneligibleCategory; matched: string } | null {
  const { folded, origin } = fold(text);
  for (const category of INELIGIBLE_CATEGORIES) {
    const m = category.words.exec(folded);
    if (!m) continue;
    if (category.unless && category.unless.test(folded)) continue;
    // The words as the user typed them, accents included.
    const matched = text.slice(origin[m.index], origin[m.index + m[0].length - 1] + 1);
    return { category, matched };
  }
  return null;
}

/**
 * No accents, lower case, typographic apostrophes folded, any white space one space; `origin[i]` is
 * the index in `s` of the character folded into position i.
 */
function fold(s: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const f = s[i]
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/œ/g, 'oe')
      .replace(/[\s\u00A0\u202F]/g, ' ');
    for (const ch of f) {
      folded += ch;
      origin.push(i);
    }
  }
  return { folded, origin };
}
