/**
 * Engine time (layout readers + rule catalogue) on a synthetic CLS workbook of 10 000 actions,
 * built in memory: three blocks of 10 002 action rows each, sous-totaux, totaux, Paramètres. The
 * 1 000-action workbook measured in the same run gives the scaling ratio (10 for a linear engine).
 */
import { readAnnexWorkbook } from '../src/layout/read-workbook';
import { checkWorkbook } from '../src/domain/check';
import { resolveOptions } from '../src/domain/workbook';
import { syntheticCls } from '../test/fixtures/synthetic-cls';
import { fr, interleaved, line, median, ms, ratio, run, title } from './lib/measure';

const ROUNDS = 3;

run(async () => {
  title('Moteur : classeur synthétique de 10 000 actions (3 blocs CLS)');
  const small = syntheticCls({ actionsPerAxe: 334 }).grid;
  const big = syntheticCls({ actionsPerAxe: 3334 }).grid;
  const phases = (grid: typeof big) => {
    const t0 = performance.now();
    const wb = readAnnexWorkbook(grid);
    const t1 = performance.now();
    const findings = checkWorkbook(wb, resolveOptions(wb.params));
    return { read: t1 - t0, rules: performance.now() - t1, findings: findings.length };
  };
  const split = { small: [] as ReturnType<typeof phases>[], big: [] as ReturnType<typeof phases>[] };
  const times = await interleaved({ small: () => split.small.push(phases(small)), big: () => split.big.push(phases(big)) }, ROUNDS);
  const tBig = median(times.big);
  const tSmall = median(times.small);
  line('10 002 actions : lecture des tableaux', ms(median(split.big.map((p) => p.read))));
  line('10 002 actions : règles', ms(median(split.big.map((p) => p.rules))));
  line('10 002 actions : total', ms(tBig));
  line('par action (3 lignes, une par bloc)', `${fr((tBig * 1000) / 10_002, 0)} µs`);
  line('1 002 actions : total', ms(tSmall));
  line('rapport 10 002 / 1 002 actions (10 = linéaire)', ratio(tBig, tSmall));
  line('constats sur le classeur de 10 002 actions', `${split.big[0].findings}`);
});
