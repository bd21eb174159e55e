/**
 * SimulationApi (contract.ts) computed in-process: what the CLI and tests call directly, and what
 * the Web Worker serves (worker.ts). In the browser, start the worker with createSimulationWorker()
 * from workerClient.ts, so long runs never block the page.
 */
import { inProcessApi, type Handlers } from '../lib/worker-rpc/index';
import { simulationContract, type SimulationApi } from './contract';
import { runQueue } from './engine/queueRun';
import { listValidationCases, runValidation } from './validation';

/** One handler per contract method. */
export const simulationHandlers: Handlers<typeof simulationContract> = {
  runQueue: (params) => runQueue(params),
  listValidationCases: () => listValidationCases(),
  runValidation: (options, { progress }) =>
    runValidation(options, (result, index, total) => progress({ result, index, total })),
};

/** The API computed on the calling thread. */
export function createInProcessApi(): SimulationApi {
  return inProcessApi(simulationContract, simulationHandlers);
}

export { simulationContract, type SimulationApi, type ValidationProgress } from './contract';
export { createWorkerApi, exposeSimulationApi, type WorkerSimulationApi } from './workerTransport';
