/**
 * The one reading algorithm every table reader uses: header band → table extent → classified rows.
 *
 * 1. `new SheetIndex(sheet)` — built once per sheet: merges, normalised texts, stored rows, the rows
 *    that may hold a header; it memoises what the readers derive from the sheet.
 * 2. `locateTables(index, TABLE_DEFINITIONS)` — every kind of table located at once: anchors on
 *    header texts, the header band (1–4 rows of text split over cells, wrapped, merged; rows of
 *    column letters in or around it; a header's continuation lines), each table's columns
 *    (side-by-side tables sharing header rows each get their own), arbitration where two candidates'
 *    headers overlap (a cell belongs to one table), each table's first and last rows, and the
 *    titles with no table under them (reported, never dropped silently).
 * 3. `walkRows(index, table)` — the table's rows in order, each classified before any amount is read
 *    from it: data, subtotal, total, grand-total, group (an axe label), note (footnotes, a remark
 *    under the header); blank rows and rows of letters skipped; the next block's title ends it.
 *
 * A new kind of table is a `TableDefinition` (its column specs, anchor, leading/label/figure columns,
 * row patterns) registered in `src/layout/definitions/index.ts`, and a reader that maps the
 * classified rows to the domain's rows: see `src/layout/action-plan-reader.ts` for a short one.
 */
export { SheetIndex, hasContent } from './sheet-index';
export type { RowTexts, BandCell } from './sheet-index';
export { bandTexts, bestBand, extendBand, matchColumns, splitSideBySide, tableColumns, duplicateColumns, MAX_BAND_ROWS } from './header-band';
export type { ColumnSpec, ColumnSpan, HeaderBand, DuplicateColumn, BandContinuation } from './header-band';
export type { TableDefinition, RowPatterns } from './table-definition';
export { baseKey } from './table-definition';
export { locateTables, headerlessTable, isFigureText } from './locate-tables';
export type { LocatedTable, OrphanTitle, SheetTables } from './locate-tables';
export { walkRows } from './row-walker';
export type { ClassifiedRow, RowRole } from './row-walker';
