// Per-statement database time of the measure lab's request mix (lesson 2's APM workload), the
// inputs of lesson 1's capacity model (components/charts/measuredInputs.ts). PGlite in Node, after
// the engine's JIT warm-up; each statement's mean over one run, median over RUNS runs, both
// variants, no simulated network. Benchmarks print; tests assert.
import { loadavg } from 'node:os';
import { table } from '../../lib/db/cli/format';
import { QueryLabEngine } from '../../lib/db/engine';
import { loadNodeSource } from '../../lib/db/node/source';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (noisy on a busy machine)`,
  );
  const engine = await QueryLabEngine.open('app', await loadNodeSource('app'));
  await engine.warmUp();
  const samples = new Map<string, { calls: number; means: number[]; write: boolean }>();
  for (let i = 0; i < RUNS; i++) {
    const r = await engine.runMeasureLab({ rttMs: 0 });
    for (const run of Object.values(r.runs)) {
      for (const st of run.statements) {
        const s = samples.get(st.name) ?? { calls: st.calls, means: [], write: st.write };
        s.means.push(st.meanDbMs);
        samples.set(st.name, s);
      }
    }
  }
  const rows = [...samples.entries()].map(([name, s]) => [
    name,
    String(s.calls),
    s.write ? 'write' : 'read',
    median(s.means).toFixed(3),
    Math.min(...s.means).toFixed(3),
    Math.max(...s.means).toFixed(3),
  ]);
  console.log(
    `\nMeasure lab, per statement, PGlite in Node (median of ${RUNS} runs of each variant)`,
  );
  console.log(table(['statement', 'calls/run', 'kind', 'median ms', 'min ms', 'max ms'], rows));
  await engine.close();
}

void main();
