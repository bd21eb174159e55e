/// <reference lib="webworker" />
// The query lab's dedicated module worker: PGlite + the lab code, in-process (worker-server.ts).
// Created by lib/db/client.ts with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
import { serveQueryLab, type WorkerPort } from './worker-server';

serveQueryLab(globalThis as unknown as WorkerPort);
