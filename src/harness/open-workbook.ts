/**
 * An .xlsx chosen or dropped in the harness → the same Grid the CLI reads, through the browser's
 * reading of the xlsx reader (src/adapters/browser), as the pane reads a previous version.
 */
export { gridFromBytes } from '../adapters/browser/read-xlsx-file';

/** The bundled sample, served next to the harness page (no other network). */
export const SAMPLE_URL = 'samples/pas-de-calais-2024.xlsx';

export async function fetchSample(): Promise<{ data: ArrayBuffer; label: string }> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`Le classeur d’exemple est introuvable (${res.status}).`);
  return { data: await res.arrayBuffer(), label: 'pas-de-calais-2024.xlsx' };
}
