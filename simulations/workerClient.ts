/**
 * Browser-only: starts simulations/worker.ts as a module Web Worker and returns the typed API.
 * Call it from a client component (e.g. in an effect), never during server rendering. The
 * `new Worker(new URL('./worker.ts', import.meta.url), …)` form is what Turbopack and webpack
 * recognise to bundle the worker as its own chunk.
 */
import { createWorkerApi, type WorkerSimulationApi } from './workerTransport';

export function createSimulationWorker(): WorkerSimulationApi {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
  return createWorkerApi(worker);
}
