/**
 * What a person does in Excel between two add-in actions, for tests and the harness: type in a
 * cell, insert or delete rows and columns, protect a sheet, rename, hide or delete one. Each action
 * is Excel's, with its consequences (references rewritten, events raised), not a shortcut.
 */
import { parseArea } from '../office-address';
import { shiftLines } from './fake-structure';
import type { ProtectionOptions } from './fake-protection';
import type { FakeWorkbookModel } from './fake-workbook-model';

export class FakeUser {
  constructor(
    private readonly model: FakeWorkbookModel,
    private readonly after: () => void,
  ) {}

  private sheet(name: string) {
    const s = this.model.find(name);
    if (!s) throw new Error(`fake Excel (user): no sheet « ${name} »`);
    return s;
  }

  private area(address: string) {
    const a = parseArea(address);
    if (!a) throw new Error(`fake Excel (user): bad address ${address}`);
    return a;
  }

  private done(): void {
    this.model.recalculate(false);
    this.after();
  }

  /** Types into one cell as a user does: "=A1+1" is a formula, "'12" text, null clears. */
  edit(sheet: string, address: string, input: string | number | boolean | null): void {
    const a = this.area(address);
    this.model.write(this.sheet(sheet), { top: a.top, left: a.left, bottom: a.top, right: a.left }, 'formulas', [[input ?? '']], false);
    this.done();
  }

  insertRows(sheet: string, at: number, count = 1): void {
    shiftLines(this.model, this.sheet(sheet), 'row', at, count);
    this.after();
  }

  deleteRows(sheet: string, at: number, count = 1): void {
    shiftLines(this.model, this.sheet(sheet), 'row', at, -count);
    this.after();
  }

  insertColumns(sheet: string, at: number, count = 1): void {
    shiftLines(this.model, this.sheet(sheet), 'col', at, count);
    this.after();
  }

  deleteColumns(sheet: string, at: number, count = 1): void {
    shiftLines(this.model, this.sheet(sheet), 'col', at, -count);
    this.after();
  }

  /** Révision › Protéger la feuille; `allow` as the dialog's check boxes (allowFormatCells…). */
  protect(sheet: string, allow: ProtectionOptions = {}, password?: string): void {
    this.model.protection.states.set(this.sheet(sheet), { protected: true, options: { ...allow }, ...(password ? { password } : {}) });
    this.after();
  }

  unprotect(sheet: string): void {
    this.model.protection.states.delete(this.sheet(sheet));
    this.after();
  }

  /** Format › Cellule › Protection › Verrouillée, on cells or (wholeColumns) on whole columns. */
  setLocked(sheet: string, address: string, locked: boolean, wholeColumns = false): void {
    this.model.protection.setLocked(this.sheet(sheet), this.area(address), locked, wholeColumns);
  }

  fill(sheet: string, address: string, color: string | null): void {
    this.model.setFill(this.sheet(sheet), this.area(address), color, false);
    this.after();
  }

  rename(sheet: string, name: string): void {
    this.model.renameSheet(this.sheet(sheet), name);
    this.done();
  }

  deleteSheet(sheet: string): void {
    this.model.deleteSheet(this.sheet(sheet));
    this.after();
  }

  hide(sheet: string): void {
    this.model.setVisibility(this.sheet(sheet), 'Hidden');
    this.after();
  }

  addSheet(name: string): void {
    this.model.addSheet(name);
    this.after();
  }
}
