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
 * Lost updates: requests that each add one to a channel's unread counter. A request is a short
 * sequence of statements; the lab's scheduler interleaves the statements of the requests in flight
 * (seeded), which is exactly what two app servers do to one row under READ COMMITTED with autocommit
 * statements. PGlite has one connection, so this scheduler is how two "connections" are modelled:
 * each statement still runs on real Postgres and sees every committed change before it.
 *
 * - naive: SELECT n, then UPDATE … SET n = <n + 1 computed in the app>. Two reads of the same n lose
 *   one of the increments.
 * - atomic: UPDATE … SET n = n + 1 (the row lock and re-read happen inside Postgres).
 * - version: optimistic concurrency; SELECT n, version, then UPDATE … WHERE version = <read version>;
 *   zero rows updated means someone else won, so the request re-reads and retries.
 */
export type LostUpdateStrategy = StrategyOf<'lost-update'>;

export interface LostUpdateOptions {
  strategy?: LostUpdateStrategy;
  /** Increments to apply (requests). */
  requests?: number;
  /** Requests in flight at once (app servers / threads). */
  concurrency?: number;
  seed?: number;
}

export interface LostUpdateResult extends ConsistencyCounts<'lost-update'> {
  expected: number;
  final: number;
  /** version: UPDATEs that matched no row because the version had moved on. */
  conflicts: number;
  retries: number;
  statements: number;
  meanRequestMs: number;
  events: LabEvent[];
}

export const LOST_UPDATE_DEFAULTS = { requests: 200, concurrency: 2, seed: 1 } as const;

const SETUP = `
DROP TABLE IF EXISTS unread_counters CASCADE;
CREATE TABLE unread_counters (
  channel_id integer PRIMARY KEY,
  n integer NOT NULL,
  version integer NOT NULL
);
INSERT INTO unread_counters VALUES (1, 0, 0);`;

export const LOST_UPDATE_SQL = {
  read: 'SELECT n, version FROM unread_counters WHERE channel_id = 1',
  writeNaive: 'UPDATE unread_counters SET n = $1 WHERE channel_id = 1',
  atomic: 'UPDATE unread_counters SET n = n + 1, version = version + 1 WHERE channel_id = 1',
  writeVersion:
    'UPDATE unread_counters SET n = $1, version = version + 1 WHERE channel_id = 1 AND version = $2',
  final: 'SELECT n FROM unread_counters WHERE channel_id = 1',
} as const;

/** One request as a state machine: each `step` runs one statement; returns true when done. */
class Request {
  private read?: { n: number; version: number };
  done = false;
  conflicts = 0;

  constructor(
    readonly id: number,
    private readonly strategy: LostUpdateStrategy,
    private readonly db: LoggedDb,
    private readonly events: EventList,
    private readonly clock: () => number,
  ) {}

  async step(): Promise<void> {
    const actor = `request ${this.id}`;
    if (this.strategy === 'atomic') {
      await this.db.query(LOST_UPDATE_SQL.atomic, [], actor);
      this.events.push({ tMs: this.clock(), kind: 'write', actor, detail: 'SET n = n + 1' });
      this.done = true;
      return;
    }
    if (!this.read) {
      const r = await this.db.query<{ n: number; version: number }>(
        LOST_UPDATE_SQL.read,
        [],
        actor,
      );
      const row = r.rows[0];
      if (!row) throw new Error('the counter row is missing');
      this.read = { n: row.n, version: row.version };
      this.events.push({
        tMs: this.clock(),
        kind: 'read',
        actor,
        detail: `reads n = ${row.n}${this.strategy === 'version' ? `, version ${row.version}` : ''}`,
      });
      return;
    }
    const next = this.read.n + 1;
    if (this.strategy === 'naive') {
      await this.db.query(LOST_UPDATE_SQL.writeNaive, [next], actor);
      this.events.push({ tMs: this.clock(), kind: 'write', actor, detail: `writes n = ${next}` });
      this.done = true;
      return;
    }
    const w = await this.db.query(LOST_UPDATE_SQL.writeVersion, [next, this.read.version], actor);
    const won = (w.affectedRows ?? 0) === 1;
    this.events.push({
      tMs: this.clock(),
      kind: 'write',
      actor,
      anomaly: won ? undefined : 'conflict',
      detail: won
        ? `writes n = ${next} (version ${this.read.version} → ${this.read.version + 1})`
        : `version ${this.read.version} is gone: 0 rows updated, re-read and retry`,
    });
    if (won) this.done = true;
    else {
      this.conflicts += 1;
      this.read = undefined;
    }
  }
}

export function validateLostUpdate(o: LostUpdateOptions): Required<LostUpdateOptions> {
  return {
    strategy: o.strategy ?? 'naive',
    requests: checkRange('requests', o.requests ?? LOST_UPDATE_DEFAULTS.requests, 1, 5000),
    concurrency: checkRange(
      'concurrency',
      o.concurrency ?? LOST_UPDATE_DEFAULTS.concurrency,
      1,
      16,
    ),
    seed: o.seed ?? LOST_UPDATE_DEFAULTS.seed,
  };
}

export function runLostUpdate(
  pg: PGliteInterface,
  options: LostUpdateOptions = {},
): Promise<LostUpdateResult> {
  const o = validateLostUpdate(options);
  return guardLab('lost-update', async () => {
    const t0 = performance.now();
    const db = logged(pg);
    await db.exec(SETUP, 'setup');
    const mark = db.log.mark();
    const rng = createRng(o.seed);
    const events = new EventList();
    let tick = 0;
    const clock = (): number => tick;
    let started = 0;
    const inFlight: Request[] = [];
    const finished: Request[] = [];
    const fill = (): void => {
      while (inFlight.length < o.concurrency && started < o.requests) {
        started += 1;
        inFlight.push(new Request(started, o.strategy, db, events, clock));
      }
    };
    fill();
    while (inFlight.length > 0) {
      // The scheduler: any request in flight may run its next statement.
      const i = rng.int(0, inFlight.length - 1);
      const req = inFlight[i] as Request;
      tick += 1;
      await req.step();
      if (req.done) {
        inFlight.splice(i, 1);
        finished.push(req);
        fill();
      }
    }
    const served = db.log.since(mark);
    const final = (await db.query<{ n: number }>(LOST_UPDATE_SQL.final)).rows[0]?.n ?? 0;
    const conflicts = finished.reduce((s, r) => s + r.conflicts, 0);
    return {
      lab: 'lost-update',
      strategy: o.strategy,
      seed: o.seed,
      requests: o.requests,
      staleReads: 0,
      duplicates: 0,
      lostUpdates: o.requests - final,
      lostEvents: 0,
      primaryQueries: served.length,
      ms: performance.now() - t0,
      expected: o.requests,
      final,
      conflicts,
      retries: conflicts,
      statements: served.length,
      meanRequestMs: served.reduce((s, e) => s + e.dbMs, 0) / o.requests,
      events: events.items,
    };
  });
}
