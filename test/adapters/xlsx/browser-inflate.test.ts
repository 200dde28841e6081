/**
 * The harness reads .xlsx in the browser with the same reader, inflating with pako instead of
 * Node's zlib: the grids are the same, and a part inflating past its declared size is stopped there.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { deflateRawSync } from 'zlib';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { readXlsxBytes } from '../../../src/adapters/xlsx/reader/read-grid';
import { pakoInflateRaw } from '../../../src/adapters/browser/pako-inflate';
import { gridDifferences } from '../../helpers/grid-diff';
import { trickZip, xlsxEntries } from '../../fixtures/zip-tricks';

const sample = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'pas-de-calais-2024.xlsx'));

describe('reading with pako (the harness) and with zlib (the CLI)', () => {
  it('gives the same grid', async () => {
    const node = await readXlsxBuffer(sample, 'exemple.xlsx');
    const browser = readXlsxBytes(new Uint8Array(sample.buffer, sample.byteOffset, sample.byteLength), 'exemple.xlsx', { inflateRaw: pakoInflateRaw });
    expect(gridDifferences(browser, node)).toEqual([]);
  });

  it('stops a part at one byte past its declared size, and refuses it', () => {
    const parts = xlsxEntries(sample).map((p) => (p.name === 'docProps/app.xml' ? { ...p, stored: deflateRawSync(Buffer.alloc(8 << 20)), declaredSize: 100 } : p));
    expect(pakoInflateRaw(deflateRawSync(Buffer.alloc(8 << 20)), 101)).toBeNull();
    expect(pakoInflateRaw(deflateRawSync(Buffer.from('abc')), 4)).toEqual(new Uint8Array([97, 98, 99]));
    expect(() => readXlsxBytes(trickZip(parts), 'exemple.xlsx', { inflateRaw: pakoInflateRaw })).toThrow(/incomplet ou endommagé/);
  });

  it('refuses corrupt deflate data as damaged', () => {
    const parts = xlsxEntries(sample).map((p) => (p.name === 'docProps/app.xml' ? { ...p, stored: Buffer.from([0xff, 0xff, 0xff, 0x00]) } : p));
    expect(() => readXlsxBytes(trickZip(parts), 'exemple.xlsx', { inflateRaw: pakoInflateRaw })).toThrow(/incomplet ou endommagé/);
  });
});
