/**
 * The simulation Web Worker: serves SimulationApi, computed in-process inside the worker, to the
 * page. Start it with createSimulationWorker() from simulations/workerClient.ts.
 */
import type { ScopeLike } from '../lib/worker-rpc/index';
import { simulationHandlers } from './api';
import { exposeSimulationApi } from './workerTransport';

exposeSimulationApi(self as unknown as ScopeLike, simulationHandlers);
