/**
 * Controllers: the synchronous, allocation-free interfaces the typed-array request flow calls per
 * request or per control period. Each owns one XState actor (started on the engine's clock) and
 * sends it only mode-changing events. See README.md in this folder.
 */
export { BreakerController, type BreakerControllerOptions } from './controllers/breakerController';
export {
  HealthController,
  DEFAULT_OVERLOAD_AT,
  DEFAULT_RECOVER_AT,
  type HealthControllerOptions,
} from './controllers/healthController';
export {
  AutoscalerController,
  DEFAULT_TARGET_UTILIZATION,
  DEFAULT_TOLERANCE,
  type AutoscalerControllerOptions,
} from './controllers/autoscalerController';
export {
  ReplicaSyncController,
  DEFAULT_LAG_THRESHOLD_S,
  type ReplicaSyncControllerOptions,
} from './controllers/replicaSyncController';
export { ModeActor, type ModeListener } from './controllers/modeActor';
