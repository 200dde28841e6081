import { buildSampleGrid } from '../../../scripts/sample/build-sample';
import { analyseGrid } from '../../../src/layout/analyse';
import { applyPlanToGrid, planControlsSheet, planVoletTemplates } from '../../../src/layout/fill';
import { type Grid, type GridSheet, getCell } from '../../../src/layout/grid';
import { PARAMS, findingsOf, sampleWith } from '../../helpers/sample';
import { VOLET_HEADERS } from '../../../src/layout/fill/volet-templates';

const JOURNAL = 'Journal des dépenses';

function filled(grid: Grid) {
  const plan = planVoletTemplates(grid, analyseGrid(grid));
  return { plan, grid: applyPlanToGrid(grid, plan) };
}

/** Column A of every row, with Montant (G) and Observations (I) when present: the statement as read. */
function outline(sheet: GridSheet): string[] {
  return [...sheet.rows.keys()]
    .sort((a, b) => a - b)
    .filter((r) => getCell(sheet, r, 1) !== undefined || getCell(sheet, r, 7) !== undefined)
    .map((r) => {
      const g = getCell(sheet, r, 7);
      const notes = getCell(sheet, r, 9)?.value;
      const amount = g && typeof g.value === 'number' ? ` ${g.formula ? `=${g.formula} ` : ''}${g.value}` : '';
      return `${r} ${String(getCell(sheet, r, 1)?.value ?? '')}${amount}${notes && r > 3 ? ` | ${String(notes)}` : ''}`;
    });
}

const BILAN = 'Bilan financier FT';
/** The bilan's « label → total column » figures. */
function bilanFigures(grid: Grid): Record<string, unknown> {
  const sheet = grid.sheets.find((s) => s.name === BILAN) as GridSheet;
  const out: Record<string, unknown> = {};
  for (const r of sheet.rows.keys()) {
    const label = getCell(sheet, r, 1)?.value;
    const total = getCell(sheet, r, 5);
    if (typeof label === 'string' && total) out[label] = total.value;
  }
  return out;
}

describe('planVoletTemplates on the sample', () => {
  const { plan, grid } = filled(buildSampleGrid());
  const sheet = (n: number) => grid.sheets.find((s) => s.name === `Etat des dépenses VOLET ${n}`) as GridSheet;

  it('creates the three statements and the bilan, tool-owned (replaced at each fill), names within 31 characters', () => {
    expect(plan.createSheets.map((s) => [s.name, s.replace])).toEqual([
      ['Etat des dépenses VOLET 1', true],
      ['Etat des dépenses VOLET 2', true],
      ['Etat des dépenses VOLET 3', true],
      [BILAN, true],
    ]);
    expect(plan.writes.every((w) => w.purpose === 'template')).toBe(true);
    expect(plan.description).toBe('États des dépenses des volets 1, 2 et 3 et bilan financier France Travail : 10 dépenses du journal, 2 écartées (inéligible ou hors période).');
  });

  it('prints on A4 like the model: statements landscape, title repeated, the bilan portrait; every sheet styled', () => {
    const [v1, , , bilan] = plan.createSheets;
    expect(v1.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 1, last: 2 } });
    // The on-screen note (column K) is outside the printed area.
    expect(v1.print?.printArea).toMatchObject({ left: 1, right: 9 });
    expect(getCell(sheet(1), 1, 11)?.value).toMatch(/^Feuille établie par « annexes fill »/);
    expect(bilan.print).toMatchObject({ orientation: 'portrait', rowBreaks: [] });
    const styles = (name: string) => new Set((plan.styles ?? []).filter((x) => x.sheet === name).map((x) => x.style));
    expect([...styles('Etat des dépenses VOLET 1')].sort()).toEqual(['box', 'cell', 'centre', 'excluded', 'group', 'header', 'label', 'note', 'section', 'subtitle', 'subtotal', 'title', 'total', 'wrap']);
    // Wrapped texts have the height they need: the header row holds « Unité (si pertinent) » on two lines.
    expect(v1.rowHeights?.[7]).toBeGreaterThan(15);
  });

  it('volet 1: sections, the « Postes d’ingénierie » group line with its subtotal above its lines, totals without the ineligible expense', () => {
    expect(outline(sheet(1))).toEqual([
      "1 Etat des dépenses contractualisation pour l'insertion et l'emploi 2024",
      '2 VOLET 1 — Département : Pas-de-Calais',
      '3 Convention départementale pour l’insertion et l’emploi — période du 01/01/2024 au 31/12/2024. État des dépenses du bilan financier final (annexe 3, art. 3.2).',
      '5 Dépenses relatives au renforcement des équipes locales CD/PE',
      '6 Dépenses relatives au renforcement des équipes locales CD',
      '7 Nature de la dépense | Observations',
      "8 Postes d'ingénierie =SUM(G9:G10) 99000",
      '9 Rémunération chef de projet =C9*D9 51000',
      '10 Rémunération chargée de déploiement =C10*D10 48000',
      '11 TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES =SUM(G9:G10) 99000',
      '13 Dépenses relatives au développement SI',
      '14 Nature de la dépense | Observations',
      "15 Paramétrage SI en vue de l'interconnexion =C15*D15 30000",
      '16 TOTAL DEPENSES RELATIVES AU DEVELOPPEMENT SI =SUM(G15) 30000',
      '18 TOTAL DEPENSES AU TITRE DU VOLET 1 =G11+G16 129000',
      '20 Dépenses écartées du bilan (non comprises dans les totaux)',
      '21 Ces dépenses ne sont pas éligibles au financement de l’État ou sont hors de la période de la convention. Pour en maintenir une, indiquer le motif dans la colonne « Maintenue au bilan (motif) » du journal des dépenses.',
      '22 Nature de la dépense | Motif de l’exclusion',
      '23 Frais de déplacement =C23*D23 810 | Écartée : frais de mission (FT art. 4.2).',
      '24 TOTAL DES DEPENSES ECARTEES (hors total du volet) =SUM(G23) 810',
      '27 Certifié exact le présent état des dépenses du volet 1.',
      '29 Fait à …………………………',
      '30 le …………………………',
      '31 Nom et prénom : …………………………',
      '32 Qualité : …………………………',
    ]);
    expect(VOLET_HEADERS.map((_, i) => getCell(sheet(1), 7, i + 1)?.value)).toEqual(VOLET_HEADERS);
    // Copied from the journal as typed: unit, nombre, coût unitaire, date cell, fiche action.
    expect([2, 3, 4, 5, 8].map((c) => getCell(sheet(1), 23, c)?.value)).toEqual(['trajets', 18, 45, new Date('2024-06-12T00:00:00Z'), '2.1']);
    expect(getCell(sheet(1), 23, 5)?.numFmt).toBe('dd/mm/yyyy');
  });

  it('volet 2: the accompagnement groups, 3 005 600 € without the invoice of 2025; volet 3, with no data, keeps the model’s structure', () => {
    const lines = outline(sheet(2)).map((l) => l.replace(/^\d+ /, ''));
    expect(lines).toEqual(expect.arrayContaining([
      "Postes d'accompagnement =SUM(G8) 552000",
      "Solutions d'accompagnement complémentaires =SUM(G10) 792000",
      "TOTAL DEPENSES RELATIVES AU RENFORCEMENT DE L'ACCOMPAGNEMENT =SUM(G8,G10) 1344000",
      'TOTAL DEPENSES AU TITRE DU VOLET 2 =G11+G17+G22+G27+G32 3005600',
      'Pack médiation insertion-santé =C39*D39 5746 | Écartée : datée hors de la période de la convention (FT art. 2).',
    ]));
    const v3 = outline(sheet(3)).map((l) => l.replace(/^\d+ /, ''));
    expect(v3).toEqual(expect.arrayContaining([
      'Dépenses relatives au renforcement des équipes locales PE (le cas échéant)',
      'TOTAL DEPENSES RENFORCEMENT DES SOLUTIONS LOCALES =SUM(G16) 0',
      'TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES =SUM(G8,G11) 0',
    ]));
    expect(v3.find((l) => l.startsWith('TOTAL DEPENSES AU TITRE DU VOLET 3'))).toMatch(/^TOTAL DEPENSES AU TITRE DU VOLET 3 =G\d+\+G\d+\+G\d+ 0$/);
    expect(v3.some((l) => l.startsWith('Dépenses écartées'))).toBe(false);
  });

  it('the bilan: eligible expenses, State contribution retained, advance 2 556 535,20 €, solde 578 064,80 €', () => {
    const f = bilanFigures(grid);
    expect(f['Montant notifié (forfait ou plafond, art. 4.1)']).toBe(4260892);
    expect(f['Dépenses éligibles réalisées (état des dépenses)']).toBe(3134600);
    expect(f['Pour mémoire : dépenses écartées du bilan']).toBe(6556);
    expect(f['Participation de l’État retenue']).toBe(3134600);
    expect(f['Avance versée à la signature : 60,00 % du montant notifié']).toBe(2556535.2);
    expect(f['Solde à verser par l’État']).toBe(578064.8);
    expect(f['Trop-perçu à reverser à l’État']).toBe(0);
    expect(f['Part du Département (hors valorisation FSE+)']).toBe(2905600);
    const sheet = grid.sheets.find((s) => s.name === BILAN) as GridSheet;
    const row = (label: string) => [...sheet.rows.keys()].find((r) => getCell(sheet, r, 1)?.value === label) as number;
    // Live formulas: the statements' totals, the Paramètres cells, MIN and MAX.
    expect(getCell(sheet, row('Dépenses éligibles réalisées (état des dépenses)'), 2)?.formula).toBe("'Etat des dépenses VOLET 1'!G18");
    expect(getCell(sheet, row('Montant notifié (forfait ou plafond, art. 4.1)'), 3)?.formula).toBe("'Paramètres'!B14");
    expect(getCell(sheet, row('Participation de l’État retenue'), 2)?.formula).toMatch(/^MIN\(B\d+,B\d+\)$/);
    expect(getCell(sheet, row('Solde à verser par l’État'), 5)?.formula).toMatch(/^MAX\(0,E\d+-E\d+\)$/);
    expect(getCell(sheet, row('Avance versée à la signature : 60,00 % du montant notifié'), 5)?.formula).toMatch(/^ROUND\(E\d+\*0\.6,2\)$/);
  });

  it('an expense whose section the volet does not have is kept apart, « à reclasser », and counted', () => {
    const { grid: g } = filled(sampleWith({ [JOURNAL]: { C3: 'Levée des freins sociaux' } })); // a volet 1 line
    const lines = outline(g.sheets.find((s) => s.name === 'Etat des dépenses VOLET 1')!).map((l) => l.replace(/^\d+ /, ''));
    expect(lines).toContain('Autres dépenses du volet (section non reconnue : à reclasser)');
    expect(lines).toContain('Rémunération chargée de déploiement =C19*D19 48000');
    expect(lines).toContain('TOTAL AUTRES DEPENSES =SUM(G19) 48000');
    expect(lines).toContain('TOTAL DEPENSES AU TITRE DU VOLET 1 =G10+G15+G20 129000');
  });
});

describe('the expenses a check excludes, kept or not', () => {
  it('the officer keeps the travel line with a reason: back in its section and its total, the reason printed', () => {
    const { grid: g } = filled(sampleWith({ [JOURNAL]: { K4: 'oui : déplacements des comités de suivi avec les bénéficiaires' } }));
    const lines = outline(g.sheets.find((s) => s.name === 'Etat des dépenses VOLET 1')!).map((l) => l.replace(/^\d+ /, ''));
    expect(lines).toContain(
      'Frais de déplacement =C11*D11 810 | Maintenue par le Département : déplacements des comités de suivi avec les bénéficiaires (signalée : frais de mission (FT art. 4.2)).',
    );
    expect(lines).toContain('TOTAL DEPENSES AU TITRE DU VOLET 1 =G12+G17 129810');
    expect(lines.some((l) => l.startsWith('Dépenses écartées'))).toBe(false);
    expect(bilanFigures(g)['Dépenses éligibles réalisées (état des dépenses)']).toBe(3135410);
    // EXP-INELIGIBLE still says it: the controller sees the choice.
    expect(findingsOf(g, 'EXP-INELIGIBLE')).toHaveLength(1);
  });

  it('« non » in the column leaves it out', () => {
    const { grid: g } = filled(sampleWith({ [JOURNAL]: { K4: 'non' } }));
    expect(bilanFigures(g)['Dépenses éligibles réalisées (état des dépenses)']).toBe(3134600);
  });
});

describe('the bilan under other readings and figures', () => {
  it('volet 1 retained in full under the lump-sum reading: solde 584 064,80 €', () => {
    const g = buildSampleGrid();
    const a = analyseGrid(g, { ftVolet1: 'lump-sum' });
    const f = bilanFigures(applyPlanToGrid(g, planVoletTemplates(g, a)));
    expect(f['Participation de l’État retenue']).toBe(3140600);
    expect(f['Solde à verser par l’État']).toBe(584064.8);
  });

  it('an advance stated above the contribution retained: a trop-perçu to refund, and FT-SOLDE says so', () => {
    const g = sampleWith({ [PARAMS]: { A21: 'FT avance versée', B21: 3500000 } });
    const f = bilanFigures(filled(g).grid);
    expect(f['Avance versée à la signature (Paramètres « FT avance versée »)']).toBe(3500000);
    expect(f['Solde à verser par l’État']).toBe(0);
    expect(f['Trop-perçu à reverser à l’État']).toBe(365400);
    const [solde] = findingsOf(g, 'FT-SOLDE');
    expect(solde).toMatchObject({ sheet: PARAMS, cell: 'B21', severity: 'info', expected: '3134600.00', actual: '-365400.00' });
    expect(solde.message.replace(/\u202f/g, ' ')).toContain('trop-perçu à reverser à l’État : 365 400,00 €');
  });

  it('counting the FSE+ valorisation as CD money brings the realised volet 2 to 50 %', () => {
    const g = buildSampleGrid();
    const f = bilanFigures(applyPlanToGrid(g, planVoletTemplates(g, analyseGrid(g, { fseAsCd: true }))));
    expect(f['Part du Département (valorisation FSE+ comprise)']).toBe(3005600);
    expect(f['Part du Département dans le coût total réalisé']).toBe(0.5);
    expect(f['Écart (part du Département − part minimale ; négatif : cofinancement insuffisant)']).toBe(0);
  });
});

describe('an unreadable journal amount or an empty journal: no figure the controller could sign', () => {
  const REF = { value: null, error: '#REF!' };
  const statement = (g: Grid, n: number) => g.sheets.find((s) => s.name === `Etat des dépenses VOLET ${n}`) as GridSheet;
  const NOT = 'non calculé';

  it('#REF! in a volet 1 line: the line « illisible » with its cells, the totals above it « non calculé », no 0,00 €', () => {
    const { grid: g } = filled(sampleWith({ [JOURNAL]: { G2: REF, H2: REF, I2: REF } }));
    const sheet = statement(g, 1);
    const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
    const line = rows.find((r) => getCell(sheet, r, 1)?.value === 'Rémunération chef de projet') as number;
    expect(getCell(sheet, line, 7)).toMatchObject({ value: 'illisible' });
    expect(getCell(sheet, line, 7)?.formula).toBeUndefined();
    const where = 'Montant illisible : voir feuille « Journal des dépenses », cellules G2, H2, I2.';
    expect(getCell(sheet, line, 9)?.value).toBe(where);
    const at = (label: string) => rows.find((r) => getCell(sheet, r, 1)?.value === label) as number;
    for (const label of ["Postes d'ingénierie", 'TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES', 'TOTAL DEPENSES AU TITRE DU VOLET 1']) {
      const r = at(label);
      expect(r).toBeDefined();
      expect(getCell(sheet, r, 7)?.value).toBe(NOT);
      expect(getCell(sheet, r, 7)?.formula).toBeUndefined();
      expect(getCell(sheet, r, 9)?.value).toBe(where);
    }
    // A section the line is not in keeps its formula and figure.
    expect(outline(sheet).some((l) => / =SUM\(G\d+\) 30000$/.test(l))).toBe(true);
    // The bilan: volet 1 and the totals not computed, volet 2 as before, no solde and no trop-perçu.
    const f = bilanFigures(g);
    expect(f['Dépenses éligibles réalisées (état des dépenses)']).toBe(NOT);
    expect(f['Participation de l’État retenue']).toBe(NOT);
    expect(f['Participation de l’État retenue (tous volets)']).toBe(NOT);
    expect(f['Solde à verser par l’État']).toBe(NOT);
    expect(f['Trop-perçu à reverser à l’État']).toBe(NOT);
    expect(f['Avance versée à la signature : 60,00 % du montant notifié']).toBe(2556535.2);
    expect(f['Part du Département (hors valorisation FSE+)']).toBe(2905600);
    const bilan = g.sheets.find((s) => s.name === BILAN) as GridSheet;
    const texts = [...bilan.rows.values()].flatMap((r) => [...r.values()]).map((c) => String(c.value));
    expect(texts).toContain('non calculé : montant illisible dans le journal des dépenses (voir feuille « Journal des dépenses », cellules G2, H2, I2) ; les totaux qui en dépendent ne sont pas calculés.');
    // The volet 1 column of the eligible and retained rows: words, not a 0 nor a formula that would skip it.
    const row = (label: string) => [...bilan.rows.keys()].find((r) => getCell(bilan, r, 1)?.value === label) as number;
    expect(getCell(bilan, row('Dépenses éligibles réalisées (état des dépenses)'), 2)).toMatchObject({ value: NOT });
    expect(getCell(bilan, row('Participation de l’État retenue'), 2)).toMatchObject({ value: NOT });
    expect(getCell(bilan, row('Dépenses éligibles réalisées (état des dépenses)'), 3)?.value).toBe(3005600);
  });

  it('#REF! in a volet 2 line: the realised co-financing not computed either', () => {
    const f = bilanFigures(filled(sampleWith({ [JOURNAL]: { G6: REF, H6: REF, I6: REF } })).grid);
    expect(f['Dépenses éligibles du volet 2 (état des dépenses)']).toBe(NOT);
    expect(f['Coût total réalisé du volet 2']).toBe(NOT);
    expect(f['Part du Département (hors valorisation FSE+)']).toBe(NOT);
    expect(f['Solde à verser par l’État']).toBe(NOT);
  });

  it('an empty journal: the bilan states no trop-perçu of the whole advance', () => {
    const g = buildSampleGrid();
    const journal = g.sheets.find((s) => s.name === JOURNAL)!;
    for (const r of [...journal.rows.keys()]) if (r > 1) journal.rows.delete(r);
    const f = bilanFigures(filled(g).grid);
    expect(f['Dépenses éligibles réalisées (état des dépenses)']).toBe(NOT);
    expect(f['Solde à verser par l’État']).toBe(NOT);
    expect(f['Trop-perçu à reverser à l’État']).toBe(NOT);
    expect(f['Montant notifié (forfait ou plafond, art. 4.1)']).toBe(4260892);
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
    expect(description).toMatch(/^Feuille « Contrôles » : \d+ erreurs, 2 avertissements, 2 informations\.$/);
    expect(writes.filter((w) => w.col === 2 && w.row > 4)).toHaveLength(a.findings.length);
  });
});
