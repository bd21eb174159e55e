import { describe, expect, it } from 'vitest';
import { crossingUsers, formatCount, loadAt, loadSeries } from '@/components/charts/capacityModel';

const byId = (id: string) => loadSeries.find((s) => s.id === id)!;

describe('capacity model of lesson 1', () => {
  it('should give the crossings the lesson text quotes', () => {
    expect(Math.round(crossingUsers(byId('n-plus-one')))).toBe(4762);
    expect(Math.round(crossingUsers(byId('joined')))).toBe(33333);
    expect(Math.round(crossingUsers(byId('app')))).toBe(20000);
    expect(Math.round(crossingUsers(byId('cached')))).toBe(333333);
    expect(Math.round(crossingUsers(byId('writes')))).toBe(1_000_000);
  });

  it('should cross in the order of the roadmap: N+1, app server, JOIN, cache, writes', () => {
    const order = [...loadSeries]
      .sort((a, b) => crossingUsers(a) - crossingUsers(b))
      .map((s) => s.id);
    expect(order).toEqual(['n-plus-one', 'app', 'joined', 'cached', 'writes']);
  });

  it('should scale load linearly with users (the challenge: 5K users → 10,500 queries/s)', () => {
    expect(loadAt(byId('n-plus-one'), 5000)).toBeCloseTo(10_500, 6);
    expect(loadAt(byId('app'), 1e7)).toBeCloseTo(1e6, 6);
  });

  it('should format counts the way the chart labels them', () => {
    expect(formatCount(999_999.99)).toBe('1M');
    expect(formatCount(4762)).toBe('4.8K');
    expect(formatCount(33_333)).toBe('33K');
    expect(formatCount(10_000_000)).toBe('10M');
    expect(formatCount(250)).toBe('250');
  });
});
