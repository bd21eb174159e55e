import { safeParse } from 'zod/v4/core';
import type {
  CallOptions,
  Contract,
  MethodName,
  ParamsIn,
  ParamsOut,
  ProgressOut,
  ResultOut,
} from './contract';
import { describeIssues, RpcError } from './errors';
import type { Handlers } from './server';

/** A method's arguments as the page writes them: params (optional when they may be undefined), then options. */
export type CallArgs<C extends Contract, M extends MethodName<C>> =
  undefined extends ParamsIn<C, M>
    ? [params?: ParamsIn<C, M>, options?: CallOptions<ProgressOut<C, M>>]
    : [params: ParamsIn<C, M>, options?: CallOptions<ProgressOut<C, M>>];

/** The typed API a contract describes: one async method per entry. */
export type RpcApi<C extends Contract> = {
  [M in MethodName<C>]: (...args: CallArgs<C, M>) => Promise<ResultOut<C, M>>;
};

type Invoke = (method: string, params: unknown, options?: CallOptions<unknown>) => Promise<unknown>;

/** One method per contract entry, each forwarding to `invoke` (a worker client's call). */
export function bindApi<C extends Contract>(contract: C, invoke: Invoke): RpcApi<C> {
  const api: Record<string, (params?: unknown, options?: CallOptions<unknown>) => unknown> = {};
  for (const method of Object.keys(contract)) {
    api[method] = (params, options) => invoke(method, params, options);
  }
  return api as unknown as RpcApi<C>;
}

/**
 * The same API computed on this thread (CLI, tests): params are validated exactly as the worker
 * validates them, so both transports reject the same input with the same message.
 */
export function inProcessApi<C extends Contract>(contract: C, handlers: Handlers<C>): RpcApi<C> {
  return bindApi(contract, async (method, params, options = {}) => {
    const name = method as MethodName<C>;
    const parsed = safeParse(contract[name].params, params);
    if (!parsed.success) {
      throw new RpcError(
        'invalid-params',
        `${method}: ${describeIssues('params', parsed.error.issues)}`,
      );
    }
    const signal = options.signal ?? new AbortController().signal;
    if (signal.aborted) throw new RpcError('aborted', `${method} was aborted.`);
    return handlers[name](parsed.data as ParamsOut<C, typeof name>, {
      signal,
      progress: (value) => options.onProgress?.(value),
    });
  });
}
