import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// shared/ cannot touch the world: no clock, no randomness, no timers, no I/O, no DOM or Node, and no arrows
// into client/ or server/. Comments are stripped first, so prose may mention the forbidden names.

const root = fileURLToPath(new URL('../../', import.meta.url));
const sharedDir = join(root, 'shared');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/**
 * Remove comments, leaving string literals (which may hold '//' or '/*') in place. With `blankQuotes`, the
 * contents of '...' and "..." strings are emptied too (prose such as "the peace process." is not code);
 * template literals are kept whole since their ${...} parts are code.
 */
export function stripComments(src: string, blankQuotes = false): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += blankQuotes && c !== '`' ? c + c : src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// [name, pattern, whether it is looked for with quoted strings kept (module specifiers live in strings)]
const FORBIDDEN: [string, RegExp, boolean?][] = [
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['Date.now', /\bDate\s*\.\s*now\b/],
  ['new Date(', /\bnew\s+Date\s*\(/],
  ['setTimeout', /\bsetTimeout\b/],
  ['setInterval', /\bsetInterval\b/],
  ['performance.now', /\bperformance\s*\.\s*now\b/],
  ['process.', /\bprocess\s*\./],
  ['document.', /\bdocument\s*\./],
  ['window.', /\bwindow\s*\./],
  ['import from node:*', /\bfrom\s+['"]node:/, true],
  ['import of fs/path', /\bfrom\s+['"](fs|path|os|child_process|crypto)(\/[^'"]*)?['"]/, true],
  ['dynamic import or require', /\b(require\s*\(|import\s*\()/],
  ['import from client/ or server/', /\bfrom\s+['"][^'"]*\b(client|server)\//, true],
];

export function violations(source: string): string[] {
  const withStrings = stripComments(source);
  const code = stripComments(source, true);
  return FORBIDDEN.filter(([, re, strings]) => re.test(strings ? withStrings : code)).map(([name]) => name);
}

describe('purity of shared/', () => {
  const files = tsFiles(sharedDir);

  it('finds the rules, bots and scenarios to scan', () => {
    const rel = files.map((f) => relative(root, f));
    expect(rel).toEqual(expect.arrayContaining(['shared/rules/apply.ts', 'shared/bots/index.ts', 'shared/types.ts']));
    expect(files.length).toBeGreaterThan(20);
  });

  it('no file in shared/ uses the clock, randomness, timers, the DOM, Node, or client/server code', () => {
    const found: string[] = [];
    for (const f of files) for (const v of violations(readFileSync(f, 'utf8'))) found.push(`${relative(root, f)}: ${v}`);
    expect(found).toEqual([]);
  });

  it('the scanner itself catches each forbidden use and ignores comments and strings', () => {
    const bad = [
      'const x = Math.random();', 'const t = Date.now();', 'const d = new Date(0);', 'setTimeout(f, 1);', 'setInterval(f, 1);',
      'performance.now();', 'process.exit(1);', 'document.body;', 'window.alert(1);', "import { readFileSync } from 'node:fs';",
      "import path from 'path';", "import fs from 'fs/promises';", "import { x } from '../../client/ui/panel.ts';", "import { y } from '../server/app.ts';",
      "const m = await import('./x.ts');", 'const t = `${Date.now()}`;', "export { x } from 'node:fs';",
    ];
    for (const line of bad) expect(violations(line), line).not.toEqual([]);
    const fine = [
      '// no Math.random here: the RNG lives in the state', '/* Date.now() is banned */ const a = 1;',
      "const s = 'see http://example.org // not a comment';", 'const news = "Talks stalled in the peace process. The window. closed.";', 'const randomness = draw(s);',
    ];
    for (const line of fine) expect(violations(line), line).toEqual([]);
  });

  it('shared/tsconfig.json gives the rules no DOM and no Node types', () => {
    const cfg = JSON.parse(readFileSync(join(sharedDir, 'tsconfig.json'), 'utf8')) as { compilerOptions: { lib?: string[]; types?: string[] } };
    expect(cfg.compilerOptions.types).toEqual([]);
    expect((cfg.compilerOptions.lib ?? []).map((l) => l.toLowerCase()).filter((l) => l.startsWith('dom'))).toEqual([]);
  });
});
