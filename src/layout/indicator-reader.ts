import type { Grid, GridCell } from './grid';
import type { IndicatorColumn, IndicatorRow, IndicatorTable, IndicatorTableKind, IndicatorValue } from '../domain/indicators';
import type { CellRef } from '../domain/finding';
import { moneyFromNumber, parseFrenchAmount } from '../domain/money';
import { anchorRows, bandTexts } from './header-band';
import { SheetView } from './sheet-view';
import { cellDisplay, cellText, normaliseText } from './text';
import { axeOf } from './axe';

/**
 * Finds the CLS indicator tables (Annexe 1 local indicators, Annexe 4 national indicators) by their
 * header texts, like the other readers: "Situation au 31 déc. 2023" anchors the header; the year
 * columns are recognised by their wording ("Cible 2024", "Cible locale en 2025", "Résultat atteint
 * en 2024"), so a workbook may hold any span of years, in any column order.
 */
const ANCHOR = /situation au|^indicateurs? (locaux|nationaux)$/;
const MAX_BAND_HEIGHT = 4;
/** A run of blank rows this long ends a table (a sheet may hold notes under it). */
const MAX_BLANK_RUN = 3;

const SUBJECT = /^(actions?|thematiques?|fiches? actions?)\b/;
const LABEL = /^indicateurs?\b/;
const BASELINE = /situation au/;
const TARGET = /^cibles?\b.*?(\d{4})/;
const RESULT = /^resultats?\b.*?(\d{4})/;
const AXE_LABEL = /^axe\b/;

export function readIndicatorTables(grid: Grid): IndicatorTable[] {
  return grid.sheets.flatMap((s) => readIndicatorSheet(new SheetView(s)));
}

export function readIndicatorSheet(view: SheetView): IndicatorTable[] {
  const bands: Band[] = [];
  for (const row of anchorRows(view, ANCHOR)) {
    if (bands.some((b) => row >= b.top && row <= b.bottom)) continue;
    const band = bestBand(view, row);
    if (band) bands.push(band);
  }
  bands.sort((a, b) => a.top - b.top);
  return bands.map((b, i) => readTable(view, b, i + 1 < bands.length ? bands[i + 1].top - 1 : view.maxRow));
}

interface Band {
  top: number;
  bottom: number;
  columns: IndicatorColumn[];
  kind: IndicatorTableKind;
}

function bestBand(view: SheetView, anchor: number): Band | null {
  let best: (Band & { score: number }) | null = null;
  for (let top = Math.max(1, anchor - MAX_BAND_HEIGHT + 1); top <= anchor; top++) {
    for (let bottom = anchor; bottom < top + MAX_BAND_HEIGHT; bottom++) {
      const texts = bandTexts(view, top, bottom);
      const columns = classify(texts);
      const has = (k: string) => columns.some((c) => c.key === k);
      // An indicator column, and a baseline or at least one year: otherwise not an indicator table.
      if (!has('label') || !columns.some((c) => c.key === 'baseline' || c.key.includes(':'))) continue;
      const score = columns.length * 10 - (bottom - top);
      if (!best || score > best.score) best = { top, bottom, columns, kind: kindOf(texts, columns), score };
    }
  }
  return best;
}

function classify(texts: Map<number, string>): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  const taken = new Set<string>();
  for (const col of [...texts.keys()].sort((a, b) => a - b)) {
    const header = texts.get(col) as string;
    let key: string | null = null;
    const t = TARGET.exec(header);
    const r = RESULT.exec(header);
    if (t) key = `target:${t[1]}`;
    else if (r) key = `result:${r[1]}`;
    else if (BASELINE.test(header)) key = 'baseline';
    else if (LABEL.test(header)) key = 'label';
    else if (SUBJECT.test(header)) key = 'subject';
    if (key && !taken.has(key)) {
      taken.add(key);
      out.push({ key, col, header });
    }
  }
  return out;
}

/** Annexe 4 says "Thématique" and "Cible locale"; Annexe 1 says "Actions" and "Indicateurs locaux". */
function kindOf(texts: Map<number, string>, columns: IndicatorColumn[]): IndicatorTableKind {
  const header = (k: string) => columns.find((c) => c.key === k)?.header ?? '';
  if (/thematique/.test(header('subject')) || /nationa/.test(header('label'))) return 'cls-national-indicators';
  if (/locaux/.test(header('label')) || /^actions?\b/.test(header('subject'))) return 'cls-local-indicators';
  return [...texts.values()].some((t) => /cible locale/.test(t)) ? 'cls-national-indicators' : 'cls-local-indicators';
}

function readTable(view: SheetView, band: Band, limit: number): IndicatorTable {
  const colOf = (key: string) => band.columns.find((c) => c.key === key)?.col;
  const years = [...new Set(band.columns.filter((c) => c.key.includes(':')).map((c) => Number(c.key.split(':')[1])))].sort((a, b) => a - b);
  const subjectCol = colOf('subject');
  const labelCol = colOf('label') as number;
  const minCol = Math.min(...band.columns.map((c) => c.col));
  const maxCol = Math.max(...band.columns.map((c) => c.col));
  const table: IndicatorTable = {
    kind: band.kind,
    sheet: view.name,
    title: band.kind === 'cls-local-indicators' ? 'Indicateurs locaux (annexe 1)' : 'Indicateurs nationaux (annexe 4)',
    headerTop: band.top,
    headerBottom: band.bottom,
    columns: band.columns,
    years,
    rows: [],
  };
  let axeLabel = '';
  let subject = '';
  let blankRun = 0;
  for (let r = band.bottom + 1; r <= limit; r++) {
    if (view.isBlankRow(r, minCol, maxCol) && !(subjectCol && cellText(view.merged(r, subjectCol)))) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const label = cellText(view.merged(r, labelCol));
    const ownSubject = subjectCol !== undefined ? cellText(view.merged(r, subjectCol)) : '';
    const values = band.columns.filter((c) => c.key === 'baseline' || c.key.includes(':'));
    const hasValue = values.some((c) => cellDisplay(view.raw(r, c.col)) !== '');
    // A group label on its own row ("Axe 1 Prévenir la pauvreté…"), wherever it was typed.
    const rowTexts = view.columnsOf(r).filter((c) => c >= minCol && c <= maxCol).map((c) => view.norm(r, c)).filter(Boolean);
    if (!hasValue && rowTexts.length > 0 && rowTexts.every((t) => AXE_LABEL.test(t))) {
      axeLabel = cellText(view.raw(r, view.columnsOf(r).find((c) => AXE_LABEL.test(view.norm(r, c))) as number));
      continue;
    }
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
    if (base !== undefined) row.baseline = readCount(view.raw(r, base), view.ref(r, base));
    for (const y of years) {
      const t = colOf(`target:${y}`);
      const res = colOf(`result:${y}`);
      row.years[y] = {
        ...(t !== undefined ? { target: readCount(view.raw(r, t), view.ref(r, t)) } : {}),
        ...(res !== undefined ? { result: readCount(view.raw(r, res), view.ref(r, res)) } : {}),
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
