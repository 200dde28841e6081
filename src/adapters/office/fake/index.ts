/** The fake `Excel` and `Office` globals over a Grid, ready to hand to createWorkbookActions. */
import type { Grid } from '../../../layout/grid';
import type { ExcelApi, OfficeApi, OfficeGlobals } from '../office-globals';
import { FakeExcel } from './fake-excel';
import { FakeOffice } from './fake-office';

export { FakeExcel, FakeOffice };

export interface FakeOfficeHost {
  excel: FakeExcel;
  office: FakeOffice;
  /** The same objects, typed as the globals the adapter expects. */
  globals: OfficeGlobals;
}

export function createFakeOfficeHost(grid: Grid): FakeOfficeHost {
  const excel = new FakeExcel(grid);
  const office = new FakeOffice();
  // The fake implements only what the adapter calls; the cast is where that promise is made.
  return { excel, office, globals: { excel: excel as unknown as ExcelApi, office: office as unknown as OfficeApi } };
}
