/**
 * Binary min-heap of events over parallel typed arrays: no object is allocated per event.
 *
 * Each entry is (time, seq, target, data). Ordering is by time, then by `seq`, the insertion
 * sequence number, so two events scheduled for the same instant pop in the order they were
 * scheduled (deterministic FIFO tie-break). `seq` is stored as a float64: exact up to 2^53
 * insertions, far beyond any run we do.
 *
 * Cancellation is lazy: pushCancellable() parks the real (target, data) in a slot table and stores
 * the slot as a negative target (~slot) in the heap; cancel() only flips the slot's state, and the
 * dead entry is dropped when it reaches the top. Plain push()/pop() pay one sign test per pop for
 * this. When dead entries outnumber live ones the arrays are compacted and re-heapified in O(n)
 * (amortised O(1) per cancel), so timeouts that are almost always cancelled cannot bloat the heap.
 * scripts/bench/engine.ts compares this with an indexed heap, which must update a position table
 * on every sift move of every event.
 */

/** Handles pack (generation, slot): slot in the low SLOT_BITS, so a stale handle never matches. */
const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS;
/** 2^53 / 2^24: generations wrap here so handles stay safe integers. */
const GENERATION_LIMIT = 2 ** (53 - SLOT_BITS);
const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;
/** Compaction waits for this many dead entries, so small heaps never pay for it. */
const COMPACT_MIN = 64;

/** An opaque id for a cancellable event (a safe integer; never reused while its event pends). */
export type EventHandle = number;

export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private targets: Int32Array;
  private datas: Int32Array;
  private count = 0;
  private nextSeq = 0;

  /** Fields of the entry removed by the last pop(); read them right after pop(). */
  topTime = 0;
  topTarget = 0;
  topData = 0;

  constructor(initialCapacity = 64) {
    const cap = Math.max(4, initialCapacity | 0);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.targets = new Int32Array(cap);
    this.datas = new Int32Array(cap);
  }

  // Slot table of cancellable events (grows by doubling; freed slots are reused, LIFO).
  private slotTargets = new Int32Array(16);
  private slotDatas = new Int32Array(16);
  private slotStates = new Uint8Array(16);
  private slotGenerations = new Float64Array(16);
  private freeSlots = new Int32Array(16);
  private freeSlotCount = 0;
  private slotsUsed = 0;
  /** Cancelled entries still sitting in the heap arrays. */
  private cancelledCount = 0;

  /** Pending (not cancelled) events. */
  get size(): number {
    return this.count - this.cancelledCount;
  }

  /** Time of the earliest pending event, or +Infinity when empty. */
  peekTime(): number {
    // Cancelled entries at the top are discarded here, so a caller that peeks before popping
    // (runUntil) never pops past its horizon because of a dead entry.
    while (this.count > 0) {
      const target = this.targets[0];
      if (target >= 0 || this.slotStates[~target] !== CANCELLED) return this.times[0];
      // Drop the dead entry only (pop() would go on to remove the live one below it).
      this.popEntry();
      this.releaseSlot(~target);
      this.cancelledCount--;
    }
    return Infinity;
  }

  /**
   * Pushes an event that cancel() can remove; returns its handle. Ordering (time, then FIFO) is
   * the same as push().
   */
  pushCancellable(time: number, target: number, data: number): EventHandle {
    let slot: number;
    if (this.freeSlotCount > 0) slot = this.freeSlots[--this.freeSlotCount];
    else {
      if (this.slotsUsed === this.slotStates.length) this.growSlots();
      slot = this.slotsUsed++;
    }
    this.slotTargets[slot] = target;
    this.slotDatas[slot] = data;
    this.slotStates[slot] = PENDING;
    this.stagedTime = time;
    this.pushStaged(~slot, 0);
    return this.slotGenerations[slot] * SLOT_LIMIT + slot;
  }

  /**
   * Cancels a pending event. Returns false (and changes nothing) if the handle is unknown, its
   * event already fired, or it was already cancelled.
   */
  cancel(handle: EventHandle): boolean {
    if (!(Number.isSafeInteger(handle) && handle >= 0)) return false;
    const slot = handle % SLOT_LIMIT;
    if (slot >= this.slotsUsed) return false;
    if (this.slotStates[slot] !== PENDING) return false;
    if (this.slotGenerations[slot] !== (handle - slot) / SLOT_LIMIT) return false;
    this.slotStates[slot] = CANCELLED;
    this.cancelledCount++;
    if (this.cancelledCount >= COMPACT_MIN && 2 * this.cancelledCount > this.count) this.compact();
    return true;
  }

  /** Drops every cancelled entry, then restores the heap order bottom-up (Floyd, O(n)). */
  private compact(): void {
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const target = targets[i];
      if (target < 0 && this.slotStates[~target] === CANCELLED) {
        this.releaseSlot(~target);
        continue;
      }
      times[n] = times[i];
      seqs[n] = seqs[i];
      targets[n] = target;
      datas[n] = datas[i];
      n++;
    }
    this.count = n;
    this.cancelledCount = 0;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    const n = this.count;
    const t = times[start];
    const s = seqs[start];
    const tg = targets[start];
    const d = datas[start];
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      const ct = times[c];
      if (t < ct || (t === ct && s < seqs[c])) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      targets[i] = targets[c];
      datas[i] = datas[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    targets[i] = tg;
    datas[i] = d;
  }

  /** Whether the event of `handle` is still waiting to fire. */
  isPending(handle: EventHandle): boolean {
    if (!(Number.isSafeInteger(handle) && handle >= 0)) return false;
    const slot = handle % SLOT_LIMIT;
    return (
      slot < this.slotsUsed &&
      this.slotStates[slot] === PENDING &&
      this.slotGenerations[slot] === (handle - slot) / SLOT_LIMIT
    );
  }

  /** Pushes an event that always fires. `target` must be >= 0 (negative targets mark cancellable entries). */
  push(time: number, target: number, data: number): void {
    this.stagedTime = time;
    this.pushStaged(target, data);
  }

  /**
   * Time of the entry pushStaged() will insert. Hot callers write it and call pushStaged(), so no
   * double crosses a call boundary: if V8 declines to inline the push, a double argument would be
   * boxed in a fresh HeapNumber (an allocation per event); a double field is updated in place.
   */
  stagedTime = 0;

  pushStaged(target: number, data: number): void {
    const time = this.stagedTime;
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    const seq = this.nextSeq++;
    // Sift up with a hole: move parents down until the new entry's slot is found.
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      targets[i] = targets[p];
      datas[i] = datas[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    targets[i] = target;
    datas[i] = data;
  }

  /**
   * Removes the earliest pending event into topTime/topTarget/topData. Returns false when empty.
   * Cancelled entries met on the way are dropped. The sift is written out here rather than shared
   * with popEntry(), so the hot path stays one function V8 compiles as a whole.
   */
  pop(): boolean {
    const n = this.count;
    if (n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    this.topTime = times[0];
    this.topTarget = targets[0];
    this.topData = datas[0];
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      // Sift the last entry down from the root with a hole.
      const t = times[last];
      const s = seqs[last];
      const tg = targets[last];
      const d = datas[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        const r = c + 1;
        if (r < last) {
          const ct = times[c];
          const rt = times[r];
          if (rt < ct || (rt === ct && seqs[r] < seqs[c])) c = r;
        }
        const ct = times[c];
        if (t < ct || (t === ct && s < seqs[c])) break;
        times[i] = ct;
        seqs[i] = seqs[c];
        targets[i] = targets[c];
        datas[i] = datas[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      targets[i] = tg;
      datas[i] = d;
    }
    return this.topTarget >= 0 || this.resolveCancellable();
  }

  /**
   * The entry just popped is cancellable: deliver its real target and data if it is still
   * pending, else drop it and pop on until a live event or an empty heap.
   */
  private resolveCancellable(): boolean {
    for (;;) {
      const slot = ~this.topTarget;
      const state = this.slotStates[slot];
      this.topTarget = this.slotTargets[slot];
      this.topData = this.slotDatas[slot];
      this.releaseSlot(slot);
      if (state === PENDING) return true;
      this.cancelledCount--;
      if (!this.popEntry()) return false;
      if (this.topTarget >= 0) return true;
    }
  }

  private releaseSlot(slot: number): void {
    this.slotStates[slot] = FREE;
    const generation = this.slotGenerations[slot] + 1;
    this.slotGenerations[slot] = generation === GENERATION_LIMIT ? 0 : generation;
    this.freeSlots[this.freeSlotCount++] = slot;
  }

  /** Removes the root entry as it is (cancelled or not), off the hot path. */
  private popEntry(): boolean {
    const n = this.count;
    if (n === 0) return false;
    this.topTime = this.times[0];
    this.topTarget = this.targets[0];
    this.topData = this.datas[0];
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      this.times[0] = this.times[last];
      this.seqs[0] = this.seqs[last];
      this.targets[0] = this.targets[last];
      this.datas[0] = this.datas[last];
      this.siftDown(0);
    }
    return true;
  }

  clear(): void {
    this.count = 0;
    this.cancelledCount = 0;
    // Every slot becomes free with a new generation, so handles from before clear() are stale.
    this.freeSlotCount = 0;
    for (let slot = this.slotsUsed - 1; slot >= 0; slot--) {
      if (this.slotStates[slot] !== FREE) this.releaseSlot(slot);
      else this.freeSlots[this.freeSlotCount++] = slot;
    }
  }

  private growSlots(): void {
    const cap = this.slotStates.length * 2;
    if (cap > SLOT_LIMIT) {
      throw new RangeError(`EventHeap: more than ${SLOT_LIMIT} cancellable events pending at once`);
    }
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.slotTargets = grow(this.slotTargets, (n) => new Int32Array(n));
    this.slotDatas = grow(this.slotDatas, (n) => new Int32Array(n));
    this.slotStates = grow(this.slotStates, (n) => new Uint8Array(n));
    this.slotGenerations = grow(this.slotGenerations, (n) => new Float64Array(n));
    this.freeSlots = grow(this.freeSlots, (n) => new Int32Array(n));
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const targets = new Int32Array(cap);
    const datas = new Int32Array(cap);
    times.set(this.times);
    seqs.set(this.seqs);
    targets.set(this.targets);
    datas.set(this.datas);
    this.times = times;
    this.seqs = seqs;
    this.targets = targets;
    this.datas = datas;
  }
}
