import { setup } from 'xstate';

/**
 * A read replica's replication state: inSync → lagging → catchingUp → inSync (or back to
 * lagging when the lag grows again). ReplicaSyncController watches the lag the request flow
 * measures and sends an event only when the mode changes.
 */
export type ReplicaSyncEvent =
  /** Lag rose past the threshold, or grew again while catching up. */
  | { type: 'LAG_GROWING'; lagS: number }
  /** Lag above the threshold but shrinking. */
  | { type: 'LAG_SHRINKING'; lagS: number }
  /** Lag at or below the threshold. */
  | { type: 'CAUGHT_UP'; lagS: number }
  | { type: 'RESET' };

export const replicaSyncMachine = setup({
  types: { events: {} as ReplicaSyncEvent },
}).createMachine({
  id: 'replicaSync',
  initial: 'inSync',
  on: { RESET: { target: '.inSync' } },
  states: {
    inSync: {
      description: 'Replication lag within the threshold: reads are (almost always) fresh.',
      on: { LAG_GROWING: { target: 'lagging' }, LAG_SHRINKING: { target: 'catchingUp' } },
    },
    lagging: {
      description: 'The replica falls behind: reads of recent writes come back stale.',
      on: { LAG_SHRINKING: { target: 'catchingUp' }, CAUGHT_UP: { target: 'inSync' } },
    },
    catchingUp: {
      description: 'Replay outpaces new writes: the lag shrinks.',
      on: { LAG_GROWING: { target: 'lagging' }, CAUGHT_UP: { target: 'inSync' } },
    },
  },
});

export type ReplicaSyncMode = 'inSync' | 'lagging' | 'catchingUp';
