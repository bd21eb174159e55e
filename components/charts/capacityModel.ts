/**
 * The back-of-the-envelope capacity model of lesson 1 ("Start simple, scale smart"): how much load
 * each tier of the messaging system sees at a given number of concurrent users, and where one
 * machine of that tier runs out. Every constant is an assumption stated in the lesson, chosen to be
 * typical rather than precise; the point is the *slopes* and *crossings*, which move little when a
 * constant changes by 2×.
 */

/** One API call every 10 s per connected user (send, read, presence). 10M users → 1M rps, as in
 *  DESIGN.md §2 ("10M concurrent users is ~10^6 requests/s"). */
export const REQUESTS_PER_USER_PER_S = 0.1;
/** The inbox page of the N+1 version: 1 query for the channel list + 1 per channel (20 channels). */
export const QUERIES_PER_REQUEST_N_PLUS_ONE = 21;
/** After the JOIN: session lookup, the inbox query, unread counts. */
export const QUERIES_PER_REQUEST_JOINED = 3;
/** Share of reads a read-through cache answers (reference-numbers.md: hit ratios of 80–93%). */
export const CACHE_HIT_RATIO = 0.9;
/** One request in ten sends a message: one write on the primary. */
export const WRITES_PER_REQUEST = 0.1;
/** One Postgres primary, 8 vCPU, ~0.8 ms CPU per query of this mix: 8 / 0.0008 = 10,000 queries/s. */
export const DB_QUERIES_PER_S_CAPACITY = 10_000;
/** One app-server instance, 4 vCPU, ~2 ms CPU per request: 4 / 0.002 = 2,000 requests/s. */
export const APP_REQUESTS_PER_S_CAPACITY = 2_000;

export interface LoadSeries {
  id: string;
  label: string;
  /** Operations per second that tier must serve, per concurrent user. */
  perUser: number;
  /** The capacity line this series is compared with. */
  capacity: 'db' | 'app';
}

export const loadSeries: readonly LoadSeries[] = [
  {
    id: 'n-plus-one',
    label: 'DB queries, N+1 inbox',
    perUser: REQUESTS_PER_USER_PER_S * QUERIES_PER_REQUEST_N_PLUS_ONE,
    capacity: 'db',
  },
  {
    id: 'joined',
    label: 'DB queries after the JOIN',
    perUser: REQUESTS_PER_USER_PER_S * QUERIES_PER_REQUEST_JOINED,
    capacity: 'db',
  },
  {
    id: 'app',
    label: 'App-server requests',
    perUser: REQUESTS_PER_USER_PER_S,
    capacity: 'app',
  },
  {
    id: 'cached',
    label: 'DB queries with a 90% cache',
    perUser: REQUESTS_PER_USER_PER_S * QUERIES_PER_REQUEST_JOINED * (1 - CACHE_HIT_RATIO),
    capacity: 'db',
  },
  {
    id: 'writes',
    label: 'Message writes on the primary',
    perUser: REQUESTS_PER_USER_PER_S * WRITES_PER_REQUEST,
    capacity: 'db',
  },
];

export const capacities = {
  db: { label: 'One Postgres primary', perSecond: DB_QUERIES_PER_S_CAPACITY },
  app: { label: 'One app server', perSecond: APP_REQUESTS_PER_S_CAPACITY },
} as const;

export function loadAt(series: LoadSeries, users: number): number {
  return series.perUser * users;
}

/** Users at which a series reaches one machine's capacity. */
export function crossingUsers(series: LoadSeries): number {
  return capacities[series.capacity].perSecond / series.perUser;
}

export function formatCount(value: number): string {
  // Round first so 999,999.99 (floating-point products) prints as 1M, not 1000K.
  const n = Math.round(value);
  if (n >= 1e6) return `${+(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}K`;
  return `${Math.round(n)}`;
}
