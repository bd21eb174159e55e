import { z } from 'zod';
import { CONSISTENCY_LABS, LAB_STRATEGIES, MAX_SHARDS } from '../labs/consistency-common';

export const USAGE =
  'usage: querylab n-plus-one [--users 1..10000] [--rtt-ms MS] [--json] | explain [--json] | measure [--rtt-ms MS] [--json] | caching [--rtt-ms MS] [--interval-ms MS] [--json] | stampede [--rtt-ms MS] [--json] | consistency --lab replica-lag|idempotency|lost-update|outbox|shards [--strategy S] [--lag-ms 0..10000] [--window-ms MS] [--seed K] [--shards 1..8] [--requests N] [--json]';

const users = z.coerce.number().int().min(1).max(10_000);
const rttMs = z.coerce.number().min(0).max(1000);

const commandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('n-plus-one'),
    users: users.default(1000),
    rttMs: rttMs.optional(),
    json: z.boolean(),
  }),
  z.object({ command: z.literal('explain'), json: z.boolean() }),
  z.object({ command: z.literal('measure'), rttMs: rttMs.optional(), json: z.boolean() }),
  z.object({
    command: z.literal('caching'),
    rttMs: rttMs.optional(),
    intervalMs: z.coerce.number().min(5).max(10_000).optional(),
    json: z.boolean(),
  }),
  z.object({ command: z.literal('stampede'), rttMs: rttMs.optional(), json: z.boolean() }),
  z
    .object({
      command: z.literal('consistency'),
      lab: z.enum(CONSISTENCY_LABS),
      strategy: z.string().optional(),
      lagMs: z.coerce.number().min(0).max(10_000).optional(),
      windowMs: z.coerce.number().min(0).max(60_000).optional(),
      seed: z.coerce
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
      shards: z.coerce.number().int().min(1).max(MAX_SHARDS).optional(),
      requests: z.coerce.number().int().min(1).max(5000).optional(),
      json: z.boolean(),
    })
    .superRefine((o, ctx) => {
      const allowed: readonly string[] = LAB_STRATEGIES[o.lab];
      if (o.strategy !== undefined && !allowed.includes(o.strategy))
        ctx.addIssue({
          code: 'custom',
          path: ['strategy'],
          message: `${o.lab} strategies are ${allowed.join('|')}`,
        });
    }),
]);

export type CliCommand = z.infer<typeof commandSchema>;

const FLAGS: Record<string, { key: string; takesValue: boolean; commands: readonly string[] }> = {
  '--users': { key: 'users', takesValue: true, commands: ['n-plus-one'] },
  '--rtt-ms': {
    key: 'rttMs',
    takesValue: true,
    commands: ['n-plus-one', 'measure', 'caching', 'stampede'],
  },
  '--interval-ms': { key: 'intervalMs', takesValue: true, commands: ['caching'] },
  '--json': {
    key: 'json',
    takesValue: false,
    commands: ['n-plus-one', 'explain', 'measure', 'caching', 'stampede', 'consistency'],
  },
  '--lab': { key: 'lab', takesValue: true, commands: ['consistency'] },
  '--strategy': { key: 'strategy', takesValue: true, commands: ['consistency'] },
  '--lag-ms': { key: 'lagMs', takesValue: true, commands: ['consistency'] },
  '--window-ms': { key: 'windowMs', takesValue: true, commands: ['consistency'] },
  '--seed': { key: 'seed', takesValue: true, commands: ['consistency'] },
  '--shards': { key: 'shards', takesValue: true, commands: ['consistency'] },
  '--requests': { key: 'requests', takesValue: true, commands: ['consistency'] },
};

/** The option as the user typed it (`--lag-ms`), for messages about a schema key (`lagMs`). */
function flagName(key: PropertyKey | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (key === 'command') return 'command';
  return Object.entries(FLAGS).find(([, f]) => f.key === key)?.[0] ?? String(key);
}

/** argv (after the script) → a validated command, or an error message for the usage line. */
export function parseArgs(
  argv: readonly string[],
): { ok: true; value: CliCommand } | { ok: false; error: string } {
  const [command, ...rest] = argv;
  if (!command) return { ok: false, error: 'missing command' };
  const raw: Record<string, unknown> = { command, json: false };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    const [name, inline] = token.includes('=')
      ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)]
      : [token, undefined];
    const flag = FLAGS[name];
    if (!flag || !flag.commands.includes(command))
      return { ok: false, error: `unknown option ${name} for ${command}` };
    if (!flag.takesValue) {
      if (inline !== undefined) return { ok: false, error: `${name} takes no value` };
      raw[flag.key] = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
    raw[flag.key] = value;
  }
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue
        ? `${flagName(issue.path[0]) ?? 'command'}: ${issue.message}`
        : 'invalid arguments',
    };
  }
  return { ok: true, value: parsed.data };
}
