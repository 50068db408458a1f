import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The secret national interests live in shared/scenarios/interests.ts, for the server and Node tools only.
// If any browser code imports it, directly or through shared modules, every student could read the other
// nations' interests in the bundle. This walks the client's import graph to make sure that never happens.

const root = resolve(import.meta.dirname, '../..');
const SECRET = resolve(root, 'shared/scenarios/interests.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Relative imports of a file (static and dynamic), resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s));
}

function reachable(entries: string[]): Map<string, string> {
  const via = new Map<string, string>(); // file -> the file that imported it
  const queue = [...entries];
  for (const e of entries) via.set(e, '(entry)');
  while (queue.length) {
    const f = queue.shift()!;
    for (const dep of importsOf(f)) {
      if (via.has(dep) || !/\.tsx?$/.test(dep)) continue;
      via.set(dep, f);
      queue.push(dep);
    }
  }
  return via;
}

describe('secret national interests stay on the server', () => {
  it('no browser code reaches shared/scenarios/interests.ts', () => {
    const graph = reachable(tsFiles(resolve(root, 'client')));
    const chain: string[] = [];
    for (let f: string | undefined = SECRET; f && graph.has(f) && f !== '(entry)'; f = graph.get(f)) chain.push(relative(root, f));
    expect(chain, `reached through: ${chain.join(' <- ')}`).toEqual([]);
    // The walk itself must see the shared rules the client uses, or it proves nothing.
    expect(graph.has(resolve(root, 'shared/rules/assess.ts'))).toBe(true);
  });

  it('while the server and the simulator do use it', () => {
    expect(reachable([resolve(root, 'server/rooms/MatchRoom.ts')]).has(SECRET)).toBe(true);
  });
});
