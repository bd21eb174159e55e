import { safeParse } from 'zod/v4/core';
import type { Contract, MethodName, ParamsOut, ProgressIn, ResultIn } from './contract';
import { describeIssues, RpcError } from './errors';
import { toWorkerSchema, type FromWorker, type WireError } from './wire';

/** What the server needs from a worker's global scope (or a test double). */
export interface ScopeLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface HandlerContext<P> {
  /** Aborted when the page cancels this call; long handlers should check it between steps. */
  signal: AbortSignal;
  /** Streams one progress payload to the page (dropped once the call is cancelled). */
  progress: (value: P) => void;
}

/** One handler per contract method: adding a method is a schema entry plus a handler. */
export type Handlers<C extends Contract> = {
  [M in MethodName<C>]: (
    params: ParamsOut<C, M>,
    ctx: HandlerContext<ProgressIn<C, M>>,
  ) => Promise<ResultIn<C, M>> | ResultIn<C, M>;
};

export interface ServeOptions {
  /** The engine's own error kind of a thrown error, sent as `code` (default: its `code` field). */
  errorCode?: (err: unknown) => string | undefined;
}

const defaultCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The worker side: validates every call's params against the contract before its handler runs,
 * answers unknown methods and malformed calls with an error instead of staying silent, and stops
 * reporting on a call the page cancelled. Handlers run concurrently; an engine that needs one call
 * at a time queues inside its handlers.
 */
export function serveRpc<C extends Contract>(
  scope: ScopeLike,
  contract: C,
  handlers: Handlers<C>,
  options: ServeOptions = {},
): void {
  const running = new Map<number, AbortController>();
  const errorCode = options.errorCode ?? defaultCode;
  const post = (message: FromWorker): void => scope.postMessage(message);
  const fail = (id: number, error: WireError): void => post({ type: 'error', id, error });

  scope.addEventListener('message', (event) => {
    const parsed = safeParse(toWorkerSchema, event.data);
    if (!parsed.success) {
      // Answer if the message at least says which call it was; otherwise nobody is waiting.
      const id = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') {
        const message = `unreadable call (${describeIssues('message', parsed.error.issues)})`;
        fail(id, { kind: 'bad-message', message });
      }
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'cancel') {
      running.get(msg.id)?.abort(new RpcError('aborted', 'cancelled by the page'));
      running.delete(msg.id);
      return;
    }
    const { id, method } = msg;
    if (!Object.hasOwn(contract, method)) {
      fail(id, { kind: 'unknown-method', message: `unknown method ${method}` });
      return;
    }
    const name = method as MethodName<C>;
    const params = safeParse(contract[name].params, msg.params);
    if (!params.success) {
      fail(id, {
        kind: 'invalid-params',
        message: `${method}: ${describeIssues('params', params.error.issues)}`,
      });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const live = (): boolean => !controller.signal.aborted;
    const ctx: HandlerContext<ProgressIn<C, typeof name>> = {
      signal: controller.signal,
      progress: (value) => {
        if (live()) post({ type: 'progress', id, value });
      },
    };
    Promise.resolve()
      .then(() => handlers[name](params.data as ParamsOut<C, typeof name>, ctx))
      .then(
        (value) => {
          if (live()) post({ type: 'result', id, value });
        },
        (err: unknown) => {
          if (!live()) return;
          const message = err instanceof Error ? err.message : String(err);
          fail(id, { kind: 'remote', message, code: errorCode(err) });
        },
      )
      .finally(() => running.delete(id));
  });
}
