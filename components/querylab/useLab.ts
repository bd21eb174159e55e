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

/**
 * Errors that leave no usable worker (lib/db/errors.ts QueryLabErrorKind). Anything else, such as
 * a scripted lab hitting a table the reader dropped, is reported and the lab stays usable.
 */
const FATAL_KINDS = new Set(['load-failed', 'startup-timeout', 'worker-crashed', 'closed']);

export function isFatal(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return typeof kind !== 'string' || FATAL_KINDS.has(kind);
}

export interface UseLab {
  state: LabState;
  /** True while one of this widget's calls is in flight. */
  busy: boolean;
  /** The last call failed without breaking the worker (e.g. the reader dropped a table). */
  callError: string | null;
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
  const [callError, setCallError] = useState<string | null>(null);

  useEffect(() => startLab(dataset), [dataset]);

  const run = useCallback(
    async <T>(job: (client: QueryLabClient) => Promise<T>): Promise<T | undefined> => {
      const s = labSnapshot(dataset);
      if (s.kind !== 'ready') return undefined;
      setBusy(true);
      setCallError(null);
      try {
        return await job(s.client);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (isFatal(err)) failLab(dataset, message);
        else setCallError(message);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [dataset],
  );

  return { state, busy, callError, retry: useCallback(() => retryLab(dataset), [dataset]), run };
}
