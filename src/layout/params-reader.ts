import Decimal from 'decimal.js';
import { emptyParameters, type Parameters } from '../domain/parameters';
import type { Money } from '../domain/money';
import { parseFrenchAmount } from '../domain/money';
import type { CellRef } from '../domain/finding';
import { type GridCell, isUncachedFormula } from './grid';
import { TABLE_DEFINITIONS } from './definitions';
import { PARAMETERS_DEFINITION } from './definitions/parameters';
import { type LocatedTable, type SheetIndex, headerlessTable, locateTables, walkRows } from './reading';
import { readAmount } from './read-amount';
import { cellDisplay, cellText, shortLabel } from './text';
import { PARAMETER_KEYS, squashKey, type ParameterKey, type ParameterType } from './parameter-keys';

export { PARAMETER_KEYS, type ParameterKey } from './parameter-keys';

/**
 * Reads the "Paramètres" sheet: the sheet whose name starts with "Paramètres" (accents and case
 * aside), else the first sheet holding a "Paramètre | Valeur" header. Keys go down one column,
 * values in the "Valeur" column (without that header: the cell right of the key).
 *
 * `refs` is keyed like the fields: "department", "clsStart", "ftEnd", "underspendThreshold",
 * "minCdShare", "fseAsCd", "clsNotified.<année>.<axe|total>", "ftCeiling.<volet>".
 * A row with a key and a blank value is simply absent; a row with only a text and no value is a
 * title or a comment. Unknown keys and unreadable values become `problems`, never guesses.
 */
export function readParameters(views: SheetIndex[]): Parameters {
  const params = emptyParameters();
  const found = locate(views);
  if (!found) return params;
  const { index: view, table } = found;
  const keyCol = table.band.columns.get('key')?.col;
  const valueCol = table.band.columns.get('value')?.col;
  params.found = true;
  params.sheet = view.name;
  for (const { row: r, role } of walkRows(view, table)) {
    if (role === 'note') continue;
    const kc = keyCol ?? view.columnsOf(r).find((c) => cellText(view.merged(r, c)) !== '');
    if (kc === undefined) continue;
    const keyText = cellText(view.merged(r, kc)).replace(/\s+/g, ' ');
    if (!keyText) continue;
    const shown = shortLabel(keyText); // as quoted in messages: a 30 000-character key stays readable
    // Without a header, the value is the cell right of the key (of its merge): a description
    // column further right must not be read as the value of a key left blank.
    const vc = valueCol ?? (view.mergeAt(r, kc)?.right ?? kc) + 1;
    if (isBlank(view.raw(r, vc))) continue;
    const cell = view.raw(r, vc) as GridCell;
    const ref = view.ref(r, vc);
    const squashed = squashKey(keyText);
    const spec = PARAMETER_KEYS.find((k) => k.pattern.test(squashed));
    if (!spec) {
      params.problems.push({ ref: view.ref(r, kc), message: `Paramètre inconnu « ${shown} » : ignoré.` });
      continue;
    }
    if (isUncachedFormula(cell)) {
      params.problems.push({ ref, message: `Valeur non calculée pour « ${shown} » (formule =${cell.formula} sans résultat enregistré : recalculer le classeur) ; paramètre ignoré.` });
      continue;
    }
    const value = parseValue(spec.type, cell, ref);
    if (value === null) {
      params.problems.push({ ref, message: unreadable(shown, shortLabel(cellDisplay(cell)), spec.type) });
      continue;
    }
    const m = spec.pattern.exec(squashed) as RegExpExecArray;
    const field = fieldName(spec, m);
    if (params.refs.has(field)) {
      const first = params.refs.get(field) as CellRef;
      params.problems.push({ ref, message: `Paramètre « ${shown} » donné deux fois : la valeur de ${first.address} est retenue.` });
      continue;
    }
    params.refs.set(field, ref);
    if (value instanceof Date && typeof cell.value === 'string') {
      (params.textDates ??= []).push({ ref, key: shown, raw: shortLabel(cell.value), date: value });
    }
    assign(params, spec, m, value);
  }
  return params;
}

interface Located {
  index: SheetIndex;
  table: LocatedTable;
}

/** The sheet named "Paramètres…" (its "Paramètre | Valeur" table, else the whole sheet as key / value lines), else the first sheet holding that table. */
function locate(views: SheetIndex[]): Located | null {
  const headed = (index: SheetIndex) => locateTables(index, TABLE_DEFINITIONS).tables.find((t) => t.definition.kind === 'parameters');
  const named = views.find((v) => squashKey(v.name).startsWith('parametre'));
  if (named) return { index: named, table: headed(named) ?? headerlessTable(named, PARAMETERS_DEFINITION) };
  for (const index of views) {
    const table = headed(index);
    if (table) return { index, table };
  }
  return null;
}

function isBlank(cell: GridCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error !== undefined) return false;
  return cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

type Value = string | Date | Money | boolean;

function parseValue(type: ParameterType, cell: GridCell, ref: CellRef): Value | null {
  if (cell.error !== undefined || cell.value === null) return null; // error value, or formula never computed
  switch (type) {
    case 'text':
      return cellText(cell) || null;
    case 'date':
      return parseDate(cell);
    case 'amount': {
      const a = readAmount(cell, ref);
      return a.kind === 'number' || a.kind === 'text' ? a.value : null;
    }
    case 'ratio':
      return parseRatio(cell.value);
    case 'boolean':
      return parseBoolean(cell.value);
  }
}

/** A Date cell, "31/12/2027" (or 31-12-2027, 31.12.27), or an Excel serial in a date-formatted cell. */
function parseDate(cell: GridCell): Date | null {
  const v = cell.value;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'number') {
    // Office.js hands dates over as serial numbers; only a date format makes one a date.
    if (!cell.numFmt || !/[dj].*m|m.*[dj]|y/i.test(cell.numFmt) || v < 1 || v > 2958465) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const fr = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!fr && !iso) return null;
  const [d, m, y] = fr ? [Number(fr[1]), Number(fr[2]), fr[3].length === 2 ? 2000 + Number(fr[3]) : Number(fr[3])] : [Number(iso?.[3]), Number(iso?.[2]), Number(iso?.[1])];
  const date = new Date(Date.UTC(y, m - 1, d));
  // 31/02/2024 is not a date (Date.UTC would roll it over to March).
  return date.getUTCDate() === d && date.getUTCMonth() === m - 1 ? date : null;
}

/**
 * 0.8, "80 %", "80%", "0,8" → 0.8. A bare number above 1 (80) is read as a percentage typed
 * without its sign: a threshold or a share of 80 times the amount means nothing.
 */
function parseRatio(v: GridCell['value']): Money | null {
  let r: Money | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) r = new Decimal(v.toString());
  else if (typeof v === 'string') {
    const pct = /^(.*?)\s*%$/.exec(v.trim());
    const n = parseFrenchAmount(pct ? pct[1] : v);
    if (n && pct) return n.gte(0) && n.lte(100) ? n.div(100) : null;
    r = n;
  }
  if (r === null) return null;
  if (r.gt(1) && r.lte(100)) r = r.div(100);
  return r.gte(0) && r.lte(1) ? r : null;
}

function parseBoolean(v: GridCell['value']): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v !== 'string') return null;
  const t = squashKey(v);
  if (['oui', 'vrai', 'true', '1', 'yes'].includes(t)) return true;
  if (['non', 'faux', 'false', '0', 'no'].includes(t)) return false;
  return null;
}

const EXPECTED: Record<ParameterType, string> = {
  text: 'un texte',
  date: 'une date jj/mm/aaaa',
  amount: 'un montant en euros, par exemple 1 236 000,00 €',
  ratio: 'un pourcentage, par exemple 80 %',
  boolean: 'oui ou non',
};

function unreadable(key: string, raw: string, type: ParameterType): string {
  return `Valeur illisible pour « ${key} » : « ${raw} » (attendu : ${EXPECTED[type]}) ; paramètre ignoré.`;
}

function fieldName(spec: ParameterKey, m: RegExpExecArray): string {
  if (spec.id === 'clsNotifiedAxe') return `clsNotified.${m[1]}.${Number(m[2])}`;
  if (spec.id === 'clsNotifiedTotal') return `clsNotified.${m[1]}.total`;
  if (spec.id === 'ftCeiling' || spec.id === 'ftLumpSum') return `ftCeiling.${Number(m[1])}`;
  return spec.id;
}

function assign(p: Parameters, spec: ParameterKey, m: RegExpExecArray, value: Value): void {
  switch (spec.id) {
    case 'department':
      p.department = value as string;
      return;
    case 'departmentCode':
      // 62 typed as a number, 2A/2B as text; "1" is département 01.
      p.departmentCode = /^\d$/.test(value as string) ? `0${value as string}` : (value as string);
      return;
    case 'clsStart':
    case 'clsEnd':
    case 'ftStart':
    case 'ftEnd':
      p[spec.id] = value as Date;
      return;
    case 'clsNotifiedAxe':
    case 'clsNotifiedTotal': {
      const year = Number(m[1]);
      const byAxe = p.clsNotified.get(year) ?? new Map<string, Money>();
      byAxe.set(spec.id === 'clsNotifiedTotal' ? 'total' : String(Number(m[2])), value as Money);
      p.clsNotified.set(year, byAxe);
      return;
    }
    case 'clsYearlyForecast':
      p.clsYearlyForecast = value as Money;
      return;
    case 'ftLumpSum':
    case 'ftCeiling':
      p.ftCeilings.set(Number(m[1]), value as Money);
      return;
    case 'underspendThreshold':
      p.underspendThreshold = value as Money;
      return;
    case 'minCdShare':
      p.minCdShare = value as Money;
      return;
    case 'fseAsCd':
      p.fseAsCd = value as boolean;
      return;
    default:
      spec.assign?.(p, value);
  }
}
