import { z } from 'zod';

export const USAGE =
  'usage: querylab n-plus-one [--users 1..10000] [--rtt-ms MS] [--json] | explain [--json] | measure [--rtt-ms MS] [--json] | caching [--rtt-ms MS] [--interval-ms MS] [--json] | stampede [--rtt-ms MS] [--json]';

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
    commands: ['n-plus-one', 'explain', 'measure', 'caching', 'stampede'],
  },
};

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
      error: issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'invalid arguments',
    };
  }
  return { ok: true, value: parsed.data };
}
