/**
 * Adds native Excel charts to an .xlsx written by ExcelJS, which cannot write charts: the zip gets
 * a DrawingML chart part, a drawing part anchoring it on the sheet, their relationships, the
 * <drawing> element in the sheet and the content types. The chart reads its data from cell ranges
 * (Excel and LibreOffice redraw it from the cells) and carries a cache of the values so that
 * viewers that do not recalculate still show it. JSZip is ExcelJS's own dependency.
 */
import JSZip from 'jszip';
import { columnLetters } from '../../layout/grid';
import type { ChartSpec, SheetRange } from '../../layout/report/report-plan';

export type CachedValue = string | number | null;

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  drawingRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chartRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  chartType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawingType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

/** Elements that must come after <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** `cache(range)` gives the cells' values, row by row, for the chart's cached points. */
export async function addCharts(xlsx: Buffer, charts: ChartSpec[], cache: (r: SheetRange) => CachedValue[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let chartNo = countParts(zip, /^xl\/charts\/chart\d+\.xml$/);
  let drawingNo = countParts(zip, /^xl\/drawings\/drawing\d+\.xml$/);
  const types: string[] = [];
  for (const [sheet, list] of bySheet) {
    const sheetPath = await sheetPartPath(zip, sheet);
    drawingNo++;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    list.forEach((spec, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(spec, cache));
      types.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${NS.chartType}"/>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${NS.chartRel}" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(spec, i + 1, `rId${i + 1}`));
    });
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    types.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${NS.drawingType}"/>`);
    const relId = await addRelationship(zip, sheetPath, NS.drawingRel, `../drawings/drawing${drawingNo}.xml`);
    zip.file(sheetPath, insertDrawing(await text(zip, sheetPath), relId));
  }
  const ct = await text(zip, '[Content_Types].xml');
  zip.file('[Content_Types].xml', ct.replace('</Types>', `${types.join('')}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function countParts(zip: JSZip, re: RegExp): number {
  return Object.keys(zip.files).filter((f) => re.test(f)).length;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`part ${path} missing from the workbook`);
  return f.async('string');
}

/** "xl/worksheets/sheet1.xml" for a sheet name, through workbook.xml and its relationships. */
async function sheetPartPath(zip: JSZip, name: string): Promise<string> {
  const wb = await text(zip, 'xl/workbook.xml');
  const sheet = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => xmlUnescape(attr(tag, 'name') ?? '') === name);
  const id = sheet && (attr(sheet, 'r:id') ?? attr(sheet, 'id'));
  if (!id) throw new Error(`sheet « ${name} » not found in the workbook`);
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, 'Id') === id);
  const target = rel && attr(rel, 'Target');
  if (!target) throw new Error(`relationship ${id} of sheet « ${name} » not found`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** Adds a relationship to a part's .rels (created if absent); returns its new Id. */
async function addRelationship(zip: JSZip, partPath: string, type: string, target: string): Promise<string> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
  const existing = zip.file(relsPath) ? await text(zip, relsPath) : relsXml([]);
  const ids = new Set([...existing.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  zip.file(relsPath, existing.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

function relsXml(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`;
}

function insertDrawing(sheetXml: string, relId: string): string {
  // One <drawing> per sheet: a sheet that already has one (ExcelJS images) would need its anchors merged.
  if (/<drawing\s/.test(sheetXml)) throw new Error('the sheet already has a drawing: charts cannot be added to it');
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  const element = `<drawing r:id="${relId}"/>`;
  for (const name of AFTER_DRAWING) {
    const i = xml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0) return `${xml.slice(0, i)}${element}${xml.slice(i)}`;
  }
  return xml.replace('</worksheet>', `${element}</worksheet>`);
}

function drawingXml(anchors: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `${anchors.join('')}</xdr:wsDr>`
  );
}

function anchorXml(spec: ChartSpec, id: number, relId: string): string {
  const a = spec.anchor;
  // DrawingML anchors are 0-based; "to" is the cell holding the bottom-right corner.
  const point = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    point('from', a.fromCol - 1, a.fromRow - 1) +
    point('to', a.toCol, a.toRow) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Graphique ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.rel}" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** 'Rapport - bilan financier'!$B$40:$B$50 */
export function rangeFormula(r: SheetRange): string {
  const sheet = `'${r.sheet.replace(/'/g, "''")}'`;
  const from = `$${columnLetters(r.left)}$${r.top}`;
  const to = `$${columnLetters(r.right)}$${r.bottom}`;
  return `${sheet}!${from === to ? from : `${from}:${to}`}`;
}

const COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', '70AD47'];

function chartXml(spec: ChartSpec, cache: (r: SheetRange) => CachedValue[]): string {
  const categories = cache(spec.categories);
  const series = spec.series
    .map((s, i) => {
      const values = cache(s.values);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(rangeFormula(spec.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(rangeFormula(s.values))}</c:f>${numCache(values)}</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="fr-FR" sz="1200" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">` +
    '<c:lang val="fr-FR"/><c:roundedCorners val="0"/><c:chart>' +
    `${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${xmlEscape(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function strCache(values: CachedValue[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: CachedValue[]): string {
  const pts = values.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
