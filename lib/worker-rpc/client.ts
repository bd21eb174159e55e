import { safeParse } from 'zod/v4/core';
import type { CallArgs } from './api';
import type { CallOptions, Contract, MethodName, ResultOut } from './contract';
import { describeIssues, RpcError } from './errors';
import { fromWorkerSchema, type ToWorker } from './wire';

/** What the client needs from a Worker: a DOM Worker satisfies it, tests pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(
    type: 'message' | 'messageerror' | 'error',
    listener: (event: WorkerEventLike) => void,
  ): void;
}

/** The fields of MessageEvent / ErrorEvent the client reads. */
export interface WorkerEventLike {
  data?: unknown;
  message?: string;
  preventDefault?(): void;
}

export interface RpcClientOptions {
  /** Names the worker in error messages ("the query-lab worker"). */
  label?: string;
  /**
   * Called once if the connection dies on its own: an error event or an unreadable message. The
   * worker is already terminated and every pending call rejected with the same error.
   */
  onFatal?: (error: RpcError) => void;
}

export interface RpcClient<C extends Contract> {
  call<M extends MethodName<C>>(method: M, ...args: CallArgs<C, M>): Promise<ResultOut<C, M>>;
  /** Terminates the worker; every pending call rejects with kind 'terminated' (cause attached). */
  terminate(cause?: unknown): void;
  /** False once terminated or dead; later calls reject at once. */
  readonly alive: boolean;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (err: RpcError) => void;
  onProgress?: (value: unknown) => void;
  /** Detaches the abort listener. */
  done: () => void;
}

/**
 * The page side. Each call gets an id; the worker answers with progress messages and one result
 * or error. Unlike comlink, a call never hangs: terminate, a worker error and an unreadable
 * message all reject everything still pending.
 */
export function createRpcClient<C extends Contract>(
  worker: WorkerLike,
  contract: C,
  options: RpcClientOptions = {},
): RpcClient<C> {
  const label = options.label ?? 'the worker';
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: RpcError | undefined;

  const post = (message: ToWorker): void => worker.postMessage(message);

  function die(err: RpcError, fatal: boolean): void {
    if (dead) return;
    dead = err;
    worker.terminate();
    const calls = [...pending.values()];
    pending.clear();
    for (const p of calls) {
      p.done();
      p.reject(err);
    }
    if (fatal) options.onFatal?.(err);
  }

  /** Settles one call and tells the worker to stop working on it. */
  function failCall(id: number, p: Pending, err: RpcError): void {
    pending.delete(id);
    p.done();
    post({ type: 'cancel', id });
    p.reject(err);
  }

  worker.addEventListener('message', (event) => {
    const parsed = safeParse(fromWorkerSchema, event.data);
    if (!parsed.success) {
      const why = describeIssues('message', parsed.error.issues);
      die(new RpcError('bad-message', `${label} sent an unreadable message (${why}).`), true);
      return;
    }
    const msg = parsed.data;
    const p = pending.get(msg.id);
    if (!p) return; // Aborted or already failed: late answers are expected and dropped.
    const spec = contract[p.method]!;
    if (msg.type === 'progress') {
      if (!spec.progress) {
        failCall(msg.id, p, new RpcError('invalid-progress', `${p.method} sends no progress.`));
        return;
      }
      const value = safeParse(spec.progress, msg.value);
      if (!value.success) {
        const why = describeIssues('progress', value.error.issues);
        failCall(msg.id, p, new RpcError('invalid-progress', `${p.method}: ${why}`));
        return;
      }
      try {
        p.onProgress?.(value.data);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        failCall(msg.id, p, new RpcError('remote', `${p.method}: onProgress threw: ${why}`));
      }
      return;
    }
    pending.delete(msg.id);
    p.done();
    if (msg.type === 'error') {
      p.reject(new RpcError(msg.error.kind, msg.error.message, { code: msg.error.code }));
      return;
    }
    const value = safeParse(spec.result, msg.value);
    if (value.success) p.resolve(value.data);
    else
      p.reject(
        new RpcError(
          'invalid-result',
          `${p.method}: ${describeIssues('result', value.error.issues)}`,
        ),
      );
  });
  worker.addEventListener('messageerror', () =>
    die(new RpcError('bad-message', `${label} sent a message that could not be read.`), true),
  );
  worker.addEventListener('error', (event) => {
    // Handled here: the page's console should not also report it as uncaught.
    event.preventDefault?.();
    die(new RpcError('crashed', `${label} failed: ${event.message || 'unknown error'}`), true);
  });

  function call(method: string, params?: unknown, opts: CallOptions<unknown> = {}) {
    if (dead) return Promise.reject(dead);
    if (!Object.hasOwn(contract, method))
      return Promise.reject(new RpcError('unknown-method', `unknown method ${method}`));
    const { signal, onProgress } = opts;
    const aborted = () =>
      new RpcError('aborted', `${method} was aborted.`, { cause: signal?.reason });
    if (signal?.aborted) return Promise.reject(aborted());
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = (): void => {
        const p = pending.get(id);
        if (p) failCall(id, p, aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      pending.set(id, { method, resolve, reject, onProgress, done });
      try {
        post({ type: 'call', id, method, params });
      } catch (err) {
        // DataCloneError: params that structured clone cannot copy (a function, a DOM node).
        pending.delete(id);
        done();
        const why = err instanceof Error ? err.message : String(err);
        reject(new RpcError('invalid-params', `${method}: params cannot be sent: ${why}`));
      }
    });
  }

  return {
    call: call as RpcClient<C>['call'],
    terminate(cause?: unknown) {
      die(new RpcError('terminated', `${label} was terminated.`, { cause }), false);
    },
    get alive() {
      return dead === undefined;
    },
  };
}
