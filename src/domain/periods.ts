import type { Parameters } from './parameters';

export type Convention = 'CLS' | 'FT';

const DEFAULT_YEARS: Record<Convention, [number, number]> = { CLS: [2024, 2027], FT: [2024, 2024] };

/**
 * Years of a convention: CLS 2024–2027 (art. 4), FT 2024 (art. 2), or as the Paramètres' dates say
 * (a period ending before it starts is ignored: PARAM-* readers do not judge it, the defaults hold).
 */
export function conventionYears(params: Parameters, convention: Convention): number[] {
  const [from, to] = DEFAULT_YEARS[convention];
  let [start, end] =
    convention === 'CLS'
      ? [params.clsStart?.getUTCFullYear() ?? from, params.clsEnd?.getUTCFullYear() ?? to]
      : [params.ftStart?.getUTCFullYear() ?? from, params.ftEnd?.getUTCFullYear() ?? to];
  if (end < start) [start, end] = [from, to];
  const out: number[] = [];
  for (let y = start; y <= end && out.length < 50; y++) out.push(y);
  return out;
}
