/** Building blocks for the validation cases: one long run with batch means, or replications. */
import { ClosedLoopUsers, ThinningArrivals } from '../engine/arrivals';
import { Exponential } from '../engine/distributions';
import { spikeRate } from '../engine/profiles';
import { runQueue, type QueueRunResult } from '../engine/queueRun';
import { rngStream } from '../engine/rng';
import { Simulation } from '../engine/simulation';
import { Station, type Sink } from '../engine/station';
import { tInterval, type ConfidenceInterval } from '../engine/stats';
import type { ValidationCase, ValidationCaseInfo } from './types';

export const count = (n: number) => n.toLocaleString('en-US');
export const scaled = (n: number, scale: number) => Math.max(2_000, Math.round(n * scale));
/** Warm-up: ≫ the relaxation time 1/(1−√ρ)² ≈ 380 service times at ρ = 0.9 (reference-numbers.md). */
export const WARMUP = 20_000;
export const REPLICATIONS = 8;

export const KLEINROCK = 'Kleinrock, Queueing Systems vol. 1 (1975)';

export function queueRun(
  lambda: number,
  c: number,
  service: 'exp' | 'det',
  customers: number,
  seed: number,
  capacity?: number,
) {
  return runQueue({
    arrivalRate: lambda,
    serviceRate: 1,
    servers: c,
    service,
    customers,
    warmup: WARMUP,
    seed,
    capacity,
  });
}

/** A mean with a batch-means interval from one long run. */
export function batchCase(
  info: Omit<ValidationCaseInfo, 'method' | 'work'>,
  model: { lambda: number; c: number; service: 'exp' | 'det'; customers: number },
  pick: (r: QueueRunResult) => ConfidenceInterval,
): ValidationCase {
  return {
    ...info,
    method: 'batch means',
    work: `${count(model.customers)} customers`,
    run(seed, scale) {
      const r = queueRun(
        model.lambda,
        model.c,
        model.service,
        scaled(model.customers, scale),
        seed,
      );
      return { ci: pick(r), events: r.events };
    },
  };
}

/** Any statistic over independent replications (distinct seeds). */
export function replicated(
  info: Omit<ValidationCaseInfo, 'method' | 'work'>,
  perReplication: number,
  unit: string,
  one: (seed: number, size: number) => { value: number; events: number },
): ValidationCase {
  return {
    ...info,
    method: 'replications',
    work: `${REPLICATIONS} × ${count(perReplication)} ${unit}`,
    run(seed, scale) {
      let events = 0;
      const values: number[] = [];
      for (let k = 0; k < REPLICATIONS; k++) {
        const r = one(seed * 1000 + k, scaled(perReplication, scale));
        values.push(r.value);
        events += r.events;
      }
      return { ci: tInterval(values), events };
    },
  };
}

export function closedLoopResponse(seed: number, horizonS: number) {
  const sim = new Simulation();
  const station = new Station(sim, {
    servers: 1,
    service: new Exponential(1),
    rng: rngStream(seed, 'server'),
    warmupCustomers: 2000,
  });
  const users = new ClosedLoopUsers(sim, {
    users: 10,
    think: new Exponential(1 / 5),
    rng: rngStream(seed, 'users'),
    sink: station,
  });
  station.onDepart = users.complete;
  sim.runUntil(horizonS);
  return { ci: station.sojournBatches.interval(), events: sim.events };
}

export function spikeArrivals(seed: number, basePerS: number) {
  const sim = new Simulation();
  let inSpike = 0;
  const sink: Sink = { arrive: () => void (sim.now >= 20 && sim.now < 30 && inSpike++) };
  new ThinningArrivals(sim, {
    profile: spikeRate(basePerS, 10 * basePerS, 20, 10),
    sink,
    rng: rngStream(seed, 'nhpp'),
    untilS: 60,
  });
  sim.run();
  return { value: inSpike, events: sim.events };
}
