'use client';

import { useEffect, useState } from 'react';
import { basePath } from '@/lib/site';
import type { OfflineSnapshot } from './offlineClient';

/**
 * Footer control for offline use: what is stored, "Make available offline (≈ N MB)" with a
 * progress bar, "Ready offline", and "New version — reload" after a deploy. The logic (and zod for
 * offline.json) loads after hydration, so none of it is in first-load JS. In `next dev` there is no
 * service worker (it is built after `next build`).
 */
const client = () => import('./offlineClient');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export function OfflineControl() {
  const [snap, setSnap] = useState<OfflineSnapshot>({
    state: { kind: 'checking' },
    updateReady: false,
  });
  const [total, setTotal] = useState(0);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production') {
      setSnap({
        state: { kind: 'unavailable', reason: 'Offline use is built by `npm run build`.' },
        updateReady: false,
      });
      return;
    }
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void client().then((c) => {
      if (!live) return;
      c.startOffline(basePath);
      unsubscribe = c.subscribe((s) => {
        setSnap(s);
        setTotal(c.offlineTotalBytes());
      });
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);

  const { state } = snap;
  return (
    <div
      className="offline"
      data-testid="offline-control"
      data-state={state.kind}
      data-build={snap.buildId ?? ''}
    >
      {snap.updateReady && (
        <p className="offline-update" role="status">
          <button
            type="button"
            className="button"
            data-testid="offline-update"
            onClick={() => void client().then((c) => c.applyUpdate())}
          >
            New version — reload
          </button>
        </p>
      )}
      <p className="offline-status" role="status" aria-live="polite">
        {state.kind === 'checking' && 'Checking offline storage…'}
        {state.kind === 'unavailable' && <>Offline use unavailable: {state.reason}</>}
        {state.kind === 'installing' && 'Storing the pages for offline use…'}
        {state.kind === 'pages' && (
          <>
            Pages work offline. Labs stored: {mb(state.storedLabBytes)} of {mb(state.labBytes)}.
            {state.error && <span className="offline-error"> {state.error}</span>}
          </>
        )}
        {state.kind === 'filling' && (
          <>
            Storing the labs: {mb(state.doneBytes)} of {mb(state.labBytes)}{' '}
            <progress
              data-testid="offline-progress"
              max={state.labBytes}
              value={state.doneBytes}
              aria-label="Offline download"
            />
          </>
        )}
        {state.kind === 'ready' && (
          <span data-testid="offline-ready">
            ✓ Ready offline: every page and lab ({mb(state.storedBytes)} stored).
          </span>
        )}
      </p>
      {state.kind === 'pages' && (
        <button
          type="button"
          className="button button-secondary"
          data-testid="offline-fill"
          onClick={() => void client().then((c) => c.makeAvailableOffline())}
        >
          Make available offline (≈ {mb(total)})
        </button>
      )}
    </div>
  );
}
