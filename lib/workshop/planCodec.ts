import { z } from 'zod/mini'; // the learner banner decodes plans on every lesson page
import {
  canonicalJson,
  checksum,
  hasControlChars,
  fromBase64Url,
  fromUtf8,
  toBase64Url,
  utf8,
  type Decoded,
} from './encoding';

/**
 * A workshop plan travels in its link: /workshop/?w=<code>. The code is
 * `w1.<base64url of canonical JSON>.<checksum>`: versioned (w1), compact (short keys, no padding),
 * validated with zod on load, and canonical, so a decoded code re-encodes to exactly itself and a
 * hand-edited or truncated link is rejected with a reason instead of half-working.
 * Nothing in a code is ever run; it is data for a banner and an agenda.
 */
export const PLAN_PREFIX = 'w1';
/** The agenda item that stands for a break rather than a lesson. */
export const BREAK = 'break';

const slug = z.string().check(z.regex(/^[a-z0-9-]{1,80}$/));
const planSchema = z.strictObject({
  v: z.literal(1),
  /** Room name, shown in the banner. */
  r: z.string().check(
    z.minLength(1),
    z.maxLength(60),
    z.refine(
      (s) => s.trim() === s && !hasControlChars(s),
      'room: no control characters or outer spaces',
    ),
  ),
  /** Room seed: a 32-bit unsigned integer every seeded experiment of the room uses. */
  s: z.int().check(z.gte(0), z.lte(0xffffffff)),
  /** Agenda: [lesson slug or "break", minutes]. */
  a: z
    .array(z.tuple([slug, z.int().check(z.gte(1), z.lte(240))]))
    .check(z.minLength(1), z.maxLength(16)),
});

export type PlanWire = z.infer<typeof planSchema>;

export interface AgendaItem {
  /** A lesson slug, or BREAK. */
  slug: string;
  minutes: number;
}

export interface WorkshopPlan {
  room: string;
  seed: number;
  agenda: AgendaItem[];
}

function toWire(plan: WorkshopPlan): PlanWire {
  return { v: 1, r: plan.room, s: plan.seed, a: plan.agenda.map((i) => [i.slug, i.minutes]) };
}

function fromWire(w: PlanWire): WorkshopPlan {
  return { room: w.r, seed: w.s, agenda: w.a.map(([slug, minutes]) => ({ slug, minutes })) };
}

/** Validates a plan from the planner form; a message per problem, or the plan. */
export function checkPlan(plan: WorkshopPlan): Decoded<WorkshopPlan> {
  const parsed = planSchema.safeParse(toWire(plan));
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        kind: 'invalid',
        message: parsed.error.issues
          .map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`)
          .join('; '),
      },
    };
  }
  return { ok: true, value: fromWire(parsed.data) };
}

/** Throws only for a plan that checkPlan rejects (a programming error in the caller). */
export function encodePlan(plan: WorkshopPlan): string {
  const checked = checkPlan(plan);
  if (!checked.ok) throw new Error(`encodePlan: ${checked.error.message}`);
  const json = canonicalJson(toWire(checked.value));
  return `${PLAN_PREFIX}.${toBase64Url(utf8(json))}.${checksum(json)}`;
}

/** Never throws: any text gives either a plan or a reason a person can act on. */
export function decodePlan(code: unknown): Decoded<WorkshopPlan> {
  const fail = (kind: 'format' | 'version' | 'checksum' | 'invalid', message: string) =>
    ({ ok: false, error: { kind, message } }) as const;
  if (typeof code !== 'string' || code.length > 4000) {
    return fail('format', 'This is not a workshop code.');
  }
  const parts = code.trim().split('.');
  if (parts.length !== 3 || !/^w\d+$/.test(parts[0])) {
    return fail('format', 'This is not a workshop code.');
  }
  if (parts[0] !== PLAN_PREFIX) {
    return fail(
      'version',
      `This workshop code (${parts[0]}) was made by another version of the site.`,
    );
  }
  const bytes = fromBase64Url(parts[1]);
  const json = bytes && fromUtf8(bytes);
  if (json === null || json === undefined) {
    return fail(
      'format',
      'The workshop code is damaged: it contains characters a code cannot have.',
    );
  }
  if (checksum(json) !== parts[2]) {
    return fail(
      'checksum',
      'The workshop code was altered or cut off: its checksum does not match.',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('invalid', 'The workshop code does not contain a plan.');
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success || canonicalJson(parsed.data) !== json) {
    return fail('invalid', 'The workshop code does not contain a valid plan.');
  }
  return { ok: true, value: fromWire(parsed.data) };
}
