// npm run bench:profile -- FILE.cpuprofile [--top 25] [--json]
// Sums the self time of a V8 CPU profile (`node --cpu-prof`) by function and file, and by area (node
// internals, each package, the project's folders), over its whole timeline. bench:load --cpu-prof does the
// same over its measurement windows only.
import { summariseProfile, formatProfile } from './load/cpuprofile.ts';
import { ROOT } from './load/procs.ts';

const argv = process.argv.slice(2);
const file = argv.find((a) => a.endsWith('.cpuprofile'));
if (!file) {
  console.error('usage: npm run bench:profile -- FILE.cpuprofile [--top 25] [--json]');
  process.exit(1);
}
const i = argv.indexOf('--top');
const s = summariseProfile(file, ROOT, undefined, i >= 0 ? Number(argv[i + 1]) : 25);
console.log(argv.includes('--json') ? JSON.stringify(s, null, 1) : formatProfile(s));
