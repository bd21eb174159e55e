import { AliasTable } from '../engine/alias';
import { FifoTimers } from '../engine/fifoTimers';
import * as poolFlags from '../engine/requestPool';
import type { RequestPool } from '../engine/requestPool';
import type { Rng } from '../engine/rng';
import type { SimComponent, Simulation } from '../engine/simulation';
import type { RetrySpec } from '../scenario/schema';
import type { Counters } from './counters';
import type { AttemptSink, RequestFlow } from './flow';
import type { Keyspace } from './keyspace';
import { backoffS, RetryBudget, type Breaker } from './policies';

/** Module-local: an imported binding is a getter call per use once transpiled to CommonJS. */
const FLAG_ROOT = poolFlags.FLAG_ROOT;

export interface ClientOptions {
  /** Client requests per second of the simulated sample. */
  ratePerS: number;
  /** Endpoint weights (index = request class); static assets last when present. */
  weights: readonly number[];
  writes: readonly boolean[];
  /** Class index served through the CDN (-1: none) and the tier it enters at. */
  staticClass: number;
  cdnTier: number;
  entryTier: number;
  timeoutS: number;
  retry: RetrySpec;
  breaker: Breaker | null;
}

/** Observes successful client requests (latency in s, including network round trips). */
export interface LatencySink {
  success(latencyS: number): void;
}

/**
 * The load generator and the client side of every request. Concurrent users each send a request
 * on average every `requestIntervalS`; the superposition of many independent users is Poisson
 * (Palm–Khintchine theorem), so arrivals are one Poisson stream. Each client request (a root
 * frame) makes attempts with a per-attempt timeout, retries per its policy (backoff, jitter,
 * budget), and may sit behind its own circuit breaker.
 */
export class Clients implements SimComponent, AttemptSink {
  ratePerS: number;
  private readonly target: number;
  private readonly retryTarget: number;
  private readonly mix: AliasTable;
  private readonly timers: FifoTimers;
  private readonly budget: RetryBudget | null;

  constructor(
    private readonly sim: Simulation,
    private readonly pool: RequestPool,
    private readonly flow: RequestFlow,
    private readonly keys: Keyspace,
    private readonly counters: Counters,
    private readonly latency: LatencySink,
    private readonly rng: Rng,
    private readonly options: ClientOptions,
  ) {
    this.ratePerS = options.ratePerS;
    this.mix = new AliasTable(options.weights);
    this.target = sim.register(this);
    this.retryTarget = sim.register({ onEvent: (root) => this.attempt(root) });
    this.timers = new FifoTimers(
      sim,
      options.timeoutS,
      (r) => pool.epoch[r],
      (r) => this.timeout(r),
    );
    const b = options.retry.budget;
    this.budget = b ? new RetryBudget(b.maxTokens, b.tokenRatio) : null;
    this.scheduleNext();
  }

  get retriesRefused(): number {
    return this.budget?.refused ?? 0;
  }

  private scheduleNext(): void {
    if (this.ratePerS > 0)
      this.sim.schedule(-Math.log(1 - this.rng.next()) / this.ratePerS, this.target, 0);
  }

  /** Changes the offered load from now on (memoryless, so redrawing the next gap is exact). */
  setRate(ratePerS: number): void {
    const stopped = this.ratePerS === 0;
    this.ratePerS = ratePerS;
    if (stopped) this.scheduleNext();
  }

  /** A new client request arrives. */
  onEvent(_data: number): void {
    this.scheduleNext();
    const pool = this.pool;
    const r = pool.alloc(this.sim.now);
    pool.flags[r] = FLAG_ROOT;
    const cls = this.mix.sample(this.rng);
    pool.cls[r] = cls;
    pool.write[r] = this.options.writes[cls] ? 1 : 0;
    pool.key[r] = this.keys.draw(this.rng);
    pool.user[r] = this.keys.drawUser(this.rng);
    this.counters.arrivals++;
    this.attempt(r);
  }

  /** Sends the root's next attempt to its entry tier. */
  private attempt(r: number): void {
    const pool = this.pool;
    const breaker = this.options.breaker;
    if (breaker !== null && !breaker.allow()) {
      this.counters.breakerRejected++;
      this.fail(r);
      return;
    }
    this.counters.attempts++;
    const a = pool.alloc(this.sim.now);
    pool.cls[a] = pool.cls[r];
    pool.write[a] = pool.write[r];
    pool.key[a] = pool.key[r];
    pool.user[a] = pool.user[r];
    pool.root[a] = r;
    pool.rootEpoch[a] = pool.epoch[r];
    pool.replyTo[a] = r;
    pool.replyEpoch[a] = pool.epoch[r];
    const deadline = this.sim.now + this.options.timeoutS;
    pool.deadline[r] = deadline;
    pool.deadline[a] = deadline;
    this.timers.set(r, pool.epoch[r]);
    const o = this.options;
    const entry = pool.cls[r] === o.staticClass && o.cdnTier >= 0 ? o.cdnTier : o.entryTier;
    this.flow.send(a, entry, -1);
  }

  attemptReply(r: number, epoch: number, ok: boolean): void {
    this.counters.responses++;
    const pool = this.pool;
    if (pool.epoch[r] !== epoch) return; // the client gave up on this attempt already
    pool.epoch[r]++;
    if (ok) {
      this.options.breaker?.record(true);
      this.budget?.success();
      this.counters.completed++;
      this.latency.success(this.sim.now - pool.created[r] + pool.net[r]);
      pool.release(r);
      return;
    }
    this.retryOrFail(r);
  }

  private timeout(r: number): void {
    this.pool.epoch[r]++;
    this.counters.clientTimeouts++;
    this.retryOrFail(r);
  }

  private retryOrFail(r: number): void {
    const pool = this.pool;
    this.options.breaker?.record(false);
    this.budget?.failure();
    const retry = this.options.retry;
    const next = pool.attempt[r] + 1;
    if (
      retry.strategy === 'none' ||
      next >= retry.maxAttempts ||
      (this.budget !== null && !this.budget.allowRetry())
    ) {
      this.fail(r);
      return;
    }
    pool.attempt[r] = next;
    this.counters.retries++;
    const delay = backoffS(retry, next, pool.aux[r], this.rng);
    pool.aux[r] = delay;
    this.sim.schedule(delay, this.retryTarget, r);
  }

  private fail(r: number): void {
    this.counters.failed++;
    this.pool.release(r);
  }
}
