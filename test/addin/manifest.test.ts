/**
 * The manifest, checked offline: what Excel and the admin center refuse (malformed XML, an id that
 * is not a GUID, http URLs, missing icons) fails here first, and so does a change of the
 * requirement set or the permissions that nobody meant to make.
 */
import { readFileSync, existsSync } from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest, addinUrl, DEV_URL } = require('../../scripts/addin-url.js') as {
  rewriteManifest(xml: string, url: string): string;
  addinUrl(env: Record<string, string | undefined>): string;
  DEV_URL: string;
};

const ROOT = path.join(__dirname, '..', '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function parse(text: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml mal formé : ${error.textContent}`);
  return doc;
}

const doc = parse(xml);
const byTag = (tag: string): Element[] => [...doc.getElementsByTagName(tag)];
const text = (tag: string): string => byTag(tag)[0]?.textContent?.trim() ?? '';

/** The PNG's width and height from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('is a task-pane add-in for workbooks, in French, with a GUID id', () => {
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('DefaultLocale')).toBe('fr-FR');
    expect(byTag('DisplayName')[0].getAttribute('DefaultValue')).toBe('Annexes financières');
    expect(byTag('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
  });

  test('asks for ReadWriteDocument and ExcelApi 1.13, nothing more', () => {
    expect(text('Permissions')).toBe('ReadWriteDocument');
    const sets = byTag('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(['ExcelApi 1.13']);
  });

  test('puts a button "Annexes financières" on the Home tab that opens the pane', () => {
    const tab = byTag('OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = tab.getElementsByTagName('Control')[0];
    const labelId = button.getElementsByTagName('Label')[0].getAttribute('resid');
    const label = byTag('bt:String').find((s) => s.getAttribute('id') === labelId);
    expect(label?.getAttribute('DefaultValue')).toBe('Annexes financières');
    const action = button.getElementsByTagName('Action')[0];
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    const urlId = action.getElementsByTagName('SourceLocation')[0].getAttribute('resid');
    const url = byTag('bt:Url').find((u) => u.getAttribute('id') === urlId);
    expect(url?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  test('every URL is https and every resid is defined', () => {
    const urls = [...xml.matchAll(/DefaultValue="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
    for (const d of byTag('AppDomain')) expect(d.textContent).toMatch(/^https:\/\//);
    const ids = new Set([...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id')));
    for (const e of doc.querySelectorAll('[resid]')) expect(ids).toContain(e.getAttribute('resid'));
  });

  test('every icon it names exists in assets/ at its size', () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(new Set(icons.map((m) => m[2]))).toEqual(new Set(['16', '32', '64', '80']));
    for (const [, file, size] of icons) {
      const abs = path.join(ROOT, file);
      expect(existsSync(abs)).toBe(true);
      expect(pngSize(abs)).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  test('the production build rewrites every URL from ADDIN_URL and stays well-formed', () => {
    expect(addinUrl({})).toBe(DEV_URL);
    expect(addinUrl({ ADDIN_URL: 'https://annexes.cd62.fr/complement' })).toBe('https://annexes.cd62.fr/complement/');
    expect(() => addinUrl({ ADDIN_URL: 'http://annexes.cd62.fr/' })).toThrow(/https/);
    const prod = rewriteManifest(xml, 'https://annexes.cd62.fr/complement/');
    expect(prod).not.toMatch(/localhost/);
    const prodDoc = parse(prod);
    expect(prodDoc.getElementsByTagName('SourceLocation')[0].getAttribute('DefaultValue')).toBe('https://annexes.cd62.fr/complement/taskpane.html');
    expect(prodDoc.getElementsByTagName('AppDomain')[0].textContent).toBe('https://annexes.cd62.fr');
  });
});
