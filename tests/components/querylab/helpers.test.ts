import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestStop, USER_STOPS } from '@/components/querylab/controls';
import { describeStatus } from '@/components/querylab/labClient';
import { isFatal } from '@/components/querylab/useLab';
import { strategyLabel } from '@/components/querylab/labs/CachingLab';
import { cellText } from '@/components/querylab/labs/ResultTable';
import { QueryLabError } from '@/lib/db/errors';

describe('nearestStop', () => {
  it('should find every stop exactly and snap other values to the closest on a log scale', () => {
    USER_STOPS.forEach((s, i) => expect(nearestStop(s)).toBe(i));
    expect(nearestStop(1)).toBe(0);
    expect(nearestStop(40_000)).toBe(USER_STOPS.length - 1);
    expect(USER_STOPS[nearestStop(700)]).toBe(500);
    expect(USER_STOPS[nearestStop(800)]).toBe(1000);
  });

  it('should always return a valid index', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), (users) => {
        const i = nearestStop(users);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(USER_STOPS.length);
      }),
    );
  });
});

describe('isFatal', () => {
  it('should keep the lab for SQL-level failures and drop it when the worker is gone', () => {
    expect(isFatal(new QueryLabError('internal', 'relation "messages" does not exist'))).toBe(
      false,
    );
    expect(isFatal(new QueryLabError('bad-request', 'invalid arguments'))).toBe(false);
    expect(isFatal(new QueryLabError('worker-crashed', 'gone'))).toBe(true);
    expect(isFatal(new QueryLabError('load-failed', 'HTTP 404'))).toBe(true);
    expect(isFatal(new Error('unknown'))).toBe(true);
  });
});

describe('describeStatus', () => {
  it('should name each loading phase in words and pass failures through', () => {
    expect(describeStatus({ state: 'loading', phase: 'download', detail: '8.5 MB' })).toBe(
      'Downloading Postgres and the data (8.5 MB)…',
    );
    expect(describeStatus({ state: 'loading', phase: 'compile' })).toMatch(/Compiling/);
    expect(
      describeStatus({ state: 'failed', error: new QueryLabError('load-failed', 'HTTP 404') }),
    ).toBe('HTTP 404');
  });
});

describe('cache and result labels', () => {
  it('should name the TTL strategy with its TTL', () => {
    expect(strategyLabel('ttl', 10_000)).toBe('TTL 10 s');
    expect(strategyLabel('ttl', 1500)).toBe('TTL 1.5 s');
    expect(strategyLabel('invalidate-on-write', 10_000)).toBe('Invalidate on write');
  });

  it('should show NULL, JSON for objects and cut long cells', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText('x'.repeat(500))).toHaveLength(120);
  });
});
