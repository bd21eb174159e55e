import type { DatasetId } from '@/lib/db/datasets';
import { QueryLabEngine } from '@/lib/db/engine';
import { loadNodeSource } from '@/lib/db/node/source';

/**
 * One PGlite per test file (opening costs ~0.5–1 s). On a fresh clone the first call builds the data
 * dirs (~40–60 s, under a cross-process lock), hence the long hook timeout.
 */
export const OPEN_TIMEOUT_MS = 300_000;

export async function openEngine(dataset: DatasetId, warmUp = false): Promise<QueryLabEngine> {
  const engine = await QueryLabEngine.open(dataset, await loadNodeSource(dataset));
  if (warmUp) await engine.warmUp();
  return engine;
}
