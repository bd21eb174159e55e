/**
 * The table of "Exponential Backoff And Jitter" (Brooker, AWS Architecture Blog, 2015) from our
 * model of its simulator: mean completion time and write calls per strategy for 10, 50, 100, 150
 * and 190 clients, 100 trials each (the simulator's count), seed 1. Usage:
 * `npx tsx scripts/bench/backoff.ts [--markdown]` (npm run bench runs it).
 */
import { BACKOFF_STRATEGIES, runBackoffExperiment } from '../../simulations/experiments/backoff';

const CLIENTS = [10, 50, 100, 150, 190];
const markdown = process.argv.includes('--markdown');
const t0 = performance.now();
const rows = CLIENTS.map((clients) =>
  BACKOFF_STRATEGIES.map((strategy) =>
    runBackoffExperiment({ clients, strategy, trials: 100, seed: 1 }),
  ),
);
const wallMs = performance.now() - t0;
const header = ['clients', ...BACKOFF_STRATEGIES.map((s) => `${s} calls / ms`)];
const cells = rows.map((r) => [
  String(r[0].clients),
  ...r.map((x) => `${x.meanWriteCalls.toFixed(0)} / ${x.meanCompletionMs.toFixed(0)}`),
]);
console.log('Backoff experiment: mean write calls / mean completion ms (100 trials, seed 1)');
if (markdown) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const c of cells) console.log(`| ${c.join(' | ')} |`);
} else {
  const width = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padStart(width[i])).join('  ');
  console.log(line(header));
  for (const c of cells) console.log(line(c));
}
console.log(`(${(wallMs / 1000).toFixed(1)} s for the whole table)`);
