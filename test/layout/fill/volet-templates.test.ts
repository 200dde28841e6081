import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { analyseGrid } from '../../../src/layout/analyse';
import { applyPlanToGrid, planControlsSheet, planVoletTemplates } from '../../../src/layout/fill';
import { type Grid, type GridSheet, getCell } from '../../../src/layout/grid';
import { sampleWith } from '../../helpers/sample';

const JOURNAL = 'Journal des dépenses';

function filled(grid: Grid) {
  const plan = planVoletTemplates(grid, analyseGrid(grid));
  return { plan, grid: applyPlanToGrid(grid, plan) };
}

/** Column A of every row, with Montant (G) and planned (H) when present: the statement as read. */
function outline(sheet: GridSheet): string[] {
  return [...sheet.rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const g = getCell(sheet, r, 7);
      const h = getCell(sheet, r, 8);
      const amount = (c: typeof g) => (c && typeof c.value === 'number' ? ` ${c.formula ? `=${c.formula} ` : ''}${c.value}` : '');
      return `${r} ${String(getCell(sheet, r, 1)?.value ?? '')}${amount(g)}${h && typeof h.value === 'number' ? ` | prévu${amount(h)}` : ''}`;
    });
}

describe('planVoletTemplates on the sample', () => {
  const { plan, grid } = filled(buildSampleGrid());
  const sheet = (n: number) => grid.sheets.find((s) => s.name === `Etat des dépenses VOLET ${n}`) as GridSheet;

  it('creates the three statements, tool-owned (replaced at each fill), names within 31 characters', () => {
    expect(plan.createSheets.map((s) => [s.name, s.replace])).toEqual([
      ['Etat des dépenses VOLET 1', true],
      ['Etat des dépenses VOLET 2', true],
      ['Etat des dépenses VOLET 3', true],
    ]);
    expect(plan.writes.every((w) => w.purpose === 'template')).toBe(true);
    expect(plan.description).toBe('États des dépenses des volets 1, 2 et 3 : 10 dépenses du journal, 7 lignes du plan de financement.');
  });

  it('volet 1: the seed’s sections, the journal’s expenses as Nombre × coût unitaire, the plan’s lines, totals', () => {
    expect(outline(sheet(1))).toEqual([
      "1 Etat des dépenses contractualisation pour l'insertion et l'emploi 2024",
      '2 VOLET 1',
      expect.stringMatching(/^3 Feuille établie par « annexes fill »/),
      '5 Dépenses relatives au renforcement des équipes locales CD/PE',
      '6 Dépenses relatives au renforcement des équipes locales CD',
      '7 Nature de la dépense',
      '8 Rémunération chef de projet =C8*D8 51000',
      '9 Rémunération chargée de déploiement =C9*D9 48000',
      '10 Frais de déplacement =C10*D10 810',
      "11 Prévu au plan de financement : Ingénierie (chefferie de projet) | prévu ='Construction du plan de finance'!G5 100000",
      '12 TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES =SUM(G8:G10) 99810 | prévu =SUM(H11) 100000',
      '14 Dépenses relatives au développement SI',
      '15 Nature de la dépense',
      "16 Paramétrage SI en vue de l'interconnexion =C16*D16 30000",
      "17 Prévu au plan de financement : Paramétrage SI en vue de l'interconnexion | prévu ='Construction du plan de finance'!G8 35000",
      '18 TOTAL DEPENSES RELATIVES AU DEVELOPPEMENT SI =SUM(G16) 30000 | prévu =SUM(H17) 35000',
      '20 TOTAL DEPENSES AU TITRE DU VOLET 1 =G12+G18 129810 | prévu =H12+H18 135000',
    ]);
    expect(getCell(sheet(1), 7, 7)?.value).toBe('Montant');
    expect(getCell(sheet(1), 7, 8)?.value).toBe('Montant prévu au plan de financement (part État)');
    // Copied from the journal as typed: date cell, unit, nombre, coût unitaire, fiche action.
    expect([2, 3, 4, 5, 9].map((c) => getCell(sheet(1), 10, c)?.value)).toEqual(['trajets', 18, 45, new Date('2024-06-12T00:00:00Z'), '2.1']);
    expect(getCell(sheet(1), 10, 5)?.numFmt).toBe('dd/mm/yyyy');
  });

  it('volet 2 totals 3 011 346 € spent against 4 125 892 € planned; volet 3, with no data, keeps its structure', () => {
    const total = (n: number) => outline(sheet(n)).find((l) => l.includes(`TOTAL DEPENSES AU TITRE DU VOLET ${n}`));
    expect(total(2)).toBe('38 TOTAL DEPENSES AU TITRE DU VOLET 2 =G11+G19+G26+G31+G36 3011346 | prévu =H11+H19+H26 4125892');
    const v3 = outline(sheet(3)).map((l) => l.replace(/^\d+ /, ''));
    expect(v3).toEqual(expect.arrayContaining([
      'Dépenses relatives au renforcement des équipes locales PE (le cas échéant)',
      'TOTAL DEPENSES RENFORCEMENT DES SOLUTIONS LOCALES =SUM(G16) 0',
      'TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES =SUM(G8,G11) 0',
    ]));
    expect(v3[v3.length - 1]).toMatch(/^TOTAL DEPENSES AU TITRE DU VOLET 3 =G\d+\+G\d+\+G\d+ 0$/);
  });

  it('an expense whose section the volet does not have is kept apart, « à reclasser », and counted', () => {
    const { grid: g } = filled(sampleWith({ [JOURNAL]: { C3: 'Levée des freins sociaux' } })); // a volet 1 line
    const lines = outline(g.sheets.find((s) => s.name === 'Etat des dépenses VOLET 1')!).map((l) => l.replace(/^\d+ /, ''));
    expect(lines).toContain('Autres dépenses du volet (section non reconnue : à reclasser)');
    expect(lines).toContain('TOTAL AUTRES DEPENSES =SUM(G21) 48000');
    expect(lines[lines.length - 1]).toBe('TOTAL DEPENSES AU TITRE DU VOLET 1 =G11+G17+G22 129810 | prévu =H11+H17 135000');
  });
});

describe('planControlsSheet', () => {
  it('one row per finding, severity in French, the cell as a HYPERLINK to it', () => {
    const a = analyseGrid(buildSampleGrid());
    const { writes, createSheets, description } = planControlsSheet(a);
    expect(createSheets).toEqual([expect.objectContaining({ name: 'Contrôles', replace: true, frozenRows: 4 })]);
    const delta = writes.find((w) => w.value === 'PLAN-DELTA')!;
    const row = writes.filter((w) => w.row === delta.row);
    expect(row.map((w) => w.formula ?? w.value)).toEqual([
      'ERREUR',
      'PLAN-DELTA',
      'Construction du plan de finance',
      `HYPERLINK("#'Construction du plan de finance'!F18","F18")`,
      expect.stringContaining('3030 places'),
      'FT annexe 2',
      '330',
      '3030',
    ]);
    expect(description).toMatch(/^Feuille « Contrôles » : \d+ erreurs, 2 avertissements, 1 information\.$/);
    expect(writes.filter((w) => w.col === 2 && w.row > 4)).toHaveLength(a.findings.length);
  });
});
