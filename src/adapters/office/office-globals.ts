/// <reference types="office-js" />
/**
 * The `Excel` and `Office` globals, injected: Excel gives them to the pane as globals once
 * office.js has loaded; tests and the browser harness pass the fake instead. Typed with the real
 * Office.js declarations, so every call the adapter makes is checked against the real API.
 */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export interface OfficeApi {
  context: {
    document: { settings: DocumentSettings };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export interface OfficeGlobals {
  excel: ExcelApi;
  office: OfficeApi;
}

/** Sheets the add-in owns for its undo data; never read as annexes, never shown. */
export const INTERNAL_SHEET_PREFIX = '_annexes_';
export const UNDO_SHEET = '_annexes_annulation';

export function isInternalSheet(name: string): boolean {
  return name.startsWith(INTERNAL_SHEET_PREFIX);
}
