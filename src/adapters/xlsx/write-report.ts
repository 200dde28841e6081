/**
 * A ReportPlan → a new, printable .xlsx: cells (formulas with their cached values), the sheets'
 * widths, merges, frozen rows, row heights and A4 setup, the styles, then the native charts added
 * to the zip (ExcelJS cannot write charts). The mid-term report and the controllers' return
 * documents are written this way.
 */
import ExcelJS from './exceljs';
import { cellAddress } from '../../layout/grid';
import type { ReportPlan, SheetRange } from '../../layout/report/report-plan';
import { visibleCellText } from '../../layout/visible-text';
import { xlsxLiteral } from './xlsx-literal';
import { writeFileAtomic } from '../files/atomic-write';
import { applyStyles, formatSheet } from './sheet-format';
import { type CachedValue, addCharts } from './xlsx-chart';

/** Text from the workbook (action labels, the Département) shown as written: visible control characters, literal _xHHHH_. */
const text = (s: string): string => xlsxLiteral(visibleCellText(s));

export async function reportToXlsxBuffer(report: ReportPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'annexes';
  const values = new Map<string, CachedValue>();
  for (const s of report.plan.createSheets) formatSheet(wb.addWorksheet(s.name), s);
  for (const w of report.plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`report sheet ${w.sheet} not created`);
    const cell = ws.getCell(w.row, w.col);
    // A string is stored as a shared string: text starting with « = » stays text.
    const v = typeof w.value === 'string' ? text(w.value) : (w.value ?? null);
    cell.value = w.formula !== undefined ? ({ formula: w.formula, result: v ?? undefined } as ExcelJS.CellFormulaValue) : v;
    if (w.numFmt) cell.numFmt = w.numFmt;
    values.set(`${w.sheet}!${cellAddress(w.row, w.col)}`, v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? String(v) : v);
  }
  for (const name of new Set((report.plan.styles ?? []).map((s) => s.sheet))) {
    applyStyles(wb.getWorksheet(name) as ExcelJS.Worksheet, (report.plan.styles ?? []).filter((s) => s.sheet === name));
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
