/**
 * Errors as data. SQL errors are expected lab outcomes (the reader typed a typo), so they are returned,
 * not thrown; infrastructure failures are thrown as QueryLabError with a `kind` the UI can branch on.
 */
export interface SqlError {
  message: string;
  /** SQLSTATE, e.g. '42601' syntax_error. */
  code?: string;
  /** 1-based character offset into the submitted SQL, as Postgres reports it. */
  position?: number;
  /** 1-based line and column of `position`, for the editor's marker. */
  line?: number;
  column?: number;
  hint?: string;
  detail?: string;
}

export type QueryLabErrorKind =
  | 'load-failed'
  | 'startup-timeout'
  | 'user-code-timeout'
  | 'worker-crashed'
  | 'bad-request'
  | 'closed'
  | 'internal';

export class QueryLabError extends Error {
  constructor(
    readonly kind: QueryLabErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'QueryLabError';
  }
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Postgres error (PGlite's DatabaseError, or anything thrown) → SqlError with line/column. */
export function toSqlError(err: unknown, sql: string): SqlError {
  const e = (err ?? {}) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const out: SqlError = { message };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.hint === 'string') out.hint = e.hint;
  if (typeof e.detail === 'string') out.detail = e.detail;
  const pos = typeof e.position === 'string' ? Number(e.position) : undefined;
  if (pos !== undefined && Number.isFinite(pos) && pos > 0) {
    out.position = pos;
    Object.assign(out, lineColumn(sql, pos));
  }
  return out;
}

export function isSqlErrorLike(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'severity' in err && 'code' in err;
}
