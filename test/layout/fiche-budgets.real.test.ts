/**
 * Fiche budgets, the four-year CLS and `annexes diff` on files written by other programs: openpyxl
 * (formulas without cached values, merged titles, headers over two rows, another sheet name) and
 * LibreOffice Calc (re-saved and recalculated).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runPython } from '../helpers/python';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { conventionWorkbook } from '../helpers/convention';
import { readXlsxFile } from '../../src/adapters/xlsx/read-xlsx';
import { writeXlsxFile } from '../../src/adapters/xlsx/write-xlsx';
import { analyseGrid } from '../../src/layout/analyse';
import { conventionView } from '../../src/domain/convention-view';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fiches-real-'));
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx');

/** Fiches 1.3, 1.5 and 4.2 as a Département might type them, with SUM formulas openpyxl cannot cache. */
const OPENPYXL_FICHES = String.raw`
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment
wb = Workbook()
ws = wb.active
ws.title = "Budget fiches actions"
fiches = [
  ("1.3", "Action en faveur du public féminin", "ETAT/ERBM", [(None, 46780, 46780)] * 4, [("Lutte contre les stéréotypes (ERBM)", 40000), ("Santé des ados", 53500)]),
  ("1.5", "Prévention des ruptures 11-18 ans", "ETAT/ERBM", [(220000, 295000, 75000)] * 4, [("Prévention spécialisée", 440000), ("Départs en vacances (ERBM)", 150000)]),
  ("4.2", "L'inclusion par la mobilité durable", "Métropole/autre", [(340260, 340260, None)] * 3 + [(None, None, None)], [("Mamobilité62 accompagnement", 170130), ("Mamobilité62 offre solidaire", 170130), ("Interlocuteur régional", 0)]),
]
r = 2
for num, title, third, years, subs in fiches:
    ws.cell(r, 1, f"Fiche-action n°{num} : {title}")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    r += 2
    ws.cell(r, 2, "Etat"); ws.cell(r, 3, "Conseil"); ws.cell(r + 1, 3, "départemental"); ws.cell(r, 4, third); ws.cell(r, 5, "Total")
    for c in (2, 4, 5):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.cell(r, 3).alignment = Alignment(wrap_text=True)
    first = r + 2
    for i, (e, cd, t) in enumerate(years):
        row = first + i
        ws.cell(row, 1, str(2024 + i))
        for c, v in ((2, e), (3, cd), (4, t)):
            if v is not None:
                ws.cell(row, c, v).number_format = '#,##0.00 "€"'
        ws.cell(row, 5, f"=SUM(B{row}:D{row})").number_format = '#,##0.00 "€"'
    last = first + 3
    ws.cell(last + 1, 1, "TOTAL")
    for c in "BCDE":
        ws[f"{c}{last + 1}"] = f"=SUM({c}{first}:{c}{last})"
    ws.cell(last + 3, 1, "Sous-actions"); ws.cell(last + 3, 2, "Montant annuel")
    for i, (label, amount) in enumerate(subs):
        ws.cell(last + 4 + i, 1, label); ws.cell(last + 4 + i, 2, amount)
    r = last + 4 + len(subs) + 3
wb.save(sys.argv[1])
`;

const run = runCli;

describe('fiche budgets written by openpyxl, then recalculated by LibreOffice', () => {
  const file = path.join(dir, 'fiches-openpyxl.xlsx');
  beforeAll(() => {
    runPython(OPENPYXL_FICHES, [file]);
  });

  it('as openpyxl wrote it: every Total a formula never computed — CELL-NO-CACHE, no false sum', async () => {
    const { workbook, findings } = analyseGrid(await readXlsxFile(file));
    const fiches = workbook.tables.filter((t) => t.kind === 'fiche-budget');
    expect(fiches.map((t) => [t.fiche?.number, t.columns.map((c) => c.key).join(',')])).toEqual([
      ['1.3', 'state,cd,erbm,total'],
      ['1.5', 'state,cd,erbm,total'],
      ['4.2', 'state,cd,other,total'],
    ]);
    expect(findings.filter((f) => f.rule === 'FICHE-TOTAL')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'CELL-NO-CACHE').length).toBe(3 * 8);
    expect(findings.filter((f) => f.rule === 'FICHE-SUBACTIONS').map((f) => f.message.match(/Fiche \d\.\d/)?.[0])).toEqual(['Fiche 1.3', 'Fiche 4.2']);
  });

  it('recalculated by LibreOffice: 4.2’s missing 2027, 1.3’s 60 €, nothing on 1.5', async () => {
    const recalculated = await recalcWithLibreOffice(file);
    const { findings } = analyseGrid(await readXlsxFile(recalculated));
    expect(findings.filter((f) => f.rule === 'CELL-NO-CACHE')).toEqual([]);
    const fiche = findings.filter((f) => f.rule.startsWith('FICHE'));
    expect(fiche.map((f) => `${f.rule} ${f.message.match(/Fiche \d\.\d/)?.[0]}`).sort()).toEqual(['FICHE-SUBACTIONS Fiche 1.3', 'FICHE-SUBACTIONS Fiche 4.2', 'FICHE-YEARS Fiche 4.2']);
    expect(findings.filter((f) => /fiche 1\.5\b/i.test(f.message))).toEqual([]);
  });
});

describe('the four-year CLS re-saved by LibreOffice', () => {
  it('same chain, same findings, same four-year totals', async () => {
    const { grid, figures } = conventionWorkbook({ consumed2027: true, fiches: true, oneSheet: true });
    const file = path.join(dir, 'cls-2024-2027.xlsx');
    await writeXlsxFile(grid, file);
    const lo = analyseGrid(await readXlsxFile(await recalcWithLibreOffice(file)));
    expect(lo.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const view = conventionView(lo.workbook)!;
    const paid = Object.values(figures).flatMap((y) => Object.values(y)).reduce((s, f) => s + f.paid, 0);
    expect(view.total.totals.paid.toNumber()).toBe(paid);
    expect(view.total.totals.notified.toFixed(2)).toBe('13370192.00');
  });
});

describe('annexes diff across programs', () => {
  it('the sample against its LibreOffice re-save: nothing changed (exit 0)', async () => {
    const copy = path.join(dir, 'exemple.xlsx');
    writeFileSync(copy, readFileSync(SAMPLE));
    const resaved = await recalcWithLibreOffice(copy);
    const { code, stdout } = await run(['diff', SAMPLE, resaved, '--format', 'json']);
    expect(JSON.parse(stdout).changed).toBe(false);
    expect(code).toBe(0);
  });
});
