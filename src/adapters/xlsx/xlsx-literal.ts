/**
 * In a cell's text, Excel and LibreOffice read « _x001B_ » as the character U+001B (the OOXML
 * escape for characters XML cannot hold). ExcelJS writes strings as they are, so a text that holds
 * those seven characters literally — « _x202E_ » typed in a cell, or planted to smuggle a
 * right-to-left override into a report — would come out as the character. The underscore is
 * escaped (« _x005F_ »), which they read back as the text it was.
 */
export function xlsxLiteral(s: string): string {
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
