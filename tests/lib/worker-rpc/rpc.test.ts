import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createRpcClient,
  defineContract,
  inProcessApi,
  isAbortError,
  RpcError,
  serveRpc,
  type Handlers,
} from '@/lib/worker-rpc';
import { fakeWorkerPair } from './fakeWorker';

const contract = defineContract({
  add: { params: z.object({ a: z.number(), b: z.number() }), result: z.number() },
  count: {
    params: z.object({ to: z.number().int().min(1) }),
    result: z.string(),
    progress: z.object({ n: z.number() }),
  },
  /** Never answers until cancelled; resolves its `cancelled` latch when the signal fires. */
  hang: { params: z.undefined(), result: z.null() },
  /** Returns whatever the test put in `lie`, to check the page validates results. */
  lie: { params: z.undefined(), result: z.object({ rows: z.array(z.number()) }) },
  fail: { params: z.undefined(), result: z.null() },
});

class Boom extends Error {
  readonly code = 'load-failed';
}

function setup() {
  const pair = fakeWorkerPair();
  let cancelled: () => void = () => undefined;
  const sawCancel = new Promise<void>((resolve) => (cancelled = resolve));
  const state = { lie: { rows: [1, 'two'] } as unknown };
  const handlers: Handlers<typeof contract> = {
    add: ({ a, b }) => a + b,
    count: async ({ to }, { progress }) => {
      for (let n = 1; n <= to; n++) progress({ n });
      return `counted to ${to}`;
    },
    hang: (_p, { signal }) =>
      new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => {
          cancelled();
          reject(signal.reason);
        }),
      ),
    lie: () => state.lie as { rows: number[] },
    fail: () => {
      throw new Boom('the data dir is missing');
    },
  };
  serveRpc(pair.scope, contract, handlers);
  const fatal: RpcError[] = [];
  const rpc = createRpcClient(pair.worker, contract, {
    label: 'The test worker',
    onFatal: (e) => fatal.push(e),
  });
  return { ...pair, rpc, sawCancel, fatal, handlers, state };
}

describe('worker-rpc', () => {
  it('should round-trip a call with validated params and result', async () => {
    const { rpc } = setup();
    await expect(rpc.call('add', { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('should deliver progress in order through onProgress, before the result', async () => {
    const { rpc } = setup();
    const seen: number[] = [];
    const result = await rpc.call('count', { to: 4 }, { onProgress: ({ n }) => seen.push(n) });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(result).toBe('counted to 4');
  });

  it('should reject an aborted call with an AbortError and tell the worker to stop', async () => {
    const { rpc, sawCancel, sent } = setup();
    const ctrl = new AbortController();
    const call = rpc.call('hang', undefined, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 5);
    const err = await call.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(err).toMatchObject({ kind: 'aborted' });
    await sawCancel;
    expect(sent.at(-1)).toMatchObject({ type: 'cancel' });
    // The connection stays usable.
    await expect(rpc.call('add', { a: 1, b: 1 })).resolves.toBe(2);
  });

  it('should reject at once when the signal is already aborted, without posting', async () => {
    const { rpc, sent } = setup();
    await expect(rpc.call('add', { a: 1, b: 2 }, { signal: AbortSignal.abort() })).rejects.toThrow(
      /aborted/,
    );
    expect(sent).toEqual([]);
  });

  it('should reject every pending call when the worker is terminated, and later calls too', async () => {
    const { rpc, worker } = setup();
    const cause = new Error('watchdog');
    const pending = [rpc.call('hang'), rpc.call('hang'), rpc.call('count', { to: 1e6 })];
    rpc.terminate(cause);
    for (const p of pending) {
      await expect(p).rejects.toMatchObject({ kind: 'terminated', cause });
    }
    expect(worker.terminated()).toBe(true);
    expect(rpc.alive).toBe(false);
    await expect(rpc.call('add', { a: 1, b: 1 })).rejects.toBeInstanceOf(RpcError);
  });

  it('should reject every pending call and report once when the worker raises an error', async () => {
    const { rpc, raise, fatal, worker } = setup();
    const a = rpc.call('hang');
    const b = rpc.call('hang');
    raise('error', { message: 'out of memory' });
    await expect(a).rejects.toMatchObject({ kind: 'crashed', message: /out of memory/ });
    await expect(b).rejects.toMatchObject({ kind: 'crashed' });
    expect(fatal.map((e) => e.kind)).toEqual(['crashed']);
    expect(worker.terminated()).toBe(true);
  });

  it('should reject every pending call when the worker sends an unparseable message', async () => {
    const { rpc, raise, fatal } = setup();
    const a = rpc.call('hang');
    raise('message', { data: { type: 'result', id: 'one' } });
    await expect(a).rejects.toMatchObject({ kind: 'bad-message', message: /message\.id/ });
    expect(fatal).toHaveLength(1);
  });

  it('should reject every pending call on a messageerror (data that could not be deserialised)', async () => {
    const { rpc, raise } = setup();
    const a = rpc.call('hang');
    raise('messageerror', {});
    await expect(a).rejects.toMatchObject({ kind: 'bad-message' });
  });

  it('should answer an unknown method with an error instead of silence', async () => {
    const { rpc } = setup();
    const call = rpc.call as (m: string, p?: unknown) => Promise<unknown>;
    // The page refuses before sending …
    await expect(call('nope')).rejects.toMatchObject({ kind: 'unknown-method' });
    // … and the worker refuses what an older or newer page might send.
    const other = fakeWorkerPair();
    serveRpc(other.scope, contract, setup().handlers);
    const stranger = createRpcClient(
      other.worker,
      defineContract({ ...contract, nope: { params: z.undefined(), result: z.null() } }),
    );
    await expect(stranger.call('nope')).rejects.toMatchObject({
      kind: 'unknown-method',
      message: 'unknown method nope',
    });
  });

  it('should reject invalid params in the worker with a message naming the field', async () => {
    const { rpc } = setup();
    const err = await rpc.call('count', { to: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect(err).toMatchObject({ kind: 'invalid-params' });
    expect((err as Error).message).toMatch(/^count: params\.to: /);
    await expect(rpc.call('add', { a: 1, b: 'x' as unknown as number })).rejects.toThrow(
      /params\.b/,
    );
  });

  it('should reject a result that breaks its schema, naming the field', async () => {
    const { rpc } = setup();
    await expect(rpc.call('lie')).rejects.toMatchObject({
      kind: 'invalid-result',
      message: expect.stringMatching(/^lie: result\.rows\.1: /),
    });
  });

  it('should reject a bad progress payload and cancel that call only', async () => {
    const pair = fakeWorkerPair();
    serveRpc(pair.scope, contract, {
      ...setup().handlers,
      count: async (_p, { progress }) => {
        progress({ n: 'one' as unknown as number });
        return 'never seen';
      },
    });
    const rpc = createRpcClient(pair.worker, contract);
    await expect(rpc.call('count', { to: 1 })).rejects.toMatchObject({
      kind: 'invalid-progress',
      message: expect.stringMatching(/progress\.n/),
    });
    await expect(rpc.call('add', { a: 1, b: 2 })).resolves.toBe(3);
  });

  it("should carry a handler's error message and code", async () => {
    const { rpc } = setup();
    await expect(rpc.call('fail')).rejects.toMatchObject({
      kind: 'remote',
      code: 'load-failed',
      message: 'the data dir is missing',
    });
  });

  it('should validate params the same way in-process', async () => {
    const api = inProcessApi(contract, setup().handlers);
    await expect(api.add({ a: 1, b: 2 })).resolves.toBe(3);
    await expect(api.count({ to: 0 })).rejects.toThrow(/count: params\.to/);
    const seen: number[] = [];
    await api.count({ to: 2 }, { onProgress: ({ n }) => seen.push(n) });
    expect(seen).toEqual([1, 2]);
  });
});
