/**
 * In a cell's text, Excel, LibreOffice and ExcelJS's reader read « _x001B_ » as the character
 * U+001B (the OOXML escape for characters XML cannot hold), but ExcelJS's writer writes strings as
 * they are. So a text holding those seven characters literally — a cell whose file said
 * « _x005F_x001B_ », or a string planted to smuggle a right-to-left override into a report — would
 * come out as the character. The underscore is escaped (« _x005F_ »), read back as the text it was.
 */
export function xlsxLiteral(s: string): string {
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
