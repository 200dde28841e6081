import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { anchorRows, bestBandAround, duplicateColumns, type HeaderBand } from './header-band';
import { CLS_LABEL_KEYS, CLS_SPECS, type ClsKind } from './cls-columns';
import type { SheetView } from './sheet-view';
import { readAmount } from './read-amount';
import { attachRowFormula, attachTotalFormula } from './attach-formulas';
import { cellText, ficheNumber, normaliseText, shortLabel } from './text';
import { axeOf } from './axe';

const ANCHOR = /intitule de l.?action|fiche action/;
const SUBTOTAL = /^sous[- ]?tota(l|ux)\b/;
const TOTAL = /^(totaux|total)\b/;
const NEXT_TITLE = /^tableau financier|^previsionnel annee|^execution budgetaire/;

interface FoundHeader {
  kind: ClsKind;
  band: HeaderBand;
}

/** Finds every CLS "Tableau financier" block of a sheet by its header texts. */
export function readClsBlocks(view: SheetView): AnnexTable[] {
  const headers = findHeaders(view);
  return headers.map((h, i) => readBlock(view, h, i + 1 < headers.length ? headers[i + 1].band.top - 1 : view.maxRow));
}

function findHeaders(view: SheetView): FoundHeader[] {
  const found: FoundHeader[] = [];
  for (const row of anchorRows(view, ANCHOR)) {
    if (found.some((f) => row >= f.band.top && row <= f.band.bottom)) continue;
    let best: FoundHeader | null = null;
    for (const kind of Object.keys(CLS_SPECS) as ClsKind[]) {
      const band = bestBandAround(view, row, CLS_SPECS[kind]);
      if (!band) continue;
      const amountCols = [...band.columns.keys()].filter((k) => !CLS_LABEL_KEYS.has(k)).length;
      if (amountCols < 3) continue; // an "Intitulé" that heads some other table
      // The kind whose required columns are all there wins; then the one matching most columns
      // (a récapitulatif also holds the words of a prévisionnel header).
      if (!best || rank(band) > rank(best.band)) best = { kind, band };
    }
    if (best) found.push(best);
  }
  return found.sort((a, b) => a.band.top - b.band.top);
}

function rank(b: HeaderBand): number {
  return (b.missing.length === 0 ? 1000 : 0) + b.columns.size * 10 - (b.bottom - b.top);
}

function readBlock(view: SheetView, h: FoundHeader, limit: number): AnnexTable {
  const columns: TableColumn[] = [...h.band.columns].map(([key, v]) => ({ key, col: v.col, header: v.header }));
  const amountCols = columns.filter((c) => !CLS_LABEL_KEYS.has(c.key));
  const labelCols = columns.filter((c) => CLS_LABEL_KEYS.has(c.key));
  const firstAmountCol = Math.min(...amountCols.map((c) => c.col));
  const labelColNumbers = new Set(labelCols.map((c) => c.col));
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const ficheCol = colOf('fiche');
  const titleCol = colOf('title');
  const axeCol = colOf('axe');
  const year = blockYear(view, h);
  const table: AnnexTable = {
    kind: h.kind,
    sheet: view.name,
    title: blockTitle(h.kind, year),
    year,
    headerTop: h.band.top,
    headerBottom: h.band.bottom,
    columns,
    missing: h.band.missing,
    duplicateColumns: duplicateColumns(view, h.band, CLS_SPECS[h.kind]),
    rows: [],
  };
  let currentAxe = '';
  let groupStart = 0;
  for (const r of view.rowsBetween(h.band.bottom, limit)) {
    // Label texts: the cells' own text, plus any text left of the amounts (shifted labels).
    const own: string[] = [];
    for (const c of labelCols) {
      const t = normaliseText(cellText(view.raw(r, c.col)));
      if (t) own.push(t);
    }
    for (let c = 1; c < firstAmountCol; c++) {
      if (!labelColNumbers.has(c)) {
        const t = normaliseText(cellText(view.raw(r, c)));
        if (t) own.push(t);
      }
    }
    if (own.some((t) => NEXT_TITLE.test(t))) break;
    const kind = own.some((t) => SUBTOTAL.test(t)) ? 'subtotal' : own.some((t) => TOTAL.test(t)) ? 'total' : 'detail';
    const amounts: Record<string, AmountCell> = {};
    let hasAmount = false;
    for (const c of amountCols) {
      const cell = view.raw(r, c.col);
      amounts[c.key] = readAmount(cell, view.ref(r, c.col));
      if (cell && (cell.value !== null || cell.formula !== undefined || cell.error)) hasAmount = true;
    }
    const fiche = ficheCol !== undefined ? ficheNumber(view.raw(r, ficheCol)) : '';
    const title = titleCol !== undefined ? cellText(view.merged(r, titleCol)) : '';
    const axeText = axeCol !== undefined ? cellText(view.merged(r, axeCol)) : '';
    if (kind === 'detail' && !fiche && !title && !hasAmount) {
      if (axeText) currentAxe = axeText; // a group label on its own row
      continue;
    }
    if (kind === 'detail' && axeText && !SUBTOTAL.test(normaliseText(axeText))) currentAxe = axeText;
    for (const c of amountCols) {
      const a = amounts[c.key];
      attachRowFormula(a, columns);
      if (kind !== 'detail') attachTotalFormula(a);
    }
    const row: TableRow = { kind, row: r, label: '', amounts };
    if (kind === 'detail') {
      row.key = fiche || undefined;
      row.group = axeOf(fiche, currentAxe);
      row.label = shortLabel([fiche, title].filter(Boolean).join(' ')) || `ligne ${r}`;
    } else {
      const indices = table.rows.map((x, i) => ({ x, i }));
      if (kind === 'subtotal') {
        row.sumOf = indices.filter(({ x, i }) => x.kind === 'detail' && i >= groupStart).map(({ i }) => i);
        row.group = row.sumOf.length ? table.rows[row.sumOf[0]].group : undefined;
        row.label = row.group ? `Sous total axe ${row.group}` : 'Sous total';
      } else {
        row.sumOf = indices.filter(({ x }) => x.kind === 'detail').map(({ i }) => i);
        row.sumOfSubtotals = indices.filter(({ x }) => x.kind === 'subtotal').map(({ i }) => i);
        row.label = 'TOTAUX FINANCIERS';
      }
      groupStart = table.rows.length + 1;
    }
    table.rows.push(row);
    if (kind === 'total') break;
  }
  return table;
}

function blockYear(view: SheetView, h: FoundHeader): number | null {
  const texts = [...h.band.columns.values()].map((c) => c.header);
  const find = (re: RegExp) => {
    for (const t of texts) {
      const m = re.exec(t);
      if (m) return Number(m[1]);
    }
    return null;
  };
  if (h.kind === 'cls-forecast') {
    const y = find(/notifiee pour (?:la convention )?(\d{4})/) ?? find(/prevu en (\d{4})/);
    if (y) return y;
  } else {
    const y = find(/verses en (\d{4})/) ?? find(/realise au 31\/12\/(\d{4})/);
    if (y) return y;
  }
  // Fall back on the subtitle above the header ("Prévisionnel Année 2025" heads the récapitulatif 2024).
  for (let r = h.band.top - 1; r >= Math.max(1, h.band.top - 6); r--) {
    for (const c of view.columnsOf(r)) {
      const m = /(?:annee|budgetaire)\s+(\d{4})/.exec(view.norm(r, c));
      if (m) return h.kind === 'cls-recap' ? Number(m[1]) - 1 : Number(m[1]);
    }
  }
  return null;
}

function blockTitle(kind: ClsKind, year: number | null): string {
  const y = year ?? 'n';
  const next = year ? year + 1 : 'n+1';
  if (kind === 'cls-forecast') return `Prévisionnel ${y}`;
  if (kind === 'cls-execution') return `Exécution ${y}`;
  return `Récapitulatif ${y} – prévisionnel ${next}`;
}
