import { FifoTimers } from '../engine/fifoTimers';
import type { RequestPool } from '../engine/requestPool';
import type { Rng } from '../engine/rng';
import type { Simulation } from '../engine/simulation';
import type { CallSpec, Scenario, TierSpec } from '../scenario/schema';
import { CacheShard } from './cacheShard';
import type { Keyspace } from './keyspace';
import type { XStateClockLike } from '../engine/xstateClock';
import { createBreaker, TokenBucket, type Breaker } from './policies';
import { ServerNode, type NodeHost } from './serverNode';
import type { TierSizing } from './sizing';

export const K_OTHER = 0;
export const K_CACHE = 1;
export const K_REPLICA = 2;
export const K_DB = 3;
export const K_CDN = 4;
export const K_APP = 5;
export const K_SERVICE = 6;
export const KIND_CODE: Record<string, number> = {
  cache: K_CACHE,
  replica: K_REPLICA,
  db: K_DB,
  cdn: K_CDN,
  app: K_APP,
  service: K_SERVICE,
  gateway: K_SERVICE,
};
export const P_RR = 0;
export const P_RANDOM = 1;
export const P_LEAST = 2;
export const P_P2C = 3;
export const POLICY_CODE = {
  'round-robin': P_RR,
  random: P_RANDOM,
  'least-connections': P_LEAST,
  'power-of-two': P_P2C,
};

/** One step of a node's call plan, compiled. */
export interface CallStep {
  to: number;
  fanout: number;
  async: boolean;
  optional: boolean;
  timers: FifoTimers | null;
  breaker: Breaker | null;
}

/** A tier at run time: its simulated instances and compiled behaviour. */
export interface TierRuntime {
  index: number;
  spec: TierSpec;
  sizing: TierSizing;
  kind: number;
  first: number;
  count: number;
  policy: number;
  sticky: boolean;
  rr: number;
  netS: number;
  /** plan[cls] = steps. */
  plan: CallStep[][];
  buckets: TokenBucket[] | null;
  caches: CacheShard[] | null;
  coalesce: boolean;
  lagS: number;
  baseLagS: number;
  readYourWrites: boolean;
  primary: number;
  hitRatio: number;
  inProcessSessions: boolean;
  baseWorkers: number;
}

export interface BuildContext {
  sim: Simulation;
  pool: RequestPool;
  host: NodeHost;
  keys: Keyspace;
  scenario: Scenario;
  sizing: readonly TierSizing[];
  endpoints: readonly { name: string; write: boolean }[];
  streams: (name: string) => Rng;
  /** Called when a step's caller-side timeout expires for frame f. */
  stepTimeout: (f: number) => void;
  /** The run's XState clock (breakers' open-state waits run on it). */
  clock: XStateClockLike;
}

/**
 * Instantiates a scenario's tiers at their sampled sizes: the server nodes, per-instance token
 * buckets and cache shards, and each tier's call plan compiled per request class (calls filtered
 * by read/write, timeouts as FIFO timers, breakers).
 */
export function buildTiers(ctx: BuildContext): {
  nodes: ServerNode[];
  tiers: TierRuntime[];
  nodeTier: Int32Array;
} {
  const { sim, pool, host, keys, scenario, sizing, endpoints, streams, stepTimeout, clock } = ctx;
  const nodes: ServerNode[] = [];
  const tiers: TierRuntime[] = [];
  const ids = scenario.tiers.map((t) => t.id);
  const nodeTier: number[] = [];
  scenario.tiers.forEach((spec, t) => {
    const size = sizing[t];
    const serviceMeanS = new Float64Array(endpoints.length);
    endpoints.forEach((e, c) => {
      serviceMeanS[c] =
        ((spec.serviceMs[e.name] ?? spec.serviceMs.default) / 1000) * size.serviceScale;
    });
    const first = nodes.length;
    for (let i = 0; i < size.simCount; i++) {
      const index = nodes.length;
      nodes.push(
        new ServerNode(sim, pool, host, {
          index,
          workers: size.workers,
          serviceMeanS,
          service: spec.service,
          rng: streams(`node:${spec.id}:${i}`),
          queueCapacity:
            spec.queue.capacity === undefined
              ? undefined
              : Math.max(1, Math.round(spec.queue.capacity * size.capacityScale)),
          queueTimeoutS: spec.queue.timeoutS,
          lifo: spec.queue.lifo,
          dropIfClientGone: spec.queue.dropIfClientGone,
          holdWorker: spec.holdWorker,
        }),
      );
      nodeTier.push(t);
    }
    const cache = spec.cache;
    const lag = spec.replica?.lagS ?? 0;
    tiers.push({
      index: t,
      spec,
      sizing: size,
      kind: KIND_CODE[spec.kind] ?? K_OTHER,
      first,
      count: size.simCount,
      policy: POLICY_CODE[spec.balancing.policy],
      sticky: spec.balancing.sticky,
      rr: 0,
      netS: spec.netMs / 1000,
      plan: [],
      buckets: spec.rateLimit
        ? Array.from(
            { length: size.simCount },
            () =>
              new TokenBucket(
                spec.rateLimit!.ratePerS * size.capacityScale,
                spec.rateLimit!.burst,
                sim.now,
              ),
          )
        : null,
      caches: cache
        ? Array.from(
            { length: size.simCount },
            () =>
              new CacheShard(
                keys.perShard,
                Math.max(1, Math.round(cache.capacity * size.capacityScale)),
                cache.ttlS,
              ),
          )
        : null,
      coalesce: cache?.coalesce ?? false,
      lagS: lag,
      baseLagS: lag,
      readYourWrites: spec.replica?.readYourWrites ?? false,
      primary: spec.replica?.primary ? ids.indexOf(spec.replica.primary) : -1,
      hitRatio: spec.cdn?.hitRatio ?? 0,
      inProcessSessions: spec.sessions === 'in-process',
      baseWorkers: size.workers,
    });
  });

  // Compile call plans per endpoint class.
  for (const tier of tiers) {
    const compiled = new Map<CallSpec, CallStep>();
    const step = (c: CallSpec): CallStep => {
      let s = compiled.get(c);
      if (!s) {
        s = {
          to: ids.indexOf(c.to),
          fanout: c.fanout,
          async: c.async,
          optional: c.optional,
          timers: c.timeoutS
            ? new FifoTimers(
                sim,
                c.timeoutS,
                (f) => pool.epoch[f],
                (f) => stepTimeout(f),
              )
            : null,
          breaker: c.breaker ? createBreaker(c.breaker, clock) : null,
        };
        compiled.set(c, s);
      }
      return s;
    };
    tier.plan = endpoints.map((e) => {
      const calls = tier.spec.calls[e.name] ?? tier.spec.calls['*'] ?? [];
      return calls.filter((c) => c.when === 'always' || (c.when === 'write') === e.write).map(step);
    });
  }
  return { nodes, tiers, nodeTier: Int32Array.from(nodeTier) };
}
