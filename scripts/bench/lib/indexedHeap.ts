/**
 * The alternative to lazy deletion, kept for the benchmark only: an indexed binary heap. Every
 * entry carries an id and `position[id]` follows it through every sift move, so cancel(id) can
 * remove the entry at once (swap with the last, sift up or down). The price is one extra array
 * write per move for *every* event, cancellable or not.
 */
export class IndexedEventHeap {
  private times = new Float64Array(64);
  private seqs = new Float64Array(64);
  private targets = new Int32Array(64);
  private datas = new Int32Array(64);
  private ids = new Int32Array(64);
  private position = new Int32Array(64);
  private freeIds = new Int32Array(64);
  private freeCount = 0;
  private idsUsed = 0;
  private count = 0;
  private nextSeq = 0;
  topTime = 0;
  topTarget = 0;
  topData = 0;

  get size(): number {
    return this.count;
  }

  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  /** Every push returns an id usable by cancel(). */
  push(time: number, target: number, data: number): number {
    if (this.count === this.times.length) this.grow();
    let id: number;
    if (this.freeCount > 0) id = this.freeIds[--this.freeCount];
    else {
      if (this.idsUsed === this.position.length) this.growIds();
      id = this.idsUsed++;
    }
    const i = this.count++;
    this.times[i] = time;
    this.seqs[i] = this.nextSeq++;
    this.targets[i] = target;
    this.datas[i] = data;
    this.ids[i] = id;
    this.position[id] = i;
    this.siftUp(i);
    return id;
  }

  pop(): boolean {
    if (this.count === 0) return false;
    this.topTime = this.times[0];
    this.topTarget = this.targets[0];
    this.topData = this.datas[0];
    this.removeAt(0);
    return true;
  }

  cancel(id: number): boolean {
    const i = this.position[id];
    if (i < 0 || i >= this.count || this.ids[i] !== id) return false;
    this.removeAt(i);
    return true;
  }

  private removeAt(i: number): void {
    const id = this.ids[i];
    this.position[id] = -1;
    this.freeIds[this.freeCount++] = id;
    const last = --this.count;
    if (i === last) return;
    this.move(last, i);
    this.siftDown(i);
    this.siftUp(i);
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && this.seqs[a] < this.seqs[b]);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.targets[to] = this.targets[from];
    this.datas[to] = this.datas[from];
    const id = this.ids[from];
    this.ids[to] = id;
    this.position[id] = to;
  }

  private swap(a: number, b: number): void {
    const t = this.times[a];
    const s = this.seqs[a];
    const tg = this.targets[a];
    const d = this.datas[a];
    const id = this.ids[a];
    this.move(b, a);
    this.times[b] = t;
    this.seqs[b] = s;
    this.targets[b] = tg;
    this.datas[b] = d;
    this.ids[b] = id;
    this.position[id] = b;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.count;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(c + 1, c)) c++;
      if (!this.less(c, i)) break;
      this.swap(i, c);
      i = c;
    }
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.times = f(this.times);
    this.seqs = f(this.seqs);
    this.targets = g(this.targets);
    this.datas = g(this.datas);
    this.ids = g(this.ids);
  }

  private growIds(): void {
    const cap = this.position.length * 2;
    const p = new Int32Array(cap);
    p.set(this.position);
    this.position = p;
    const f = new Int32Array(cap);
    f.set(this.freeIds);
    this.freeIds = f;
  }
}
