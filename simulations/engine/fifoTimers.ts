import type { SimComponent, Simulation } from './simulation';

/**
 * Timeouts of one constant length, the common case (every client of a scenario times out after
 * the same T): deadlines then expire in the order they were set, so a FIFO ring buffer replaces
 * the heap. Only the earliest pending deadline has a heap event; when it fires, every expired entry
 * is handled and entries whose frame has moved on (epoch changed: the request finished) are
 * skipped without ever costing an event. Most requests finish in time, so most timeouts cost a
 * few array writes and no heap operation: lazy cancellation on the hot path.
 */
export class FifoTimers implements SimComponent {
  private slots = new Int32Array(1024);
  private epochs = new Uint32Array(1024);
  private times = new Float64Array(1024);
  private head = 0;
  private length = 0;
  private mask = 1023;
  private armed = false;
  private readonly target: number;

  /**
   * `epochOf(slot)` reads the frame's current epoch; `fire(slot)` is called for each live expired
   * entry (its epoch still equal to the one stored at set()).
   */
  constructor(
    private readonly sim: Simulation,
    readonly delayS: number,
    private readonly epochOf: (slot: number) => number,
    private readonly fire: (slot: number) => void,
  ) {
    if (!(delayS > 0 && delayS < Infinity))
      throw new RangeError(`timeout must be finite and > 0, got ${delayS}`);
    this.target = sim.register(this);
  }

  /** Arms a timeout for `slot` at its current epoch, `delayS` from now. */
  set(slot: number, epoch: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.slots[i] = slot;
    this.epochs[i] = epoch;
    this.times[i] = this.sim.now + this.delayS;
    this.length++;
    if (!this.armed) {
      this.armed = true;
      this.sim.scheduleAt(this.times[i], this.target, 0);
    }
  }

  get size(): number {
    return this.length;
  }

  onEvent(_data: number): void {
    this.armed = false;
    const now = this.sim.now;
    const epochOf = this.epochOf;
    while (this.length > 0) {
      const i = this.head;
      const slot = this.slots[i];
      const live = epochOf(slot) === this.epochs[i];
      if (live && this.times[i] > now) {
        this.armed = true;
        this.sim.scheduleAt(this.times[i], this.target, 0);
        return;
      }
      this.head = (i + 1) & this.mask;
      this.length--;
      if (live) this.fire(slot);
    }
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const epochs = new Uint32Array(size);
    const times = new Float64Array(size);
    for (let k = 0; k < this.length; k++) {
      const from = (this.head + k) & this.mask;
      slots[k] = this.slots[from];
      epochs[k] = this.epochs[from];
      times[k] = this.times[from];
    }
    this.slots = slots;
    this.epochs = epochs;
    this.times = times;
    this.head = 0;
    this.mask = size - 1;
  }
}
