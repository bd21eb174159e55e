'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { QueryLabClient } from '@/lib/db/client';
import type { DatasetId } from '@/lib/db/datasets';
import {
  failLab,
  labServerSnapshot,
  labSnapshot,
  retryLab,
  startLab,
  subscribeLab,
  type LabState,
} from './labClient';

export interface UseLab {
  state: LabState;
  /** True while one of this widget's calls is in flight. */
  busy: boolean;
  retry: () => void;
  /**
   * Runs `job` with the ready client; infrastructure failures flip the lab to its error state
   * (with Retry) and resolve to undefined, so callers only handle results.
   */
  run: <T>(job: (client: QueryLabClient) => Promise<T>) => Promise<T | undefined>;
}

/** The shared lab worker for `dataset`, started as soon as the widget mounts (it mounts lazily). */
export function useLab(dataset: DatasetId): UseLab {
  const state = useSyncExternalStore(
    useCallback((l: () => void) => subscribeLab(dataset, l), [dataset]),
    () => labSnapshot(dataset),
    labServerSnapshot,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => startLab(dataset), [dataset]);

  const run = useCallback(
    async <T>(job: (client: QueryLabClient) => Promise<T>): Promise<T | undefined> => {
      const s = labSnapshot(dataset);
      if (s.kind !== 'ready') return undefined;
      setBusy(true);
      try {
        return await job(s.client);
      } catch (err) {
        failLab(dataset, err instanceof Error ? err.message : String(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [dataset],
  );

  return { state, busy, retry: useCallback(() => retryLab(dataset), [dataset]), run };
}
