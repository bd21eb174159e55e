import { describe, expect, it } from 'vitest';
import { describeMachine, machines } from '@/simulations/machines';

describe('machine definitions', () => {
  it('should describe the breaker with its states, events and delayed transition', () => {
    const g = describeMachine(machines.circuitBreaker);
    expect(g.id).toBe('circuitBreaker');
    expect(g.initial).toBe('closed');
    expect(g.states.map((s) => s.key)).toEqual(['closed', 'open', 'halfOpen']);
    expect(g.transitions).toContainEqual({
      from: 'open',
      to: 'halfOpen',
      event: 'after',
      delay: 'waitDurationInOpenState',
    });
    expect(g.transitions).toContainEqual({ from: '*', to: 'closed', event: 'RESET' });
    expect(g.transitions).toContainEqual({
      from: 'closed',
      to: 'open',
      event: 'FAILURE_RATE_EXCEEDED',
    });
  });

  it('should give every machine a JSON-safe graph whose edges join its own states', () => {
    for (const [id, machine] of Object.entries(machines)) {
      const g = describeMachine(machine);
      expect(g.id).toBe(id);
      expect(JSON.parse(JSON.stringify(g))).toEqual(g);
      const keys = new Set(g.states.map((s) => s.key));
      expect(keys.has(g.initial)).toBe(true);
      expect(g.states.every((s) => s.description.length > 0)).toBe(true);
      for (const t of g.transitions) {
        expect(t.from === '*' || keys.has(t.from)).toBe(true);
        expect(keys.has(t.to)).toBe(true);
      }
      // Every state is reachable from the initial one.
      const reached = new Set([g.initial]);
      for (let grew = true; grew;) {
        grew = false;
        for (const t of g.transitions) {
          if ((t.from === '*' || reached.has(t.from)) && !reached.has(t.to)) {
            reached.add(t.to);
            grew = true;
          }
        }
      }
      expect([...reached].sort()).toEqual([...keys].sort());
    }
  });
});
