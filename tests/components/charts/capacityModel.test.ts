import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crossingUsers,
  dbMsPerRequest,
  DEFAULT_SETTINGS,
  firstBottleneck,
  formatCount,
  isValidSidebarQueries,
  sidebarDbMs,
  tierLoads,
  type ModelSettings,
} from '@/components/charts/capacityModel';
import { nativeMs, PGLITE_STATEMENT_MS } from '@/components/charts/measuredInputs';

const rewritten: ModelSettings = { ...DEFAULT_SETTINGS, sidebarQueries: 1 };
const round = (n: number) => Math.round(n);

describe('capacity model of lesson 1', () => {
  it('should give the crossings the lesson text quotes', () => {
    const start = crossingUsers(DEFAULT_SETTINGS);
    expect(round(start.app)).toBe(20_000);
    expect(formatCount(start.primary)).toBe('24K');
    expect(formatCount(start.writes)).toBe('344K');
    expect(formatCount(crossingUsers(DEFAULT_SETTINGS, 0.7).primary)).toBe('17K');
    expect(formatCount(crossingUsers(rewritten).primary)).toBe('51K');
    expect(formatCount(crossingUsers(rewritten, 0.7).primary)).toBe('36K');
    const big = crossingUsers({ ...rewritten, primaryVcpus: 8 });
    expect(formatCount(big.primary)).toBe('206K');
    expect(formatCount(big.writes)).toBe('1.4M');
    expect(formatCount(crossingUsers({ ...rewritten, primaryVcpus: 64 }).primary)).toBe('1.6M');
  });

  it('should price requests in database time: 0.82 ms with the N+1 sidebar, 0.36 ms rewritten', () => {
    const start = dbMsPerRequest(DEFAULT_SETTINGS);
    expect(start.reads + start.writes).toBeCloseTo(0.82, 2);
    const fixed = dbMsPerRequest(rewritten);
    expect(fixed.reads + fixed.writes).toBeCloseTo(0.361, 3);
  });

  it('should put the app server and the N+1 primary within 1.2× of each other (order is fragile)', () => {
    const c = crossingUsers(DEFAULT_SETTINGS);
    expect(firstBottleneck(DEFAULT_SETTINGS).tier).toBe('app');
    expect(c.primary / c.app).toBeGreaterThan(1);
    expect(c.primary / c.app).toBeLessThan(1.2);
    // 30% more database time per request would reorder them.
    expect(firstBottleneck({ ...DEFAULT_SETTINGS, sidebarQueries: 25 }).tier).toBe('primary');
  });

  it('should scale the N+1 sidebar with its queries from the measured statements', () => {
    expect(sidebarDbMs(19)).toBeCloseTo(
      nativeMs('myChannels') + 9 * (nativeMs('unreadCount') + nativeMs('lastMessage')),
      12,
    );
    expect(sidebarDbMs(1)).toBeCloseTo(PGLITE_STATEMENT_MS.channelsFixed / 5, 12);
    expect(() => sidebarDbMs(2)).toThrow(RangeError);
    expect(isValidSidebarQueries(41)).toBe(true);
    expect(isValidSidebarQueries(43)).toBe(false);
  });

  it('should keep writes on the primary whatever the cache hit ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.constantFrom(2 as const, 8 as const, 64 as const),
        fc.double({ min: 1e3, max: 1e7, noNaN: true }),
        (k, hit, vcpus, users) => {
          const s = {
            sidebarQueries: k === 0 ? 1 : 2 * k + 1,
            cacheHitRatio: hit,
            primaryVcpus: vcpus,
          };
          const loads = Object.fromEntries(tierLoads(s, users).map((l) => [l.id, l.utilization]));
          // Reads and writes share the primary: its load is never below the writes alone.
          expect(loads.primary).toBeGreaterThanOrEqual(loads.writes!);
          expect(dbMsPerRequest(s).writes).toBeCloseTo(dbMsPerRequest(DEFAULT_SETTINGS).writes, 12);
          // Load is proportional to users.
          const double = Object.fromEntries(
            tierLoads(s, 2 * users).map((l) => [l.id, l.utilization]),
          );
          expect(double.primary! / loads.primary!).toBeCloseTo(2, 9);
        },
      ),
    );
  });

  it('should count presence heartbeats as writes on top of the request mix', () => {
    const perRequestWrites = dbMsPerRequest(DEFAULT_SETTINGS).writes;
    const writesFull = crossingUsers(DEFAULT_SETTINGS).writes;
    // Without presence the writes line would cross at 2,000 ms/s ÷ (0.1 × per-request writes).
    expect(writesFull).toBeLessThan(2000 / (0.1 * perRequestWrites));
  });

  it('should format counts the way the chart labels them', () => {
    expect(formatCount(999_999.99)).toBe('1M');
    expect(formatCount(4762)).toBe('4.8K');
    expect(formatCount(33_333)).toBe('33K');
    expect(formatCount(10_000_000)).toBe('10M');
    expect(formatCount(250)).toBe('250');
  });
});
