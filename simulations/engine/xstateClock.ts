import type { EventHandle } from './heap';
import type { SimComponent, Simulation } from './simulation';

/** XState v5's `Clock` (ActorOptions.clock): the shape of window.setTimeout/clearTimeout. */
export interface XStateClockLike {
  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Returned for a timer that can never fire (an infinite delay); clearing it is a no-op. */
const NEVER = -1;

/**
 * XState's clock backed by the engine's event heap, so every machine runs on simulated time:
 * `createActor(machine, { clock: new XStateClock(sim) })`. XState speaks milliseconds (`after`
 * delays, `delay:` on sendTo/raise), the engine seconds; a timer set at simulated time t with
 * delay d ms fires when the engine reaches t + d/1000, inside sim.step()/runUntil(), in the
 * engine's deterministic order. No real timer is ever created (XState's own SimulatedClock needs
 * a second time source advanced by hand; this one *is* the engine's time).
 *
 * setTimeout follows the DOM's rules for odd delays: negative or NaN means 0. An infinite delay
 * never fires.
 */
export class XStateClock implements XStateClockLike, SimComponent {
  private readonly target: number;
  /** Callback slots: data of the engine event; freed slots are reused. */
  private readonly callbacks: (((...args: unknown[]) => void) | undefined)[] = [];
  private readonly handles: EventHandle[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotOfHandle = new Map<EventHandle, number>();

  constructor(private readonly sim: Simulation) {
    this.target = sim.register(this);
  }

  /** Simulated time in milliseconds (XState's unit). */
  get nowMs(): number {
    return this.sim.now * 1000;
  }

  /** Timers set and neither fired nor cleared. */
  get pendingTimers(): number {
    return this.slotOfHandle.size;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): EventHandle {
    if (timeoutMs === Infinity) return NEVER;
    const delayS = timeoutMs > 0 ? timeoutMs / 1000 : 0;
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.callbacks.length;
    const handle = this.sim.scheduleCancellable(delayS, this.target, slot);
    this.callbacks[slot] = fn;
    this.handles[slot] = handle;
    this.slotOfHandle.set(handle, slot);
    return handle;
  }

  clearTimeout(id: unknown): void {
    if (typeof id !== 'number') return;
    const slot = this.slotOfHandle.get(id);
    if (slot === undefined) return;
    this.sim.cancel(id);
    this.release(slot);
  }

  /** The engine reached a timer's time. */
  onEvent(slot: number): void {
    const fn = this.callbacks[slot];
    this.release(slot);
    fn?.();
  }

  private release(slot: number): void {
    this.slotOfHandle.delete(this.handles[slot]);
    this.callbacks[slot] = undefined;
    this.freeSlots.push(slot);
  }
}
