import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { runControlMachine, SPEEDS } from '@/simulations/machines/runControlMachine';
import { simulatedClock } from './harness';

function start() {
  const { clock } = simulatedClock();
  return createActor(runControlMachine, { clock }).start();
}

describe('run control', () => {
  it('should go idle → running ⇄ paused → finished and reset to idle', () => {
    const a = start();
    expect(a.getSnapshot().value).toBe('idle');
    a.send({ type: 'START' });
    expect(a.getSnapshot().value).toBe('running');
    a.send({ type: 'PAUSE' });
    expect(a.getSnapshot().value).toBe('paused');
    a.send({ type: 'RESUME' });
    expect(a.getSnapshot().value).toBe('running');
    a.send({ type: 'FINISHED' });
    expect(a.getSnapshot().value).toBe('finished');
    a.send({ type: 'START' }); // a finished run must be reset first
    expect(a.getSnapshot().value).toBe('finished');
    a.send({ type: 'RESET' });
    expect(a.getSnapshot().value).toBe('idle');
  });

  it('should step only while paused (a step from idle pauses)', () => {
    const a = start();
    a.send({ type: 'STEP' });
    expect(a.getSnapshot().value).toBe('paused');
    a.send({ type: 'STEP' });
    expect(a.getSnapshot().context.steps).toBe(2);
    a.send({ type: 'RESUME' });
    a.send({ type: 'STEP' });
    expect(a.getSnapshot().context.steps).toBe(2);
    a.send({ type: 'RESET' });
    expect(a.getSnapshot().context.steps).toBe(0);
  });

  it('should accept listed speeds in any state and ignore others', () => {
    const a = start();
    a.send({ type: 'SET_SPEED', speed: 10 });
    expect(a.getSnapshot().context.speed).toBe(10);
    a.send({ type: 'START' });
    for (const bad of [0, -1, NaN, Infinity, 3]) a.send({ type: 'SET_SPEED', speed: bad });
    expect(a.getSnapshot().context.speed).toBe(10);
    expect(a.getSnapshot().value).toBe('running');
    expect(SPEEDS).toContain(1);
  });
});
