import type { Money } from './money';
import type { CellRef } from './finding';

/**
 * What a workbook states in its "Paramètres" sheet and the tables cannot: who, how much was
 * notified, ceilings, dates, thresholds. Every field is optional: checks that need a missing one
 * say so with an info finding instead of guessing.
 */
export interface Parameters {
  found: boolean;
  sheet?: string;
  department?: string;
  departmentCode?: string;
  clsStart?: Date;
  clsEnd?: Date;
  ftStart?: Date;
  ftEnd?: Date;
  /** CLS State amounts notified, per year then per axe ("1", "3", "4", … or "total"). */
  clsNotified: Map<number, Map<string, Money>>;
  /** CLS art. 2.2: the State's yearly prévisionnel for years no avenant has notified yet. */
  clsYearlyForecast?: Money;
  /** FT ceilings per volet (volet 1 forfait, volet 2 and 3 plafonds). */
  ftCeilings: Map<number, Money>;
  /** Consumption rate below which UNDERSPEND warns (0.8 = 80 %). */
  underspendThreshold?: Money;
  /** Minimum CD share (0.5 = 50 %). */
  minCdShare?: Money;
  /** FSE+ "valorisation" counted as CD money in COFI-FT-VOLET2. */
  fseAsCd?: boolean;
  /** FT advance paid at signature (art. 6); default 60 % of the notified total. */
  ftAdvance?: Money;
  /** CD own-fund expenses on volet 2 actions, beside the état des dépenses (bilan, art. 3.3). */
  ftCdOwnVolet2?: Money;
  /** FSE+ valorisation realised on volet 2 (CD money only under the fseAsCd reading). */
  ftFseVolet2?: Money;
  /** Volet 1 forfait retained in full at the bilan, not capped at the expenses. */
  ftLumpSumInFull?: boolean;
  /** Where each key was read, for messages. */
  refs: Map<string, CellRef>;
  /** Rows that could not be understood (unknown key, unreadable value). */
  problems: { ref: CellRef; message: string }[];
  /** Dates typed as text ("31/12/2027"): read day/month/year, reported by PARAM-TEXT-DATE. */
  textDates?: { ref: CellRef; key: string; raw: string; date: Date }[];
}

export function emptyParameters(): Parameters {
  return { found: false, clsNotified: new Map(), ftCeilings: new Map(), refs: new Map(), problems: [] };
}
