import { QueryLabEngine } from '../engine';
import type { ConsistencyLabResult } from '../labs/consistency';
import { loadNodeSource } from '../node/source';
import type { CliCommand } from './args';
import { round3 } from '../../format';
import { table } from './table';

type ConsistencyCommand = Extract<CliCommand, { command: 'consistency' }>;

/** Result → the CLI's one JSON object: counts first, lab-specific numbers after, no timeline. */
export function consistencyJson(
  r: ConsistencyLabResult,
  startMs: number,
  instances: number,
): Record<string, unknown> {
  const { events: _events, ...rest } = r;
  const slim: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest))
    slim[k] =
      typeof v === 'number' && /Ms$|^ms$|Share$|PerAttempt$|PerMessage$/.test(k) ? round3(v) : v;
  return { ...slim, startMs: round3(startMs), instances };
}

/** `querylab consistency --lab …`: opens the tiny consistency data dir (plus replicas/shards). */
export async function consistency(
  cmd: ConsistencyCommand,
  out: (line: string) => void,
): Promise<void> {
  const t0 = performance.now();
  const engine = await QueryLabEngine.open('consistency', await loadNodeSource('consistency'));
  try {
    const opts = {
      lab: cmd.lab,
      strategy: cmd.strategy,
      lagMs: cmd.lagMs,
      windowMs: cmd.windowMs,
      seed: cmd.seed,
      shards: cmd.shards,
      requests: cmd.requests,
    };
    // Open the replica / shards before the clock of the lab starts: start-up is reported apart.
    await engine.prepareConsistencyLab(opts);
    const startMs = performance.now() - t0;
    const r = await engine.runConsistencyLab(opts);
    const json = consistencyJson(r, startMs, engine.consistencyInstances().instances);
    if (cmd.json) {
      out(JSON.stringify(json));
      return;
    }
    out(`${r.lab} lab, strategy ${r.strategy}, seed ${r.seed}`);
    out(
      table(
        ['measure', 'value'],
        Object.entries(json)
          .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  } finally {
    await engine.close();
  }
}
