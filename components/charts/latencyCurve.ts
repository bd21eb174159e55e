/**
 * The numbers behind the utilization → latency widget: M/M/c theory (Erlang C, the engine's
 * validated closed form) for lesson 1's database, one vCPU per server, service time = the mean
 * database time per request of the model.
 */
import { mmc } from '@/simulations/engine/theory';
import { DEFAULT_SETTINGS, dbMsPerRequest } from './capacityModel';

const perRequest = dbMsPerRequest(DEFAULT_SETTINGS);
/** Mean database time per request, ms (lesson 1's starting mix: ~0.82 ms). */
export const SERVICE_MS = perRequest.reads + perRequest.writes;
export const CURVE_SERVERS = [1, 2, 8] as const;
export const RHO_RANGE = { min: 0.05, max: 0.97, step: 0.01 } as const;
/** Engine run behind each slider position: long enough for a stable p99 up to ρ ≈ 0.9. */
export const ENGINE_RUN = { customers: 100_000, warmup: 10_000, seed: 1 } as const;

export interface CurvePoint {
  rho: number;
  meanMs: number;
  p99Ms: number;
}

export function theoryAt(rho: number, servers: number): CurvePoint {
  const mu = 1000 / SERVICE_MS;
  const t = mmc(rho * servers * mu, mu, servers);
  return { rho, meanMs: 1000 * t.meanSojourn, p99Ms: 1000 * (t.sojournQuantile?.(0.99) ?? NaN) };
}

export function theoryCurve(servers: number, points = 93): CurvePoint[] {
  const { min, max } = RHO_RANGE;
  return Array.from({ length: points }, (_, i) =>
    theoryAt(min + ((max - min) * i) / (points - 1), servers),
  );
}

/** Arrival rate (requests/s) that loads `servers` vCPUs to `rho`. */
export function arrivalRateFor(rho: number, servers: number): number {
  return (rho * servers * 1000) / SERVICE_MS;
}
