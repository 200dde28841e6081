import Decimal from 'decimal.js';
import type { OptionOverrides } from '../domain/workbook';
import type { Target } from './collect-files';
import type { FileResult } from './check-file';

/**
 * One file to check, as sent to a worker thread. Messages between threads are structured clones,
 * which keep plain data only: the Decimal options travel as strings.
 */
export interface CheckJob {
  index: number;
  target: Target;
  overrides: WireOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
}

export interface CheckJobResult {
  index: number;
  result: FileResult;
}

export type WireOverrides = Omit<OptionOverrides, 'underspendThreshold' | 'minCdShare'> & { underspendThreshold?: string; minCdShare?: string };

export function overridesToWire(o: OptionOverrides): WireOverrides {
  const { underspendThreshold, minCdShare, ...rest } = o;
  return { ...rest, ...(underspendThreshold ? { underspendThreshold: underspendThreshold.toString() } : {}), ...(minCdShare ? { minCdShare: minCdShare.toString() } : {}) };
}

export function overridesFromWire(w: WireOverrides): OptionOverrides {
  const { underspendThreshold, minCdShare, ...rest } = w;
  return { ...rest, ...(underspendThreshold ? { underspendThreshold: new Decimal(underspendThreshold) } : {}), ...(minCdShare ? { minCdShare: new Decimal(minCdShare) } : {}) };
}
