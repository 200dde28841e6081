/**
 * Inflating in the browser, for the xlsx reader in the pane and the harness: pako's streaming inflate, stopped as soon as
 * the output passes the part's declared size (the same bound Node's zlib applies in the CLI).
 */
import type { InflateRaw } from '../xlsx/reader/zip-archive';

interface PakoInflate {
  push(data: Uint8Array, last: boolean): boolean;
  onData: (chunk: Uint8Array) => void;
  err: number;
  msg: string;
}

// pako 1.x has no type declarations; this is the little of it used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pako = require('pako') as { Inflate: new (options: { raw: boolean; chunkSize: number }) => PakoInflate };

const TOO_LARGE = new Error('inflated past the limit');

export const pakoInflateRaw: InflateRaw = (data, limit) => {
  const inflator = new pako.Inflate({ raw: true, chunkSize: Math.max(1024, Math.min(limit, 1 << 20)) });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    total += chunk.length;
    if (total > limit) throw TOO_LARGE;
    chunks.push(chunk);
  };
  try {
    inflator.push(data, true);
  } catch (e) {
    if (e === TOO_LARGE) return null;
    throw e;
  }
  if (inflator.err) throw new Error(`inflate: ${inflator.msg || inflator.err}`);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
