import type { PGliteInterface } from '@electric-sql/pglite';
import { transform } from 'sucrase';
import { checksumUsers, type UserWithPosts } from './checksum';
import { createOrm } from './orm';
import { jsonSafe, LoggedDb, LoggedSqlError, QueryLog, summarize } from './querylog';
import {
  DEFAULT_USER_CODE_TIMEOUT_MS,
  type UserCodeError,
  type UserCodeOptions,
  type UserCodeResult,
} from './usercode-types';

export * from './usercode-types';

/**
 * Runs the reader's ORM code (the essay's snippets, edited in the editor) against the lab database.
 *
 * TypeScript → JavaScript: sucrase's `typescript` transform only strips types (no type check), keeps
 * line numbers, and is ~200 KB of JS in the worker bundle, versus ~9 MB for TypeScript's
 * transpileModule or a 10 MB esbuild-wasm. Plain JS passes through unchanged.
 *
 * The code runs as the body of an async function with `User`, `Post`, `db`, `console` and `N` in
 * scope; a variable named `users` is returned automatically (so the essay's code runs as written), or
 * the code may `return` a value. Worker/page globals (postMessage, fetch, importScripts, self…) are
 * shadowed with `undefined`: not a security boundary (it is the reader's own code in their own
 * browser), just protection against accidents. The time limit is enforced by the caller: the worker
 * transport terminates the worker (the only way to stop `while (true) {}`).
 */
const MAX_CONSOLE_LINES = 200;
/** Sentinel for the async time limit (user code cannot throw this exact object). */
const TIMED_OUT = Symbol('timed out');
const MAX_LOG_ENTRIES = 20_000;
const WRAP_HEADER =
  'async function __userMain(User, Post, db, console, N, self, globalThis, postMessage, importScripts, fetch, XMLHttpRequest, WebSocket, close) {';
/** Lines before the reader's line 1 in `new Function` source: V8 adds 2 ("function anonymous(\n) {"), we add 1. */
const RUNTIME_LINE_OFFSET = 3;

export function stripTypes(
  code: string,
): { ok: true; js: string } | { ok: false; error: UserCodeError } {
  try {
    const wrapped = `${WRAP_HEADER}\n${code}\n;return typeof users === 'undefined' ? undefined : users;\n}`;
    return {
      ok: true,
      js: transform(wrapped, { transforms: ['typescript'], disableESTransforms: true }).code,
    };
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } };
    const message = String(e.message ?? err).replace(/\s*\(\d+:\d+\)$/, '');
    return {
      ok: false,
      error: {
        kind: 'syntax',
        message,
        line: e.loc ? e.loc.line - 1 : undefined,
        column: e.loc?.column,
      },
    };
  }
}

function preview(value: unknown, depth = 0): unknown {
  if (depth > 5) return '…';
  if (Array.isArray(value)) {
    const head = value.slice(0, 20).map((v) => preview(v, depth + 1));
    return value.length > 20 ? [...head, `… ${value.length - 20} more`] : head;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 50)
        .map(([k, v]) => [k, preview(v, depth + 1)]),
    );
  }
  if (typeof value === 'function') return `[function ${value.name}]`;
  return jsonSafe(value);
}

function asUsersWithPosts(value: unknown): UserWithPosts[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every(
    (u) =>
      u &&
      typeof u === 'object' &&
      typeof u.id === 'number' &&
      typeof u.name === 'string' &&
      Array.isArray(u.posts),
  );
  return ok ? (value as UserWithPosts[]) : undefined;
}

function runtimeError(err: unknown): UserCodeError {
  if (err instanceof LoggedSqlError) {
    return { kind: 'sql', message: err.message, position: err.sqlError.position };
  }
  const e = err as { message?: string; stack?: string };
  const m = /<anonymous>:(\d+):(\d+)/.exec(e.stack ?? '');
  const line = m ? Number(m[1]) - RUNTIME_LINE_OFFSET : undefined;
  return {
    kind: 'runtime',
    message: String(e.message ?? err),
    line: line !== undefined && line > 0 ? line : undefined,
    column: m ? Number(m[2]) : undefined,
  };
}

export async function runUserCode(
  pg: PGliteInterface,
  code: string,
  opts: UserCodeOptions,
): Promise<UserCodeResult> {
  const t0 = performance.now();
  const log = new QueryLog(opts.rttMs);
  const lines: string[] = [];
  const done = (partial: Partial<UserCodeResult> & { ok: boolean }): UserCodeResult => ({
    preview: undefined,
    console: lines,
    log: log.entries.slice(0, MAX_LOG_ENTRIES),
    logTruncated: log.entries.length > MAX_LOG_ENTRIES,
    summary: summarize(log.entries),
    wallMs: performance.now() - t0,
    ...partial,
  });
  const stripped = stripTypes(code);
  if (!stripped.ok) return done({ ok: false, error: stripped.error });

  const db = new LoggedDb(pg, log);
  const { User, Post } = createOrm(db, { userLimit: opts.users, noInclude: opts.noInclude });
  const say = (...args: unknown[]): void => {
    if (lines.length < MAX_CONSOLE_LINES)
      lines.push(
        args.map((a) => (typeof a === 'string' ? a : JSON.stringify(preview(a)))).join(' '),
      );
  };
  const userConsole = { log: say, info: say, warn: say, error: say };
  const userDb = {
    query: async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows,
  };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_USER_CODE_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const main = new Function(`return ${stripped.js}`)() as (
      ...args: unknown[]
    ) => Promise<unknown>;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(TIMED_OUT), timeoutMs);
    });
    const value = await Promise.race([main(User, Post, userDb, userConsole, opts.users), timeout]);
    const shaped = asUsersWithPosts(value);
    const loaded = shaped
      ? {
          users: shaped.length,
          posts: shaped.reduce((n, u) => n + u.posts.length, 0),
          checksum: checksumUsers(shaped),
        }
      : undefined;
    return done({ ok: true, preview: preview(value), loaded });
  } catch (err) {
    if (err === TIMED_OUT) {
      return done({
        ok: false,
        error: {
          kind: 'timeout',
          message: `Stopped after ${timeoutMs / 1000} s: the code did not finish in time.`,
        },
      });
    }
    return done({ ok: false, error: runtimeError(err) });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
