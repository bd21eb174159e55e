// The XState mode machines (one per file) and the controllers the request flow calls.
import { autoscalerMachine } from './autoscalerMachine';
import { circuitBreakerMachine } from './circuitBreakerMachine';
import { nodeHealthMachine } from './nodeHealthMachine';
import { replicaSyncMachine } from './replicaSyncMachine';
import { runControlMachine } from './runControlMachine';

export * from './circuitBreakerMachine';
export * from './nodeHealthMachine';
export * from './autoscalerMachine';
export * from './replicaSyncMachine';
export * from './runControlMachine';
export * from './controllers';
export { describeMachine, type MachineGraph } from './describe';

/** Every machine by id, for the UI's statechart views (describeMachine draws each one). */
export const machines = {
  circuitBreaker: circuitBreakerMachine,
  nodeHealth: nodeHealthMachine,
  autoscaler: autoscalerMachine,
  replicaSync: replicaSyncMachine,
  runControl: runControlMachine,
} as const;

export type MachineId = keyof typeof machines;
