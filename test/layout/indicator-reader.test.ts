import { buildSampleGrid, type SampleLayout } from '../../scripts/sample/build-sample';
import { LOCAL_INDICATORS_SHEET, NATIONAL_INDICATORS_SHEET } from '../../scripts/sample/indicators';
import { readIndicatorTables } from '../../src/layout/indicator-reader';
import { achievementRate, type IndicatorRow, type IndicatorTable } from '../../src/domain/indicators';
import Decimal from 'decimal.js';
import { normaliseText } from '../../src/layout/text';

/** What a row says, without where it is. */
function signature(t: IndicatorTable): string[] {
  const n = (v: Decimal | null | undefined) => (v ? v.toString() : '-');
  return t.rows.map((r: IndicatorRow) =>
    [r.axe ?? '?', r.fiche ?? '', normaliseText(r.label).slice(0, 25), n(r.baseline?.value), ...t.years.map((y) => `${n(r.years[y].target?.value)}/${n(r.years[y].result?.value)}`)].join('|'),
  );
}

describe('CLS indicator tables (annexe 1 and annexe 4)', () => {
  const tables = readIndicatorTables(buildSampleGrid());
  const local = tables.find((t) => t.kind === 'cls-local-indicators')!;
  const national = tables.find((t) => t.kind === 'cls-national-indicators')!;

  it('finds both tables in the sample, on their sheets', () => {
    expect(tables).toHaveLength(2);
    expect(local.sheet).toBe(LOCAL_INDICATORS_SHEET);
    expect(national.sheet).toBe(NATIONAL_INDICATORS_SHEET);
    expect(local.years).toEqual([2024, 2025, 2026, 2027]);
  });

  it('reads the 30 local indicators with their action, axe, baseline and targets (extract §2.1)', () => {
    expect(local.rows).toHaveLength(30);
    expect(new Set(local.rows.map((r) => r.fiche)).size).toBe(11);
    const neet = local.rows[0];
    expect(neet).toMatchObject({ fiche: '1.1', axe: '1', label: 'Nombre de jeunes NEET' });
    expect(neet.baseline?.value?.toNumber()).toBe(300);
    expect(neet.years[2024].target?.value?.toNumber()).toBe(600);
    expect(neet.years[2024].result).toMatchObject({ value: null, readable: true });
    const fpel = local.rows.find((r) => r.label === 'Nombre de dossiers FPEL déposés')!;
    expect([2024, 2025, 2026, 2027].map((y) => fpel.years[y].target?.value?.toNumber())).toEqual([600, 700, 700, 700]);
    expect(fpel.axe).toBe('3');
    const mobility = local.rows.filter((r) => r.fiche === '4.2');
    expect(mobility.map((r) => r.axe)).toEqual(['4', '4']);
  });

  it('reads the 15 national indicators, 9 of them with figures (extract §5.1)', () => {
    expect(national.rows).toHaveLength(15);
    expect(national.rows.filter((r) => r.baseline?.value)).toHaveLength(9);
    expect(national.rows.filter((r) => r.years[2024].target?.value)).toHaveLength(9);
    const young = national.rows.find((r) => r.subject === 'Accompagner les jeunes précaires vers l’autonomie')!;
    expect(young.baseline?.value?.toNumber()).toBe(1038);
    expect(young.years[2025].target?.value?.toNumber()).toBe(1730);
    expect(young.axe).toBe('1');
    expect(national.rows.filter((r) => r.axe === '3')).toHaveLength(8);
    expect(national.rows.filter((r) => r.axe === '4')).toHaveLength(3);
  });

  it.each<[string, SampleLayout]>([
    ['shifted', { rowOffset: 5, colOffset: 2 }],
    ['blank rows', { blankRows: true }],
    ['wrapped headers', { wrapHeaders: true }],
    ['no accents', { noAccents: true }],
    ['axe not merged', { mergeAxe: false }],
    ['everything', { rowOffset: 3, colOffset: 2, blankRows: true, wrapHeaders: true, noAccents: true, textAmounts: true }],
  ])('reads the same figures when the layout varies: %s', (_n, layout) => {
    const variant = readIndicatorTables(buildSampleGrid(layout));
    expect(variant.map(signature)).toEqual([local, national].map(signature));
  });

  it('achievement rate is result ÷ target, null without a result or with a zero target', () => {
    const ref = { sheet: 's', row: 1, col: 1, address: 'A1' };
    const v = (n: number | null) => ({ ref, raw: '', value: n === null ? null : new Decimal(n), readable: true });
    expect(achievementRate({ target: v(600), result: v(450) })?.toNumber()).toBe(0.75);
    expect(achievementRate({ target: v(600), result: v(null) })).toBeNull();
    expect(achievementRate({ target: v(0), result: v(3) })).toBeNull();
  });
});
