/**
 * End to end, in headless Chromium (real tier): the built harness page runs the real pane, adapter
 * and engine over the stricter fake Excel loaded from the sample .xlsx.
 *   - the pane alone in a window 350 px wide, as Excel on the web opens it: no horizontal scroll,
 *     Réglages reached from the top of the pane in at most 15 presses of Tab, a screenshot of each
 *     section saved into docs/images;
 *   - analyse, click PLAN-DELTA and land on F18 of the plan de financement; fill the volets, undo and
 *     find the workbook as it was; « classeur modifié » after the user types in a cell;
 *   - no request leaves the local server; cell text is never interpreted as HTML.
 */
import { copyFileSync, existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import webpack from 'webpack';
import { gridToXlsxBuffer } from '../../src/adapters/xlsx/write-xlsx';
import { voletSheetName } from '../../src/layout/fill';
import { sampleWith } from '../helpers/sample';
import { type StaticServer, serveDirectory } from './static-server';


const ROOT = path.join(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'test-output', 'e2e-web');
const SHOTS = path.join(ROOT, 'test-output');
const DOC_IMAGES = path.join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FT = 'Construction du plan de finance';
/** Excel on the web's task pane: 350 px wide by default (Office.TaskPane.setWidth, 350 to 500 px). */
const PANE_WIDTH = 350;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration;

/** The harness alone, unminified (the production build is `npm run build`'s business). */
function buildHarness(): Promise<void> {
  const config = webpackConfig({ only: 'harness', outDir: BUILD, noSourceMaps: true }, { mode: 'development' });
  return new Promise((resolve, reject) => {
    webpack(config).run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium, ou CHROMIUM_PATH=…`);
  }
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOC_IMAGES, { recursive: true });
  await buildHarness();
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

const harness = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`window.__annexesHarness.${fn}`) as Promise<T>;

/** A picture for the README: into test-output and docs/images (the real tier keeps them current). */
async function screenshot(page: Page, name: string, options: { whole?: boolean; fullPage?: boolean } = {}): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.waitForTimeout(400); // the tab indicator's animation
  if (options.whole || options.fullPage) await page.screenshot({ path: file, fullPage: options.fullPage });
  else await page.getByTestId('pane').screenshot({ path: file });
  copyFileSync(file, path.join(DOC_IMAGES, `${name}.png`));
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
