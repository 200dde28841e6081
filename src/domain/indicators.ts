import Decimal from 'decimal.js';
import type { CellRef } from './finding';

/**
 * The CLS indicator tables (art. 2.3: « Le Conseil départemental renseigne chaque année le niveau
 * d'atteinte des indicateurs locaux … et des indicateurs nationaux (annexe n°4) »):
 * - Annexe 1, actions × local indicators: Actions | Indicateurs locaux | Situation au 31 déc. 2023 |
 *   Cible 2024 | Résultat atteint en 2024 | … 2027;
 * - Annexe 4, national indicators: Thématique | Indicateur | Situation au 31 déc. 2023 |
 *   Cible locale en 2024 | Résultat atteint en 2024 | …
 * They hold counts (jeunes, ménages, dossiers), not money: a separate model from AnnexTable, whose
 * amounts, derived columns and totals mean nothing here.
 */
export type IndicatorTableKind = 'cls-local-indicators' | 'cls-national-indicators';

/** One count cell. A blank cell is "not filled in" (value null, readable), never a zero. */
export interface IndicatorValue {
  ref: CellRef;
  raw: string;
  value: Decimal | null;
  /** false when the cell holds something that is not a count ("tous les jeunes", #REF!). */
  readable: boolean;
}

export interface IndicatorYear {
  target?: IndicatorValue;
  result?: IndicatorValue;
}

export interface IndicatorRow {
  /** Sheet row number. */
  row: number;
  /** CLS axe number ("1", "3", "4") from the action number or the axe label above. */
  axe?: string;
  /** Annexe 1: the action cell ("Action 1.1 : Accueil de proximité…"); Annexe 4: the thématique. */
  subject: string;
  /** Fiche action number ("1.1") when the subject names one. */
  fiche?: string;
  /** The indicator's wording. */
  label: string;
  baseline?: IndicatorValue;
  /** Target and result per year (2024 … 2027). */
  years: Record<number, IndicatorYear>;
}

export interface IndicatorColumn {
  /** "subject", "label", "baseline", "target:2024", "result:2024"… */
  key: string;
  col: number;
  header: string;
}

export interface IndicatorTable {
  kind: IndicatorTableKind;
  sheet: string;
  /** French label for messages and the report: "Indicateurs locaux (annexe 1)". */
  title: string;
  headerTop: number;
  headerBottom: number;
  columns: IndicatorColumn[];
  /** Years that have a target or a result column, ascending. */
  years: number[];
  rows: IndicatorRow[];
}

/**
 * Achievement rate of a year: result ÷ target (1 = target reached). null when either is missing,
 * unreadable, or the target is zero (a zero target cannot be "achieved" in proportion).
 */
export function achievementRate(year: IndicatorYear | undefined): Decimal | null {
  const t = year?.target?.value;
  const r = year?.result?.value;
  if (!t || !r || t.isZero()) return null;
  return r.div(t);
}
