/**
 * Cells a check must read right or say it cannot. Each file changes one thing in a clean workbook
 * (test/fixtures/synthetic-cls.ts), so every finding below is caused by that change, and nothing
 * unreadable is ever counted as zero.
 */
import { EXCEL_ERRORS } from '../fixtures/corpus/values';
import { NO_FT, checkCorpusFile, corpusDir, where } from './corpus-run';

const corpus = corpusDir();
const CLS = 'Tableau financier';
/** A prévisionnel alone also gets this information. */
const FORECAST_ONLY = 'STRUCT-SHEET info !';

describe('value corpus files', () => {
  it('valeurs-erreur.xlsx: one CELL-ERROR per error value, and no check computed from them', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'valeurs-erreur.xlsx');
    expect(code).toBe(1);
    const cells = ['D4', 'E4', 'F4', 'D5', 'E5', 'F5', 'D7', 'E7', 'F7', 'D8', 'E8', 'F8', 'D10', 'E10', 'F10', 'D11'];
    expect(where(report.findings)).toEqual([NO_FT, FORECAST_ONLY, ...cells.map((c) => `CELL-ERROR error ${CLS}!${c}`)]);
    const errors = report.findings.slice(2);
    errors.forEach((f, i) => expect(f.message).toContain(`contient l’erreur ${EXCEL_ERRORS[i]} ; les contrôles qui en dépendent ne sont pas effectués.`));
    expect(errors[0].message).toBe(
      'Prévisionnel 2024, action 1.1 : la cellule « A – Participation État notifiée » contient l’erreur #NULL! ; les contrôles qui en dépendent ne sont pas effectués.',
    );
  });

  it('references-circulaires.xlsx: the self-reference is named, its missing or error value reported', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'references-circulaires.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([
      NO_FT,
      FORECAST_ONLY,
      `CALC-FORMULA error ${CLS}!G4`,
      `CELL-NO-CACHE error ${CLS}!G4`,
      `CALC-FORMULA error ${CLS}!D13`,
      `CELL-ERROR error ${CLS}!D13`,
    ]);
    expect(report.findings[2].message).toMatch(/^Prévisionnel 2024, action 1\.1 : la formule =G4\+D4\+E4\+F4 de « F – Budget global de l’action \(A\+B\+C\) » fait référence à sa propre cellule \(référence circulaire : Excel ne peut pas la calculer\)/);
    expect(report.findings[4].message).toMatch(/la formule =SUM\(D4:D13\) de « A – Participation État notifiée » s’inclut elle-même \(référence circulaire/);
  });

  it('formules-sans-valeur.xlsx: every formula reported, none read as zero', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'formules-sans-valeur.xlsx');
    expect(code).toBe(1);
    const [first, ...rest] = where(report.findings);
    expect(first).toBe(NO_FT);
    // 22 in the prévisionnel, 40 in the exécution, 80 in the récapitulatif: every formula of the three blocks.
    expect(rest).toHaveLength(142);
    expect(new Set(rest.map((w) => w.split(' ')[0]))).toEqual(new Set(['CELL-NO-CACHE']));
    expect(report.findings[1].message).toBe(
      'Prévisionnel 2024, action 1.1 : la formule =D4+E4+F4 de « F – Budget global de l’action (A+B+C) » n’a pas de valeur enregistrée ' +
        '(le classeur n’a pas été recalculé) ; ouvrez-le dans Excel et enregistrez-le.',
    );
  });

  it('montants-negatifs.xlsx: CELL-NEGATIVE on the number and on the text', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'montants-negatifs.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([NO_FT, FORECAST_ONLY, `CELL-NEGATIVE error ${CLS}!F4`, `CELL-NEGATIVE error ${CLS}!F5`, `CELL-TEXT-AMOUNT warning ${CLS}!F5`]);
    expect(report.findings[2]).toMatchObject({
      actual: '-2000.00',
      message: 'Prévisionnel 2024, action 1.1 : « C – Participation d’autres financeurs » vaut -2\u202F000,00 € ; un montant de crédits, de dépenses ou de budget ne peut pas être négatif.',
    });
    expect(report.findings[3].actual).toBe('-1500.00');
  });

  it('plus-de-deux-decimales.xlsx: CELL-PRECISION with the exact value and the cent it is compared at', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'plus-de-deux-decimales.xlsx');
    expect(code).toBe(0);
    expect(where(report.findings)).toEqual([
      NO_FT,
      FORECAST_ONLY,
      `CELL-PRECISION warning ${CLS}!D4`,
      `CELL-PRECISION warning ${CLS}!E4`,
      `CELL-PRECISION warning ${CLS}!F5`,
      `CELL-TEXT-AMOUNT warning ${CLS}!F5`,
    ]);
    expect(report.findings[2]).toMatchObject({
      expected: '10010.56',
      actual: '10010.555',
      message:
        'Prévisionnel 2024, action 1.1 : « A – Participation État notifiée » vaut 10\u202F010,555 €, avec plus de deux décimales ; ' +
        'Excel l’affiche arrondi mais l’additionne tel quel, les contrôles le comparent au centime (10\u202F010,56 €).',
    });
    expect(report.findings[4]).toMatchObject({ expected: '250.13', actual: '250.125' });
  });

  it('dates-en-texte.xlsx: text dates in Paramètres are said, dates in amounts are not amounts', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'dates-en-texte.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([
      NO_FT,
      FORECAST_ONLY,
      `CELL-NOT-NUMBER error ${CLS}!F4`,
      `CELL-NOT-NUMBER error ${CLS}!F5`,
      'PARAM-TEXT-DATE warning Paramètres!B4',
      'PARAM-INVALID warning Paramètres!B9',
    ]);
    expect(report.findings[4]).toMatchObject({
      expected: '2027-12-31',
      actual: '31/12/2027',
      message:
        '« CLS date de fin » est saisie comme texte (« 31/12/2027 ») ; elle est lue comme le 31/12/2027 (jour/mois/année). ' +
        'Saisissez-la comme une date Excel : Excel ne reconnaît pas ce texte comme une date.',
    });
    expect(report.findings[5].message).toBe('Valeur illisible pour « FT date de fin » : « 31 décembre 2024 » (attendu : une date jj/mm/aaaa) ; paramètre ignoré.');
    expect(report.findings[2].message).toContain('devrait contenir un montant mais contient « 2024-03-15 »');
    expect(report.findings[3].message).toContain('devrait contenir un montant mais contient « 15/03/2024 »');
  });

  it('caracteres-de-controle.xlsx: headers still found, messages short and free of control characters', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'caracteres-de-controle.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([NO_FT, FORECAST_ONLY, `CELL-NOT-NUMBER error ${CLS}!F5`, 'PARAM-INVALID warning Paramètres!A9']);
    for (const f of report.findings) {
      expect(f.message.length).toBeLessThan(400);
      // eslint-disable-next-line no-control-regex -- the point is that none is left
      expect(f.message).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    }
    expect(report.findings[2].message).toMatch(/contient « voir fiche\uFFFD voir fiche\uFFFD .*… »\.$/);
  });
});
