import { describe, expect, it } from 'vitest';
import {
  createInProcessApi,
  createWorkerApi,
  exposeSimulationApi,
  type ApiRequest,
  type ApiResponse,
  type WorkerLike,
  type WorkerScopeLike,
} from '@/simulations/api';

/**
 * A worker and its page connected in memory: messages are structured-cloned and delivered
 * asynchronously, as postMessage does.
 */
function fakeWorkerPair() {
  const pageListeners: ((e: { data: ApiResponse }) => void)[] = [];
  const workerListeners: ((e: { data: ApiRequest }) => void)[] = [];
  let terminated = false;
  const scope: WorkerScopeLike = {
    postMessage: (m) => {
      const data = structuredClone(m);
      setTimeout(() => !terminated && pageListeners.forEach((l) => l({ data })), 0);
    },
    addEventListener: (_type, l) => workerListeners.push(l),
  };
  const worker: WorkerLike = {
    postMessage: (m) => {
      const data = structuredClone(m);
      setTimeout(() => workerListeners.forEach((l) => l({ data })), 0);
    },
    addEventListener: (type: 'message' | 'error', l: never) => {
      if (type === 'message') pageListeners.push(l);
    },
    terminate: () => {
      terminated = true;
    },
  };
  return { scope, worker };
}

const params = {
  arrivalRate: 0.7,
  serviceRate: 1,
  servers: 1,
  service: 'exp' as const,
  customers: 5000,
  warmup: 500,
  seed: 4,
};

describe('SimulationApi transports', () => {
  it('should give the same results in-process and through the worker transport', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, createInProcessApi());
    const remote = createWorkerApi(worker);
    const local = createInProcessApi();
    expect(await remote.runQueue(params)).toEqual(await local.runQueue(params));
    expect(await remote.listValidationCases()).toEqual(await local.listValidationCases());
  });

  it('should stream validation results through the progress callback in order', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, createInProcessApi());
    const remote = createWorkerApi(worker);
    const seen: [string, number, number][] = [];
    const caseIds = ['mm1-wait-50', 'md1-wait-50', 'nhpp-spike'];
    const results = await remote.runValidation({ caseIds, scale: 0.01 }, (r, i, n) =>
      seen.push([r.id, i, n]),
    );
    expect(results.map((r) => r.id)).toEqual(caseIds);
    expect(seen).toEqual(caseIds.map((id, i) => [id, i, 3]));
  });

  it('should reject with the worker-side error and after terminate', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, createInProcessApi());
    const remote = createWorkerApi(worker);
    await expect(remote.runValidation({ caseIds: ['no-such-case'] })).rejects.toThrow(
      /unknown validation case/,
    );
    const pending = remote.runQueue(params);
    remote.terminate();
    await expect(pending).rejects.toThrow(/terminated/);
  });
});
