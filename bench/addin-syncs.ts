/**
 * Round trips to Excel (context.sync) per pane action, on the sample and on a workbook 100 times
 * bigger (1 101 CLS actions per block), through the add-in's fake Office host that counts them
 * (src/adapters/office/fake, issue 4). Batched actions cost the same number of syncs whatever the
 * size: the ratio column should read ×1.
 *
 * The add-in is compiled for the browser, not by tsconfig.build.json: its TypeScript is loaded here
 * through TypeScript's own transpiler. Without it, this benchmark says so and stops.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { line, run, skip, title } from './lib/measure';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE = path.join(ROOT, 'src', 'adapters', 'office');

/** require() of .ts files, transpiled on the fly (the way ts-node does, without type checking). */
function loadTypeScript(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- a loader hook is CommonJS by nature */
  const ts = require('typescript') as typeof import('typescript');
  const Module = require('module') as { _extensions: Record<string, (m: { _compile(code: string, file: string): void }, file: string) => void> };
  /* eslint-enable @typescript-eslint/no-require-imports */
  Module._extensions['.ts'] = Module._extensions['.tsx'] = (m, file) => {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
    });
    m._compile(out.outputText, file);
  };
}

interface Host {
  excel: { syncCount: number; runs: number; resetCounts(): void };
  globals: unknown;
}

run(async () => {
  if (!existsSync(path.join(OFFICE, 'fake', 'index.ts')) || !existsSync(path.join(OFFICE, 'workbook-actions.ts'))) {
    skip('Complément : context.sync() par action', 'src/adapters/office (complément Excel, ticket 4) absent');
    return;
  }
  loadTypeScript();
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded from sources, see loadTypeScript */
  const fake = require(path.join(OFFICE, 'fake', 'index.ts'));
  const actions = require(path.join(OFFICE, 'workbook-actions.ts'));
  const sample = require(path.join(ROOT, 'scripts', 'sample', 'build-sample.ts'));
  const synthetic = require(path.join(ROOT, 'test', 'fixtures', 'synthetic-cls.ts'));
  const analyse = require(path.join(ROOT, 'src', 'layout', 'analyse.ts'));
  const fill = existsSync(path.join(ROOT, 'src', 'layout', 'fill', 'index.ts')) ? require(path.join(ROOT, 'src', 'layout', 'fill', 'index.ts')) : null;
  /* eslint-enable @typescript-eslint/no-require-imports */

  /** Syncs per step, with the size of what the step handled (findings, cells). */
  const counts = async (grid: unknown) => {
    const host = fake.createFakeOfficeHost(grid) as Host;
    const api = actions.createWorkbookActions(host.globals);
    const out = new Map<string, { syncs: number; size?: number }>();
    const step = async (name: string, act: () => Promise<unknown>, size?: number) => {
      host.excel.resetCounts();
      await act();
      out.set(name, { syncs: host.excel.syncCount, size });
    };
    let read: unknown;
    await step('lecture du classeur', async () => (read = await api.readWorkbook()));
    const analysis = analyse.analyseGrid(read);
    const n = analysis.findings.length;
    await step('marquage des constats', () => api.toggleMarks(analysis.findings), n);
    await step('démarquage', () => api.toggleMarks(analysis.findings), n);
    const first = analysis.findings.find((f: { cell: string }) => f.cell);
    if (first) await step('aller à la cellule d’un constat', () => api.selectCell(first.sheet, first.cell));
    if (fill?.planDerivedFormulas) {
      const plan = fill.planDerivedFormulas(read, analysis);
      await step('écriture des formules des colonnes calculées', () => api.applyWrites(plan), plan.writes.length);
      await step('annulation de l’écriture', () => api.undoLastWrite(), plan.writes.length);
    }
    return out;
  };

  const small = await counts(sample.buildSampleGrid());
  // 100 times the sample's 11 CLS actions, one in ten with a defect so that there are findings to mark.
  const big = await counts(synthetic.syntheticCls({ actionsPerAxe: 367, edit: (a: { other: number }, i: number) => i % 10 === 0 && (a.other = -1) }).grid);
  title('Complément : context.sync() par action (exemple ; classeur 100× plus grand)');
  const size = (x?: number) => (x === undefined ? '' : ` [${x}]`);
  for (const [name, s1] of small) {
    const s2 = big.get(name);
    const r = s2 && s1.syncs > 0 ? ` (×${(s2.syncs / s1.syncs).toLocaleString('fr-FR', { maximumFractionDigits: 2 })})` : '';
    line(name, `${s1.syncs}${size(s1.size)} ; ${s2 ? `${s2.syncs}${size(s2.size)}` : '–'}${r}`);
  }
});
