import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConsistencyOptions } from '@/lib/db/labs/consistency';
import { shardOf } from '@/lib/db/labs/partitioning-and-shards';

describe('shard router', () => {
  it('should map every key to a shard in range, the same one every time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        (k, n) => {
          const s = shardOf(k, n);
          return Number.isInteger(s) && s >= 0 && s < n && s === shardOf(k, n);
        },
      ),
    );
  });

  it('should spread consecutive keys evenly (no shard above 30% of 10,000 keys over 4 shards)', () => {
    const hits = [0, 0, 0, 0];
    for (let k = 1; k <= 10_000; k++) hits[shardOf(k, 4)]! += 1;
    for (const h of hits) expect(h / 10_000).toBeLessThan(0.3);
  });
});

describe('consistency options', () => {
  it('should accept each lab with its default strategy and reject unknown keys', () => {
    expect(parseConsistencyOptions({ lab: 'outbox' })).toEqual({ lab: 'outbox' });
    expect(() => parseConsistencyOptions({ lab: 'outbox', crash: 1 })).toThrow(/Unrecognized key/);
    expect(() => parseConsistencyOptions({ lab: 'shards', shards: 9 })).toThrow(/shards/);
  });
});
