import type { PGliteInterface, Results } from '@electric-sql/pglite';
import { toSqlError, type SqlError } from './errors';

/**
 * Simulated network round trip per query, the real cost of N+1 (the database itself answers a point
 * lookup in ~0.1–0.3 ms: stack-facts.md). Presets, reader-settable in the UI:
 * 0 (same process), 0.5 ms (same availability zone; AWS quotes sub-millisecond intra-AZ latency) and
 * 2 ms (cross zone; typical 1–2 ms inter-AZ RTT). Default 0.5 ms, a same-zone round trip.
 */
export const RTT_PRESETS_MS = { none: 0, sameZone: 0.5, crossZone: 2 } as const;
export const DEFAULT_RTT_MS = RTT_PRESETS_MS.sameZone;

/**
 * Connections an app server holds to the database: node-postgres' `Pool` defaults to `max: 10`
 * (node-postgres.com/apis/pool). Sequential code uses one; `Promise.all` over N queries uses all.
 */
export const DEFAULT_POOL_SIZE = 10;

/** One statement as the lab saw it. All times in milliseconds. */
export interface QueryLogEntry {
  /** 1-based position in the log. */
  seq: number;
  sql: string;
  /** Parameters, made JSON/structured-clone safe (Dates → ISO strings, bigints → strings). */
  params: unknown[];
  /** Rows returned (SELECT) or affected (INSERT/UPDATE/DELETE). */
  rows: number;
  /**
   * Database time: wall time of the in-process call (parse, plan, execute, serialise, decode). In
   * browsers performance.now() is coarsened to 0.1 ms (with jitter, so sums stay unbiased).
   */
  dbMs: number;
  /** Simulated round trip accounted to this query (the log's rttMs when it ran). */
  rttMs: number;
  /**
   * Start on the simulated timeline. A query is issued when the code that sends it could run: after
   * every query that had already answered (`issuedAtMs`); it starts when a pool connection is free.
   * Code that awaits each query in turn gives startMs = previous startMs + previous (rttMs + dbMs);
   * `Promise.all` issues many at once and they overlap, up to the pool size. Drives the waterfall.
   */
  startMs: number;
  /** Optional tag, e.g. the endpoint or request a query belongs to. */
  label?: string;
  error?: SqlError;
}

export interface QueryLogSummary {
  queries: number;
  rows: number;
  dbMs: number;
  rttMs: number;
  /** dbMs + rttMs: the time connections were busy (equals the wait when queries run one at a time). */
  totalMs: number;
  /** First start to last end on the simulated timeline: what the caller waits. */
  elapsedMs: number;
  /** Most pool connections in use at one moment (1 for code that awaits each query in turn). */
  peakConnections: number;
}

export function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array)
    return `\\x${[...value].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

export function summarize(entries: readonly QueryLogEntry[]): QueryLogSummary {
  let rows = 0;
  let dbMs = 0;
  let rttMs = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  const edges: Array<[number, number]> = [];
  for (const e of entries) {
    rows += e.rows;
    dbMs += e.dbMs;
    rttMs += e.rttMs;
    const end = e.startMs + e.rttMs + e.dbMs;
    first = Math.min(first, e.startMs);
    last = Math.max(last, end);
    edges.push([e.startMs, 1], [end, -1]);
  }
  // Ends sort before starts at the same instant: a connection freed at t serves a query starting at t.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peakConnections = 0;
  for (const [, d] of edges) peakConnections = Math.max(peakConnections, (open += d));
  return {
    queries: entries.length,
    rows,
    dbMs,
    rttMs,
    totalMs: dbMs + rttMs,
    elapsedMs: entries.length > 0 ? last - first : 0,
    peakConnections,
  };
}

/**
 * The truth the UI shows (PGlite has no pg_stat_statements). The RTT is ACCOUNTED, not waited for:
 * setTimeout cannot wait 0.5 ms (Node rounds to ≥ 1 ms, browsers clamp nested timers to ≥ 4 ms per the
 * HTML spec) and a busy-wait would burn the worker's CPU and distort the very timings we report.
 * Accounting is exact and deterministic; the UI adds it to the timeline and shows it separately.
 */
export class QueryLog {
  readonly entries: QueryLogEntry[] = [];
  /** Latest end among recorded queries: the simulated "now" for code that runs after them. */
  private clockMs = 0;
  /** When each pool connection is next free, on the simulated timeline. */
  private freeAtMs: number[];

  constructor(
    public rttMs: number = DEFAULT_RTT_MS,
    readonly poolSize: number = DEFAULT_POOL_SIZE,
  ) {
    this.freeAtMs = new Array<number>(Math.max(1, Math.floor(poolSize))).fill(0);
  }

  /** The simulated time at which code running now would send a query (see QueryLogEntry.startMs). */
  issueTime(): number {
    return this.clockMs;
  }

  record(
    entry: Omit<QueryLogEntry, 'seq' | 'startMs' | 'rttMs'>,
    issuedAtMs: number = this.clockMs,
  ): QueryLogEntry {
    let conn = 0;
    for (let i = 1; i < this.freeAtMs.length; i++)
      if ((this.freeAtMs[i] as number) < (this.freeAtMs[conn] as number)) conn = i;
    const startMs = Math.max(issuedAtMs, this.freeAtMs[conn] as number);
    const full: QueryLogEntry = {
      ...entry,
      seq: this.entries.length + 1,
      rttMs: this.rttMs,
      startMs,
    };
    const end = startMs + full.rttMs + full.dbMs;
    this.freeAtMs[conn] = end;
    this.clockMs = Math.max(this.clockMs, end);
    this.entries.push(full);
    return full;
  }

  /** Entries since a mark (an index from `mark()`), e.g. one strategy's queries. */
  since(mark: number): QueryLogEntry[] {
    return this.entries.slice(mark);
  }

  mark(): number {
    return this.entries.length;
  }

  summary(from = 0): QueryLogSummary {
    return summarize(this.entries.slice(from));
  }

  clear(): void {
    this.entries.length = 0;
    this.clockMs = 0;
    this.freeAtMs.fill(0);
  }
}

const now = (): number => performance.now();

/** A SQL failure that went through the log; carries the Postgres message and position. */
export class LoggedSqlError extends Error {
  constructor(readonly sqlError: SqlError) {
    super(sqlError.message);
    this.name = 'LoggedSqlError';
  }
}

/**
 * Every statement the labs, the ORM and the reader's code run goes through here.
 * `query` = one statement with $n parameters (extended protocol); `exec` = a script of several
 * statements (simple protocol), logged as one entry whose rows are the last statement's.
 */
export class LoggedDb {
  /**
   * Statements run one at a time on the one PGlite connection. Queries sent concurrently
   * (`Promise.all`) queue here, so each dbMs measures its own execution, not the wait behind the
   * others; the simulated pool in QueryLog decides how they overlap on the timeline.
   */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly pg: PGliteInterface,
    readonly log: QueryLog,
  ) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  query<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    label?: string,
  ): Promise<Results<T>> {
    const issuedAtMs = this.log.issueTime();
    return this.serial(() => this.queryNow<T>(sql, params, label, issuedAtMs));
  }

  private async queryNow<T>(
    sql: string,
    params: unknown[],
    label: string | undefined,
    issuedAtMs: number,
  ): Promise<Results<T>> {
    const t0 = now();
    try {
      const res = await this.pg.query<T>(sql, params);
      const rows = res.rows.length > 0 ? res.rows.length : (res.affectedRows ?? 0);
      this.log.record(
        { sql, params: params.map(jsonSafe), rows, dbMs: now() - t0, label },
        issuedAtMs,
      );
      return res;
    } catch (err) {
      const error = toSqlError(err, sql);
      this.log.record(
        { sql, params: params.map(jsonSafe), rows: 0, dbMs: now() - t0, label, error },
        issuedAtMs,
      );
      throw new LoggedSqlError(error);
    }
  }

  exec(sql: string, label?: string): Promise<Results[]> {
    const issuedAtMs = this.log.issueTime();
    return this.serial(() => this.execNow(sql, label, issuedAtMs));
  }

  private async execNow(
    sql: string,
    label: string | undefined,
    issuedAtMs: number,
  ): Promise<Results[]> {
    const t0 = now();
    try {
      const results = await this.pg.exec(sql);
      const last = results[results.length - 1];
      const rows = last ? (last.rows.length > 0 ? last.rows.length : (last.affectedRows ?? 0)) : 0;
      this.log.record({ sql, params: [], rows, dbMs: now() - t0, label }, issuedAtMs);
      return results;
    } catch (err) {
      const error = toSqlError(err, sql);
      this.log.record({ sql, params: [], rows: 0, dbMs: now() - t0, label, error }, issuedAtMs);
      throw new LoggedSqlError(error);
    }
  }
}
