/**
 * Every Office.js member the adapter uses belongs to ExcelApi 1.13 or earlier — the requirement set
 * manifest.xml declares — read from the API set that @types/office-js states for each member
 * ("[Api set: ExcelApi 1.9]"), with TypeScript's checker on the adapter's own sources. A member of
 * ExcelApiOnline, of ExcelApiDesktop or of the preview would work on one host and fail on another.
 */
import { readdirSync } from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..', '..');
const ADAPTER = path.join(ROOT, 'src', 'adapters', 'office');
const MAX = [1, 13];

function apiSetOf(symbol: ts.Symbol): string | null {
  for (const d of symbol.declarations ?? []) {
    if (!d.getSourceFile().fileName.includes('@types/office-js')) continue;
    const m = /\[Api set: ([^\]]+)\]/.exec(d.getFullText());
    if (m) return m[1];
  }
  return null;
}

function usedMembers(): { member: string; where: string; set: string }[] {
  const files = readdirSync(ADAPTER).filter((f) => f.endsWith('.ts')).map((f) => path.join(ADAPTER, f));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const out: { member: string; where: string; set: string }[] = [];
  for (const file of files) {
    const src = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const set = symbol ? apiSetOf(symbol) : null;
        if (set) out.push({ member: node.name.text, where: `${path.basename(file)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, set });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

/** "ExcelApi 1.2 for options; 1.7 for password": the first set is the member's own. */
function beyond(set: string): boolean {
  const m = /^ExcelApi (\d+)\.(\d+)/.exec(set);
  if (!m) return true;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > MAX[0] || (major === MAX[0] && minor > MAX[1]);
}

test('the adapter uses Office.js members of ExcelApi 1.13 or earlier only', () => {
  const members = usedMembers();
  // The checker does see the adapter's calls, with their sets.
  expect(members).toEqual(expect.arrayContaining([
    expect.objectContaining({ member: 'getMergedAreasOrNullObject', set: 'ExcelApi 1.13' }),
    expect.objectContaining({ member: 'pattern', set: 'ExcelApi 1.9' }),
    expect.objectContaining({ member: 'useStandardWidth', set: 'ExcelApi 1.7' }),
  ]));
  expect(members.filter((m) => beyond(m.set)).map((b) => `${b.where} ${b.member} (${b.set})`)).toEqual([]);
});

test('what counts as beyond 1.13', () => {
  expect(['ExcelApi 1.13', 'ExcelApi 1.2 for options; 1.7 for password', 'ExcelApi 1.1'].map(beyond)).toEqual([false, false, false]);
  expect(['ExcelApi 1.14', 'ExcelApi 1.16', 'ExcelApiOnline 1.1', 'ExcelApiDesktop 1.1', 'ExcelApi BETA (PREVIEW ONLY)'].map(beyond)).toEqual([true, true, true, true, true]);
});
