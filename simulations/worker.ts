/**
 * The simulation Web Worker: serves SimulationApi, computed in-process inside the worker, to the
 * page. Start it with createSimulationWorker() from simulations/workerClient.ts.
 */
import type { ScopeLike } from '../lib/worker-rpc/index';
import { createSimulationHandlers } from './api';
import { exposeSimulationApi } from './workerTransport';

// A macrotask between chunks of an advance lets the worker read a cancel message and answer
// other calls, so a long advance at 10M users never holds the worker without a message.
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

exposeSimulationApi(self as unknown as ScopeLike, createSimulationHandlers({ yieldToHost }));
