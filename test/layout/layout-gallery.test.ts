/**
 * The layout gallery (test/fixtures/layout-gallery.ts): every way of laying out the sample gives
 * the canonical findings, and a fault planted inside the layout is found as in the canonical
 * layout — on the sample as printed (with the seed's defects) and on the clean sample, where the
 * only finding must be the fault's.
 */
import fc from 'fast-check';
import type { SampleLayout } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { FAULTS, GALLERY, type Fault, added, galleryBuild, signature } from '../fixtures/layout-gallery';

type Base = 'seed' | 'clean';
const canonicalOf = new Map<string, string[]>();
function canonical(base: Base, fault?: Fault): string[] {
  const key = `${base}|${fault?.name ?? ''}`;
  let s = canonicalOf.get(key);
  if (!s) {
    s = signature(analyseGrid(galleryBuild({}, fault, base).grid).findings);
    canonicalOf.set(key, s);
  }
  return s;
}
const canonicalKinds = analyseGrid(galleryBuild({}).grid).workbook.tables.map((t) => t.kind).sort();
const errorsAndWarnings = (sig: string[]) => sig.filter((x) => !x.split('|')[1].startsWith('info'));

describe.each(['seed', 'clean'] as Base[])('layout gallery (%s sample)', (base) => {
  it('the clean sample gives no error and no warning; the seed sample its defects', () => {
    if (base === 'clean') expect(errorsAndWarnings(canonical(base))).toEqual([]);
    else expect(canonical(base).length).toBeGreaterThan(40);
  });

  it.each(GALLERY.map((g) => [g.name, g] as const))('same findings: %s', (_name, g) => {
    const a = analyseGrid(galleryBuild(g.layout, undefined, base).grid);
    expect(signature(a.findings)).toEqual(canonical(base));
    expect(a.workbook.tables.map((t) => t.kind).sort()).toEqual(canonicalKinds);
  });

  it.each(GALLERY.map((g) => [`${g.name} — ${g.fault.name}`, g] as const))('fault found: %s', (_name, g) => {
    const expected = canonical(base, g.fault);
    // The fault shows in the canonical layout…
    expect(added(canonical(base), expected).some((x) => x.startsWith(`${g.fault.rule}|`))).toBe(true);
    // …and exactly so in this one.
    expect(signature(analyseGrid(galleryBuild(g.layout, g.fault, base).grid).findings)).toEqual(expected);
  });
});

describe('layout gallery: categories drawn together at random only move addresses', () => {
  const layout: fc.Arbitrary<SampleLayout> = fc.record(
    {
      rowOffset: fc.nat({ max: 12 }),
      colOffset: fc.nat({ max: 5 }),
      blankRows: fc.boolean(),
      headerRows: fc.constantFrom(1 as const, 2 as const, 3 as const),
      letters: fc.constantFrom('above' as const, 'below' as const, 'inside' as const, 'none' as const),
      noAccents: fc.boolean(),
      textAmounts: fc.boolean(),
      mergeAxe: fc.boolean(),
      sheetSuffix: fc.constantFrom('', ' 2024', ' (2)'),
      renameFtSheet: fc.constantFrom('Construction du plan de finance', 'Plan de financement FT', 'Feuil2'),
      hiddenLines: fc.boolean(),
      ficheStyle: fc.constantFrom('text' as const, 'comma' as const, 'fa' as const, 'action' as const, 'number' as const),
      totalLabels: fc.constantFrom('seed' as const, 'hyphen' as const, 'axe' as const, 'general' as const, 'totalAxe' as const),
      chorusCodes: fc.boolean(),
      footnotes: fc.boolean(),
      mergePlafond: fc.boolean(),
      halfHeader: fc.boolean(),
      noteRow: fc.boolean(),
      sideBySide: fc.boolean(),
      sideBySideLabels: fc.constantFrom('own' as const, 'shared' as const),
      sideBySideGap: fc.constantFrom(0, 1, 2),
    },
    { requiredKeys: [] },
  );
  const faults = Object.values(FAULTS) as Fault[];

  it('without a fault: the canonical findings', () => {
    fc.assert(
      fc.property(layout, fc.constantFrom<Base>('seed', 'clean'), (l, base) => {
        expect(signature(analyseGrid(galleryBuild(l, undefined, base).grid).findings)).toEqual(canonical(base));
      }),
      { numRuns: 60 },
    );
  });

  it('with a fault: the canonical findings with that fault', () => {
    fc.assert(
      fc.property(layout, fc.constantFrom(...faults), fc.constantFrom<Base>('seed', 'clean'), (l, fault, base) => {
        expect(signature(analyseGrid(galleryBuild(l, fault, base).grid).findings)).toEqual(canonical(base, fault));
      }),
      { numRuns: 60 },
    );
  });
});
