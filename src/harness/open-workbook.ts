/**
 * An .xlsx chosen or dropped in the harness → the same Grid the CLI reads, through the same xlsx
 * adapter (ExcelJS's browser build, bundled by webpack with its Node polyfills).
 */
import { Buffer } from 'buffer';
import { readXlsxBuffer } from '../adapters/xlsx/read-xlsx';
import type { Grid } from '../layout/grid';

export async function gridFromBytes(data: ArrayBuffer, label: string): Promise<Grid> {
  return readXlsxBuffer(Buffer.from(data), label);
}

/** The bundled sample, served next to the harness page (no other network). */
export const SAMPLE_URL = 'samples/pas-de-calais-2024.xlsx';

export async function fetchSample(): Promise<{ data: ArrayBuffer; label: string }> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`Le classeur d’exemple est introuvable (${res.status}).`);
  return { data: await res.arrayBuffer(), label: 'pas-de-calais-2024.xlsx' };
}
