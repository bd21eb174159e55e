import type { QueryLogEntry, QueryLogSummary } from './querylog';

/** Types of the user-code runner, importable by the page without pulling in sucrase or the ORM. */
export const DEFAULT_USER_CODE_TIMEOUT_MS = 5000;

export interface UserCodeOptions {
  users: number;
  rttMs: number;
  timeoutMs?: number;
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
