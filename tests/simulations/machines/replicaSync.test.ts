import { describe, expect, it } from 'vitest';
import { ReplicaSyncController } from '@/simulations/machines/controllers';
import { simulatedClock } from './harness';

describe('replica sync', () => {
  it('should go in sync → lagging → catching up → in sync, sending only mode changes', () => {
    const { clock } = simulatedClock();
    const modes: string[] = [];
    const r = new ReplicaSyncController({ clock, onModeChange: (m) => modes.push(m) });
    const sent: string[] = [];
    r.actor.subscribe({ next: (s) => sent.push(String(s.value)) });
    sent.length = 0;
    for (const lag of [0.1, 0.5, 1.5, 2, 3, 2.5, 2, 1.2, 0.4]) r.observe(lag);
    expect(modes).toEqual(['lagging', 'catchingUp', 'inSync']);
    expect(sent).toEqual(['lagging', 'catchingUp', 'inSync']);
  });

  it('should go back to lagging when the lag grows again', () => {
    const { clock } = simulatedClock();
    const r = new ReplicaSyncController({ clock, lagThresholdS: 0.1 });
    r.observe(0.5);
    r.observe(0.3);
    expect(r.state).toBe('catchingUp');
    r.observe(0.6);
    expect(r.state).toBe('lagging');
  });

  it('should call a read stale when the write is younger than the lag', () => {
    const { clock } = simulatedClock();
    const r = new ReplicaSyncController({ clock });
    r.observe(2);
    expect(r.isStale(1.5)).toBe(true);
    expect(r.isStale(2.5)).toBe(false);
    r.reset();
    expect(r.state).toBe('inSync');
    expect(r.isStale(0)).toBe(false);
  });
});
