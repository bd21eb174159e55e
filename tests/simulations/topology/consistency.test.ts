import { describe, expect, it } from 'vitest';
import { builtinScenario } from '@/simulations/scenario/builtin';
import { createTopologyRun } from '@/simulations/scenario/run';
import { tinyScenario } from './helpers';

const hitRatio = (users: number, duration = 20) => {
  const run = createTopologyRun(builtinScenario('monolith-cache'), { users });
  run.advanceTo(duration);
  return run.summary().nodes.find((n) => n.id === 'cache')!.hitRatio!;
};

describe('cache', () => {
  it('its hit ratio emerges from popularity and TTL, and grows with traffic', () => {
    const low = hitRatio(5_000);
    const high = hitRatio(100_000);
    expect(low).toBeGreaterThan(0.05);
    expect(high).toBeGreaterThan(low + 0.1);
    expect(high).toBeLessThan(1);
  });

  it('coalescing sends one fill per key to the database instead of a stampede', () => {
    const tiers = (coalesce: boolean) => [
      {
        id: 'app',
        kind: 'app' as const,
        workers: 64,
        serviceMs: { default: 0.5 },
        calls: { '*': [{ to: 'cache' }] },
      },
      {
        id: 'cache',
        kind: 'cache' as const,
        workers: 4,
        serviceMs: { default: 0.05 },
        cache: { capacity: 100, ttlS: 1, coalesce },
        calls: { '*': [{ to: 'db' }] },
      },
      { id: 'db', kind: 'db' as const, workers: 4, serviceMs: { default: 50 } },
    ];
    const load = {
      requestIntervalS: 1,
      endpoints: [{ name: 'read', weight: 1 }],
      keys: { count: 10, zipf: 1 },
      client: { timeoutS: 5 },
    };
    const go = (coalesce: boolean) => {
      const run = createTopologyRun(tinyScenario({ users: 2000, load, tiers: tiers(coalesce) }));
      run.advanceTo(5);
      return run.summary();
    };
    const stampede = go(false);
    const coalesced = go(true);
    const waited = (s: typeof stampede) => s.nodes.find((n) => n.id === 'cache')!.coalesced!;
    expect(waited(stampede)).toBe(0);
    expect(waited(coalesced)).toBeGreaterThan(100);
    const dbUtil = (s: typeof stampede) => s.nodes.find((n) => n.id === 'db')!.utilization;
    expect(dbUtil(coalesced)).toBeLessThan(dbUtil(stampede) * 0.5);
    expect(coalesced.p99!).toBeLessThan(stampede.p99!);
  });
});

describe('read replicas', () => {
  const run = (lagS: number, readYourWrites: boolean) => {
    const scenario = builtinScenario('read-replicas');
    const tiers = scenario.tiers.map((t) =>
      t.replica ? { ...t, replica: { ...t.replica, lagS, readYourWrites } } : t,
    );
    const r = createTopologyRun({ ...scenario, tiers }, { users: 100_000 });
    r.advanceTo(10);
    return r.summary();
  };

  it('stale reads appear with replication lag and grow with it', () => {
    expect(run(0, false).hiddenCosts.staleReads).toBe(0);
    const some = run(0.2, false).hiddenCosts.staleReads;
    expect(some).toBeGreaterThan(0);
    expect(run(2, false).hiddenCosts.staleReads).toBeGreaterThan(some * 1.5);
  });

  it('read-your-writes sends a writer’s reads to the primary during the lag', () => {
    const s = run(2, true);
    expect(s.counts.readYourWritesRedirects).toBeGreaterThan(0);
  });

  it('a replica lag spike shows up as stale reads while it lasts', () => {
    const r = createTopologyRun(builtinScenario('read-replicas'), { users: 100_000 });
    r.advanceTo(5);
    const before = r.summary().hiddenCosts.staleReads;
    r.inject({ kind: 'replica-lag', atS: 5, durationS: 5, target: 'replica', lagS: 5 });
    r.advanceTo(10);
    const during = r.summary().hiddenCosts.staleReads - before;
    expect(during).toBeGreaterThan(before * 3);
  });
});

describe('idempotency keys', () => {
  // A write that takes longer than the client's timeout is applied, the client retries, and the
  // retry applies it again unless the key lets the server replay the first result.
  const go = (idempotencyKeys: boolean) => {
    const run = createTopologyRun(
      tinyScenario({
        users: 50,
        load: {
          requestIntervalS: 1,
          endpoints: [{ name: 'write', weight: 1, write: true }],
          keys: { count: 100, zipf: 0 },
          client: {
            timeoutS: 0.05,
            retry: { strategy: 'fixed', maxAttempts: 3, baseS: 0.01 },
            idempotencyKeys,
          },
        },
        tiers: [
          {
            id: 'app',
            kind: 'app',
            workers: 64,
            serviceMs: { default: 1 },
            calls: { '*': [{ to: 'db' }] },
          },
          { id: 'db', kind: 'db', workers: 64, serviceMs: { default: 60 } },
        ],
      }),
    );
    run.advanceTo(10);
    return run.summary();
  };

  it('duplicate side effects are counted without keys and replayed with them', () => {
    const without = go(false);
    const withKeys = go(true);
    expect(without.hiddenCosts.duplicateSideEffects).toBeGreaterThan(50);
    expect(withKeys.hiddenCosts.duplicateSideEffects).toBe(0);
    expect(withKeys.counts.replayedWrites).toBeGreaterThan(50);
  });
});
