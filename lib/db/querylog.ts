import type { PGliteInterface, Results } from '@electric-sql/pglite';
import { toSqlError, type SqlError } from './errors';

/**
 * Simulated network round trip per query, the real cost of N+1 (the database itself answers a point
 * lookup in ~0.1–0.3 ms: stack-facts.md). Presets, reader-settable in the UI:
 * 0 (same process), 0.5 ms (same availability zone; AWS quotes sub-millisecond intra-AZ latency) and
 * 2 ms (cross zone; typical 1–2 ms inter-AZ RTT). Default 0.5 ms per the issue.
 */
export const RTT_PRESETS_MS = { none: 0, sameZone: 0.5, crossZone: 2 } as const;
export const DEFAULT_RTT_MS = RTT_PRESETS_MS.sameZone;

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
   * Start on the simulated timeline: queries are issued one after another (as with `await` in a
   * loop), so startMs = previous startMs + previous (rttMs + dbMs). Drives the waterfall.
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
  /** dbMs + rttMs: what a client across the network would wait. */
  totalMs: number;
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
  for (const e of entries) {
    rows += e.rows;
    dbMs += e.dbMs;
    rttMs += e.rttMs;
  }
  return { queries: entries.length, rows, dbMs, rttMs, totalMs: dbMs + rttMs };
}

/**
 * The truth the UI shows (PGlite has no pg_stat_statements). The RTT is ACCOUNTED, not waited for:
 * setTimeout cannot wait 0.5 ms (Node rounds to ≥ 1 ms, browsers clamp nested timers to ≥ 4 ms per the
 * HTML spec) and a busy-wait would burn the worker's CPU and distort the very timings we report.
 * Accounting is exact and deterministic; the UI adds it to the timeline and shows it separately.
 */
export class QueryLog {
  readonly entries: QueryLogEntry[] = [];
  private clockMs = 0;

  constructor(public rttMs: number = DEFAULT_RTT_MS) {}

  record(entry: Omit<QueryLogEntry, 'seq' | 'startMs' | 'rttMs'>): QueryLogEntry {
    const full: QueryLogEntry = {
      ...entry,
      seq: this.entries.length + 1,
      rttMs: this.rttMs,
      startMs: this.clockMs,
    };
    this.clockMs += full.rttMs + full.dbMs;
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
  constructor(
    readonly pg: PGliteInterface,
    readonly log: QueryLog,
  ) {}

  async query<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    label?: string,
  ): Promise<Results<T>> {
    const t0 = now();
    try {
      const res = await this.pg.query<T>(sql, params);
      const rows = res.rows.length > 0 ? res.rows.length : (res.affectedRows ?? 0);
      this.log.record({ sql, params: params.map(jsonSafe), rows, dbMs: now() - t0, label });
      return res;
    } catch (err) {
      const error = toSqlError(err, sql);
      this.log.record({
        sql,
        params: params.map(jsonSafe),
        rows: 0,
        dbMs: now() - t0,
        label,
        error,
      });
      throw new LoggedSqlError(error);
    }
  }

  async exec(sql: string, label?: string): Promise<Results[]> {
    const t0 = now();
    try {
      const results = await this.pg.exec(sql);
      const last = results[results.length - 1];
      const rows = last ? (last.rows.length > 0 ? last.rows.length : (last.affectedRows ?? 0)) : 0;
      this.log.record({ sql, params: [], rows, dbMs: now() - t0, label });
      return results;
    } catch (err) {
      const error = toSqlError(err, sql);
      this.log.record({ sql, params: [], rows: 0, dbMs: now() - t0, label, error });
      throw new LoggedSqlError(error);
    }
  }
}
