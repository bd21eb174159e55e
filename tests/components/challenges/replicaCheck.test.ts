import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkReplica,
  REPLICA_CHALLENGE,
  type RunReplica,
} from '@/components/challenges/replicaCheck';
import { runCheck } from '@/components/lesson/checkedChallenge';
import { InstancePool } from '@/lib/db/consistency-pool';
import { runReplicaLag } from '@/lib/db/labs/replica-lag';
import { loadNodeSource } from '@/lib/db/node/source';
import { OPEN_TIMEOUT_MS } from '../../lib/db/helpers';

// The real lab on a real primary and replica, as the page runs it (same options, same seed).
let pool: InstancePool;
let run: RunReplica;
beforeAll(async () => {
  pool = InstancePool.fromSource(await loadNodeSource('consistency'));
  const [primary, replica] = await pool.take(2);
  run = (choice, lagMs, seed) => runReplicaLag(primary!, replica!, { ...choice, lagMs, seed });
}, OPEN_TIMEOUT_MS);
afterAll(async () => pool?.close());

describe('read-your-writes challenge', () => {
  it('should fail for the starting choice: every read from the replica loses messages', async () => {
    const v = await runCheck(() => checkReplica(run, REPLICA_CHALLENGE.start));
    expect(v.kind).toBe('fail');
    if (v.kind === 'fail') expect(v.message).toMatch(/^[1-9]\d* vanished messages/);
  });

  it('should pass for the reference answer, the session version token', async () => {
    const v = await runCheck(() => checkReplica(run, REPLICA_CHALLENGE.reference));
    expect(v).toMatchObject({ kind: 'pass' });
  });

  it('should fail a primary window too short for the lag, and one long enough but costlier', async () => {
    const short = await runCheck(() =>
      checkReplica(run, { strategy: 'primary-window', windowMs: 250 }),
    );
    const long = await runCheck(() =>
      checkReplica(run, { strategy: 'primary-window', windowMs: 5000 }),
    );
    expect(short.kind).toBe('fail');
    expect(long.kind).toBe('fail');
    if (long.kind === 'fail') expect(long.message).toMatch(/^0 vanished.*does more than it must/);
  });
});
