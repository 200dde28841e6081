/// <reference types="office-js" />
/**
 * The workbook's date system, read within ExcelApi 1.13: Workbook.use1904DateSystem is a preview
 * API, but the worksheet function DATE (workbook.functions, ExcelApi 1.2) answers in the workbook's
 * own system — DATE(1904,1,1) is 1462 in the 1900 system and 0 in the 1904 one. Nothing is written.
 */
export interface DateSystem {
  /** After the round trip the probe was queued in. */
  is1904(): boolean;
}

export function readDateSystem(context: Excel.RequestContext): DateSystem {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return { is1904: () => probe.value === 0 };
}
