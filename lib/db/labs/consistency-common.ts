import type { PGliteInterface } from '@electric-sql/pglite';
import { LoggedDb, LoggedSqlError, QueryLog } from '../querylog';

/**
 * Shared vocabulary of the consistency labs (replica lag, idempotency keys, lost updates, the
 * outbox, partitioning and shards). Every lab is a pure async function over PGlite instances it is
 * handed; it creates its own tables first (DROP … IF EXISTS, CREATE), so a run never depends on what
 * an earlier run left behind and the counts are a function of the seed alone. Time inside a lab is
 * LOGICAL (milliseconds on a scripted timeline); only database times (`ms`, `*Ms`) are wall time.
 */
export const CONSISTENCY_LABS = [
  'replica-lag',
  'idempotency',
  'lost-update',
  'outbox',
  'shards',
] as const;
export type ConsistencyLabId = (typeof CONSISTENCY_LABS)[number];

/** Strategies per lab; the first is the default (the one that shows the anomaly). */
export const LAB_STRATEGIES = {
  'replica-lag': ['replica', 'primary-window', 'version-token'],
  idempotency: ['none', 'key'],
  'lost-update': ['naive', 'atomic', 'version'],
  outbox: ['direct', 'outbox'],
  shards: ['uniform', 'skewed'],
} as const satisfies Record<ConsistencyLabId, readonly string[]>;

export type StrategyOf<L extends ConsistencyLabId> = (typeof LAB_STRATEGIES)[L][number];

/** PGlite instances each lab needs (one per replica / shard; PGlite has a single connection). */
export function instancesFor(lab: ConsistencyLabId, shards = DEFAULT_SHARDS): number {
  if (lab === 'replica-lag') return 2;
  if (lab === 'shards') return shards;
  return 1;
}

/**
 * Four shards by default, eight at most: each PGlite instance holds at least 134 MB of wasm memory
 * (the module's 128 MiB minimum plus growth; consistency-pool.ts) and ~70–100 MB of process memory
 * was measured per extra instance in Node. Eight is ~1 GB: beyond what a phone tab survives
 * (reference-numbers.md: ≤ 2 GB phones already fail with one large PGlite), so the widget stops at 4.
 */
export const DEFAULT_SHARDS = 4;
export const MAX_SHARDS = 8;

/** The counts every lab reports (0 where they do not apply), as the CLI prints them. */
export interface ConsistencyCounts<L extends ConsistencyLabId = ConsistencyLabId> {
  lab: L;
  strategy: string;
  seed: number;
  requests: number;
  staleReads: number;
  duplicates: number;
  lostUpdates: number;
  lostEvents: number;
  primaryQueries: number;
  /** Wall time of the whole run (database work + the lab's bookkeeping), ms. */
  ms: number;
}

/** One moment on the lab's logical timeline, for the widget's chart and table. */
export interface LabEvent {
  tMs: number;
  kind: string;
  /** Who or what (user, request, event id, shard). */
  actor: string;
  /** The anomaly this moment shows, if any ('stale', 'vanished', 'duplicate', 'lost', …). */
  anomaly?: string;
  detail: string;
}

/** The most events a result carries (the widget shows the timeline; the counts cover everything). */
export const MAX_EVENTS = 400;

export class EventList {
  readonly items: LabEvent[] = [];
  push(e: LabEvent): void {
    if (this.items.length < MAX_EVENTS) this.items.push(e);
  }
}

/** A lab that cannot go on (a table dropped mid-run, bad options): one readable sentence. */
export class ConsistencyLabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsistencyLabError';
  }
}

/**
 * Runs a lab body and turns a SQL failure into one sentence the reader can act on. The typical
 * cause in a lab that creates its own tables is someone dropping or altering one mid-run (another
 * tab of the query lab's SQL box, a test): Reset reloads the data dir and the next run recreates them.
 */
export async function guardLab<T>(lab: ConsistencyLabId, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ConsistencyLabError) throw err;
    if (err instanceof LoggedSqlError)
      throw new ConsistencyLabError(
        `${lab} lab stopped: ${err.sqlError.message}. A table the lab needs was changed or dropped while it ran; press Reset and run again.`,
      );
    const message = err instanceof Error ? err.message : String(err);
    throw new ConsistencyLabError(`${lab} lab stopped: ${message}. Press Reset and run again.`);
  }
}

/** A logged connection per instance: the per-instance query counts are the "load" the labs report. */
export function logged(pg: PGliteInterface): LoggedDb {
  return new LoggedDb(pg, new QueryLog(0));
}

/** Integer option check with a message naming the option (used by every lab's entry point). */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ConsistencyLabError(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}
