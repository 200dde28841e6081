/// <reference types="office-js" />
/**
 * Applies a WritePlan to the open workbook in one Excel.run:
 *   1. list the sheets;
 *   2. load what the plan will overwrite (formulas, value types, formats);
 *   3. in one batch (more only above 4 MB): save that in the undo sheet, create or replace the
 *      plan's sheets, write the cells, then merges, widths, frozen rows and the charts asked for
 *      (on the plan's new sheets only: undo deletes them with the sheet) — calculation suspended;
 *   4. recalculate once.
 * Four round trips whatever the plan's size (three when it only creates sheets: nothing to save),
 * unless its payload passes 4 MB. A sheet the plan replaces is kept, renamed and very
 * hidden, until the next write: undo gives it back exactly (formats, widths, everything).
 */
import { cellAddress } from '../../layout/grid';
import type { ChartSpec, SheetRange } from '../../layout/report/report-plan';
import type { SheetToCreate, WritePlan } from '../../layout/write-plan';
import { writeInput } from './cell-values';
import { areaAddress } from './office-address';
import { WorkbookActionError } from './office-errors';
import { type ExcelApi, INTERNAL_SHEET_PREFIX, UNDO_SHEET, isInternalSheet } from './office-globals';
import { DEFAULT_MAX_PAYLOAD_BYTES, PayloadBatches } from './payload-batches';
import { type ReplacedSheet, type SavedArea, UNDO_CHUNK_CHARS, type UndoRecord, encodeUndo } from './undo-record';
import { type WriteRun, writeRuns } from './write-runs';

export type ProgressListener = (fraction: number, label: string) => void;

export interface ApplyOptions {
  maxPayloadBytes?: number;
  onProgress?: ProgressListener;
  /** Native charts to add, in the same batch, on sheets the plan creates or replaces. */
  charts?: ChartSpec[];
}

export interface WriteResult {
  description: string;
  cellsWritten: number;
  sheetsCreated: string[];
  sheetsReplaced: string[];
  chartsAdded: number;
  roundTrips: number;
}

/** Excel's column width is in points; plans give characters (Calibri 11: 7 px each, 5 px padding). */
const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

export async function applyWrites(excel: ExcelApi, plan: WritePlan, options: ApplyOptions = {}): Promise<WriteResult> {
  const progress = options.onProgress ?? (() => undefined);
  const runs = writeRuns(plan.writes);
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility,items/position');
    progress(0.05, 'Lecture des feuilles du classeur');
    await context.sync(); // 1
    let roundTrips = 1;

    const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const sheets = sortSheets(plan.createSheets, existing);
    const fresh = new Set([...sheets.created, ...sheets.replaced.map((r) => r.spec)].map((s) => s.name.toLowerCase()));
    for (const run of runs) {
      const key = run.sheet.toLowerCase();
      if (!fresh.has(key) && !existing.has(key)) {
        throw new WorkbookActionError(`La feuille « ${run.sheet} » n’existe pas dans le classeur : rien n’a été écrit.`);
      }
    }

    // 2: what the plan overwrites in sheets that stay (split like writes, for huge plans only).
    const kept = runs.filter((run) => !fresh.has(run.sheet.toLowerCase()));
    const reads = new PayloadBatches(options.maxPayloadBytes);
    const loaded = kept.map((run) => {
      const slot: { run: WriteRun; range?: Excel.Range } = { run };
      reads.add(() => {
        slot.range = existing.get(run.sheet.toLowerCase())!.getRange(areaAddress(run.area));
        slot.range.load('formulas,values,valueTypes,numberFormat');
      });
      return slot as { run: WriteRun; range: Excel.Range };
    });
    progress(0.2, 'Sauvegarde des cellules qui vont être remplacées');
    roundTrips += await reads.send(context, { suspendCalculation: false }); // 2
    const areas: SavedArea[] = loaded.map(({ run, range }) => ({
      sheet: existing.get(run.sheet.toLowerCase())!.name,
      address: areaAddress(run.area),
      formulas: range.formulas,
      values: range.values,
      valueTypes: range.valueTypes as string[][],
      numberFormat: range.numberFormat,
    }));
    const record: UndoRecord = {
      version: 1,
      description: plan.description,
      writtenAt: new Date().toISOString(),
      createdSheets: sheets.created.map((s) => s.name),
      replacedSheets: sheets.replaced.map(({ replaced }) => replaced),
      areas,
    };

    // 3: one batch, unless the payload forces more.
    const batches = new PayloadBatches(options.maxPayloadBytes);
    const proxies = new Map(existing);
    queueUndoRecord(batches, worksheets, existing, record, options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES);
    queueSheets(batches, worksheets, existing, proxies, sheets);
    queueCells(batches, proxies, runs, areas);
    queueSheetFormats(batches, proxies, [...sheets.created, ...sheets.replaced.map((r) => r.spec)]);
    const charts = (options.charts ?? []).filter((c) => fresh.has(c.sheet.toLowerCase()));
    queueCharts(batches, proxies, charts);
    roundTrips += await batches.send(context, {
      suspendCalculation: true,
      onBatch: (done, total) => progress(0.3 + (0.6 * done) / total, 'Écriture dans le classeur'),
    });

    // 4: calculation was suspended; Excel leaves it to us to catch up.
    context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
    progress(0.95, 'Recalcul du classeur');
    await context.sync(); // 4
    roundTrips++;
    progress(1, 'Terminé');
    return {
      description: plan.description,
      cellsWritten: runs.reduce((n, r) => n + r.cells.length, 0),
      sheetsCreated: sheets.created.map((s) => s.name),
      sheetsReplaced: sheets.replaced.map((r) => r.spec.name),
      chartsAdded: charts.length,
      roundTrips,
    };
  });
}

interface SortedSheets {
  created: SheetToCreate[];
  replaced: { spec: SheetToCreate; replaced: ReplacedSheet }[];
}

/** New sheets, sheets to replace (kept under a backup name), and the rest (written in place). */
function sortSheets(specs: SheetToCreate[], existing: Map<string, Excel.Worksheet>): SortedSheets {
  const out: SortedSheets = { created: [], replaced: [] };
  const taken = new Set(existing.keys());
  let n = 0;
  for (const spec of specs) {
    if (isInternalSheet(spec.name)) throw new WorkbookActionError(`Nom de feuille réservé au complément : « ${spec.name} ».`);
    const old = existing.get(spec.name.toLowerCase());
    if (!old) {
      out.created.push(spec);
    } else if (spec.replace) {
      let backup: string;
      do backup = `${INTERNAL_SHEET_PREFIX}prec_${++n}`;
      while (taken.has(backup));
      taken.add(backup);
      out.replaced.push({ spec, replaced: { name: old.name, backup, position: old.position, visibility: old.visibility } });
    }
  }
  return out;
}

/** Drops the previous undo data (sheet and backups), then saves this write's, very hidden. */
function queueUndoRecord(batches: PayloadBatches, worksheets: Excel.WorksheetCollection, existing: Map<string, Excel.Worksheet>, record: UndoRecord, maxBytes: number): void {
  for (const ws of existing.values()) {
    if (!isInternalSheet(ws.name)) continue;
    batches.add(() => {
      ws.visibility = 'Hidden'; // Excel refuses to delete a very hidden sheet
      ws.delete();
    });
  }
  const chunks = encodeUndo(record);
  let undoSheet: Excel.Worksheet | undefined;
  batches.add(() => {
    undoSheet = worksheets.add(UNDO_SHEET);
    undoSheet.visibility = 'VeryHidden';
  });
  // A quarter of a batch per range write, so a huge record can still be spread over batches.
  const rowsPerWrite = Math.max(1, Math.floor(maxBytes / 4 / UNDO_CHUNK_CHARS));
  for (let i = 0; i < chunks.length; i += rowsPerWrite) {
    // Quote prefix: a piece of JSON starting with "-" or a digit must stay text.
    const rows = chunks.slice(i, i + rowsPerWrite).map((c) => [`'${c}`]);
    const address = `A${i + 1}:A${i + rows.length}`;
    batches.add(() => {
      undoSheet!.getRange(address).formulas = rows;
    }, rows);
  }
}

function queueSheets(batches: PayloadBatches, worksheets: Excel.WorksheetCollection, existing: Map<string, Excel.Worksheet>, proxies: Map<string, Excel.Worksheet>, sheets: SortedSheets): void {
  for (const { spec, replaced } of sheets.replaced) {
    const old = existing.get(spec.name.toLowerCase())!;
    batches.add(() => {
      old.name = replaced.backup;
      const ws = worksheets.add(spec.name);
      ws.position = replaced.position;
      old.visibility = 'VeryHidden'; // after the add: a workbook keeps one visible sheet
      proxies.set(spec.name.toLowerCase(), ws);
    }, spec.name);
  }
  for (const spec of sheets.created) {
    batches.add(() => {
      proxies.set(spec.name.toLowerCase(), worksheets.add(spec.name));
    }, spec.name);
  }
}

/** Formats the plan leaves unset keep the cell's own (saved) format; new sheets start at General. */
function queueCells(batches: PayloadBatches, proxies: Map<string, Excel.Worksheet>, runs: WriteRun[], saved: SavedArea[]): void {
  const savedFormat = new Map(saved.map((a) => [`${a.sheet.toLowerCase()}!${a.address}`, a.numberFormat[0]]));
  for (const run of runs) {
    const address = areaAddress(run.area);
    const before = savedFormat.get(`${run.sheet.toLowerCase()}!${address}`);
    const formulas = [run.cells.map(writeInput)];
    const formats = [run.cells.map((w, j) => w.numFmt ?? (before?.[j] as string | undefined) ?? 'General')];
    batches.add(() => {
      const range = proxies.get(run.sheet.toLowerCase())!.getRange(address);
      range.formulas = formulas;
      range.numberFormat = formats;
    }, [formulas, formats]);
  }
}

/** Widths, merges and frozen header rows: only on sheets this write creates. */
function queueSheetFormats(batches: PayloadBatches, proxies: Map<string, Excel.Worksheet>, specs: SheetToCreate[]): void {
  for (const spec of specs) {
    batches.add(() => {
      const ws = proxies.get(spec.name.toLowerCase())!;
      for (const [col, chars] of Object.entries(spec.columnWidths ?? {})) ws.getRange(cellAddress(1, Number(col))).format.columnWidth = charsToPoints(chars);
      for (const m of spec.merges ?? []) ws.getRange(areaAddress(m)).merge(false);
      if (spec.frozenRows && spec.frozenRows > 0) ws.freezePanes.freezeRows(spec.frozenRows);
    }, spec);
  }
}

/**
 * A clustered column chart per spec (ExcelApi 1.1 for `charts.add`, 1.7 for the series calls): the
 * series' columns are not side by side in the sheet, so the chart starts from the first series and
 * the others are added with their own ranges, categories on every series.
 */
function queueCharts(batches: PayloadBatches, proxies: Map<string, Excel.Worksheet>, charts: ChartSpec[]): void {
  for (const spec of charts) {
    const [first, ...rest] = spec.series;
    if (!first) continue;
    batches.add(() => {
      const ws = proxies.get(spec.sheet.toLowerCase())!;
      const range = (r: SheetRange) => ws.getRange(areaAddress(r));
      const categories = range(spec.categories);
      const chart = ws.charts.add('ColumnClustered', range(first.values), 'Columns');
      chart.title.text = spec.title;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories);
      for (const s of rest) {
        const series = chart.series.add(s.name);
        series.setValues(range(s.values));
        series.setXAxisValues(categories);
      }
      chart.setPosition(cellAddress(spec.anchor.fromRow, spec.anchor.fromCol), cellAddress(spec.anchor.toRow, spec.anchor.toCol));
    }, spec);
  }
}
