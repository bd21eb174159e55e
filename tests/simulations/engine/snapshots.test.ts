import { describe, expect, it } from 'vitest';
import { deterministicArrivals } from '@/simulations/engine/arrivals';
import { Deterministic } from '@/simulations/engine/distributions';
import { rngStream } from '@/simulations/engine/rng';
import { Simulation } from '@/simulations/engine/simulation';
import { Snapshotter, stationColumns } from '@/simulations/engine/snapshots';
import { Station } from '@/simulations/engine/station';

function dd1(maxPoints: number, intervalS: number) {
  const sim = new Simulation();
  const station = new Station(sim, {
    servers: 1,
    service: new Deterministic(0.5),
    rng: rngStream(1, 's'),
  });
  deterministicArrivals(sim, 1, { sink: station, rng: rngStream(1, 'a') });
  const snaps = new Snapshotter(sim, { intervalS, columns: stationColumns(station), maxPoints });
  return { sim, station, snaps };
}

describe('Snapshotter', () => {
  it('should record exact per-interval time averages and rates', () => {
    // D/D/1: one arrival per second, 0.5 s service: utilization 0.5 and throughput 1/s in every 10 s
    // interval after the first (which holds 9 services: the arrival at t = 10 follows the snapshot
    // at t = 10, scheduled earlier).
    const { sim, snaps } = dd1(1024, 10);
    sim.runUntil(1000);
    const data = snaps.toJSON();
    expect(data.times).toHaveLength(100);
    expect(data.columns.utilization[0]).toBeCloseTo(0.45, 12);
    for (const u of data.columns.utilization.slice(1)) expect(u).toBeCloseTo(0.5, 12);
    for (const x of data.columns.throughput.slice(1)) expect(x).toBeCloseTo(1, 12);
    for (const l of data.columns.meanInSystem.slice(1)) expect(l).toBeCloseTo(0.5, 12);
  });

  it('should keep memory bounded by doubling the interval, keeping rows evenly spaced', () => {
    const { sim, snaps } = dd1(16, 1);
    sim.runUntil(1000);
    expect(snaps.length).toBeLessThanOrEqual(16);
    expect(snaps.length).toBeGreaterThanOrEqual(8);
    expect(snaps.intervalS).toBe(64);
    const t = snaps.timesS();
    for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBe(64);
    // Merged averages stay exact (the first row also holds the short first second).
    for (const u of snaps.column('utilization').slice(1)) expect(u).toBeCloseTo(0.5, 12);
    // Levels keep the later row: the cumulative count at each row's time (the arrival due at the
    // same instant comes after the snapshot, which was scheduled first).
    const arrived = snaps.column('arrived');
    t.forEach((time, i) => expect(arrived[i]).toBe(time - 1));
  });
});
