'use client';

import { useEffect, useState } from 'react';
import type { ClientStatus, QueryLabClient } from '@/lib/db/client';
import { assetUrl } from '@/lib/site';

/** What tests and the bench read from `window.__querylab`. */
export interface HarnessHandle {
  client?: QueryLabClient;
  /** ms from the start of loading (worker creation) to PGlite ready. */
  readyMs?: number;
  error?: { kind: string; message: string };
  statuses: ClientStatus[];
  /** Each status with its time since loading started, ms (load-phase breakdown for the bench). */
  timeline: Array<{ state: string; phase?: string; atMs: number }>;
  longTasks: Array<{ startTime: number; duration: number }>;
}

declare global {
  interface Window {
    __querylab?: HarnessHandle;
  }
}

export function QueryLabHarness() {
  const [text, setText] = useState('loading');
  const [phase, setPhase] = useState('');

  useEffect(() => {
    const handle: HarnessHandle = { statuses: [], timeline: [], longTasks: [] };
    window.__querylab = handle;
    let observer: PerformanceObserver | undefined;
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          handle.longTasks.push({ startTime: e.startTime, duration: e.duration });
      });
      observer.observe({ type: 'longtask', buffered: true });
    }
    const params = new URLSearchParams(window.location.search);
    const dataset = params.get('dataset') === 'indexing' ? 'indexing' : 'app';
    let client: QueryLabClient | undefined;
    let cancelled = false;
    void (async () => {
      const { createWorkerClient, MANIFEST_PATH } = await import('@/lib/db/client');
      const t0 = performance.now();
      try {
        client = await createWorkerClient({
          dataset,
          manifestUrl:
            params.get('manifest') ?? new URL(assetUrl(MANIFEST_PATH), window.location.href).href,
          startupTimeoutMs: Number(params.get('startupTimeoutMs') ?? 30_000),
          onStatus: (s) => {
            handle.statuses.push(s);
            handle.timeline.push({
              state: s.state,
              phase: s.state === 'loading' ? s.phase : undefined,
              atMs: performance.now() - t0,
            });
            if (!cancelled) setPhase(s.state === 'loading' ? `loading: ${s.phase}` : s.state);
          },
        });
        handle.readyMs = performance.now() - t0;
        handle.client = client;
        if (!cancelled) setText(`ready in ${Math.round(handle.readyMs)} ms`);
      } catch (err) {
        const e = err as { kind?: string; message?: string };
        handle.error = { kind: e.kind ?? 'internal', message: e.message ?? String(err) };
        if (!cancelled) setText(`failed: ${handle.error.message}`);
      }
    })();
    return () => {
      cancelled = true;
      observer?.disconnect();
      void client?.close();
    };
  }, []);

  return (
    <section aria-labelledby="harness-title">
      <h1 id="harness-title">Query lab engine harness</h1>
      <p data-testid="querylab-harness-status" aria-live="polite">
        {text}
      </p>
      <p data-testid="querylab-harness-phase">{phase}</p>
    </section>
  );
}
