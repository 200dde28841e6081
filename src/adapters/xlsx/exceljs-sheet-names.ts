/**
 * ExcelJS 4.4 meets a sheet name longer than Excel's 31 characters (LibreOffice and hand-made
 * files allow them) by printing an English warning on the user's terminal (console.warn in
 * Worksheet's name setter) and cutting the name, and meets two names that differ only in case
 * by throwing. Both would reach the user raw. Installed once, the setter below does what Excel's
 * repair does — a name within 31 characters, unique whatever the case — silently, and records the
 * change on the workbook so the command can say it in French.
 */
import type ExcelJS from 'exceljs';

export interface SheetRename {
  from: string;
  to: string;
}

const MAX = 31;
const RENAMED = Symbol.for('annexes.renamedSheets');
const INSTALLED = Symbol.for('annexes.quietSheetNames');

type WorksheetLike = { _workbook?: { _worksheets: (WorksheetLike | undefined)[]; [RENAMED]?: SheetRename[] }; name: string; _name?: string };

export function installQuietSheetNames(): void {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports -- internal class: no public hook exists */
  const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: object };
  const proto = Worksheet.prototype as Record<symbol, boolean>;
  if (proto[INSTALLED]) return;
  const descriptor = Object.getOwnPropertyDescriptor(Worksheet.prototype, 'name');
  if (!descriptor?.set) return;
  const set = descriptor.set;
  proto[INSTALLED] = true;
  Object.defineProperty(Worksheet.prototype, 'name', {
    ...descriptor,
    set(this: WorksheetLike, name: unknown) {
      const wb = this._workbook;
      if (typeof name === 'string' && wb) {
        const wanted = name;
        const taken = (n: string) => wb._worksheets.some((ws) => ws && ws !== this && ws.name.toLowerCase() === n.toLowerCase());
        let fitting = wanted;
        if (fitting.length > MAX || taken(fitting)) {
          for (const c of fittingNames(wanted)) {
            fitting = c;
            if (!taken(c)) break;
          }
        }
        // The model setter names the sheet a second time: the change is recorded once.
        if (fitting !== wanted && fitting !== this._name) (wb[RENAMED] ??= []).push({ from: wanted, to: fitting });
        name = fitting;
      }
      set.call(this, name);
    },
  });
}

/** The name cut to 31 characters, then « name (2) », « name (3) »… within 31 characters. */
function* fittingNames(name: string): Generator<string> {
  if (name.length > MAX) yield cut(name, MAX);
  for (let k = 2; k < 100_000; k++) {
    const suffix = ` (${k})`;
    yield cut(name, MAX - suffix.length) + suffix;
  }
}

/** Cut to n UTF-16 units without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  const head = s.slice(0, n);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Sheets renamed while the workbook was loaded or built. */
export function renamedSheets(wb: ExcelJS.Workbook): SheetRename[] {
  return [...((wb as unknown as { [RENAMED]?: SheetRename[] })[RENAMED] ?? [])];
}
