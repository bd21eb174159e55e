import type { ScopeLike, WorkerEventLike, WorkerLike } from '@/lib/worker-rpc';

type Listener = (event: WorkerEventLike) => void;

/**
 * A worker and its page connected in memory: messages are structured-cloned and delivered
 * asynchronously, as postMessage does; after terminate() nothing is delivered either way.
 */
export function fakeWorkerPair() {
  const page = new Map<string, Listener[]>();
  const inWorker: Array<(event: { data: unknown }) => void> = [];
  const sent: unknown[] = [];
  let terminated = false;
  const emit = (type: string, event: WorkerEventLike): void => {
    for (const l of page.get(type) ?? []) l(event);
  };
  const scope: ScopeLike = {
    postMessage: (m) => {
      const data = structuredClone(m);
      setTimeout(() => !terminated && emit('message', { data }), 0);
    },
    addEventListener: (_type, l) => inWorker.push(l),
  };
  const worker: WorkerLike & { terminated: () => boolean } = {
    postMessage: (m) => {
      const data = structuredClone(m);
      sent.push(data);
      setTimeout(() => !terminated && inWorker.forEach((l) => l({ data })), 0);
    },
    addEventListener: (type, l) => page.set(type, [...(page.get(type) ?? []), l]),
    terminate: () => {
      terminated = true;
    },
    terminated: () => terminated,
  };
  return {
    scope,
    worker,
    /** Every message the page posted, in order. */
    sent,
    /** Delivers an arbitrary event to the page as if the worker had raised it. */
    raise: (type: 'message' | 'messageerror' | 'error', event: WorkerEventLike) =>
      setTimeout(() => emit(type, event), 0),
  };
}
