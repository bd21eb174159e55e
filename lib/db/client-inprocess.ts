import {
  bindApi,
  inProcessApi,
  type CallOptions,
  type HandlerContext,
  type Handlers,
} from '../worker-rpc/index';
import { toQueryLabError } from './rpc-errors';
import { contractMethods, type QueryLabClient } from './client';
import type { QueryLabEngine } from './engine';
import { engineHandlers } from './lab-handlers';
import type { ReadyInfo } from './results';

/**
 * The in-process transport: the same QueryLabClient over an engine in this thread (Node CLI, tests,
 * bench). Calls are serialised like in the worker. Limitation: a synchronous endless loop in user
 * code cannot be stopped in-process (only the worker transport can terminate it); async hangs are
 * bounded by the runner's time limit.
 */
export function createInProcessClient(engine: QueryLabEngine, info: ReadyInfo): QueryLabClient {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  // Methods beyond the positional ones: params validated as the worker validates them.
  type AnyHandler = (e: QueryLabEngine, p: unknown, c: HandlerContext<unknown>) => Promise<unknown>;
  const bound: Record<string, (p: unknown, c: HandlerContext<unknown>) => Promise<unknown>> = {};
  for (const method of Object.keys(contractMethods)) {
    const handler = engineHandlers[method as keyof typeof engineHandlers] as AnyHandler;
    bound[method] = (params, ctx) => handler(engine, params, ctx);
  }
  const direct = inProcessApi(contractMethods, bound as Handlers<typeof contractMethods>) as Record<
    string,
    (params: unknown, options?: CallOptions<unknown>) => Promise<unknown>
  >;
  const rest = bindApi(contractMethods, (method, params, options) =>
    serial(() => direct[method]!(params, options)).catch((err: unknown) => {
      throw toQueryLabError(err, { phase: 'open', alive: true });
    }),
  );
  return {
    ...rest,
    dataset: engine.dataset,
    info,
    runSql: (sql, o) => serial(() => engine.runSql(sql, o)),
    explain: (sql, o) => serial(() => engine.explain(sql, o)),
    runNPlusOne: (o) => serial(() => engine.runNPlusOne(o)),
    runIndexLab: (o) => serial(() => engine.runIndexLab(o)),
    runCachingLab: (o) => serial(() => engine.runCachingLab(o)),
    runMeasureLab: (o) => serial(() => engine.runMeasureLab(o)),
    runUserCode: (code, o) => serial(() => engine.runUserCode(code, o)),
    reset: () => serial(() => engine.reset()),
    close: () => serial(() => engine.close()),
  };
}
