import {
  serveRpc,
  type HandlerContext,
  type Handlers,
  type ParamsOut,
  type ScopeLike,
} from '../worker-rpc/index';
import { loadBrowserSource } from './browser-source';
import { QueryLabEngine } from './engine';
import { QueryLabError } from './errors';
import { ConsistencyLabError } from './labs/consistency-common';
import { engineHandlers } from './lab-handlers';
import type { PgliteSource } from './open';
import { labContract, type LoadPhase } from './protocol';
import type { ReadyInfo } from './results';

/** The part of a worker global (or a test double) the server needs. */
export type WorkerPort = ScopeLike;

export type InitParams = ParamsOut<typeof labContract, 'init'>;

export interface ServeDeps {
  /** Defaults to the browser loader (fetch + compile); Node tests pass the local files instead. */
  loadSource?: (
    init: InitParams,
    onProgress: (phase: LoadPhase, detail?: string) => void,
  ) => Promise<{ source: PgliteSource; pgliteVersion: string }>;
}

const defaultLoad: NonNullable<ServeDeps['loadSource']> = async (init, onProgress) => {
  const { source, manifest } = await loadBrowserSource({
    dataset: init.dataset,
    manifestUrl: init.manifestUrl,
    fetchTimeoutMs: init.fetchTimeoutMs,
    onProgress,
  });
  return { source, pgliteVersion: manifest.pgliteVersion };
};

/**
 * Runs PGlite AND the lab code in this worker, in-process (never PGliteWorker: its per-query
 * messaging adds 6–10 ms and would fake the N+1 numbers, stack-facts.md). Calls are serialised:
 * PGlite has one connection and labs wrap their writes in BEGIN … ROLLBACK. The page sends `init`
 * first and `warmUp` right after, so the warm-up runs before any reader's call.
 */
export function serveQueryLab(port: WorkerPort, deps: ServeDeps = {}): void {
  let engine: Promise<QueryLabEngine> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const opened = (): Promise<QueryLabEngine> => {
    if (!engine) throw new QueryLabError('bad-request', 'call before init');
    return engine;
  };

  async function open(
    init: InitParams,
    ctx: HandlerContext<{ phase: LoadPhase; detail?: string }>,
  ): Promise<{ engine: QueryLabEngine; info: ReadyInfo }> {
    const t0 = performance.now();
    const { source, pgliteVersion } = await (deps.loadSource ?? defaultLoad)(
      init,
      (phase, detail) => ctx.progress({ phase, detail }),
    );
    ctx.progress({ phase: 'open' });
    const e = await QueryLabEngine.open(init.dataset, source);
    const counts = await e.pglite.query<{ messages: number; users: number }>(
      'SELECT (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM users)::int AS users',
    );
    const info: ReadyInfo = {
      dataset: init.dataset,
      pgliteVersion,
      loadMs: performance.now() - t0,
      messages: counts.rows[0]?.messages ?? 0,
      users: counts.rows[0]?.users ?? 0,
    };
    return { engine: e, info };
  }

  /** Each engine handler, queued behind init and every earlier call. */
  type AnyHandler = (e: QueryLabEngine, p: unknown, c: HandlerContext<unknown>) => Promise<unknown>;
  const queued: Record<string, (p: unknown, c: HandlerContext<unknown>) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(engineHandlers) as [string, AnyHandler][]) {
    queued[method] = (params, ctx) => enqueue(async () => handler(await opened(), params, ctx));
  }

  const handlers = {
    ...(queued as Omit<Handlers<typeof labContract>, 'init' | 'warmUp'>),
    init: (init, ctx) => {
      if (engine) throw new QueryLabError('bad-request', 'init was already called');
      const ready = enqueue(() => open(init, ctx));
      engine = ready.then((r) => r.engine);
      engine.catch(() => undefined); // Reported through init's own answer.
      return ready.then((r) => r.info);
    },
    warmUp: (_params, ctx) =>
      enqueue(async () => {
        const e = await opened();
        ctx.progress('started');
        return e.warmUp();
      }),
  } satisfies Handlers<typeof labContract>;
  serveRpc(port, labContract, handlers, {
    // A consistency lab that stopped (bad options, a table dropped mid-run) leaves the worker fine.
    errorCode: (err) =>
      err instanceof QueryLabError
        ? err.kind
        : err instanceof ConsistencyLabError
          ? 'bad-request'
          : undefined,
  });
}
