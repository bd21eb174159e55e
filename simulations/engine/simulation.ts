import { EventHeap, type EventHandle } from './heap';

/**
 * Anything that receives events: an arrival source, a station, a snapshotter, a model component.
 * `data` is a small integer the component chose when scheduling (a server index, a user id...),
 * so per-event state lives in the component's own typed arrays, not in event objects.
 */
export interface SimComponent {
  onEvent(data: number): void;
}

/**
 * The discrete-event clock. It owns simulated time (`now`, SI seconds) and the event heap, and
 * dispatches each event to the component that scheduled it. Everything is synchronous and pure:
 * the same components with the same seeds give bit-identical runs; drivers (CLI loop, worker,
 * requestAnimationFrame) call step()/runUntil()/run().
 */
export class Simulation {
  /** Current simulated time in seconds. */
  now = 0;
  /** Events processed so far (heap pops). */
  events = 0;
  private stopped = false;
  private readonly heap = new EventHeap();
  private readonly components: SimComponent[] = [];

  /** Registers a component and returns its target id for schedule(). */
  register(component: SimComponent): number {
    this.components.push(component);
    return this.components.length - 1;
  }

  /** Schedules an event `delayS` seconds from now. Rejects NaN, negative and infinite delays. */
  schedule(delayS: number, target: number, data: number): void {
    if (!(delayS >= 0 && delayS < Infinity)) {
      throw new RangeError(`schedule: delay must be finite and >= 0, got ${delayS}`);
    }
    this.heap.stagedTime = this.now + delayS;
    this.heap.pushStaged(target, data);
  }

  /** Schedules an event at an absolute time, which must not lie in the past. */
  scheduleAt(timeS: number, target: number, data: number): void {
    if (!(timeS >= this.now && timeS < Infinity)) {
      throw new RangeError(
        `scheduleAt: time must be finite and >= now (${this.now}), got ${timeS}`,
      );
    }
    this.heap.stagedTime = timeS;
    this.heap.pushStaged(target, data);
  }

  /**
   * Like schedule(), but returns a handle for cancel(): timeouts, retry timers, breaker waits and
   * XState delays. Plain schedule() stays the cheaper call for events that always fire.
   */
  scheduleCancellable(delayS: number, target: number, data: number): EventHandle {
    if (!(delayS >= 0 && delayS < Infinity)) {
      throw new RangeError(`schedule: delay must be finite and >= 0, got ${delayS}`);
    }
    return this.heap.pushCancellable(this.now + delayS, target, data);
  }

  /** Cancellable form of scheduleAt(). */
  scheduleAtCancellable(timeS: number, target: number, data: number): EventHandle {
    if (!(timeS >= this.now && timeS < Infinity)) {
      throw new RangeError(
        `scheduleAt: time must be finite and >= now (${this.now}), got ${timeS}`,
      );
    }
    return this.heap.pushCancellable(timeS, target, data);
  }

  /**
   * Cancels a pending event from scheduleCancellable(). Returns false, changing nothing, when the
   * event already fired, was cancelled before, or the handle is not one of ours.
   */
  cancel(handle: EventHandle): boolean {
    return this.heap.cancel(handle);
  }

  /** Whether the event of `handle` has neither fired nor been cancelled. */
  isPending(handle: EventHandle): boolean {
    return this.heap.isPending(handle);
  }

  /** Number of pending (not cancelled) events. */
  get pending(): number {
    return this.heap.size;
  }

  /** Time of the next event (+Infinity if none). */
  nextEventTime(): number {
    return this.heap.peekTime();
  }

  /** Makes the current run()/runUntil() return after the event being processed. */
  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Processes exactly one event. Returns false if there was none. */
  step(): boolean {
    const heap = this.heap;
    if (!heap.pop()) return false;
    this.now = heap.topTime;
    this.events++;
    this.components[heap.topTarget].onEvent(heap.topData);
    return true;
  }

  /**
   * Processes every event with time <= `timeS`, then advances the clock to `timeS` (unless
   * stopped early). Returns the number of events processed.
   */
  runUntil(timeS: number): number {
    if (!(timeS >= this.now))
      throw new RangeError(`runUntil: ${timeS} is before now (${this.now})`);
    this.stopped = false;
    const heap = this.heap;
    const components = this.components;
    const start = this.events;
    while (!this.stopped && heap.size > 0 && heap.peekTime() <= timeS) {
      heap.pop();
      this.now = heap.topTime;
      this.events++;
      components[heap.topTarget].onEvent(heap.topData);
    }
    if (!this.stopped && timeS < Infinity) this.now = timeS;
    return this.events - start;
  }

  /** Runs until the heap is empty, stop() is called, or `maxEvents` have been processed. */
  run(maxEvents = Infinity): number {
    this.stopped = false;
    const heap = this.heap;
    const components = this.components;
    const start = this.events;
    const limit = start + maxEvents;
    while (!this.stopped && this.events < limit && heap.pop()) {
      this.now = heap.topTime;
      this.events++;
      components[heap.topTarget].onEvent(heap.topData);
    }
    return this.events - start;
  }
}
