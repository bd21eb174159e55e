/**
 * One cache instance's contents: which keys are present, until when (TTL), in LRU order under a
 * capacity, and which keys are being filled right now (for request coalescing). The hit ratio is
 * not a parameter: it emerges from key popularity (Zipf), TTL, capacity and invalidations.
 * Typed arrays indexed by the key's local index; an intrusive doubly linked LRU list.
 */
export class CacheShard {
  hits = 0;
  misses = 0;
  /** Misses that waited for another request's fill instead of reaching the database. */
  coalesced = 0;
  evictions = 0;
  invalidations = 0;
  size = 0;
  private readonly expires: Float64Array;
  private readonly present: Uint8Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** Head of the waiter list while a fill is in flight (-2: no fill; -1: fill, no waiter). */
  readonly fillWaiters: Int32Array;
  private head = -1;
  private tail = -1;

  constructor(
    readonly keys: number,
    readonly capacity: number,
    readonly ttlS: number,
  ) {
    this.expires = new Float64Array(keys);
    this.present = new Uint8Array(keys);
    this.prev = new Int32Array(keys);
    this.next = new Int32Array(keys);
    this.fillWaiters = new Int32Array(keys).fill(-2);
  }

  /** True on a fresh hit (and marks the key most recently used); expired entries are removed. */
  lookup(k: number, now: number): boolean {
    if (this.present[k] === 1) {
      if (this.expires[k] > now) {
        this.unlink(k);
        this.pushFront(k);
        this.hits++;
        return true;
      }
      this.remove(k);
    }
    this.misses++;
    return false;
  }

  insert(k: number, now: number): void {
    if (this.present[k] === 1) this.unlink(k);
    else {
      this.present[k] = 1;
      this.size++;
    }
    this.expires[k] = now + this.ttlS;
    this.pushFront(k);
    while (this.size > this.capacity) {
      this.remove(this.tail);
      this.evictions++;
    }
  }

  invalidate(k: number): void {
    if (this.present[k] === 1) {
      this.remove(k);
      this.invalidations++;
    }
  }

  flush(): void {
    while (this.tail >= 0) this.remove(this.tail);
  }

  private remove(k: number): void {
    this.unlink(k);
    this.present[k] = 0;
    this.size--;
  }

  private unlink(k: number): void {
    const p = this.prev[k];
    const n = this.next[k];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private pushFront(k: number): void {
    this.prev[k] = -1;
    this.next[k] = this.head;
    if (this.head >= 0) this.prev[this.head] = k;
    this.head = k;
    if (this.tail < 0) this.tail = k;
  }
}
