/**
 * Text taken from a workbook or from the disk (a cell, a sheet name, the Département, a file name)
 * is shown as it is written, never obeyed. A newline would start a forged line in the text report,
 * an ESC sequence would hide the lines after it on a terminal (ESC [8m), a right-to-left override
 * would show « rapport‮xslx.exe » as « rapportexe.xlsx ». So every such character is replaced by a
 * visible mark: C0 controls by their Unicode « control picture » (␊ newline, ␛ escape, ␇ bell…),
 * the others by ⟨U+202E⟩.
 */

// C0 and DEL; C1; the Arabic letter mark, LRM/RLM, the line and paragraph separators (newlines to
// some terminals and editors), the bidi embeddings/overrides U+202A–202E and isolates U+2066–2069.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001F\u007F\u0080-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// The same, less the line feed and tab, which a cell may hold (a wrapped label) without harm.
// eslint-disable-next-line no-control-regex -- idem
const INVISIBLE_IN_CELL = /[\u0000-\u0008\u000B-\u001F\u007F\u0080-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function mark(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** For text output (the text report, CSV, the terminal): every control and direction character made visible. */
export function visibleText(s: string): string {
  return s.replace(INVISIBLE, mark);
}

/**
 * For a text cell of a report we write (review workbook, « Contrôles », mid-term report): control
 * and direction characters made visible, line feeds and tabs kept (a cell may wrap).
 */
export function visibleCellText(s: string): string {
  return s.replace(INVISIBLE_IN_CELL, mark);
}
