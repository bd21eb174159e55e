/**
 * The measured inputs of lesson 1's capacity model, each with where it comes from. The request mix
 * and the statements are lesson 2's APM workload (lib/db/labs/measure-sql.ts), so both lessons talk
 * about the same requests by the same names.
 */
import type { StatementName } from '@/lib/db/labs/measure-stats';

/**
 * Database time per statement on PGlite in Node, ms: the minimum over 9 runs of each statement's
 * mean (`RUNS=9 npx tsx scripts/bench/measure-mix.ts`, 2 vCPU shared with other jobs, load average
 * ~10, 3 Dec 2026). The minimum, not the median, because other jobs only ever add time: it is the
 * estimate least disturbed by the noise (Chen & Revels, "Robust benchmarking in noisy
 * environments", 2016). Medians on the same runs were 2–3.5× higher.
 */
export const PGLITE_STATEMENT_MS: Readonly<Record<StatementName, number>> = {
  myChannels: 0.563,
  unreadCount: 0.402,
  lastMessage: 0.322,
  channelsFixed: 1.348,
  inbox: 2.368,
  history: 1.069,
  markRead: 0.411,
  send: 0.425,
  search: 12.387,
};

/**
 * PGlite time ÷ native Postgres time on the same query shapes: ~5–7× per small query, ~4.5× on a
 * 10,000-row JOIN (reference-numbers.md, "Native Postgres beside PGlite": PostgreSQL 15.18,
 * pgbench -c 1). We divide by 5. Check: the sidebar's point lookups come out at 0.064–0.080 ms,
 * against 0.051–0.075 ms measured natively for a 10-row lookup.
 */
export const PGLITE_PER_NATIVE = 5;

/** Native database time per statement, ms (the measurement above ÷ PGLITE_PER_NATIVE). */
export function nativeMs(statement: StatementName): number {
  return PGLITE_STATEMENT_MS[statement] / PGLITE_PER_NATIVE;
}

/**
 * Mean queries per GET /channels request in the lab's workload (1 + 2 × channels, 200 seeded users
 * in 2–15 channels): `npm run querylab -- measure --json` reports 18.35, i.e. 8.675 channels.
 */
export const LAB_SIDEBAR_QUERIES = 18.35;
export const LAB_MEAN_CHANNELS = (LAB_SIDEBAR_QUERIES - 1) / 2;
