/**
 * Number formats as the grid reports them (GridCell.numFmt) and the one question the reader asks of
 * them: is a number in this format a date? Built-in ids map to the codes ExcelJS has always given
 * (the grid must not change with the reader: rules and writers read these codes); the locale-
 * dependent ids (27–36, 50–81) have no fixed code and give none.
 */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/**
 * A date format holds y, m, d, h, s or b outside quoted text and [brackets] — and not as an escaped
 * (\x), padding (_x) or fill (*x) character: "0\ \h" is a number of hours, "# ##0\ \m\o\i\s" an
 * amount. Both tests must agree (the first is the one Excel files were always read with).
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const plain = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  if (!/[ymdhMsb]/.test(plain)) return false;
  const stripped = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhMsb]/.test(stripped);
}

/**
 * Excel serial → Date (UTC), 1900 or 1904 system, rounded to the millisecond as Excel files always
 * were read (the products in this order: floating point rounds each one).
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
