/** xl/workbook.xml → the sheets in tab order (name, state, relationship id) and the date system. */
import type { GridSheet } from '../../../layout/grid';
import { END, OPEN, XmlScanner } from './xml-scanner';

export interface SheetEntry {
  name: string;
  state: NonNullable<GridSheet['state']>;
  relId: string | undefined;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Dates counted from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

export function readWorkbookPart(bytes: Uint8Array): WorkbookInfo {
  const x = new XmlScanner(bytes);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let inSheets = false;
  while (x.next() !== END) {
    if (x.kind !== OPEN) {
      if (x.depth === 1) inSheets = false;
      continue;
    }
    if (x.depth === 2) {
      inSheets = x.is('sheets');
      if (x.is('workbookPr')) date1904 = x.attrTrue('date1904');
    } else if (x.depth === 3 && inSheets && x.is('sheet')) {
      const state = x.attr('state');
      sheets.push({
        name: x.attr('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        // r:id: the one attribute named "id" (the relationships namespace).
        relId: x.attr('id'),
      });
    }
  }
  return { sheets, date1904 };
}
