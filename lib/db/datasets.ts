/**
 * The prebuilt data directories. Each is built once at prebuild (lib/db/node/build-data.ts) and
 * loaded by the browser worker, the CLI and the tests; nobody seeds at run time.
 *
 * Why two, and why these sizes:
 * - `app` (n-plus-one, caching, measure-before-you-optimize): 10,000 users × exactly 10 messages.
 *   The N+1 slider (10 → 10,000 users) is served by ONE data dir: the ORM reads the first N users
 *   (`ORDER BY id LIMIT N`, visible in the query log) and their messages. Honest because the per-user
 *   work does not depend on how many other users exist: each `Post.findByUserId` is a B-tree lookup
 *   whose depth is the same (3 levels) for 10k or 100k rows, and the JOIN reads exactly the N users'
 *   rows. One dir per size would cost a 1–2 s reload per slider move and ~4× the download.
 *   It has the indexes a healthy app has (messages.user_id for the ORM, (channel_id, id) for history
 *   and unread counts), so the N+1 lesson measures round trips, not missing indexes.
 * - `indexing`: ≥ 200,000 messages (the lesson's table size: big enough that a Seq Scan costs tens of ms) and NO secondary index, so a channel's latest
 *   messages are a Seq Scan until the reader runs CREATE INDEX.
 * - `consistency`: tiny (200 users × 5 messages) because the consistency labs open one PGlite per
 *   replica or shard from it (up to 9 at once). Loading it is dominated by PGlite's own catalog, not
 *   by the rows: starting from a dumped dir instead of `PGlite.create()` + initdb is what saves the
 *   seconds (lib/db/labs/consistency-pool.ts has the measurements).
 */
export type DatasetId = 'app' | 'indexing' | 'consistency';

export interface DatasetSpec {
  id: DatasetId;
  /** sfc32 seed (seed/prng.ts); changing it changes every checksum. */
  seed: number;
  users: number;
  messagesPerUser: number;
  channels: number;
  /** Secondary indexes created after COPY (before ANALYZE). */
  indexes: readonly string[];
}

export const DATASETS: Readonly<Record<DatasetId, DatasetSpec>> = {
  app: {
    id: 'app',
    seed: 20_250_601,
    users: 10_000,
    messagesPerUser: 10,
    channels: 100,
    indexes: [
      'CREATE INDEX messages_user_id_idx ON messages (user_id)',
      'CREATE INDEX messages_channel_id_id_idx ON messages (channel_id, id)',
    ],
  },
  indexing: {
    id: 'indexing',
    seed: 20_250_602,
    users: 20_000,
    messagesPerUser: 10,
    channels: 100,
    indexes: [],
  },
  consistency: {
    id: 'consistency',
    seed: 20_250_603,
    users: 200,
    messagesPerUser: 5,
    channels: 20,
    indexes: ['CREATE INDEX messages_channel_id_id_idx ON messages (channel_id, id)'],
  },
};

/** Which data dir each lab loads. */
export const LAB_DATASET = {
  'n-plus-one': 'app',
  'measure-before-you-optimize': 'app',
  caching: 'app',
  indexing: 'indexing',
  consistency: 'consistency',
} as const satisfies Record<string, DatasetId>;

export type LabId = keyof typeof LAB_DATASET;
