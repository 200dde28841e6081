/// <reference types="office-js" />
/**
 * The open workbook → the engine's Grid, within Excel's limits and in few round trips:
 *   1. the sheets (name, id, visibility) and the date system;
 *   2. each sheet's used range, and its merged areas if Excel gives them in one call;
 *   3. for a used range above a million cells (one stray cell at Z300000 makes A1:Z300000), the used
 *      range of each of its bands, so that empty stretches are not read cell by cell;
 *   4. the cells (values, formulas, number formats, value types) in chunks of at most 5 000 000
 *      cells packed into round trips of about 4 MB (range-reader.ts);
 *   5. merged areas in bands of at most 512 when the one call of step 2 was refused.
 * The sample costs 4 round trips; a workbook costs one more per 4 MB of cells.
 */
import type { CellRange, Grid } from '../../layout/grid';
import { readDateSystem } from './date-system';
import { areaAddress, parseArea, splitSheetAddress } from './office-address';
import { WorkbookActionError } from './office-errors';
import { type ExcelApi, isInternalSheet } from './office-globals';
import { officeSheetToGrid } from './office-sheet-to-grid';
import { readMergedAreas } from './merged-areas';
import { type ReadPiece, readRanges } from './range-reader';

export interface ReadOptions {
  budgetBytes?: number;
  onProgress?: (fraction: number, label: string) => void;
}

/** Above this many cells, a used range is first narrowed to the bands that hold something. */
const SPARSE_CHECK_CELLS = 1_000_000;
const BANDS = 16;
const REFINE_ROUNDS = 2;

export async function readWorkbook(excel: ExcelApi, options: ReadOptions = {}): Promise<Grid> {
  const progress = options.onProgress ?? (() => undefined);
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/id,items/visibility');
    const dateSystem = readDateSystem(context);
    await context.sync(); // 1: which sheets there are
    const sheets = worksheets.items.filter((ws) => !isInternalSheet(ws.name));

    // 2: used ranges, and merged areas in one call per sheet when Excel can give them.
    let merges: CellRange[][] | null = null;
    let used: (CellRange | null)[];
    try {
      const step = usedAndMerges(sheets, true);
      await context.sync();
      used = step.used();
      merges = step.merges();
    } catch (e) {
      if (e instanceof WorkbookActionError) throw e; // Excel did not answer: no second try
      // A sheet holds more than 512 merged areas: Excel refused the whole round trip.
      const step = usedAndMerges(sheets, false);
      await context.sync();
      used = step.used();
    }

    // 3: narrow huge used ranges to their bands that hold something.
    let boxes: { sheet: number; area: CellRange }[] = used.flatMap((area, sheet) => (area ? [{ sheet, area }] : []));
    for (let round = 0; round < REFINE_ROUNDS && boxes.some((b) => cells(b.area) > SPARSE_CHECK_CELLS); round++) {
      const probes = boxes.map((b) => {
        if (cells(b.area) <= SPARSE_CHECK_CELLS) return { box: b, bands: null };
        const bands = bandsOf(b.area).map((area) => {
          const r = sheets[b.sheet].getRange(areaAddress(area)).getUsedRangeOrNullObject(true);
          r.load('address');
          return r;
        });
        return { box: b, bands };
      });
      await context.sync(); // sync-per-payload-batch
      boxes = probes.flatMap(({ box, bands }) => (bands === null ? [box] : bands.filter((r) => !r.isNullObject).map((r) => ({ sheet: box.sheet, area: areaOf(r.address) }))));
    }

    // 4: the cells.
    const total = boxes.reduce((n, b) => n + cells(b.area), 0);
    progress(0.1, 'Lecture des cellules');
    const pieces = await readRanges(
      context,
      boxes.map((b) => ({ ws: sheets[b.sheet], area: b.area, tag: b.sheet })),
      ['values', 'formulas', 'numberFormat', 'valueTypes'],
      { budgetBytes: options.budgetBytes, onRound: (done) => progress(0.1 + (0.8 * done) / Math.max(1, total), 'Lecture des cellules') },
    );

    // 5: merged areas, band by band, if step 2 could not have them.
    merges ??= await readMergedAreas(context, sheets, sheets.map((_ws, i) => boundingBox(boxes.filter((b) => b.sheet === i).map((b) => b.area))));

    const date1904 = dateSystem.is1904();
    const bySheet = new Map<number, ReadPiece[]>();
    for (const p of pieces) bySheet.set(p.tag, [...(bySheet.get(p.tag) ?? []), p]);
    progress(1, 'Lecture terminée');
    return {
      sheets: sheets.map((ws, i) =>
        officeSheetToGrid(
          ws.name,
          ws.visibility,
          (bySheet.get(i) ?? []).map((p) => ({ area: p.area, values: p.data.values!, formulas: p.data.formulas!, numberFormat: p.data.numberFormat!, valueTypes: p.data.valueTypes })),
          merges![i],
          date1904,
        ),
      ),
    };
  });
}

function usedAndMerges(sheets: Excel.Worksheet[], withMerges: boolean) {
  const loads = sheets.map((ws) => {
    // valuesOnly: a formatted but empty row 5000 must not blow up the read.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('areas/items/address');
    return { used, merged };
  });
  return {
    used: () => loads.map(({ used }) => (used.isNullObject ? null : areaOf(used.address))),
    merges: () => loads.map(({ merged }) => (!merged || merged.isNullObject ? [] : merged.areas.items.map((a) => areaOf(a.address)))),
  };
}

function areaOf(address: string): CellRange {
  const area = parseArea(splitSheetAddress(address).area);
  if (!area) throw new Error(`adresse de plage illisible : ${address}`);
  return area;
}

const cells = (a: CellRange) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

function bandsOf(a: CellRange): CellRange[] {
  const rows = a.bottom - a.top + 1;
  const step = Math.ceil(rows / BANDS);
  const out: CellRange[] = [];
  for (let top = a.top; top <= a.bottom; top += step) out.push({ ...a, top, bottom: Math.min(a.bottom, top + step - 1) });
  return out;
}

function boundingBox(areas: CellRange[]): CellRange | null {
  if (areas.length === 0) return null;
  return {
    top: Math.min(...areas.map((a) => a.top)),
    left: Math.min(...areas.map((a) => a.left)),
    bottom: Math.max(...areas.map((a) => a.bottom)),
    right: Math.max(...areas.map((a) => a.right)),
  };
}
