/** The adapter's pure pieces: Office addresses, cell conversions, row runs, the undo record. */
import { isDateFormat, isFormula, officeToGridCell, restoreInput, writeInput } from '../../../src/adapters/office/cell-values';
import { evaluateFormula } from '../../../src/adapters/office/fake/formula-eval';
import { parseArea, sheetAddress, splitSheetAddress } from '../../../src/adapters/office/office-address';
import { UNDO_CHUNK_CHARS, decodeIndex, decodeRecord, encodeChunks, type UndoRecord } from '../../../src/adapters/office/undo-record';
import { cellKey, changedCells, inputKey } from '../../../src/adapters/office/write-guards';
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
    // With valueTypes, an error is an error and a text "#REF!" is text.
    expect(officeToGridCell({ value: '#N/A', formula: '=NA()', numberFormat: 'General', valueType: 'Error' })).toEqual({ value: null, formula: 'NA()', error: '#N/A' });
    expect(officeToGridCell({ value: '#REF!', formula: '#REF!', numberFormat: 'General', valueType: 'String' })).toEqual({ value: '#REF!' });
    // A 1904 workbook: a date-formatted serial is moved onto the 1900 count; other numbers are not.
    expect(officeToGridCell({ value: 44195, formula: 44195, numberFormat: 'dd/mm/yyyy', valueType: 'Double' }, true)).toEqual({ value: 45657, numFmt: 'dd/mm/yyyy' });
    expect(officeToGridCell({ value: 44195, formula: 44195, numberFormat: '#,##0', valueType: 'Double' }, true)).toEqual({ value: 44195, numFmt: '#,##0' });
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
  test('round-trips through cells under Excel’s 32 767-character limit; anything else reads as absent', () => {
    const record: UndoRecord = {
      version: 2,
      id: 1,
      description: 'x',
      writtenAt: '2024-01-01T00:00:00.000Z',
      plannedCells: {},
      areas: [{ sheetId: '{1}', sheet: 'S', before: { address: 'A1', formulas: [['x'.repeat(70000)]], values: [['y']], valueTypes: [['String']], numberFormat: [['General']] }, written: [[1]] }],
      guards: [],
      rewritten: [],
      created: [{ name: 'A' }],
      chartsAdded: [],
      visibleSheetIds: [],
    };
    const chunks = encodeChunks(record);
    expect(chunks.length).toBe(3);
    expect(chunks.every((c) => c.length <= UNDO_CHUNK_CHARS)).toBe(true);
    expect(decodeRecord(chunks.map((c) => [c]))).toEqual(record);
    expect(decodeRecord([['{"version":1,"areas":[]}']])).toBeNull();
    expect(decodeRecord([['pas du JSON']])).toBeNull();
    expect(decodeIndex('')).toEqual({ version: 2, nextId: 1, entries: [], charts: {} });
    expect(decodeIndex('{"version":1}')).toBe('legacy');
  });
});

describe('cells compared before an undo', () => {
  test('an input written and the cell read back give the same key; text that looks like a formula stays text', () => {
    expect(inputKey("'=HYPERLINK(\"x\")")).toBe(cellKey('=HYPERLINK("x")', '=HYPERLINK("x")'));
    expect(inputKey('=sum( a1 , b1 )')).toBe(cellKey('=SUM(A1,B1)', 3));
    expect(inputKey('=A1&" a b"')).not.toBe(cellKey('=A1&"ab"', 'x'));
    expect(inputKey(45657)).toBe(cellKey(45657, 45657));
    expect(inputKey('')).toBe(cellKey('', ''));
    expect(changedCells({ top: 5, left: 2 }, [['n:1', 'n:2', 'n:9']], [['n:1', '', '']], [['', 'n:2', 'n:3']])).toEqual(['D5']);
  });

  test('date formats, for 1904 workbooks', () => {
    expect(['dd/mm/yyyy', '[$-40C]d mmmm yyyy', 'hh:mm'].map(isDateFormat)).toEqual([true, true, true]);
    expect(['0%', '#,##0.00 "€"', 'General', '@'].map(isDateFormat)).toEqual([false, false, false, false]);
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
