'use client';

import type { ClientStatus, QueryLabClient } from '@/lib/db/client';
import type { DatasetId } from '@/lib/db/datasets';
import { assetUrl } from '@/lib/site';

/**
 * One query-lab worker per data dir per page, shared by every lab widget on the page (a PGlite
 * holds its whole database in memory: two copies of the same data would double that for nothing).
 * A tiny external store (subscribe/getSnapshot) so widgets follow its state with
 * useSyncExternalStore. lib/db/client is loaded with import() only when a lab first asks for it.
 */
export type LabState =
  | { kind: 'idle' }
  | { kind: 'loading'; message: string }
  | { kind: 'ready'; client: QueryLabClient; loadMs: number }
  | { kind: 'restarting'; message: string }
  | { kind: 'failed'; message: string };

interface Entry {
  state: LabState;
  /** The free SQL box ran the reader's statements: the data may no longer be the seed. */
  dirty: boolean;
  listeners: Set<() => void>;
  /** Bumps on every start, so a stale attempt cannot overwrite a newer one. */
  attempt: number;
  client?: QueryLabClient;
}

const entries = new Map<DatasetId, Entry>();

function entry(dataset: DatasetId): Entry {
  let e = entries.get(dataset);
  if (!e) {
    e = { state: { kind: 'idle' }, listeners: new Set(), attempt: 0, dirty: false };
    entries.set(dataset, e);
  }
  return e;
}

/**
 * A User Timing mark per step (`querylab:app:download` …): scripts/bench/lesson-lab.ts reads them to
 * print where the time to a usable lab goes, measured in the lesson page itself.
 */
function mark(dataset: DatasetId, step: string): void {
  performance.mark(`querylab:${dataset}:${step}`);
}

function set(dataset: DatasetId, state: LabState): void {
  const e = entry(dataset);
  e.state = state;
  for (const l of e.listeners) l();
}

/** Human text for the worker's load phases (lib/db/protocol.ts PHASES). */
export function describeStatus(status: ClientStatus): string {
  switch (status.state) {
    case 'loading':
      return {
        manifest: 'Finding the database files…',
        download: `Downloading Postgres and the data${status.detail ? ` (${status.detail})` : ''}…`,
        compile: 'Compiling Postgres (WebAssembly)…',
        open: 'Opening the database…',
        'warm-up': 'Warming up…',
      }[status.phase];
    case 'warming-up':
      return 'Warming up…';
    case 'restarting':
      return status.reason;
    case 'failed':
      return status.error.message;
    case 'ready':
      return 'Ready.';
  }
}

/**
 * Starts the dataset's worker. Does nothing unless idle: after a failure only the reader's Retry
 * (retryLab) starts again, so a widget mounting later never replaces the error the reader is
 * looking at with a silent new attempt.
 */
export function startLab(dataset: DatasetId): void {
  const e = entry(dataset);
  if (e.state.kind !== 'idle') return;
  const attempt = ++e.attempt;
  mark(dataset, 'start');
  set(dataset, { kind: 'loading', message: 'Loading the query lab…' });
  const current = () => entry(dataset).attempt === attempt;
  import('@/lib/db/client')
    .then(({ createWorkerClient, MANIFEST_PATH }) =>
      createWorkerClient({
        dataset,
        manifestUrl: new URL(assetUrl(MANIFEST_PATH), window.location.href).href,
        // A loaded 2-core machine needs several seconds; past this the reader gets an error + Retry.
        startupTimeoutMs: 45_000,
        onStatus: (status) => {
          if (!current()) return;
          mark(dataset, status.state === 'loading' ? status.phase : status.state);
          if (status.state === 'loading') {
            set(dataset, { kind: 'loading', message: describeStatus(status) });
          } else if (status.state === 'restarting') {
            set(dataset, { kind: 'restarting', message: describeStatus(status) });
          } else if (status.state === 'ready' && e.client) {
            set(dataset, { kind: 'ready', client: e.client, loadMs: status.info.loadMs });
          }
        },
      }),
    )
    .then((client) => {
      if (!current()) {
        void client.close();
        return;
      }
      e.client = client;
      set(dataset, { kind: 'ready', client, loadMs: client.info.loadMs });
    })
    .catch((err: unknown) => {
      if (!current()) return;
      const message =
        err instanceof Error ? err.message : 'The query lab could not start (unknown error).';
      set(dataset, { kind: 'failed', message });
    });
}

/** After a failure: forget the broken worker and start again. */
export function retryLab(dataset: DatasetId): void {
  const e = entry(dataset);
  if (e.state.kind !== 'failed') return;
  void e.client?.close();
  e.client = undefined;
  set(dataset, { kind: 'idle' });
  startLab(dataset);
}

export function subscribeLab(dataset: DatasetId, listener: () => void): () => void {
  const e = entry(dataset);
  e.listeners.add(listener);
  return () => e.listeners.delete(listener);
}

export function labSnapshot(dataset: DatasetId): LabState {
  return entry(dataset).state;
}

const idle: LabState = { kind: 'idle' };
/** Server render: nothing has started. */
export function labServerSnapshot(): LabState {
  return idle;
}

/**
 * A call failed with an infrastructure error (the worker crashed or could not restart): show the
 * error with its Retry button. SQL mistakes never come here; they return as data.
 */
export function failLab(dataset: DatasetId, message: string): void {
  const e = entry(dataset);
  e.attempt += 1;
  void e.client?.close();
  e.client = undefined;
  set(dataset, { kind: 'failed', message });
}

/** Called by the free SQL box: the reader may have created indexes or dropped tables. */
export function markDirty(dataset: DatasetId): void {
  entry(dataset).dirty = true;
}

/**
 * True once after the SQL box changed the data: a scripted lab then resets first, so a reader's
 * own index cannot turn the lesson's "before" plan into an index scan.
 */
export function takeDirty(dataset: DatasetId): boolean {
  const e = entry(dataset);
  const was = e.dirty;
  e.dirty = false;
  return was;
}

/** After a reset the data is the seed again. */
export function markClean(dataset: DatasetId): void {
  entry(dataset).dirty = false;
}

/**
 * The page's shared worker for `dataset`, started if needed; resolves with the client once ready,
 * rejects with the reason if it fails to start (checked challenges run labs through this).
 */
export function readyLabClient(dataset: DatasetId): Promise<QueryLabClient> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const s = labSnapshot(dataset);
      if (s.kind === 'ready') resolve(s.client);
      else if (s.kind === 'failed') reject(new Error(s.message));
      else return false;
      return true;
    };
    startLab(dataset);
    if (settle()) return;
    const stop = subscribeLab(dataset, () => {
      if (settle()) stop();
    });
  });
}
