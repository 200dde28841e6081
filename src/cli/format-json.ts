import type { CheckOptions } from '../domain/workbook';
import type { FileResult } from './check-file';

/** The JSON report: {"files":[{file,status,message,findings:[{rule,severity,sheet,cell,message,expected,actual,article}]}]}. */
export function formatJson(results: FileResult[], options: Partial<CheckOptions>): string {
  const report = {
    files: results.map((r) => ({
      file: r.file,
      status: r.status,
      message: r.message,
      ...(r.department ? { department: r.department } : {}),
      counts: r.counts,
      findings: r.findings,
      ...(r.convention ? { convention: r.convention } : {}),
    })),
    options: {
      ...(options.fseAsCd !== undefined ? { fseAsCd: options.fseAsCd } : {}),
      ...(options.underspendThreshold ? { underspendThreshold: options.underspendThreshold.toString() } : {}),
      ...(options.minCdShare ? { minCdShare: options.minCdShare.toString() } : {}),
      ...(options.clsCofiBase ? { clsCofiBase: options.clsCofiBase } : {}),
      ...(options.ftVolet1 ? { ftVolet1: options.ftVolet1 } : {}),
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
