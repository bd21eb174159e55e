import { z } from 'zod';

/** A bad command line: `argument` is the flag to name in the one-line error (e.g. --servers). */
export class CliArgError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
    this.name = 'CliArgError';
  }
}

/** Decimal numbers only: no hex, no empty string, no NaN/Infinity (Number() accepts all of them). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const numberText = z
  .string()
  .regex(DECIMAL, { error: 'must be a number' })
  .transform(Number)
  .pipe(z.number().finite({ error: 'must be a finite number' }));

/** zod schemas for flag values (which arrive as strings). */
export const flag = {
  number: () => numberText,
  positiveNumber: () => numberText.pipe(z.number().positive({ error: 'must be > 0' })),
  positiveInt: () =>
    numberText.pipe(
      z
        .number()
        .int({ error: 'must be an integer' })
        .positive({ error: 'must be > 0' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
    ),
  nonNegativeInt: () =>
    numberText.pipe(
      z
        .number()
        .int({ error: 'must be an integer' })
        .nonnegative({ error: 'must be >= 0' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
    ),
  choice: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
};

/** `arrivalRate` → `--arrival-rate`. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function keyOf(flagText: string): string {
  return flagText.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name` flags, then validates them with a zod
 * object schema whose keys are the camelCase flag names. Throws CliArgError naming the first bad
 * flag. Boolean flags are keys listed in `booleans`.
 */
export function parseFlags<S extends z.ZodType<Record<string, unknown>>>(
  argv: readonly string[],
  schema: S,
  known: readonly string[],
  booleans: readonly string[] = [],
): z.output<S> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) throw new CliArgError(token, 'unexpected positional argument');
    const eq = token.indexOf('=');
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const key = keyOf(name);
    if (!known.includes(key) && !booleans.includes(key))
      throw new CliArgError(name, 'unknown argument');
    if (key in raw) throw new CliArgError(name, 'given more than once');
    if (booleans.includes(key)) {
      if (eq >= 0) throw new CliArgError(name, 'takes no value');
      raw[key] = true;
      continue;
    }
    if (eq >= 0) {
      raw[key] = token.slice(eq + 1);
    } else {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && !DECIMAL.test(value))) {
        throw new CliArgError(name, 'needs a value');
      }
      raw[key] = value;
      i++;
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const message =
      issue.code === 'invalid_type' && raw[key] === undefined ? 'is required' : issue.message;
    throw new CliArgError(flagName(key), message);
  }
  return result.data;
}
