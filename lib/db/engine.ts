import type { PGlite } from '@electric-sql/pglite';
import type { DatasetId } from './datasets';
import { toSqlError } from './errors';
import { explainAnalyze } from './explain';
import { runCachingLab, type CachingLabResult, type CachingOptions } from './labs/caching';
import { runIndexLab, type IndexLabPart, type IndexLabResult } from './labs/indexing';
import { runMeasureLab, type MeasureLabResult, type MeasureOptions } from './labs/measure';
import { runNPlusOneLab, type NPlusOneOptions, type NPlusOneResult } from './labs/nplusone';
import { runStampedeLab, type StampedeOptions, type StampedeResult } from './labs/stampede';
import { CONSISTENCY_START_PARAMS, InstancePool } from './consistency-pool';
import {
  instancesNeeded,
  parseConsistencyOptions,
  runConsistencyLab,
  type ConsistencyLabResult,
  type ConsistencyOptions,
} from './labs/consistency';
import { openPglite, type PgliteSource } from './open';
import {
  DEFAULT_RTT_MS,
  jsonSafe,
  LoggedDb,
  LoggedSqlError,
  QueryLog,
  summarize,
} from './querylog';
import {
  DEFAULT_MAX_ROWS,
  type ExplainOutcome,
  type ResetInfo,
  type SqlRunResult,
} from './results';
import { runUserCode, type UserCodeOptions, type UserCodeResult } from './usercode';

export const EXPLAIN_PREFIX = 'EXPLAIN (ANALYZE, FORMAT JSON) ';

/** The consistency data dir runs many small instances: smaller buffers (consistency-pool.ts). */
const startOptions = (dataset: DatasetId) =>
  dataset === 'consistency' ? { startParams: CONSISTENCY_START_PARAMS } : {};

/**
 * The lab engine: one PGlite opened from a prebuilt data dir plus every lab operation. Pure TS, the
 * same code in the browser worker and in Node (CLI, tests). All results are plain data.
 */
export class QueryLabEngine {
  /** Extra instances for the consistency labs (replica, shards), opened on first use. */
  private pool?: InstancePool;

  private constructor(
    readonly dataset: DatasetId,
    private readonly source: PgliteSource,
    private pg: PGlite,
  ) {}

  static async open(dataset: DatasetId, source: PgliteSource): Promise<QueryLabEngine> {
    return new QueryLabEngine(dataset, source, await openPglite(source, startOptions(dataset)));
  }

  get pglite(): PGlite {
    return this.pg;
  }

  /** Back to the seed state: a fresh PGlite from the same in-memory data dir (no re-seeding). */
  async reset(): Promise<ResetInfo> {
    const t0 = performance.now();
    const old = this.pg;
    await this.pool?.close();
    this.pool = undefined;
    this.pg = await openPglite(this.source, startOptions(this.dataset));
    await old.close().catch(() => undefined);
    return { ms: performance.now() - t0 };
  }

  /**
   * JIT warm-up. V8 first runs wasm with its baseline compiler and tiers hot functions up later:
   * measured in Node, the first N+1 run over 100 users took 860 ms and the sixth 70 ms. A real
   * Postgres is native code, so the labs must measure the steady state: run a small mixed workload
   * once after loading (the compiled code is kept across resets: same WebAssembly.Module).
   */
  async warmUp(): Promise<{ ms: number }> {
    const t0 = performance.now();
    // One pass does most of it (Node: 2.4 s cold, then 0.5 s, 0.4 s, 0.3 s for the same pass).
    await runNPlusOneLab(this.pg, { users: 200, rttMs: 0 });
    return { ms: performance.now() - t0 };
  }

  async close(): Promise<void> {
    await this.pool?.close();
    await this.pg.close();
  }

  /**
   * A consistency lab (labs/consistency.ts). The engine's own instance is the primary / first
   * shard; the others are opened from the same data dir on first use and kept for later runs.
   */
  async runConsistencyLab(opts: ConsistencyOptions): Promise<ConsistencyLabResult> {
    const o = parseConsistencyOptions(opts);
    const pool = (this.pool ??= InstancePool.fromSource(this.source, this.pg));
    const dbs = await pool.take(instancesNeeded(o));
    return runConsistencyLab(dbs, o, () => pool.wasmHeapBytes());
  }

  /** Opens the instances a consistency lab needs without running it (start-up measured apart). */
  async prepareConsistencyLab(
    opts: ConsistencyOptions,
  ): Promise<{ instances: number; openMs: number[] }> {
    const o = parseConsistencyOptions(opts);
    const pool = (this.pool ??= InstancePool.fromSource(this.source, this.pg));
    await pool.take(instancesNeeded(o));
    return { instances: pool.size, openMs: [...pool.openMs] };
  }

  /** Open instances and their start-up times (consistency labs; the first is the engine's own). */
  consistencyInstances(): { instances: number; openMs: number[]; wasmHeapBytes: number } {
    return {
      instances: this.pool?.size ?? 1,
      openMs: [...(this.pool?.openMs ?? [0])],
      wasmHeapBytes: this.pool?.wasmHeapBytes() ?? 0,
    };
  }

  /** Runs the reader's SQL (one or more statements; with params exactly one). */
  async runSql(
    sql: string,
    opts: { params?: unknown[]; maxRows?: number; rttMs?: number } = {},
  ): Promise<SqlRunResult> {
    const log = new QueryLog(opts.rttMs ?? DEFAULT_RTT_MS);
    const db = new LoggedDb(this.pg, log);
    const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
    try {
      const results = opts.params ? [await db.query(sql, opts.params)] : await db.exec(sql);
      const statements = results.map((r) => {
        const rowCount = r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0);
        return {
          command: r.command,
          fields: r.fields.map((f) => f.name),
          rowCount,
          rows: r.rows.slice(0, maxRows).map((row) => jsonSafe(row) as Record<string, unknown>),
          truncated: r.rows.length > maxRows,
        };
      });
      return { ok: true, statements, log: log.entries, summary: summarize(log.entries) };
    } catch (err) {
      const error = err instanceof LoggedSqlError ? err.sqlError : toSqlError(err, sql);
      return { ok: false, error, log: log.entries, summary: summarize(log.entries) };
    }
  }

  /** EXPLAIN (ANALYZE, FORMAT JSON) of one statement; error positions refer to the reader's SQL. */
  async explain(
    sql: string,
    opts: { params?: unknown[]; rttMs?: number } = {},
  ): Promise<ExplainOutcome> {
    const log = new QueryLog(opts.rttMs ?? DEFAULT_RTT_MS);
    const db = new LoggedDb(this.pg, log);
    try {
      return {
        ok: true,
        explain: await explainAnalyze(db, sql, opts.params ?? []),
        log: log.entries,
      };
    } catch (err) {
      const raw = err instanceof LoggedSqlError ? err.sqlError : toSqlError(err, sql);
      const shift = EXPLAIN_PREFIX.length - (sql.length - sql.trimStart().length);
      const error =
        raw.position !== undefined
          ? toSqlError({ ...raw, position: String(raw.position - shift) }, sql)
          : raw;
      return { ok: false, error, log: log.entries };
    }
  }

  runNPlusOne(opts: NPlusOneOptions): Promise<NPlusOneResult> {
    return runNPlusOneLab(this.pg, opts);
  }

  runIndexLab(
    opts: { rttMs?: number; parts?: readonly IndexLabPart[] } = {},
  ): Promise<IndexLabResult> {
    return runIndexLab(this.pg, opts);
  }

  runCachingLab(opts: CachingOptions): Promise<CachingLabResult> {
    return runCachingLab(this.pg, opts);
  }

  runStampede(opts: StampedeOptions): Promise<StampedeResult> {
    return runStampedeLab(this.pg, opts);
  }

  runMeasureLab(opts: MeasureOptions): Promise<MeasureLabResult> {
    return runMeasureLab(this.pg, opts);
  }

  /**
   * Runs the reader's ORM code. NOTE: in-process this cannot stop a synchronous `while (true) {}`;
   * only the worker transport can (it terminates the worker). The time limit here bounds async hangs.
   */
  runUserCode(code: string, opts: UserCodeOptions): Promise<UserCodeResult> {
    return runUserCode(this.pg, code, opts);
  }
}
