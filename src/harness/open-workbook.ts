/**
 * An .xlsx chosen or dropped in the harness → the same Grid the CLI reads, through the same reader
 * (src/adapters/xlsx/reader), inflating with pako instead of Node's zlib.
 */
import { readXlsxBytes } from '../adapters/xlsx/reader/read-grid';
import type { Grid } from '../layout/grid';
import { pakoInflateRaw } from './pako-inflate';

export async function gridFromBytes(data: ArrayBuffer, label: string): Promise<Grid> {
  return readXlsxBytes(new Uint8Array(data), label, { inflateRaw: pakoInflateRaw });
}

/** The bundled sample, served next to the harness page (no other network). */
export const SAMPLE_URL = 'samples/pas-de-calais-2024.xlsx';

export async function fetchSample(): Promise<{ data: ArrayBuffer; label: string }> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`Le classeur d’exemple est introuvable (${res.status}).`);
  return { data: await res.arrayBuffer(), label: 'pas-de-calais-2024.xlsx' };
}
