import {
  createActor,
  type Actor,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type ContextFrom,
  type InputFrom,
} from 'xstate';
import type { XStateClockLike } from '../../engine/xstateClock';

/**
 * Starts `machine` on the given clock (an XStateClock, so its delays run on simulated time) and
 * keeps its current top-level state in a plain field, updated by a subscription: controllers
 * read `mode` on the hot path instead of calling getSnapshot() per request.
 */
export class ModeActor<TMachine extends AnyStateMachine, TMode extends string> {
  readonly actor: Actor<TMachine>;
  mode: TMode;

  constructor(
    machine: TMachine,
    clock: XStateClockLike,
    input: InputFrom<TMachine> | undefined,
    onChange: (mode: TMode, previous: TMode) => void,
  ) {
    this.actor = createActor(machine, { clock, input } as Parameters<typeof createActor>[1]);
    this.mode = (this.actor.getSnapshot() as AnyMachineSnapshot).value as TMode;
    this.actor.subscribe((snapshot) => {
      const mode = (snapshot as AnyMachineSnapshot).value as TMode;
      const previous = this.mode;
      if (mode === previous) return;
      this.mode = mode;
      onChange(mode, previous);
    });
    this.actor.start();
  }

  /** The machine's context (for counters the machine owns). */
  get context(): ContextFrom<TMachine> {
    return (this.actor.getSnapshot() as AnyMachineSnapshot).context as ContextFrom<TMachine>;
  }

  stop(): void {
    this.actor.stop();
  }
}

/** Called after a controller's mode changed (from a threshold it crossed or a machine delay). */
export type ModeListener<TMode> = (mode: TMode, previous: TMode) => void;
