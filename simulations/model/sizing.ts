import type { Scenario, TierSpec } from '../scenario/schema';

/**
 * How many instances each tier has at a given number of users, and how many of them a run
 * simulates.
 *
 * Exact symmetry (DESIGN.md §2, "Scale"): N identical instances of a tier behind a balancer that
 * spreads requests independently each see a thinned copy of the tier's arrival process. Simulating
 * the whole system at 1/S of its client traffic, with N/S instances of every tier, therefore gives
 * every simulated instance exactly the load of a real one, and all per-request statistics
 * (latency percentiles, error rate, hit ratio) are those of the full system. Counts (arrivals,
 * completions) are multiplied back by S. This is exact when S divides N for every tier.
 *
 * A tier whose count S does not divide (a single primary database) is *scaled* instead: it keeps
 * max(1, round(N/S)) instances whose workers and service times are adjusted so that its total
 * capacity is exactly 1/S of the real one. That preserves its utilization and whether it is
 * overloaded, but an M/M/(c/S) queue waits longer than an M/M/c at the same utilization, so
 * latency at such a tier is pessimistic near saturation. Each node reports which case it is.
 */
export interface TierSizing {
  id: string;
  /** Instances of the real system. */
  fullCount: number;
  /** Instances simulated. */
  simCount: number;
  /** True when fullCount is a multiple of the sampling divisor. */
  exact: boolean;
  /** Workers per simulated instance. */
  workers: number;
  /** Multiplies service times so simulated capacity is exactly 1/S of the real one. */
  serviceScale: number;
  /** Multiplies per-instance capacities (cache entries, rate limits) for the same reason. */
  capacityScale: number;
}

export interface Sizing {
  users: number;
  /** Sampling divisor S: the run simulates 1/S of the client traffic. */
  divisor: number;
  /** Client requests per second of the real system. */
  rootRatePerS: number;
  tiers: TierSizing[];
}

export function fullCount(tier: TierSpec, users: number): number {
  const c = tier.count;
  if (typeof c === 'number') return c;
  const n = Math.max(c.min, Math.ceil(users / c.usersPerInstance));
  return c.max === undefined ? n : Math.min(c.max, n);
}

/**
 * The smallest divisor in [S0, 2·S0) that divides the most tier counts, where S0 keeps the
 * simulated client rate under `maxRootRatePerS`.
 */
export function chooseDivisor(
  counts: readonly number[],
  rootRate: number,
  maxRate: number,
): number {
  const s0 = Math.max(1, Math.ceil(rootRate / maxRate));
  if (s0 === 1) return 1;
  let best = s0;
  let bestScore = -1;
  for (let s = s0; s < 2 * s0; s++) {
    let score = 0;
    for (const n of counts) if (n % s === 0) score++;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

export function sizeTopology(scenario: Scenario, users: number, divisor?: number): Sizing {
  const rootRatePerS = users / scenario.load.requestIntervalS;
  const counts = scenario.tiers.map((t) => fullCount(t, users));
  const s = divisor ?? chooseDivisor(counts, rootRatePerS, scenario.sampling.maxRootRatePerS);
  if (!(Number.isInteger(s) && s >= 1)) throw new RangeError(`divisor must be >= 1, got ${s}`);
  const tiers = scenario.tiers.map((t, i): TierSizing => {
    const n = counts[i];
    if (n % s === 0)
      return {
        id: t.id,
        fullCount: n,
        simCount: n / s,
        exact: true,
        workers: t.workers,
        serviceScale: 1,
        capacityScale: 1,
      };
    const simCount = Math.max(1, Math.round(n / s));
    const totalWorkers = (n * t.workers) / s;
    const workers = Math.max(1, Math.round(totalWorkers / simCount));
    return {
      id: t.id,
      fullCount: n,
      simCount,
      exact: false,
      workers,
      serviceScale: (workers * simCount) / totalWorkers,
      capacityScale: n / (s * simCount),
    };
  });
  return { users, divisor: s, rootRatePerS, tiers };
}
