import { deflateRawSync } from 'zlib';
import { gridToXlsxBuffer } from '../../../src/adapters/xlsx/write-xlsx';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../../src/adapters/xlsx/errors';
import { ZipFormatError, readZipDirectory } from '../../../src/adapters/xlsx/zip-directory';
import { guardXlsxArchive } from '../../../src/adapters/xlsx/zip-guard';
import { newSheet, setCell } from '../../../src/layout/grid';
import { crc32, deflatedEntry, zipArchive } from '../../fixtures/zip-writer';

async function workbook(): Promise<Buffer> {
  const s = newSheet('Annexe');
  setCell(s, 1, 1, { value: 'Intitulé de l’action' });
  return gridToXlsxBuffer({ sheets: [s] });
}

/** One stored entry written the ZIP64 way: 0xFFFFFFFF in the headers, the sizes in extra field 1, a ZIP64 end record. */
function zip64(name: string, data: Buffer): Buffer {
  const n = Buffer.from(name);
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(data.length), 4);
  extra.writeBigUInt64LE(BigInt(data.length), 12);
  extra.writeBigUInt64LE(0n, 20);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const dirOffset = local.length + n.length + data.length;
  const dir = Buffer.concat([central, n, extra]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(1n, 24);
  end64.writeBigUInt64LE(1n, 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(dirOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dirOffset + dir.length), 8);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([local, n, data, dir, end64, locator, end]);
}

function refusal(buf: Buffer, max?: number): UnreadableWorkbookError {
  try {
    guardXlsxArchive(buf, 'annexe.xlsx', max);
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableWorkbookError);
    return e as UnreadableWorkbookError;
  }
  throw new Error('accepted');
}

describe('readZipDirectory', () => {
  it('lists the parts of a workbook with their declared sizes', async () => {
    const entries = readZipDirectory(await workbook(), 100);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']));
    expect(entries.every((e) => e.method === 0 || e.method === 8)).toBe(true);
  });

  it('reads ZIP64 sizes and offsets', () => {
    const [entry] = readZipDirectory(zip64('xl/workbook.xml', Buffer.from('<workbook/>')), 10);
    expect(entry).toMatchObject({ name: 'xl/workbook.xml', method: 0, compressedSize: 11, uncompressedSize: 11, localHeaderOffset: 0 });
  });

  it('refuses an archive cut before its directory, or with more entries than allowed', async () => {
    const buf = await workbook();
    expect(() => readZipDirectory(buf.subarray(0, buf.length - 30), 100)).toThrow(ZipFormatError);
    expect(() => readZipDirectory(buf, 3)).toThrow(/too many entries/);
  });
});

describe('guardXlsxArchive', () => {
  it('lets a workbook through, under the default limit and under a limit of its own size', async () => {
    const buf = await workbook();
    const size = readZipDirectory(buf, 100).reduce((s, e) => s + e.uncompressedSize, 0);
    expect(() => guardXlsxArchive(buf, 'annexe.xlsx')).not.toThrow();
    expect(() => guardXlsxArchive(buf, 'annexe.xlsx', size)).not.toThrow();
    expect(refusal(buf, size - 1).reason).toBe('too-large');
    await expect(readXlsxBuffer(buf, 'annexe.xlsx', { maxUncompressedBytes: size - 1 })).rejects.toThrow(/une fois décompressé/);
  });

  it('refuses parts whose bytes do not match what the directory says', async () => {
    const parts = () => [deflatedEntry('xl/workbook.xml', Buffer.from('<workbook/>')), deflatedEntry('xl/worksheets/sheet1.xml', Buffer.from('<worksheet/>'))];
    const lying = parts();
    lying[1] = { ...lying[1], stored: deflateRawSync(Buffer.alloc(50_000)) };
    expect(refusal(zipArchive(lying)).message).toMatch(/incomplet ou endommagé/);
    const stored = parts();
    stored[0] = { ...stored[0], method: 0, stored: Buffer.from('<workbook/>!') };
    expect(refusal(zipArchive(stored)).message).toMatch(/incomplet ou endommagé/);
    const odd = parts();
    odd[0] = { ...odd[0], method: 12 as 8 };
    expect(refusal(zipArchive(odd)).message).toMatch(/incomplet ou endommagé/);
  });

  it('refuses a ZIP64 archive without worksheet with the precise reason', () => {
    expect(refusal(zip64('xl/workbook.xml', Buffer.from('<workbook/>'))).message).toMatch(/il ne contient aucune feuille de calcul/);
  });
});
