import type { Money } from '../domain/money';
import type { Parameters } from '../domain/parameters';
import { normaliseText } from './text';

/**
 * The keys of the "Paramètres" sheet: one list shared by the reader, the documentation and the
 * template writer, so the three cannot drift apart.
 *
 * `pattern` is tested on the key squashed by `squashKey` (no accents, lower case, nothing but
 * letters, digits, "+" and "%"): "CLS État notifié 2024 axe 1" → "clsetatnotifie2024axe1".
 */
export type ParameterType = 'text' | 'date' | 'amount' | 'ratio' | 'boolean';

export type ParameterId =
  | 'department'
  | 'departmentCode'
  | 'clsStart'
  | 'clsEnd'
  | 'ftStart'
  | 'ftEnd'
  | 'clsNotifiedAxe'
  | 'clsNotifiedTotal'
  | 'clsYearlyForecast'
  | 'ftLumpSum'
  | 'ftCeiling'
  | 'underspendThreshold'
  | 'minCdShare'
  | 'fseAsCd'
  | 'ftAdvance'
  | 'ftCdOwnVolet2'
  | 'ftFseVolet2'
  | 'ftLumpSumInFull';

export interface ParameterKey {
  id: ParameterId;
  /** The key as the template writes it; <année> and <n> stand for a year and a number. */
  label: string;
  pattern: RegExp;
  type: ParameterType;
  /** French description, for the documentation and the template's description column. */
  description: string;
  /** An example value as a user would type it. */
  example: string;
  /** Where the value goes in Parameters (keys added after the reader's own switch). */
  assign?: (p: Parameters, value: string | Date | Money | boolean) => void;
}

export const PARAMETER_KEYS: readonly ParameterKey[] = [
  {
    id: 'department',
    label: 'Département',
    pattern: /^departement$/,
    type: 'text',
    description: 'Nom du Département signataire des conventions.',
    example: 'Pas-de-Calais',
  },
  {
    id: 'departmentCode',
    label: 'Code département',
    pattern: /^code(du)?departement$/,
    type: 'text',
    description: 'Numéro du Département (deux ou trois caractères).',
    example: '62',
  },
  {
    id: 'clsStart',
    label: 'CLS date de début',
    pattern: /^clsdate(de)?debut$/,
    type: 'date',
    description: 'Début de la période du contrat local des solidarités.',
    example: '01/01/2024',
  },
  {
    id: 'clsEnd',
    label: 'CLS date de fin',
    pattern: /^clsdate(de)?fin$/,
    type: 'date',
    description: 'Fin de la période du CLS : aucun report de crédits au-delà (CLS art. 5).',
    example: '31/12/2027',
  },
  {
    id: 'ftStart',
    label: 'FT date de début',
    pattern: /^ftdate(de)?debut$/,
    type: 'date',
    description: 'Début de la période de la convention France Travail (annuelle).',
    example: '01/01/2024',
  },
  {
    id: 'ftEnd',
    label: 'FT date de fin',
    pattern: /^ftdate(de)?fin$/,
    type: 'date',
    description: 'Fin de la période de la convention France Travail ; le bilan financier est dû trois mois après (FT art. 2 et 3.2).',
    example: '31/12/2024',
  },
  {
    id: 'clsNotifiedAxe',
    label: 'CLS État notifié <année> axe <n>',
    pattern: /^clsetatnotifie(\d{4})axe(\d+)$/,
    type: 'amount',
    description: "Participation de l'État notifiée pour l'année et l'axe (CLS art. 2.2 ; confirmée chaque année par avenant).",
    example: '1 659 288,00 €',
  },
  {
    id: 'clsNotifiedTotal',
    label: 'CLS État notifié <année> total',
    pattern: /^clsetatnotifie(\d{4})total$/,
    type: 'amount',
    description: "Participation totale de l'État notifiée pour l'année.",
    example: '3 342 548,00 €',
  },
  {
    id: 'clsYearlyForecast',
    label: 'CLS État prévisionnel annuel',
    pattern: /^clsetatprevisionnelannuel$/,
    type: 'amount',
    description:
      "Montant prévisionnel de l'État pour chaque année sans avenant (CLS art. 2.2) ; à défaut, le montant notifié de la première année. Le total de la convention (4 années) s'y compare.",
    example: '3 342 548,00 €',
  },
  {
    id: 'ftLumpSum',
    label: 'FT forfait volet 1',
    pattern: /^ftforfaitvolet(\d+)$/,
    type: 'amount',
    description: "Forfait de l'État pour le volet 1 (FT art. 4.1) ; il égale le total des besoins du volet.",
    example: '135 000,00 €',
  },
  {
    id: 'ftCeiling',
    label: 'FT plafond volet <n>',
    pattern: /^ftplafondvolet(\d+)$/,
    type: 'amount',
    description: "Plafond de l'État pour le volet 2 ou 3 (FT art. 4.1) ; les montants delta du plan de financement s'y additionnent.",
    example: '4 125 892,00 €',
  },
  {
    id: 'underspendThreshold',
    label: 'Seuil de sous-consommation',
    pattern: /^seuil(de)?sousconsommation$/,
    type: 'ratio',
    description: 'Taux de consommation en dessous duquel une sous-consommation est signalée (CLS art. 2.2).',
    example: '80 %',
  },
  {
    id: 'minCdShare',
    label: 'Part CD minimale',
    pattern: /^partcdminimale$/,
    type: 'ratio',
    description: 'Part minimale du Département dans le coût des actions (CLS art. 2.2, FT art. 3.3).',
    example: '50 %',
  },
  {
    id: 'fseAsCd',
    label: 'FSE+ valorisation comptée comme CD',
    pattern: /^fse\+?valorisationcompteecommecd$/,
    type: 'boolean',
    description: 'Compter la valorisation FSE+ (fiche 2.5) dans la part du Département pour le volet 2 (FT art. 3.3).',
    example: 'non',
  },
  {
    id: 'ftAdvance',
    label: 'FT avance versée',
    pattern: /^ftavance(versee|recue)?$/,
    type: 'amount',
    description: "Avance versée par l'État à la signature de la convention France Travail (FT art. 6) ; à défaut, 60 % du montant notifié.",
    example: '2 556 535,20 €',
    assign: (p, v) => (p.ftAdvance = v as Money),
  },
  {
    id: 'ftCdOwnVolet2',
    label: 'FT dépenses CD volet 2',
    pattern: /^ftdepensescd(realisees)?volet2$/,
    type: 'amount',
    description:
      "Dépenses réalisées par le Département sur ses fonds propres pour les actions du volet 2, en plus de l'état des dépenses : elles forment sa part du coût total réalisé (bilan financier, FT art. 3.3).",
    example: '2 905 600,00 €',
    assign: (p, v) => (p.ftCdOwnVolet2 = v as Money),
  },
  {
    id: 'ftFseVolet2',
    label: 'FT valorisation FSE+ volet 2',
    pattern: /^ftvalorisationfse\+?(realisee)?volet2$/,
    type: 'amount',
    description: 'Valorisation FSE+ réalisée sur les actions du volet 2 ; comptée comme part du Département seulement si « FSE+ valorisation comptée comme CD » vaut oui.',
    example: '100 000,00 €',
    assign: (p, v) => (p.ftFseVolet2 = v as Money),
  },
  {
    id: 'ftLumpSumInFull',
    label: 'FT forfait volet 1 retenu en totalité',
    pattern: /^ftforfaitvolet1retenuentotalite$/,
    type: 'boolean',
    description:
      "oui : le forfait du volet 1 est retenu en entier au bilan financier (FT art. 4.1, « sous forme de forfait ») ; non (par défaut) : il est, comme les autres volets, limité aux dépenses éligibles réalisées (FT art. 8).",
    example: 'non',
    assign: (p, v) => (p.ftLumpSumInFull = v as boolean),
  },
];

/** A key as matched: "FSE+ valorisation comptée comme CD :" → "fse+valorisationcompteecommecd". */
export function squashKey(key: string): string {
  return normaliseText(key).replace(/[^a-z0-9+%]/g, '');
}
