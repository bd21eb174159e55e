import { LogHistogram } from './histogram';
import { BatchMeans } from './stats';

/**
 * Observations buffered before being folded into the statistics. Blocks keep the per-customer hot
 * path to two typed-array stores, small enough that V8 inlines it into the station's event handler;
 * the histogram and batch-means updates then run in a tight loop once per block. (A non-inlined
 * call with a double argument makes V8 allocate a HeapNumber, i.e. garbage on every event.)
 */
const BLOCK = 512;

/** Wait and sojourn statistics of measured customers: histograms and batch means, exact order. */
export class CustomerStats {
  private readonly buffer = new Float64Array(2 * BLOCK);
  private pending = 0;
  private readonly waitHistogram: LogHistogram;
  private readonly sojournHistogram: LogHistogram;
  private readonly waitBatchMeans = new BatchMeans();
  private readonly sojournBatchMeans = new BatchMeans();
  private waitedCount = 0;

  constructor(histogramPrecisionBits?: number) {
    this.waitHistogram = new LogHistogram(histogramPrecisionBits);
    this.sojournHistogram = new LogHistogram(histogramPrecisionBits);
  }

  /** One customer's wait in queue and time in system (seconds). */
  add(waitS: number, sojournS: number): void {
    if (this.pending === BLOCK) this.flush();
    const i = 2 * this.pending++;
    this.buffer[i] = waitS;
    this.buffer[i + 1] = sojournS;
  }

  get waits(): LogHistogram {
    this.flush();
    return this.waitHistogram;
  }
  get sojourns(): LogHistogram {
    this.flush();
    return this.sojournHistogram;
  }
  get waitBatches(): BatchMeans {
    this.flush();
    return this.waitBatchMeans;
  }
  get sojournBatches(): BatchMeans {
    this.flush();
    return this.sojournBatchMeans;
  }
  /** Customers whose wait was > 0. */
  get waited(): number {
    this.flush();
    return this.waitedCount;
  }

  reset(): void {
    this.pending = 0;
    this.waitedCount = 0;
    this.waitHistogram.reset();
    this.sojournHistogram.reset();
    this.waitBatchMeans.reset();
    this.sojournBatchMeans.reset();
  }

  private flush(): void {
    const buffer = this.buffer;
    for (let i = 0; i < 2 * this.pending; i += 2) {
      const wait = buffer[i];
      const sojourn = buffer[i + 1];
      this.waitHistogram.record(wait);
      this.waitBatchMeans.add(wait);
      if (wait > 0) this.waitedCount++;
      this.sojournHistogram.record(sojourn);
      this.sojournBatchMeans.add(sojourn);
    }
    this.pending = 0;
  }
}
