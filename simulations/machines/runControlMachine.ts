import { assign, setup } from 'xstate';

/**
 * The run controls of a live simulation: idle → running ⇄ paused → finished, with single steps
 * while paused, reset from anywhere, and a speed (simulated seconds per wall second) that the
 * driver reads. The machine decides what the controls allow; the driver (worker loop or
 * requestAnimationFrame) advances the engine accordingly and reports FINISHED.
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60] as const;
export const DEFAULT_SPEED = 1;

export type RunControlEvent =
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  /** One engine step (or one snapshot interval) while paused or before starting. */
  | { type: 'STEP' }
  /** The driver reached the end of the run. */
  | { type: 'FINISHED' }
  | { type: 'RESET' }
  | { type: 'SET_SPEED'; speed: number };

export interface RunControlContext {
  speed: number;
  /** Steps requested while paused (the driver performs one per STEP). */
  steps: number;
}

export const runControlMachine = setup({
  types: { context: {} as RunControlContext, events: {} as RunControlEvent },
  guards: {
    knownSpeed: ({ event }) =>
      event.type === 'SET_SPEED' && (SPEEDS as readonly number[]).includes(event.speed),
  },
  actions: {
    setSpeed: assign({
      speed: ({ context, event }) => (event.type === 'SET_SPEED' ? event.speed : context.speed),
    }),
    countStep: assign({ steps: ({ context }) => context.steps + 1 }),
    clear: assign({ steps: 0 }),
  },
}).createMachine({
  id: 'runControl',
  context: { speed: DEFAULT_SPEED, steps: 0 },
  initial: 'idle',
  on: {
    // An unknown speed matches no transition, so the state is left as it was.
    SET_SPEED: { guard: 'knownSpeed', actions: 'setSpeed' },
    RESET: { target: '.idle', actions: 'clear' },
  },
  states: {
    idle: {
      description: 'Nothing simulated yet.',
      on: { START: { target: 'running' }, STEP: { target: 'paused', actions: 'countStep' } },
    },
    running: {
      description: 'The driver advances simulated time at the chosen speed.',
      on: { PAUSE: { target: 'paused' }, FINISHED: { target: 'finished' } },
    },
    paused: {
      description: 'Time stands still; single steps allowed.',
      on: {
        RESUME: { target: 'running' },
        START: { target: 'running' },
        STEP: { actions: 'countStep' },
        FINISHED: { target: 'finished' },
      },
    },
    finished: { description: 'The run reached its end; reset to run again.' },
  },
});

export type RunControlMode = 'idle' | 'running' | 'paused' | 'finished';
