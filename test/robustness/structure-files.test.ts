/** Workbooks whose tables are missing, merged over or held twice: precise STRUCT-* findings, never silence. */
import { NO_FT, checkCorpusFile, corpusDir, where } from './corpus-run';

const corpus = corpusDir();
const CLS = 'Tableau financier';

describe('structure corpus files', () => {
  it('feuilles-annexes-vides.xlsx: each empty annex sheet is named', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'feuilles-annexes-vides.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([
      'STRUCT-SHEET error !',
      `STRUCT-SHEET error ${CLS}!`,
      'STRUCT-SHEET error Construction du plan de finance!',
      "STRUCT-SHEET warning Plan d'action!",
    ]);
    expect(report.findings[0].message).toMatch(/^Aucun tableau d’annexe trouvé : ni « Tableau financier » \(CLS\) ni « Construction du plan de financement »/);
    expect(report.findings[1].message).toBe(
      'Feuille « Tableau financier » : aucun bloc « Tableau financier » (en-têtes « Fiche action N° », « Intitulé de l’action », montants) n’y a été trouvé.',
    );
  });

  it('entete-fusionnee.xlsx: the column hidden under the merge is reported missing', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'entete-fusionnee.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([NO_FT, `STRUCT-COLUMN error ${CLS}!A3`]);
    expect(report.findings[1].message).toBe(
      '« Prévisionnel 2024 » (en-tête ligne 3) : la colonne « B – Crédits CD affectés » est introuvable ; les contrôles qui l’utilisent ne sont pas effectués.',
    );
  });

  it('entetes-en-double.xlsx: the second column is said not to be read', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'entetes-en-double.xlsx');
    expect(code).toBe(0);
    expect(where(report.findings)).toEqual([NO_FT, `STRUCT-DUPLICATE warning ${CLS}!H3`]);
    expect(report.findings[1].message).toBe(
      '« Prévisionnel 2024 » : la colonne « A – Participation État notifiée » figure deux fois (colonnes D et H) ; ' +
        'seule la colonne D est lue, les montants de la colonne H ne sont pas contrôlés.',
    );
  });

  it('deux-tableaux-financiers.xlsx: each block held twice is an error on the second sheet', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'deux-tableaux-financiers.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([NO_FT, ...['A3', 'A18', 'A33'].map((a) => `STRUCT-DUPLICATE error ${CLS} (2)!${a}`)]);
    expect(report.findings[1].message).toBe(
      '« Prévisionnel 2024 » figure deux fois (feuille « Tableau financier », en-tête ligne 3 ; feuille « Tableau financier (2) », en-tête ligne 3) ; ' +
        'le classeur ne doit en contenir qu’un, les contrôles entre blocs n’utilisent que le premier.',
    );
  });

  it('actions-en-double.xlsx: the repeated number, and the action it hides in the other blocks', async () => {
    const { code, report } = await checkCorpusFile(corpus.dir(), 'actions-en-double.xlsx');
    expect(code).toBe(1);
    expect(where(report.findings)).toEqual([NO_FT, `STRUCT-DUPLICATE error ${CLS}!B5`, `CROSS-BLOCK warning ${CLS}!D20`, `CROSS-BLOCK warning ${CLS}!D35`]);
    expect(report.findings[1].message).toBe(
      '« Prévisionnel 2024 » : l’action 1.1 figure deux fois (lignes 4 et 5) ; chaque action n’a qu’une ligne, et les contrôles entre blocs n’utilisent que la première.',
    );
    expect(report.findings[2].message).toContain('Action 1.2 : présente dans « Exécution 2024 » mais absente de « Prévisionnel 2024 »');
  });
});
