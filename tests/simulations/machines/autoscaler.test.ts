import { describe, expect, it } from 'vitest';
import { AutoscalerController } from '@/simulations/machines/controllers';
import { simulatedClock } from './harness';

const config = {
  minReplicas: 1,
  maxReplicas: 10,
  initialReplicas: 2,
  coldStartMs: 60_000,
  drainMs: 10_000,
  cooldownMs: 120_000,
};

describe('autoscaler', () => {
  it('should scale out by the HPA rule, serve only after the cold start, then cool down', () => {
    const { sim, clock } = simulatedClock();
    const changes: string[] = [];
    const a = new AutoscalerController({
      clock,
      config,
      onReplicasChange: (n, prev) => changes.push(`${prev}→${n}@${sim.now}`),
    });
    // ceil(2 × 0.9 / 0.5) = 4
    expect(a.observe(0.9)).toBe(4);
    expect(a.state).toBe('scalingOut');
    expect(a.replicas).toBe(2);
    expect(a.counts.starting).toBe(2);
    expect(a.billedReplicas).toBe(4);
    sim.runUntil(59.9);
    expect(a.replicas).toBe(2);
    sim.runUntil(60);
    expect(a.state).toBe('cooldown');
    expect(a.replicas).toBe(4);
    // No scaling during cooldown, whatever the load.
    a.observe(1);
    expect(a.state).toBe('cooldown');
    sim.runUntil(180);
    expect(a.state).toBe('steady');
    expect(changes).toEqual(['2→4@60']);
  });

  it('should hold within the tolerance and scale in (draining) below it', () => {
    const { sim, clock } = simulatedClock();
    const a = new AutoscalerController({ clock, config: { ...config, initialReplicas: 8 } });
    expect(a.observe(0.54)).toBe(8); // within 10% of the 0.5 target
    expect(a.state).toBe('steady');
    expect(a.observe(0.2)).toBe(4); // ceil(8 × 0.4) = 4 (rounded up from 3.2)
    expect(a.state).toBe('scalingIn');
    expect(a.replicas).toBe(4);
    expect(a.counts.draining).toBe(4);
    sim.runUntil(10);
    expect(a.state).toBe('cooldown');
    expect(a.billedReplicas).toBe(4);
  });

  it('should stay within min and max replicas', () => {
    const { sim, clock } = simulatedClock();
    const a = new AutoscalerController({ clock, config });
    expect(a.observe(100)).toBe(10);
    sim.runUntil(1000);
    expect(a.replicas).toBe(10);
    expect(a.observe(0)).toBe(1);
    sim.runUntil(2000);
    expect(a.replicas).toBe(1);
    expect(a.observe(0)).toBe(1);
    expect(a.state).toBe('steady');
    expect(a.counts).toMatchObject({ scaleOuts: 1, scaleIns: 1 });
  });

  it('should reset to the initial replicas', () => {
    const { clock } = simulatedClock();
    const a = new AutoscalerController({ clock, config });
    a.observe(1);
    a.reset();
    expect(a.state).toBe('steady');
    expect(a.billedReplicas).toBe(2);
    expect(
      () => new AutoscalerController({ clock, config: { ...config, maxReplicas: 0 } }),
    ).toThrow(/maxReplicas/);
  });
});
