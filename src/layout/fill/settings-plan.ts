/**
 * The pane's readings (FSE+ counted as CD money, under-consumption threshold) written where every
 * front end reads them: the « Paramètres » sheet. `annexes check` on the saved file then applies the
 * officer's readings. Pure: a plan of cells, applied (and undoable) like any other write.
 *   - a key already there gets its value cell rewritten (a blank value included);
 *   - a missing key is added below the sheet's last row, in its key/value columns;
 *   - a workbook without Paramètres sheet gets one, « Paramètre | Valeur » header and the rows.
 * Keys are written with the labels of PARAMETER_KEYS, values as the template writes them.
 */
import type Decimal from 'decimal.js';
import type { Analysis } from '../analyse';
import { type Grid, type GridSheet, cellAddress, getCell, sheetExtent } from '../grid';
import { PARAMETER_KEYS, type ParameterId, squashKey } from '../parameter-keys';
import { cellText } from '../text';
import type { CellWrite, WritePlan } from '../write-plan';

export const PARAMS_SHEET = 'Paramètres';

export interface ReadingSettings {
  fseAsCd: boolean;
  /** 0 < t ≤ 1 (0.8 = 80 %). */
  underspendThreshold: Decimal;
}

export interface SettingChange {
  id: ParameterId;
  label: string;
  /** As the pane says it: « oui », « 75 % ». */
  shown: string;
  /** Where the value goes, "Paramètres!B14". */
  cell: string;
}

export interface SettingsPlan {
  plan: WritePlan;
  changes: SettingChange[];
}

const IDS: ParameterId[] = ['fseAsCd', 'underspendThreshold'];

export function planSettings(grid: Grid, analysis: Analysis, settings: ReadingSettings): SettingsPlan {
  const params = analysis.workbook.params;
  const current = { fseAsCd: params.fseAsCd, underspendThreshold: params.underspendThreshold };
  const wanted = IDS.filter((id) => (id === 'fseAsCd' ? current.fseAsCd !== settings.fseAsCd : !current.underspendThreshold?.eq(settings.underspendThreshold)));
  const sheet = params.found && params.sheet ? grid.sheets.find((s) => s.name === params.sheet) : undefined;
  const sheetName = sheet?.name ?? PARAMS_SHEET;
  const writes: CellWrite[] = [];
  const changes: SettingChange[] = [];
  const layout = sheet ? keyValueColumns(sheet) : { keyCol: 1, valueCol: 2, header: 1 };
  let nextRow = sheet ? sheetExtent(sheet).maxRow + 1 : 2;
  if (!sheet && wanted.length) {
    writes.push(text(sheetName, 1, 1, 'Paramètre'), text(sheetName, 1, 2, 'Valeur'));
  }
  for (const id of wanted) {
    const key = PARAMETER_KEYS.find((k) => k.id === id)!;
    const ref = params.refs.get(id);
    let row: number, col: number;
    if (ref) {
      ({ row, col } = ref);
    } else {
      const found = sheet ? findKey(sheet, key.pattern) : null;
      row = found?.row ?? nextRow++;
      col = found && layout.header === null ? found.col + 1 : layout.valueCol;
      if (!found) writes.push(text(sheetName, row, layout.keyCol, key.label));
    }
    const value = valueOf(id, settings);
    writes.push({ sheet: sheetName, row, col, value: value.value, ...(value.numFmt ? { numFmt: value.numFmt } : {}), purpose: 'control' });
    changes.push({ id, label: key.label, shown: value.shown, cell: `${sheetName}!${cellAddress(row, col)}` });
  }
  const description = changes.length
    ? `Réglages écrits dans la feuille « ${sheetName} » : ${changes.map((c) => `${c.label} = ${c.shown} (${c.cell.split('!')[1]})`).join(' ; ')}`
    : 'Réglages : la feuille Paramètres dit déjà la même chose';
  return {
    plan: { description, createSheets: sheet || !wanted.length ? [] : [{ name: sheetName, columnWidths: { 1: 40, 2: 20 }, frozenRows: 1 }], writes },
    changes,
  };
}

function text(sheet: string, row: number, col: number, value: string): CellWrite {
  return { sheet, row, col, value, purpose: 'control' };
}

function valueOf(id: ParameterId, s: ReadingSettings): { value: string | number; numFmt?: string; shown: string } {
  if (id === 'fseAsCd') return { value: s.fseAsCd ? 'oui' : 'non', shown: s.fseAsCd ? 'oui' : 'non' };
  const pct = s.underspendThreshold.times(100);
  const decimals = pct.isInteger() ? 0 : pct.times(10).isInteger() ? 1 : 2;
  return {
    value: s.underspendThreshold.toNumber(),
    numFmt: decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`,
    shown: `${pct.toFixed(decimals).replace('.', ',')} %`,
  };
}

/** The « Paramètre | Valeur » header's columns when the sheet has one, else A and B. */
function keyValueColumns(sheet: GridSheet): { keyCol: number; valueCol: number; header: number | null } {
  for (const [r, cols] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    const keyCol = [...cols.keys()].find((c) => /^parametres?$/.test(squashKey(cellText(getCell(sheet, r, c)))));
    if (keyCol === undefined) continue;
    const valueCol = [...cols.keys()].find((c) => c > keyCol && /^valeurs?$/.test(squashKey(cellText(getCell(sheet, r, c)))));
    if (valueCol !== undefined) return { keyCol, valueCol, header: r };
  }
  return { keyCol: 1, valueCol: 2, header: null };
}

/** A key whose value is blank (the reader skips such rows, so `refs` does not have it). */
function findKey(sheet: GridSheet, pattern: RegExp): { row: number; col: number } | null {
  for (const [row, cols] of sheet.rows) {
    for (const [col, cell] of cols) if (pattern.test(squashKey(cellText(cell)))) return { row, col };
  }
  return null;
}
