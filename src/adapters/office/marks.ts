/// <reference types="office-js" />
/**
 * Optional marks on the faulty cells: a fill colour per severity, removed by a second click. The
 * fills the cells had are saved in the document settings *before* painting, so that a painting cut
 * short can still be removed, even after the pane was closed. "No fill" is told from white by
 * RangeFill.pattern (ExcelApi 1.9): Excel reports both as color "#FFFFFF". Sheets are found by id.
 * A protected sheet that does not allow cell formatting (the tool's own template protects its
 * sheets) is skipped and named, never half-painted. Three round trips to mark, two to unmark.
 */
import type { Finding, Severity } from '../../domain/finding';
import { parseArea } from './office-address';
import type { ExcelApi, OfficeApi } from './office-globals';
import { saveDocumentSettings } from './settings';
import { PROTECTED_ITEM_PROPS, loadProtection } from './write-guards';

export const MARKS_KEY = 'annexes.marques';

/** Excel's own "Bad" / "Neutral" cell-style fills, and a light blue for remarks. */
export const MARK_COLORS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

interface SavedMark {
  sheetId?: string;
  sheet: string;
  address: string;
  /** Fill before marking; null for no fill (older records: "#FFFFFF" meant either). */
  color: string | null;
  noFill?: boolean;
}

export interface MarksResult {
  marked: number;
  cleared: number;
  /** Sheets left as they were because their protection forbids formatting. */
  skippedSheets: string[];
}

export function hasMarks(office: OfficeApi): boolean {
  return Array.isArray(office.context.document.settings.get(MARKS_KEY));
}

export async function toggleMarks(excel: ExcelApi, office: OfficeApi, findings: Finding[]): Promise<MarksResult> {
  if (hasMarks(office)) return clearMarks(excel, office);
  return markCells(excel, office, findings);
}

async function markCells(excel: ExcelApi, office: OfficeApi, findings: Finding[]): Promise<MarksResult> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(`items/name,items/id,${PROTECTED_ITEM_PROPS}`);
    await context.sync(); // 1
    const sheets = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    // One mark per cell, the most severe finding's colour.
    const order: Severity[] = ['error', 'warning', 'info'];
    const cells = new Map<string, { ws: Excel.Worksheet; f: Finding }>();
    for (const f of findings) {
      const ws = sheets.get(f.sheet.toLowerCase());
      if (!ws || !parseArea(f.cell)) continue;
      const key = `${ws.id}!${f.cell}`;
      const prev = cells.get(key);
      if (!prev || order.indexOf(f.severity) < order.indexOf(prev.f.severity)) cells.set(key, { ws, f });
    }
    const protections = new Map([...new Set([...cells.values()].map((c) => c.ws))].map((ws) => [ws, loadProtection(ws)]));
    const fills = [...cells.values()].map(({ ws, f }) => {
      const range = ws.getRange(f.cell);
      range.format.fill.load('color,pattern');
      return { ws, range, f };
    });
    await context.sync(); // 2
    const skipped = [...protections].filter(([, get]) => !get().allowFormatCells).map(([ws]) => ws);
    const painted = fills.filter((x) => !skipped.includes(x.ws));
    const marks = painted.map(({ ws, range, f }): SavedMark => {
      const noFill = range.format.fill.pattern === 'None';
      return { sheetId: ws.id, sheet: ws.name, address: f.cell, color: noFill ? null : range.format.fill.color, noFill };
    });
    // The record first: whatever happens to the painting, the marks can be removed.
    office.context.document.settings.set(MARKS_KEY, marks);
    await saveDocumentSettings(office);
    for (const { range, f } of painted) range.format.fill.color = MARK_COLORS[f.severity];
    await context.sync(); // 3
    return { marked: marks.length, cleared: 0, skippedSheets: skipped.map((ws) => ws.name) };
  });
}

async function clearMarks(excel: ExcelApi, office: OfficeApi): Promise<MarksResult> {
  const saved = (office.context.document.settings.get(MARKS_KEY) as SavedMark[] | null) ?? [];
  const kept = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(`items/name,items/id,${PROTECTED_ITEM_PROPS}`);
    await context.sync(); // 1
    const find = (m: SavedMark) => worksheets.items.find((ws) => (m.sheetId ? ws.id === m.sheetId : ws.name.toLowerCase() === String(m.sheet).toLowerCase()));
    const targets = saved.map((m) => ({ m, ws: find(m) })).filter((t): t is { m: SavedMark; ws: Excel.Worksheet } => !!t.ws && !!parseArea(String(t.m.address)));
    const protections = new Map([...new Set(targets.map((t) => t.ws))].map((ws) => [ws, loadProtection(ws)]));
    const fills = targets.map(({ ws, m }) => ws.getRange(m.address).format.fill.load('color'));
    await context.sync();
    const blocked = targets.filter((t) => !protections.get(t.ws)!().allowFormatCells);
    const markColors = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
    for (const [i, { m }] of targets.entries()) {
      if (blocked.some((b) => b.m === m)) continue;
      const fill = fills[i];
      // A cell the officer has coloured since keeps the officer's colour: only a mark is taken off.
      if (!markColors.has(String(fill.color).toUpperCase())) continue;
      if (m.noFill || m.color === null || (m.noFill === undefined && m.color.toUpperCase() === '#FFFFFF')) fill.clear();
      else fill.color = m.color;
    }
    await context.sync(); // 2
    return blocked;
  });
  // Marks on a sheet protected since stay recorded, for a later click once it is unprotected.
  if (kept.length) office.context.document.settings.set(MARKS_KEY, kept.map((k) => k.m));
  else office.context.document.settings.remove(MARKS_KEY);
  await saveDocumentSettings(office);
  return { marked: 0, cleared: saved.length - kept.length, skippedSheets: [...new Set(kept.map((k) => k.ws.name))] };
}
