/**
 * Every way a worker call can fail, as one typed error. `kind` says which; `code` carries the
 * engine's own error kind when a handler threw one (e.g. the query lab's 'load-failed').
 */
export const RPC_ERROR_KINDS = [
  /** The page terminated the worker (terminate(), a watchdog, close). */
  'terminated',
  /** The worker raised an error event (a crash, a failed module import). */
  'crashed',
  /** A message from the other side did not match the wire format (or could not be deserialised). */
  'bad-message',
  /** The caller's AbortSignal fired. */
  'aborted',
  'unknown-method',
  /** The worker rejected the call's params (the message names the field). */
  'invalid-params',
  /** The page rejected the worker's result or progress payload (the message names the field). */
  'invalid-result',
  'invalid-progress',
  /** The handler threw; `code` is its error kind when it had one. */
  'remote',
] as const;
export type RpcErrorKind = (typeof RPC_ERROR_KINDS)[number];

export class RpcError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly kind: RpcErrorKind,
    message: string,
    options: { code?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // 'AbortError' is the name fetch and DOM APIs use for a cancelled operation; callers that
    // already ignore aborts by name keep working.
    this.name = kind === 'aborted' ? 'AbortError' : 'RpcError';
    this.code = options.code;
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** "params.users: Too small: expected number to be >=1" — the first issue, with its path. */
export function describeIssues(
  where: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; expected?: unknown }>,
): string {
  const first = issues[0];
  if (!first) return `${where}: invalid`;
  const path = [where, ...first.path.map(String)].join('.');
  // zod/mini ships without locale messages ("Invalid input"): name the expected type ourselves.
  const expected =
    first.message === 'Invalid input' && typeof first.expected === 'string'
      ? ` (expected ${first.expected})`
      : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}: ${first.message}${expected}${more}`;
}
