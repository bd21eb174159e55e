import { z } from 'zod';

const rtt = z.union([z.literal(0), z.literal(0.5), z.literal(2)]);

/**
 * Build-time check of a lesson's <QueryLab … /> props: a typo fails the build with a message. The
 * types in labSpec.ts are inferred from this schema through a type-only import (no zod in client JS).
 */
export const labSpecSchema = z.discriminatedUnion('lab', [
  z.strictObject({
    lab: z.literal('n-plus-one'),
    users: z.number().int().min(10).max(10_000).optional(),
    rttMs: rtt.optional(),
  }),
  z.strictObject({ lab: z.literal('n-plus-one-scaling'), rttMs: rtt.optional() }),
  z.strictObject({
    lab: z.literal('indexing'),
    part: z.enum(['lookup', 'low-selectivity', 'write-cost']),
  }),
  z.strictObject({
    lab: z.literal('caching'),
    ttlMs: z.number().int().min(100).max(3_600_000).optional(),
    rttMs: rtt.optional(),
  }),
  z.strictObject({ lab: z.literal('stampede'), rttMs: rtt.optional() }),
  z.strictObject({
    lab: z.literal('challenge'),
    challenge: z.enum(['n-plus-one-rewrite', 'index-scan', 'ttl-window']),
    /** Progress key, shared with <Challenge>'s store. */
    id: z.string().regex(/^[a-z0-9-]+$/),
  }),
  z.strictObject({ lab: z.literal('measure'), rttMs: rtt.optional() }),
  z.strictObject({
    lab: z.literal('sql'),
    dataset: z.enum(['app', 'indexing']),
    sql: z.string().min(1).max(5000),
    explain: z.boolean().optional(),
    title: z.string().min(3).max(120).optional(),
  }),
]);
