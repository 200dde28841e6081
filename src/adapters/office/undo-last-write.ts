/// <reference types="office-js" />
/**
 * "Annuler la dernière écriture": puts back what the last applyWrites saved — the cells it
 * overwrote (formulas, constants, formats), the sheets it replaced — deletes the sheets it created,
 * then drops the undo data. Four round trips: list, read the record, restore, recalculate.
 */
import { restoreInput } from './cell-values';
import { type ExcelApi, UNDO_SHEET, isInternalSheet } from './office-globals';
import { WorkbookActionError } from './office-errors';
import { PayloadBatches } from './payload-batches';
import { decodeUndo } from './undo-record';

export interface UndoResult {
  /** False when there was nothing to undo. */
  undone: boolean;
  description?: string;
  cellsRestored: number;
  sheetsDeleted: string[];
  roundTrips: number;
}

export async function undoLastWrite(excel: ExcelApi, options: { maxPayloadBytes?: number } = {}): Promise<UndoResult> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync(); // 1
    const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const undoSheet = byName.get(UNDO_SHEET.toLowerCase());
    if (!undoSheet) return { undone: false, cellsRestored: 0, sheetsDeleted: [], roundTrips: 1 };

    const stored = undoSheet.getUsedRangeOrNullObject(true);
    stored.load('values');
    await context.sync(); // 2
    const record = stored.isNullObject ? null : decodeUndo(stored.values);
    if (!record) {
      throw new WorkbookActionError('Les données d’annulation du classeur sont illisibles : rien n’a été modifié.');
    }
    const missing = record.areas.map((a) => a.sheet).find((s) => !byName.has(s.toLowerCase()));
    if (missing !== undefined) {
      throw new WorkbookActionError(`La feuille « ${missing} » a été supprimée ou renommée depuis l’écriture : l’annulation est impossible, rien n’a été modifié.`);
    }

    const batches = new PayloadBatches(options.maxPayloadBytes);
    const deleted: string[] = [];
    // Sheets the write created, and the new versions of the sheets it replaced.
    for (const name of [...record.createdSheets, ...record.replacedSheets.map((r) => r.name)]) {
      const ws = byName.get(name.toLowerCase());
      if (!ws) continue; // already deleted by hand
      deleted.push(name);
      batches.add(() => ws.delete());
    }
    // The replaced sheets come back under their name, visibility and position.
    const restored = [...record.replacedSheets].sort((a, b) => a.position - b.position);
    for (const r of restored) {
      const backup = byName.get(r.backup.toLowerCase());
      if (!backup) continue;
      batches.add(() => {
        backup.name = r.name;
        backup.visibility = r.visibility as Excel.SheetVisibility;
        backup.position = r.position;
      });
    }
    let cellsRestored = 0;
    for (const area of record.areas) {
      const formulas = area.formulas.map((line, i) => line.map((f, j) => restoreInput(f, area.values[i]?.[j], area.valueTypes[i]?.[j] ?? 'Unknown')));
      cellsRestored += formulas.reduce((n, line) => n + line.length, 0);
      const ws = byName.get(area.sheet.toLowerCase())!;
      batches.add(() => {
        const range = ws.getRange(area.address);
        range.formulas = formulas;
        range.numberFormat = area.numberFormat as string[][];
      }, [formulas, area.numberFormat]);
    }
    // The undo data goes last: a failure above leaves it in place for another try.
    for (const ws of byName.values()) {
      if (!isInternalSheet(ws.name) || restored.some((r) => r.backup.toLowerCase() === ws.name.toLowerCase())) continue;
      batches.add(() => {
        ws.visibility = 'Hidden'; // Excel refuses to delete a very hidden sheet
        ws.delete();
      });
    }
    let roundTrips = 2 + (await batches.send(context, { suspendCalculation: true }));

    context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
    await context.sync(); // 4
    roundTrips++;
    return { undone: true, description: record.description, cellsRestored, sheetsDeleted: deleted, roundTrips };
  });
}
