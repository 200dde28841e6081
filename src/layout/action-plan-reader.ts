import type { AmountCell, AnnexTable, TableColumn, TableRow } from '../domain/table';
import { anchorRows, bestBandAround, duplicateColumns, type ColumnSpec, type HeaderBand } from './header-band';
import type { SheetView } from './sheet-view';
import { readAmount } from './read-amount';
import { attachRowFormula, attachTotalFormula } from './attach-formulas';
import { cellText, shortLabel, ficheNumber, normaliseText } from './text';

/**
 * France Travail "Plan d'action" summary: one row per fiche action (FA 2.1…2.8) with its financing
 * and the total cost ("Montant de l'action" is State + CD + other funders, not the State share:
 * seed §1.5, 8 386 784 € = 2 × 4 125 892 + 135 000).
 *
 * Patterns are normalised texts. State and CD columns must start their header ("État",
 * "Conseil départemental"): the CLS tables, which also have "Intitulé de l'action", say
 * "Participation État notifiée…" and "Crédits CD affectés…" and are not taken for this table.
 */
export const ACTION_PLAN_SPECS: ColumnSpec[] = [
  { key: 'fa', match: /^(n ?° ?|numero )?(de (la )?)?(fa|fiches? actions?)\b/, required: true },
  { key: 'title', match: /intitule/ },
  { key: 'volet', match: /^volets?\b/ },
  { key: 'otherNature', match: /nature des? (autres )?financ/ },
  { key: 'other', match: /autres? financeurs?|autres? financements?|^autres?$/ },
  { key: 'state', match: /^(part (de l')?)?etat\b/, exclude: /etat des/, required: true },
  { key: 'cd', match: /^(part (du )?)?(conseil departemental|cd\b|departement\b)/, required: true },
  { key: 'total', match: /montant (total )?de l.?action|^(montant |cout )?total( de l.?action)?$/, required: true },
];

const ANCHOR = /intitule de l.?action|montant (total )?de l.?action|^(n ?° ?)?fa$/;
const AMOUNT_KEYS = ['state', 'cd', 'other', 'total'];
const TOTAL_LABEL = /^tota(l|ux)\b/;
/** A run of blank rows this long ends a table that has no TOTAL row. */
const MAX_BLANK_RUN = 5;
const LABEL_MAX = 80;

/** Reads every "Plan d'action" table of a sheet. */
export function readActionPlans(view: SheetView): AnnexTable[] {
  const bands = findBands(view);
  return bands.map((band, i) => readTable(view, band, i + 1 < bands.length ? bands[i + 1].top - 1 : view.maxRow));
}

function findBands(view: SheetView): HeaderBand[] {
  const found: HeaderBand[] = [];
  for (const row of anchorRows(view, ANCHOR)) {
    if (found.some((b) => row >= b.top && row <= b.bottom)) continue;
    const band = bestBandAround(view, row, ACTION_PLAN_SPECS);
    if (!band || !isActionPlan(band)) continue;
    const clash = found.findIndex((b) => b.top <= band.bottom && band.top <= b.bottom);
    if (clash >= 0) {
      if (band.score > found[clash].score) found[clash] = band;
    } else {
      found.push(band);
    }
  }
  return found.sort((a, b) => a.top - b.top);
}

/** An FA or intitulé column, and "Montant de l'action" or two financing columns. */
function isActionPlan(band: HeaderBand): boolean {
  const c = band.columns;
  if (!c.has('fa') && !c.has('title')) return false;
  return c.has('total') || AMOUNT_KEYS.filter((k) => c.has(k)).length >= 2;
}

function readTable(view: SheetView, band: HeaderBand, limit: number): AnnexTable {
  const columns: TableColumn[] = [...band.columns]
    .map(([key, v]) => ({ key, col: v.col, header: v.header }))
    .sort((a, b) => a.col - b.col);
  const colOf = (key: string) => columns.find((c) => c.key === key)?.col;
  const amountCols = columns.filter((c) => AMOUNT_KEYS.includes(c.key));
  const minCol = Math.min(...columns.map((c) => c.col));
  const maxCol = Math.max(...columns.map((c) => c.col));
  const table: AnnexTable = {
    kind: 'ft-action-plan',
    sheet: view.name,
    title: "Plan d'action",
    year: null,
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    missing: band.missing,
    duplicateColumns: duplicateColumns(view, band, ACTION_PLAN_SPECS),
    rows: [],
  };
  const text = (r: number, key: string) => {
    const c = colOf(key);
    return c === undefined ? '' : cellText(view.merged(r, c)).replace(/\s+/g, ' ').trim();
  };
  let blankRun = 0;
  let previous = band.bottom;
  for (const r of view.rowsBetween(band.bottom, limit)) {
    // Rows holding no cell at all are blank: counted, not visited (a used range may reach row 1 048 576).
    blankRun += r - previous - 1;
    previous = r;
    if (blankRun >= MAX_BLANK_RUN && table.rows.length > 0) break;
    if (view.isBlankRow(r, minCol, maxCol)) {
      if (++blankRun >= MAX_BLANK_RUN && table.rows.length > 0) break;
      continue;
    }
    blankRun = 0;
    const faCol = colOf('fa');
    const fa = faCol === undefined ? '' : ficheNumber(view.raw(r, faCol));
    const title = text(r, 'title');
    const isTotal = [fa, title].some((t) => TOTAL_LABEL.test(normaliseText(t)));
    const amounts: Record<string, AmountCell | undefined> = {};
    for (const c of amountCols) amounts[c.key] = readAmount(view.raw(r, c.col), view.ref(r, c.col));
    const total = amounts.total;
    if (total) attachRowFormula(total, columns);
    if (isTotal) {
      for (const c of amountCols) attachTotalFormula(amounts[c.key] as AmountCell);
      table.rows.push({
        kind: 'total',
        row: r,
        label: truncate([fa, title].find((t) => TOTAL_LABEL.test(normaliseText(t))) ?? 'TOTAL'),
        amounts,
        sumOf: table.rows.map((x, i) => (x.kind === 'detail' ? i : -1)).filter((i) => i >= 0),
      });
      break;
    }
    const row: TableRow = { kind: 'detail', row: r, label: truncate([fa, title].filter(Boolean).join(' ') || `ligne ${r}`), amounts };
    if (fa) row.key = fa;
    const texts: Record<string, string> = {};
    if (title) texts.title = title;
    // "Volet 2", 2, "V2" → "2": the volet is a number (art. 3.3 applies to volet 2 actions).
    const volet = /\d+/.exec(text(r, 'volet'))?.[0];
    if (volet) texts.volet = volet;
    const otherNature = text(r, 'otherNature');
    if (otherNature) texts.otherNature = otherNature;
    row.texts = texts;
    table.rows.push(row);
  }
  return table;
}

function truncate(s: string): string {
  return shortLabel(s, LABEL_MAX);
}
