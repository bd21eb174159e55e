import { RpcError } from '../worker-rpc/index';
import { QueryLabError, type QueryLabErrorKind } from './errors';
import type { LoadPhase } from './protocol';

const KINDS: ReadonlySet<string> = new Set<QueryLabErrorKind>([
  'load-failed',
  'startup-timeout',
  'user-code-timeout',
  'worker-crashed',
  'bad-request',
  'closed',
  'internal',
]);

/**
 * Worker-RPC failures → the query lab's own error kinds, which the UI branches on (useLab's
 * FATAL_KINDS). An abort stays an AbortError: it is the caller's own doing, not a failure.
 */
export function toQueryLabError(
  err: unknown,
  ctx: { phase: LoadPhase; alive: boolean },
): QueryLabError | RpcError {
  if (err instanceof QueryLabError) return err;
  if (!(err instanceof RpcError)) {
    return new QueryLabError('internal', err instanceof Error ? err.message : String(err));
  }
  switch (err.kind) {
    case 'remote':
      return new QueryLabError(
        err.code !== undefined && KINDS.has(err.code)
          ? (err.code as QueryLabErrorKind)
          : 'internal',
        err.message,
      );
    case 'terminated':
      // The page's own reason (start-up timeout, watchdog restart, close) travels as the cause.
      return err.cause instanceof QueryLabError
        ? err.cause
        : new QueryLabError('closed', err.message);
    case 'crashed':
      // Before the manifest arrived, a crash is almost always the worker script failing to load.
      return new QueryLabError(
        ctx.phase === 'manifest' ? 'load-failed' : 'worker-crashed',
        err.message,
      );
    case 'bad-message':
      return new QueryLabError(ctx.alive ? 'internal' : 'worker-crashed', err.message);
    case 'unknown-method':
    case 'invalid-params':
      return new QueryLabError('bad-request', err.message);
    case 'invalid-result':
    case 'invalid-progress':
      return new QueryLabError('internal', err.message);
    case 'aborted':
      return err;
  }
}
