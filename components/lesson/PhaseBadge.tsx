import { phaseOf, type PhaseId } from '@/content/lessons';

export function PhaseBadge({ phase }: { phase: PhaseId }) {
  const p = phaseOf(phase);
  return (
    <span className={`phase-badge phase-${phase}`} data-testid="phase-badge">
      {p.label}
      <span className="phase-badge-users"> · {p.users}</span>
    </span>
  );
}
