import type { CheckOptions } from '../domain/workbook';
import type { FileResult } from './check-file';
import { type PlainConvention } from './convention-json';
import { MONEY_KEYS } from '../domain/convention-view';

/** The JSON report: {"files":[{file,status,message,findings:[{rule,severity,sheet,cell,message,expected,actual,article}]}]}. */
export function formatJson(results: FileResult[], options: Partial<CheckOptions>): string {
  return [...formatJsonChunks(results, options)].join('');
}

/** Where a file's actions go in its JSON (a string no workbook text can produce: JSON escapes U+0000). */
const ACTIONS = '\u0000actions\u0000';
const ACTIONS_JSON = JSON.stringify(ACTIONS);
const ACTIONS_LINE = `\n        "actions": ${ACTIONS_JSON}`;

/**
 * The same report, piece by piece: each file in its turn and a CLS's actions a few at a time, so
 * that a report of 200 000 actions (hundreds of Mo of text) is never held whole. The text is the
 * one JSON.stringify(report, null, 2) writes, byte for byte: a value nested n levels down is
 * written as on its own, each line indented 2n spaces more.
 */
export function* formatJsonChunks(results: FileResult[], options: Partial<CheckOptions>): Generator<string> {
  const opts = {
    ...(options.fseAsCd !== undefined ? { fseAsCd: options.fseAsCd } : {}),
    ...(options.underspendThreshold ? { underspendThreshold: options.underspendThreshold.toString() } : {}),
    ...(options.minCdShare ? { minCdShare: options.minCdShare.toString() } : {}),
    ...(options.clsCofiBase ? { clsCofiBase: options.clsCofiBase } : {}),
  };
  yield results.length ? '{\n  "files": [' : '{\n  "files": [],';
  for (const [n, r] of results.entries()) {
    const c = r.convention;
    const entry = {
      file: r.file,
      status: r.status,
      message: r.message,
      ...(r.department ? { department: r.department } : {}),
      counts: r.counts,
      findings: r.findings,
      ...(c ? { convention: { ...c, actions: ACTIONS } } : {}),
    };
    const text = indented(JSON.stringify(entry, null, 2), 4);
    // Found by its line: a line break never occurs inside a JSON string, whatever the workbook holds.
    const mark = c ? text.lastIndexOf(ACTIONS_LINE) + ACTIONS_LINE.length - ACTIONS_JSON.length : -1;
    yield `${n ? ',' : ''}\n    ${mark < 0 ? text : text.slice(0, mark)}`;
    if (c && mark >= 0) {
      const count = c.actions.keys.length;
      if (count === 0) yield '[]';
      else {
        let chunk = '[';
        for (let i = 0; i < count; i++) {
          chunk += `${i ? ',' : ''}\n          ${actionJson(c, i)}`;
          if (chunk.length > CHUNK) {
            yield chunk;
            chunk = '';
          }
        }
        yield `${chunk}\n        ]`;
      }
      yield text.slice(mark + ACTIONS_JSON.length);
    }
  }
  yield `${results.length ? '\n  ],' : ''}\n  "options": ${indented(JSON.stringify(opts, null, 2), 2)}\n}\n`;
}

/**
 * Action i as JSON.stringify(plainAction(c, i), null, 2) indents it ten spaces in: written from
 * its figures directly (amounts and rates are digits, a sign and a point: nothing to escape), as a
 * report of 200 000 actions makes it 200 000 times. format-json.test.ts holds it to JSON.stringify.
 */
function actionJson(c: PlainConvention, i: number): string {
  const f = c.actions.figures[i].split(',');
  const value = (s: string) => (s === '' ? 'null' : `"${s}"`);
  let n = 0;
  let years = '';
  for (const [y, year] of c.period.entries()) {
    years += `${y ? ',' : ''}\n              {\n                "year": ${year}`;
    for (const k of MONEY_KEYS) years += `,\n                "${k}": ${value(f[n++])}`;
    years += '\n              }';
  }
  let totals = '';
  for (const k of MONEY_KEYS) totals += `\n              "${k}": "${f[n++]}",`;
  totals += `\n              "stateRate": ${value(f[n++])},\n              "cdRate": ${value(f[n])}`;
  return (
    `{\n            "key": ${JSON.stringify(c.actions.keys[i])},\n            "label": ${JSON.stringify(c.actions.labels[i])},\n            "axe": ${JSON.stringify(c.actions.axes[i])},` +
    `\n            "years": ${years ? `[${years}\n            ]` : '[]'},\n            "totals": {${totals}\n            }\n          }`
  );
}

/** Characters of actions written at once. */
const CHUNK = 256 * 1024;

function indented(json: string, spaces: number): string {
  return json.split('\n').join(`\n${' '.repeat(spaces)}`);
}
