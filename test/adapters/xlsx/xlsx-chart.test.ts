import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addCharts, rangeFormula } from '../../../src/adapters/xlsx/xlsx-chart';
import type { ChartSpec } from '../../../src/layout/report/report-plan';

const sheet = "Bilan d'exécution";
const spec: ChartSpec = {
  sheet,
  title: 'Prévu & réalisé',
  categories: { sheet, top: 2, left: 1, bottom: 3, right: 1 },
  series: [{ name: 'Prévu', values: { sheet, top: 2, left: 2, bottom: 3, right: 2 } }],
  anchor: { fromRow: 5, fromCol: 1, toRow: 20, toCol: 6 },
  valueFormat: '#,##0 "€"',
};

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Autre').getCell('A1').value = 'x';
  const ws = wb.addWorksheet(sheet);
  ws.addRows([['Fiche', 'Prévu'], ['1.1', 1236000], ['1.2', 1199016]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('native charts added to an ExcelJS workbook', () => {
  it('quotes sheet names in ranges, doubling apostrophes', () => {
    expect(rangeFormula(spec.categories)).toBe("'Bilan d''exécution'!$A$2:$A$3");
    expect(rangeFormula({ sheet: 'S', top: 4, left: 2, bottom: 4, right: 2 })).toBe("'S'!$B$4");
  });

  it('attaches the chart to the named sheet only, with escaped XML and cached points', async () => {
    const out = await addCharts(await workbook(), [spec], (r) => (r.left === 1 ? ['1.1', '1.2'] : [1236000, 1199016]));
    const zip = await JSZip.loadAsync(out);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<a:t>Prévu &amp; réalisé</a:t>');
    expect(chart).toContain('<c:f>&apos;Bilan d&apos;&apos;exécution&apos;!$B$2:$B$3</c:f>');
    expect(chart).toContain('<c:pt idx="1"><c:v>1199016</c:v></c:pt>');
    expect(chart).toContain('formatCode="#,##0 &quot;€&quot;"');
    expect(zip.file('xl/worksheets/_rels/sheet1.xml.rels')).toBeNull();
    expect(await zip.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string')).toContain('../drawings/drawing1.xml');
    expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).toMatch(/<drawing r:id="rId\d+"\/>/);
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain('<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>');
    // ExcelJS reads it back: the file is still a valid workbook.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet(sheet)!.getCell('B2').value).toBe(1236000);
  });

  it('refuses a sheet that already has a drawing rather than corrupt it', async () => {
    const once = await addCharts(await workbook(), [spec], () => []);
    await expect(addCharts(once, [spec], () => [])).rejects.toThrow(/already has a drawing/);
  });
});
