'use client';

import type { WorkerSimulationApi } from '@/simulations/workerTransport';
import { createSimulationWorker } from '@/simulations/workerClient';

/**
 * One simulation worker per page, started on first use and shared by the lesson's widgets (the
 * latency curve and the servers challenge), so a lesson never runs two engine copies.
 */
let api: WorkerSimulationApi | null = null;

export function simulationApi(): WorkerSimulationApi {
  api ??= createSimulationWorker();
  return api;
}

/** After a failure: drop the worker so the next call starts a fresh one. */
export function resetSimulationApi(): void {
  api?.terminate();
  api = null;
}
