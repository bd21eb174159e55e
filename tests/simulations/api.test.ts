import { describe, expect, it } from 'vitest';
import {
  createInProcessApi,
  createWorkerApi,
  exposeSimulationApi,
  simulationHandlers,
} from '@/simulations/api';
import { fakeWorkerPair } from '../lib/worker-rpc/fakeWorker';

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
    exposeSimulationApi(scope, simulationHandlers);
    const remote = createWorkerApi(worker);
    const local = createInProcessApi();
    expect(await remote.runQueue(params)).toEqual(await local.runQueue(params));
    expect(await remote.listValidationCases()).toEqual(await local.listValidationCases());
  });

  it('should stream validation results through the progress callback in order', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, simulationHandlers);
    const remote = createWorkerApi(worker);
    const seen: [string, number, number][] = [];
    const caseIds = ['mm1-wait-50', 'md1-wait-50', 'nhpp-spike'];
    const results = await remote.runValidation(
      { caseIds, scale: 0.01 },
      { onProgress: ({ result, index, total }) => seen.push([result.id, index, total]) },
    );
    expect(results.map((r) => r.id)).toEqual(caseIds);
    expect(seen).toEqual(caseIds.map((id, i) => [id, i, 3]));
  });

  it('should reject with the worker-side error and after terminate', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, simulationHandlers);
    const remote = createWorkerApi(worker);
    await expect(remote.runValidation({ caseIds: ['no-such-case'] })).rejects.toThrow(
      /unknown validation case/,
    );
    const pending = remote.runQueue(params);
    remote.terminate();
    await expect(pending).rejects.toThrow(/terminated/);
  });

  it('should reject invalid params in the worker and in-process alike, naming the field', async () => {
    const { scope, worker } = fakeWorkerPair();
    exposeSimulationApi(scope, simulationHandlers);
    const remote = createWorkerApi(worker);
    const bad = { ...params, servers: 0 };
    await expect(remote.runQueue(bad)).rejects.toThrow(/runQueue: params\.servers/);
    await expect(createInProcessApi().runQueue(bad)).rejects.toThrow(/runQueue: params\.servers/);
  });
});
