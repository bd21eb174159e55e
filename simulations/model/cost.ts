import type { Scenario } from '../scenario/schema';
import type { Counters } from './counters';
import type { TierSizing } from './sizing';

/**
 * Cost model. Assumed public price list: AWS us-east-1 on-demand list prices as published in 2024
 * (aws.amazon.com/ec2/pricing/on-demand, /rds/postgresql/pricing, /elasticache/pricing,
 * /msk/pricing, /cloudfront/pricing, /elasticloadbalancing/pricing), 730 hours a month, no
 * reserved or savings-plan discounts, storage and IOPS not included. Scenario files set each tier's
 * `costPerMonth` from this table and say which row they use. Prices change: the point is the
 * ratio between topologies, not the dollar.
 */
export const PRICE_LIST_DATE = '2024 (AWS us-east-1 on-demand list prices)';
export const HOURS_PER_MONTH = 730;
export const PRICES_PER_HOUR = {
  /** EC2 c6i.2xlarge, 8 vCPU, 16 GiB. */
  'c6i.2xlarge': 0.34,
  /** EC2 c6i.4xlarge, 16 vCPU, 32 GiB. */
  'c6i.4xlarge': 0.68,
  /** RDS for PostgreSQL db.r6i.4xlarge, 16 vCPU, 128 GiB, single-AZ. */
  'db.r6i.4xlarge': 2.016,
  /** RDS for PostgreSQL db.r6i.16xlarge, 64 vCPU, 512 GiB, single-AZ. */
  'db.r6i.16xlarge': 8.064,
  /** ElastiCache cache.r6g.large, 2 vCPU, 13 GiB (one Redis node). */
  'cache.r6g.large': 0.206,
  /** MSK kafka.m5.large broker. */
  'kafka.m5.large': 0.21,
  /** Application Load Balancer hour (capacity units extra, not modelled). */
  alb: 0.0225,
} as const;
/** CloudFront data transfer out, first 10 TB/month, North America. */
export const CDN_EGRESS_PER_GB = 0.085;
/** Average static asset response (bytes), an assumption stated here: JS/CSS/avatars mixed. */
export const STATIC_BYTES = 100_000;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export function monthly(instance: keyof typeof PRICES_PER_HOUR): number {
  return PRICES_PER_HOUR[instance] * HOURS_PER_MONTH;
}

export interface CostBreakdown {
  /** USD per month: instances of every tier at their real (not sampled) count, plus CDN egress. */
  total: number;
  tiers: { id: string; instances: number; perMonth: number }[];
  cdnEgressPerMonth: number;
}

/** Monthly cost at the run's size; `staticPerS` is static requests per second (full system). */
export function costOf(
  scenario: Scenario,
  sizing: readonly TierSizing[],
  staticPerS: number,
): CostBreakdown {
  const tiers = scenario.tiers.map((t, i) => ({
    id: t.id,
    instances: sizing[i].fullCount,
    perMonth: t.costPerMonth * sizing[i].fullCount,
  }));
  const hasCdn = scenario.tiers.some((t) => t.kind === 'cdn');
  const cdnEgressPerMonth = hasCdn
    ? ((staticPerS * SECONDS_PER_MONTH * STATIC_BYTES) / 1e9) * CDN_EGRESS_PER_GB
    : 0;
  const total = tiers.reduce((a, t) => a + t.perMonth, 0) + cdnEgressPerMonth;
  return { total: Math.round(total), tiers, cdnEgressPerMonth: Math.round(cdnEgressPerMonth) };
}

/**
 * What the architecture costs beyond its invoice. Deployable units: tiers we deploy and operate.
 * Dashboards and alerts: one dashboard per unit and one alert per golden signal (latency,
 * traffic, errors, saturation: Google SRE book, ch. 6, "Monitoring Distributed Systems").
 */
export interface HiddenCosts {
  deployableUnits: number;
  dashboards: number;
  alerts: number;
  networkHopsPerRequest: number;
  crossServiceCallsPerRequest: number;
  staleReads: number;
  duplicateSideEffects: number;
  sessionMisses: number;
}

export function hiddenCosts(scenario: Scenario, c: Counters, scale: number): HiddenCosts {
  const units = scenario.tiers.length;
  const attempts = Math.max(1, c.attempts);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    deployableUnits: units,
    dashboards: units,
    alerts: units * 4,
    networkHopsPerRequest: round(c.hops / attempts),
    crossServiceCallsPerRequest: round(c.crossServiceCalls / attempts),
    staleReads: c.staleReads * scale,
    duplicateSideEffects: c.duplicateWrites * scale,
    sessionMisses: c.sessionMisses * scale,
  };
}
