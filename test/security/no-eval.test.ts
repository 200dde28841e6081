/**
 * No code is ever built from text: workbooks come from outside, and a cell, a sheet name or a
 * formula must never reach eval, new Function or a string-form timer. ESLint forbids them too
 * (no-eval, no-implied-eval, no-new-func); this test also covers files the linter is told to skip.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
/**
 * Each pattern with a line it must catch; `inStrings` patterns look inside string literals (module
 * names); `allowedIn`: the one module that may use it, under the conditions tested below.
 */
const FORBIDDEN: { name: string; pattern: RegExp; example: string; inStrings?: boolean; allowedIn?: string }[] = [
  { name: 'eval(', pattern: /(^|[^\w$.])eval\s*\(/, example: "eval('1 + 1')" },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/, example: "new Function('return 1')" },
  { name: 'Function("…")', pattern: /(^|[^\w$.])Function\s*\(\s*['"`]/, example: "Function('return 1')()" },
  { name: 'setTimeout/setInterval with a string', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/, example: "setTimeout('go()', 10)" },
  { name: "require('vm')", pattern: /require\(\s*['"](node:)?vm['"]\s*\)|from\s+['"](node:)?vm['"]/, example: "const vm = require('vm')", inStrings: true, allowedIn: 'src/cli/time-limit.ts' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

/** Comments removed, and string contents unless asked: "no eval(" in a comment or a message is not a use. */
function codeOnly(source: string, inStrings = false): string {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  return inStrings ? code : code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, (s) => `${s[0]}…${s[0]}`);
}

describe('no code built from text', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('src/ has no $name', ({ pattern, inStrings, allowedIn }) => {
    const hits = files.filter((f) => pattern.test(codeOnly(readFileSync(f, 'utf8'), inStrings))).map((f) => relative(ROOT, f));
    expect(hits.filter((f) => f !== allowedIn)).toEqual([]);
  });

  // The time limit of a check in the main thread needs the V8 watchdog, which only `vm` offers: its
  // module may compile scripts, each a constant written in it, and run them, nothing else of vm.
  it('src/cli/time-limit.ts gives vm only constant scripts', () => {
    const code = codeOnly(readFileSync(join(ROOT, 'src', 'cli', 'time-limit.ts'), 'utf8'), true);
    const uses = code.match(/\bvm\.\w+/g) ?? [];
    expect(uses.length).toBeGreaterThan(0);
    expect(new Set(uses)).toEqual(new Set(['vm.Script']));
    expect(code.match(/\bvm\.Script\(\s*'[^'`$\\]*'\s*[,)]/g)).toHaveLength(uses.length);
    expect(code).not.toMatch(/\b(runIn\w*Context|compileFunction|SourceTextModule)\s*\(\s*[^{]/);
  });

  it.each(FORBIDDEN)('the check sees $example', ({ pattern, example, inStrings }) => {
    expect(pattern.test(codeOnly(`const x = 1;\n${example};`, inStrings))).toBe(true);
    expect(pattern.test(codeOnly(`// ${example}\nconst s = "${example.replace(/'/g, '')}";`, false))).toBe(false);
  });
});
