import { RequestPool } from '../engine/requestPool';
import { rngStream } from '../engine/rng';
import { Simulation } from '../engine/simulation';
import { Clients } from '../model/client';
import { costOf, hiddenCosts, type CostBreakdown, type HiddenCosts } from '../model/cost';
import { Counters } from '../model/counters';
import { FailureInjector } from '../model/failures';
import { RequestFlow } from '../model/flow';
import { Keyspace } from '../model/keyspace';
import { createBreaker } from '../model/policies';
import { XStateClock } from '../engine/xstateClock';
import { HealthController } from '../machines/controllers/healthController';
import type { NodeHealthMode } from '../machines/nodeHealthMachine';
import { Recorder, type SeriesRow } from '../model/recorder';
import { sizeTopology, type Sizing } from '../model/sizing';
import { FailureSchema, type FailureSpec, type Scenario } from './schema';

/** Endpoint name of static assets (added to the mix when `staticShare` > 0). */
export const STATIC_ENDPOINT = 'GET /static';

export interface TopologyRunOptions {
  seed?: number;
  /** Concurrent users (default: the scenario's). */
  users?: number;
  /** Force the sampling divisor S (1 = simulate everything); default: chosen from the budget. */
  divisor?: number;
}

/** Live changes; each field is optional. */
export interface TopologyPatch {
  users?: number;
  /** Workers per instance of a tier, by tier id. */
  workers?: Record<string, number>;
  /** Replication lag of a replica tier (s), by tier id. */
  lagS?: Record<string, number>;
}

export interface NodeSummary {
  id: string;
  kind: string;
  /** Time-average busy share of the tier's workers. */
  utilization: number;
  /** Instances of the real system and of the simulation; exact = sampled by symmetry. */
  instances: number;
  simulated: number;
  exact: boolean;
  workers: number;
  /** Workers per simulated instance (differs from `workers` on a scaled tier). */
  simulatedWorkers: number;
  /** From the tier's health controller; 'crashed' while an injected crash lasts. */
  mode: NodeHealthMode;
  queued: number;
  hitRatio?: number;
  /** Cache misses that waited for another request's fill (request coalescing). */
  coalesced?: number;
  lagS?: number;
}

export interface TopologySummary {
  scenario: string;
  users: number;
  /** Simulated seconds so far. */
  duration: number;
  seed: number;
  /** Full-system counts (simulated counts × divisor): arrivals = completed + failed + inFlight. */
  arrivals: number;
  completed: number;
  failed: number;
  inFlight: number;
  /** Per second, full system: attempt responses / successes before the client's timeout. */
  throughput: number;
  goodput: number;
  /** Latency of successful requests (s). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errorRate: number;
  meetsSlo: boolean;
  costPerMonth: number;
  cost: CostBreakdown;
  hiddenCosts: HiddenCosts;
  nodes: NodeSummary[];
  sampling: { divisor: number; simulatedRatePerS: number };
  counts: Record<string, number>;
  breakers: { where: string; state: string; opened: number }[];
  events: number;
}

export interface TopologyRun {
  readonly scenario: Scenario;
  readonly sizing: Sizing;
  /** Simulated time (s). */
  readonly now: number;
  /** Runs the simulation up to simulated time tS (>= now). */
  advanceTo(tS: number): void;
  /** Per-second rows from absolute index i on; rows once emitted never change. */
  rowsSince(i: number): { from: number; rows: SeriesRow[] };
  patch(p: TopologyPatch): void;
  /** Schedules a failure (validated; one whose start is in the past starts now). */
  inject(failure: unknown): void;
  summary(): TopologySummary;
}

/**
 * Builds a run of a topology scenario: the request flow over sampled tiers (simulations/model),
 * the load generator, failure injection and per-second recording, all on one Simulation.
 */
export function createTopologyRun(
  scenario: Scenario,
  options: TopologyRunOptions = {},
): TopologyRun {
  const seed = options.seed ?? scenario.seed;
  const users = options.users ?? scenario.users;
  if (!(Number.isInteger(users) && users >= 1))
    throw new RangeError(`users must be an integer >= 1`);
  const sizing = sizeTopology(scenario, users, options.divisor);
  const S = sizing.divisor;
  const sim = new Simulation();
  const pool = new RequestPool(4096);
  const counters = new Counters();
  const streams = (name: string) => rngStream(seed, name);
  const clock = new XStateClock(sim);

  const endpoints = scenario.load.endpoints.map((e) => ({ name: e.name, write: e.write }));
  const apiWeight = 1 - scenario.load.staticShare;
  const total = scenario.load.endpoints.reduce((a, e) => a + e.weight, 0);
  const weights = scenario.load.endpoints.map((e) => (e.weight / total) * apiWeight);
  let staticClass = -1;
  if (scenario.load.staticShare > 0) {
    staticClass = endpoints.length;
    endpoints.push({ name: STATIC_ENDPOINT, write: false });
    weights.push(scenario.load.staticShare);
  }
  if (endpoints.length > 255) throw new RangeError('at most 255 endpoints');

  const cacheTier = scenario.tiers.findIndex((t) => t.kind === 'cache');
  const shards = cacheTier >= 0 ? sizing.tiers[cacheTier].simCount : 1;
  const fullShards = cacheTier >= 0 ? sizing.tiers[cacheTier].fullCount : 1;
  const keys = new Keyspace(
    shards,
    scenario.load.keys.count / fullShards,
    scenario.load.keys.zipf,
    Math.max(1, Math.round(users / S)),
  );
  const flow = new RequestFlow(
    sim,
    pool,
    streams('routing'),
    counters,
    keys,
    scenario,
    sizing.tiers,
    endpoints,
    streams,
    clock,
  );
  const recorder = new Recorder(sim, counters, S);
  const tierIndex = (id: string) => scenario.tiers.findIndex((t) => t.id === id);
  const clientBreaker = scenario.load.client.breaker
    ? createBreaker(scenario.load.client.breaker, clock)
    : null;
  const clients = new Clients(sim, pool, flow, keys, counters, recorder, streams('clients'), {
    ratePerS: sizing.rootRatePerS / S,
    weights,
    writes: endpoints.map((e) => e.write),
    staticClass,
    cdnTier: scenario.tiers.findIndex((t) => t.kind === 'cdn'),
    entryTier: tierIndex(scenario.entry),
    timeoutS: scenario.load.client.timeoutS,
    retry: scenario.load.client.retry,
    breaker: clientBreaker,
  });
  flow.client = clients;
  // Health checks: once per simulated second each tier's utilization over that second goes to its
  // XState-backed health controller (overloaded at >= 90%, healthy again at <= 80%).
  const health = flow.tiers.map(() => new HealthController({ clock }));
  const lastBusy = new Float64Array(flow.tiers.length);
  const lastLimit = new Float64Array(flow.tiers.length);
  const healthTarget = sim.register({
    onEvent() {
      flow.tiers.forEach((tier, t) => {
        let busy = 0;
        let limit = 0;
        for (let i = tier.first; i < tier.first + tier.count; i++) {
          busy += flow.nodes[i].busyArea(sim.now);
          limit += flow.nodes[i].limitArea(sim.now);
        }
        const span = limit - lastLimit[t];
        health[t].observe(span > 0 ? (busy - lastBusy[t]) / span : 0);
        lastBusy[t] = busy;
        lastLimit[t] = limit;
      });
      sim.schedule(1, healthTarget, 0);
    },
  });
  sim.schedule(1, healthTarget, 0);
  const failures = new FailureInjector(sim, flow);
  scenario.failures.forEach((f) => failures.add(f));
  let currentUsers = users;

  const summary = (): TopologySummary => {
    const now = sim.now;
    const c = counters;
    const q = (p: number) => (recorder.all.count > 0 ? recorder.all.quantile(p) : null);
    const finished = c.completed + c.failed;
    const errorRate = finished > 0 ? c.failed / finished : 0;
    const p99 = q(0.99);
    const nodes = flow.tiers.map((tier): NodeSummary => {
      let busy = 0;
      let limit = 0;
      let queued = 0;
      let crashed = 0;
      for (let i = tier.first; i < tier.first + tier.count; i++) {
        const n = flow.nodes[i];
        busy += n.busyArea(now);
        limit += n.limitArea(now);
        queued += n.inQueue;
        if (n.crashed) crashed++;
      }
      const utilization = limit > 0 ? busy / limit : 0;
      const caches = tier.caches;
      const hits = caches?.reduce((a, s) => a + s.hits, 0) ?? 0;
      const misses = caches?.reduce((a, s) => a + s.misses, 0) ?? 0;
      return {
        id: tier.spec.id,
        kind: tier.spec.kind,
        utilization: Math.round(utilization * 1e4) / 1e4,
        instances: tier.sizing.fullCount,
        simulated: tier.count,
        exact: tier.sizing.exact,
        // Real workers per instance: the configured count, scaled by any live change to the sample.
        workers: Math.round(
          (tier.spec.workers * flow.nodes[tier.first].workers) / tier.sizing.workers,
        ),
        simulatedWorkers: flow.nodes[tier.first].workers,
        mode: crashed > 0 ? 'crashed' : health[tier.index].state,
        queued: queued * S,
        ...(caches
          ? {
              hitRatio: hits + misses > 0 ? hits / (hits + misses) : 0,
              coalesced: caches.reduce((a, s) => a + s.coalesced, 0) * S,
            }
          : {}),
        ...(tier.kind === 2 ? { lagS: tier.lagS } : {}),
      };
    });
    const staticPerS = staticClass >= 0 ? sizing.rootRatePerS * scenario.load.staticShare : 0;
    const cost = costOf(scenario, sizing.tiers, staticPerS);
    const breakers: TopologySummary['breakers'] = [];
    if (clientBreaker)
      breakers.push({ where: 'client', state: clientBreaker.state, opened: clientBreaker.opened });
    flow.tiers.forEach((t) =>
      t.plan.forEach((steps) =>
        steps.forEach((s) => {
          if (s.breaker !== null) {
            const where = `${t.spec.id}->${scenario.tiers[s.to].id}`;
            if (!breakers.some((b) => b.where === where))
              breakers.push({ where, state: s.breaker.state, opened: s.breaker.opened });
          }
        }),
      ),
    );
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(c)) counts[k] = v * S;
    counts.retriesRefusedByBudget = clients.retriesRefused * S;
    return {
      scenario: scenario.name,
      users: currentUsers,
      duration: now,
      seed,
      arrivals: c.arrivals * S,
      completed: c.completed * S,
      failed: c.failed * S,
      inFlight: (c.arrivals - c.completed - c.failed) * S,
      throughput: now > 0 ? (c.responses * S) / now : 0,
      goodput: now > 0 ? (c.completed * S) / now : 0,
      p50: q(0.5),
      p95: q(0.95),
      p99,
      errorRate,
      meetsSlo:
        p99 !== null && p99 < scenario.slo.p99Ms / 1000 && errorRate < scenario.slo.errorRate,
      costPerMonth: cost.total,
      cost,
      hiddenCosts: hiddenCosts(scenario, c, S),
      nodes,
      sampling: { divisor: S, simulatedRatePerS: clients.ratePerS },
      counts,
      breakers,
      events: sim.events,
    };
  };

  return {
    scenario,
    sizing,
    get now() {
      return sim.now;
    },
    advanceTo(tS: number) {
      if (!(tS >= sim.now && tS < Infinity))
        throw new RangeError(`advanceTo: ${tS} is before now (${sim.now})`);
      sim.runUntil(tS);
    },
    rowsSince: (i) => recorder.rowsSince(i),
    patch(p: TopologyPatch) {
      if (p.users !== undefined) {
        if (!(Number.isInteger(p.users) && p.users >= 1))
          throw new RangeError('users must be >= 1');
        currentUsers = p.users;
        clients.setRate(p.users / scenario.load.requestIntervalS / S);
      }
      for (const [id, w] of Object.entries(p.workers ?? {})) {
        const tier = flow.tiers[tierIndex(id)];
        if (!tier || !(Number.isInteger(w) && w >= 0))
          throw new RangeError(`workers.${id}: bad tier or count`);
        tier.baseWorkers = w;
        for (let i = tier.first; i < tier.first + tier.count; i++) flow.nodes[i].setWorkers(w);
      }
      for (const [id, lag] of Object.entries(p.lagS ?? {})) {
        const tier = flow.tiers[tierIndex(id)];
        if (!tier || !(lag >= 0)) throw new RangeError(`lagS.${id}: bad tier or lag`);
        tier.lagS = lag;
        tier.baseLagS = lag;
      }
    },
    inject(failure: unknown) {
      const parsed = FailureSchema.parse(failure) as FailureSpec;
      if (tierIndex(parsed.target) < 0 || (parsed.peer !== undefined && tierIndex(parsed.peer) < 0))
        throw new RangeError(`inject: unknown tier`);
      failures.add(parsed);
    },
    summary,
  };
}
