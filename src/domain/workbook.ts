import Decimal from 'decimal.js';
import type { AnnexTable, TableKind } from './table';
import type { Parameters } from './parameters';

/** Everything the layout readers found in one workbook, ready for the rules. */
export interface AnnexWorkbook {
  sheetNames: string[];
  tables: AnnexTable[];
  params: Parameters;
  /** Sheets whose name promises an annex table where the reader found none. */
  emptyAnnexSheets: { sheet: string; expected: 'cls' | 'ft-plan' | 'ft-action-plan' | 'ft-expense-journal' | 'fiche-budget' }[];
  /**
   * Block titles with no table read under them, and headers too close to a block to be nothing
   * (`header`): the cell, and its text as typed (on one line, cut at 80 characters).
   */
  /** `noLabels`: a header of figure columns only, with no table on its left on the same rows to name its rows. */
  unreadTitles?: { sheet: string; address: string; expected: 'cls' | 'ft-plan' | 'ft-action-plan'; title: string; header?: boolean; noLabels?: boolean }[];
}

/** Readings users may disagree on: CLI flags and the pane's settings, else the Paramètres sheet. */
export interface CheckOptions {
  /** Count FSE+ "valorisation" as CD money in COFI-FT-VOLET2 (default: no). */
  fseAsCd: boolean;
  /** Consumption rate below which UNDERSPEND warns (default 0.8). */
  underspendThreshold: Decimal;
  /** Minimum CD share (default 0.5). */
  minCdShare: Decimal;
  /** CLS co-financing base: the action's whole budget A+B+C (default) or State + CD only. */
  clsCofiBase: 'total' | 'state-cd';
  /**
   * FT bilan financier, volet 1: its forfait capped at the eligible expenses like the other volets
   * (default, FT art. 8) or retained in full (FT art. 4.1, « sous forme de forfait »).
   */
  ftVolet1: 'capped' | 'lump-sum';
}

export interface OptionOverrides {
  fseAsCd?: boolean;
  underspendThreshold?: Decimal;
  minCdShare?: Decimal;
  clsCofiBase?: 'total' | 'state-cd';
  ftVolet1?: 'capped' | 'lump-sum';
}

/** Explicit choices win over the workbook's Paramètres, which win over the defaults. */
export function resolveOptions(params: Parameters, overrides: OptionOverrides = {}): CheckOptions {
  return {
    fseAsCd: overrides.fseAsCd ?? params.fseAsCd ?? false,
    underspendThreshold: overrides.underspendThreshold ?? params.underspendThreshold ?? new Decimal('0.8'),
    minCdShare: overrides.minCdShare ?? params.minCdShare ?? new Decimal('0.5'),
    clsCofiBase: overrides.clsCofiBase ?? 'total',
    ftVolet1: overrides.ftVolet1 ?? (params.ftLumpSumInFull ? 'lump-sum' : 'capped'),
  };
}

export function tablesOf(wb: AnnexWorkbook, kind: TableKind): AnnexTable[] {
  return wb.tables.filter((t) => t.kind === kind);
}
