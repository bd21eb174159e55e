/**
 * SimulationApi (contract.ts) computed in-process: what the CLI and tests call directly, and what
 * the Web Worker serves (worker.ts). In the browser, start the worker with createSimulationWorker()
 * from workerClient.ts, so long runs never block the page.
 */
import { inProcessApi, type Handlers } from '../lib/worker-rpc/index';
import { simulationContract, type SimulationApi } from './contract';
import { runQueue } from './engine/queueRun';
import { SessionStore, type SessionStoreOptions } from './session';
import { listValidationCases, runValidation } from './validation';

/**
 * One handler per contract method, with their own session store (one per worker or per
 * in-process API): sessions opened through one set of handlers are invisible to another.
 */
export function createSimulationHandlers(
  sessions: SessionStoreOptions = {},
): Handlers<typeof simulationContract> {
  const store = new SessionStore(sessions);
  return {
    runQueue: (params) => runQueue(params),
    listValidationCases: () => listValidationCases(),
    runValidation: (options, { progress }) =>
      runValidation(options, (result, index, total) => progress({ result, index, total })),
    openSession: ({ scenario, seed, users }) => store.open(scenario, { seed, users }),
    advanceSession: ({ sessionId, untilS, fromRow }, { progress, signal }) =>
      store.advance(sessionId, untilS, { progress, signal, fromRow }),
    patchSession: ({ sessionId, patch }) => store.patch(sessionId, patch),
    injectFailure: ({ sessionId, failure }) => store.inject(sessionId, failure),
    sessionSummary: ({ sessionId }) => store.summary(sessionId),
    closeSession: ({ sessionId }) => store.close(sessionId),
  };
}

/** Stateless methods only share this instance safely; sessions get a store per API (above). */
export const simulationHandlers = createSimulationHandlers();

/** The API computed on the calling thread, with its own session store. */
export function createInProcessApi(sessions: SessionStoreOptions = {}): SimulationApi {
  return inProcessApi(simulationContract, createSimulationHandlers(sessions));
}

export { simulationContract, type SimulationApi, type ValidationProgress } from './contract';
export { SessionStore, type SessionInfo, type SessionProgress } from './session';
export { createWorkerApi, exposeSimulationApi, type WorkerSimulationApi } from './workerTransport';
