/**
 * End to end, in headless Chromium (real tier): the built harness page runs the real pane, adapter
 * and engine over the stricter fake Excel loaded from the sample .xlsx.
 *   - the pane alone in a window 350 px wide, as Excel on the web opens it: no horizontal scroll,
 *     Réglages reached from the top of the pane in at most 15 presses of Tab, a screenshot of each
 *     section saved into test-output (and docs/images with UPDATE_DOCS_IMAGES=1);
 *   - Synthèse: the four-year CLS view, nothing past the pane's margin, its picture;
 *   - « Comparer avec une version précédente »: the sample edited in three places open, the sample
 *     chosen as the previous version, the changes listed, a click lands on the moved cell; the
 *     sample against itself: « Aucun changement »;
 *   - analyse, click PLAN-DELTA and land on F18 of the plan de financement; fill the volets, undo and
 *     find the workbook as it was; « classeur modifié » after the user types in a cell;
 *   - no request leaves the local server; cell text is never interpreted as HTML.
 */
import { copyFileSync, existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { voletSheetName } from '../../src/layout/fill';
import { editedSample } from '../helpers/edited-sample';
import { PLAN, sampleWith } from '../helpers/sample';
import { buildWeb } from './build-web';
import { type StaticServer, serveDirectory } from './static-server';


const ROOT = path.join(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'test-output', 'e2e-web');
const SHOTS = path.join(ROOT, 'test-output');
const DOC_IMAGES = path.join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FT = 'Construction du plan de finance';
const SAMPLE = path.join(ROOT, 'samples', 'pas-de-calais-2024.xlsx');
/** Excel on the web's task pane: 350 px wide by default (Office.TaskPane.setWidth, 350 to 500 px). */
const PANE_WIDTH = 350;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium, ou CHROMIUM_PATH=…`);
  }
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOC_IMAGES, { recursive: true });
  await buildWeb('harness', BUILD);
  server = await serveDirectory(BUILD);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  foreign: string[];
  problems: string[];
}

/** A page whose every request and every console error or CSP violation is recorded. */
async function openPage(viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  // A fixed clock: the pictures (« Analysé à 10:30 ») are the same from one run to the next.
  await page.clock.setFixedTime(new Date('2026-03-16T10:30:00+01:00'));
  const watched: Watched = { page, foreign: [], problems: [] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${server.url}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreign.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) watched.problems.push(m.text());
  });
  page.on('pageerror', (e) => watched.problems.push(e.message));
  return watched;
}

/** Text with the pane's no-break spaces (amounts, « : », « € ») as plain ones. */
const spaced = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const harness = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`window.__annexesHarness.${fn}`) as Promise<T>;

/** A picture: into test-output, and into docs/images for the README with UPDATE_DOCS_IMAGES=1 (a run never dirties the tree). */
async function screenshot(page: Page, name: string, options: { whole?: boolean; fullPage?: boolean; selector?: string; docs?: boolean } = {}): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.waitForTimeout(400); // the tab indicator's animation
  if (options.whole || options.fullPage) await page.screenshot({ path: file, fullPage: options.fullPage });
  else {
    // The pane scrolls inside the window: a part taller than the window is painted only once the window holds it.
    const target = page.locator(options.selector ?? '[data-testid="pane"]');
    const viewport = page.viewportSize()!;
    const height = Math.ceil((await target.boundingBox())?.height ?? 0);
    if (height + 100 > viewport.height) await page.setViewportSize({ width: viewport.width, height: height + 100 });
    await target.screenshot({ path: file });
    await page.setViewportSize(viewport);
  }
  if (options.docs !== false && process.env.UPDATE_DOCS_IMAGES) copyFileSync(file, path.join(DOC_IMAGES, `${name}.png`));
}

/**
 * Elements under `selector` that pass the pane's right margin (20 px) or whose text is cut (content
 * wider than the box that clips it): « nothing cut » at 350 px, measured rather than eyed.
 */
function outOfPane(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ([sel, limit]) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(`${sel}, ${sel} *`)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const clips = getComputedStyle(el).overflowX !== 'visible';
        if (r.right > limit + 0.5 || (clips && el.scrollWidth > el.clientWidth + 1)) out.push(`${el.tagName} « ${(el.textContent ?? '').slice(0, 40)} » ${Math.round(r.right)}`);
      }
      return out;
    },
    [selector, PANE_WIDTH - 20] as const,
  );
}

/** Lines of text under `selector` that overlap one another (two boxes sharing pixels). */
function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const boxes: { text: string; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push({ text: (n.textContent ?? '').trim().slice(0, 30), r });
    }
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 2) out.push(`« ${boxes[i].text} » / « ${boxes[j].text} »`);
      }
    }
    return out;
  }, selector);
}

test('the pane at 350 px: each section, Réglages within 15 presses of Tab, no horizontal scroll', async () => {
  const { page, foreign, problems } = await openPage({ width: PANE_WIDTH, height: 1000 });
  await page.goto(`${server.url}/harness.html?exemple=1&volet=seul`);
  await page.getByRole('button', { name: 'Analyser le classeur' }).waitFor();

  await page.getByRole('button', { name: 'Analyser le classeur' }).click();
  await page.getByText('Analyse terminée').waitFor();

  // After the analysis (its message and every finding on screen), from the top of the pane — Excel
  // gives the pane its own document — Tab until Réglages.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(2, 2); // the pane's top margin: Tab starts from the top
  let presses = 0;
  let onSettings = false;
  while (presses < 15 && !onSettings) {
    await page.keyboard.press('Tab');
    presses++;
    onSettings = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab' && (document.activeElement.textContent ?? '').startsWith('Réglages'));
    if (!onSettings && (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab'))) {
      // A tab bar is one stop: its tabs are reached with the arrow keys (WAI-ARIA tabs pattern).
      for (let i = 0; i < 4 && !onSettings; i++) {
        await page.keyboard.press('ArrowRight');
        onSettings = await page.evaluate(() => (document.activeElement?.textContent ?? '').startsWith('Réglages'));
      }
    }
  }
  expect(onSettings).toBe(true);
  expect(presses).toBeLessThanOrEqual(15);
  console.log(`Réglages atteint en ${presses} appui${presses > 1 ? 's' : ''} sur Tab (et les flèches dans la barre d’onglets)`);
  await page.keyboard.press('Enter');
  await page.getByText('Lectures appliquées au classeur').waitFor();
  await page.getByRole('tab', { name: /^Constats/ }).click();

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  // The tab bar keeps the 20 px margins (Microsoft's layout guidance for task panes).
  const tabEdges = await page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => [t.getBoundingClientRect().left, t.getBoundingClientRect().right]));
  expect(Math.max(...tabEdges.map(([, r]) => r))).toBeLessThanOrEqual(PANE_WIDTH - 20 + 4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'pane-constats', { fullPage: true });

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await page.getByRole('heading', { name: 'Synthèse' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await screenshot(page, 'pane-synthese', { fullPage: true });

  // The four-year CLS view: the years read, the cumul per axe, art. 2.2; the total year by year.
  const cls = page.getByRole('region', { name: 'CLS 2024-2027 — part État sur la durée de la convention' });
  expect(spaced(await cls.innerText())).toContain('Années lues : 2024 prévu et exécuté, 2025 prévu.');
  await screenshot(page, 'pane-cls-quatre-ans', { selector: '[data-convention]' });
  await cls.getByRole('button', { name: 'Total CLS, 2024-2027' }).click();
  await cls.getByRole('table', { name: 'Total CLS, année par année' }).waitFor();
  await page.waitForTimeout(600); // the panel's opening motion
  const clsText = spaced(await cls.innerText());
  expect(clsText).toMatch(/2024-2027\s+13 370 192,00 €\s+6 685 096,00 €/);
  expect(clsText).toContain('Notifié 6 685 096,00 € · versé 3 342 548,00 €');
  expect(await outOfPane(page, '[data-convention]')).toEqual([]);
  expect(await overlaps(page, '[data-convention]')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await screenshot(page, 'pane-cls-annee-par-annee', { selector: 'table[data-line="total"]' });

  await page.getByRole('tab', { name: 'Écritures' }).click();
  await page.getByRole('button', { name: 'Recalculer les colonnes' }).click();
  await page.getByText('Recalculer les colonnes : terminé').waitFor();
  await page.getByRole('tab', { name: 'Écritures' }).click();
  await page.getByRole('button', { name: 'Annuler cette écriture' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await screenshot(page, 'pane-ecritures', { fullPage: true });

  await page.getByRole('tab', { name: 'Réglages' }).click();
  await page.getByText('Lectures appliquées au classeur').waitFor();
  await screenshot(page, 'pane-reglages', { fullPage: true });
  await page.getByRole('switch').click();
  await page.getByRole('button', { name: 'Écrire dans « Paramètres »…' }).click();
  await page.getByRole('dialog').waitFor();
  await screenshot(page, 'pane-reglages-accord', { whole: true });
  await page.getByRole('dialog').getByRole('button', { name: 'Ne pas écrire' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});

test('« Comparer avec une version précédente » at 350 px: the edited sample open, the sample chosen; the changes listed, a click shows the moved cell; nothing written', async () => {
  const { page, foreign, problems } = await openPage({ width: PANE_WIDTH, height: 1000 });
  await page.goto(`${server.url}/harness.html?volet=seul`);
  await page.getByTestId('file-input').setInputFiles({ name: 'annexes-corrigees.xlsx', mimeType: 'application/octet-stream', buffer: await gridToXlsxBuffer(editedSample()) });
  await page.getByRole('button', { name: 'Analyser le classeur' }).waitFor();
  const before = await harness<unknown>(page, 'snapshot()');

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await page.getByTestId('version-precedente').setInputFiles(SAMPLE);
  await page.getByText('Comparaison terminée').waitFor();
  const results = page.locator('[data-comparison]');
  await results.getByRole('heading', { name: 'Changements depuis « pas-de-calais-2024.xlsx »' }).waitFor();
  const listed = spaced(await results.innerText());
  expect(listed).toContain('4 montants ou quantités modifiés, 2 totaux modifiés, 2 constats corrigés.');
  expect(listed).toMatch(/Montants et quantités modifiés \(4\)/);
  expect(listed).toMatch(/« Conseil départemental »\s+951 146,00 € → 1 051 146,00 € \(\+100 000,00 €\)\s+Plan d'action!E8 → Plan d'action!G11/);
  expect(listed).toMatch(/3030 places → 330 places/);
  expect(listed).toMatch(/53 500,00 € → 53 560,00 € \(\+60,00 €\)/);
  expect(listed).toMatch(/Constats corrigés \(2\)/);

  await results.locator(`button[data-target="${PLAN}!G11"]`).click();
  await page.waitForFunction(() => (window as unknown as { __annexesHarness: { selection(): unknown } }).__annexesHarness.selection() !== null);
  expect(await harness(page, 'selection()')).toEqual({ sheet: PLAN, address: 'G11' });
  expect(await outOfPane(page, '[data-comparison]')).toEqual([]);
  expect(await overlaps(page, '[data-comparison]')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0); // no card under the pointer (its hover colour) in the pictures
  await screenshot(page, 'pane-comparer', { fullPage: true });
  await screenshot(page, 'pane-comparer-liste', { selector: '[data-comparison]', docs: false }); // the whole list, for review
  expect(await harness(page, 'snapshot()')).toEqual(before);

  // The sample against itself.
  await page.getByTestId('file-input').setInputFiles(SAMPLE);
  await page.waitForFunction(() => (window as unknown as { __annexesHarness: { label: string } }).__annexesHarness.label === 'pas-de-calais-2024.xlsx');
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await page.getByTestId('version-precedente').setInputFiles(SAMPLE);
  await page.getByText('Comparaison terminée').waitFor();
  expect(spaced(await page.locator('[data-comparison]').innerText())).toContain('Aucun changement : mêmes montants, mêmes lignes, mêmes paramètres, mêmes constats.');

  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});

test('analyse, show the PLAN-DELTA cell, fill the volets, undo: the workbook is as before; a user’s edit is noticed', async () => {
  const { page, foreign, problems } = await openPage();
  await page.goto(`${server.url}/harness.html?exemple=1`);
  await page.getByText('Classeur en mémoire : pas-de-calais-2024.xlsx').waitFor();
  const before = await harness<unknown>(page, 'snapshot()');

  // Write buttons wait for an analysis.
  await page.getByRole('tab', { name: 'Écritures' }).click();
  expect(await page.getByRole('button', { name: 'Remplir les volets 1/2/3' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Analyser le classeur' }).click();
  await page.getByText('Analyse terminée').waitFor();
  await page.getByRole('button', { name: /Feuille « Construction du plan de finance »/ }).click();
  const delta = page.locator('[data-rule="PLAN-DELTA"]');
  await expect(delta.innerText()).resolves.toMatch(/^Erreur\s+Delta différent de Cible − Existant.*3030 places.*330 places/s);
  await delta.click();
  await page.waitForFunction(() => (window as unknown as { __annexesHarness: { selection(): unknown } }).__annexesHarness.selection() !== null);
  expect(await harness(page, 'selection()')).toEqual({ sheet: FT, address: 'F18' });
  await expect(page.locator('td[data-address="F18"]').innerText()).resolves.toBe('3030 places');
  await screenshot(page, 'banc-essai-f18', { whole: true });

  await page.getByRole('tab', { name: 'Écritures' }).click();
  await page.getByRole('button', { name: 'Remplir les volets 1/2/3' }).click();
  await page.getByText('Remplir les volets 1/2/3 : terminé').waitFor();
  const sheets = await harness<{ name: string; state: string }[]>(page, 'sheets()');
  for (const v of [1, 2, 3]) expect(sheets).toContainEqual({ name: voletSheetName(v), state: 'visible' });
  await page.getByRole('tab', { name: 'Écritures' }).click();
  await page.getByRole('button', { name: 'Annuler cette écriture' }).click();
  await page.getByText('Écriture annulée').waitFor();
  expect(await harness(page, 'snapshot()')).toEqual(before);

  // The user types in the workbook: the pane says its findings may be stale.
  expect(await page.getByTestId('classeur-modifie').count()).toBe(0);
  await page.evaluate(`window.__annexesHarness.edit('Paramètres', 'D60', 'une note')`);
  await page.getByTestId('classeur-modifie').waitFor();

  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});

test('a cell holding HTML shows as text, never as markup', async () => {
  const payload = '<img src=x onerror="window.__xss=1">';
  const grid = sampleWith({});
  const ft = grid.sheets.find((s) => s.name === FT)!;
  for (const cols of ft.rows.values()) {
    for (const cell of cols.values()) {
      if (typeof cell.value === 'string' && cell.value.startsWith('Action 2: Amplifier')) cell.value = `Action 2 ${payload}`;
    }
  }
  const { page, foreign, problems } = await openPage();
  await page.goto(`${server.url}/harness.html`);
  await page.getByTestId('file-input').setInputFiles({ name: 'piege.xlsx', mimeType: 'application/octet-stream', buffer: await gridToXlsxBuffer(grid) });
  await page.getByText('Classeur en mémoire : piege.xlsx').waitFor();
  await page.getByRole('button', { name: 'Analyser le classeur' }).click();
  await page.getByText('Analyse terminée').waitFor();
  await page.getByRole('button', { name: /Feuille « Construction du plan de finance »/ }).click();
  const finding = page.locator('[data-rule="PLAN-DELTA"]');
  await expect(finding.innerText()).resolves.toContain(payload);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
