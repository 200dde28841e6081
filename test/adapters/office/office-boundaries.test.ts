/**
 * Two rules read from the source, with the TypeScript parser: no `context.sync()` or `Excel.run`
 * inside a loop (a round trip per sheet or per cell is what makes add-ins slow on the web), and no
 * code outside src/adapters/office touching the `Excel` or `Office` globals.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..', '..');
const ADAPTER = path.join(ROOT, 'src', 'adapters', 'office');

function sourceFiles(dir: string, skip: (p: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (skip(p)) return [];
    if (statSync(p).isDirectory()) return sourceFiles(p, skip);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const LOOP_KINDS = new Set([
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
]);
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find']);

/** The enclosing loop (statement, or callback of an array method) of a node, if any. */
function enclosingLoop(node: ts.Node): ts.Node | null {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (LOOP_KINDS.has(n.kind)) return n;
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isCallExpression(n.parent)) {
      const callee = n.parent.expression;
      if (ts.isPropertyAccessExpression(callee) && ITERATING_METHODS.has(callee.name.text)) return n.parent;
    }
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) return null;
  }
  return null;
}

/** Files allowed a sync in a loop, bounded by the payload (4 MB per round trip) or Excel's limits. */
const BOUNDED_LOOPS = ['payload-batches.ts', 'range-reader.ts', 'merged-areas.ts', 'read-workbook.ts'];

function roundTripsInLoops(file: string, text = readFileSync(file, 'utf8')): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['sync', 'run'].includes(node.expression.name.text)) {
      const loop = enclosingLoop(node);
      const line = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const lineText = text.split('\n')[line];
      // The deliberate exceptions: one sync per 4 MB of payload, in the few places that cut a read or
      // a write to Excel's limits, each marked.
      const allowed = BOUNDED_LOOPS.includes(path.basename(file)) && lineText.includes('// sync-per-payload-batch');
      if (loop && !allowed) found.push(`${path.relative(ROOT, file)}:${line + 1}: ${lineText.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

describe('Office.js boundaries', () => {
  const adapterFiles = sourceFiles(ADAPTER, (p) => p.endsWith(`${path.sep}fake`));

  test('the adapter has source files to check', () => {
    expect(adapterFiles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['read-workbook.ts', 'apply-writes.ts', 'undo-last-write.ts']));
  });

  test('no context.sync() nor Excel.run inside a loop in the adapter', () => {
    expect(adapterFiles.flatMap((f) => roundTripsInLoops(f))).toEqual([]);
  });

  test('the checker does see a sync in a loop', () => {
    const probe = 'async function f(ctx, xs) {\n for (const x of xs) { await ctx.sync(); }\n xs.forEach(async () => ctx.sync());\n}';
    expect(roundTripsInLoops(path.join(ROOT, 'probe.ts'), probe)).toHaveLength(2);
  });

  test('only src/adapters/office uses the Excel and Office globals', () => {
    const others = sourceFiles(path.join(ROOT, 'src'), (p) => p === ADAPTER);
    const offenders = others.filter((f) => /\b(Excel|Office)\.(run|context|onReady|RequestContext|Worksheet|Range|Settings)\b|\bOfficeExtension\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
