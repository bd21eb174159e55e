import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicArrivals, poissonArrivals } from '@/simulations/engine/arrivals';
import { Deterministic, Exponential, LogNormal, Uniform } from '@/simulations/engine/distributions';
import { runQueue } from '@/simulations/engine/queueRun';
import { rngStream } from '@/simulations/engine/rng';
import { Simulation } from '@/simulations/engine/simulation';
import { Snapshotter, stationColumns } from '@/simulations/engine/snapshots';
import { Station } from '@/simulations/engine/station';
import { mm1kDropProbability } from '@/simulations/engine/theory';

describe('Station (deterministic cases, exact)', () => {
  it('should give every customer of an overloaded D/D/1 queue a wait of 0.5·n', () => {
    // Arrivals at t = 1, 2, 3, ...; service 1.5 s: customer n starts at 1 + 1.5n, waits 0.5n.
    const sim = new Simulation();
    const station = new Station(sim, {
      servers: 1,
      service: new Deterministic(1.5),
      rng: rngStream(1, 's'),
    });
    const n = 101;
    deterministicArrivals(sim, 1, { sink: station, rng: rngStream(1, 'a'), maxArrivals: n });
    sim.run();
    expect(station.completed).toBe(n);
    expect(station.waits.mean).toBeCloseTo((0.5 * (n - 1)) / 2, 10);
    expect(station.waits.max).toBeCloseTo(0.5 * (n - 1), 10);
    expect(station.sojourns.min).toBeCloseTo(1.5, 10);
    expect(sim.now).toBeCloseTo(1 + 1.5 * n, 10);
    // Busy from t = 1 to the end without a gap.
    expect(station.busyArea(sim.now)).toBeCloseTo(1.5 * n, 8);
  });

  it('should let c servers serve c simultaneous customers without waiting', () => {
    const sim = new Simulation();
    const station = new Station(sim, {
      servers: 3,
      service: new Deterministic(2),
      rng: rngStream(1, 's'),
    });
    for (let i = 0; i < 4; i++) station.arrive(i);
    expect(station.busy).toBe(3);
    expect(station.inQueue).toBe(1);
    sim.run();
    expect(station.waits.quantile(0.5)).toBe(0);
    expect(station.waits.max).toBe(2);
    expect(sim.now).toBe(4);
  });

  it('should drop arrivals beyond the capacity', () => {
    const sim = new Simulation();
    const station = new Station(sim, {
      servers: 1,
      capacity: 2,
      service: new Deterministic(1),
      rng: rngStream(1, 's'),
    });
    const dropped: number[] = [];
    station.onDrop = (id) => dropped.push(id);
    for (let i = 0; i < 5; i++) station.arrive(i);
    expect(dropped).toEqual([2, 3, 4]);
    sim.run();
    expect(station.completed).toBe(2);
  });

  it('should discard warm-up customers from the statistics', () => {
    const sim = new Simulation();
    const station = new Station(sim, {
      servers: 1,
      service: new Deterministic(1.5),
      rng: rngStream(1, 's'),
      warmupCustomers: 10,
    });
    deterministicArrivals(sim, 1, { sink: station, rng: rngStream(1, 'a'), maxArrivals: 20 });
    sim.run();
    expect(station.measuredCompleted).toBe(10);
    // Customers 10..19 wait 0.5·n.
    expect(station.waits.min).toBeCloseTo(5, 10);
    expect(station.measureStartS).toBe(11);
  });
});

describe('Station invariants (property-based)', () => {
  const scenario = fc.record({
    servers: fc.integer({ min: 1, max: 4 }),
    capacity: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    load: fc.double({ min: 0.05, max: 1.6, noNaN: true }),
    service: fc.constantFrom('exp', 'det', 'uniform', 'lognormal'),
    seed: fc.nat(),
    arrivals: fc.integer({ min: 1, max: 3000 }),
  });

  it('should conserve customers (arrived = completed + dropped + in system) at every snapshot and never yield NaN or negative times', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = new Simulation();
        const service =
          s.service === 'exp'
            ? new Exponential(1)
            : s.service === 'det'
              ? new Deterministic(1)
              : s.service === 'uniform'
                ? new Uniform(0.5, 1.5)
                : new LogNormal(-0.125, 0.5);
        const station = new Station(sim, {
          servers: s.servers,
          capacity: s.capacity,
          service,
          rng: rngStream(s.seed, 's'),
        });
        poissonArrivals(sim, s.load * s.servers, {
          sink: station,
          rng: rngStream(s.seed, 'a'),
          maxArrivals: s.arrivals,
        });
        const snaps = new Snapshotter(sim, {
          intervalS: 0.7,
          columns: stationColumns(station),
          maxPoints: 64,
        });
        let lastNow = 0;
        while (sim.pending > 1) {
          sim.step();
          expect(sim.now).toBeGreaterThanOrEqual(lastNow);
          lastNow = sim.now;
        }
        const d = snaps.toJSON().columns;
        for (let i = 0; i < d.arrived.length; i++) {
          expect(d.arrived[i]).toBe(d.completed[i] + d.dropped[i] + d.inSystem[i]);
          expect(d.inQueue[i]).toBeLessThanOrEqual(d.inSystem[i]);
          expect(d.inSystem[i] - d.inQueue[i]).toBeLessThanOrEqual(s.servers);
          if (s.capacity !== undefined) expect(d.inSystem[i]).toBeLessThanOrEqual(s.capacity);
          expect(d.utilization[i]).toBeGreaterThanOrEqual(0);
          expect(d.utilization[i]).toBeLessThanOrEqual(1 + 1e-9);
        }
        expect(station.arrived).toBe(station.completed + station.dropped + station.inSystem);
        expect(station.completed + station.dropped).toBe(s.arrivals);
        for (const h of [station.waits, station.sojourns]) {
          if (h.count === 0) continue;
          expect(h.min).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(h.mean)).toBe(true);
          expect(h.quantile(0.99)).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isFinite(station.utilization(sim.now))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('should be deterministic per seed', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.double({ min: 0.1, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        (seed, rho, c) => {
          const params = {
            arrivalRate: rho * c,
            serviceRate: 1,
            servers: c,
            service: 'exp' as const,
            customers: 2000,
            warmup: 100,
            seed,
            includeSeries: true,
          };
          expect(runQueue(params)).toEqual(runQueue(params));
        },
      ),
      { numRuns: 20 },
    );
    const base = {
      arrivalRate: 0.5,
      serviceRate: 1,
      servers: 1,
      service: 'exp' as const,
      customers: 2000,
      warmup: 100,
    };
    expect(runQueue({ ...base, seed: 1 }).meanSojourn).not.toBe(
      runQueue({ ...base, seed: 2 }).meanSojourn,
    );
  });
});

describe('Station with finite capacity (M/M/1/K)', () => {
  it('should drop the fraction of arrivals the M/M/1/K formula predicts', () => {
    const lambda = 1;
    const mu = 1.25;
    const capacity = 5;
    const r = runQueue({
      arrivalRate: lambda,
      serviceRate: mu,
      servers: 1,
      service: 'exp',
      customers: 400_000,
      warmup: 1000,
      seed: 3,
      capacity,
    });
    const expected = mm1kDropProbability(lambda, mu, capacity);
    // ~36k drops; 5% relative is > 5 standard errors even allowing 3× variance inflation from correlation.
    expect(Math.abs(r.dropRate / expected - 1)).toBeLessThan(0.05);
  });
});
