import { z } from 'zod/mini';
import {
  canonicalJson,
  checksum,
  hasControlChars,
  fromBase64Url,
  fromUtf8,
  toBase64Url,
  utf8,
  type Decoded,
  type DecodeError,
} from './encoding';

/**
 * A learner's hand-in: what they did in a workshop, as a short code to paste (or a QR code, or a
 * small JSON file). Code = `h1.<base64url of deflate-raw(canonical JSON)>.<checksum of the JSON>`.
 * Everything stays in the learner's browser until they pass the code on themselves.
 */
export const HAND_IN_PREFIX = 'h1';
/** The `format` field of a hand-in file, so the dashboard can tell it from any other JSON. */
export const HAND_IN_FILE_FORMAT = 'scaling-workbench-hand-in';
/** Decompressed payloads above this are refused (a real one is ~1 KB): no zip bombs. */
const MAX_JSON_BYTES = 64 * 1024;
/** One day: longer "time on a lesson" is a tab left open, not work. */
export const MAX_SECONDS = 86_400;

const id = z.string().check(z.regex(/^[a-z0-9.-]{1,80}$/));
const value = z.union([
  z.number().check(z.refine(Number.isFinite)),
  z.string().check(z.maxLength(120)),
]);
const text = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !hasControlChars(s)),
  );

const handInSchema = z.strictObject({
  v: z.literal(1),
  /** What the learner chose to be called; absent = anonymous. */
  name: z.optional(text(40)),
  /** The room's name and its plan's checksum, to tell rooms apart on the dashboard. */
  room: z.optional(text(60)),
  plan: z.optional(z.string().check(z.regex(/^[0-9a-z]{1,8}$/))),
  challenges: z.record(
    id,
    z.strictObject({
      status: z.optional(z.enum(['solved', 'revealed'])),
      wrong: z.optional(z.array(z.string().check(z.maxLength(120))).check(z.maxLength(5))),
    }),
  ),
  predictions: z.record(
    id,
    z.strictObject({
      measure: id,
      guess: value,
      result: z.optional(value),
      late: z.optional(z.literal(true)),
    }),
  ),
  /** Seconds spent on each lesson page (visible tab) while in the workshop. */
  seconds: z.record(id, z.int().check(z.gte(0), z.lte(MAX_SECONDS))),
});

export type HandIn = z.infer<typeof handInSchema>;

const LIMIT = 200;
function tooMany(h: HandIn): boolean {
  return [h.challenges, h.predictions, h.seconds].some((r) => Object.keys(r).length > LIMIT);
}

function invalid(message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { kind: 'invalid', message } };
}

export function checkHandIn(raw: unknown): Decoded<HandIn> {
  const parsed = handInSchema.safeParse(raw);
  if (!parsed.success) {
    return invalid(
      `not a valid hand-in (${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'hand-in'}: ${i.message}`)
        .join('; ')})`,
    );
  }
  if (tooMany(parsed.data)) return invalid(`not a valid hand-in (more than ${LIMIT} entries)`);
  return { ok: true, value: parsed.data };
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    total += chunk.length;
    if (total > MAX_JSON_BYTES) {
      await reader.cancel().catch(() => {});
      throw new Error('too large');
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Throws only for a hand-in that checkHandIn rejects (a programming error in the caller). */
export async function encodeHandIn(handIn: HandIn): Promise<string> {
  const checked = checkHandIn(handIn);
  if (!checked.ok) throw new Error(`encodeHandIn: ${checked.error.message}`);
  const json = canonicalJson(checked.value);
  const packed = await pipe(utf8(json), new CompressionStream('deflate-raw'));
  return `${HAND_IN_PREFIX}.${toBase64Url(packed)}.${checksum(json)}`;
}

/** Never throws (nor rejects): any text gives either a hand-in or a reason. */
export async function decodeHandIn(code: unknown): Promise<Decoded<HandIn>> {
  const fail = (kind: DecodeError['kind'], message: string) =>
    ({ ok: false, error: { kind, message } }) as const;
  if (typeof code !== 'string' || code.length > 20_000) return fail('format', 'not a hand-in code');
  const parts = code.trim().split('.');
  if (parts.length !== 3 || !/^h\d+$/.test(parts[0])) {
    return fail('format', 'not a hand-in code (it should start with h1.)');
  }
  if (parts[0] !== HAND_IN_PREFIX) {
    return fail('version', `a hand-in code of another version of the site (${parts[0]})`);
  }
  const packed = fromBase64Url(parts[1]);
  if (!packed) return fail('format', 'damaged: it contains characters a code cannot have');
  let json: string | null;
  try {
    json = fromUtf8(await pipe(packed, new DecompressionStream('deflate-raw')));
  } catch {
    return fail('checksum', 'damaged or cut off: it does not unpack');
  }
  if (json === null || checksum(json) !== parts[2]) {
    return fail('checksum', 'altered or cut off: its checksum does not match');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return invalid('not a valid hand-in');
  }
  const checked = checkHandIn(raw);
  if (checked.ok && canonicalJson(checked.value) !== json)
    return invalid('not a canonical hand-in');
  return checked;
}

/** The hand-in as a file: readable JSON a person can check before passing it on. */
export function handInFile(handIn: HandIn): string {
  return `${JSON.stringify({ format: HAND_IN_FILE_FORMAT, ...handIn }, null, 2)}\n`;
}

/** Reads a hand-in file (or returns why not); never throws. */
export function readHandInFile(content: string): Decoded<HandIn> {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return fail2('format', 'not JSON');
  }
  if (
    !raw ||
    typeof raw !== 'object' ||
    (raw as { format?: unknown }).format !== HAND_IN_FILE_FORMAT
  ) {
    return fail2('format', 'not a hand-in file');
  }
  const { format: _format, ...rest } = raw as Record<string, unknown>;
  return checkHandIn(rest);
}

function fail2(kind: DecodeError['kind'], message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { kind, message } };
}
