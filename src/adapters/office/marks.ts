/// <reference types="office-js" />
/**
 * Optional marks on the faulty cells: a fill colour per severity, removed by a second click. The
 * colours the cells had are kept in the document settings so the removal puts them back, even
 * after the pane was closed. Three round trips to mark (list, read colours, write), two to unmark.
 */
import type { Finding, Severity } from '../../domain/finding';
import { parseArea } from './office-address';
import type { ExcelApi, OfficeApi } from './office-globals';
import { saveDocumentSettings } from './settings';

export const MARKS_KEY = 'annexes.marques';

/** Excel's own "Bad" / "Neutral" cell-style fills, and a light blue for remarks. */
export const MARK_COLORS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

interface SavedMark {
  sheet: string;
  address: string;
  /** Fill before marking; Excel reports "no fill" as white, which clear() gives back. */
  color: string | null;
}

export function hasMarks(office: OfficeApi): boolean {
  return Array.isArray(office.context.document.settings.get(MARKS_KEY));
}

export async function toggleMarks(excel: ExcelApi, office: OfficeApi, findings: Finding[]): Promise<{ marked: number; cleared: number }> {
  if (hasMarks(office)) return { marked: 0, cleared: await clearMarks(excel, office) };
  return { marked: await markCells(excel, office, findings), cleared: 0 };
}

async function markCells(excel: ExcelApi, office: OfficeApi, findings: Finding[]): Promise<number> {
  const marks = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync(); // 1
    const sheets = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    // One mark per cell, the most severe finding's colour.
    const order: Severity[] = ['error', 'warning', 'info'];
    const cells = new Map<string, { ws: Excel.Worksheet; f: Finding }>();
    for (const f of findings) {
      const ws = sheets.get(f.sheet.toLowerCase());
      if (!ws || !parseArea(f.cell)) continue;
      const key = `${f.sheet.toLowerCase()}!${f.cell}`;
      const prev = cells.get(key);
      if (!prev || order.indexOf(f.severity) < order.indexOf(prev.f.severity)) cells.set(key, { ws, f });
    }
    const fills = [...cells.values()].map(({ ws, f }) => {
      const range = ws.getRange(f.cell);
      range.format.fill.load('color');
      return { range, f };
    });
    await context.sync(); // 2
    for (const { range, f } of fills) range.format.fill.color = MARK_COLORS[f.severity];
    await context.sync(); // 3
    return fills.map(({ range, f }): SavedMark => ({ sheet: f.sheet, address: f.cell, color: range.format.fill.color }));
  });
  office.context.document.settings.set(MARKS_KEY, marks);
  await saveDocumentSettings(office);
  return marks.length;
}

async function clearMarks(excel: ExcelApi, office: OfficeApi): Promise<number> {
  const saved = (office.context.document.settings.get(MARKS_KEY) as SavedMark[] | null) ?? [];
  await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync(); // 1
    const sheets = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    for (const m of saved) {
      const ws = sheets.get(String(m.sheet).toLowerCase());
      if (!ws || !parseArea(String(m.address))) continue; // sheet gone since: nothing to put back
      const fill = ws.getRange(m.address).format.fill;
      if (!m.color || m.color.toUpperCase() === '#FFFFFF') fill.clear();
      else fill.color = m.color;
    }
    await context.sync(); // 2
  });
  office.context.document.settings.remove(MARKS_KEY);
  await saveDocumentSettings(office);
  return saved.length;
}
