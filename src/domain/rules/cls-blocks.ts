import type { AnnexTable } from '../table';
import type { AnnexWorkbook } from '../workbook';

/** The CLS blocks of one year n: prévisionnel n, exécution n, récapitulatif n (planning n+1). */
export interface ClsYear {
  year: number;
  forecast?: AnnexTable;
  execution?: AnnexTable;
  recap?: AnnexTable;
  /** Prévisionnel n+1, to compare with the récapitulatif's n+1 columns. */
  nextForecast?: AnnexTable;
  /** Exécution and récapitulatif n+1: the chain n → n+1 when there is no prévisionnel n+1. */
  nextExecution?: AnnexTable;
  nextRecap?: AnnexTable;
}

export function clsYears(wb: AnnexWorkbook): ClsYear[] {
  const years = new Set<number>();
  for (const t of wb.tables) if (t.kind.startsWith('cls-') && t.year !== null) years.add(t.year);
  const pick = (kind: string, year: number) => wb.tables.find((t) => t.kind === kind && t.year === year);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      forecast: pick('cls-forecast', year),
      execution: pick('cls-execution', year),
      recap: pick('cls-recap', year),
      nextForecast: pick('cls-forecast', year + 1),
      nextExecution: pick('cls-execution', year + 1),
      nextRecap: pick('cls-recap', year + 1),
    }));
}

/** An execution block whose realised columns are all blank or zero: the bilan is not filled in yet. */
export function executionNotFilled(exec: AnnexTable): boolean {
  return exec.rows
    .filter((r) => r.kind === 'detail')
    .every((r) => ['stateSpent', 'cdSpent'].every((k) => {
      const v = r.amounts[k]?.value;
      return v === undefined || v === null || v.isZero();
    }));
}
