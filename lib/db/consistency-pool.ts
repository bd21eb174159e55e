import type { PGlite } from '@electric-sql/pglite';
import { openPglite, type PgliteSource } from './open';

/**
 * The PGlite instances the consistency labs run on (a primary and a replica, or one per shard),
 * opened from the tiny `consistency` data dir and kept between runs: every lab recreates its own
 * tables, so reuse is safe and a second run starts in milliseconds.
 *
 * Why a dumped data dir and not `PGlite.create()`: from scratch, create() runs initdb — 5–6 s on a
 * quiet machine (reference-numbers.md), 17 s measured here under load — while loading the dumped
 * 26 MB `consistency` dir took 2.8–4 s under the same load (1–2 s quiet).
 *
 * Why shared_buffers=16MB: PGlite's default 128MB made each instance's wasm heap grow to 198 MB on
 * first use (measured, Node, PGlite 0.5.17); with 16MB it stays at 134 MB, the module's declared
 * minimum (2048 × 64 KiB pages: asking for less fails with a LinkError). The lab tables are a few
 * hundred KB, so 16MB of buffers never evicts anything.
 */
export const CONSISTENCY_START_PARAMS = ['-c', 'shared_buffers=16MB'] as const;

export class InstancePool {
  private readonly dbs: PGlite[] = [];
  /** Time spent opening instances, per instance, ms (the widget reports start-up cost). */
  readonly openMs: number[] = [];

  /** `borrowed`: an instance opened elsewhere (the engine's own), used first and never closed here. */
  constructor(
    private readonly open: () => Promise<PGlite>,
    private readonly borrowed?: PGlite,
  ) {
    if (borrowed) {
      this.dbs.push(borrowed);
      this.openMs.push(0);
    }
  }

  static fromSource(source: PgliteSource, borrowed?: PGlite): InstancePool {
    return new InstancePool(
      () => openPglite(source, { startParams: CONSISTENCY_START_PARAMS }),
      borrowed,
    );
  }

  get size(): number {
    return this.dbs.length;
  }

  /** The first n instances, opening the missing ones (one at a time: each is a full Postgres). */
  async take(n: number): Promise<PGlite[]> {
    while (this.dbs.length < n) {
      const t0 = performance.now();
      this.dbs.push(await this.open());
      this.openMs.push(performance.now() - t0);
    }
    return this.dbs.slice(0, n);
  }

  /**
   * Bytes of WebAssembly memory the open instances hold: the bulk of the worker's memory, since
   * the whole database lives in it. Read from the Emscripten module PGlite keeps (not a public API
   * in 0.5.17, hence the defensive access); 0 when it is not reachable.
   */
  wasmHeapBytes(): number {
    let total = 0;
    for (const db of this.dbs) {
      const mod = (db as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod;
      total += mod?.HEAPU8?.byteLength ?? 0;
    }
    return total;
  }

  async close(): Promise<void> {
    const dbs = this.dbs.splice(0);
    this.openMs.length = 0;
    await Promise.all(
      dbs.filter((db) => db !== this.borrowed).map((db) => db.close().catch(() => undefined)),
    );
  }
}
