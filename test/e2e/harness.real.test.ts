/**
 * End to end, in headless Chromium: the built harness page runs the real pane, adapter and engine
 * over the fake Excel loaded from the sample .xlsx. The scenario of issue 4: analyse, see PLAN-DELTA,
 * click it and land on F18 of the plan de financement, fill the volets, undo and find the workbook
 * as it was. No request may leave the local server; cell text is never interpreted as HTML.
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
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FT = 'Construction du plan de finance';

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
async function openPage(): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
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

/** The pane alone, or the whole harness page (workbook and pane) with `whole`. */
async function screenshot(page: Page, name: string, whole = false): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  if (whole) await page.screenshot({ path: file });
  else await page.getByTestId('pane').screenshot({ path: file });
  // `UPDATE_DOCS_IMAGES=1 npx jest test/e2e` refreshes the README's pictures from the same run.
  if (process.env.UPDATE_DOCS_IMAGES) {
    mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(file, path.join(ROOT, 'docs', 'images', `${name}.png`));
  }
}

test('analyse, show the PLAN-DELTA cell, fill the volets, undo: the workbook is as before', async () => {
  const { page, foreign, problems } = await openPage();
  await page.goto(`${server.url}/harness.html?exemple=1`);
  await page.getByText('Classeur en mémoire : pas-de-calais-2024.xlsx').waitFor();
  const before = await harness<unknown>(page, 'snapshot()');

  await page.getByRole('button', { name: 'Analyser le classeur' }).click();
  await page.getByText('Analyse terminée').waitFor();
  const delta = page.locator('[data-rule="PLAN-DELTA"]');
  await expect(delta.count()).resolves.toBe(1);
  await expect(delta.innerText()).resolves.toMatch(/3030 places.*330 places/s);
  await screenshot(page, 'pane-analyse');

  await delta.click();
  await page.waitForFunction(() => (window as unknown as { __annexesHarness: { selection(): unknown } }).__annexesHarness.selection() !== null);
  expect(await harness(page, 'selection()')).toEqual({ sheet: FT, address: 'F18' });
  await expect(page.locator('td[data-address="F18"]').innerText()).resolves.toBe('3030 places');
  await screenshot(page, 'banc-essai-f18', true);

  await page.getByRole('heading', { name: 'Synthèse' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'pane-synthese');

  await page.getByRole('button', { name: 'Remplir les volets 1/2/3' }).click();
  await page.getByText('Remplir les volets 1/2/3 : terminé').waitFor();
  const sheets = await harness<{ name: string; state: string }[]>(page, 'sheets()');
  for (const v of [1, 2, 3]) expect(sheets).toContainEqual({ name: voletSheetName(v), state: 'visible' });
  await screenshot(page, 'pane-volets');

  await page.getByRole('button', { name: 'Annuler la dernière écriture' }).click();
  await page.getByText('Écriture annulée').waitFor();
  expect(await harness(page, 'snapshot()')).toEqual(before);

  // Recalculer les colonnes: the Delta becomes Cible − Existant, so PLAN-DELTA goes; undo again.
  await page.getByRole('button', { name: 'Recalculer les colonnes' }).click();
  await page.getByText('Recalculer les colonnes : terminé').waitFor();
  await expect(page.locator('[data-rule="PLAN-DELTA"]').count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Annuler la dernière écriture' }).click();
  await page.getByText('Écriture annulée').waitFor();
  expect(await harness(page, 'snapshot()')).toEqual(before);

  // Rapport à mi-parcours: its planned-vs-spent chart is drawn in the pane.
  await page.getByRole('button', { name: 'Préparer le rapport à mi-parcours' }).click();
  await page.getByText('Préparer le rapport à mi-parcours : terminé').waitFor();
  await expect(page.locator('[data-report-chart] g[data-fiche]').count()).resolves.toBeGreaterThan(0);

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
  const finding = page.locator('[data-rule="PLAN-DELTA"]');
  await expect(finding.innerText()).resolves.toContain(payload);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
