import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestPool } from '@/simulations/engine/requestPool';

describe('RequestPool', () => {
  it('hands out unique ids, recycles slots, and makes old references stale', () => {
    const pool = new RequestPool(16);
    const a = pool.alloc(0);
    const firstId = pool.id[a];
    const epoch = pool.epoch[a];
    pool.key[a] = 7;
    pool.release(a);
    expect(pool.epoch[a]).toBe(epoch + 1);
    const b = pool.alloc(1);
    expect(b).toBe(a); // slot recycled
    expect(pool.id[b]).toBe(firstId + 1); // ids are never reused
    expect(pool.key[b]).toBe(-1); // fields reset
    expect(pool.issued).toBe(2);
  });

  it('keeps every live frame intact while growing (model-based)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 400 }), (ops) => {
        const pool = new RequestPool(16);
        const live = new Map<number, number>();
        const ids = new Set<number>();
        for (const allocate of ops) {
          if (allocate || live.size === 0) {
            const s = pool.alloc(0);
            expect(live.has(s)).toBe(false);
            expect(ids.has(pool.id[s])).toBe(false);
            ids.add(pool.id[s]);
            pool.user[s] = pool.id[s];
            live.set(s, pool.id[s]);
          } else {
            const [s] = live.keys();
            pool.release(s);
            live.delete(s);
          }
        }
        for (const [s, id] of live) expect(pool.user[s]).toBe(id);
        expect(pool.live).toBe(live.size);
      }),
    );
  });
});
