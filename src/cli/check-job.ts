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
  /** Also sum the conventions' amounts (FileResult.summary): only the review workbook shows them. */
  summary?: boolean;
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

/** The result of a file that could not be checked (no engine needed: the main thread makes these). */
export function unreadableResult(file: string, message: string): FileResult {
  return { file, status: 'unreadable', message, findings: [], counts: { error: 0, warning: 0, info: 0 } };
}
