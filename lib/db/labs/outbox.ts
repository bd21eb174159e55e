import type { PGliteInterface } from '@electric-sql/pglite';
import type { LoggedDb } from '../querylog';
import { createRng } from '../seed/prng';
import {
  checkRange,
  EventList,
  guardLab,
  logged,
  type ConsistencyCounts,
  type LabEvent,
  type StrategyOf,
} from './consistency-common';

/**
 * The transactional outbox: "save the message, then publish a `message.created` event" (to the
 * broker that feeds push notifications), with a crash injected between the two.
 *
 * - direct: commit the row, then publish. A crash in between loses the event forever: the message
 *   exists, nobody is notified.
 * - outbox: the row and an outbox row commit in ONE transaction; a relay publishes outbox rows and
 *   then marks them sent. A relay crash between publish and mark re-publishes after restart, so
 *   delivery is at-least-once: the consumer dedupes by event id (an inbox table with the event id as
 *   primary key, `INSERT … ON CONFLICT DO NOTHING`).
 *
 * Not built, on purpose: a distributed transaction (two-phase commit across the database and the
 * broker). It needs a coordinator and a broker that can PREPARE; every participant holds locks until
 * the slowest votes, and a coordinator crash leaves prepared transactions blocking rows until a
 * human resolves them. The outbox gets the same guarantee with one local transaction.
 *
 * The broker is an in-memory queue (it is not what is being taught); the database side is real.
 */
export type OutboxStrategy = StrategyOf<'outbox'>;

export interface OutboxOptions {
  strategy?: OutboxStrategy;
  /** Messages saved. */
  requests?: number;
  /** Chance of a crash at the injection point (between save and publish; relay: publish and mark). */
  crashRate?: number;
  /** The consumer dedupes by event id (default true). Off shows why at-least-once needs it. */
  dedupe?: boolean;
  seed?: number;
}

export interface OutboxResult extends ConsistencyCounts<'outbox'> {
  crashes: number;
  published: number;
  /** Deliveries of an event id already delivered (at-least-once). */
  redeliveries: number;
  /** Redeliveries the consumer's inbox discarded. */
  discarded: number;
  relayRuns: number;
  /** Statements per saved message on the write path (the outbox adds one insert). */
  writeStatementsPerMessage: number;
  dedupe: boolean;
  events: LabEvent[];
}

export const OUTBOX_DEFAULTS = { requests: 100, crashRate: 0.1, seed: 1 } as const;
/** The relay polls after every 10 saves (and once at the end, after the last restart). */
const RELAY_EVERY = 10;

const SETUP = `
DROP TABLE IF EXISTS lab_posts, outbox, consumer_inbox, notifications CASCADE;
CREATE TABLE lab_posts (id bigint PRIMARY KEY, channel_id integer NOT NULL, body text NOT NULL);
CREATE TABLE outbox (
  event_id text PRIMARY KEY,
  payload jsonb NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  published boolean NOT NULL DEFAULT false
);
CREATE TABLE consumer_inbox (event_id text PRIMARY KEY);
CREATE TABLE notifications (id bigint GENERATED ALWAYS AS IDENTITY, event_id text NOT NULL, post_id bigint NOT NULL);`;

export const OUTBOX_SQL = {
  save: 'INSERT INTO lab_posts (id, channel_id, body) VALUES ($1, $2, $3)',
  enqueue: 'INSERT INTO outbox (event_id, payload) VALUES ($1, $2)',
  pending: 'SELECT event_id, payload FROM outbox WHERE NOT published ORDER BY seq',
  markSent: 'UPDATE outbox SET published = true WHERE event_id = $1',
  inbox:
    'INSERT INTO consumer_inbox (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id',
  notify: 'INSERT INTO notifications (event_id, post_id) VALUES ($1, $2)',
  audit: `SELECT (SELECT count(*) FROM lab_posts AS p
                  WHERE NOT EXISTS (SELECT 1 FROM notifications AS n WHERE n.post_id = p.id))::int AS lost,
                 (SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM notifications GROUP BY post_id) AS d)::int AS duplicates`,
} as const;

interface Delivery {
  eventId: string;
  postId: number;
}

export function validateOutbox(o: OutboxOptions): Required<OutboxOptions> {
  return {
    strategy: o.strategy ?? 'direct',
    requests: checkRange('requests', o.requests ?? OUTBOX_DEFAULTS.requests, 1, 5000),
    crashRate: checkRange('crash-rate', o.crashRate ?? OUTBOX_DEFAULTS.crashRate, 0, 0.9),
    dedupe: o.dedupe ?? true,
    seed: o.seed ?? OUTBOX_DEFAULTS.seed,
  };
}

export function runOutbox(pg: PGliteInterface, options: OutboxOptions = {}): Promise<OutboxResult> {
  const o = validateOutbox(options);
  return guardLab('outbox', async () => {
    const t0 = performance.now();
    const db = logged(pg);
    await db.exec(SETUP, 'setup');
    const r = await play(db, o);
    return { ...r, ms: performance.now() - t0 };
  });
}

async function play(db: LoggedDb, o: Required<OutboxOptions>): Promise<Omit<OutboxResult, 'ms'>> {
  const rng = createRng(o.seed);
  const events = new EventList();
  const broker: Delivery[] = [];
  const seen = new Set<string>();
  let tick = 0;
  let crashes = 0;
  let published = 0;
  let redeliveries = 0;
  let discarded = 0;
  let relayRuns = 0;
  let writeStatements = 0;
  const crash = (): boolean => rng.next() < o.crashRate;

  const publish = (d: Delivery): void => {
    published += 1;
    if (seen.has(d.eventId)) redeliveries += 1;
    seen.add(d.eventId);
    broker.push(d);
  };

  const consume = async (): Promise<void> => {
    for (const d of broker.splice(0)) {
      if (o.dedupe) {
        const fresh = await db.query(OUTBOX_SQL.inbox, [d.eventId], 'consumer');
        if (fresh.rows.length === 0) {
          discarded += 1;
          events.push({
            tMs: tick,
            kind: 'consume',
            actor: d.eventId,
            detail: 'already in the inbox: skipped',
          });
          continue;
        }
      }
      await db.query(OUTBOX_SQL.notify, [d.eventId, d.postId], 'consumer');
    }
  };

  const relay = async (): Promise<void> => {
    relayRuns += 1;
    const rows = await db.query<{ event_id: string; payload: { postId: number } }>(
      OUTBOX_SQL.pending,
      [],
      'relay',
    );
    for (const row of rows.rows) {
      tick += 1;
      publish({ eventId: row.event_id, postId: Number(row.payload.postId) });
      if (crash()) {
        crashes += 1;
        events.push({
          tMs: tick,
          kind: 'crash',
          actor: 'relay',
          anomaly: 'duplicate',
          detail: `relay crashed after publishing ${row.event_id}, before marking it sent: it will be published again`,
        });
        return; // Restart: the next run starts from the unmarked rows again.
      }
      await db.query(OUTBOX_SQL.markSent, [row.event_id], 'relay');
    }
  };

  for (let i = 1; i <= o.requests; i++) {
    tick += 1;
    const eventId = `evt-${i}`;
    const channel = rng.int(1, 20);
    if (o.strategy === 'direct') {
      await db.query(OUTBOX_SQL.save, [i, channel, `message ${i}`], 'write');
      writeStatements += 1;
      if (crash()) {
        crashes += 1;
        events.push({
          tMs: tick,
          kind: 'crash',
          actor: `message ${i}`,
          anomaly: 'lost',
          detail: 'saved, then the process died before publishing: the event is gone',
        });
      } else {
        publish({ eventId, postId: i });
        events.push({ tMs: tick, kind: 'publish', actor: eventId, detail: 'saved and published' });
      }
    } else {
      await db.query('BEGIN', [], 'tx');
      await db.query(OUTBOX_SQL.save, [i, channel, `message ${i}`], 'write');
      await db.query(
        OUTBOX_SQL.enqueue,
        [eventId, JSON.stringify({ postId: i, channel })],
        'write',
      );
      await db.query('COMMIT', [], 'tx');
      writeStatements += 2;
      // The same crash point as `direct`: after the commit. Nothing is lost: the outbox row is there.
      const crashed = crash();
      if (crashed) crashes += 1;
      events.push({
        tMs: tick,
        kind: crashed ? 'crash' : 'save',
        actor: `message ${i}`,
        detail: crashed
          ? 'saved with its outbox row, then the process died: the relay will publish it'
          : 'saved with its outbox row in one transaction',
      });
      if (i % RELAY_EVERY === 0) await relay();
    }
    await consume();
  }
  if (o.strategy === 'outbox') {
    // Relays keep running until the outbox is drained (each crash is followed by a restart; at a
    // crash rate ≤ 0.9 a row needs 10 runs on average, so 50 per message is a generous bound).
    for (let guard = 0; guard < o.requests * 50; guard++) {
      const left = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox WHERE NOT published',
        [],
        'relay',
      );
      if ((left.rows[0]?.n ?? 0) === 0) break;
      await relay();
      await consume();
    }
  }
  const audit = (
    await db.query<{ lost: number; duplicates: number }>(OUTBOX_SQL.audit, [], 'audit')
  ).rows[0];
  return {
    lab: 'outbox',
    strategy: o.strategy,
    seed: o.seed,
    requests: o.requests,
    staleReads: 0,
    duplicates: audit?.duplicates ?? 0,
    lostUpdates: 0,
    lostEvents: audit?.lost ?? 0,
    primaryQueries: db.log.entries.filter((e) => e.label === 'write' || e.label === 'relay').length,
    crashes,
    published,
    redeliveries,
    discarded,
    relayRuns,
    writeStatementsPerMessage: writeStatements / o.requests,
    dedupe: o.dedupe,
    events: events.items,
  };
}
