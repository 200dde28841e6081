/**
 * The bytes checked are the bytes read: every archive two zip readers could read two ways is
 * refused as unreadable, with a French message, before anything is inflated; limits apply to what
 * actually inflates.
 */
import { deflateRawSync } from 'zlib';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../../src/adapters/xlsx/errors';
import { XlsxArchive } from '../../../src/adapters/xlsx/reader/zip-archive';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { newSheet, setCell } from '../../../src/layout/grid';
import { type TrickEntry, type TrickOptions, extraField, trickZip, unicodePathExtra, xlsxEntries } from '../../fixtures/zip-tricks';

let parts: TrickEntry[];

beforeAll(async () => {
  const s = newSheet('Annexe');
  setCell(s, 1, 1, { value: 'Intitulé de l’action' });
  setCell(s, 2, 1, { value: 618000 });
  parts = xlsxEntries(await gridToXlsxBuffer({ sheets: [s] }));
});

const sheetPart = () => parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;

async function refusal(entries: TrickEntry[], options?: TrickOptions): Promise<UnreadableWorkbookError> {
  try {
    await readXlsxBuffer(trickZip(entries, options), 'annexe.xlsx');
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableWorkbookError);
    const u = e as UnreadableWorkbookError;
    expect(u.message).toMatch(/^Le fichier « annexe\.xlsx » n'est pas un classeur Excel lisible : /);
    return u;
  }
  throw new Error('the archive was read');
}

/** An inflate that fails the test if called: the refusal must come before any inflating. */
const noInflate = () => {
  throw new Error('inflated');
};

describe('the archive reader', () => {
  it('reads an honest rewrite of a workbook (the builder itself is sound)', async () => {
    const grid = await readXlsxBuffer(trickZip(parts), 'annexe.xlsx');
    expect(grid.sheets[0].rows.get(2)?.get(1)).toEqual({ value: 618000 });
  });

  it('refuses two parts of the same name, also differing only by case', async () => {
    const dup = { ...sheetPart(), data: Buffer.from('<worksheet/>') };
    expect((await refusal([...parts, dup])).message).toMatch(/contient deux fois la partie « xl\/worksheets\/sheet1\.xml »/);
    expect((await refusal([...parts, { ...dup, name: 'XL/Worksheets/Sheet1.xml', localName: undefined }])).message).toMatch(/deux fois la partie/);
  });

  it.each([
    ['../xl/worksheets/sheet1.xml', /« \.\. » ou « \. »/],
    ['xl/./worksheets/x.xml', /« \.\. » ou « \. »/],
    ['/xl/worksheets/sheet2.xml', /chemin absolu/],
    ['C:/xl/sheet.xml', /chemin absolu/],
    ['xl\\worksheets\\sheet2.xml', /barre oblique inverse/],
    ['xl//worksheets/sheet2.xml', /segment vide/],
    ['xl/worksheets/sheet\u0000.xml', /caractère de contrôle/],
  ])('refuses the part name %j', async (name, why) => {
    const m = (await refusal([...parts, { name, data: Buffer.from('<worksheet/>') }])).message;
    expect(m).toMatch(/une partie au nom invalide/);
    expect(m).toMatch(why);
  });

  it('refuses a local header naming another part than the central directory', async () => {
    const entries = parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, localName: 'xl/worksheets/sheet9.xml' } : p));
    expect((await refusal(entries)).message).toMatch(/se contredisent sur le nom de la partie « xl\/worksheets\/sheet1\.xml »/);
  });

  it('refuses renaming extra fields (Unicode Path), central or local', async () => {
    const name = 'xl/worksheets/sheet1.xml';
    const central = parts.map((p) => (p.name === name ? { ...p, centralExtra: unicodePathExtra(name, 'xl/worksheets/sheet2.xml') } : p));
    expect((await refusal(central)).message).toMatch(/donne un second nom à la partie « xl\/worksheets\/sheet1\.xml »/);
    const local = parts.map((p) => (p.name === name ? { ...p, localExtra: unicodePathExtra(name, 'xl/worksheets/sheet2.xml') } : p));
    expect((await refusal(local)).message).toMatch(/second nom/);
    // Other extra fields (timestamps) are fine.
    const stamped = parts.map((p) => (p.name === name ? { ...p, centralExtra: extraField(0x5455, Buffer.from([1, 0, 0, 0, 0])) } : p));
    await expect(readXlsxBuffer(trickZip(stamped), 'annexe.xlsx')).resolves.toBeDefined();
  });

  it('refuses central entries past the count the end record declares (the hidden entry)', async () => {
    const bomb: TrickEntry = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), stored: deflateRawSync(Buffer.alloc(4 << 20)), declaredSize: 4 << 20 };
    expect((await refusal(parts, { hidden: [bomb] })).message).toMatch(/parties au-delà du nombre que déclare sa fin \(parties cachées\)/);
    expect((await refusal(parts, { hidden: [{ ...bomb, name: 'xl/media/x.bin' }], sizeCoversHidden: true })).message).toMatch(/parties cachées/);
  });

  it('refuses a ZIP64 end record that disagrees with the end record (a second directory)', async () => {
    await expect(readXlsxBuffer(trickZip(parts, { zip64: {} }), 'annexe.xlsx')).resolves.toBeDefined();
    expect((await refusal(parts, { zip64: { count: parts.length + 1 } })).message).toMatch(/incomplet ou endommagé/);
    expect((await refusal(parts, { zip64: { offset: 30 } })).message).toMatch(/incomplet ou endommagé/);
  });

  it('refuses entries whose bytes overlap, and bytes after the end record', async () => {
    const overlapping = parts.map((p, i) => (i === 0 ? { ...p, compressedSizeDelta: 40 } : p));
    expect((await refusal(overlapping)).message).toMatch(/se chevauchent|incomplet ou endommagé/);
    expect((await refusal(parts, { trailing: Buffer.from('PK\u0005\u0006 trailing') })).message).toMatch(/fin de l'archive zip est incohérente/);
  });

  it('refuses all this before inflating anything', () => {
    const dup = { ...sheetPart(), data: Buffer.from('<worksheet/>') };
    for (const bytes of [trickZip([...parts, dup]), trickZip(parts, { hidden: [dup] }), trickZip(parts, { zip64: { count: 99 } })]) {
      expect(() => XlsxArchive.open(bytes, 'annexe.xlsx', noInflate)).toThrow(UnreadableWorkbookError);
    }
  });

  it('counts what inflates against the limit, not what the archive declares', async () => {
    // A part declaring 10 bytes that inflates to 4 Mo: stopped at 11 bytes, refused as damaged.
    const liar = parts.map((p) => (p.name === 'docProps/app.xml' ? { ...p, stored: deflateRawSync(Buffer.alloc(4 << 20)), declaredSize: 10 } : p));
    const limits: number[] = [];
    const counting = (data: Uint8Array, limit: number) => {
      limits.push(limit);
      const out = (jest.requireActual('zlib') as typeof import('zlib')).inflateRawSync(data, { maxOutputLength: 1 << 30 });
      return out.length > limit ? null : out;
    };
    const archive = XlsxArchive.open(trickZip(liar), 'annexe.xlsx', counting);
    expect(() => archive.verifyUnread()).toThrow(/incomplet ou endommagé/);
    // The inflater was never allowed more than the declared size plus one byte.
    expect(limits).toContain(11);
    expect(Math.max(...limits)).toBeLessThan(64 * 1024);
  });

  it('reads each part once', () => {
    const archive = XlsxArchive.open(trickZip(parts), 'annexe.xlsx', (d) => (jest.requireActual('zlib') as typeof import('zlib')).inflateRawSync(d));
    archive.read('xl/workbook.xml');
    expect(() => archive.read('xl/workbook.xml')).toThrow(/read twice/);
  });
});
