import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '@/simulations/engine/heap';

/** Times drawn from a small set so ties are frequent. */
const timeArb = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);

describe('EventHeap', () => {
  it('should pop any schedule in time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(timeArb, { maxLength: 300 }), (times) => {
        const heap = new EventHeap(4);
        times.forEach((t, i) => heap.push(t, i % 7, i));
        const popped: { t: number; i: number }[] = [];
        while (heap.pop()) popped.push({ t: heap.topTime, i: heap.topData });
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('should keep order when pushes and pops interleave', () => {
    const op = fc.oneof(fc.record({ push: timeArb }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const heap = new EventHeap(2);
        const model: { t: number; seq: number }[] = [];
        let seq = 0;
        for (const o of ops) {
          if ('push' in o) {
            heap.push(o.push, 0, seq);
            model.push({ t: o.push, seq: seq++ });
          } else {
            model.sort((a, b) => a.t - b.t || a.seq - b.seq);
            const expected = model.shift();
            expect(heap.pop()).toBe(expected !== undefined);
            if (expected) expect([heap.topTime, heap.topData]).toEqual([expected.t, expected.seq]);
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });

  it('should report Infinity as the next time when empty', () => {
    const heap = new EventHeap();
    expect(heap.peekTime()).toBe(Infinity);
    expect(heap.pop()).toBe(false);
    heap.push(3, 1, 2);
    expect(heap.peekTime()).toBe(3);
  });
});
