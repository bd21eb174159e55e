import type { HandlerContext, ParamsOut, ProgressIn, ResultIn } from '../worker-rpc/index';
import type { QueryLabEngine } from './engine';
import type { labMethods } from './protocol';

type Methods = typeof labMethods;

/** One handler per lab method, over an open engine (worker-server.ts and client-inprocess.ts). */
export type EngineHandlers = {
  [M in keyof Methods & string]: (
    engine: QueryLabEngine,
    params: ParamsOut<Methods, M>,
    ctx: HandlerContext<ProgressIn<Methods, M>>,
  ) => Promise<ResultIn<Methods, M>>;
};

export const engineHandlers: EngineHandlers = {
  runSql: (e, { sql, ...opts }) => e.runSql(sql, opts),
  explain: (e, { sql, ...opts }) => e.explain(sql, opts),
  runNPlusOne: (e, opts) => e.runNPlusOne(opts),
  runIndexLab: (e, opts) => e.runIndexLab(opts),
  runCachingLab: (e, opts) => e.runCachingLab(opts),
  runStampede: (e, opts) => e.runStampede(opts),
  runMeasureLab: (e, opts) => e.runMeasureLab(opts),
  runUserCode: (e, { code, ...opts }, { progress }) => {
    progress('started');
    return e.runUserCode(code, opts);
  },
  runConsistencyLab: (e, opts) => e.runConsistencyLab(opts),
  reset: (e) => e.reset(),
};
