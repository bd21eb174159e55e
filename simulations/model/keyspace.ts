import { zipfTable, type AliasTable } from '../engine/alias';
import type { Rng } from '../engine/rng';

/**
 * The keys requests touch (channels, cache entries) and the users who send them.
 *
 * Popularity: the key space is split into `shards` equal shards (one per cache instance, as a
 * consistent hash spreads keys), and within a shard key popularity is Zipf with exponent `zipf`
 * (Breslau et al., "Web caching and Zipf-like distributions", INFOCOM 1999: s ≈ 0.6–0.9 for web
 * objects). Defining the workload shard by shard keeps sampling exact: a simulated shard sees the
 * same keys at the same rates as a real one. A key is `shard * perShard + local`.
 *
 * Bookkeeping for consistency anomalies: the last write time of every key (stale replica reads)
 * and of every user (read-your-writes).
 */
export class Keyspace {
  readonly perShard: number;
  readonly lastWrite: Float64Array;
  readonly lastUserWrite: Float64Array;
  private readonly table: AliasTable;

  constructor(
    readonly shards: number,
    perShard: number,
    zipf: number,
    readonly users: number,
  ) {
    this.perShard = Math.max(1, Math.round(perShard));
    this.table = zipfTable(this.perShard, zipf);
    this.lastWrite = new Float64Array(this.shards * this.perShard).fill(-Infinity);
    this.lastUserWrite = new Float64Array(users).fill(-Infinity);
  }

  draw(rng: Rng): number {
    const shard = this.shards === 1 ? 0 : (rng.next() * this.shards) | 0;
    return shard * this.perShard + this.table.sample(rng);
  }

  drawUser(rng: Rng): number {
    return (rng.next() * this.users) | 0;
  }

  /** Instance (of `count`) holding the key: its shard, folded when a tier has fewer instances. */
  shardOf(key: number, count: number): number {
    const shard = (key / this.perShard) | 0;
    return count === this.shards ? shard : shard % count;
  }

  localOf(key: number): number {
    return key % this.perShard;
  }
}
