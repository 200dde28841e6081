/// <reference types="office-js" />
/**
 * « Classeur modifié depuis l'analyse »: the pane learns that the workbook changed through Excel's
 * worksheet events (worksheets.onChanged, ExcelApi 1.9; onAdded / onDeleted, 1.7). Events come
 * after the round trip that caused them, the add-in's own writes included (office-js issue #1122):
 * those are told apart by where they happened — the cells and sheets the add-in's last action
 * touched, and its own hidden sheets. Where events cannot be registered, a fingerprint of the
 * sheets and their used ranges, compared when the pane regains focus, is the cheap fallback.
 */
import type { Touched } from './apply-writes';
import { parseArea } from './office-address';
import { type ExcelApi, isInternalSheet } from './office-globals';

export interface ChangeEvent {
  worksheetId: string;
  address?: string;
}

/** Registers the handlers; null when this Excel cannot (the pane then uses the fingerprint). */
export async function watchChanges(excel: ExcelApi, onChange: (e: ChangeEvent) => void): Promise<(() => void) | null> {
  let active = true;
  const handler = async (e: ChangeEvent) => {
    if (active) onChange(e);
  };
  try {
    await excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.onChanged.add(handler as unknown as (e: Excel.WorksheetChangedEventArgs) => Promise<void>);
      worksheets.onAdded.add(handler as unknown as (e: Excel.WorksheetAddedEventArgs) => Promise<void>);
      worksheets.onDeleted.add(handler as unknown as (e: Excel.WorksheetDeletedEventArgs) => Promise<void>);
      await context.sync();
    });
  } catch {
    return null;
  }
  return () => {
    active = false;
  };
}

/** Sheets, ids and used ranges in one round trip: it changes when content is added or removed. */
export async function workbookFingerprint(excel: ExcelApi): Promise<string> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/id');
    await context.sync();
    const used = worksheets.items
      .filter((ws) => !isInternalSheet(ws.name))
      .map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load('address');
        return { ws, r };
      });
    await context.sync();
    return used.map(({ ws, r }) => `${ws.id}|${ws.name}|${r.isNullObject ? '' : r.address}`).join('\n');
  });
}

/** Is the event one of the add-in's own (inside what its last action touched, or on its sheets)? */
export function isOwnChange(e: ChangeEvent, touched: Touched): boolean {
  if (touched.sheetIds.includes(e.worksheetId)) return true;
  if (!e.address) return false;
  const a = parseArea(e.address);
  if (!a) return false;
  return touched.areas.some((t) => {
    const b = parseArea(t.address);
    return t.sheetId === e.worksheetId && !!b && a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
  });
}
