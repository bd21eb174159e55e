import type { SqlError } from './errors';
import type { ExplainResult } from './explain';
import type { QueryLogEntry, QueryLogSummary } from './querylog';

/** Plain-data results (structured-clone safe): what crosses the worker boundary. */

/** Default cap on rows sent back; the count is always exact (a 100,000-row result → count + first rows, so the tab never freezes). */
export const DEFAULT_MAX_ROWS = 200;

export interface SqlStatementResult {
  command?: string;
  fields: string[];
  /** Total rows the statement returned (or affected). */
  rowCount: number;
  /** The first `maxRows` rows, JSON-safe. */
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
}

export type SqlRunResult =
  | { ok: true; statements: SqlStatementResult[]; log: QueryLogEntry[]; summary: QueryLogSummary }
  | { ok: false; error: SqlError; log: QueryLogEntry[]; summary: QueryLogSummary };

export type ExplainOutcome =
  | { ok: true; explain: ExplainResult; log: QueryLogEntry[] }
  | { ok: false; error: SqlError; log: QueryLogEntry[] };

export interface ReadyInfo {
  dataset: string;
  pgliteVersion: string;
  /** Time from the start of loading to PGlite answering its first query, ms. */
  loadMs: number;
  /** Messages in the loaded data dir (a sanity check the UI can show). */
  messages: number;
  users: number;
}

export interface ResetInfo {
  ms: number;
}
