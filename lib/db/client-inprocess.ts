import type { QueryLabClient } from './client';
import type { QueryLabEngine } from './engine';
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
  return {
    dataset: engine.dataset,
    info,
    runSql: (sql, o) => serial(() => engine.runSql(sql, o)),
    explain: (sql, o) => serial(() => engine.explain(sql, o)),
    runNPlusOne: (o) => serial(() => engine.runNPlusOne(o)),
    runIndexLab: (o) => serial(() => engine.runIndexLab(o)),
    runCachingLab: (o) => serial(() => engine.runCachingLab(o)),
    runMeasureLab: (o) => serial(() => engine.runMeasureLab(o)),
    runUserCode: (code, o) => serial(() => engine.runUserCode(code, o)),
    runConsistencyLab: (o) => serial(() => engine.runConsistencyLab(o)),
    reset: () => serial(() => engine.reset()),
    close: () => serial(() => engine.close()),
  };
}
