import { ZodError } from 'zod';
import { loadBrowserSource } from './browser-source';
import { QueryLabEngine } from './engine';
import { QueryLabError } from './errors';
import { ConsistencyLabError } from './labs/consistency-common';
import type { PgliteSource } from './open';
import {
  methodArgs,
  toWorkerSchema,
  type FromWorker,
  type LoadPhase,
  type MethodName,
  type ToWorker,
} from './protocol';
import type { ReadyInfo } from './results';

/** The part of a worker global (or a test double) the server needs. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type InitMessage = Extract<ToWorker, { type: 'init' }>;

export interface ServeDeps {
  /** Defaults to the browser loader (fetch + compile); Node tests pass the local files instead. */
  loadSource?: (
    init: InitMessage,
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

type Dispatch = (engine: QueryLabEngine, args: unknown[]) => Promise<unknown>;

/** Method → engine call, after zod validated the arguments (tuple schemas in protocol.ts). */
const DISPATCH: Record<MethodName, Dispatch> = {
  runSql: (e, a) =>
    e.runSql(...(methodArgs.runSql.parse(a) as Parameters<QueryLabEngine['runSql']>)),
  explain: (e, a) =>
    e.explain(...(methodArgs.explain.parse(a) as Parameters<QueryLabEngine['explain']>)),
  runNPlusOne: (e, a) => e.runNPlusOne(...methodArgs.runNPlusOne.parse(a)),
  runIndexLab: (e, a) => e.runIndexLab(...methodArgs.runIndexLab.parse(a)),
  runCachingLab: (e, a) => e.runCachingLab(...methodArgs.runCachingLab.parse(a)),
  runMeasureLab: (e, a) => e.runMeasureLab(...methodArgs.runMeasureLab.parse(a)),
  runUserCode: (e, a) => e.runUserCode(...methodArgs.runUserCode.parse(a)),
  runConsistencyLab: (e, a) => e.runConsistencyLab(...methodArgs.runConsistencyLab.parse(a)),
  reset: (e, a) => {
    methodArgs.reset.parse(a);
    return e.reset();
  },
};

function errorOf(err: unknown): { kind: QueryLabError['kind']; message: string } {
  if (err instanceof QueryLabError) return { kind: err.kind, message: err.message };
  // A consistency lab that stopped (bad options, a table dropped mid-run): the worker is fine.
  if (err instanceof ConsistencyLabError) return { kind: 'bad-request', message: err.message };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return {
      kind: 'bad-request',
      message: `invalid arguments: ${issue ? `${issue.path.join('.')}: ${issue.message}` : err.message}`,
    };
  }
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Runs PGlite AND the lab code in this worker, in-process (never PGliteWorker: its per-query
 * messaging adds 6–10 ms and would fake the N+1 numbers, stack-facts.md). Calls are serialised:
 * PGlite has one connection and labs wrap their writes in BEGIN … ROLLBACK.
 */
export function serveQueryLab(port: WorkerPort, deps: ServeDeps = {}): void {
  const post = (m: FromWorker): void => port.postMessage(m);
  let engine: Promise<QueryLabEngine> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  async function init(msg: InitMessage): Promise<QueryLabEngine> {
    const t0 = performance.now();
    const { source, pgliteVersion } = await (deps.loadSource ?? defaultLoad)(msg, (phase, detail) =>
      post({ type: 'progress', phase, detail }),
    );
    post({ type: 'progress', phase: 'open' });
    const e = await QueryLabEngine.open(msg.dataset, source);
    const counts = await e.pglite.query<{ messages: number; users: number }>(
      'SELECT (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM users)::int AS users',
    );
    const info: ReadyInfo = {
      dataset: msg.dataset,
      pgliteVersion,
      loadMs: performance.now() - t0,
      messages: counts.rows[0]?.messages ?? 0,
      users: counts.rows[0]?.users ?? 0,
    };
    post({ type: 'ready', info });
    if (msg.warmUp) {
      // Queued first: a run the reader starts right away waits for it (engine.warmUp says why).
      void enqueue(async () => {
        post({ type: 'progress', phase: 'warm-up' });
        try {
          await e.warmUp();
        } finally {
          post({ type: 'progress', phase: 'warm-up', detail: 'done' });
        }
      });
    }
    return e;
  }

  port.addEventListener('message', (event) => {
    const parsed = toWorkerSchema.safeParse(event.data);
    if (!parsed.success) return; // Not ours (or malformed): ignore rather than crash the lab.
    const msg = parsed.data;
    if (msg.type === 'init') {
      if (engine) return;
      engine = enqueue(() => init(msg));
      engine.catch((err: unknown) => post({ type: 'init-error', error: errorOf(err) }));
      return;
    }
    const id = msg.id;
    if (!engine) {
      post({
        type: 'result',
        id,
        ok: false,
        error: { kind: 'bad-request', message: 'call before init' },
      });
      return;
    }
    const ready = engine;
    void enqueue(async () => {
      try {
        const value = await DISPATCH[msg.method](await ready, msg.args);
        post({ type: 'result', id, ok: true, value });
      } catch (err) {
        post({ type: 'result', id, ok: false, error: errorOf(err) });
      }
    });
  });
}
