/**
 * The JSON report written piece by piece (format-json.ts) is, byte for byte, what JSON.stringify
 * writes of the whole report: with and without files, conventions and actions, and whatever text a
 * workbook puts in a label (line breaks, quotes, U+0000, the formatter's own marker).
 */
import Decimal from 'decimal.js';
import { formatJson, formatJsonChunks } from '../../src/cli/format-json';
import type { FileResult } from '../../src/cli/check-file';
import { type PlainConvention, plainAction } from '../../src/cli/convention-json';

const counts = { error: 1, warning: 0, info: 0 };
const figures = (n: number) => [...Array(4 * 8).fill(`${n}.00`), ...Array(8).fill(`${4 * n}.00`), '12.50', ''].join(',');

function convention(labels: string[]): PlainConvention {
  const totals = { notified: '1.00', cdAllocated: '2.00', paid: '0.00', stateSpent: '0.00', stateUnspent: '0.00', cdSpent: '0.00', carryOverState: '0.00', carryOverCd: '0.00', stateRate: null, cdRate: '5.00' };
  const years = [2024, 2025, 2026, 2027].map((year) => ({ year, notified: '1.00', cdAllocated: null, paid: null, stateSpent: null, stateUnspent: null, cdSpent: null, carryOverState: null, carryOverCd: null }));
  return {
    period: [2024, 2025, 2026, 2027],
    sources: [{ year: 2024, planned: 'Prévisionnel 2024', executed: null }],
    expected: { years: [{ year: 2024, amount: '3342548.00', source: 'notifié' }], total: null },
    years,
    totals,
    axes: [{ axe: '1', years, totals }],
    actions: { keys: labels.map((_, i) => `1.${i + 1}`), labels, axes: labels.map(() => '1'), figures: labels.map((_, i) => figures(i)) },
  };
}

function file(name: string, c?: PlainConvention): FileResult {
  return {
    file: name,
    status: 'ok',
    message: '1 erreur',
    department: 'Pas-de-Calais',
    counts,
    findings: [{ rule: 'CALC-ROW', severity: 'error', sheet: 'Feuille "1"', cell: 'G4', message: 'texte\navec « guillemets » et \u0000actions\u0000', article: 'CLS annexe 3' }],
    ...(c ? { convention: c } : {}),
  } as FileResult;
}

/** The report as one JSON.stringify, each action expanded: the text the pieces must add up to. */
function whole(results: FileResult[], options = {}): string {
  const expanded = results.map((r) => {
    const { summary: _summary, convention: c, ...rest } = r;
    void _summary;
    return { ...rest, ...(c ? { convention: { ...c, actions: c.actions.keys.map((_, i) => plainAction(c, i)) } } : {}) };
  });
  return `${JSON.stringify({ files: expanded.map(({ file: f, status, message, department, counts: n, findings, ...more }) => ({ file: f, status, message, ...(department ? { department } : {}), counts: n, findings, ...more })), options }, null, 2)}\n`;
}

describe('the JSON report, piece by piece', () => {
  it.each([
    ['no file', []],
    ['a file without convention', [file('a.xlsx')]],
    ['a convention without action', [file('a.xlsx', convention([]))]],
    ['actions whose labels hold line breaks, quotes, U+0000 and the marker', [file('a.xlsx', convention(['Accueil\nde proximité', 'Le "parcours"', '\u0000actions\u0000', '']))]],
    ['several files, one unreadable', [file('a.xlsx', convention(['x'])), { file: 'b.xlsx', status: 'unreadable', message: 'illisible', findings: [], counts: { error: 0, warning: 0, info: 0 } } as FileResult, file('c.xlsx', convention(['y', 'z']))]],
  ])('%s', (_, results) => {
    expect(formatJson(results as FileResult[], {})).toBe(whole(results as FileResult[]));
  });

  it('with options, and thousands of actions in pieces of bounded size', () => {
    const many = convention(Array.from({ length: 5000 }, (_, i) => `Action ${i}`));
    const options = { underspendThreshold: new Decimal('0.2'), fseAsCd: true };
    const pieces = [...formatJsonChunks([file('a.xlsx', many)], options)];
    expect(pieces.join('')).toBe(whole([file('a.xlsx', many)], { fseAsCd: true, underspendThreshold: '0.2' }));
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(300 * 1024);
  });
});
