import type * as core from 'zod/v4/core';

/**
 * A contract names an engine's methods and the zod schema of each one's params, result and
 * (optionally) progress payloads. Both ends import the same object: the worker validates params,
 * the page validates results and progress. Any zod flavour works (`zod` or the smaller `zod/mini`:
 * both build on zod's core).
 */
export interface MethodSpec {
  params: core.$ZodType;
  result: core.$ZodType;
  progress?: core.$ZodType;
}

export type Contract = Record<string, MethodSpec>;

/** Identity, for inference: `export const labContract = defineContract({ … })`. */
export function defineContract<C extends Contract>(contract: C): C {
  return contract;
}

export type MethodName<C extends Contract> = keyof C & string;
/** What the page passes (before defaults and transforms). */
export type ParamsIn<C extends Contract, M extends MethodName<C>> = core.input<C[M]['params']>;
/** What the handler receives (after parsing). */
export type ParamsOut<C extends Contract, M extends MethodName<C>> = core.output<C[M]['params']>;
export type ResultIn<C extends Contract, M extends MethodName<C>> = core.input<C[M]['result']>;
export type ResultOut<C extends Contract, M extends MethodName<C>> = core.output<C[M]['result']>;
export type ProgressIn<
  C extends Contract,
  M extends MethodName<C>,
> = C[M]['progress'] extends core.$ZodType ? core.input<C[M]['progress']> : never;
export type ProgressOut<
  C extends Contract,
  M extends MethodName<C>,
> = C[M]['progress'] extends core.$ZodType ? core.output<C[M]['progress']> : never;

/** Per-call options: no guessing from argument positions. */
export interface CallOptions<P> {
  /** Progress payloads of this call, validated, in the order the worker sent them. */
  onProgress?: (progress: P) => void;
  /** Aborting sends the worker a cancel message and rejects the call with an AbortError. */
  signal?: AbortSignal;
}
