import type { QueryLabClient } from '../client';
import { createInProcessClient } from '../client-inprocess';
import type { DatasetId } from '../datasets';
import { QueryLabEngine } from '../engine';
import { loadNodeSource } from './source';

/** Node: open a data dir from public/generated/pglite (building it if needed) as a QueryLabClient. */
export async function openNodeClient(
  dataset: DatasetId,
  opts: { warmUp?: boolean } = {},
): Promise<{ client: QueryLabClient; engine: QueryLabEngine }> {
  const t0 = performance.now();
  const source = await loadNodeSource(dataset);
  const engine = await QueryLabEngine.open(dataset, source);
  const counts = await engine.pglite.query<{ messages: number; users: number }>(
    'SELECT (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM users)::int AS users',
  );
  const info = {
    dataset,
    pgliteVersion: source.manifest.pgliteVersion,
    loadMs: performance.now() - t0,
    messages: counts.rows[0]?.messages ?? 0,
    users: counts.rows[0]?.users ?? 0,
  };
  if (opts.warmUp) await engine.warmUp();
  return { client: createInProcessClient(engine, info), engine };
}
