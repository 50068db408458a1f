import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// After `vite build`: print the client's size, split into the first load (what index.html pulls in:
// entry script, its static imports, styles) and what loads later (Phaser and the map, after joining).
// Fails the build when the first load exceeds the budget (issue 11: 120 kB gzipped).

const BUDGET_KB = 120;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

const files = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
const sizes = new Map(files.map((f) => {
  const buf = readFileSync(join(dist, f));
  return [f, { raw: statSync(join(dist, f)).size, gz: gzipSync(buf, { level: 9 }).length }];
}));

// Entry points named in index.html, then everything they import statically (transitively).
const first = new Set<string>();
const queue = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
while (queue.length) {
  const f = queue.shift()!;
  if (first.has(f) || !sizes.has(f)) continue;
  first.add(f);
  if (!f.endsWith('.js')) continue;
  const code = readFileSync(join(dist, f), 'utf8');
  // static imports only: `import ... from "./x.js"` / `import "./x.js"`, not `import("./x.js")`
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?\bfrom\s*)?["']\.\/([^"']+)["']/g)) queue.push(`assets/${m[1]}`);
}

const htmlGz = gzipSync(Buffer.from(html), { level: 9 }).length;
let firstGz = htmlGz;
let lazyGz = 0;
console.log('\nEntente client size (gzip -9):');
console.log(`  first load  index.html ${kb(htmlGz)}`);
for (const [f, s] of [...sizes].sort((a, b) => b[1].gz - a[1].gz)) {
  const isFirst = first.has(f);
  if (isFirst) firstGz += s.gz; else lazyGz += s.gz;
  console.log(`  ${isFirst ? 'first load' : 'later     '}  ${f}  ${kb(s.raw)} raw, ${kb(s.gz)} gzip`);
}
console.log(`  total first load: ${kb(firstGz)} gzip (budget ${BUDGET_KB} kB); loaded after joining: ${kb(lazyGz)} gzip\n`);
if (firstGz > BUDGET_KB * 1024) {
  console.error(`First load ${kb(firstGz)} exceeds the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
