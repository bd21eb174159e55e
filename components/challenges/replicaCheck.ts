/**
 * The consistency lesson's checked challenge: behind a replica lagging 1 s on average, pick the
 * read-your-writes strategy (and window) that lets no user's message vanish while sending the fewest
 * queries to the primary. Checked by running the replica-lag lab with the reader's choice and with
 * the reference (version token), same seed: the counts are deterministic, so the verdict is the same
 * on every machine.
 */
import type { CheckResult } from '@/components/lesson/checkedChallenge';
import type { ReplicaLagResult, ReplicaStrategy } from '@/lib/db/labs/replica-lag';

export const REPLICA_CHALLENGE = {
  lagMs: 1000,
  seed: 1,
  start: { strategy: 'replica' as ReplicaStrategy, windowMs: 1000 },
  reference: { strategy: 'version-token' as ReplicaStrategy, windowMs: 1000 },
} as const;

export interface ReplicaChoice {
  strategy: ReplicaStrategy;
  windowMs: number;
}

export type RunReplica = (
  choice: ReplicaChoice,
  lagMs: number,
  seed: number,
) => Promise<ReplicaLagResult>;

export async function checkReplica(run: RunReplica, choice: ReplicaChoice): Promise<CheckResult> {
  const { lagMs, seed, reference } = REPLICA_CHALLENGE;
  const mine = await run(choice, lagMs, seed);
  const facts = `${mine.vanished} vanished messages, ${mine.primaryQueries} queries on the primary (${mine.writes} writes + ${mine.primaryReads} reads)`;
  if (mine.vanished > 0)
    return {
      pass: false,
      message: `${facts}: users still lose their own messages. Reads within the replica's lag must not be served by the replica.`,
    };
  const best = await run(reference, lagMs, seed);
  if (mine.primaryQueries > best.primaryQueries)
    return {
      pass: false,
      message: `${facts}: nothing vanished, but the primary does more than it must. Another choice needs only ${best.primaryQueries} primary queries.`,
    };
  return {
    pass: true,
    message: `${facts}: nobody loses a message, and the primary serves only the reads the replica cannot yet answer.`,
  };
}
