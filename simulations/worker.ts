/**
 * The simulation Web Worker: serves SimulationApi, computed in-process inside the worker, to the
 * page. Start it with createSimulationWorker() from simulations/workerClient.ts.
 */
import { createInProcessApi } from './api';
import { exposeSimulationApi, type WorkerScopeLike } from './workerTransport';

exposeSimulationApi(self as unknown as WorkerScopeLike, createInProcessApi());
