import type { QueryLogEntry } from '../querylog';
import { MEASURE_SQL } from './measure-sql';

/**
 * Nearest-rank percentile (the definition APM tools and `percentile_disc` use): the smallest value
 * with at least q of the sample at or below it. With 40 calls p99 is the slowest call, so the UI
 * says how many calls a percentile stands on.
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export type StatementName = keyof typeof MEASURE_SQL;

/**
 * One row of a pg_stat_statements-style view: the same statement text (with $n parameters) is one
 * row whatever its parameters, ranked by the database time it consumed. Postgres' own extension
 * would rank the same statements; PGlite does not ship it, so the lab's query log adds them up.
 */
export interface StatementStats {
  name: StatementName;
  calls: number;
  /** Database time only (no simulated network), ms. */
  totalDbMs: number;
  meanDbMs: number;
  rows: number;
  /** INSERT / UPDATE / DELETE: work only the primary can do. */
  write: boolean;
  /** Share of the run's database time. */
  share: number;
}

const NAME_BY_SQL = new Map(
  (Object.entries(MEASURE_SQL) as [StatementName, string][]).map(([name, sql]) => [sql, name]),
);

export function statementStats(entries: readonly QueryLogEntry[]): StatementStats[] {
  const rows = new Map<StatementName, StatementStats>();
  let allDbMs = 0;
  for (const e of entries) {
    const name = NAME_BY_SQL.get(e.sql);
    if (!name) continue;
    allDbMs += e.dbMs;
    const st = rows.get(name) ?? {
      name,
      calls: 0,
      totalDbMs: 0,
      meanDbMs: 0,
      rows: 0,
      write: /^\s*(insert|update|delete)\b/i.test(e.sql),
      share: 0,
    };
    st.calls += 1;
    st.totalDbMs += e.dbMs;
    st.rows += e.rows;
    rows.set(name, st);
  }
  return [...rows.values()]
    .map((st) => ({
      ...st,
      meanDbMs: st.totalDbMs / st.calls,
      share: allDbMs > 0 ? st.totalDbMs / allDbMs : 0,
    }))
    .sort((a, b) => b.totalDbMs - a.totalDbMs);
}
