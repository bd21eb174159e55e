import type { AnyStateMachine } from 'xstate';

/** A machine as a small, JSON-safe graph the UI can draw (a statechart view, a legend). */
export interface MachineGraph {
  id: string;
  initial: string;
  states: { key: string; description: string }[];
  /** `from` is '*' for transitions declared on the root (e.g. RESET from any state). */
  transitions: { from: string; to: string; event: string; delay?: string }[];
}

/** XState gives targets as '#id' strings in most places and as state nodes in others. */
type TargetLike = string | { id: string };

interface TransitionDefinitionLike {
  target?: readonly TargetLike[];
  eventType: string;
  delay?: string | number;
}

interface NodeDefinitionLike {
  key: string;
  description?: string;
  initial?: { target?: readonly TargetLike[] };
  states: Record<string, NodeDefinitionLike>;
  transitions: readonly TransitionDefinitionLike[];
}

/** '#breaker.open' or '#breaker.a.b' → 'open' / 'a.b' (relative to the machine's root). */
function stateKey(machineId: string, target: TargetLike | undefined): string {
  if (target === undefined) return '';
  const text = typeof target === 'string' ? target : `#${target.id}`;
  return text.replace(new RegExp(`^#${machineId}\\.?`), '');
}

/**
 * Reads XState's own definition (machine.definition), so the drawing can never disagree with the
 * machine that runs. Only top-level states: our mode machines are flat.
 */
export function describeMachine(machine: AnyStateMachine): MachineGraph {
  const root = machine.definition as unknown as NodeDefinitionLike & { id: string };
  const id = root.id;
  const edges = (from: string, node: NodeDefinitionLike) =>
    node.transitions.flatMap((t) =>
      (t.target ?? []).map((target) => ({
        from,
        to: stateKey(id, target),
        event: t.delay === undefined ? t.eventType : 'after',
        ...(t.delay === undefined ? {} : { delay: String(t.delay) }),
      })),
    );
  return {
    id,
    initial: stateKey(id, root.initial?.target?.[0]),
    states: Object.values(root.states).map((s) => ({
      key: s.key,
      description: s.description ?? '',
    })),
    transitions: [
      ...edges('*', root),
      ...Object.values(root.states).flatMap((s) => edges(s.key, s)),
    ],
  };
}
