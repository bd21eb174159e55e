import { describe, expect, it } from 'vitest';
import {
  ClosedLoopUsers,
  deterministicArrivals,
  poissonArrivals,
  ThinningArrivals,
} from '@/simulations/engine/arrivals';
import { Exponential } from '@/simulations/engine/distributions';
import {
  DiurnalRate,
  RampRate,
  spikeRate,
  stepRate,
  type RateProfile,
} from '@/simulations/engine/profiles';
import { rngStream } from '@/simulations/engine/rng';
import { Simulation } from '@/simulations/engine/simulation';
import { Station, type Sink } from '@/simulations/engine/station';
import { closedLoopMva } from '@/simulations/engine/theory';

/** A sink that records arrival times. */
function recorder(sim: Simulation): Sink & { times: number[] } {
  const times: number[] = [];
  return { times, arrive: () => times.push(sim.now) };
}

function countIn(times: number[], t0: number, t1: number): number {
  return times.filter((t) => t >= t0 && t < t1).length;
}

describe('open arrival processes', () => {
  it('should emit exactly one arrival per period for deterministic arrivals', () => {
    const sim = new Simulation();
    const sink = recorder(sim);
    deterministicArrivals(sim, 4, { sink, rng: rngStream(1, 'a'), untilS: 10 });
    sim.run();
    expect(sink.times).toHaveLength(39);
    expect(sink.times[0]).toBe(0.25);
  });

  it('should respect maxArrivals and untilS', () => {
    const sim = new Simulation();
    const sink = recorder(sim);
    poissonArrivals(sim, 100, { sink, rng: rngStream(1, 'a'), maxArrivals: 50 });
    sim.run();
    expect(sink.times).toHaveLength(50);
    const sim2 = new Simulation();
    const sink2 = recorder(sim2);
    poissonArrivals(sim2, 100, { sink: sink2, rng: rngStream(1, 'a'), untilS: 3 });
    sim2.run();
    expect(Math.max(...sink2.times)).toBeLessThan(3);
  });

  const profiles: [string, RateProfile, number][] = [
    ['step', stepRate(50, 200, 30), 60],
    ['ramp', new RampRate(10, 300, 10, 50), 60],
    ['spike (flash crowd)', spikeRate(20, 500, 20, 5), 60],
    ['spike from zero', spikeRate(0, 300, 10, 10), 40],
    ['diurnal', new DiurnalRate(100, 0.8, 40, 10), 80],
  ];

  it.each(profiles)(
    'should match ∫λ(t)dt in every window for a %s profile (thinning)',
    (_name, profile, horizon) => {
      const sim = new Simulation();
      const sink = recorder(sim);
      new ThinningArrivals(sim, { profile, sink, rng: rngStream(5, 'nhpp'), untilS: horizon });
      sim.run();
      const windows = 8;
      for (let w = 0; w < windows; w++) {
        const t0 = (w * horizon) / windows;
        const t1 = ((w + 1) * horizon) / windows;
        const expected = profile.integral(t0, t1);
        // Poisson counts: 5 standard deviations (√Λ), plus one for rounding near zero.
        expect(Math.abs(countIn(sink.times, t0, t1) - expected)).toBeLessThanOrEqual(
          5 * Math.sqrt(expected) + 1,
        );
      }
    },
  );

  it('should emit nothing where the rate is zero', () => {
    const sim = new Simulation();
    const sink = recorder(sim);
    new ThinningArrivals(sim, { profile: spikeRate(0, 300, 10, 10), sink, rng: rngStream(5, 'z') });
    sim.run();
    expect(sink.times.length).toBeGreaterThan(0);
    expect(sink.times.every((t) => t >= 10 && t < 20)).toBe(true);
  });
});

describe('closed-loop users', () => {
  it('should match exact mean value analysis for users with think time in front of one server', () => {
    const users = 10;
    const thinkMeanS = 5;
    const serviceMeanS = 1;
    const sim = new Simulation();
    const station = new Station(sim, {
      servers: 1,
      service: new Exponential(1 / serviceMeanS),
      rng: rngStream(9, 'server'),
      warmupCustomers: 2000,
    });
    const loop = new ClosedLoopUsers(sim, {
      users,
      think: new Exponential(1 / thinkMeanS),
      rng: rngStream(9, 'users'),
      sink: station,
    });
    station.onDepart = loop.complete;
    sim.runUntil(200_000);
    const mva = closedLoopMva(users, thinkMeanS, serviceMeanS);
    const ci = station.sojournBatches.interval();
    // Batch-means CI: the exact response time within 2 half-widths (≈ 4 standard errors), with a
    // half-width small enough (< 4%) for the check to mean something.
    expect(Math.abs(ci.mean - mva.responseTimeS)).toBeLessThanOrEqual(2 * ci.halfWidth);
    expect(ci.halfWidth / mva.responseTimeS).toBeLessThan(0.04);
    expect(Math.abs(station.utilization(sim.now) / mva.utilization - 1)).toBeLessThan(0.02);
    expect(loop.inFlight).toBe(station.inSystem);
  });
});
