/** The seed sample saved with protected sheets or the 1904 calendar: the same findings as the sample itself. */
import { inflateRawSync } from 'zlib';
import { readFileSync } from 'fs';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { analyseGrid } from '../../src/layout/analyse';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { readAnnexWorkbook } from '../../src/layout/read-workbook';
import { entryDataOffset, readZipDirectory } from '../../src/adapters/xlsx/zip-directory';
import type { Finding } from '../../src/domain/finding';
import { checkCorpusFile, corpusDir } from './corpus-run';

const corpus = corpusDir();
const signature = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected ?? '', f.actual ?? '', f.message].join('|'));
const sampleFindings = () => signature(analyseGrid(buildSampleGrid()).findings);

function part(file: string, name: string): string {
  const buf = readFileSync(file);
  const entry = readZipDirectory(buf, 1000).find((e) => e.name === name)!;
  const start = entryDataOffset(buf, entry);
  return inflateRawSync(buf.subarray(start, start + entry.compressedSize)).toString('utf8');
}

describe('format corpus files', () => {
  it('feuilles-protegees.xlsx: protection does not stop the reading', async () => {
    const { code, file, report } = await checkCorpusFile(corpus.dir(), 'feuilles-protegees.xlsx');
    expect(part(file, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(code).toBe(1);
    expect(signature(report.findings)).toEqual(sampleFindings());
  });

  it('systeme-de-dates-1904.xlsx: dates are read on the 1904 calendar', async () => {
    const { code, file, report } = await checkCorpusFile(corpus.dir(), 'systeme-de-dates-1904.xlsx');
    expect(part(file, 'xl/workbook.xml')).toMatch(/<workbookPr [^>]*date1904="1"/);
    expect(code).toBe(1);
    expect(signature(report.findings)).toEqual(sampleFindings());
    const params = readAnnexWorkbook(await readXlsxFile(file)).params;
    expect(params.clsEnd?.toISOString().slice(0, 10)).toBe('2027-12-31');
    expect(params.ftEnd?.toISOString().slice(0, 10)).toBe('2024-12-31');
  });
});
