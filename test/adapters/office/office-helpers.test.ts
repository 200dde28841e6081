/** The adapter's pure pieces: Office addresses, cell conversions, row runs, the undo record. */
import { isFormula, officeToGridCell, restoreInput, writeInput } from '../../../src/adapters/office/cell-values';
import { evaluateFormula } from '../../../src/adapters/office/fake/formula-eval';
import { parseArea, sheetAddress, splitSheetAddress } from '../../../src/adapters/office/office-address';
import { UNDO_CHUNK_CHARS, decodeUndo, encodeUndo, type UndoRecord } from '../../../src/adapters/office/undo-record';
import { writeRuns } from '../../../src/adapters/office/write-runs';

describe('Office addresses', () => {
  test('sheet names with quotes and "!" survive both ways', () => {
    const name = "Plan d'action! 2024";
    const address = sheetAddress(name, { top: 3, left: 2, bottom: 9, right: 4 });
    expect(address).toBe("'Plan d''action! 2024'!B3:D9");
    expect(splitSheetAddress(address)).toEqual({ sheet: name, area: 'B3:D9' });
    expect(splitSheetAddress('Feuil1!A1')).toEqual({ sheet: 'Feuil1', area: 'A1' });
    expect(parseArea('D9:B3')).toEqual({ top: 3, left: 2, bottom: 9, right: 4 });
    expect(parseArea('A:A')).toBeNull();
  });
});

describe('cell conversions', () => {
  test('Office → grid: errors, formulas, text that looks like a formula, blanks', () => {
    expect(officeToGridCell({ value: '#REF!', formula: '=A1/0', numberFormat: 'General' })).toEqual({ value: null, formula: 'A1/0', error: '#REF!' });
    expect(officeToGridCell({ value: 45657, formula: 45657, numberFormat: 'dd/mm/yyyy' })).toEqual({ value: 45657, numFmt: 'dd/mm/yyyy' });
    expect(officeToGridCell({ value: '', formula: '=IF(A1,"",1)', numberFormat: 'General' })).toEqual({ value: '', formula: 'IF(A1,"",1)' });
    expect(officeToGridCell({ value: '=A1', formula: '=A1', numberFormat: 'General' })).toEqual({ value: '=A1' });
    expect(officeToGridCell({ value: '', formula: '', numberFormat: '0.00' })).toBeUndefined();
    expect(isFormula('=A1', 3)).toBe(true);
  });

  test('grid → Office input: text always quoted, dates as serials, null clears', () => {
    const w = { sheet: 's', row: 1, col: 1, purpose: 'derived' as const };
    expect(writeInput({ ...w, value: '=SUM(A1)' })).toBe("'=SUM(A1)");
    expect(writeInput({ ...w, value: '0123' })).toBe("'0123");
    expect(writeInput({ ...w, formula: 'A1+B1', value: 3 })).toBe('=A1+B1');
    expect(writeInput({ ...w, value: new Date(Date.UTC(2024, 0, 1)) })).toBe(45292);
    expect(writeInput({ ...w, value: null })).toBe('');
    expect(restoreInput('=A1', 4, 'Double')).toBe('=A1');
    expect(restoreInput('=A1', '=A1', 'String')).toBe("'=A1");
    expect(restoreInput('#N/A', '#N/A', 'Error')).toBe('#N/A');
    expect(restoreInput(true, true, 'Boolean')).toBe(true);
  });
});

describe('write runs', () => {
  test('adjacent cells of a row make one run; a later write to a cell wins', () => {
    const runs = writeRuns([
      { sheet: 'S', row: 2, col: 3, value: 1, purpose: 'derived' },
      { sheet: 'S', row: 2, col: 2, value: 2, purpose: 'derived' },
      { sheet: 'S', row: 2, col: 5, value: 3, purpose: 'derived' },
      { sheet: 'S', row: 2, col: 3, value: 4, purpose: 'derived' },
    ]);
    expect(runs.map((r) => [r.area.left, r.area.right, r.cells.map((c) => c.value)])).toEqual([
      [2, 3, [2, 4]],
      [5, 5, [3]],
    ]);
  });
});

describe('undo record', () => {
  test('round-trips through cells under Excel’s 32 767-character limit', () => {
    const record: UndoRecord = {
      version: 1,
      description: 'x',
      writtenAt: '2024-01-01T00:00:00.000Z',
      createdSheets: ['A'],
      replacedSheets: [],
      areas: [{ sheet: 'S', address: 'A1', formulas: [['x'.repeat(70000)]], values: [['y']], valueTypes: [['String']], numberFormat: [['General']] }],
    };
    const chunks = encodeUndo(record);
    expect(chunks.length).toBe(3);
    expect(chunks.every((c) => c.length <= UNDO_CHUNK_CHARS)).toBe(true);
    expect(decodeUndo(chunks.map((c) => [c]))).toEqual(record);
    expect(decodeUndo([['{"version":2}']])).toBeNull();
    expect(decodeUndo([['pas du JSON']])).toBeNull();
  });
});

describe('the fake’s calculator', () => {
  const cells: Record<string, number> = { 'null:1:1': 2, 'null:1:2': 3, 'Plan:5:7': 10 };
  const lookup = (sheet: string | null, row: number, col: number) => cells[`${sheet}:${row}:${col}`] ?? 0;
  test('sums, products, sheet references, HYPERLINK; anything else is not computed', () => {
    expect(evaluateFormula('A1*B1+SUM(A1:B1)', lookup)).toBe(11);
    expect(evaluateFormula("'Plan'!G5-A1", lookup)).toBe(8);
    expect(evaluateFormula('HYPERLINK("#Plan!G5","G5")', lookup)).toBe('G5');
    expect(evaluateFormula('VLOOKUP(A1,B1:C3,2)', lookup)).toBeNull();
    expect(evaluateFormula('A1/0', lookup)).toBeNull();
  });
});
