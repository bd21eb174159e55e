/**
 * Lesson 1's checked challenge: find the fewest vCPUs (servers c of an M/M/c queue) that keep the
 * p99 database time per request under a target, checked by running the validated engine on fixed
 * seeds. Pure: the page passes the simulation worker, the tests the in-process API.
 */
import type { CheckResult } from '@/components/lesson/checkedChallenge';
import {
  DEFAULT_SETTINGS,
  dbMsPerRequest,
  REQUESTS_PER_USER_PER_S,
} from '@/components/charts/capacityModel';
import type { SimulationApi } from '@/simulations/api';

const perRequest = dbMsPerRequest(DEFAULT_SETTINGS);

export const SERVERS_CHALLENGE = {
  users: 30_000,
  /** 30,000 users × 0.1 requests/s. */
  arrivalRate: 30_000 * REQUESTS_PER_USER_PER_S,
  /** Lesson 1's mean database time per request (N+1 sidebar, no cache), ms: ~0.82. */
  meanServiceMs: perRequest.reads + perRequest.writes,
  targetP99Ms: 5,
  /** The primary the lesson starts with. */
  start: 2,
  maxServers: 16,
  /**
   * Three fixed seeds, 40,000 measured requests each after 4,000 discarded: at the loads that
   * decide the answer (ρ ≤ 0.82) the engine's p99 is within ~3% of Erlang C over such runs
   * (tests/components/challenges/serversCheck.test.ts), far inside the gap between the answers.
   */
  seeds: [1, 2, 3],
  customers: 40_000,
  warmup: 4_000,
} as const;

export interface ServersRun {
  servers: number;
  rho: number;
  /** Mean over the seeds of the engine's p99 time in system, ms; null when ρ ≥ 1. */
  p99Ms: number | null;
}

export function utilizationFor(servers: number): number {
  const { arrivalRate, meanServiceMs } = SERVERS_CHALLENGE;
  return (arrivalRate * meanServiceMs) / 1000 / servers;
}

export async function simulateServers(
  api: Pick<SimulationApi, 'runQueue'>,
  servers: number,
): Promise<ServersRun> {
  const rho = utilizationFor(servers);
  // An unstable queue grows without bound: there is no steady-state p99 to measure.
  if (rho >= 1) return { servers, rho, p99Ms: null };
  const { arrivalRate, meanServiceMs, seeds, customers, warmup } = SERVERS_CHALLENGE;
  const runs = await Promise.all(
    seeds.map((seed) =>
      api.runQueue({
        arrivalRate,
        serviceRate: 1000 / meanServiceMs,
        servers,
        service: 'exp',
        customers,
        warmup,
        seed,
      }),
    ),
  );
  const p99Ms = (1000 * runs.reduce((sum, r) => sum + r.p99Sojourn, 0)) / runs.length;
  return { servers, rho, p99Ms };
}

const describe = (r: ServersRun) =>
  r.p99Ms === null
    ? `with ${r.servers} vCPU the load is ${(100 * r.rho).toFixed(0)}% of capacity, so the queue grows without end`
    : `with ${r.servers} vCPU (${(100 * r.rho).toFixed(0)}% busy) the engine measured p99 = ${r.p99Ms.toFixed(1)} ms`;

/** Passes when `servers` meets the target and one vCPU fewer does not. */
export async function checkServers(
  api: Pick<SimulationApi, 'runQueue'>,
  servers: number,
): Promise<CheckResult> {
  const { maxServers, targetP99Ms } = SERVERS_CHALLENGE;
  if (!Number.isInteger(servers) || servers < 1 || servers > maxServers) {
    return { pass: false, message: `Pick a whole number of vCPUs from 1 to ${maxServers}.` };
  }
  const mine = await simulateServers(api, servers);
  if (mine.p99Ms === null || mine.p99Ms > targetP99Ms) {
    return { pass: false, message: `Over the ${targetP99Ms} ms target: ${describe(mine)}.` };
  }
  if (servers > 1) {
    const fewer = await simulateServers(api, servers - 1);
    if (fewer.p99Ms !== null && fewer.p99Ms <= targetP99Ms) {
      return {
        pass: false,
        message: `It meets the target, but so does one fewer: ${describe(fewer)}. Find the fewest.`,
      };
    }
    return {
      pass: true,
      message: `${describe(mine)}, under ${targetP99Ms} ms; ${describe(fewer)}.`.replace(/^w/, 'W'),
    };
  }
  return { pass: true, message: `${describe(mine)}.`.replace(/^w/, 'W') };
}
