import { z } from 'zod';
import {
  CONSISTENCY_LABS,
  ConsistencyLabError,
  LAB_STRATEGIES,
  MAX_SHARDS,
} from './consistency-common';

/**
 * The consistency labs' options, validated the same way in the worker protocol, the engine and the
 * widget (kept apart from the labs' code so the page-side protocol does not bundle them).
 */
export const consistencyOptionsSchema = z
  .object({
    lab: z.enum(CONSISTENCY_LABS),
    strategy: z.string().optional(),
    lagMs: z.number().min(0).max(10_000).optional(),
    windowMs: z.number().min(0).max(60_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    shards: z.number().int().min(1).max(MAX_SHARDS).optional(),
    requests: z.number().int().min(1).max(5000).optional(),
    dedupe: z.boolean().optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const allowed: readonly string[] = LAB_STRATEGIES[o.lab];
    if (o.strategy !== undefined && !allowed.includes(o.strategy))
      ctx.addIssue({
        code: 'custom',
        path: ['strategy'],
        message: `${o.lab} strategies are ${allowed.join(', ')} (got ${o.strategy})`,
      });
  });

export type ConsistencyOptions = z.infer<typeof consistencyOptionsSchema>;

export function parseConsistencyOptions(raw: unknown): ConsistencyOptions {
  const parsed = consistencyOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConsistencyLabError(
      issue ? `${issue.path.join('.') || 'options'}: ${issue.message}` : 'invalid options',
    );
  }
  return parsed.data;
}
