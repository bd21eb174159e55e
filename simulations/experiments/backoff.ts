/**
 * The experiment of "Exponential Backoff And Jitter" (Marc Brooker, AWS Architecture Blog, 2015),
 * modelled as its published simulator defines it (github.com/aws-samples/aws-arch-backoff-simulator,
 * src/backoff_simulator.py):
 *
 * - One server holds one row with a version number (optimistic concurrency control). N clients
 *   each want to update the row exactly once: read the version, then write conditioned on it. A
 *   write succeeds only if the version is unchanged (and bumps it); a failed write makes the client
 *   back off, then read and write again.
 * - All clients start at t = 0. Every message (read request, read reply, write request, write
 *   reply) takes a network delay |N(10 ms, 2 ms)|; the server itself takes no time.
 * - Backoff after the n-th failure (n = 1, 2, …), base 5 ms, cap 2 s, expo(n) = min(cap, base·2^n):
 *   none 0; exponential expo(n); full jitter U(0, expo(n)); equal jitter expo(n)/2 + U(0, expo(n)/2);
 *   decorrelated sleep = min(cap, U(base, 3·sleep)) starting from sleep = base. The backoff is
 *   added to the network delay of the next read.
 * - Work = write calls reaching the server; time = when the last client learns its write
 *   succeeded (the last event). Both averaged over independent trials (the simulator runs 100).
 *
 * Randomness comes from the engine's seeded xoshiro streams (one for the network, one for the
 * jitter, per trial), so the numbers are reproducible but not draw-for-draw those of Python's
 * Mersenne Twister; the model, and therefore the expected values, are the same.
 */
import { EventHeap } from '../engine/heap';
import { rngStream, type Rng } from '../engine/rng';

export const BACKOFF_STRATEGIES = [
  'no-backoff',
  'exponential',
  'full',
  'equal',
  'decorrelated',
] as const;
export type BackoffStrategy = (typeof BACKOFF_STRATEGIES)[number];

/** The simulator's constants (backoff_simulator.py: Net(10, 2), backoff_cls(5, 2000)), ms. */
export const NETWORK_MEAN_MS = 10;
export const NETWORK_SD_MS = 2;
export const BASE_MS = 5;
export const CAP_MS = 2000;
/** The simulator averages every point over 100 runs. */
export const DEFAULT_TRIALS = 100;

export interface BackoffParams {
  clients: number;
  strategy: BackoffStrategy;
  trials: number;
  seed: number;
}

export interface BackoffResult extends BackoffParams {
  meanCompletionMs: number;
  meanWriteCalls: number;
}

// Message kinds (event targets); the client index is the event's data.
const READ_AT_SERVER = 0;
const READ_REPLY = 1;
const WRITE_AT_SERVER = 2;
const WRITE_REPLY = 3;

/** |N(mean, sd)| by Box–Muller, as the simulator's abs(random.normalvariate(10, 2)). */
function networkDelay(rng: Rng): number {
  const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
  return Math.abs(NETWORK_MEAN_MS + NETWORK_SD_MS * r * Math.cos(2 * Math.PI * rng.next()));
}

/** One trial: returns [completion time ms, write calls]. */
export function runBackoffTrial(
  clients: number,
  strategy: BackoffStrategy,
  net: Rng,
  jitter: Rng,
): [number, number] {
  const heap = new EventHeap(clients * 2);
  const readVersion = new Float64Array(clients);
  const writeOk = new Uint8Array(clients);
  const attempt = new Int32Array(clients);
  const sleep = new Float64Array(clients).fill(BASE_MS);
  let version = 0;
  let writeCalls = 0;
  let now = 0;
  for (let c = 0; c < clients; c++) heap.push(networkDelay(net), READ_AT_SERVER, c);
  const backoff = (c: number): number => {
    const n = attempt[c];
    const expo = Math.min(CAP_MS, 2 ** n * BASE_MS);
    switch (strategy) {
      case 'no-backoff':
        return 0;
      case 'exponential':
        return expo;
      case 'full':
        return jitter.next() * expo;
      case 'equal':
        return expo / 2 + jitter.next() * (expo / 2);
      case 'decorrelated': {
        const high = sleep[c] * 3;
        sleep[c] = Math.min(CAP_MS, BASE_MS + jitter.next() * (high - BASE_MS));
        return sleep[c];
      }
    }
  };
  while (heap.pop()) {
    now = heap.topTime;
    const c = heap.topData;
    switch (heap.topTarget) {
      case READ_AT_SERVER:
        readVersion[c] = version;
        heap.push(now + networkDelay(net), READ_REPLY, c);
        break;
      case READ_REPLY:
        heap.push(now + networkDelay(net), WRITE_AT_SERVER, c);
        break;
      case WRITE_AT_SERVER:
        writeCalls++;
        if (readVersion[c] === version) {
          version++;
          writeOk[c] = 1;
        } else writeOk[c] = 0;
        heap.push(now + networkDelay(net), WRITE_REPLY, c);
        break;
      case WRITE_REPLY:
        if (writeOk[c] === 0) {
          attempt[c]++;
          // Python evaluates `tm + self.net.delay() + self.backoff.backoff(...)` left to right.
          const delay = networkDelay(net);
          heap.push(now + delay + backoff(c), READ_AT_SERVER, c);
        }
        break;
    }
  }
  return [now, writeCalls];
}

/** Mean completion time and write calls over `trials` independent seeded trials. */
export function runBackoffExperiment(params: BackoffParams): BackoffResult {
  const { clients, strategy, trials, seed } = params;
  let time = 0;
  let calls = 0;
  for (let t = 0; t < trials; t++) {
    // Streams named by trial, not by strategy: every strategy meets the same network draws in
    // trial t for as long as their histories agree (common random numbers sharpen comparisons).
    const [ms, writes] = runBackoffTrial(
      clients,
      strategy,
      rngStream(seed, `backoff/net/${t}`),
      rngStream(seed, `backoff/jitter/${t}`),
    );
    time += ms;
    calls += writes;
  }
  return {
    clients,
    strategy,
    trials,
    seed,
    meanCompletionMs: time / trials,
    meanWriteCalls: calls / trials,
  };
}
