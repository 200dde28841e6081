import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { parsePeriodText } from '../../src/layout/read-date';
import type { AnnexTable } from '../../src/domain/table';
import { brief, findingsOf, sampleWith } from '../helpers/sample';

const JOURNAL = 'Journal des dépenses';
const journalOf = (grid = buildSampleGrid()) => analyseGrid(grid).workbook.tables.find((t) => t.kind === 'ft-expense-journal') as AnnexTable;
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);

describe('the « Journal des dépenses » reader', () => {
  it('finds the ten columns by their headers and one row per expense', () => {
    const j = journalOf();
    expect(j.columns.map((c) => `${c.key}:${c.col}`)).toEqual([
      'date:1', 'volet:2', 'section:3', 'nature:4', 'object:5', 'unit:6', 'count:7', 'unitCost:8', 'amount:9', 'fiche:10', 'keep:11',
    ]);
    expect(j.missing).toEqual([]);
    expect(j.rows).toHaveLength(10);
    const cip = j.rows[4];
    expect(cip).toMatchObject({ kind: 'detail', row: 6, key: '2.3', group: '2' });
    expect(cip.texts).toMatchObject({ volet: '2', section: "Renforcement de l'accompagnement", nature: 'Rémunération CIP - accompagnement global', unit: 'ETP' });
    expect([cip.amounts.count?.value?.toString(), cip.amounts.unitCost?.value?.toString(), cip.amounts.amount?.value?.toString()]).toEqual(['12', '46000', '552000']);
    expect([day(cip.date?.start), day(cip.date?.end)]).toEqual(['2024-01-01', '2024-12-31']); // « janvier à décembre 2024 »
    expect(day(j.rows[9].date?.start)).toBe('2025-01-20');
  });

  it('reads the same journal in every layout variant (offsets, wrapped headers, text amounts, no accents)', () => {
    const layout = { rowOffset: 3, colOffset: 2, blankRows: true, wrapHeaders: true, noAccents: true, textAmounts: true };
    const j = journalOf(buildSampleGrid(layout));
    const base = journalOf();
    const summary = (t: AnnexTable) => t.rows.map((r) => [r.texts?.volet, r.amounts.amount?.value?.toString(), day(r.date?.start)].join(' '));
    expect(summary(j)).toEqual(summary(base));
  });

  it('reads only a sheet named « Journal… », and says when such a sheet holds no journal', () => {
    const grid = buildSampleGrid();
    const sheet = grid.sheets.find((s) => s.name === JOURNAL)!;
    sheet.name = 'Dépenses 2024';
    expect(journalOf(grid)).toBeUndefined();
    const empty = sampleWith({ [JOURNAL]: { A1: null, B1: null, I1: null } });
    expect(brief(findingsOf(empty, 'STRUCT-SHEET'))).toContain(`${JOURNAL}! warning`);
  });
});

describe('dates and periods of an expense', () => {
  it.each([
    ['15/03/2024', '2024-03-15', '2024-03-15'],
    ['du 01/03/2024 au 31/08/2024', '2024-03-01', '2024-08-31'],
    ['2024-05-02', '2024-05-02', '2024-05-02'],
    ['03/2024', '2024-03-01', '2024-03-31'],
    ['mars à juin 2024', '2024-03-01', '2024-06-30'],
    ['2024', '2024-01-01', '2024-12-31'],
    ['Année 2024', '2024-01-01', '2024-12-31'],
  ])('%s → %s … %s', (text, start, end) => {
    const p = parsePeriodText(text);
    expect([day(p?.start), day(p?.end)]).toEqual([start, end]);
  });

  it.each(['31/02/2024', 'bientôt', 'fin d’année', '13/2024'])('%s is unreadable', (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });
});
