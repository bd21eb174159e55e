/**
 * Per-request state in a pooled structure of typed arrays: one slot per live call frame (a client
 * request, one attempt of it, or one hop of an attempt at a node). Slots are recycled through a
 * free stack, so a run allocates nothing per request once the pool has grown to the peak number of
 * frames in flight. Fields are public arrays: the request flow is hot code and reads them directly.
 *
 * Stale references are caught with `epoch`: it increases every time a slot is freed *or* the frame
 * moves on (a step finished, a timeout fired). Anything that refers to a frame later (a child's
 * reply, a timeout, a coalesced cache waiter) stores the epoch it saw and is ignored on mismatch.
 * That is lazy cancellation: nothing is removed from the event heap, the late event just finds a
 * different epoch and does nothing.
 */
export class RequestPool {
  /** Unique request id across every arrival source of a run (never reused, unlike slots). */
  id: Float64Array;
  /** Time the frame was created (s). */
  created: Float64Array;
  /** Absolute deadline (s): when the client gives up on the current attempt (copied to its hops). */
  deadline: Float64Array;
  /** Attempt number (0 = first try) for roots; for hops, the step index in the node's plan. */
  attempt: Int32Array;
  /** Key the request touches (a channel, a cache entry); -1 for none. */
  key: Int32Array;
  /** Request class: an endpoint index into the scenario's endpoint list. */
  cls: Uint8Array;
  /** 1 if the class writes (POST), 0 if it reads. */
  write: Uint8Array;
  /** Current hop: the node instance the frame is at (or -1). */
  hop: Int32Array;
  /** Step of the node's call plan the frame is executing. */
  step: Int32Array;
  /** Parent frame to reply to (-1: nobody waits, e.g. an asynchronous consumer message). */
  replyTo: Int32Array;
  /** Parent's epoch when this frame was created: a reply to a changed parent is dropped. */
  replyEpoch: Uint32Array;
  /** The client request (root) this frame belongs to. */
  root: Int32Array;
  /** Outstanding children of the current step. */
  pending: Int32Array;
  /** Bit flags (FLAG_*). */
  flags: Uint8Array;
  /** Worker held by this frame at its node (-1 when none). */
  worker: Int32Array;
  /** User that sent the request (session and read-your-writes bookkeeping). */
  user: Int32Array;
  /** Accumulated network round-trip time of the request's hops (s), added to its latency. */
  net: Float64Array;
  /** Times the write's side effect was applied (duplicate side effects when > 1). */
  applied: Uint8Array;
  /** The root's epoch when this frame was created (liveness: has its client given up?). */
  rootEpoch: Uint32Array;
  /** Scratch value owned by the frame's kind (a root keeps its last backoff here). */
  aux: Float64Array;
  /** Next frame in an intrusive list (cache waiters). */
  next: Int32Array;
  epoch: Uint32Array;

  /** Frames currently allocated. */
  live = 0;
  /** Highest number of frames ever allocated at once. */
  peak = 0;
  private nextId = 0;
  private free: Int32Array;
  private freeCount = 0;
  private capacity: number;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity | 0);
    const n = this.capacity;
    this.id = new Float64Array(n);
    this.created = new Float64Array(n);
    this.deadline = new Float64Array(n);
    this.attempt = new Int32Array(n);
    this.key = new Int32Array(n);
    this.cls = new Uint8Array(n);
    this.write = new Uint8Array(n);
    this.hop = new Int32Array(n);
    this.step = new Int32Array(n);
    this.replyTo = new Int32Array(n);
    this.replyEpoch = new Uint32Array(n);
    this.root = new Int32Array(n);
    this.pending = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.worker = new Int32Array(n);
    this.user = new Int32Array(n);
    this.net = new Float64Array(n);
    this.applied = new Uint8Array(n);
    this.next = new Int32Array(n);
    this.rootEpoch = new Uint32Array(n);
    this.aux = new Float64Array(n);
    this.epoch = new Uint32Array(n);
    this.free = new Int32Array(n);
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeCount = n;
  }

  /** A fresh slot with every field reset; `id` is the next unique id. */
  alloc(now: number): number {
    if (this.freeCount === 0) this.grow();
    const s = this.free[--this.freeCount];
    this.id[s] = this.nextId++;
    this.created[s] = now;
    this.deadline[s] = Infinity;
    this.attempt[s] = 0;
    this.key[s] = -1;
    this.cls[s] = 0;
    this.write[s] = 0;
    this.hop[s] = -1;
    this.step[s] = 0;
    this.replyTo[s] = -1;
    this.replyEpoch[s] = 0;
    this.root[s] = s;
    this.pending[s] = 0;
    this.flags[s] = 0;
    this.worker[s] = -1;
    this.user[s] = 0;
    this.net[s] = 0;
    this.applied[s] = 0;
    this.next[s] = -1;
    this.rootEpoch[s] = this.epoch[s];
    this.aux[s] = 0;
    if (++this.live > this.peak) this.peak = this.live;
    return s;
  }

  /** Returns a slot to the pool; every reference to it held elsewhere becomes stale. */
  release(slot: number): void {
    this.epoch[slot]++;
    this.free[this.freeCount++] = slot;
    this.live--;
  }

  /** Unique ids handed out so far (across all arrival sources). */
  get issued(): number {
    return this.nextId;
  }

  private grow(): void {
    const old = this.capacity;
    const n = old * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.id = f64(this.id);
    this.created = f64(this.created);
    this.deadline = f64(this.deadline);
    this.attempt = i32(this.attempt);
    this.key = i32(this.key);
    this.cls = u8(this.cls);
    this.write = u8(this.write);
    this.hop = i32(this.hop);
    this.step = i32(this.step);
    this.replyTo = i32(this.replyTo);
    const re = new Uint32Array(n);
    re.set(this.replyEpoch);
    this.replyEpoch = re;
    this.root = i32(this.root);
    this.pending = i32(this.pending);
    this.flags = u8(this.flags);
    this.worker = i32(this.worker);
    this.user = i32(this.user);
    this.net = f64(this.net);
    this.applied = u8(this.applied);
    this.next = i32(this.next);
    const rep = new Uint32Array(n);
    rep.set(this.rootEpoch);
    this.rootEpoch = rep;
    this.aux = f64(this.aux);
    const ep = new Uint32Array(n);
    ep.set(this.epoch);
    this.epoch = ep;
    // Free stack: the new slots old..n-1, lowest popped first.
    const free = new Int32Array(n);
    free.set(this.free.subarray(0, this.freeCount));
    for (let i = n - 1; i >= old; i--) free[this.freeCount++] = i;
    this.free = free;
    this.capacity = n;
  }
}

/** Frame flags. */
export const FLAG_CHILD_FAILED = 1;
/** The frame is a client request (a root), not a hop. */
export const FLAG_ROOT = 8;
/** A cache frame that missed and will fill the cache when its calls return. */
export const FLAG_MISS = 16;
