/**
 * Lesson 1's capacity model, in database time per request: each request of lesson 2's mix costs the
 * database time its statements were measured to take (measuredInputs.ts), reads and writes share
 * one primary, and every write counts (messages, mark-read, presence). Pure functions: the chart,
 * the latency widget, the challenge and the tests all use them.
 */
import { TRAFFIC_MIX } from '@/lib/db/labs/measure-sql';
import { LAB_MEAN_CHANNELS, nativeMs } from './measuredInputs';

/**
 * API requests per connected user per second: one every 10 s. An assumption, not a measurement:
 * it makes 10M users ~1M requests/s, the scale the workbench is built for (DESIGN.md §2).
 */
export const REQUESTS_PER_USER_PER_S = 0.1;
/**
 * Presence heartbeats per connected user per second: one every 30 s, each one single-row UPDATE
 * priced like the lab's mark-read. An assumption (not measured here); many clients beat every
 * 30–60 s. They ride on the WebSocket, so they load the database, not the API servers.
 */
export const PRESENCE_WRITES_PER_USER_PER_S = 1 / 30;
/**
 * One app server: 4 vCPU at ~2 ms of CPU per request = 2,000 requests/s. An assumption: the labs
 * measure database and network time, not application CPU.
 */
export const APP_REQUESTS_PER_S = 2000;
/** Capacity planning stops here (see the latency widget: past ~70% the queue, not the work, grows). */
export const PLANNING_UTILIZATION = 0.7;
/**
 * Primary sizes the chart offers: 2 vCPU to start, 8 and 64 after vertical scaling (AWS RDS
 * db.m6g.large, .2xlarge and .16xlarge; other clouds sell the same steps). One vCPU gives 1,000 ms
 * of database time per second; linear scaling with cores is optimistic (locks, WAL, memory
 * bandwidth), so the large sizes are an upper bound.
 */
export const PRIMARY_VCPU_OPTIONS = [2, 8, 64] as const;
export type PrimaryVcpus = (typeof PRIMARY_VCPU_OPTIONS)[number];

export interface ModelSettings {
  /**
   * Queries per GET /channels request: 1 = the one-query rewrite; 3, 5 … 41 = the N+1 loop
   * (1 + 2 × channels) for a user in 1 … 20 channels.
   */
  sidebarQueries: number;
  /** Share of cacheable reads (sidebar, inbox, channel history) a cache answers, 0–0.95. */
  cacheHitRatio: number;
  primaryVcpus: PrimaryVcpus;
}

/** The lesson's starting point: the N+1 sidebar for a user in 9 channels, no cache, 2 vCPU. */
export const DEFAULT_SETTINGS: ModelSettings = {
  sidebarQueries: 19,
  cacheHitRatio: 0,
  primaryVcpus: 2,
};

export const SIDEBAR_QUERY_RANGE = { min: 1, max: 41 } as const;

export function isValidSidebarQueries(q: number): boolean {
  return (
    Number.isInteger(q) &&
    q >= SIDEBAR_QUERY_RANGE.min &&
    q <= SIDEBAR_QUERY_RANGE.max &&
    (q === 1 || q % 2 === 1)
  );
}

/** Database time of one GET /channels request, native ms. */
export function sidebarDbMs(queries: number): number {
  if (!isValidSidebarQueries(queries)) throw new RangeError(`sidebar queries: ${queries}`);
  // The rewrite still runs a count and a last-message subquery per channel inside Postgres: its
  // time was measured at the lab's mean channel count and grows with it.
  if (queries === 1) return nativeMs('channelsFixed');
  const channels = (queries - 1) / 2;
  return nativeMs('myChannels') + channels * (nativeMs('unreadCount') + nativeMs('lastMessage'));
}

/** Mean database time per request of the mix, native ms, split into reads and writes. */
export function dbMsPerRequest(s: ModelSettings): { reads: number; writes: number } {
  const miss = 1 - s.cacheHitRatio;
  const reads =
    TRAFFIC_MIX['GET /channels'] * sidebarDbMs(s.sidebarQueries) * miss +
    TRAFFIC_MIX['GET /inbox'] * nativeMs('inbox') * miss +
    TRAFFIC_MIX['GET /channels/:id/messages'] * nativeMs('history') * miss +
    // Search is not cached: every query is different.
    TRAFFIC_MIX['GET /search'] * nativeMs('search');
  const writes =
    TRAFFIC_MIX['GET /channels/:id/messages'] * nativeMs('markRead') +
    TRAFFIC_MIX['POST /messages'] * nativeMs('send');
  return { reads, writes };
}

/** Database ms per second per connected user: requests plus presence heartbeats. */
export function dbMsPerUserPerS(s: ModelSettings): { reads: number; writes: number } {
  const r = dbMsPerRequest(s);
  return {
    reads: REQUESTS_PER_USER_PER_S * r.reads,
    writes:
      REQUESTS_PER_USER_PER_S * r.writes + PRESENCE_WRITES_PER_USER_PER_S * nativeMs('markRead'),
  };
}

export type TierId = 'primary' | 'writes' | 'app';

export interface TierLoad {
  id: TierId;
  label: string;
  /** Busy fraction of one machine at `users` (may exceed 1: the tier is past saturation). */
  utilization: number;
}

export const TIER_LABELS: Readonly<Record<TierId, string>> = {
  primary: 'Postgres primary, reads + writes',
  writes: 'Postgres primary, writes alone',
  app: 'One app server',
};

/** Utilization of one machine per user, per tier. */
export function utilizationPerUser(s: ModelSettings): Record<TierId, number> {
  const db = dbMsPerUserPerS(s);
  const capacityMsPerS = s.primaryVcpus * 1000;
  return {
    primary: (db.reads + db.writes) / capacityMsPerS,
    // What is left on the primary when every read goes to replicas or a cache.
    writes: db.writes / capacityMsPerS,
    app: REQUESTS_PER_USER_PER_S / APP_REQUESTS_PER_S,
  };
}

export function tierLoads(s: ModelSettings, users: number): TierLoad[] {
  const perUser = utilizationPerUser(s);
  return (Object.keys(TIER_LABELS) as TierId[]).map((id) => ({
    id,
    label: TIER_LABELS[id],
    utilization: perUser[id] * users,
  }));
}

/** Users at which each tier reaches `utilization` of one machine (1 = saturation). */
export function crossingUsers(s: ModelSettings, utilization = 1): Record<TierId, number> {
  const perUser = utilizationPerUser(s);
  return {
    primary: utilization / perUser.primary,
    writes: utilization / perUser.writes,
    app: utilization / perUser.app,
  };
}

/** The tier that saturates first (fewest users), and where. */
export function firstBottleneck(s: ModelSettings): { tier: TierId; users: number } {
  const c = crossingUsers(s);
  // `writes` is part of `primary`, so it can never come first; compare primary and app.
  return c.primary <= c.app ? { tier: 'primary', users: c.primary } : { tier: 'app', users: c.app };
}

export function formatCount(value: number): string {
  // Round first so 999,999.99 (floating-point products) prints as 1M, not 1000K.
  const n = Math.round(value);
  if (n >= 1e6) return `${+(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}K`;
  return `${Math.round(n)}`;
}

/** Mean channels per user in the lab, for labels ("18.4 queries at the lab's 8.7 channels"). */
export { LAB_MEAN_CHANNELS };
