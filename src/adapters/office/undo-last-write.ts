/// <reference types="office-js" />
/**
 * « Annuler » the add-in's last write (the top of the undo stack), so that it never destroys:
 *   - sheets are found by id (renamed since? still found);
 *   - before anything is restored, the cells are checked against what the write left there: a cell
 *     the user changed, lines inserted or deleted across the written area (its hidden defined name
 *     moved), a sheet to delete that formulas elsewhere use, a protected sheet — and the undo is
 *     refused with the list, the workbook unchanged;
 *   - the cells a write overwrote get their formulas, constants and formats back; a tool-owned sheet
 *     it rewrote gets its previous content back, in place; a sheet it created is deleted (after
 *     showing another sheet if it was the last visible one);
 *   - the record leaves the stack in the same batch, last: an undo that fails part-way can be tried
 *     again, and each of its steps gives the same result twice (no sheet is ever renamed over).
 */
import { type CellRange, cellAddress } from '../../layout/grid';
import { restoreInput } from './cell-values';
import { areaAddress, splitSheetAddress } from './office-address';
import { WorkbookActionError, frenchErrorMessage, readsFirst } from './office-errors';
import { type ExcelApi, isInternalSheet } from './office-globals';
import { DEFAULT_MAX_PAYLOAD_BYTES, PayloadBatches } from './payload-batches';
import { type ReadPiece, readRanges } from './range-reader';
import { type Touched, boxOf } from './apply-writes';
import { queueClearLook, queueLookRestore } from './look-snapshot';
import { queueEmpty, queueRestore, union } from './sheet-snapshot';
import type { SheetAfter, ToolChart, UndoRecord } from './undo-record';
import { type UndoStack, loadStack, openStack } from './undo-stack';
import { PROTECTED_ITEM_PROPS, type ProtectionProblem, areaOf, changedCells, inputKey, keysOf, listCells, loadLocked, loadProtection, protectionError, referencesTo } from './write-guards';

export interface UndoResult {
  /** False when there was nothing to undo. */
  undone: boolean;
  description?: string;
  cellsRestored: number;
  sheetsDeleted: string[];
  sheetsRestored: string[];
  /** A sheet shown again because undo would otherwise have left none visible. */
  shownAgain?: string;
  touched: Touched;
}

/** The undo would overwrite the user's work or break references: nothing was changed. */
export class UndoRefusedError extends WorkbookActionError {
  override readonly name = 'UndoRefusedError';

  constructor(
    message: string,
    readonly description: string,
  ) {
    super(message);
  }
}

const NOTHING: UndoResult = { undone: false, cellsRestored: 0, sheetsDeleted: [], sheetsRestored: [], touched: { sheetIds: [], areas: [] } };

export async function undoLastWrite(excel: ExcelApi, options: { maxPayloadBytes?: number } = {}): Promise<UndoResult> {
  const maxBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  return readsFirst((startWriting) => excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(`items/name,items/id,items/visibility,${PROTECTED_ITEM_PROPS}`);
    await context.sync(); // 1
    const items = worksheets.items;
    const stackLoad = loadStack(context, items);
    await context.sync(); // 2
    const stack = stackLoad.resolve();
    const entry = stack.top;
    if (!entry) return NOTHING;
    const record = await stack.readRecord(entry); // 3
    if (!record) {
      throw new UndoRefusedError(`Les données d’annulation de « ${entry.description} » sont illisibles : rien n’a été modifié. Vous pouvez retirer cette écriture de la liste.`, entry.description);
    }
    const byId = new Map(items.map((ws) => [ws.id, ws]));
    const plan = await checkUndo(context, stack, record, items, byId, maxBytes); // 4
    startWriting();
    return restore(context, stack, entry, record, plan, items, maxBytes); // 5, 6
  }));
}

/** Drops the top entry without undoing it (its data unreadable, or its sheet gone). */
export async function forgetLastWrite(excel: ExcelApi): Promise<{ forgotten: boolean; description?: string }> {
  return excel.run(async (context) => {
    const stack = await openStack(context);
    const entry = stack.top;
    if (!entry) return { forgotten: false };
    const batches = new PayloadBatches();
    stack.queueDrop(batches, entry);
    stack.queueIndex(batches);
    await batches.send(context, { suspendCalculation: false });
    return { forgotten: true, description: entry.description };
  });
}

interface UndoPlan {
  areaSheets: Excel.Worksheet[];
  /** Per area: number formats differ from the saved ones (else they are not written: protection may forbid it). */
  formatChanges: boolean[];
  rewritten: { ws: Excel.Worksheet | null; used: CellRange | null; formatted: CellRange | null; charts: string[] }[];
  /** Created sheets still there, to delete. */
  toDelete: Excel.Worksheet[];
}

async function checkUndo(context: Excel.RequestContext, stack: UndoStack, record: UndoRecord, items: Excel.Worksheet[], byId: Map<string, Excel.Worksheet>, maxBytes: number): Promise<UndoPlan> {
  const refusals: string[] = [];
  const areaSheets = record.areas.map((a) => byId.get(a.sheetId) ?? null);
  for (const sheet of new Set(record.areas.filter((_a, i) => !areaSheets[i]).map((a) => a.sheet))) {
    refusals.push(`la feuille « ${sheet} », où elle avait écrit, a été supprimée depuis`);
  }
  const createdWs = record.created.map((c) => (c.sheetId ? byId.get(c.sheetId) : items.find((ws) => ws.name.toLowerCase() === c.name.toLowerCase())) ?? null);
  const rewrittenWs = record.rewritten.map((r) => byId.get(r.sheetId) ?? null);
  record.rewritten.forEach((r, k) => {
    if (!rewrittenWs[k] && items.some((ws) => ws.name.toLowerCase() === r.name.toLowerCase())) refusals.push(`la feuille « ${r.name} » a été supprimée et une autre porte son nom : son contenu d’avant ne peut pas être remis`);
  });
  if (refusals.length) throw refusal(record, refusals);

  // Everything to compare, in the reads' first round trip (or the next, if Excel refuses it as too large).
  const kept = record.areas.map((a, i) => ({ a, ws: areaSheets[i]! }));
  const toDelete = createdWs.filter((ws): ws is Excel.Worksheet => ws !== null);
  const deleting = new Set(toDelete.map((ws) => ws.id));
  const others = items.filter((ws) => !isInternalSheet(ws.name) && !deleting.has(ws.id));
  const queueLoads = () => ({
    protections: [...new Set([...kept.map((k) => k.ws), ...rewrittenWs.filter((w): w is Excel.Worksheet => w !== null)])].map((ws) => ({ ws, get: loadProtection(ws) })),
    locked: kept.map(({ a, ws }) => (ws.protection.protected ? loadLocked(ws, areaOf(a.before.address)) : () => false)),
    guards: record.guards.filter((g) => stack.existingNames.has(g.name.toLowerCase())).map((g) => {
      const range = context.workbook.names.getItem(g.name).getRangeOrNullObject();
      range.load('address');
      return { g, range };
    }),
    sheetsNow: [...createdWs, ...rewrittenWs].map((ws) => {
      if (!ws) return null;
      // Its cells are read next, within Excel's limits.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      // With formatted blank cells (a signature box): what a styled rewrite's undo clears.
      const formatted = ws.getUsedRangeOrNullObject(false);
      formatted.load('address');
      ws.charts.load('items/name');
      return { ws, used, formatted };
    }),
    otherUsed: toDelete.length
      ? others.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load('address');
          return { ws, used };
        })
      : [],
    names: toDelete.length ? context.workbook.names.load('items/name,items/formula') : null,
  });
  let loads = queueLoads();
  const current = byTag(await readRanges(context, kept.map(({ a, ws }, i) => ({ ws, area: areaOf(a.before.address), tag: i })), ['formulas', 'values', 'numberFormat'], { budgetBytes: maxBytes, requeue: () => (loads = queueLoads()) }));
  if (kept.length === 0) await context.sync();
  const { protections, locked, guards, sheetsNow, otherUsed } = loads;
  const usedNow = sheetsNow.map((s) => (s && !s.used.isNullObject ? areaOf(splitSheetAddress(s.used.address).area) : null));
  const sheetCells = await readRanges(context, usedNow.flatMap((area, k) => (area ? [{ ws: sheetsNow[k]!.ws, area, tag: k }] : [])), ['formulas', 'values'], { budgetBytes: maxBytes });

  // The user's changes since the write.
  const changed = new Map<string, string[]>();
  const note = (sheet: string, cells: string[]) => cells.length && changed.set(sheet, [...(changed.get(sheet) ?? []), ...cells]);
  kept.forEach(({ a, ws }, i) => {
    const area = areaOf(a.before.address);
    const now = current.get(i)!.data;
    note(ws.name, changedCells(area, keysOf(now.formulas!, now.values!), keysOf(a.before.formulas, a.before.values), a.after ?? a.written.map((line) => line.map(inputKey))));
  });
  const moved: string[] = [];
  for (const g of record.guards) {
    const ws = byId.get(g.sheetId);
    const found = guards.find((x) => x.g === g);
    const now = found && !found.range.isNullObject ? splitSheetAddress(found.range.address).area.replace(/\$/g, '') : null;
    if (ws && now !== g.address) moved.push(`« ${ws.name} » (zone écrite ${g.address}${now ? `, maintenant ${now}` : ', supprimée'})`);
  }
  const sheetChecks = [
    ...record.created.map((c) => ({ after: c.after ?? planned(record, c.name), before: null as SheetAfter | null })),
    ...record.rewritten.map((r) => ({ after: r.after ?? planned(record, r.name), before: r.before.used ? { address: r.before.used.address, keys: keysOf(r.before.used.formulas, r.before.used.values) } : null })),
  ];
  sheetsNow.forEach((s, k) => {
    if (!s) return;
    const { after, before } = sheetChecks[k];
    const area = usedNow[k];
    const mine = sheetCells.filter((p) => p.tag === k).sort((a, b) => a.area.top - b.area.top);
    const keys = keysOf(mine.flatMap((p) => p.data.formulas!), mine.flatMap((p) => p.data.values!));
    note(s.ws.name, changedInSheet(area ? { address: areaAddress(area), keys } : null, after, before));
  });
  const formatChanges = kept.map(({ a }, i) => a.before.numberFormat.some((line, r) => line.some((f, c) => f !== current.get(i)!.data.numberFormat![r]?.[c])));

  // Protection of the sheets to restore.
  const problems: ProtectionProblem[] = [];
  for (const { ws, get } of protections) {
    const p = get();
    if (!p.protected) continue;
    const mine = kept.map((k, i) => ({ ...k, i })).filter((k) => k.ws === ws);
    const lockedCells = mine.filter((k) => locked[k.i]() !== false).map((k) => k.a.before.address);
    // A rewritten sheet protected as it was before the write: the add-in lifts and restores it again.
    const k = rewrittenWs.indexOf(ws);
    const toolProtected = k >= 0 && !!record.rewritten[k].before.protection;
    const formats = (k >= 0 && !toolProtected) || (!p.allowFormatCells && mine.some((x) => formatChanges[x.i]));
    if (lockedCells.length || formats) problems.push({ sheet: ws.name, lockedCells, formats });
  }

  // Formulas and names elsewhere that use a sheet undo would delete.
  const references: string[] = [];
  if (toDelete.length) {
    const boxes = otherUsed.filter((o) => !o.used.isNullObject).map((o) => ({ ws: o.ws, area: areaOf(splitSheetAddress(o.used.address).area) }));
    const pieces = await readRanges(context, boxes.map((b, i) => ({ ws: b.ws, area: b.area, tag: i })), ['formulas'], { budgetBytes: maxBytes });
    const formulas = pieces.flatMap((p) => p.data.formulas!.flatMap((line, i) => line.map((f, j) => ({ where: `${boxes[p.tag].ws.name}!${cellAddress(p.area.top + i, p.area.left + j)}`, formula: f }))));
    const names = context.workbook.names.items.filter((n) => !isInternalSheet(n.name)).map((n) => ({ where: `nom « ${n.name} »`, formula: n.formula }));
    for (const ws of toDelete) {
      const uses = referencesTo(ws.name, [...formulas, ...names]);
      if (uses.length) references.push(`la feuille « ${ws.name} », qu’elle supprimerait, est utilisée par ${listCells(uses)} (ces formules deviendraient #REF!)`);
    }
  }

  const reasons = [
    ...[...changed].map(([sheet, cells]) => `cellules modifiées depuis l’écriture dans « ${sheet} » : ${listCells(cells)}`),
    ...(moved.length ? [`lignes ou colonnes insérées ou supprimées dans ${moved.join(', ')}`] : []),
    ...references,
  ];
  if (reasons.length) throw refusal(record, reasons);
  if (problems.length) throw new UndoRefusedError(protectionError(problems, 'Rien n’a été modifié.').message, record.description);
  return {
    areaSheets: kept.map((k) => k.ws),
    formatChanges,
    rewritten: record.rewritten.map((_r, k) => {
      const s = sheetsNow[record.created.length + k];
      return {
        ws: rewrittenWs[k],
        used: usedNow[record.created.length + k],
        formatted: s && !s.formatted.isNullObject ? areaOf(splitSheetAddress(s.formatted.address).area) : null,
        charts: s ? s.ws.charts.items.map((c) => c.name) : [],
      };
    }),
    toDelete,
  };
}

async function restore(context: Excel.RequestContext, stack: UndoStack, entry: NonNullable<UndoStack['top']>, record: UndoRecord, plan: UndoPlan, items: Excel.Worksheet[], maxBytes: number): Promise<UndoResult> {
  const batches = new PayloadBatches(maxBytes);
  let cellsRestored = 0;
  record.areas.forEach((a, i) => {
    const formulas = a.before.formulas.map((line, r) => line.map((f, c) => restoreInput(f, a.before.values[r]?.[c], a.before.valueTypes[r]?.[c] ?? 'Unknown')));
    cellsRestored += formulas.reduce((n, line) => n + line.length, 0);
    const ws = plan.areaSheets[i];
    const formats = plan.formatChanges[i] ? (a.before.numberFormat as string[][]) : null;
    batches.add(() => {
      const range = ws.getRange(a.before.address);
      range.formulas = formulas;
      if (formats) range.numberFormat = formats;
    }, [formulas, formats]);
  });

  const charts: Record<string, ToolChart[]> = {};
  const worksheets = context.workbook.worksheets;
  const reprotect: { ws: () => Excel.Worksheet; options: Record<string, boolean> }[] = [];
  record.rewritten.forEach((r, k) => {
    const now = plan.rewritten[k];
    let ws = now.ws;
    if (!ws) batches.add(() => (ws = worksheets.add(r.name)), r.name); // deleted by the user since: back it comes
    else if (ws.protection.protected) batches.add(() => ws!.protection.unprotect()); // protected as before the write
    if (r.before.protection) reprotect.push({ ws: () => ws!, options: r.before.protection });
    const added = new Set(record.chartsAdded.filter((c) => c.sheet.toLowerCase() === r.name.toLowerCase()).map((c) => c.name));
    const box = union(union(now.used, r.after?.address ? areaOf(r.after.address) : null), r.before.used ? areaOf(r.before.used.address) : null);
    queueEmpty(batches, () => ws!, now.ws ? box : null, now.charts.filter((n) => added.has(n)));
    const look = r.before.look;
    if (look) queueClearLook(batches, () => ws!, now.ws ? union(box, now.formatted) : null, Math.max(look.heights.length, box?.bottom ?? 0));
    queueRestore(batches, () => ws!, r.before);
    if (look) queueLookRestore(batches, () => ws!, look, r.before.used?.address ?? null);
    charts[r.sheetId] = r.before.charts;
  });

  for (const { ws, options } of reprotect) batches.add(() => ws().protection.protect(options), options);

  // A workbook keeps one visible sheet: show again one that was visible at the time of the write.
  const deleting = new Set(plan.toDelete.map((ws) => ws.id));
  const visibleLeft = items.filter((ws) => ws.visibility === 'Visible' && !deleting.has(ws.id) && !isInternalSheet(ws.name));
  let shownAgain: string | undefined;
  if (plan.toDelete.length && visibleLeft.length === 0) {
    const back = record.visibleSheetIds.map((id) => items.find((ws) => ws.id === id && !deleting.has(id))).find((ws) => ws && !isInternalSheet(ws.name)) ?? items.find((ws) => !deleting.has(ws.id) && !isInternalSheet(ws.name));
    if (back) {
      shownAgain = back.name;
      batches.add(() => (back.visibility = 'Visible' as Excel.SheetVisibility));
    }
  }
  for (const ws of plan.toDelete) {
    charts[ws.id] = [];
    batches.add(() => {
      if (ws.visibility === 'VeryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility; // Excel refuses to delete a very hidden sheet
      ws.delete();
    });
  }
  // Last in the batch: the record leaves the stack only once everything above is done.
  stack.queuePop(batches, entry, charts);
  try {
    await batches.send(context, { suspendCalculation: true });
  } catch (e) {
    throw new WorkbookActionError(`L’annulation de « ${record.description} » s’est arrêtée en cours de route : relancez « Annuler », elle reprendra sans rien perdre. (${frenchErrorMessage(e)})`, { cause: e });
  }
  context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
  await context.sync();
  return {
    undone: true,
    description: record.description,
    cellsRestored,
    sheetsDeleted: plan.toDelete.map((ws) => ws.name),
    sheetsRestored: record.rewritten.map((r) => r.name),
    ...(shownAgain ? { shownAgain } : {}),
    touched: {
      sheetIds: [...record.rewritten.map((r) => r.sheetId), ...plan.toDelete.map((ws) => ws.id), ...items.filter((ws) => isInternalSheet(ws.name)).map((ws) => ws.id)],
      areas: record.areas.map((a) => ({ sheetId: a.sheetId, address: a.before.address })),
    },
  };
}

function refusal(record: UndoRecord, reasons: string[]): UndoRefusedError {
  return new UndoRefusedError(`Annulation de « ${record.description} » refusée, rien n’a été modifié : ${reasons.join(' ; ')}. Remettez ces cellules comme l’écriture les avait laissées, ou retirez cette écriture de la liste pour annuler les précédentes.`, record.description);
}

/** What a write cut short meant to leave in a sheet: its planned inputs, as one box of keys. */
function planned(record: UndoRecord, sheet: string): SheetAfter {
  const runs = record.plannedCells[sheet] ?? [];
  if (runs.length === 0) return { address: null, keys: [] };
  const box = boxOf(runs.map((r) => areaOf(r.address)));
  const keys: string[][] = Array.from({ length: box.bottom - box.top + 1 }, () => Array.from({ length: box.right - box.left + 1 }, () => ''));
  for (const r of runs) {
    const a = areaOf(r.address);
    r.inputs[0].forEach((v, j) => (keys[a.top - box.top][a.left - box.left + j] = inputKey(v)));
  }
  return { address: areaAddress(box), keys };
}

/** Cells of a created or rewritten sheet that hold neither what it had before nor what the write left. */
function changedInSheet(now: SheetAfter | null, after: SheetAfter, before: SheetAfter | null): string[] {
  if (!now?.address) return [];
  const box = areaOf(now.address);
  const place = (s: SheetAfter | null) => {
    const grid: string[][] = now.keys.map((line) => line.map(() => ''));
    if (!s?.address) return grid;
    const b = areaOf(s.address);
    s.keys.forEach((line, i) => line.forEach((k, j) => {
      const r = b.top + i - box.top, c = b.left + j - box.left;
      if (grid[r]?.[c] !== undefined) grid[r][c] = k;
    }));
    return grid;
  };
  return changedCells(box, now.keys, place(before), place(after));
}

function byTag(pieces: ReadPiece[]): Map<number, ReadPiece> {
  const out = new Map<number, ReadPiece>();
  for (const p of pieces) out.set(p.tag, p);
  return out;
}
