/**
 * The reference event loop both engine benchmarks compare against: M/M/1 at ρ = 0.9 written as
 * leanly as we can (see the comment below). Shared by scripts/bench/engine.ts and topology.ts.
 */
const LAMBDA = 0.9;
const MU = 1;

/**
 * The reference: the leanest M/M/1 event loop we can write. Binary heap over typed arrays
 * (time + kind), xoshiro128** inline (same generator as the engine), a ring buffer of arrival
 * times, and running sums of wait and sojourn. No warm-up logic, histograms or batch means.
 */
export function referenceLoop(customers: number): {
  events: number;
  meanWait: number;
  meanSojourn: number;
} {
  let s0 = 0x9e3779b9 | 0;
  let s1 = 0x243f6a88 | 0;
  let s2 = 0xb7e15162 | 0;
  let s3 = 0x71374491 | 0;
  const uniform = (): number => {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (r >>> 0) * 2.3283064365386963e-10;
  };
  const heapT = new Float64Array(16);
  const heapK = new Int8Array(16);
  let heapN = 0;
  const push = (t: number, k: number): void => {
    let i = heapN++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapT[p] <= t) break;
      heapT[i] = heapT[p];
      heapK[i] = heapK[p];
      i = p;
    }
    heapT[i] = t;
    heapK[i] = k;
  };
  let popT = 0;
  let popK = 0;
  const pop = (): void => {
    popT = heapT[0];
    popK = heapK[0];
    const last = --heapN;
    const t = heapT[last];
    const k = heapK[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && heapT[c + 1] < heapT[c]) c++;
      if (t <= heapT[c]) break;
      heapT[i] = heapT[c];
      heapK[i] = heapK[c];
      i = c;
    }
    heapT[i] = t;
    heapK[i] = k;
  };
  let queue = new Float64Array(1 << 16);
  let head = 0;
  let len = 0;
  let busyArrival = 0;
  let busy = false;
  let done = 0;
  let events = 0;
  let sumWait = 0;
  let sumSojourn = 0;
  push(-Math.log(1 - uniform()) / LAMBDA, 0);
  while (done < customers) {
    pop();
    events++;
    const now = popT;
    if (popK === 0) {
      push(now - Math.log(1 - uniform()) / LAMBDA, 0);
      if (!busy) {
        busy = true;
        busyArrival = now;
        push(now - Math.log(1 - uniform()) / MU, 1);
      } else {
        if (len === queue.length) {
          const bigger = new Float64Array(queue.length * 2);
          for (let i = 0; i < len; i++) bigger[i] = queue[(head + i) % queue.length];
          queue = bigger;
          head = 0;
        }
        queue[(head + len++) % queue.length] = now;
      }
    } else {
      sumSojourn += now - busyArrival;
      done++;
      if (len > 0) {
        busyArrival = queue[head];
        head = (head + 1) % queue.length;
        len--;
        sumWait += now - busyArrival;
        push(now - Math.log(1 - uniform()) / MU, 1);
      } else {
        busy = false;
      }
    }
  }
  return { events, meanWait: sumWait / done, meanSojourn: sumSojourn / done };
}
