/**
 * Consistency labs in Node: the time to start each lab (read + gunzip the data dir, compile the
 * wasm, open the PGlite instances it needs) and the run itself, with and without its fix, plus the
 * wasm memory the shard lab holds. Prints; asserts nothing (tests/lib/db/consistency assert).
 */
import { table } from '../../lib/db/cli/table';
import { InstancePool } from '../../lib/db/consistency-pool';
import { runConsistencyLab, instancesNeeded } from '../../lib/db/labs/consistency';
import { anomalyOf } from '../../components/consistency/consistencyText';
import type { ConsistencyOptions } from '../../lib/db/labs/consistency';
import { loadNodeSource } from '../../lib/db/node/source';

const RUNS: ConsistencyOptions[] = [
  { lab: 'replica-lag', strategy: 'replica', lagMs: 1000 },
  { lab: 'replica-lag', strategy: 'primary-window', lagMs: 1000, windowMs: 2000 },
  { lab: 'replica-lag', strategy: 'version-token', lagMs: 1000 },
  { lab: 'idempotency', strategy: 'none' },
  { lab: 'idempotency', strategy: 'key' },
  { lab: 'lost-update', strategy: 'naive' },
  { lab: 'lost-update', strategy: 'atomic' },
  { lab: 'lost-update', strategy: 'version' },
  { lab: 'outbox', strategy: 'direct' },
  { lab: 'outbox', strategy: 'outbox' },
  { lab: 'shards', strategy: 'uniform', shards: 4 },
  { lab: 'shards', strategy: 'skewed', shards: 4 },
];

async function main(): Promise<void> {
  const t0 = performance.now();
  const source = await loadNodeSource('consistency');
  const prepareMs = performance.now() - t0;
  const pool = InstancePool.fromSource(source);
  const rows: (string | number)[][] = [];
  for (const o of RUNS) {
    const before = pool.size;
    const s0 = performance.now();
    const dbs = await pool.take(instancesNeeded(o));
    const openMs = performance.now() - s0;
    const r = await runConsistencyLab(dbs, o, () => pool.wasmHeapBytes());
    const a = anomalyOf(r);
    rows.push([
      `${o.lab} ${o.strategy}`,
      `${pool.size - before} opened in ${openMs.toFixed(0)} ms`,
      `${a.label}: ${a.label.startsWith('share') ? a.value.toFixed(2) : a.value}`,
      r.primaryQueries,
      r.ms.toFixed(0),
    ]);
  }
  console.log(`data dir read + gunzip + wasm compile: ${prepareMs.toFixed(0)} ms`);
  console.log(`instance open times (ms): ${pool.openMs.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(
    table(['lab / strategy', 'new instances', 'anomaly', 'primary queries', 'run ms'], rows),
  );
  console.log(
    `wasm heap of ${pool.size} instances: ${(pool.wasmHeapBytes() / 1e6).toFixed(0)} MB; process RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  await pool.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
