/// <reference types="office-js" />
/**
 * The merged areas of some sheets, within Excel's limit: getMergedAreasOrNullObject fails when its
 * range holds more than 512 merged areas, and reports only the areas whose top-left cell lies in the
 * range (office-js issue #3611) — so row bands that tile a sheet report each area exactly once.
 * All bands go in one round trip; when Excel refuses it, every band that could hold more than 512
 * areas (more than 1 024 cells) is cut in two and the round trip made again.
 */
import type { CellRange } from '../../layout/grid';
import { MERGED_AREAS_LIMIT } from './excel-limits';
import { areaAddress, parseArea, splitSheetAddress } from './office-address';

interface Band {
  sheet: number;
  area: CellRange;
}

const MAX_ROUNDS = 24;

function halves(b: Band): Band[] {
  const a = b.area;
  if (a.bottom > a.top) {
    const mid = Math.floor((a.top + a.bottom) / 2);
    return [{ sheet: b.sheet, area: { ...a, bottom: mid } }, { sheet: b.sheet, area: { ...a, top: mid + 1 } }];
  }
  const mid = Math.floor((a.left + a.right) / 2);
  return [{ sheet: b.sheet, area: { ...a, right: mid } }, { sheet: b.sheet, area: { ...a, left: mid + 1 } }];
}

/** `areas[i]`: where merges may start in sheet i (its used range), or null for none. */
export async function readMergedAreas(context: Excel.RequestContext, sheets: Excel.Worksheet[], areas: (CellRange | null)[]): Promise<CellRange[][]> {
  let bands: Band[] = areas.flatMap((area, sheet) => (area ? [{ sheet, area }] : []));
  for (let round = 0; ; round++) {
    const loads = bands.map((b) => {
      const merged = sheets[b.sheet].getRange(areaAddress(b.area)).getMergedAreasOrNullObject();
      merged.load('areas/items/address');
      return { band: b, merged };
    });
    try {
      await context.sync(); // sync-per-payload-batch
      const out: CellRange[][] = sheets.map(() => []);
      for (const { band, merged } of loads) {
        if (merged.isNullObject) continue;
        for (const item of merged.areas.items) {
          const r = parseArea(splitSheetAddress(item.address).area);
          if (r) out[band.sheet].push(r);
        }
      }
      return out;
    } catch (e) {
      const cells = (b: Band) => (b.area.bottom - b.area.top + 1) * (b.area.right - b.area.left + 1);
      const splittable = bands.some((b) => cells(b) > 2 * MERGED_AREAS_LIMIT);
      if (!splittable || round >= MAX_ROUNDS) throw e;
      bands = bands.flatMap((b) => (cells(b) > 2 * MERGED_AREAS_LIMIT ? halves(b) : [b]));
    }
  }
}
