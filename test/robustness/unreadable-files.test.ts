/**
 * Files that cannot be opened as workbooks: exit 2, status "unreadable", and a French message that
 * names the file and says why — before ExcelJS inflates anything for the zip bombs.
 */
import { checkCorpusFile, corpusDir } from './corpus-run';

const corpus = corpusDir();

async function expectUnreadable(name: string, why: RegExp, options: string[] = []) {
  const { code, file, report } = await checkCorpusFile(corpus.dir(), name, options);
  expect(code).toBe(2);
  expect(report.status).toBe('unreadable');
  expect(report.findings).toEqual([]);
  expect(report.message).toContain(`Le fichier « ${file} »`);
  expect(report.message).toMatch(why);
}

describe('unreadable corpus files: exit 2 with a message naming the file', () => {
  it('octets-aleatoires.xlsx: not a workbook', async () => {
    await expectUnreadable('octets-aleatoires.xlsx', /n'est pas un classeur Excel lisible \(format \.xlsx attendu\)\.$/);
  });

  it('tronque.xlsx: incomplete or damaged', async () => {
    await expectUnreadable('tronque.xlsx', /n'est pas un classeur Excel lisible : le fichier est incomplet ou endommagé/);
  });

  it('zip-sans-classeur.xlsx: a zip without a workbook', async () => {
    await expectUnreadable('zip-sans-classeur.xlsx', /archive zip qui ne contient pas de classeur \(partie xl\/workbook\.xml absente\)/);
  });

  it('sans-feuille.xlsx: no worksheet', async () => {
    await expectUnreadable('sans-feuille.xlsx', /il ne contient aucune feuille de calcul\.$/);
  });

  it('chiffre-ou-xls.xlsx: password-protected or Excel 97-2003', async () => {
    await expectUnreadable('chiffre-ou-xls.xlsx', /protégé par un mot de passe à l'ouverture ou enregistré au format Excel 97-2003 \(\.xls\)/);
  });

  it('bombe-zip.xlsx: refused from its declared sizes, and accepted under a raised limit', async () => {
    await expectUnreadable('bombe-zip.xlsx', /dépasse la taille maximale autorisée une fois décompressé \(120 Mo pour 100 Mo au plus\) ; il n'a pas été ouvert\./);
    await expectUnreadable('bombe-zip.xlsx', /\(120 Mo pour 50 Mo au plus\)/, ['--max-uncompressed-size', '50']);
    // Under a limit above 120 Mo the archive is inflated once, checked, and read: the bomb is an unused part.
    const raised = await checkCorpusFile(corpus.dir(), 'bombe-zip.xlsx', ['--max-uncompressed-size', '200']);
    expect(raised.report.status).toBe('ok');
  });

  it('bombe-zip-taille-falsifiee.xlsx: a part inflating past its declared size is refused without inflating it all', async () => {
    await expectUnreadable('bombe-zip-taille-falsifiee.xlsx', /n'est pas un classeur Excel lisible : le fichier est incomplet ou endommagé/);
  });

  it('trop-de-parties.xlsx: more than 10 000 parts', async () => {
    await expectUnreadable('trop-de-parties.xlsx', /contient trop d'éléments internes \(10\u202F012 pour 10\u202F000 au plus\)/);
  });
});
