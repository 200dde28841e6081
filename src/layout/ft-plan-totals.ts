import type { TableRow } from '../domain/table';

/**
 * What each total row of a France Travail plan de financement adds up. The national model prints
 * no formula, so the reading below is ours; it decides what CALC-TOTAL compares:
 *
 * - a total row directly after detail rows is a group total ("Total ETP CD", "Total"): it adds the
 *   detail rows since the previous total. A "Pour info" total adds only the "Pour info" details
 *   (France Travail's own staff), any other total only the non-"Pour info" ones;
 * - a total row that follows another total row with no detail row in between is a higher-level
 *   total ("Total ETP" under "Total ETP CD" and "Pour info : Total ETP PE"; volet 2's overall
 *   "Total"): it adds every detail row since the previous higher-level total (or the block start),
 *   its group totals being offered as `sumOfSubtotals` for a formula that adds them instead;
 * - the `TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET n` row adds every non-"Pour info" detail
 *   row of the volet: "Pour info" rows are not CD needs (seed, Annexe 2, volet 3).
 */
export class FtPlanTotals {
  private sinceTotal: number[] = [];
  private sinceHigher: number[] = [];
  private groupTotals: number[] = [];
  private topTotals: number[] = [];
  private allDetails: number[] = [];
  private lastWasTotal = false;

  constructor(private readonly rows: TableRow[]) {}

  /** Whether a total row at this point is a higher-level total (it follows another total). */
  get nextTotalIsHigher(): boolean {
    return this.lastWasTotal;
  }

  detail(index: number): void {
    this.sinceTotal.push(index);
    this.sinceHigher.push(index);
    this.allDetails.push(index);
    this.lastWasTotal = false;
  }

  /** Sets sumOf (and sumOfSubtotals) of the total row at `index`, already pushed. */
  total(index: number): void {
    const row = this.rows[index];
    const samePourInfo = (i: number) => !!this.rows[i].pourInfo === !!row.pourInfo;
    if (!this.lastWasTotal) {
      row.sumOf = this.sinceTotal.filter(samePourInfo);
      if (!row.pourInfo) this.groupTotals.push(index);
    } else {
      row.sumOf = this.sinceHigher.filter(samePourInfo);
      row.sumOfSubtotals = row.pourInfo ? [] : this.groupTotals;
      this.sinceHigher = [];
      this.groupTotals = [];
      if (!row.pourInfo) this.topTotals.push(index);
    }
    this.sinceTotal = [];
    this.lastWasTotal = true;
  }

  /** The TOTAL BESOINS row: every non-"Pour info" detail row; or the totals not inside a higher one. */
  grandTotal(index: number): void {
    const row = this.rows[index];
    row.sumOf = this.allDetails.filter((i) => !this.rows[i].pourInfo);
    row.sumOfSubtotals = [...this.topTotals, ...this.groupTotals].sort((a, b) => a - b);
    this.lastWasTotal = true;
  }
}
