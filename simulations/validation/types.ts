import type { ConfidenceInterval } from '../engine/stats';

/** What the page shows for a case before it runs (serialisable). */
export interface ValidationCaseInfo {
  id: string;
  /** Kendall notation, e.g. "M/M/1". */
  model: string;
  parameters: string;
  metric: string;
  /** Closed-form value. */
  theory: number;
  formula: string;
  source: string;
  method: 'batch means' | 'replications';
  /** How much is simulated, in words ("2,000,000 customers"). */
  work: string;
}

export interface ValidationResult extends ValidationCaseInfo {
  seed: number;
  simulated: number;
  /** Half-width of the 95% confidence interval. */
  halfWidth: number;
  relativeError: number;
  /** inside: theory within the 95% CI; near: within two half-widths; outside: neither. */
  verdict: 'inside' | 'near' | 'outside';
  events: number;
}

export interface ValidationRunOptions {
  seed?: number;
  /** Multiplies every run length (tests use small scales; the page uses 1). */
  scale?: number;
  /** Run only these case ids (default: all, in order). */
  caseIds?: readonly string[];
}

export interface Estimate {
  ci: ConfidenceInterval;
  events: number;
}

export interface ValidationCase extends ValidationCaseInfo {
  run(seed: number, scale: number): Estimate;
}
