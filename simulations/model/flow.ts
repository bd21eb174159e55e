import * as poolFlags from '../engine/requestPool';
import type { RequestPool } from '../engine/requestPool';
import type { Rng } from '../engine/rng';
import type { Simulation } from '../engine/simulation';
import type { XStateClockLike } from '../engine/xstateClock';
import type { Scenario } from '../scenario/schema';
import type { Counters } from './counters';
import type { Keyspace } from './keyspace';
import * as reject from './serverNode';
import type { NodeHost, ServerNode } from './serverNode';
import type { TierSizing } from './sizing';
import * as codes from './tiers';
import { buildTiers, type CallStep, type TierRuntime } from './tiers';

// Module-local copies of imported constants: transpiled to CommonJS (tsx, vitest), an imported
// binding is read through a getter call on every use, which cost ~10% of the hot path.
const K_APP = codes.K_APP;
const K_CACHE = codes.K_CACHE;
const K_CDN = codes.K_CDN;
const K_DB = codes.K_DB;
const K_REPLICA = codes.K_REPLICA;
const K_SERVICE = codes.K_SERVICE;
const P_LEAST = codes.P_LEAST;
const P_P2C = codes.P_P2C;
const P_RR = codes.P_RR;
const FLAG_CHILD_FAILED = poolFlags.FLAG_CHILD_FAILED;
const FLAG_MISS = poolFlags.FLAG_MISS;
const FLAG_ROOT = poolFlags.FLAG_ROOT;
const REJECT_CRASHED = reject.REJECT_CRASHED;
const REJECT_QUEUE_FULL = reject.REJECT_QUEUE_FULL;
const REJECT_QUEUE_TIMEOUT = reject.REJECT_QUEUE_TIMEOUT;

export type { CallStep, TierRuntime } from './tiers';

/** Where attempt replies go (the client side). `epoch` is the root's epoch the attempt was sent at. */
export interface AttemptSink {
  attemptReply(root: number, epoch: number, ok: boolean): void;
}

/**
 * The request flow: routes frames between tiers, runs each node's call plan (sequential steps,
 * parallel fan-out, fire-and-forget publishes), and applies the per-kind behaviour of caches,
 * replicas, primaries and CDNs. Plain code over the pooled typed arrays; a request never touches
 * an actor. Node modes (crashed, latency factor, workers, lag, partitions, breaker state) are plain
 * fields that failure injection or controllers change.
 */
export class RequestFlow implements NodeHost {
  readonly nodes: ServerNode[];
  readonly tiers: TierRuntime[];
  readonly nodeTier: Int32Array;
  /** blocked[a * tiers + b] = 1 while tiers a and b are partitioned. */
  blocked: Uint8Array;
  client: AttemptSink | null = null;
  private readonly idempotency: boolean;

  constructor(
    private readonly sim: Simulation,
    private readonly pool: RequestPool,
    private readonly rng: Rng,
    private readonly counters: Counters,
    private readonly keys: Keyspace,
    scenario: Scenario,
    sizing: readonly TierSizing[],
    endpoints: readonly { name: string; write: boolean }[],
    streams: (name: string) => Rng,
    clock: XStateClockLike,
  ) {
    this.idempotency = scenario.load.client.idempotencyKeys;
    const built = buildTiers({
      sim,
      pool,
      host: this,
      keys,
      scenario,
      sizing,
      endpoints,
      streams,
      stepTimeout: (f) => this.stepTimeout(f),
      clock,
    });
    this.nodes = built.nodes;
    this.tiers = built.tiers;
    this.nodeTier = built.nodeTier;
    this.blocked = new Uint8Array(this.tiers.length * this.tiers.length);
  }

  /** Sends frame `f` to tier `t` (called from tier `from`, -1 for the client). False if refused at once. */
  send(f: number, t: number, from: number): boolean {
    const pool = this.pool;
    const counters = this.counters;
    let tier = this.tiers[t];
    counters.hops++;
    if (from >= 0) {
      if (this.blocked[from * this.tiers.length + t] === 1) {
        counters.partitioned++;
        this.reply(f, false);
        return false;
      }
      if (tier.kind === K_SERVICE && this.tiers[from].kind === K_SERVICE)
        counters.crossServiceCalls++;
    }
    if (tier.kind === K_REPLICA && pool.write[f] === 0) {
      counters.replicaReads++;
      if (
        tier.readYourWrites &&
        tier.primary >= 0 &&
        this.sim.now - this.keys.lastUserWrite[pool.user[f]] < tier.lagS
      ) {
        counters.readYourWritesRedirects++;
        tier = this.tiers[tier.primary];
      }
    }
    const i = this.pick(tier, f);
    const buckets = tier.buckets;
    if (buckets !== null && !buckets[i - tier.first].take(this.sim.now)) {
      counters.rateLimited++;
      this.reply(f, false);
      return false;
    }
    pool.hop[f] = i;
    pool.net[pool.root[f]] += tier.netS;
    const node = this.nodes[i];
    const before = node.rejected;
    node.arrive(f);
    return node.rejected === before;
  }

  private pick(tier: TierRuntime, f: number): number {
    const k = tier.count;
    if (k === 1) return tier.first;
    if (tier.kind === K_CACHE) return tier.first + this.keys.shardOf(this.pool.key[f], k);
    if (tier.sticky) return tier.first + (this.pool.user[f] % k);
    switch (tier.policy) {
      case P_RR:
        tier.rr = tier.rr + 1 === k ? 0 : tier.rr + 1;
        return tier.first + tier.rr;
      case P_LEAST: {
        let best = tier.first;
        let bestLoad = Infinity;
        for (let i = tier.first; i < tier.first + k; i++) {
          const n = this.nodes[i];
          const load = n.busy + n.inQueue;
          if (load < bestLoad) {
            bestLoad = load;
            best = i;
          }
        }
        return best;
      }
      case P_P2C: {
        const a = tier.first + ((this.rng.next() * k) | 0);
        const b = tier.first + ((this.rng.next() * k) | 0);
        const na = this.nodes[a];
        const nb = this.nodes[b];
        return nb.busy + nb.inQueue < na.busy + na.inQueue ? b : a;
      }
      default:
        return tier.first + ((this.rng.next() * k) | 0);
    }
  }

  alive(f: number): boolean {
    return this.pool.epoch[this.pool.root[f]] === this.pool.rootEpoch[f];
  }

  rejected(_index: number, f: number, reason: number): void {
    const c = this.counters;
    if (reason === REJECT_QUEUE_FULL) c.queueFull++;
    else if (reason === REJECT_QUEUE_TIMEOUT) c.queueTimeouts++;
    else if (reason === REJECT_CRASHED) c.crashRejects++;
    else c.shed++;
    this.reply(f, false);
  }

  served(index: number, f: number): void {
    const pool = this.pool;
    const tier = this.tiers[this.nodeTier[index]];
    const now = this.sim.now;
    if (!this.alive(f)) this.counters.wasted++;
    switch (tier.kind) {
      case K_CACHE: {
        const shard = tier.caches![index - tier.first];
        const local = this.keys.localOf(pool.key[f]);
        if (pool.write[f] === 1) {
          shard.invalidate(local);
          this.finish(f, true);
          return;
        }
        if (shard.lookup(local, now)) {
          this.finish(f, true);
          return;
        }
        if (tier.coalesce) {
          const waiting = shard.fillWaiters[local];
          if (waiting !== -2) {
            pool.next[f] = waiting;
            shard.fillWaiters[local] = f;
            shard.coalesced++;
            return;
          }
          shard.fillWaiters[local] = -1;
        }
        pool.flags[f] |= FLAG_MISS;
        break;
      }
      case K_REPLICA:
        if (pool.write[f] === 0 && this.keys.lastWrite[pool.key[f]] > now - tier.lagS)
          this.counters.staleReads++;
        break;
      case K_DB:
        if (pool.write[f] === 1) {
          this.keys.lastWrite[pool.key[f]] = now;
          this.keys.lastUserWrite[pool.user[f]] = now;
          const r = pool.root[f];
          if (pool.applied[r] < 255) pool.applied[r]++;
          if (pool.applied[r] > 1) {
            if (this.idempotency) this.counters.replayedWrites++;
            else this.counters.duplicateWrites++;
          }
        }
        break;
      case K_CDN:
        this.counters.cdnRequests++;
        if (this.rng.next() < tier.hitRatio) {
          this.counters.cdnHits++;
          this.finish(f, true);
          return;
        }
        break;
      case K_APP:
        if (tier.inProcessSessions && !tier.sticky && tier.count > 1) {
          if (pool.user[f] % tier.count !== index - tier.first) this.counters.sessionMisses++;
        }
        break;
    }
    this.runPlan(f);
  }

  /** Runs frame f's call plan from its current step until it must wait or is done. */
  private runPlan(f: number): void {
    const pool = this.pool;
    for (;;) {
      const t = this.nodeTier[pool.hop[f]];
      const steps = this.tiers[t].plan[pool.cls[f]];
      const s = pool.step[f];
      if (s >= steps.length) {
        this.finish(f, (pool.flags[f] & FLAG_CHILD_FAILED) === 0);
        return;
      }
      const c = steps[s];
      if (c.breaker !== null && !c.breaker.allow()) {
        this.counters.edgeBreakerRejected++;
        if (!c.optional) {
          this.finish(f, false);
          return;
        }
        pool.step[f]++;
        continue;
      }
      if (c.async) {
        for (let j = 0; j < c.fanout; j++) {
          const child = this.spawn(f, false);
          if (!this.send(child, c.to, t) && !c.optional) {
            this.counters.backpressure++;
            this.finish(f, false);
            return;
          }
        }
        pool.step[f]++;
        continue;
      }
      // +1 guards against children that fail synchronously finishing the step mid-loop.
      pool.pending[f] = c.fanout + 1;
      for (let j = 0; j < c.fanout; j++) this.send(this.spawn(f, true), c.to, t);
      if (c.timers !== null) c.timers.set(f, pool.epoch[f]);
      if (--pool.pending[f] > 0) return;
      if (!this.advance(f)) return;
    }
  }

  private spawn(parent: number, wait: boolean): number {
    const pool = this.pool;
    const child = pool.alloc(this.sim.now);
    pool.cls[child] = pool.cls[parent];
    pool.write[child] = pool.write[parent];
    pool.key[child] = pool.key[parent];
    pool.user[child] = pool.user[parent];
    pool.deadline[child] = pool.deadline[parent];
    if (wait) {
      pool.root[child] = pool.root[parent];
      pool.rootEpoch[child] = pool.rootEpoch[parent];
      pool.replyTo[child] = parent;
      pool.replyEpoch[child] = pool.epoch[parent];
    }
    // An async message belongs to nobody: it is its own root and is always alive.
    return child;
  }

  /** The current step is over (all children replied or it timed out). False if f failed. */
  private advance(f: number): boolean {
    const pool = this.pool;
    const failed = (pool.flags[f] & FLAG_CHILD_FAILED) !== 0;
    pool.flags[f] &= ~FLAG_CHILD_FAILED;
    pool.epoch[f]++;
    pool.step[f]++;
    if (failed) {
      this.finish(f, false);
      return false;
    }
    return true;
  }

  private currentStep(f: number): CallStep {
    return this.tiers[this.nodeTier[this.pool.hop[f]]].plan[this.pool.cls[f]][this.pool.step[f]];
  }

  private stepTimeout(f: number): void {
    const pool = this.pool;
    const c = this.currentStep(f);
    this.counters.edgeTimeouts++;
    if (c.breaker !== null) c.breaker.record(false);
    if (!c.optional) pool.flags[f] |= FLAG_CHILD_FAILED;
    pool.pending[f] = 0;
    if (this.advance(f)) this.runPlan(f);
  }

  /** Frame f's work at its node is over: release a held worker, fill a cache, reply. */
  private finish(f: number, ok: boolean): void {
    const pool = this.pool;
    const index = pool.hop[f];
    if (pool.worker[f] >= 0) {
      this.nodes[index].release(pool.worker[f]);
      pool.worker[f] = -1;
    }
    if ((pool.flags[f] & FLAG_MISS) !== 0) {
      const tier = this.tiers[this.nodeTier[index]];
      const shard = tier.caches![index - tier.first];
      const local = this.keys.localOf(pool.key[f]);
      if (ok) shard.insert(local, this.sim.now);
      let w = shard.fillWaiters[local];
      shard.fillWaiters[local] = -2;
      while (w >= 0) {
        const next = pool.next[w];
        this.reply(w, ok);
        w = next;
      }
    }
    this.reply(f, ok);
  }

  private reply(f: number, ok: boolean): void {
    const pool = this.pool;
    const parent = pool.replyTo[f];
    const epoch = pool.replyEpoch[f];
    pool.release(f);
    if (parent < 0) return;
    if ((pool.flags[parent] & FLAG_ROOT) !== 0) {
      this.client!.attemptReply(parent, epoch, ok);
      return;
    }
    if (pool.epoch[parent] !== epoch) return;
    const c = this.currentStep(parent);
    if (c.breaker !== null) c.breaker.record(ok);
    if (!ok && !c.optional) pool.flags[parent] |= FLAG_CHILD_FAILED;
    if (--pool.pending[parent] === 0 && this.advance(parent)) this.runPlan(parent);
  }
}
