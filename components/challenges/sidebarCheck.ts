/**
 * Lesson 2's checked challenge: with the database in another availability zone (2 ms per round
 * trip), keep GET /channels' p95 network wait under 5 ms. Checked by running the measure lab's
 * seeded workload with the reader's handler; judged on the network wait (queries × RTT), which is
 * exact and the same on every machine, while the database time (machine-dependent) is reported.
 */
import type { CheckResult } from '@/components/lesson/checkedChallenge';
import type { MeasureRun, MeasureVariant } from '@/lib/db/labs/measure';

export const SIDEBAR_CHALLENGE = {
  /** Cross-zone round trip (lib/db/querylog.ts RTT_PRESETS_MS.crossZone). */
  rttMs: 2,
  targetP95NetworkMs: 5,
  start: 'baseline' as MeasureVariant,
} as const;

export const HANDLERS: readonly { variant: MeasureVariant; label: string }[] = [
  {
    variant: 'baseline',
    label: 'Loop: the channel list, then an unread count and a last message per channel',
  },
  {
    variant: 'fixed',
    label: 'One statement: a JOIN with a count subquery and a LATERAL last message',
  },
];

export type RunSidebar = (variant: MeasureVariant, rttMs: number) => Promise<MeasureRun>;

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

export async function checkSidebar(run: RunSidebar, variant: MeasureVariant): Promise<CheckResult> {
  const { rttMs, targetP95NetworkMs } = SIDEBAR_CHALLENGE;
  const result = await run(variant, rttMs);
  const sidebar = result.endpoints.find((e) => e.endpoint === 'GET /channels');
  if (!sidebar) throw new Error('the workload made no GET /channels request');
  const measured =
    `${sidebar.calls} sidebar requests, ${sidebar.queriesPerRequest.toFixed(1)} queries each on average: ` +
    `p95 network wait ${fmt(sidebar.p95RttMs)}, p95 latency ${fmt(sidebar.p95Ms)} ` +
    `(the database's share depends on your machine)`;
  return sidebar.p95RttMs <= targetP95NetworkMs
    ? { pass: true, message: `${measured}: under the ${targetP95NetworkMs} ms budget.` }
    : { pass: false, message: `${measured}: over the ${targetP95NetworkMs} ms budget.` };
}
