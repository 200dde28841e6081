import type { Grid, GridCell } from './grid';
import type { IndicatorColumn, IndicatorRow, IndicatorTable, IndicatorTableKind, IndicatorValue } from '../domain/indicators';
import type { CellRef } from '../domain/finding';
import { moneyFromNumber, parseFrenchAmount } from '../domain/money';
import { TABLE_DEFINITIONS } from './definitions';
import { type LocatedTable, SheetIndex, locateTables, walkRows } from './reading';
import { cellDisplay, cellText, normaliseText } from './text';
import { axeOf } from './axe';

/**
 * The CLS indicator tables (Annexe 1 local indicators, Annexe 4 national indicators), located like
 * every other table (definitions/indicators.ts); a label alone on its row starting with « Axe » is
 * the axe of the indicators under it, a subject (action, thématique) spans the rows under it.
 */
const AXE_LABEL = /^axe\b/;

export function readIndicatorTables(grid: Grid): IndicatorTable[] {
  return grid.sheets.flatMap((s) => readIndicatorSheet(new SheetIndex(s)));
}

export function readIndicatorSheet(index: SheetIndex): IndicatorTable[] {
  return locateTables(index, TABLE_DEFINITIONS)
    .tables.filter((t) => t.definition.kind === 'cls-indicators')
    .map((t) => readTable(index, t));
}

/** Annexe 4 says "Thématique" and "Cible locale"; Annexe 1 says "Actions" and "Indicateurs locaux". */
function kindOf(columns: IndicatorColumn[]): IndicatorTableKind {
  const header = (k: string) => columns.find((c) => c.key === k)?.header ?? '';
  if (/thematique/.test(header('subject')) || /nationa/.test(header('label'))) return 'cls-national-indicators';
  if (/locaux/.test(header('label')) || /^actions?\b/.test(header('subject'))) return 'cls-local-indicators';
  return columns.some((c) => /cible locale/.test(c.header)) ? 'cls-national-indicators' : 'cls-local-indicators';
}

function readTable(index: SheetIndex, t: LocatedTable): IndicatorTable {
  const columns: IndicatorColumn[] = [...t.band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const kind = kindOf(columns);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const years = [...new Set(columns.filter((c) => c.key.includes(':')).map((c) => Number(c.key.split(':')[1])))].sort((a, b) => a - b);
  const subjectCol = colOf('subject');
  const labelCol = colOf('label') as number;
  const values = columns.filter((c) => c.key === 'baseline' || c.key.includes(':'));
  const table: IndicatorTable = {
    kind,
    sheet: index.name,
    title: kind === 'cls-local-indicators' ? 'Indicateurs locaux (annexe 1)' : 'Indicateurs nationaux (annexe 4)',
    headerTop: t.band.top,
    headerBottom: t.band.bottom,
    columns,
    years,
    rows: [],
  };
  let axeLabel = '';
  let subject = '';
  for (const { row: r, role } of walkRows(index, t)) {
    if (role === 'note') continue;
    if (role === 'group') {
      const c = index.columnsOf(r).find((col) => AXE_LABEL.test(index.own(r, col)));
      if (c !== undefined) axeLabel = cellText(index.raw(r, c));
      continue;
    }
    const label = cellText(index.merged(r, labelCol));
    const ownSubject = subjectCol !== undefined ? cellText(index.merged(r, subjectCol)) : '';
    const hasValue = values.some((c) => cellDisplay(index.raw(r, c.col)) !== '');
    if (ownSubject) subject = ownSubject;
    if (!label && !hasValue) continue; // a subject cell spilling over rows of its own
    const fiche = ficheOf(subject);
    const row: IndicatorRow = {
      row: r,
      axe: axeOf(fiche ?? '', axeLabel),
      subject,
      label: label || `ligne ${r}`,
      years: {},
    };
    if (fiche) row.fiche = fiche;
    const base = colOf('baseline');
    if (base !== undefined) row.baseline = readCount(index.raw(r, base), index.ref(r, base));
    for (const y of years) {
      const target = colOf(`target:${y}`);
      const result = colOf(`result:${y}`);
      row.years[y] = {
        ...(target !== undefined ? { target: readCount(index.raw(r, target), index.ref(r, target)) } : {}),
        ...(result !== undefined ? { result: readCount(index.raw(r, result), index.ref(r, result)) } : {}),
      };
    }
    table.rows.push(row);
  }
  return table;
}

/** "Action 1.1 : Accueil…" → "1.1"; "Action 4.2 :" → "4.2". */
function ficheOf(subject: string): string | undefined {
  const m = /(?:action|fiche)\s*(?:n\s*°\s*)?(\d+)\s*[.,]\s*(\d+)/i.exec(normaliseText(subject));
  return m ? `${m[1]}.${Number(m[2])}` : undefined;
}

/** A count: a number, or French text ("1 100", "5 000"); blank is "not filled in". */
export function readCount(cell: GridCell | undefined, ref: CellRef): IndicatorValue {
  const raw = cellDisplay(cell);
  if (!cell || (cell.value === null && !cell.error && cell.formula === undefined)) return { ref, raw, value: null, readable: true };
  if (cell.error || cell.value === null) return { ref, raw, value: null, readable: false };
  if (typeof cell.value === 'number') return { ref, raw, value: Number.isFinite(cell.value) ? moneyFromNumber(cell.value) : null, readable: Number.isFinite(cell.value) };
  if (typeof cell.value === 'string') {
    if (cell.value.trim() === '') return { ref, raw, value: null, readable: true };
    const v = parseFrenchAmount(cell.value);
    return { ref, raw, value: v, readable: v !== null };
  }
  return { ref, raw, value: null, readable: false };
}
