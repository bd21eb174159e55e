import {
  bindApi,
  createRpcClient,
  type CallArgs,
  type RpcApi,
  type RpcClient,
  type ResultOut,
  type WorkerLike,
} from '../worker-rpc/index';
import type { CachingLabResult, CachingOptions } from './labs/caching';
import type { IndexLabPart, IndexLabResult } from './labs/indexing';
import type { MeasureLabResult, MeasureOptions } from './labs/measure';
import type { NPlusOneOptions, NPlusOneResult } from './labs/nplusone';
import type { DatasetId } from './datasets';
import { QueryLabError } from './errors';
import { labContract, labMethods, type LoadPhase } from './protocol';
import type { ExplainOutcome, ReadyInfo, ResetInfo, SqlRunResult } from './results';
import { toQueryLabError } from './rpc-errors';
import {
  DEFAULT_USER_CODE_TIMEOUT_MS,
  type UserCodeOptions,
  type UserCodeResult,
} from './usercode-types';

export type { WorkerLike } from '../worker-rpc/index';
/** Where manifest.json sits under the site root (the page adds its origin and base path). */
export { MANIFEST_PATH } from './manifest';

/** The first lab methods, with their positional signatures (kept for their callers). */
const POSITIONAL = [
  'runSql',
  'explain',
  'runNPlusOne',
  'runIndexLab',
  'runCachingLab',
  'runMeasureLab',
  'runUserCode',
  'reset',
] as const;
type PositionalMethod = (typeof POSITIONAL)[number];
type ContractMethods = Omit<typeof labMethods, PositionalMethod>;

/**
 * Every other method of `labMethods` (protocol.ts), straight from the contract:
 * `method(params, { onProgress, signal })`. Adding one needs no change here.
 */
export type LabContractMethods = RpcApi<ContractMethods>;

/**
 * ONE typed client for the query lab, two transports: the worker transport below (browser) and the
 * in-process one (client-inprocess.ts: Node CLI, tests). Results are plain data; SQL errors come back
 * as data (`ok: false`), infrastructure failures reject with QueryLabError (`kind` says which).
 */
export interface QueryLabClient extends LabContractMethods {
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
  /** Back to the seed data (reloads the data dir). */
  reset(): Promise<ResetInfo>;
  close(): Promise<void>;
}

/** The methods a transport binds from the contract (everything but the positional ones). */
export const contractMethods = Object.fromEntries(
  Object.entries(labMethods).filter(([m]) => !(POSITIONAL as readonly string[]).includes(m)),
) as ContractMethods;

export type ClientStatus =
  | { state: 'loading'; phase: LoadPhase; detail?: string }
  | { state: 'ready'; info: ReadyInfo }
  | { state: 'warming-up' }
  | { state: 'restarting'; reason: string }
  | { state: 'failed'; error: QueryLabError };

export interface WorkerClientOptions {
  dataset: DatasetId;
  /**
   * Absolute URL of the site's manifest.json (the worker resolves the data files next to it). The
   * page builds it from its own location and base path (components/querylab/labClient.ts).
   */
  manifestUrl: string;
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

/**
 * How long past its own limit user code may keep the worker silent before the page decides it is
 * stuck in a synchronous loop. The worker's own timer answers slow asynchronous code at the limit;
 * this margin only has to cover that answer's trip on a loaded machine, and it costs the reader of
 * `while (true) {}` nothing but its own length.
 */
const USER_CODE_GRACE_MS = 3000;

function createModuleWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'querylab' });
}

type Settings = Required<
  Pick<
    WorkerClientOptions,
    'dataset' | 'manifestUrl' | 'startupTimeoutMs' | 'fetchTimeoutMs' | 'warmUp'
  >
> & { onStatus?: (s: ClientStatus) => void };

type LabContract = typeof labContract;

/** One worker generation: the Worker's RPC client, its readiness, its warm-up. */
class Connection {
  private readonly rpc: RpcClient<LabContract>;
  private phase: LoadPhase = 'manifest';
  readonly ready: Promise<ReadyInfo>;
  /** Settles when the worker's JIT warm-up has finished (or failed; at once without one). */
  readonly warm: Promise<void>;

  constructor(
    worker: WorkerLike,
    readonly settings: Settings,
  ) {
    this.rpc = createRpcClient(worker, labContract, { label: 'The query-lab worker' });
    const timer = setTimeout(() => {
      this.kill(
        new QueryLabError(
          'startup-timeout',
          `The database did not start within ${settings.startupTimeoutMs / 1000} s (stuck at: ${this.phase}).`,
        ),
      );
    }, settings.startupTimeoutMs);
    const init = {
      dataset: settings.dataset,
      manifestUrl: settings.manifestUrl,
      fetchTimeoutMs: settings.fetchTimeoutMs,
    };
    this.ready = this.call('init', init, {
      onProgress: ({ phase, detail }) => {
        this.phase = phase;
        settings.onStatus?.({ state: 'loading', phase, detail });
      },
    }).finally(() => clearTimeout(timer));
    this.ready.catch(() => undefined);
    // Sent right behind init, so the worker runs it before any call the reader makes.
    this.warm = settings.warmUp
      ? this.call('warmUp', undefined, {
          // The worker may start warming up before init's answer reaches the page: report it
          // after ready (whose own listener was attached first), never before.
          onProgress: () =>
            void this.ready.then(() => settings.onStatus?.({ state: 'warming-up' })),
        }).then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
  }

  call<M extends keyof LabContract & string>(
    method: M,
    ...args: CallArgs<LabContract, M>
  ): Promise<ResultOut<LabContract, M>> {
    return this.rpc.call(method, ...args).catch((err: unknown) => {
      throw toQueryLabError(err, { phase: this.phase, alive: this.rpc.alive });
    });
  }

  /** Terminates the worker and fails everything still waiting on it with `err`. */
  kill(err: QueryLabError): void {
    this.rpc.terminate(err);
  }
}

function asQueryLabError(err: unknown): QueryLabError {
  return err instanceof QueryLabError
    ? err
    : new QueryLabError('internal', err instanceof Error ? err.message : String(err));
}

/**
 * Starts the worker, waits until PGlite is ready (or rejects with a clear QueryLabError), and returns
 * the client. If user code outlives its limit, the worker is terminated (the only way to stop
 * `while (true) {}`), a fresh one reloads the data dir, and the call resolves with a 'timeout' error.
 */
export async function createWorkerClient(opts: WorkerClientOptions): Promise<QueryLabClient> {
  const settings: Settings = {
    dataset: opts.dataset,
    manifestUrl: opts.manifestUrl,
    startupTimeoutMs: opts.startupTimeoutMs ?? 30_000,
    fetchTimeoutMs: opts.fetchTimeoutMs ?? 25_000,
    warmUp: opts.warmUp ?? true,
    onStatus: opts.onStatus,
  };
  const spawn = opts.createWorker ?? createModuleWorker;
  let conn = new Connection(spawn(), settings);
  let info: ReadyInfo;
  let closed = false;

  /** Ready now; after a warm-up (which reports "warming-up" as it starts), ready again. */
  const announce = (c: Connection, i: ReadyInfo): void => {
    opts.onStatus?.({ state: 'ready', info: i });
    if (!c.settings.warmUp) return;
    void c.warm.then(() => {
      if (c === conn && !closed) opts.onStatus?.({ state: 'ready', info: i });
    });
  };

  try {
    info = await conn.ready;
  } catch (err) {
    const e = asQueryLabError(err);
    opts.onStatus?.({ state: 'failed', error: e });
    throw e;
  }
  announce(conn, info);

  const restart = async (reason: string): Promise<void> => {
    conn.kill(new QueryLabError('worker-crashed', reason));
    opts.onStatus?.({ state: 'restarting', reason });
    conn = new Connection(spawn(), { ...settings, warmUp: true });
    info = await conn.ready;
    announce(conn, info);
  };

  /**
   * Calls are queued page-side too (the worker serialises them anyway), so that a restart for a
   * stuck user-code call never kills a call that was merely queued behind it.
   */
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };

  const send = async <M extends keyof LabContract & string>(
    method: M,
    ...args: CallArgs<LabContract, M>
  ): Promise<ResultOut<LabContract, M>> => {
    if (closed) throw new QueryLabError('closed', 'The query lab was closed.');
    const c = conn;
    await c.ready;
    return c.call(method, ...args);
  };
  const call = <M extends keyof LabContract & string>(
    method: M,
    ...args: CallArgs<LabContract, M>
  ): Promise<ResultOut<LabContract, M>> => exclusive(() => send(method, ...args));

  const rest = bindApi(contractMethods, (method, params, options) =>
    call(method as keyof ContractMethods & string, params as never, options as never),
  );

  return {
    ...rest,
    dataset: opts.dataset,
    get info() {
      return info;
    },
    runSql: (sql, o) => call('runSql', { sql, ...o }),
    explain: (sql, o) => call('explain', { sql, ...o }),
    runNPlusOne: (o) => call('runNPlusOne', o),
    runIndexLab: (o) => call('runIndexLab', o),
    runCachingLab: (o) => call('runCachingLab', o),
    runMeasureLab: (o) => call('runMeasureLab', o),
    reset: () => call('reset'),
    runUserCode: (code, o) => exclusive(() => runUserCodeNow(code, o)),
    async close() {
      closed = true;
      conn.kill(new QueryLabError('closed', 'The query lab was closed.'));
    },
  };

  async function runUserCodeNow(code: string, o: UserCodeOptions): Promise<UserCodeResult> {
    const limitMs = o.timeoutMs ?? DEFAULT_USER_CODE_TIMEOUT_MS;
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let startWatchdog = (): void => undefined;
    const watchdog = new Promise<'hung'>((resolve) => {
      startWatchdog = () => {
        timer ??= setTimeout(() => resolve('hung'), limitMs + USER_CODE_GRACE_MS);
      };
    });
    try {
      // The watchdog starts when the worker says it begins the code, not when the page sends it:
      // a warm-up or a long lab run ahead of it in the worker must not count against the limit.
      const outcome = await Promise.race([
        send('runUserCode', { code, ...o }, { onProgress: startWatchdog }),
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
