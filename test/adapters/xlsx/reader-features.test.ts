/**
 * The reader on workbooks written part by part: everything the grid carries (strings of every
 * kind, cell types, formulas, formats, dates, merges, hidden rows and columns, sheet states, parts
 * found through relationships, namespace prefixes), cell-level faults kept on their cells, and
 * malformed XML always ending as « classeur illisible ».
 */
import fc from 'fast-check';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../../src/adapters/xlsx/errors';
import { type Grid, type GridSheet, getCell } from '../../../src/layout/grid';
import { type XmlWorkbook, xlsxFromXml } from '../../fixtures/xlsx-from-xml';

const read = (wb: XmlWorkbook): Promise<Grid> => readXlsxBuffer(xlsxFromXml(wb), 'annexe.xlsx');
const one = async (rows: string, rest: Omit<XmlWorkbook, 'sheets'> = {}): Promise<GridSheet> => (await read({ sheets: [{ name: 'Feuil1', xml: rows }], ...rest })).sheets[0];
const at = (s: GridSheet, addr: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  return getCell(s, Number(m[2]), [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
};
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('strings', () => {
  it('reads shared strings: plain, rich text joined, phonetic runs left out, spaces kept, escapes and entities decoded', async () => {
    const s = await one(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((a, i) => `<row r="${i + 1}"><c r="${a}" t="s"><v>${i}</v></c></row>`).join(''), {
      sharedStrings: [
        '<si><t>Crédits de l’État</t></si>',
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Total </t></r><r><t>général</t></r></si>',
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t xml:space="preserve">  deux espaces  </t></si>',
        '<si><t>ligne 1_x000D__x000A_ligne 2 _x005F_x0041_ _x00e9_</t></si>',
        '<si><t>A &amp; B &lt;C&gt; &#233;t&#xE9; &quot;x&quot; &apos;y&apos;</t></si>',
        '<si/>',
        '<si><t/></si>',
      ],
    });
    expect(at(s, 'A1')).toEqual({ value: 'Crédits de l’État' });
    expect(at(s, 'A2')).toEqual({ value: 'Total général' });
    expect(at(s, 'A3')).toEqual({ value: '東京' });
    expect(at(s, 'A4')).toEqual({ value: '  deux espaces  ' });
    expect(at(s, 'A5')).toEqual({ value: 'ligne 1\r\nligne 2 _x0041_ é' });
    expect(at(s, 'A6')).toEqual({ value: 'A & B <C> été "x" \'y\'' });
    expect(at(s, 'A7')).toBeUndefined(); // an <si> without text: an empty cell
    expect(at(s, 'A8')).toEqual({ value: '' });
  });

  it('reads inline strings (plain, rich, phonetic) and formula strings', async () => {
    const s = await one(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Département</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>Ac</t></r><r><rPr><i/></rPr><t>tion</t></r><rPh><t>x</t></rPh></is></c>' +
        '<c r="C1" t="str"><v>texte</v></c><c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1" t="inlineStr"><is/></c></row>',
    );
    expect(at(s, 'A1')).toEqual({ value: 'Département' });
    expect(at(s, 'B1')).toEqual({ value: 'Action' });
    expect(at(s, 'C1')).toEqual({ value: 'texte' });
    expect(at(s, 'D1')).toBeUndefined();
    expect(at(s, 'E1')).toBeUndefined();
  });
});

describe('cell types and values', () => {
  it('reads numbers, booleans, errors, ISO dates; an empty <v/> or a style alone is no cell', async () => {
    const s = await one(
      '<row r="1"><c r="A1"><v>1236000</v></c><c r="B1" t="n"><v>-1.5E-3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>' +
        '<c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="d"><v>2024-03-15T00:00:00</v></c><c r="G1" t="d"><v>2024-03-15</v></c>' +
        '<c r="H1"><v/></c><c r="I1" s="0"/><c r="J1" t="s"><v></v></c><c r="K1" t="b"><v>true</v></c><c r="L1"><v> 42 </v></c></row>',
    );
    expect(at(s, 'A1')).toEqual({ value: 1236000 });
    expect(at(s, 'B1')).toEqual({ value: -0.0015 });
    expect(at(s, 'C1')).toEqual({ value: true });
    expect(at(s, 'D1')).toEqual({ value: false });
    expect(at(s, 'E1')).toEqual({ value: null, error: '#DIV/0!' });
    expect(at(s, 'F1')).toEqual({ value: utc(2024, 3, 15) });
    expect(at(s, 'G1')).toEqual({ value: utc(2024, 3, 15) });
    for (const a of ['H1', 'I1', 'J1']) expect(at(s, a)).toBeUndefined();
    expect(at(s, 'K1')).toEqual({ value: true });
    expect(at(s, 'L1')).toEqual({ value: 42 });
  });

  it('keeps what a cell cannot hold on that cell, as the stored text, never NaN or 0', async () => {
    const s = await one(
      '<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>0x1F</v></c><c r="C1" t="s"><v>99</v></c><c r="D1" t="d"><v>31/02/2024</v></c>' +
        '<c r="E1" s="1"><v>1E+20</v></c><c r="F1" t="b"><v>peut-être</v></c><c r="G1"><v>Infinity</v></c><c r="H1"><f>A1*2</f><v>NaN</v></c><c r="I1"><v>12</v></c></row>',
      { sharedStrings: ['<si><t>seul texte</t></si>'], cellXfs: [0, 14] },
    );
    expect(at(s, 'A1')).toEqual({ value: 'abc', unreadable: 'number' });
    expect(at(s, 'B1')).toEqual({ value: '0x1F', unreadable: 'number' });
    expect(at(s, 'C1')).toEqual({ value: 'texte partagé n° 99 introuvable', unreadable: 'shared-string' });
    expect(at(s, 'D1')).toEqual({ value: '31/02/2024', unreadable: 'date' });
    expect(at(s, 'E1')).toEqual({ value: '1E+20', unreadable: 'date', numFmt: 'mm-dd-yy' });
    expect(at(s, 'F1')).toEqual({ value: 'peut-être', unreadable: 'boolean' });
    expect(at(s, 'G1')).toEqual({ value: 'Infinity', unreadable: 'number' });
    expect(at(s, 'H1')).toEqual({ value: 'NaN', unreadable: 'number', formula: 'A1*2' });
    expect(at(s, 'I1')).toEqual({ value: 12 }); // the rest of the sheet is read as usual
  });
});

describe('formulas', () => {
  it('reads cached results of every type, an empty cached string, and no result as null', async () => {
    const s = await one(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>IF(A1&gt;0,"","x")</f><v></v></c><c r="C1"><f>A1+1</f></c>' +
        '<c r="D1" t="b"><f>A1&lt;0</f><v>0</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1"><f>=A1</f><v>0</v></c></row>',
    );
    expect(at(s, 'A1')).toEqual({ value: 2, formula: '1+1' });
    expect(at(s, 'B1')).toEqual({ value: '', formula: 'IF(A1>0,"","x")' });
    expect(at(s, 'C1')).toEqual({ value: null, formula: 'A1+1' });
    expect(at(s, 'D1')).toEqual({ value: false, formula: 'A1<0' });
    expect(at(s, 'E1')).toEqual({ value: null, error: '#DIV/0!', formula: '1/0' });
    expect(at(s, 'F1')).toEqual({ value: 0, formula: 'A1' });
  });

  it('translates shared formulas from their master; array and data-table formulas as Excel stores them', async () => {
    const s = await one(
      '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">SUM(A$2:A2)+"A1"&amp;$C$1</f><v>1</v></c><c r="D2"><f t="array" ref="D2:D3">A2:A3*2</f><v>4</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="D3"><v>6</v></c></row>' +
        '<row r="4"><c r="B4"><f t="shared" si="0"/></c><c r="E4"><f t="dataTable" ref="E4:F5" dt2D="0" dtr="0" r1="A1"/><v>9</v></c><c r="F4"><f t="dataTable" ref="F4" r1="A1"/></c></row>',
    );
    expect(at(s, 'B2')).toEqual({ value: 1, formula: 'SUM(A$2:A2)+"A1"&$C$1' });
    expect(at(s, 'B3')).toEqual({ value: 2, formula: 'SUM(A$2:A3)+"A1"&$C$1' });
    expect(at(s, 'B4')).toEqual({ value: null, formula: 'SUM(A$2:A4)+"A1"&$C$1' });
    expect(at(s, 'D2')).toEqual({ value: 4, formula: 'A2:A3*2' });
    expect(at(s, 'D3')).toEqual({ value: 6 });
    expect(at(s, 'E4')).toEqual({ value: 9 });
    expect(at(s, 'F4')).toEqual({ value: null });
  });
});

describe('number formats and dates', () => {
  const rows = '<row r="1"><c r="A1" s="1"><v>45322</v></c><c r="B1" s="2"><v>35</v></c><c r="C1" s="3"><v>45322</v></c><c r="D1" s="4"><v>1234.5</v></c><c r="E1" s="5"><v>7</v></c><c r="F1" s="1"><f>A1+1</f><v>45323</v></c><c r="G1" s="3"><v>0</v></c></row>';
  const styles = { numFmts: { 164: '0\\ \\h', 165: 'dd/mm/yyyy', 166: '#,##0.00\\ "€"', 167: 'General' }, cellXfs: [0, 14, 164, 165, 166, 167] };

  it('gives built-in and custom codes, dates only for date formats (escaped letters are not dates)', async () => {
    const s = await one(rows, styles);
    expect(at(s, 'A1')).toEqual({ value: utc(2024, 1, 31), numFmt: 'mm-dd-yy' });
    expect(at(s, 'B1')).toEqual({ value: 35, numFmt: '0\\ \\h' });
    expect(at(s, 'C1')).toEqual({ value: utc(2024, 1, 31), numFmt: 'dd/mm/yyyy' });
    expect(at(s, 'D1')).toEqual({ value: 1234.5, numFmt: '#,##0.00\\ "€"' });
    expect(at(s, 'E1')).toEqual({ value: 7 });
    expect(at(s, 'F1')).toEqual({ value: utc(2024, 2, 1), formula: 'A1+1', numFmt: 'mm-dd-yy' });
    expect(at(s, 'G1')).toEqual({ value: utc(1899, 12, 30), numFmt: 'dd/mm/yyyy' });
  });

  it('counts dates from 1904 in a 1904 workbook', async () => {
    const s = await one(rows, { ...styles, date1904: true });
    expect(at(s, 'A1')).toEqual({ value: utc(2028, 2, 1), numFmt: 'mm-dd-yy' });
  });
});

describe('sheets', () => {
  it('reads merges (covered cells dropped), widths, hidden rows and columns, sheet states in tab order', async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="42" customWidth="1"/><col min="2" max="3" hidden="1"/><col min="5" max="16384" width="3"/></cols>' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Titre</t></is></c><c r="B1"><v>5</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c><c r="D2"><v>2</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="B2:A1"/></mergeCells></worksheet>';
    const g = await read({ sheets: [{ name: 'Annexe', xml }, { name: 'Paramètres', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'hidden' }, { name: 'Interne', xml: '', state: 'veryHidden' }] });
    expect(g.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Annexe', 'visible'],
      ['Paramètres', 'hidden'],
      ['Interne', 'veryHidden'],
    ]);
    const s = g.sheets[0];
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(at(s, 'A1')).toEqual({ value: 'Titre' });
    expect([at(s, 'B1'), at(s, 'A2')]).toEqual([undefined, undefined]);
    expect(at(s, 'D2')).toEqual({ value: 2 });
    expect(s.columnWidths).toEqual(new Map([[1, 42], [2, 9], [3, 9]]));
    expect(s.hiddenColumns).toEqual(new Set([2, 3]));
    expect(s.hiddenRows).toEqual(new Set([2]));
  });

  it('reads rows and cells in sheet order whatever the file order; a cell without reference follows the previous one', async () => {
    const s = await one('<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c></row><row r="1"><c><v>10</v></c><c><v>11</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>');
    expect([...s.rows.keys()]).toEqual([1, 3]);
    expect([...s.rows.get(1)!]).toEqual([[1, { value: 10 }], [2, { value: 11 }]]);
    expect([...s.rows.get(3)!]).toEqual([[2, { value: 2 }]]); // a row written twice: the second one
  });

  it('finds the parts through the relationships: another workbook part name, absolute targets, chart sheets left out', async () => {
    const g = await read({
      workbookPart: 'xl/classeur.xml',
      sheets: [
        { name: 'Graphique', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', part: 'xl/feuilles/graphique.xml' },
        { name: 'Annexe', xml: '<row r="1"><c r="A1"><v>618000</v></c></row>', part: 'xl/feuilles/annexe.xml', target: '/xl/feuilles/annexe.xml' },
      ],
    });
    expect(g.sheets.map((s) => s.name)).toEqual(['Graphique', 'Annexe']);
    expect(at(g.sheets[1], 'A1')).toEqual({ value: 618000 });
    const withChart = xlsxFromXml({
      sheets: [{ name: 'Annexe', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
      extraRels: '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>',
      extra: { 'xl/chartsheets/sheet1.xml': '<chartsheet/>' },
    });
    expect((await readXlsxBuffer(withChart, 'a.xlsx')).sheets.map((s) => s.name)).toEqual(['Annexe']);
  });

  it('reads elements and attributes under any namespace prefix', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const xml = `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>A1</x:f><x:v>3</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const s = await one(xml, { sharedStrings: ['<si><t>préfixé</t></si>'] });
    expect(at(s, 'A1')).toEqual({ value: 'préfixé' });
    expect(at(s, 'B1')).toEqual({ value: 3, formula: 'A1' });
    expect(s.merges).toHaveLength(1);
  });

  it('refuses two sheets of the same name (names equal but for case are two sheets), and a sheet whose part is missing', async () => {
    await expect(read({ sheets: [{ name: 'Annexe', xml: '' }, { name: 'Annexe', xml: '' }] })).rejects.toThrow(/deux feuilles portent le même nom « Annexe »/);
    expect((await read({ sheets: [{ name: 'Annexe', xml: '' }, { name: 'ANNEXE', xml: '' }] })).sheets.map((s) => s.name)).toEqual(['Annexe', 'ANNEXE']);
    const missing = xlsxFromXml({ sheets: [{ name: 'Annexe', xml: '' }], extraRels: '' });
    const broken = missing.toString('latin1').includes('sheet1.xml') ? xlsxFromXml({ sheets: [{ name: 'Annexe', xml: '', target: 'worksheets/absente.xml' }] }) : missing;
    await expect(readXlsxBuffer(broken, 'a.xlsx')).rejects.toThrow(/la feuille « Annexe » est absente de l'archive/);
  });
});

describe('malformed XML always ends as « classeur illisible »', () => {
  const damaged = /n'est pas un classeur Excel lisible : la partie « xl\/worksheets\/sheet1\.xml » est endommagée \(XML invalide\)/;
  const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  it.each([
    ['an unclosed element', `${head}<row r="1"><c r="A1"><v>1</v></c>`],
    ['a mismatched end tag', `${head}<row r="1"><c r="A1"><v>1</c></v></row></sheetData></worksheet>`],
    ['an undefined entity', `${head}<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData></worksheet>`],
    ['a bare ampersand', `${head}<row r="1"><c r="A1" t="str"><v>A & B</v></c></row></sheetData></worksheet>`],
    ['an entity declared in a DOCTYPE (XXE)', `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>${head}<row r="1"><c r="A1" t="str"><v>&x;</v></c></row></sheetData></worksheet>`],
    ['a billion laughs', `<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${head}<row r="1"><c r="A1" t="str"><v>&b;</v></c></row></sheetData></worksheet>`],
    ['"<" in an attribute', `${head}<row r="1<"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`],
    ['an unterminated comment', `${head}<!-- <row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`],
    ['an unquoted attribute', `${head}<row r=1><c r="A1"><v>1</v></c></row></sheetData></worksheet>`],
    ['a character reference to NUL', `${head}<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row></sheetData></worksheet>`],
    ['a bad cell reference', `${head}<row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`],
    ['a column past XFD', `${head}<row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`],
    ['a row past 1 048 576', `${head}<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`],
    ['nesting 100 000 deep', `${head}${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</sheetData></worksheet>`],
    ['two root elements', `${head}</sheetData></worksheet><worksheet/>`],
  ])('%s', async (_why, xml) => {
    await expect(readXlsxBuffer(xlsxFromXml({ sheets: [{ name: 'Annexe', xml }] }), 'annexe.xlsx')).rejects.toThrow(damaged);
  });

  it.each([
    ['no element at all', Buffer.from('garbage only')],
    ['an empty part', Buffer.alloc(0)],
    ['a UTF-16 part', Buffer.from(`\ufeff${head}</sheetData></worksheet>`, 'utf16le')],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
  ])('%s', async (_why, bytes) => {
    await expect(readXlsxBuffer(xlsxWithSheetBytes(bytes), 'annexe.xlsx')).rejects.toThrow(damaged);
  });

  it('ends, and ends unreadable or read, on any mutation of a sheet (never a hang, never another error)', async () => {
    const valid =
      `${head}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1&amp;"x"</f><v>1</v></c></row>` +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><r><t>a</t></r></is></c><c r="B2"><f t="shared" si="0"/></c></row></sheetData><mergeCells><mergeCell ref="C1:D2"/></mergeCells></worksheet>';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(valid.length), fc.nat(valid.length), fc.constantFrom('<', '>', '/', '"', '&', '=', ' ', '', 'x', '<![CDATA[', ']]>', '<!--', '-->', '&#x;', '<?', '?>')), { maxLength: 4 }), async (edits) => {
        let xml = valid;
        for (const [at, len, insert] of edits) xml = xml.slice(0, at) + insert + xml.slice(at + (len % 4));
        try {
          await readXlsxBuffer(xlsxFromXml({ sheets: [{ name: 'Annexe', xml }], sharedStrings: ['<si><t>x</t></si>'] }), 'annexe.xlsx');
        } catch (e) {
          expect(e).toBeInstanceOf(UnreadableWorkbookError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The mini workbook with the given bytes as its sheet part. */
function xlsxWithSheetBytes(bytes: Buffer): Buffer {
  const base = xlsxFromXml({ sheets: [{ name: 'Annexe', xml: '' }] });
  // Rebuilt through the same builder: the sheet's bytes replaced.
  const { xlsxEntries, trickZip } = jest.requireActual('../../fixtures/zip-tricks') as typeof import('../../fixtures/zip-tricks');
  return trickZip(xlsxEntries(base).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: bytes } : e)));
}
