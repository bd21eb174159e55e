/**
 * Binary min-heap of events over parallel typed arrays: no object is allocated per event.
 *
 * Each entry is (time, seq, target, data). Ordering is by time, then by `seq`, the insertion
 * sequence number, so two events scheduled for the same instant pop in the order they were
 * scheduled (deterministic FIFO tie-break). `seq` is stored as a float64: exact up to 2^53
 * insertions, far beyond any run we do.
 */
export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private targets: Int32Array;
  private datas: Int32Array;
  private count = 0;
  private nextSeq = 0;

  /** Fields of the entry removed by the last pop(); read them right after pop(). */
  topTime = 0;
  topTarget = 0;
  topData = 0;

  constructor(initialCapacity = 64) {
    const cap = Math.max(4, initialCapacity | 0);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.targets = new Int32Array(cap);
    this.datas = new Int32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or +Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  push(time: number, target: number, data: number): void {
    this.stagedTime = time;
    this.pushStaged(target, data);
  }

  /**
   * Time of the entry pushStaged() will insert. Hot callers write it and call pushStaged(), so no
   * double crosses a call boundary: if V8 declines to inline the push, a double argument would be
   * boxed in a fresh HeapNumber (an allocation per event); a double field is updated in place.
   */
  stagedTime = 0;

  pushStaged(target: number, data: number): void {
    const time = this.stagedTime;
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    const seq = this.nextSeq++;
    // Sift up with a hole: move parents down until the new entry's slot is found.
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      targets[i] = targets[p];
      datas[i] = datas[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    targets[i] = target;
    datas[i] = data;
  }

  /** Removes the earliest event into topTime/topTarget/topData. Returns false when empty. */
  pop(): boolean {
    const n = this.count;
    if (n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const datas = this.datas;
    this.topTime = times[0];
    this.topTarget = targets[0];
    this.topData = datas[0];
    const last = n - 1;
    this.count = last;
    if (last === 0) return true;
    // Sift the last entry down from the root with a hole.
    const t = times[last];
    const s = seqs[last];
    const tg = targets[last];
    const d = datas[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last) {
        const ct = times[c];
        const rt = times[r];
        if (rt < ct || (rt === ct && seqs[r] < seqs[c])) c = r;
      }
      const ct = times[c];
      if (t < ct || (t === ct && s < seqs[c])) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      targets[i] = targets[c];
      datas[i] = datas[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    targets[i] = tg;
    datas[i] = d;
    return true;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const targets = new Int32Array(cap);
    const datas = new Int32Array(cap);
    times.set(this.times);
    seqs.set(this.seqs);
    targets.set(this.targets);
    datas.set(this.datas);
    this.times = times;
    this.seqs = seqs;
    this.targets = targets;
    this.datas = datas;
  }
}
