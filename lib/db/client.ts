import type { CachingLabResult, CachingOptions } from './labs/caching';
import type { ConsistencyLabResult, ConsistencyOptions } from './labs/consistency';
import type { IndexLabPart, IndexLabResult } from './labs/indexing';
import type { MeasureLabResult, MeasureOptions } from './labs/measure';
import type { NPlusOneOptions, NPlusOneResult } from './labs/nplusone';
import type { DatasetId } from './datasets';
import { QueryLabError } from './errors';
import { MANIFEST_PATH } from './manifest';
import {
  fromWorkerSchema,
  type FromWorker,
  type LoadPhase,
  type MethodName,
  type ToWorker,
} from './protocol';
import type { ExplainOutcome, ReadyInfo, ResetInfo, SqlRunResult } from './results';
import {
  DEFAULT_USER_CODE_TIMEOUT_MS,
  type UserCodeOptions,
  type UserCodeResult,
} from './usercode-types';
import { assetUrl } from '../site';

/**
 * ONE typed client for the query lab, two transports: the worker transport below (browser) and the
 * in-process one (client-inprocess.ts: Node CLI, tests). Results are plain data; SQL errors come back
 * as data (`ok: false`), infrastructure failures reject with QueryLabError (`kind` says which).
 */
export interface QueryLabClient {
  readonly dataset: DatasetId;
  /** Load facts of the current PGlite (updated after a restart). */
  readonly info: ReadyInfo;
  runSql(
    sql: string,
    opts?: { params?: unknown[]; maxRows?: number; rttMs?: number },
  ): Promise<SqlRunResult>;
  explain(sql: string, opts?: { params?: unknown[]; rttMs?: number }): Promise<ExplainOutcome>;
  runNPlusOne(opts: NPlusOneOptions): Promise<NPlusOneResult>;
  runIndexLab(opts?: { rttMs?: number; parts?: IndexLabPart[] }): Promise<IndexLabResult>;
  runCachingLab(opts: CachingOptions): Promise<CachingLabResult>;
  runMeasureLab(opts: MeasureOptions): Promise<MeasureLabResult>;
  /** Runs the reader's ORM code with a time limit (default 5 s); see usercode.ts. */
  runUserCode(code: string, opts: UserCodeOptions): Promise<UserCodeResult>;
  /**
   * A consistency lab (lib/db/labs/consistency.ts) on the `consistency` data dir; the first call
   * opens the extra instances it needs (a replica, shards) and later calls reuse them.
   */
  runConsistencyLab(opts: ConsistencyOptions): Promise<ConsistencyLabResult>;
  /** Back to the seed data (reloads the data dir). */
  reset(): Promise<ResetInfo>;
  close(): Promise<void>;
}

export type ClientStatus =
  | { state: 'loading'; phase: LoadPhase; detail?: string }
  | { state: 'ready'; info: ReadyInfo }
  | { state: 'warming-up' }
  | { state: 'restarting'; reason: string }
  | { state: 'failed'; error: QueryLabError };

/** What the client needs from a Worker (a DOM Worker satisfies it; tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface WorkerClientOptions {
  dataset: DatasetId;
  /** Absolute URL of manifest.json; default assetUrl('/generated/pglite/manifest.json') on this origin. */
  manifestUrl?: string;
  /** Reject with kind 'startup-timeout' if PGlite is not ready by then (default 30 s). */
  startupTimeoutMs?: number;
  /** Per-file download timeout inside the worker (default 25 s). */
  fetchTimeoutMs?: number;
  /** Run the JIT warm-up after ready (default true; engine.warmUp). */
  warmUp?: boolean;
  onStatus?: (status: ClientStatus) => void;
  /** Defaults to the real module worker; tests inject a fake. */
  createWorker?: () => WorkerLike;
}

/** Extra time the worker gets beyond the user-code limit before the page assumes a busy loop. */
const USER_CODE_GRACE_MS = 1000;

export function defaultManifestUrl(): string {
  return new URL(assetUrl(MANIFEST_PATH), globalThis.location.href).href;
}

function createModuleWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'querylab' });
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: QueryLabError) => void;
}

/** One worker generation: the Worker, its pending calls, its readiness. */
class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  readonly ready: Promise<ReadyInfo>;
  private dead = false;

  constructor(
    private readonly worker: WorkerLike,
    opts: Required<
      Pick<WorkerClientOptions, 'dataset' | 'startupTimeoutMs' | 'fetchTimeoutMs' | 'warmUp'>
    > & { manifestUrl: string; onStatus?: (s: ClientStatus) => void },
  ) {
    this.ready = new Promise<ReadyInfo>((resolve, reject) => {
      let phase: LoadPhase = 'manifest';
      const timer = setTimeout(() => {
        this.kill(
          new QueryLabError(
            'startup-timeout',
            `The database did not start within ${opts.startupTimeoutMs / 1000} s (stuck at: ${phase}).`,
          ),
        );
      }, opts.startupTimeoutMs);
      const fail = (err: QueryLabError): void => {
        clearTimeout(timer);
        reject(err);
      };
      this.onFatal = fail;
      worker.onmessage = (event) => {
        const parsed = fromWorkerSchema.safeParse(event.data);
        if (!parsed.success) return;
        const msg: FromWorker = parsed.data;
        if (msg.type === 'progress') {
          phase = msg.phase;
          if (msg.phase !== 'warm-up') {
            opts.onStatus?.({ state: 'loading', phase: msg.phase, detail: msg.detail });
          } else if (msg.detail === 'done' && this.info) {
            this.markWarm();
            opts.onStatus?.({ state: 'ready', info: this.info });
          } else {
            opts.onStatus?.({ state: 'warming-up' });
          }
        } else if (msg.type === 'ready') {
          clearTimeout(timer);
          this.info = msg.info;
          if (!opts.warmUp) this.markWarm();
          resolve(msg.info);
        } else if (msg.type === 'init-error') {
          this.kill(new QueryLabError(msg.error.kind, msg.error.message));
        } else {
          const p = this.pending.get(msg.id);
          if (!p) return;
          this.pending.delete(msg.id);
          if (msg.ok) p.resolve(msg.value);
          else p.reject(new QueryLabError(msg.error.kind, msg.error.message));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        this.kill(
          new QueryLabError(
            phase === 'manifest' ? 'load-failed' : 'worker-crashed',
            `The query-lab worker failed: ${event.message || 'unknown error'}`,
          ),
        );
      };
      worker.onmessageerror = () =>
        this.kill(
          new QueryLabError('worker-crashed', 'The query-lab worker sent an unreadable message.'),
        );
      const init: ToWorker = {
        type: 'init',
        dataset: opts.dataset,
        manifestUrl: opts.manifestUrl,
        fetchTimeoutMs: opts.fetchTimeoutMs,
        warmUp: opts.warmUp,
      };
      worker.postMessage(init);
    });
    this.ready.catch(() => undefined);
  }

  private onFatal: (err: QueryLabError) => void = () => undefined;
  private info: ReadyInfo | undefined;
  private markWarm: () => void = () => undefined;
  /** Resolves when the worker's JIT warm-up has finished (at once when there is none). */
  readonly warm: Promise<void> = new Promise((resolve) => {
    this.markWarm = resolve;
  });

  call(method: MethodName, args: unknown[]): Promise<unknown> {
    if (this.dead)
      return Promise.reject(new QueryLabError('closed', 'The query-lab worker is gone.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const msg: ToWorker = { type: 'call', id, method, args };
      this.worker.postMessage(msg);
    });
  }

  /** Terminates the worker and fails everything still waiting on it. */
  kill(err: QueryLabError): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.onFatal(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * Starts the worker, waits until PGlite is ready (or rejects with a clear QueryLabError), and returns
 * the client. If user code outlives its limit, the worker is terminated (the only way to stop
 * `while (true) {}`), a fresh one reloads the data dir, and the call resolves with a 'timeout' error.
 */
export async function createWorkerClient(opts: WorkerClientOptions): Promise<QueryLabClient> {
  const settings = {
    dataset: opts.dataset,
    manifestUrl: opts.manifestUrl ?? defaultManifestUrl(),
    startupTimeoutMs: opts.startupTimeoutMs ?? 30_000,
    fetchTimeoutMs: opts.fetchTimeoutMs ?? 25_000,
    warmUp: opts.warmUp ?? true,
    onStatus: opts.onStatus,
  };
  const spawn = opts.createWorker ?? createModuleWorker;
  let conn = new Connection(spawn(), settings);
  let info: ReadyInfo;
  try {
    info = await conn.ready;
  } catch (err) {
    const e = err instanceof QueryLabError ? err : new QueryLabError('internal', String(err));
    opts.onStatus?.({ state: 'failed', error: e });
    throw e;
  }
  opts.onStatus?.({ state: 'ready', info });
  let closed = false;

  const restart = async (reason: string): Promise<void> => {
    conn.kill(new QueryLabError('worker-crashed', reason));
    opts.onStatus?.({ state: 'restarting', reason });
    conn = new Connection(spawn(), { ...settings, warmUp: true });
    info = await conn.ready;
    opts.onStatus?.({ state: 'ready', info });
  };

  /**
   * Calls are queued page-side too (the worker serialises them anyway), so that a user-code call's
   * watchdog starts only when the worker is free: a long lab run queued before it must not count
   * against the reader's time limit.
   */
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };

  const send = async <T>(method: MethodName, args: unknown[]): Promise<T> => {
    if (closed) throw new QueryLabError('closed', 'The query lab was closed.');
    await conn.ready;
    return (await conn.call(method, args)) as T;
  };
  const call = <T>(method: MethodName, args: unknown[]): Promise<T> =>
    exclusive(() => send<T>(method, args));

  return {
    dataset: opts.dataset,
    get info() {
      return info;
    },
    runSql: (sql, o) => call('runSql', o ? [sql, o] : [sql]),
    explain: (sql, o) => call('explain', o ? [sql, o] : [sql]),
    runNPlusOne: (o) => call('runNPlusOne', [o]),
    runIndexLab: (o) => call('runIndexLab', o ? [o] : []),
    runCachingLab: (o) => call('runCachingLab', [o]),
    runMeasureLab: (o) => call('runMeasureLab', [o]),
    runConsistencyLab: (o) => call('runConsistencyLab', [o]),
    reset: () => call('reset', []),
    runUserCode: (code, o) => exclusive(() => runUserCodeNow(code, o)),
    async close() {
      closed = true;
      conn.kill(new QueryLabError('closed', 'The query lab was closed.'));
    },
  };

  async function runUserCodeNow(code: string, o: UserCodeOptions): Promise<UserCodeResult> {
    const limitMs = o.timeoutMs ?? DEFAULT_USER_CODE_TIMEOUT_MS;
    await conn.ready;
    // The warm-up runs in the worker after ready; it must not eat into the reader's time limit.
    await Promise.race([conn.warm, new Promise((r) => setTimeout(r, 30_000))]);
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), limitMs + USER_CODE_GRACE_MS);
    });
    try {
      const outcome = await Promise.race([
        send<UserCodeResult>('runUserCode', [code, o]),
        watchdog,
      ]);
      if (outcome !== 'hung') return outcome;
    } finally {
      clearTimeout(timer);
    }
    const message = `Stopped after ${limitMs / 1000} s: your code kept the worker busy (an endless loop?). The lab restarted from its seed data.`;
    await restart(message);
    return {
      ok: false,
      error: { kind: 'timeout', message },
      preview: undefined,
      console: [],
      log: [],
      logTruncated: false,
      summary: { queries: 0, rows: 0, dbMs: 0, rttMs: 0, totalMs: 0 },
      wallMs: performance.now() - started,
      restarted: true,
    };
  }
}
