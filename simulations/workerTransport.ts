/**
 * The Web Worker transport of SimulationApi over lib/worker-rpc. Imports no engine code, so the page
 * bundle that talks to the worker stays small; the engine lives only in the worker chunk.
 */
import {
  bindApi,
  createRpcClient,
  serveRpc,
  type Handlers,
  type ScopeLike,
  type WorkerLike,
} from '../lib/worker-rpc/index';
import { simulationContract, type SimulationApi } from './contract';

export type WorkerSimulationApi = SimulationApi & {
  /** Stops the worker; every pending call rejects with an RpcError of kind 'terminated'. */
  terminate(): void;
};

/** The page side: SimulationApi proxied to a worker running exposeSimulationApi(). */
export function createWorkerApi(worker: WorkerLike): WorkerSimulationApi {
  const rpc = createRpcClient(worker, simulationContract, { label: 'The simulation worker' });
  return {
    ...bindApi(simulationContract, (method, params, options) =>
      rpc.call(method as keyof typeof simulationContract, params as never, options as never),
    ),
    terminate: () => rpc.terminate(),
  };
}

/** Worker side: answers createWorkerApi() with the in-process handlers (api.ts, via worker.ts). */
export function exposeSimulationApi(
  scope: ScopeLike,
  handlers: Handlers<typeof simulationContract>,
): void {
  serveRpc(scope, simulationContract, handlers);
}
