/**
 * The Web Worker transport of SimulationApi (see api.ts). Imports no engine code, so the page bundle
 * that talks to the worker stays small; the engine lives only in the worker chunk.
 */
import type { SimulationApi } from './api';

type Method = keyof SimulationApi;
/** Every SimulationApi method, proxied by name (add new methods here too). */
export const SIMULATION_API_METHODS: readonly Method[] = [
  'runQueue',
  'listValidationCases',
  'runValidation',
];
const METHODS = SIMULATION_API_METHODS;

/** Messages between the page and the worker. */
export type ApiRequest = { id: number; method: Method; args: unknown[] };
export type ApiResponse =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; message: string }
  | { id: number; kind: 'progress'; args: unknown[] };

/** The parts of a Worker (page side) the transport uses. */
export interface WorkerLike {
  postMessage(message: ApiRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ApiResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** The parts of a worker's global scope (worker side) the transport uses. */
export interface WorkerScopeLike {
  postMessage(message: ApiResponse): void;
  addEventListener(type: 'message', listener: (event: { data: ApiRequest }) => void): void;
}

export type WorkerSimulationApi = SimulationApi & { terminate(): void };

/**
 * The API proxied to a worker running exposeSimulationApi(). Function arguments (progress
 * callbacks) stay on this side; the worker reports through 'progress' messages instead.
 */
export function createWorkerApi(worker: WorkerLike): WorkerSimulationApi {
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      progress?: (...args: unknown[]) => void;
    }
  >();
  worker.addEventListener('message', ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    if (data.kind === 'progress') call.progress?.(...data.args);
    else {
      pending.delete(data.id);
      if (data.kind === 'result') call.resolve(data.value);
      else call.reject(new Error(data.message));
    }
  });
  worker.addEventListener('error', (event) => {
    const error = new Error(`simulation worker failed: ${event.message ?? 'unknown error'}`);
    pending.forEach((call) => call.reject(error));
    pending.clear();
  });
  const call =
    (method: Method) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const progress =
          typeof args[args.length - 1] === 'function'
            ? (args.pop() as (...a: unknown[]) => void)
            : undefined;
        pending.set(id, { resolve, reject, progress });
        worker.postMessage({ id, method, args });
      });
  const api = Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as SimulationApi;
  return {
    ...api,
    terminate: () => {
      worker.terminate();
      const error = new Error('simulation worker terminated');
      pending.forEach((c) => c.reject(error));
      pending.clear();
    },
  };
}

/**
 * Worker side: answers requests from createWorkerApi() with `api` (createInProcessApi() in
 * worker.ts).
 */
export function exposeSimulationApi(scope: WorkerScopeLike, api: SimulationApi): void {
  scope.addEventListener('message', ({ data }) => {
    const { id, method, args } = data;
    if (!METHODS.includes(method)) {
      scope.postMessage({ id, kind: 'error', message: `unknown method ${String(method)}` });
      return;
    }
    const progress = (...progressArgs: unknown[]) =>
      scope.postMessage({ id, kind: 'progress', args: progressArgs });
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    Promise.resolve()
      .then(() => fn(...args, progress))
      .then(
        (value) => scope.postMessage({ id, kind: 'result', value }),
        (error: unknown) =>
          scope.postMessage({
            id,
            kind: 'error',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
  });
}
