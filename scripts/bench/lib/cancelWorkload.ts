/**
 * A timeout-heavy workload for the two cancellation designs: `inFlight` requests, each with a
 * completion (Exp(1) s) and a timeout (10 s) that is cancelled when the completion comes first
 * (almost always), so most timeouts die unfired: the pattern of client timeouts and retry timers.
 * Also a no-cancel "hold" workload (pop one, push one) that shows what each design costs events
 * that never use cancellation.
 *
 * Times are process CPU time (user + system), not wall time: on a shared 2-core machine other
 * processes stretch wall time far more than they stretch our own CPU time.
 */
import { EventHeap } from '../../../simulations/engine/heap';
import { rngStream } from '../../../simulations/engine/rng';
import { IndexedEventHeap } from './indexedHeap';

const TIMEOUT_S = 10;

/** Milliseconds of CPU time this process has used. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
const COMPLETION = 0;
const TIMEOUT = 1;

export interface WorkloadResult {
  events: number;
  ms: number;
  timedOut: number;
}

export function lazyTimeouts(requests: number, inFlight: number, seed = 1): WorkloadResult {
  const heap = new EventHeap();
  const rng = rngStream(seed, 'bench/timeouts');
  const timeoutOf = new Float64Array(inFlight);
  const t0 = cpuMs();
  let started = 0;
  let events = 0;
  let timedOut = 0;
  const start = (slot: number, now: number) => {
    started++;
    heap.push(now - Math.log(1 - rng.next()), COMPLETION, slot);
    timeoutOf[slot] = heap.pushCancellable(now + TIMEOUT_S, TIMEOUT, slot);
  };
  for (let s = 0; s < inFlight; s++) start(s, 0);
  while (heap.pop()) {
    events++;
    const slot = heap.topData;
    if (heap.topTarget === COMPLETION) heap.cancel(timeoutOf[slot]);
    else timedOut++;
    if (started < requests) start(slot, heap.topTime);
  }
  return { events, ms: cpuMs() - t0, timedOut };
}

export function indexedTimeouts(requests: number, inFlight: number, seed = 1): WorkloadResult {
  const heap = new IndexedEventHeap();
  const rng = rngStream(seed, 'bench/timeouts');
  const timeoutOf = new Int32Array(inFlight);
  const t0 = cpuMs();
  let started = 0;
  let events = 0;
  let timedOut = 0;
  const start = (slot: number, now: number) => {
    started++;
    heap.push(now - Math.log(1 - rng.next()), COMPLETION, slot);
    timeoutOf[slot] = heap.push(now + TIMEOUT_S, TIMEOUT, slot);
  };
  for (let s = 0; s < inFlight; s++) start(s, 0);
  while (heap.pop()) {
    events++;
    const slot = heap.topData;
    if (heap.topTarget === COMPLETION) heap.cancel(timeoutOf[slot]);
    else timedOut++;
    if (started < requests) start(slot, heap.topTime);
  }
  return { events, ms: cpuMs() - t0, timedOut };
}

/** The classic hold model: `size` pending events; pop one, push one at now + Exp(1). */
export function hold(
  heap: { push(t: number, target: number, data: number): unknown; pop(): boolean; topTime: number },
  operations: number,
  size: number,
  seed = 1,
): { ms: number } {
  const rng = rngStream(seed, 'bench/hold');
  for (let i = 0; i < size; i++) heap.push(-Math.log(1 - rng.next()), 0, i);
  const t0 = cpuMs();
  for (let i = 0; i < operations; i++) {
    heap.pop();
    heap.push(heap.topTime - Math.log(1 - rng.next()), 0, i);
  }
  return { ms: cpuMs() - t0 };
}

export { EventHeap, IndexedEventHeap };
