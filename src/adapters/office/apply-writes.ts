/// <reference types="office-js" />
/**
 * Applies a WritePlan to the open workbook, in one Excel.run, so that it can always be undone:
 *   1. list the sheets (by id) and the date system;
 *   2. read what the plan will overwrite, the protection of the sheets it touches, and the whole
 *      content of the tool-owned sheets it rewrites — and refuse, before writing anything, a write
 *      a protected sheet would stop half-way; a styled sheet rewritten (a statement, the bilan, the
 *      report) has its cell formats, row heights and print setup read too, in one more round trip;
 *   3. save the undo record (its own round trip: once it is in, whatever happens next can be undone),
 *      with a hidden defined name on the cells written in each kept sheet;
 *   4. write, calculation suspended: tool-owned sheets are emptied and rewritten in place (never
 *      renamed or deleted, so `='Contrôles'!B2` elsewhere keeps working), new sheets are added,
 *      cells, number formats, the documents' styles, row heights and print setup, and charts
 *      written — one round trip unless the payload passes 4 MB;
 *   5. recalculate, and read back what the write left;
 *   6. complete the undo record with it (what undo will expect to find).
 * A failure at step 4 or later is a PartialWriteError: the workbook is partly written and « Annuler »
 * puts it back.
 */
import { type CellRange, columnLetters } from '../../layout/grid';
import type { ChartSpec } from '../../layout/report/report-plan';
import type { SheetToCreate, StyleRun, WritePlan } from '../../layout/write-plan';
import { writeInput } from './cell-values';
import { readDateSystem } from './date-system';
import { areaAddress } from './office-address';
import { ExcelTimeoutError, PartialWriteError, WorkbookActionError, frenchErrorMessage, readsFirst } from './office-errors';
import { type LookSnapshot, type LookTarget, queueClearLook, readLooks } from './look-snapshot';
import { type ExcelApi, isInternalSheet } from './office-globals';
import { planFormatBlocks, queueFormats, queueRowHeights } from './office-format';
import { queuePrintSetup } from './page-setup';
import { DEFAULT_MAX_PAYLOAD_BYTES, PayloadBatches } from './payload-batches';
import { type ReadPiece, type ReadRequest, readRanges } from './range-reader';
import { loadSheet, queueEmpty, readSheets, union } from './sheet-snapshot';
import { CHART_PREFIX, queueChart } from './tool-charts';
import type { AreaRecord, CellsState, SheetGuard, ToolChart, UndoRecord } from './undo-record';
import { guardName, loadStack } from './undo-stack';
import { PROTECTED_ITEM_PROPS, type ProtectionProblem, keysOf, loadLocked, loadProtection, protectionError } from './write-guards';
import { type WriteRun, writeRuns } from './write-runs';

export type ProgressListener = (fraction: number, label: string) => void;

export interface ApplyOptions {
  maxPayloadBytes?: number;
  onProgress?: ProgressListener;
  /** Native charts to add, in the same batch, on sheets the plan creates or rewrites. */
  charts?: ChartSpec[];
}

/** Where an action changed the workbook: the change watch ignores the events these raise. */
export interface Touched {
  sheetIds: string[];
  areas: { sheetId: string; address: string }[];
}

export interface WriteResult {
  description: string;
  cellsWritten: number;
  sheetsCreated: string[];
  sheetsRewritten: string[];
  chartsAdded: number;
  touched: Touched;
}

/** Excel's column width is in points; plans give characters (Calibri 11: 7 px each, 5 px padding). */
const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const BEFORE_PROPS = ['formulas', 'values', 'valueTypes', 'numberFormat'] as const;

export async function applyWrites(excel: ExcelApi, plan: WritePlan, options: ApplyOptions = {}): Promise<WriteResult> {
  const progress = options.onProgress ?? (() => undefined);
  const maxBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const runs = writeRuns(plan.writes);
  return readsFirst((startWriting) => excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(`items/name,items/id,items/visibility,items/position,${PROTECTED_ITEM_PROPS}`);
    const dateSystem = readDateSystem(context);
    progress(0.05, 'Lecture des feuilles du classeur');
    await context.sync(); // 1
    const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const sheetOf = (name: string) => byName.get(name.toLowerCase())!;

    const created: SheetToCreate[] = [];
    const rewritten: { spec: SheetToCreate; ws: Excel.Worksheet }[] = [];
    for (const spec of plan.createSheets) {
      if (isInternalSheet(spec.name)) throw new WorkbookActionError(`Nom de feuille réservé au complément : « ${spec.name} ».`);
      const ws = byName.get(spec.name.toLowerCase());
      if (!ws) created.push(spec);
      else if (spec.replace) rewritten.push({ spec, ws });
    }
    const fresh = new Set([...created, ...rewritten.map((r) => r.spec)].map((s) => s.name.toLowerCase()));
    for (const run of runs) {
      if (!fresh.has(run.sheet.toLowerCase()) && !byName.has(run.sheet.toLowerCase())) {
        throw new WorkbookActionError(`La feuille « ${run.sheet} » n’existe pas dans le classeur : rien n’a été écrit.`);
      }
    }
    const kept = runs.filter((run) => !fresh.has(run.sheet.toLowerCase()));
    const keptSheets = [...new Set(kept.map((r) => sheetOf(r.sheet)))];

    // 2: what the write needs to know first (queued before the reads' first round trip).
    progress(0.15, 'Sauvegarde de ce qui va être remplacé');
    let toolCharts: Record<string, ToolChart[]> = {};
    const queueLoads = () => ({
      stack: loadStack(context, worksheets.items),
      protections: [...keptSheets, ...rewritten.map((r) => r.ws)].map((ws) => ({ ws, get: loadProtection(ws) })),
      // Lock states matter on protected sheets only (one load per written run there).
      locked: kept.map((run) => (sheetOf(run.sheet).protection.protected ? loadLocked(sheetOf(run.sheet), run.area) : () => false)),
      snapshots: rewritten.map((r) => loadSheet(r.ws, () => toolCharts[r.ws.id] ?? [], Object.keys(r.spec.columnWidths ?? {}).map(Number))),
    });
    let loads = queueLoads();
    const requests: ReadRequest[] = kept.map((run, i) => ({ ws: sheetOf(run.sheet), area: run.area, tag: i }));
    const beforePieces = await readRanges(context, requests, [...BEFORE_PROPS], { budgetBytes: maxBytes, requeue: () => (loads = queueLoads()) });
    if (requests.length === 0) await context.sync();
    const { protections, locked, snapshots } = loads;
    const stack = loads.stack.resolve();
    toolCharts = stack.index.charts;
    const before = byTag(beforePieces);
    const date1904 = dateSystem.is1904();

    const targetFormats = kept.map((run, i) => run.cells.map((w, j) => w.numFmt ?? String(before.get(i)!.data.numberFormat![0][j])));
    const formatChanges = kept.map((run, i) => targetFormats[i].some((f, j) => f !== before.get(i)!.data.numberFormat![0][j]));
    const problems: ProtectionProblem[] = [];
    // A tool-owned sheet (Contrôles, états des dépenses, rapport) that is protected — the tool's
    // own template protects them — is unprotected to be rewritten and protected again the same way.
    const lifted: { ws: Excel.Worksheet; options: Record<string, boolean> }[] = [];
    for (const { ws, get } of protections) {
      const p = get();
      if (!p.protected) continue;
      if (rewritten.some((r) => r.ws === ws)) {
        lifted.push({ ws, options: p.options });
        continue;
      }
      const mine = kept.map((run, i) => ({ run, i })).filter(({ run }) => sheetOf(run.sheet) === ws);
      const lockedCells = mine.filter(({ i }) => locked[i]() !== false).map(({ run }) => areaAddress(run.area));
      const formats = !p.allowFormatCells && mine.some(({ i }) => formatChanges[i]);
      if (lockedCells.length || formats) problems.push({ sheet: ws.name, lockedCells, formats });
    }
    if (problems.length) throw protectionError(problems, 'Rien n’a été écrit.');

    // 2b: what a styled rewrite changes beyond cells (formats, row heights, print setup).
    const snaps = await readSheets(context, snapshots.map((s) => ({ ws: s.ws, loaded: s.resolve() })), maxBytes);
    const styles = plan.styles ?? [];
    const looked = rewritten.map((r, k): LookTarget | null => (isStyled(r.spec, styles) ? { ws: r.ws, used: snaps[k].usedBox, lastRow: lastPlannedRow(r.spec, runs, styles), print: !!r.spec.print } : null));
    const lookRead = await readLooks(context, looked.filter((t): t is LookTarget => t !== null), maxBytes);
    const looks: (LookSnapshot | null)[] = looked.map((t) => (t ? lookRead.shift()! : null));

    // 3: the undo record, saved before anything else.
    const id = stack.nextId();
    const guards: SheetGuard[] = keptSheets.map((ws, k) => ({ sheetId: ws.id, name: guardName(id, k + 1), address: areaAddress(boxOf(kept.filter((r) => sheetOf(r.sheet) === ws).map((r) => r.area))) }));
    const charts = (options.charts ?? []).filter((c) => fresh.has(c.sheet.toLowerCase())).map((spec, k) => ({ sheet: spec.sheet, name: `${CHART_PREFIX}${id}_${k + 1}`, spec }));
    const areas: AreaRecord[] = kept.map((run, i) => ({ sheetId: sheetOf(run.sheet).id, sheet: sheetOf(run.sheet).name, before: cellsState(before.get(i)!), written: [run.cells.map((w) => writeInput(w, date1904))] }));
    const record: UndoRecord = {
      version: 2,
      id,
      description: plan.description,
      writtenAt: new Date().toISOString(),
      plannedCells: plannedCells(runs.filter((r) => fresh.has(r.sheet.toLowerCase())), date1904),
      areas,
      guards,
      rewritten: rewritten.map((r, k) => ({ sheetId: r.ws.id, name: r.ws.name, before: { ...snaps[k].content, protection: lifted.find((l) => l.ws === r.ws)?.options ?? null, ...(looks[k] ? { look: looks[k] } : {}) } })),
      created: created.map((s) => ({ name: s.name })),
      chartsAdded: charts,
      visibleSheetIds: worksheets.items.filter((ws) => ws.visibility === 'Visible').map((ws) => ws.id),
    };
    const push = new PayloadBatches(maxBytes);
    const entry = stack.queuePush(push, record, guards.map((g) => g.name), maxBytes);
    for (const g of guards) {
      const ws = worksheets.items.find((x) => x.id === g.sheetId)!;
      push.add(() => {
        const name = context.workbook.names.add(g.name, ws.getRange(g.address), 'Annexes financières : zone écrite (annulation)');
        name.visible = false;
      });
    }
    progress(0.25, 'Sauvegarde pour l’annulation');
    await liftProtection(context, lifted);
    startWriting();
    try {
      await push.send(context, { suspendCalculation: false }); // 3
    } catch (e) {
      await restoreProtection(context, lifted).catch(() => undefined);
      throw e;
    }

    // 4: the write itself.
    const proxies = new Map(byName);
    const touched: Touched = { sheetIds: rewritten.map((r) => r.ws.id), areas: kept.map((run) => ({ sheetId: sheetOf(run.sheet).id, address: areaAddress(run.area) })) };
    const batches = new PayloadBatches(maxBytes);
    rewritten.forEach((r, k) => {
      queueEmpty(batches, () => r.ws, snaps[k].usedBox, snaps[k].content.charts.map((c) => c.name));
      const look = looks[k];
      if (look) queueClearLook(batches, () => r.ws, snaps[k].usedBox, look.heights.length);
    });
    for (const spec of created) batches.add(() => proxies.set(spec.name.toLowerCase(), worksheets.add(spec.name)), spec.name);
    queueCells(batches, proxies, runs, (run) => {
      const i = kept.indexOf(run);
      if (i < 0) return run.cells.map((w) => w.numFmt ?? 'General');
      return formatChanges[i] ? targetFormats[i] : null;
    }, date1904);
    const rewrittenNames = new Set(rewritten.map((r) => r.spec.name.toLowerCase()));
    queueSheetFormats(batches, proxies, [...created, ...rewritten.map((r) => r.spec)], rewrittenNames);
    for (const spec of [...created, ...rewritten.map((r) => r.spec)].filter((x) => isStyled(x, styles))) queueLook(batches, () => proxies.get(spec.name.toLowerCase())!, spec, styles, rewrittenNames.has(spec.name.toLowerCase()));
    for (const c of charts) batches.add(() => queueChart(proxies.get(c.sheet.toLowerCase())!, c.spec, c.name), c.spec);
    // Protected again as they were, with cell formatting allowed as the tool's template allows it:
    // the add-in's marks must be able to paint there (undo gives back the options as they were).
    for (const { ws, options } of lifted) batches.add(() => ws.protection.protect(reprotection(options)), options);
    try {
      await batches.send(context, { suspendCalculation: true, onBatch: (done, total) => progress(0.3 + (0.5 * done) / total, 'Écriture dans le classeur') });
    } catch (e) {
      if (e instanceof ExcelTimeoutError) throw e; // what Excel did is unknown: said by the caller
      throw new PartialWriteError(
        `« ${plan.description} » s’est arrêtée en cours d’écriture : le classeur est modifié en partie. Onglet Écritures, « Annuler » le remet comme avant. (${frenchErrorMessage(e)})`,
        plan.description,
        { cause: e },
      );
    }

    try {
      // 5: calculation was suspended; Excel leaves it to us to catch up. Then what the write left.
      progress(0.85, 'Recalcul du classeur');
      context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
      const createdWs = created.map((spec) => proxies.get(spec.name.toLowerCase())!);
      const undoSheet = stack.sheetProxy;
      const loadIds = () => [...createdWs, ...(undoSheet ? [undoSheet] : [])].forEach((ws) => ws.load('id'));
      loadIds();
      const freshSheets = [...created.map((s) => s.name), ...rewritten.map((r) => r.spec.name)];
      const freshBoxes = freshSheets.map((name) => boxOf(runs.filter((r) => r.sheet.toLowerCase() === name.toLowerCase()).map((r) => r.area)));
      const backRequests: ReadRequest[] = [
        ...kept.map((run, i) => ({ ws: sheetOf(run.sheet), area: run.area, tag: i })),
        ...freshSheets.flatMap((name, k) => (freshBoxes[k] ? [{ ws: proxies.get(name.toLowerCase())!, area: freshBoxes[k]!, tag: kept.length + k }] : [])),
      ];
      const back = byTag(await readRanges(context, backRequests, ['formulas', 'values'], { budgetBytes: maxBytes, requeue: loadIds }));
      if (backRequests.length === 0) await context.sync();

      // 6: the record, completed with what undo must find.
      const keys = (tag: number) => keysOf(back.get(tag)!.data.formulas!, back.get(tag)!.data.values!);
      areas.forEach((a, i) => (a.after = keys(i)));
      const afterOf = (k: number) => {
        const box = freshBoxes[k];
        return box ? { address: areaAddress(box), keys: keys(kept.length + k) } : { address: null, keys: [] };
      };
      record.created.forEach((c, k) => Object.assign(c, { sheetId: createdWs[k].id, after: afterOf(k) }));
      record.rewritten.forEach((r, k) => (r.after = afterOf(created.length + k)));
      touched.sheetIds.push(...createdWs.map((ws) => ws.id), ...(undoSheet ? [undoSheet.id] : []));
      const finish = new PayloadBatches(maxBytes);
      stack.queueFinalize(finish, entry, record, maxBytes);
      await finish.send(context, { suspendCalculation: false });
    } catch (e) {
      if (e instanceof ExcelTimeoutError) throw e;
      throw new PartialWriteError(
        `Les cellules de « ${plan.description} » sont écrites, mais la vérification qui suit a échoué : vérifiez le classeur ; onglet Écritures, « Annuler » le remet comme avant. (${frenchErrorMessage(e)})`,
        plan.description,
        { cause: e },
      );
    }
    progress(1, 'Terminé');
    return {
      description: plan.description,
      cellsWritten: runs.reduce((n, r) => n + r.cells.length, 0),
      sheetsCreated: created.map((s) => s.name),
      sheetsRewritten: rewritten.map((r) => r.spec.name),
      chartsAdded: charts.length,
      touched,
    };
  }));
}

/**
 * Unprotects the tool-owned sheets to rewrite, in a round trip of their own: Excel refuses a sheet
 * protected with a password (the add-in does not know it), and then the others get their
 * protection back and nothing is written.
 */
async function liftProtection(context: Excel.RequestContext, lifted: { ws: Excel.Worksheet; options: Record<string, boolean> }[]): Promise<void> {
  if (lifted.length === 0) return;
  for (const { ws } of lifted) ws.protection.unprotect();
  try {
    await context.sync();
  } catch (e) {
    if (e instanceof ExcelTimeoutError) throw e;
    await restoreProtection(context, lifted);
    throw new WorkbookActionError(
      `Excel a refusé d’ôter la protection de ${lifted.length > 1 ? 'ces feuilles' : 'la feuille'} ${lifted.map((l) => `« ${l.ws.name} »`).join(', ')} (mot de passe ?) : ôtez-la vous-même (onglet Révision › Ôter la protection de la feuille), puis recommencez. Rien n’a été écrit.`,
      { cause: e },
    );
  }
}

/** The options a rewritten tool-owned sheet is protected again with: its own, and cell formatting allowed. */
export function reprotection(options: Record<string, boolean>): Record<string, boolean> {
  return { ...options, allowFormatCells: true };
}

/** Protects again, with their options, those of the sheets that are no longer protected. */
async function restoreProtection(context: Excel.RequestContext, lifted: { ws: Excel.Worksheet; options: Record<string, boolean> }[]): Promise<void> {
  if (lifted.length === 0) return;
  for (const { ws } of lifted) ws.protection.load('protected');
  await context.sync();
  for (const { ws, options } of lifted) if (!ws.protection.protected) ws.protection.protect(options);
  await context.sync();
}

function byTag(pieces: ReadPiece[]): Map<number, ReadPiece> {
  const out = new Map<number, ReadPiece>();
  for (const p of pieces.sort((a, b) => a.tag - b.tag || a.area.top - b.area.top)) {
    const prev = out.get(p.tag);
    if (!prev) out.set(p.tag, { ...p, data: { ...p.data } });
    else for (const [k, v] of Object.entries(p.data)) (prev.data as Record<string, unknown[][]>)[k] = [...((prev.data as Record<string, unknown[][]>)[k] ?? []), ...(v ?? [])];
  }
  return out;
}

function cellsState(p: ReadPiece): CellsState {
  return { address: areaAddress(p.area), formulas: p.data.formulas!, values: p.data.values!, valueTypes: p.data.valueTypes as string[][], numberFormat: p.data.numberFormat! };
}

export function boxOf(areas: CellRange[]): CellRange {
  return areas.reduce<CellRange | null>((acc, a) => union(acc, a), null) ?? { top: 1, left: 1, bottom: 1, right: 1 };
}

/** The inputs written into created or rewritten sheets, per sheet, for checking a write cut short. */
function plannedCells(runs: WriteRun[], date1904: boolean): UndoRecord['plannedCells'] {
  const out: UndoRecord['plannedCells'] = {};
  for (const run of runs) (out[run.sheet] ??= []).push({ address: areaAddress(run.area), inputs: [run.cells.map((w) => writeInput(w, date1904))] });
  return out;
}

/** Formulas and, where `formats` gives them, number formats (kept sheets: only where they change). */
function queueCells(batches: PayloadBatches, proxies: Map<string, Excel.Worksheet>, runs: WriteRun[], formats: (run: WriteRun) => string[] | null, date1904: boolean): void {
  for (const run of runs) {
    const address = areaAddress(run.area);
    const formulas = [run.cells.map((w) => writeInput(w, date1904))];
    const f = formats(run);
    const numberFormat = f ? [f] : null;
    batches.add(() => {
      const range = proxies.get(run.sheet.toLowerCase())!.getRange(address);
      range.formulas = formulas;
      if (numberFormat) range.numberFormat = numberFormat;
    }, [formulas, numberFormat]);
  }
}

/** A sheet whose look the plan sets (a document to print), rather than cells only (Contrôles). */
function isStyled(spec: SheetToCreate, styles: StyleRun[]): boolean {
  return !!spec.print || Object.keys(spec.rowHeights ?? {}).length > 0 || styles.some((s) => s.sheet.toLowerCase() === spec.name.toLowerCase());
}

/** The last row the plan writes, styles or sizes on a sheet. */
function lastPlannedRow(spec: SheetToCreate, runs: WriteRun[], styles: StyleRun[]): number {
  const name = spec.name.toLowerCase();
  return Math.max(
    1,
    ...runs.filter((r) => r.sheet.toLowerCase() === name).map((r) => r.area.bottom),
    ...styles.filter((s) => s.sheet.toLowerCase() === name).map((s) => s.row),
    ...Object.keys(spec.rowHeights ?? {}).map(Number),
    ...(spec.merges ?? []).map((m) => m.bottom),
    spec.print?.printArea?.bottom ?? 1,
  );
}

/** The plan's styles, row heights and print setup of one sheet (created, or rewritten after queueClearLook). */
function queueLook(batches: PayloadBatches, ws: () => Excel.Worksheet, spec: SheetToCreate, styles: StyleRun[], rewriting: boolean): void {
  queueFormats(batches, ws, planFormatBlocks(styles, spec.name, spec.merges ?? []));
  queueRowHeights(batches, ws, spec.rowHeights ?? {});
  if (spec.print) queuePrintSetup(batches, ws, spec.print, rewriting);
}

/** Widths, merges and frozen header rows: only on sheets this write creates or rewrites. */
function queueSheetFormats(batches: PayloadBatches, proxies: Map<string, Excel.Worksheet>, specs: SheetToCreate[], rewritten: Set<string>): void {
  for (const spec of specs) {
    batches.add(() => {
      const ws = proxies.get(spec.name.toLowerCase())!;
      for (const [col, chars] of Object.entries(spec.columnWidths ?? {})) ws.getRange(`${columnLetters(Number(col))}1`).format.columnWidth = charsToPoints(chars);
      for (const m of spec.merges ?? []) ws.getRange(areaAddress(m)).merge(false);
      if (spec.frozenRows && spec.frozenRows > 0) ws.freezePanes.freezeRows(spec.frozenRows);
      else if (rewritten.has(spec.name.toLowerCase())) ws.freezePanes.unfreeze();
    }, spec);
  }
}

