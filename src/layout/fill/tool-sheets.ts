import { type Grid, type GridSheet, getCell } from '../grid';
import type { WritePlan } from '../write-plan';
import { CONTROLS_TITLE } from './controls-sheet';
import { VOLET_NOTE } from './volet-templates';
import { BILAN_NOTE } from './bilan-sheet';
import { quoteSheet } from './formula-text';

/**
 * The sheets the tool owns (« Contrôles », « Etat des dépenses VOLET 1/2/3 », « Bilan financier FT ») are rebuilt at each
 * fill and replace the previous ones. A sheet of the user that bears one of those names is not
 * the tool's and is never replaced: it stays as it is (with its name, so formulas pointing to it
 * keep working), and the tool's sheet takes the next free name, « Contrôles (2) », as Excel names
 * a copied sheet. The tool's own sheets are told apart by what they hold (isToolSheet), so a second
 * fill replaces « Contrôles (2) » rather than adding « Contrôles (3) ».
 */
export interface ToolSheetRename {
  /** The tool's name for the sheet, and the user's sheet that holds it (its own spelling). */
  wanted: string;
  userSheet: string;
  used: string;
}

/** The tool's signature: the note of a volet statement or of the bilan, or the title of the Contrôles sheet in A1. */
export function isToolSheet(sheet: GridSheet): boolean {
  if (getCell(sheet, 1, 1)?.value === CONTROLS_TITLE) return true;
  for (const cols of sheet.rows.values()) for (const cell of cols.values()) if (cell.value === VOLET_NOTE || cell.value === BILAN_NOTE) return true;
  return false;
}

const MAX_NAME = 31;
/** Excel compares sheet names regardless of case (« CONTRÔLES » is « Contrôles »). */
const key = (name: string) => name.toLowerCase();

/**
 * The plan with each sheet it replaces renamed when a sheet of the user holds the name; the
 * renames are also said at the end of the plan's description.
 */
export function claimToolSheets(grid: Grid, plan: WritePlan): { plan: WritePlan; renamed: ToolSheetRename[] } {
  const sheets = new Map(grid.sheets.map((s) => [key(s.name), s]));
  const renamed: ToolSheetRename[] = [];
  const taken = new Set<string>();
  for (const s of plan.createSheets) {
    if (!s.replace) continue;
    const existing = sheets.get(key(s.name));
    if (!existing || isToolSheet(existing)) continue;
    const used = freeName(s.name, sheets, taken);
    taken.add(key(used));
    renamed.push({ wanted: s.name, userSheet: existing.name, used });
  }
  if (renamed.length === 0) return { plan, renamed };
  const to = new Map(renamed.map((r) => [r.wanted, r.used]));
  const rename = (name: string) => to.get(name) ?? name;
  // The bilan's formulas point at the statements: they follow a statement that takes another name.
  const relink = (formula: string) => renamed.reduce((f, r) => f.split(`${quoteSheet(r.wanted)}!`).join(`${quoteSheet(r.used)}!`), formula);
  const notes = renamed.map((r) => `La feuille « ${r.userSheet} » du classeur n’est pas celle de l’outil : elle est conservée telle quelle, et la feuille de l’outil s’appelle « ${r.used} ».`);
  return {
    plan: {
      description: [plan.description, ...notes].filter(Boolean).join(' '),
      createSheets: plan.createSheets.map((s) => ({ ...s, name: rename(s.name) })),
      writes: plan.writes.map((w) => ({ ...w, sheet: rename(w.sheet), ...(w.formula !== undefined ? { formula: relink(w.formula) } : {}) })),
      ...(plan.styles ? { styles: plan.styles.map((x) => ({ ...x, sheet: rename(x.sheet) })) } : {}),
    },
    renamed,
  };
}

/** « Name (2) », « Name (3) »…: the tool's sheet of an earlier fill if there is one, else the first free name. */
function freeName(name: string, sheets: Map<string, GridSheet>, taken: Set<string>): string {
  const candidates: string[] = [];
  // At most sheets.size + taken.size names are occupied: one more candidate is always free.
  for (let k = 2; k <= sheets.size + taken.size + 2; k++) {
    const suffix = ` (${k})`;
    const c = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken.has(key(c))) candidates.push(c);
  }
  const earlier = candidates.find((c) => {
    const s = sheets.get(key(c));
    return s !== undefined && isToolSheet(s);
  });
  return earlier ?? (candidates.find((c) => !sheets.has(key(c))) as string);
}
