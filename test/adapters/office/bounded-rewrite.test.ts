/**
 * Writes and undos held to Excel's limits where the fake used to be kinder than Excel:
 * - a round trip refused as too large answers none of its loads, so the loads an action queues
 *   alongside its first read must come back with the read's next round trip;
 * - a tool-owned sheet rewritten in place may be larger than one answer (5 MB) and hold more merged
 *   areas than one request may list (512): it is saved, emptied and given back in bounded pieces.
 */
import { applyWrites } from '../../../src/adapters/office/apply-writes';
import { createFakeOfficeHost } from '../../../src/adapters/office/fake';
import type { FakeOfficeHost } from '../../../src/adapters/office/fake';
import { undoLastWrite } from '../../../src/adapters/office/undo-last-write';
import { type Grid, type GridSheet, getCell, newSheet, setCell } from '../../../src/layout/grid';
import type { WritePlan } from '../../../src/layout/write-plan';
import { cloneGrid } from './office-view';

const EXCEL_LIMIT = 5 * 1024 * 1024;

/** A sheet of `rows` lines: long labels, amounts with a number format, a formula per line. */
function journal(name: string, rows: number, labelChars: number): GridSheet {
  const s = newSheet(name);
  for (let r = 1; r <= rows; r++) {
    setCell(s, r, 1, { value: `Ligne ${r} `.padEnd(labelChars, 'x') });
    setCell(s, r, 2, { value: `Bénéficiaire ${r} `.padEnd(labelChars, 'y') });
    setCell(s, r, 3, { value: r * 10.25, numFmt: '#,##0.00 "€"' });
    setCell(s, r, 4, { value: r * 20.5, formula: `C${r}*2`, numFmt: '0.00' });
  }
  return s;
}

function overLimits(host: FakeOfficeHost): number {
  return host.excel.syncs.filter((s) => s.requestBytes > host.excel.maxPayloadBytes || s.responseBytes > host.excel.maxResponseBytes).length;
}

describe('loads queued alongside a read that Excel refuses as too large', () => {
  const ROWS = 1500;

  function book(): Grid {
    const controls = newSheet('Contrôles');
    setCell(controls, 1, 1, { value: 'Contrôles de la convention' });
    controls.merges.push({ top: 1, left: 1, bottom: 1, right: 4 });
    return { sheets: [journal('Journal', ROWS, 80), controls] };
  }

  /** The label of each line of the journal (one read area each) and the Contrôles sheet rewritten. */
  function plan(tag: string): WritePlan {
    return {
      description: `Annotation ${tag}`,
      createSheets: [{ name: 'Contrôles', replace: true, frozenRows: 1 }],
      writes: [
        ...Array.from({ length: ROWS }, (_x, i) => ({ sheet: 'Journal', row: i + 1, col: 1, value: `vu ${tag} ${i + 1}`, purpose: 'derived' as const })),
        { sheet: 'Contrôles', row: 1, col: 1, value: `Contrôles ${tag}`, purpose: 'control' },
      ],
    };
  }

  test('two writes and two undos with answers refused on the way: every load comes back, the workbook equals the start', async () => {
    const host = createFakeOfficeHost(book());
    // Protected, its labels left unlocked: the write and the undo load protection and lock states too.
    host.excel.user.setLocked('Journal', `A1:A${ROWS}`, false);
    host.excel.user.protect('Journal');
    const start = cloneGrid(host.excel.model.grid);
    // A host stricter than our estimate: the first answer of each read is refused.
    host.excel.maxResponseBytes = 120 * 1024;
    await applyWrites(host.globals.excel, plan('A'));
    const refusedByWrite = overLimits(host);
    expect(refusedByWrite).toBeGreaterThan(0);
    await applyWrites(host.globals.excel, plan('B'));
    expect(getCell(host.excel.model.find('Journal')!, ROWS, 1)).toMatchObject({ value: `vu B ${ROWS}` });
    expect(getCell(host.excel.model.find('Contrôles')!, 1, 1)).toMatchObject({ value: 'Contrôles B' });

    const beforeUndo = overLimits(host);
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
    expect(overLimits(host)).toBeGreaterThan(beforeUndo); // the undo's first read was refused too
    expect(getCell(host.excel.model.find('Journal')!, ROWS, 1)).toMatchObject({ value: `vu A ${ROWS}` });
    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
    expect(host.excel.model.grid).toEqual(start);
  });
});

describe('a tool-owned sheet larger than Excel lets one request carry', () => {
  const ROWS = 9000;
  const MERGES = 700;

  /** « Rapport »: more than 5 MB of cells, one merged title per line over its first 700 lines. */
  function book(): Grid {
    const report = journal('Rapport', ROWS, 340);
    for (let r = 1; r <= MERGES; r++) {
      setCell(report, r, 6, { value: `Observation ${r}` });
      report.merges.push({ top: r, left: 6, bottom: r, right: 8 });
    }
    return { sheets: [newSheet('Synthèse'), report] };
  }

  test('rewritten and undone: every request and answer under 5 MB, the sheet given back exactly', async () => {
    const host = createFakeOfficeHost(book());
    const start = cloneGrid(host.excel.model.grid);
    const report = host.excel.model.find('Rapport')!;
    const text = [...report.rows.values()].reduce((n, cols) => n + [...cols.values()].reduce((m, c) => m + JSON.stringify(c.value).length, 0), 0);
    expect(text).toBeGreaterThan(EXCEL_LIMIT);

    const plan: WritePlan = {
      description: 'Rapport réécrit',
      createSheets: [{ name: 'Rapport', replace: true, merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] }],
      writes: [
        { sheet: 'Rapport', row: 1, col: 1, value: 'Rapport à mi-parcours', purpose: 'template' },
        { sheet: 'Rapport', row: 3, col: 2, value: 1250.5, numFmt: '#,##0.00', purpose: 'template' },
      ],
    };
    await applyWrites(host.globals.excel, plan);
    const rewritten = host.excel.model.find('Rapport')!;
    expect(host.excel.model.sheetId(rewritten)).toBe(host.excel.model.sheetId(report));
    expect([...rewritten.rows.values()].reduce((n, cols) => n + cols.size, 0)).toBe(2);
    expect(rewritten.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(getCell(rewritten, 3, 2)).toEqual({ value: 1250.5, numFmt: '#,##0.00' });
    expect(getCell(rewritten, ROWS, 3)).toBeUndefined();

    expect((await undoLastWrite(host.globals.excel)).undone).toBe(true);
    expect(host.excel.model.grid).toEqual(start);
    expect(host.excel.model.find('Rapport')!.merges).toHaveLength(MERGES);
    expect(overLimits(host)).toBe(0);
    expect(Math.max(...host.excel.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(EXCEL_LIMIT);
    expect(Math.max(...host.excel.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(EXCEL_LIMIT);
  });
});
