import { CLS, FT, PARAMS, PLAN, brief, findingsOf, sampleWith } from '../../helpers/sample';
import Decimal from 'decimal.js';

describe('CROSS-BLOCK', () => {
  it('reports the seed: réalisé 2024 in the récapitulatif vs the blank exécution', () => {
    const f = findingsOf(sampleWith({}), 'CROSS-BLOCK');
    expect(f).toHaveLength(22);
    expect(brief(f)).toContain(`${CLS}!J50 error 0.00 1236000.00`);
    expect(brief(f)).toContain(`${CLS}!G28 error 618000.00 0.00`);
  });

  it('flags versés in the exécution ≠ A of the récapitulatif, naming both cells', () => {
    const f = findingsOf(sampleWith({ [CLS]: { E51: 500000 } }), 'CROSS-BLOCK').filter((x) => x.cell === 'E51');
    expect(brief(f)).toEqual([`${CLS}!E51 error 599508.00 500000.00`]);
    expect(f[0].message).toContain('D29');
  });

  it('flags versés ≠ participation notifiée (paid in full, CLS art. 3)', () => {
    const f = findingsOf(sampleWith({ [CLS]: { D28: 600000 } }), 'CROSS-BLOCK').filter((x) => x.cell === 'D28');
    expect(f.map((x) => x.article)).toEqual(['CLS art. 3']);
  });
});

describe('PLAN-DELTA', () => {
  it('flags the seed "Action 2" row: 3030 places printed, 1030 − 700 = 330', () => {
    const f = findingsOf(sampleWith({}), 'PLAN-DELTA');
    expect(brief(f)).toEqual([`${FT}!F18 error 330 3030`]);
    expect(f[0].message).toContain('Action 2');
    expect(f[0].message).toContain('330 places');
  });

  it('warns when units disagree', () => {
    const f = findingsOf(sampleWith({ [FT]: { F18: '330 ETP' } }), 'PLAN-DELTA');
    expect(brief(f)).toEqual([`${FT}!F18 warning places ETP`]);
  });
});

describe('COFI-FT-VOLET2', () => {
  it('reports 48,79 % with the default reading, and says which reading was applied', () => {
    const f = findingsOf(sampleWith({}), 'COFI-FT-VOLET2');
    expect(brief(f)).toEqual([`${PLAN}!E4 error 4125892.00 4025892.00`]);
    expect(f[0].message).toContain('48,79 %');
    expect(f[0].message).toContain('n’est pas comptée');
  });

  it('is satisfied when the FSE+ valorisation counts as CD money (option or Paramètres)', () => {
    expect(findingsOf(sampleWith({}), 'COFI-FT-VOLET2', { fseAsCd: true })).toEqual([]);
    expect(findingsOf(sampleWith({ [PARAMS]: { B18: 'oui' } }), 'COFI-FT-VOLET2')).toEqual([]);
    expect(findingsOf(sampleWith({ [PARAMS]: { B18: 'oui' } }), 'COFI-FT-VOLET2', { fseAsCd: false })).toHaveLength(1);
  });

  it('says it cannot check without a Plan d’action', () => {
    const grid = sampleWith({});
    grid.sheets = grid.sheets.filter((s) => s.name !== PLAN);
    const f = findingsOf(grid, 'COFI-FT-VOLET2');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('COFI-CLS-ACTION', () => {
  it('flags an action whose CD share is below 50 %', () => {
    const grid = sampleWith({ [CLS]: { E6: 500000, G6: { value: 1118000, formula: 'D6+E6+F6' } } });
    const f = findingsOf(grid, 'COFI-CLS-ACTION');
    expect(brief(f)).toEqual([`${CLS}!E6 error 559000.00 500000.00`]);
    expect(f[0].message).toContain('44,72 %');
  });

  it('counts other funders in the base by default, not with the État + CD reading', () => {
    const grid = sampleWith({ [CLS]: { F6: 100000, G6: { value: 1336000, formula: 'D6+E6+F6' } } });
    expect(findingsOf(grid, 'COFI-CLS-ACTION')).toHaveLength(1);
    expect(findingsOf(grid, 'COFI-CLS-ACTION', { clsCofiBase: 'state-cd' })).toEqual([]);
  });

  it('passes on the seed (A = B on every action)', () => {
    expect(findingsOf(sampleWith({}), 'COFI-CLS-ACTION')).toEqual([]);
  });
});

describe('CEIL-FT-VOLET and CEIL-CLS-AXE', () => {
  it('flags a TOTAL BESOINS that differs from the PLAFOND DEPARTEMENT', () => {
    const f = findingsOf(sampleWith({ [FT]: { G10: { value: 140000, formula: 'G7+G9' } } }), 'CEIL-FT-VOLET');
    expect(brief(f)).toEqual([`${FT}!G10 error 135000.00 140000.00`]);
  });

  it('flags a plafond that differs from the Paramètres', () => {
    const f = findingsOf(sampleWith({ [FT]: { B14: 4000000 } }), 'CEIL-FT-VOLET');
    expect(brief(f)).toContain(`${FT}!B14 error 4125892.00 4000000.00`);
  });

  it('flags State amounts per axe that differ from the notified amounts', () => {
    const f = findingsOf(sampleWith({ [PARAMS]: { B6: 1600000 } }), 'CEIL-CLS-AXE');
    expect(brief(f)).toEqual([`${CLS}!D11 error 1600000.00 1659288.00`]);
  });

  it('says so when the Paramètres do not state the notified amounts', () => {
    const grid = sampleWith({});
    grid.sheets = grid.sheets.filter((s) => s.name !== PARAMS);
    expect(findingsOf(grid, 'CEIL-CLS-AXE').map((x) => x.severity)).toEqual(['info', 'info']);
  });
});

describe('STATE-EXCEEDS-COST', () => {
  it('flags a State share above the action’s cost (FT art. 8)', () => {
    const f = findingsOf(sampleWith({ [PLAN]: { H9: 300000 } }), 'STATE-EXCEEDS-COST');
    expect(brief(f)).toEqual([`${PLAN}!D9 error 300000.00 361146.00`]);
    expect(f[0].article).toBe('FT art. 8');
  });

  it('flags State money kept above the realised cost in a filled exécution (CLS art. 5)', () => {
    const grid = sampleWith({ [CLS]: { E28: 100000, F28: 518000, G28: 100000, H28: 200000 } });
    const f = findingsOf(grid, 'STATE-EXCEEDS-COST');
    expect(brief(f)).toContain(`${CLS}!D28 error 200000.00 618000.00`);
  });
});

describe('CARRY-EXCEEDS-UNSPENT and CARRY-BEYOND-END', () => {
  it('flags a State carry-over above the unspent credits (récapitulatif F > B)', () => {
    const f = findingsOf(sampleWith({ [CLS]: { K50: 10000 } }), 'CARRY-EXCEEDS-UNSPENT');
    expect(brief(f)).toEqual([`${CLS}!K50 error 0.00 10000.00`]);
  });

  it('flags a CD carry-over in the exécution above CD affectés − CD réalisé', () => {
    const grid = sampleWith({ [CLS]: { E28: 618000, G28: 600000, H28: 1218000, J28: 50000 } });
    expect(brief(findingsOf(grid, 'CARRY-EXCEEDS-UNSPENT'))).toEqual([`${CLS}!J28 error 18000.00 50000.00`]);
  });

  it('flags a carry-over out of the convention’s last year', () => {
    const grid = sampleWith({ [PARAMS]: { B5: { value: new Date(Date.UTC(2024, 11, 31)) } }, [CLS]: { K50: 10000, F50: 10000 } });
    const f = findingsOf(grid, 'CARRY-BEYOND-END');
    expect(brief(f)).toEqual([`${CLS}!K50 error 0.00 10000.00`]);
  });

  it('flags a France Travail plan running past the convention’s end', () => {
    const grid = sampleWith({ [PARAMS]: { B12: { value: new Date(Date.UTC(2024, 5, 30)) } } });
    expect(findingsOf(grid, 'CARRY-BEYOND-END')).toHaveLength(3);
    expect(findingsOf(sampleWith({}), 'CARRY-BEYOND-END')).toEqual([]);
  });
});

describe('UNDERSPEND', () => {
  it('says the seed exécution 2024 is not filled in (info, once)', () => {
    expect(brief(findingsOf(sampleWith({}), 'UNDERSPEND'))).toEqual([`${CLS}!A27 info`]);
  });

  it('warns below the threshold, which is configurable', () => {
    const grid = sampleWith({ [CLS]: { E28: 400000, F28: 218000, G28: 400000, H28: 800000 } });
    const f = findingsOf(grid, 'UNDERSPEND').filter((x) => x.cell === 'E28');
    expect(brief(f)).toEqual([`${CLS}!E28 warning 494400.00 400000.00`]);
    expect(findingsOf(grid, 'UNDERSPEND', { underspendThreshold: new Decimal('0.6') }).filter((x) => x.cell === 'E28')).toEqual([]);
  });
});

describe('STRUCT-SHEET, STRUCT-COLUMN, PARAM-INVALID', () => {
  it('STRUCT-SHEET: a workbook without any annex table is an error', () => {
    const f = findingsOf({ sheets: [{ name: 'Feuil1', rows: new Map(), merges: [] }] }, 'STRUCT-SHEET');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].message).toContain('« Feuil1 »');
  });

  it('STRUCT-SHEET: a "Tableau financier" sheet without a table is an error on that sheet', () => {
    const grid = sampleWith({});
    grid.sheets.find((s) => s.name === CLS)!.rows = new Map();
    const f = findingsOf(grid, 'STRUCT-SHEET');
    expect(brief(f)).toContain(`${CLS}! error`);
  });

  it('STRUCT-SHEET: a block whose header cannot be read is named by its title cell, not dropped', () => {
    // The exécution 2024 header (row 27) made unrecognisable: the prévisionnel and the récapitulatif are still read.
    const edits: Record<string, string> = {};
    for (const col of 'DEFGHIJ') edits[`${col}27`] = 'Montant';
    const f = findingsOf(sampleWith({ [CLS]: edits }), 'STRUCT-SHEET');
    expect(brief(f)).toEqual([`${CLS}!A23 error`]);
    expect(f[0].message).toContain('« TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS');
    expect(f[0].message).toContain('aucun tableau lisible');
  });

  it('STRUCT-SHEET: a block header without title, too damaged to be read, is named by its first header cell', () => {
    const f = findingsOf(sampleWith({ [CLS]: { A1: null, A2: null, E5: 'x', F5: 'y' } }), 'STRUCT-SHEET');
    expect(brief(f)).toEqual([`${CLS}!B5 error`]);
    expect(f[0].message).toContain('l’en-tête « Fiche action N° » ressemble à un bloc « Tableau financier »');
  });

  it('STRUCT-SHEET: an unreadable volet is named by its title; a title over its table says nothing', () => {
    const f = findingsOf(sampleWith({ [FT]: { D16: 'x', E16: 'y', F16: 'z', G16: 'w' } }), 'STRUCT-SHEET');
    expect(brief(f)).toEqual([`${FT}!A13 error`]);
    expect(findingsOf(sampleWith({}), 'STRUCT-SHEET')).toEqual([]);
  });

  it('STRUCT-COLUMN: a block without its "Budget global" column', () => {
    const f = findingsOf(sampleWith({ [CLS]: { G5: 'Commentaire' } }), 'STRUCT-COLUMN');
    expect(brief(f)).toEqual([`${CLS}!A5 error`]);
    expect(f[0].message).toContain('Budget global');
  });

  it('PARAM-INVALID: an unknown key in Paramètres', () => {
    const f = findingsOf(sampleWith({ [PARAMS]: { A19: 'Paramètre bidon', B19: 12 } }), 'PARAM-INVALID');
    expect(brief(f)).toEqual([`${PARAMS}!A19 warning`]);
  });
});

describe('fixes after the rules review', () => {
  it('CROSS-BLOCK warns about an action missing from another block of the year', () => {
    const grid = sampleWith({ [CLS]: { B18: '4.9' } });
    const f = findingsOf(grid, 'CROSS-BLOCK').filter((x) => x.severity === 'warning');
    expect(f.map((x) => x.message).sort()).toEqual([
      'Action 4.2 : présente dans « Exécution 2024 » mais absente de « Prévisionnel 2024 ».',
      'Action 4.2 : présente dans « Récapitulatif 2024 – prévisionnel 2025 » mais absente de « Prévisionnel 2024 ».',
      'Action 4.9 : présente dans « Prévisionnel 2024 » mais absente de « Exécution 2024 ».',
      'Action 4.9 : présente dans « Prévisionnel 2024 » mais absente de « Récapitulatif 2024 – prévisionnel 2025 ».',
    ]);
  });

  it('PLAN-DELTA does not take an unreadable Existant as zero', () => {
    const grid = sampleWith({ [FT]: { D18: 'environ 700' } });
    expect(findingsOf(grid, 'PLAN-DELTA')).toEqual([]);
    expect(brief(findingsOf(grid, 'CELL-NOT-NUMBER'))).toEqual([`${FT}!D18 error`]);
  });

  it('CARRY-EXCEEDS-UNSPENT ignores a zero carry-over when the CD over-spent', () => {
    const grid = sampleWith({ [CLS]: { E28: 618000, G28: 700000, H28: 1318000 } });
    expect(findingsOf(grid, 'CARRY-EXCEEDS-UNSPENT')).toEqual([]);
  });

  it('STRUCT-SHEET does not call a workbook holding only a Plan d’action empty', () => {
    const grid = sampleWith({});
    grid.sheets = grid.sheets.filter((s) => s.name === PLAN);
    expect(findingsOf(grid, 'STRUCT-SHEET').filter((x) => x.severity === 'error')).toEqual([]);
  });
});
