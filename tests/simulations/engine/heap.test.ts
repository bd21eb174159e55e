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

  it('should match a model under any mix of push, cancellable push, cancel, pop, peek and clear', () => {
    type Op =
      | { push: number; cancellable: boolean }
      | { cancel: number }
      | { cancelBogus: number }
      | { pop: true }
      | { peek: true }
      | { clear: true };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ push: timeArb, cancellable: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ cancel: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ cancelBogus: fc.integer({ min: -5, max: 1e9 }) }) },
      { weight: 3, arbitrary: fc.constant({ pop: true as const }) },
      { weight: 1, arbitrary: fc.constant({ peek: true as const }) },
      { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), (ops) => {
        const heap = new EventHeap(2);
        // Model: pending entries plus every handle ever issued (so cancels hit fired, cancelled
        // and cleared events too, which must all be refused).
        let model: { t: number; seq: number; target: number; handle?: number }[] = [];
        const issued: number[] = [];
        let seq = 0;
        for (const o of ops) {
          if ('push' in o) {
            const target = seq % 5;
            if (o.cancellable) {
              const handle = heap.pushCancellable(o.push, target, seq);
              expect(issued).not.toContain(handle);
              issued.push(handle);
              model.push({ t: o.push, seq, target, handle });
            } else {
              heap.push(o.push, target, seq);
              model.push({ t: o.push, seq, target });
            }
            seq++;
          } else if ('cancel' in o) {
            if (issued.length === 0) continue;
            const handle = issued[o.cancel % issued.length];
            const live = model.findIndex((m) => m.handle === handle);
            expect(heap.isPending(handle)).toBe(live >= 0);
            expect(heap.cancel(handle)).toBe(live >= 0);
            if (live >= 0) model.splice(live, 1);
            expect(heap.isPending(handle)).toBe(false);
          } else if ('cancelBogus' in o) {
            if (issued.includes(o.cancelBogus)) continue;
            const before = heap.size;
            expect(heap.cancel(o.cancelBogus)).toBe(false);
            expect(heap.size).toBe(before);
          } else if ('clear' in o) {
            heap.clear();
            model = [];
          } else {
            model.sort((a, b) => a.t - b.t || a.seq - b.seq);
            if ('peek' in o) {
              expect(heap.peekTime()).toBe(model.length > 0 ? model[0].t : Infinity);
            } else {
              const expected = model.shift();
              expect(heap.pop()).toBe(expected !== undefined);
              if (expected) {
                expect([heap.topTime, heap.topTarget, heap.topData]).toEqual([
                  expected.t,
                  expected.target,
                  expected.seq,
                ]);
              }
            }
          }
          expect(heap.size).toBe(model.length);
        }
        // Draining pops exactly the model, in order.
        model.sort((a, b) => a.t - b.t || a.seq - b.seq);
        for (const m of model) {
          expect(heap.pop()).toBe(true);
          expect([heap.topTime, heap.topData]).toEqual([m.t, m.seq]);
        }
        expect(heap.pop()).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('should stay in order through compactions when most events are cancelled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(timeArb, fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 100,
          maxLength: 2000,
        }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (entries, cancelShare) => {
          const heap = new EventHeap();
          const live: { t: number; seq: number }[] = [];
          entries.forEach(([t, u], seq) => {
            const handle = heap.pushCancellable(t, 1, seq);
            if (u < cancelShare) expect(heap.cancel(handle)).toBe(true);
            else live.push({ t, seq });
            expect(heap.size).toBe(live.length);
          });
          live.sort((a, b) => a.t - b.t || a.seq - b.seq);
          for (const m of live) {
            expect(heap.pop()).toBe(true);
            expect([heap.topTime, heap.topData]).toEqual([m.t, m.seq]);
          }
          expect(heap.pop()).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should never pop past a horizon because of a cancelled entry on top', () => {
    const heap = new EventHeap();
    const early = heap.pushCancellable(1, 0, 1);
    heap.push(5, 0, 5);
    expect(heap.cancel(early)).toBe(true);
    expect(heap.size).toBe(1);
    expect(heap.peekTime()).toBe(5);
    expect(heap.cancel(early)).toBe(false);
  });

  it('should report Infinity as the next time when empty', () => {
    const heap = new EventHeap();
    expect(heap.peekTime()).toBe(Infinity);
    expect(heap.pop()).toBe(false);
    heap.push(3, 1, 2);
    expect(heap.peekTime()).toBe(3);
  });
});
