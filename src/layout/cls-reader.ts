import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { CLS_LABEL_KEYS, CLS_ROWS, type ClsKind, isClsKind } from './definitions/cls';
import { TABLE_DEFINITIONS } from './definitions';
import { type LocatedTable, type SheetIndex, locateTables, walkRows } from './reading';
import { readAmount } from './read-amount';
import { attachFormulas, columnKeys } from './attach-formulas';
import { cellText, ficheNumber, normaliseText, shortLabel } from './text';
import { axeOf } from './axe';

/** Every CLS "Tableau financier" block of a sheet (prévisionnel, exécution, récapitulatif). */
export function readClsBlocks(index: SheetIndex): AnnexTable[] {
  return locateTables(index, TABLE_DEFINITIONS)
    .tables.filter((t) => isClsKind(t.definition.kind))
    .map((t) => readBlock(index, t));
}

function readBlock(index: SheetIndex, t: LocatedTable): AnnexTable {
  const kind = t.definition.kind as ClsKind;
  const columns: TableColumn[] = [...t.band.columns].map(([key, v]) => ({ key, col: v.col, header: v.header }));
  const amountCols = columns.filter((c) => !CLS_LABEL_KEYS.has(c.key));
  const keys = columnKeys(columns);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const ficheCol = colOf('fiche');
  const titleCol = colOf('title');
  const axeCol = colOf('axe');
  const year = blockYear(index, t, kind);
  const table: AnnexTable = {
    kind,
    sheet: index.name,
    title: blockTitle(kind, year),
    year,
    headerTop: t.band.top,
    headerBottom: t.band.bottom,
    columns,
    missing: t.band.missing,
    duplicateColumns: t.duplicates,
    rows: [],
  };
  let currentAxe = '';
  let groupStart = 0;
  for (const { row: r, role, labels } of walkRows(index, t)) {
    if (role === 'note') continue;
    const axeText = axeCol !== undefined ? cellText(index.merged(r, axeCol)) : '';
    if (role === 'group') {
      currentAxe = axeText || labels[0] || currentAxe;
      continue;
    }
    const rowKind = role === 'subtotal' ? 'subtotal' : role === 'data' ? 'detail' : 'total';
    const amounts: Record<string, AmountCell> = {};
    let hasAmount = false;
    for (const c of amountCols) {
      const cell = index.raw(r, c.col);
      amounts[c.key] = readAmount(cell, index.ref(r, c.col));
      if (cell && (cell.value !== null || cell.formula !== undefined || cell.error)) hasAmount = true;
    }
    const fiche = ficheCol !== undefined ? ficheNumber(index.raw(r, ficheCol)) : '';
    const title = titleCol !== undefined ? cellText(index.merged(r, titleCol)) : '';
    if (rowKind === 'detail' && !fiche && !title && !hasAmount) {
      if (axeText) currentAxe = axeText; // a label in a column without header, alone on its row
      continue;
    }
    if (rowKind === 'detail' && axeText && axeText !== currentAxe && !CLS_ROWS.subtotal?.test(normaliseText(axeText))) currentAxe = axeText;
    for (const c of amountCols) attachFormulas(amounts[c.key], { keys, total: rowKind !== 'detail' });
    const row: TableRow = { kind: rowKind, row: r, label: '', amounts };
    if (rowKind === 'detail') {
      row.key = fiche || undefined;
      row.group = axeOf(fiche, currentAxe);
      row.label = shortLabel([fiche, title].filter(Boolean).join(' ')) || `ligne ${r}`;
    } else if (rowKind === 'subtotal') {
      row.sumOf = [];
      table.rows.forEach((x, i) => x.kind === 'detail' && i >= groupStart && row.sumOf?.push(i));
      row.group = row.sumOf.length ? table.rows[row.sumOf[0]].group : undefined;
      row.label = row.group ? `Sous total axe ${row.group}` : 'Sous total';
      groupStart = table.rows.length + 1;
    } else {
      row.sumOf = [];
      row.sumOfSubtotals = [];
      table.rows.forEach((x, i) => (x.kind === 'detail' ? row.sumOf : row.sumOfSubtotals)?.push(i));
      row.label = 'TOTAUX FINANCIERS';
    }
    table.rows.push(row);
    if (rowKind === 'total') break;
  }
  return table;
}

function blockYear(index: SheetIndex, t: LocatedTable, kind: ClsKind): number | null {
  const texts = [...t.band.columns.values()].map((c) => c.header);
  const find = (re: RegExp) => {
    for (const text of texts) {
      const m = re.exec(text);
      if (m) return Number(m[1]);
    }
    return null;
  };
  const y = kind === 'cls-forecast' ? (find(/notifiee pour (?:la convention )?(\d{4})/) ?? find(/prevu en (\d{4})/)) : (find(/verses en (\d{4})/) ?? find(/realise au 31\/12\/(\d{4})/));
  if (y) return y;
  // The subtitle above the header, in the block's own columns ("Prévisionnel Année 2025" heads the récapitulatif 2024).
  for (let r = t.band.top - 1; r >= Math.max(1, t.band.top - 6); r--) {
    for (const c of index.columnsOf(r)) {
      if (c < t.window.left || c > t.span.right) continue;
      const m = /(?:annee|budgetaire)\s+(\d{4})/.exec(index.norm(r, c));
      if (m) return kind === 'cls-recap' ? Number(m[1]) - 1 : Number(m[1]);
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
