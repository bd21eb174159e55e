import type { QueryLogEntry, QueryLogSummary } from './querylog';

/** Types of the user-code runner, importable by the page without pulling in sucrase or the ORM. */
export const DEFAULT_USER_CODE_TIMEOUT_MS = 5000;
/** The worker protocol's ceiling for one run (protocol.ts). */
export const MAX_USER_CODE_TIMEOUT_MS = 60_000;
/**
 * Headroom per user on the page: the N+1 loop took ~1 ms per user in headless Chromium on a busy
 * 2-core machine (10,000 users: 10.5 s), so 2 ms per user lets the Before code finish at the
 * slider's maximum on a machine half as fast, while an endless loop still stops.
 */
export const USER_CODE_MS_PER_USER = 2;

/** The time limit for the reader's code at this page size: 5 s plus 2 ms per user, at most 60 s. */
export function userCodeTimeoutMs(users: number): number {
  const ms = DEFAULT_USER_CODE_TIMEOUT_MS + USER_CODE_MS_PER_USER * Math.max(0, users);
  return Math.min(MAX_USER_CODE_TIMEOUT_MS, Math.round(ms));
}

export interface UserCodeOptions {
  users: number;
  rttMs: number;
  timeoutMs?: number;
  /** Take `include` away from User.findAll (a challenge: batch the posts by hand). */
  noInclude?: boolean;
}

export interface UserCodeError {
  kind: 'syntax' | 'runtime' | 'sql' | 'timeout';
  message: string;
  line?: number;
  column?: number;
  /** For SQL errors: the Postgres position inside that statement. */
  position?: number;
}

export interface UserCodeResult {
  ok: boolean;
  error?: UserCodeError;
  /** JSON-safe preview of the returned value (arrays cut to their first 20 items). */
  preview: unknown;
  /** Set when the value looks like users-with-posts: comparable with the labs' checksums. */
  loaded?: { users: number; posts: number; checksum: string };
  console: string[];
  log: QueryLogEntry[];
  /** True when more than 20,000 queries ran and the log was cut (the summary still counts all). */
  logTruncated: boolean;
  summary: QueryLogSummary;
  wallMs: number;
  /** Set by the worker transport when the worker was terminated and restarted (time limit). */
  restarted?: boolean;
}
