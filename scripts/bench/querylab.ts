// Query-lab numbers in Node (data dirs, load/reset times, N+1 vs JOIN vs json_agg by size) and, when
// out/ and Chromium exist, in headless Chromium against the built export (scripts/pglite/bench-browser.ts,
// run under the build lock). Benchmarks print; tests assert.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { formatCount as int, formatFixed } from '../../lib/format';
import { table } from '../../lib/db/cli/table';
import { QueryLabEngine } from '../../lib/db/engine';
import { runLookup, runWriteCost } from '../../lib/db/labs/indexing';
import { loadNodeSource } from '../../lib/db/node/source';
import { openPglite } from '../../lib/db/open';
import { LoggedDb, QueryLog } from '../../lib/db/querylog';
import type { DatasetId } from '../../lib/db/datasets';
import type { NPlusOneResult } from '../../lib/db/labs/nplusone';

const ms = (x: number): string => formatFixed(x, 1);

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

async function loadTimes(dataset: DatasetId): Promise<string[]> {
  const src = await loadNodeSource(dataset);
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const pg = await openPglite(src);
    await pg.query('SELECT 1');
    opens.push(performance.now() - t0);
    await pg.close();
  }
  const e = src.manifest.datasets[dataset];
  return [
    dataset,
    int(e.messages),
    mb(e.bytes),
    mb(e.tarBytes),
    `${(e.buildMs / 1000).toFixed(1)} s`,
    ms(src.prepareMs),
    ms(median(opens)),
  ];
}

async function main(): Promise<void> {
  console.log(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (numbers are noisy on a busy machine)`,
  );
  const rows = [await loadTimes('app'), await loadTimes('indexing')];
  console.log(
    '\nData dirs (Node): prepare = read + gunzip + compile wasm; open = PGlite.create from the tar (median of 3)',
  );
  console.log(
    table(['dataset', 'messages', 'gzip', 'tar', 'build', 'prepare ms', 'open ms'], rows),
  );

  const engine = await QueryLabEngine.open('app', await loadNodeSource('app'));
  const warm = await engine.warmUp();
  console.log(`\nJIT warm-up after load: ${ms(warm.ms)} ms`);
  const resets: number[] = [];
  for (let i = 0; i < 5; i++) resets.push((await engine.reset()).ms);
  console.log(
    `reset (reload data dir): median ${ms(median(resets))} ms, max ${ms(Math.max(...resets))} ms`,
  );

  console.log(
    '\nN+1 vs JOIN vs json_agg, database time (RTT 0), median of 3 (1 run at 10,000); total at RTT 0.5 ms',
  );
  const nrows: string[][] = [];
  for (const users of [10, 100, 1000, 10_000]) {
    const reps = users >= 10_000 ? 1 : 3;
    const runs: NPlusOneResult[] = [];
    for (let i = 0; i < reps; i++) runs.push(await engine.runNPlusOne({ users, rttMs: 0.5 }));
    const med = (k: 'nPlusOne' | 'join' | 'jsonAgg', f: 'dbMs' | 'totalMs') =>
      median(runs.map((r) => r.runs[k]![f]));
    nrows.push([
      int(users),
      int(runs[0]!.runs.nPlusOne!.queries),
      ms(med('nPlusOne', 'dbMs')),
      ms(med('join', 'dbMs')),
      ms(med('jsonAgg', 'dbMs')),
      ms(med('nPlusOne', 'totalMs')),
      ms(med('join', 'totalMs')),
      String(runs.every((r) => r.checksumsMatch)),
    ]);
  }
  console.log(
    table(
      [
        'users',
        'N+1 queries',
        'N+1 db ms',
        'JOIN db ms',
        'json_agg db ms',
        'N+1 @0.5',
        'JOIN @0.5',
        'same data',
      ],
      nrows,
    ),
  );
  const measure = await engine.runMeasureLab({ rttMs: 0.5 });
  const base = measure.runs.baseline!;
  console.log(
    `\nmeasure lab (RTT 0.5): baseline ${ms(base.totalMs)} ms / ${base.queries} queries, bottleneck ${base.bottleneck} (${(base.endpoints[0]!.share * 100).toFixed(0)}%); fixed ${ms(measure.runs.fixed!.totalMs)} ms / ${measure.runs.fixed!.queries} queries`,
  );
  const cache = await engine.runCachingLab({ rttMs: 0.5 });
  console.log(
    `caching lab: ${Object.values(cache.runs)
      .map(
        (r) =>
          `${r.strategy} hit ${(r.hitRatio * 100).toFixed(0)}% stale ${r.staleReads} mean ${ms(r.meanReadMs)} ms`,
      )
      .join('; ')}`,
  );
  await engine.close();

  const idx = await QueryLabEngine.open('indexing', await loadNodeSource('indexing'));
  const db = new LoggedDb(idx.pglite, new QueryLog(0));
  const lookup = await runLookup(db);
  const write = await runWriteCost(db);
  console.log(
    `\nindexing lab: ${int(lookup.rows)} rows; without index ${lookup.withoutIndex.nodeTypes.join('>')} ${ms(lookup.withoutIndex.ms)} ms; CREATE INDEX ${ms(lookup.createIndexMs)} ms; with index ${lookup.withIndex.nodeTypes.join('>')} ${ms(lookup.withIndex.ms)} ms`,
  );
  console.log(
    `write cost: ${int(write.rows)}-row INSERT ${ms(write.withoutMs)} ms with PK only, ${ms(write.withMs)} ms with ${write.secondaryIndexes} secondary indexes (×${write.slowdown.toFixed(2)})`,
  );
  await idx.close();

  if (!existsSync('out/dev/querylab/index.html')) {
    console.log('\nbrowser: out/ has no query-lab harness; run `npm run build` first.');
    return;
  }
  // The browser part reads out/, so it holds the build lock (team rule) while it runs.
  const r = spawnSync(
    'flock',
    ['-w', '900', '/tmp/sw-build.lock', 'npx', 'tsx', 'scripts/pglite/bench-browser.ts'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) console.log(`browser bench exited with ${r.status}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
