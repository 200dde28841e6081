/// <reference types="office-js" />
/**
 * The undo sheet's operations, queued into a write's or an undo's batches: push a record (and
 * forget the oldest beyond UNDO_DEPTH), finalise it once the write has been read back, pop it once
 * undone. The index in A1 is rewritten last in each batch, so a batch that fails part-way leaves the
 * previous index, which still describes what is there.
 */
import { columnLetters } from '../../layout/grid';
import { type ExcelApi, INTERNAL_SHEET_PREFIX, UNDO_SHEET } from './office-globals';
import { PayloadBatches } from './payload-batches';
import { type ReadPiece, readRanges } from './range-reader';
import { type StackEntry, type StackIndex, type ToolChart, UNDO_CHUNK_CHARS, UNDO_DEPTH, type UndoRecord, decodeIndex, decodeRecord, emptyIndex, encodeChunks } from './undo-record';

/** Excel's limit for the text of one cell. */
const CELL_CHARS = 32767;

export interface StackLoad {
  /** After the round trip the loads were queued in. */
  resolve(): UndoStack;
}

/**
 * Queues what the stack needs to know: A1 of the undo sheet and the workbook's defined names (a name
 * already removed by the user cannot be deleted again: Excel would refuse the whole batch).
 */
export function loadStack(context: Excel.RequestContext, sheets: Excel.Worksheet[]): StackLoad {
  const sheet = sheets.find((ws) => ws.name.toLowerCase() === UNDO_SHEET.toLowerCase()) ?? null;
  const a1 = sheet?.getRange('A1');
  a1?.load('values');
  const names = context.workbook.names;
  names.load('items/name');
  return {
    resolve: () => {
      const decoded = a1 ? decodeIndex(a1.values[0][0]) : emptyIndex();
      const taken = new Set(sheets.map((ws) => ws.name.toLowerCase()));
      return new UndoStack(
        context,
        decoded === 'legacy' ? null : sheet,
        decoded === 'legacy' ? emptyIndex() : decoded,
        decoded === 'legacy' ? sheet : null,
        new Set(names.items.map((n) => n.name.toLowerCase())),
        taken,
      );
    },
  };
}

export class UndoStack {
  constructor(
    private readonly context: Excel.RequestContext,
    private sheet: Excel.Worksheet | null,
    readonly index: StackIndex,
    /** The undo sheet of an earlier version, to be set aside rather than overwritten. */
    private readonly legacy: Excel.Worksheet | null,
    readonly existingNames: ReadonlySet<string>,
    private readonly takenSheetNames: ReadonlySet<string>,
  ) {}

  /** The undo sheet's proxy once it exists (after the push's batch for a new one). */
  get sheetProxy(): Excel.Worksheet | null {
    return this.sheet;
  }

  get top(): StackEntry | null {
    return this.index.entries[this.index.entries.length - 1] ?? null;
  }

  nextId(): number {
    return this.index.nextId;
  }

  /** The record of an entry, read from its column (in as many round trips as its size needs). */
  async readRecord(entry: StackEntry): Promise<UndoRecord | null> {
    if (!this.sheet || entry.chunks === 0) return null;
    const col = entry.col;
    const pieces: ReadPiece[] = await readRanges(this.context, [{ ws: this.sheet, area: { top: 1, bottom: entry.chunks, left: col, right: col }, tag: 0 }], ['values'], { bytesPerCell: UNDO_CHUNK_CHARS + 8 });
    return decodeRecord(pieces.sort((a, b) => a.area.top - b.area.top).flatMap((p) => p.data.values ?? []));
  }

  /** Queues the record's first version and its entry (incomplete); returns the entry. */
  queuePush(batches: PayloadBatches, record: UndoRecord, names: string[], maxBytes: number): StackEntry {
    const worksheets = this.context.workbook.worksheets;
    if (this.legacy) {
      const legacy = this.legacy;
      let n = 1;
      while (this.takenSheetNames.has(`${UNDO_SHEET}_v1_${n}`.toLowerCase())) n++;
      batches.add(() => (legacy.name = `${UNDO_SHEET}_v1_${n}`.slice(0, 31)));
    }
    if (!this.sheet) {
      batches.add(() => {
        this.sheet = worksheets.add(UNDO_SHEET);
        this.sheet.visibility = 'VeryHidden';
      });
    }
    // Forget the oldest writes beyond the depth kept.
    while (this.index.entries.length >= UNDO_DEPTH) this.queueDrop(batches, this.index.entries[0]);
    const used = new Set(this.index.entries.map((e) => e.col));
    let col = 2;
    while (used.has(col)) col++;
    const entry: StackEntry = { id: record.id, col, description: record.description, writtenAt: record.writtenAt, chunks: 0, complete: false, names };
    this.index.nextId = record.id + 1;
    this.index.entries.push(entry);
    this.queueRecord(batches, entry, record, maxBytes);
    return entry;
  }

  /** Queues the record's final version (with what the write left) and marks its entry complete. */
  queueFinalize(batches: PayloadBatches, entry: StackEntry, record: UndoRecord, maxBytes: number): void {
    // A rewritten sheet lost its former charts (saved in the record); it has the new ones only.
    for (const r of record.rewritten) delete this.index.charts[r.sheetId];
    for (const c of record.chartsAdded) {
      const sheetId = record.created.find((s) => s.name === c.sheet)?.sheetId ?? record.rewritten.find((s) => s.name === c.sheet)?.sheetId;
      if (sheetId) this.index.charts[sheetId] = [...(this.index.charts[sheetId] ?? []).filter((x) => x.name !== c.name), { name: c.name, spec: c.spec }];
    }
    entry.complete = true;
    this.queueRecord(batches, entry, record, maxBytes);
  }

  /** Queues the removal of the top entry, once its undo is done (last op of the batch). */
  queuePop(batches: PayloadBatches, entry: StackEntry, chartsNow: Record<string, ToolChart[]>): void {
    this.queueClearColumn(batches, entry);
    this.queueDeleteNames(batches, entry.names);
    this.index.entries = this.index.entries.filter((e) => e !== entry);
    for (const [sheetId, charts] of Object.entries(chartsNow)) {
      if (charts.length) this.index.charts[sheetId] = charts;
      else delete this.index.charts[sheetId];
    }
    if (this.index.entries.length === 0 && Object.keys(this.index.charts).length === 0 && this.sheet) {
      // Nothing left to undo: the workbook is as before the add-in's first write, hidden sheet included.
      const sheet = this.sheet;
      batches.add(() => {
        sheet.visibility = 'Hidden' as Excel.SheetVisibility; // Excel refuses to delete a very hidden sheet
        sheet.delete();
      });
      return;
    }
    this.queueIndex(batches);
  }

  /** Queues forgetting an entry without undoing it. */
  queueDrop(batches: PayloadBatches, entry: StackEntry): void {
    this.queueClearColumn(batches, entry);
    this.queueDeleteNames(batches, entry.names);
    this.index.entries = this.index.entries.filter((e) => e !== entry);
  }

  queueIndex(batches: PayloadBatches): void {
    let json = JSON.stringify(this.index);
    // The index must fit one cell: forget the oldest entries rather than fail the write.
    while (json.length + 1 > CELL_CHARS && this.index.entries.length > 1) {
      this.queueDrop(batches, this.index.entries[0]);
      json = JSON.stringify(this.index);
    }
    batches.add(() => {
      this.sheet!.getRange('A1').formulas = [[`'${json}`]];
    }, json);
  }

  private queueRecord(batches: PayloadBatches, entry: StackEntry, record: UndoRecord, maxBytes: number): void {
    const chunks = encodeChunks(record);
    const letter = columnLetters(entry.col);
    if (entry.chunks > chunks.length) this.queueClearColumn(batches, { ...entry, chunks: entry.chunks });
    // A quarter of a batch per range write, so a huge record can still be spread over batches.
    const rowsPerWrite = Math.max(1, Math.floor(maxBytes / 4 / UNDO_CHUNK_CHARS));
    for (let i = 0; i < chunks.length; i += rowsPerWrite) {
      // Quote prefix: a piece of JSON starting with "-" or a digit must stay text.
      const rows = chunks.slice(i, i + rowsPerWrite).map((c) => [`'${c}`]);
      const address = `${letter}${i + 1}:${letter}${i + rows.length}`;
      batches.add(() => {
        this.sheet!.getRange(address).formulas = rows;
      }, rows);
    }
    entry.chunks = chunks.length;
    this.queueIndex(batches);
  }

  private queueClearColumn(batches: PayloadBatches, entry: StackEntry): void {
    if (entry.chunks === 0) return;
    const letter = columnLetters(entry.col);
    batches.add(() => this.sheet?.getRange(`${letter}1:${letter}${entry.chunks}`).clear('Contents'));
  }

  private queueDeleteNames(batches: PayloadBatches, names: string[]): void {
    for (const n of names) {
      if (!this.existingNames.has(n.toLowerCase())) continue; // written in this batch, or removed by the user
      batches.add(() => this.context.workbook.names.getItem(n).delete());
    }
  }
}

/** Guard names are the add-in's own: "_annexes_u12_3". */
export function guardName(recordId: number, k: number): string {
  return `${INTERNAL_SHEET_PREFIX}u${recordId}_${k}`;
}

/** The stack, for an action that needs nothing else first (two round trips: sheets, then A1). */
export async function openStack(context: Excel.RequestContext): Promise<UndoStack> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const load = loadStack(context, worksheets.items);
  await context.sync();
  return load.resolve();
}

/** The stack's entries as the pane lists them, newest first. */
export async function listWrites(excel: ExcelApi): Promise<StackEntry[]> {
  return excel.run(async (context) => [...(await openStack(context)).index.entries].reverse());
}
