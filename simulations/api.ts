/**
 * SimulationApi: one typed interface, two transports (like PGlite's PGliteInterface for PGlite and
 * PGliteWorker). In-process in the CLI and tests (createInProcessApi, here); over postMessage to a
 * Web Worker in the browser (workerTransport.ts; start one with createSimulationWorker() from
 * workerClient.ts), so long runs never block the page. Progress callbacks stream results back as
 * they are ready.
 */
import { runQueue, type QueueRunParams, type QueueRunResult } from './engine/queueRun';
import {
  listValidationCases,
  runValidation,
  type ValidationCaseInfo,
  type ValidationResult,
  type ValidationRunOptions,
} from './validation';

export type ValidationProgress = (result: ValidationResult, index: number, total: number) => void;

export interface SimulationApi {
  /** One M/M/c or M/D/c(/K) run (the CLI's `queue` model). */
  runQueue(params: QueueRunParams): Promise<QueueRunResult>;
  /** The /validation/ cases, without running them. */
  listValidationCases(): Promise<ValidationCaseInfo[]>;
  /** Runs validation cases in order; `onResult` fires as each one finishes. */
  runValidation(
    options?: ValidationRunOptions,
    onResult?: ValidationProgress,
  ): Promise<ValidationResult[]>;
}

/** The API computed on the calling thread. */
export function createInProcessApi(): SimulationApi {
  return {
    runQueue: async (params) => runQueue(params),
    listValidationCases: async () => listValidationCases(),
    runValidation: async (options, onResult) => runValidation(options, onResult),
  };
}

export {
  createWorkerApi,
  exposeSimulationApi,
  SIMULATION_API_METHODS,
  type ApiRequest,
  type ApiResponse,
  type WorkerLike,
  type WorkerScopeLike,
  type WorkerSimulationApi,
} from './workerTransport';
