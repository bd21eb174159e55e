import { z } from 'zod';
import { LabMount } from '@/components/querylab/LabMount';
import type { ConsistencySpec } from '@/components/querylab/labSpec';
import { CONSISTENCY_LABS, LAB_STRATEGIES } from '@/lib/db/labs/consistency-common';
import { EXPERIMENT_TITLES, SHARD_CHOICES, STRATEGY_LABELS } from './consistencyText';
import '@/components/querylab/querylab.css';
import './consistency.css';

/** Build-time check of `<ConsistencyLab … />` props: a typo fails the build with a message. */
const propsSchema = z
  .strictObject({
    lab: z.enum(CONSISTENCY_LABS),
    strategy: z.string().optional(),
    lagMs: z.union([z.literal(0), z.literal(100), z.literal(1000)]).optional(),
    windowMs: z.number().int().min(0).max(60_000).optional(),
    shards: z
      .number()
      .int()
      .min(SHARD_CHOICES[0])
      .max(SHARD_CHOICES[SHARD_CHOICES.length - 1] as number)
      .optional(),
  })
  .superRefine((p, ctx) => {
    const allowed: readonly string[] = LAB_STRATEGIES[p.lab];
    if (p.strategy !== undefined && !allowed.includes(p.strategy))
      ctx.addIssue({
        code: 'custom',
        path: ['strategy'],
        message: `${p.lab} strategies are ${allowed.join(', ')}`,
      });
  });

export function consistencySpecOf(props: Record<string, unknown>): ConsistencySpec {
  const parsed = propsSchema.safeParse(props);
  if (!parsed.success)
    throw new Error(
      `<ConsistencyLab ${JSON.stringify(props)}>: invalid props: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  const { lab, ...rest } = parsed.data;
  return { lab: 'consistency', experiment: lab, ...rest };
}

/**
 * `<ConsistencyLab lab="replica-lag" />` (also idempotency, lost-update, outbox, shards; optional
 * strategy, lagMs 0|100|1000, windowMs, shards 2–4). A server component like QueryLab: validates
 * the props at build time, renders the static preview, and hands over to the query lab's LabMount.
 */
export function ConsistencyLab(props: Record<string, unknown>) {
  const spec = consistencySpecOf(props);
  const title = EXPERIMENT_TITLES[spec.experiment];
  return (
    <section className="querylab consistency-lab" aria-label={title}>
      <p className="querylab-title">{title}</p>
      <LabMount spec={spec}>
        <div className="querylab-preview">
          <p>Strategies you can compare:</p>
          <ul>
            {LAB_STRATEGIES[spec.experiment].map((s) => (
              <li key={s}>{STRATEGY_LABELS[spec.experiment][s]}</li>
            ))}
          </ul>
          <p className="querylab-status" data-state="idle">
            This lab runs Postgres (PGlite, about 6 MB compressed) in your browser
            {spec.experiment === 'replica-lag' || spec.experiment === 'shards'
              ? ', one instance per server it models'
              : ''}
            . It starts when you scroll here.
          </p>
          <noscript>
            <p className="querylab-noscript">
              The lab needs JavaScript. The lesson text quotes the numbers it measures.
            </p>
          </noscript>
        </div>
      </LabMount>
    </section>
  );
}
