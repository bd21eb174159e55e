import { describe, expect, it } from 'vitest';
import { HealthController } from '@/simulations/machines/controllers';
import { simulatedClock } from './harness';

describe('node health', () => {
  it('should go healthy → overloaded → healthy with hysteresis', () => {
    const { clock } = simulatedClock();
    const h = new HealthController({ clock });
    h.observe(0.89);
    expect(h.state).toBe('healthy');
    h.observe(0.95);
    expect(h.state).toBe('overloaded');
    expect(h.up).toBe(true);
    h.observe(0.85); // between recoverAt (0.8) and overloadAt (0.9): no flapping
    expect(h.state).toBe('overloaded');
    h.observe(0.8);
    expect(h.state).toBe('healthy');
  });

  it('should crash for its downtime, restart for its boot time, then serve again', () => {
    const { sim, clock } = simulatedClock();
    const modes: string[] = [];
    const h = new HealthController({
      clock,
      config: { downtimeMs: 10_000, restartMs: 30_000 },
      onModeChange: (mode) => modes.push(`${mode}@${sim.now}`),
    });
    sim.runUntil(5);
    h.crash(4); // injected: down 4 s instead of the default 10 s
    expect(h.up).toBe(false);
    sim.runUntil(8.999);
    expect(h.state).toBe('crashed');
    sim.runUntil(9);
    expect(h.state).toBe('restarting');
    expect(h.up).toBe(false);
    sim.runUntil(39);
    expect(h.state).toBe('healthy');
    expect(h.up).toBe(true);
    expect(h.crashes).toBe(1);
    expect(modes).toEqual(['crashed@5', 'restarting@9', 'healthy@39']);
  });

  it('should crash by itself after sustained overload when configured to', () => {
    const { sim, clock } = simulatedClock();
    const h = new HealthController({
      clock,
      config: { overloadCrashAfterMs: 20_000, downtimeMs: 1_000, restartMs: 1_000 },
    });
    h.observe(1);
    sim.runUntil(19.9);
    expect(h.state).toBe('overloaded');
    sim.runUntil(20);
    expect(h.state).toBe('crashed');
    sim.runUntil(22);
    expect(h.state).toBe('healthy');
  });

  it('should never crash from overload by default', () => {
    const { sim, clock } = simulatedClock();
    const h = new HealthController({ clock });
    h.observe(1);
    sim.runUntil(1e6);
    expect(h.state).toBe('overloaded');
    expect(sim.pending).toBe(0);
  });

  it('should refuse thresholds without hysteresis', () => {
    const { clock } = simulatedClock();
    expect(() => new HealthController({ clock, overloadAt: 0.8, recoverAt: 0.9 })).toThrow(
      /recoverAt/,
    );
  });
});
