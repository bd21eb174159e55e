import { z } from 'zod';
import {
  BoundedPareto,
  Deterministic,
  Empirical,
  Exponential,
  LogNormal,
  Pareto,
  Uniform,
  type Distribution,
} from './distributions';
import { TruncatedNormal } from './truncatedNormal';

/**
 * The JSON form of a distribution (scenario files, URL state, worker messages). Times in seconds.
 * Validated with zod; build the sampler with makeDistribution().
 */
const seconds = z.number().finite().nonnegative();
const positiveSeconds = z.number().finite().positive();

export const DistributionSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exponential'), meanS: positiveSeconds }),
  z.object({ type: z.literal('deterministic'), valueS: seconds }),
  z
    .object({ type: z.literal('uniform'), minS: seconds, maxS: positiveSeconds })
    .refine((d) => d.maxS > d.minS, { message: 'maxS must be greater than minS', path: ['maxS'] }),
  // A normal cut at 0 whose mean is meanS; sdS is its spread before the cut (truncatedNormal.ts).
  z.object({ type: z.literal('normal'), meanS: positiveSeconds, sdS: positiveSeconds }),
  z.object({
    type: z.literal('lognormal'),
    mu: z.number().finite(),
    sigma: z.number().finite().positive(),
  }),
  z.object({
    type: z.literal('pareto'),
    scaleS: positiveSeconds,
    shape: z.number().finite().positive(),
  }),
  z
    .object({
      type: z.literal('bounded-pareto'),
      lowerS: positiveSeconds,
      upperS: positiveSeconds,
      shape: z.number().finite().positive(),
    })
    .refine((d) => d.upperS > d.lowerS, {
      message: 'upperS must be greater than lowerS',
      path: ['upperS'],
    }),
  z
    .object({
      type: z.literal('empirical'),
      valuesS: z.array(seconds).min(1),
      weights: z.array(z.number().finite().nonnegative()).optional(),
      mode: z.enum(['discrete', 'interpolate']).optional(),
    })
    .refine((d) => !d.weights || d.weights.length === d.valuesS.length, {
      message: 'weights must have one entry per value',
      path: ['weights'],
    }),
]);

export type DistributionSpec = z.infer<typeof DistributionSpecSchema>;

export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'exponential':
      return new Exponential(1 / spec.meanS);
    case 'deterministic':
      return new Deterministic(spec.valueS);
    case 'uniform':
      return new Uniform(spec.minS, spec.maxS);
    case 'normal':
      return TruncatedNormal.withMean(spec.meanS, spec.sdS);
    case 'lognormal':
      return new LogNormal(spec.mu, spec.sigma);
    case 'pareto':
      return new Pareto(spec.scaleS, spec.shape);
    case 'bounded-pareto':
      return new BoundedPareto(spec.lowerS, spec.upperS, spec.shape);
    case 'empirical':
      return new Empirical(spec.valuesS, spec.weights, spec.mode ?? 'discrete');
  }
}
