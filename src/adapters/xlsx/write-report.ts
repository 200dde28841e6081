/**
 * A ReportPlan → a new, printable .xlsx: cells (formulas with their cached values), styles, frozen
 * header, A4 landscape one page wide with the header repeated, then the native charts added to the
 * zip (ExcelJS cannot write charts).
 */
import ExcelJS from './exceljs';
import { cellAddress } from '../../layout/grid';
import type { CellStyle, ReportPlan, SheetRange } from '../../layout/report/report-plan';
import { visibleCellText } from '../../layout/visible-text';
import { xlsxLiteral } from './xlsx-literal';
import { writeFileAtomic } from '../files/atomic-write';
import { type CachedValue, addCharts } from './xlsx-chart';

/** Text from the workbook (action labels, the Département) shown as written: visible control characters, literal _xHHHH_. */
const text = (s: string): string => xlsxLiteral(visibleCellText(s));

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };

export async function reportToXlsxBuffer(report: ReportPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'annexes';
  const values = new Map<string, CachedValue>();
  for (const s of report.plan.createSheets) {
    const print = report.print.find((p) => p.sheet === s.name);
    const ws = wb.addWorksheet(s.name, {
      views: s.frozenRows ? [{ state: 'frozen', ySplit: s.frozenRows }] : undefined,
      pageSetup: {
        paperSize: 9, // A4
        orientation: print?.orientation ?? 'landscape',
        fitToPage: !!print?.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages high as needed
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '&L&A&RPage &P / &N' },
    });
    if (print) ws.pageSetup.printTitlesRow = `${print.repeatRows.first}:${print.repeatRows.last}`;
    for (const [c, w] of Object.entries(s.columnWidths ?? {})) ws.getColumn(Number(c)).width = w;
    for (const m of s.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  for (const w of report.plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`report sheet ${w.sheet} not created`);
    const cell = ws.getCell(w.row, w.col);
    const v = typeof w.value === 'string' ? text(w.value) : (w.value ?? null);
    cell.value = w.formula !== undefined ? ({ formula: w.formula, result: v ?? undefined } as ExcelJS.CellFormulaValue) : v;
    if (w.numFmt) cell.numFmt = w.numFmt;
    values.set(`${w.sheet}!${cellAddress(w.row, w.col)}`, v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? String(v) : v);
  }
  for (const s of report.styles) {
    const ws = wb.getWorksheet(s.sheet) as ExcelJS.Worksheet;
    for (let c = s.fromCol; c <= s.toCol; c++) applyStyle(ws.getCell(s.row, c), s.style);
    if (s.style === 'header') ws.getRow(s.row).height = 48;
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const cache = (r: SheetRange): CachedValue[] => {
    const out: CachedValue[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(values.get(`${r.sheet}!${cellAddress(row, col)}`) ?? null);
    return out;
  };
  const charts = report.charts.map((c) => ({ ...c, title: text(c.title), series: c.series.map((x) => ({ ...x, name: text(x.name) })) }));
  return addCharts(buf, charts, cache);
}

export async function writeReportFile(report: ReportPlan, path: string): Promise<void> {
  await writeFileAtomic(path, await reportToXlsxBuffer(report));
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      break;
    case 'subtitle':
      cell.font = { italic: true };
      break;
    case 'header':
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      break;
    case 'section':
      cell.font = { bold: true };
      cell.fill = SECTION_FILL;
      break;
    case 'subtotal':
      cell.font = { bold: true };
      break;
    case 'total':
      cell.font = { bold: true };
      cell.border = { top: { style: 'double' } };
      break;
    case 'wrap':
      cell.alignment = { wrapText: true, vertical: 'top' };
      break;
  }
}
