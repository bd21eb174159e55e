import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasControlChars } from '@/lib/workshop/encoding';
import {
  decodeHandIn,
  encodeHandIn,
  handInFile,
  readHandInFile,
  type HandIn,
} from '@/lib/workshop/handInCodec';

/** A typical learner after a 90-minute session over lessons 1–5 (sizes reported in the notes). */
export const typical: HandIn = {
  v: 1,
  name: 'Ada',
  room: 'Platform guild',
  plan: '1x2y3z',
  challenges: {
    'n-plus-one-load-5k': { status: 'solved', wrong: ['5000'] },
    'first-bottleneck': { status: 'solved' },
    'measure-guess-bottleneck': { status: 'solved', wrong: ['GET /inbox: it joins four tables'] },
    'n-plus-one-predict-count': { status: 'revealed', wrong: ['2', '1000'] },
    'indexing-rows-read': { status: 'solved' },
    'caching-predict-hit-ratio': { status: 'solved', wrong: ['About 50%'] },
  },
  predictions: {
    'n-plus-one-count': { measure: 'n-plus-one.before-queries', guess: 300, result: 1001 },
    'measure-bottleneck': {
      measure: 'measure.bottleneck',
      guess: 'GET /inbox',
      result: 'GET /channels',
    },
    'indexing-rows': { measure: 'indexing.rows-read-without-index', guess: 3600, result: 200000 },
    'caching-hits': { measure: 'caching.ttl-hit-ratio', guess: 50, result: 81 },
  },
  seconds: {
    'start-simple-scale-smart': 840,
    'measure-before-you-optimize': 1210,
    'n-plus-one': 1500,
    indexing: 1130,
    caching: 905,
  },
};

const idArb = fc.stringMatching(/^[a-z0-9.-]{1,30}$/);
const textArb = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => !hasControlChars(s));
const valueArb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.string({ maxLength: 40 }),
);
const handInArb: fc.Arbitrary<HandIn> = fc.record(
  {
    v: fc.constant(1 as const),
    name: textArb(40),
    room: textArb(60),
    plan: fc.stringMatching(/^[0-9a-z]{1,8}$/),
    challenges: fc.dictionary(
      idArb,
      fc.record(
        {
          status: fc.constantFrom('solved' as const, 'revealed' as const),
          wrong: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 8 },
    ),
    predictions: fc.dictionary(
      idArb,
      fc.record(
        { measure: idArb, guess: valueArb, result: valueArb, late: fc.constant(true as const) },
        { requiredKeys: ['measure', 'guess'] },
      ),
      { maxKeys: 8 },
    ),
    seconds: fc.dictionary(idArb, fc.integer({ min: 0, max: 86_400 }), { maxKeys: 8 }),
  },
  { requiredKeys: ['v', 'challenges', 'predictions', 'seconds'] },
);

describe('hand-in codec', () => {
  it('should round-trip a typical hand-in into a short code', async () => {
    const code = await encodeHandIn(typical);
    expect(code).toMatch(/^h1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(code.length).toBeLessThan(1000);
    expect(await decodeHandIn(code)).toEqual({ ok: true, value: typical });
  });

  it('should round-trip any valid hand-in, and re-encode a decoded code to itself', async () => {
    await fc.assert(
      fc.asyncProperty(handInArb, async (h) => {
        const code = await encodeHandIn(h);
        const decoded = await decodeHandIn(code);
        expect(decoded).toEqual({ ok: true, value: h });
        if (decoded.ok) expect(await encodeHandIn(decoded.value)).toBe(code);
      }),
      { numRuns: 60 },
    );
  });

  it('should never throw or reject on garbage or damaged codes', async () => {
    const code = await encodeHandIn(typical);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.string().map((s) => `h1.${s}.abc`),
          fc
            .tuple(fc.nat(), fc.constantFrom(...'Aa0-_.'))
            .map(
              ([i, ch]) => code.slice(0, i % code.length) + ch + code.slice((i % code.length) + 1),
            ),
        ),
        async (junk) => {
          const d = await decodeHandIn(junk);
          if (!d.ok) expect(d.error.message.length).toBeGreaterThan(5);
          else expect(await encodeHandIn(d.value)).toBe(String(junk).trim());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should refuse a damaged or truncated code with a reason', async () => {
    const code = await encodeHandIn(typical);
    expect(await decodeHandIn(code.slice(0, 40))).toMatchObject({ ok: false });
    expect(await decodeHandIn(`w1.${code.slice(3)}`)).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    expect(await decodeHandIn(code.replace(/\.[0-9a-z]+$/, '.zzz'))).toMatchObject({
      ok: false,
      error: { kind: 'checksum' },
    });
  });

  it('should read back its own file and refuse other JSON', () => {
    expect(readHandInFile(handInFile(typical))).toEqual({ ok: true, value: typical });
    expect(readHandInFile('{"format":"other"}')).toMatchObject({ ok: false });
    expect(readHandInFile('not json')).toMatchObject({ ok: false });
    const bad = JSON.parse(handInFile(typical)) as Record<string, unknown>;
    bad.seconds = { x: -1 };
    expect(readHandInFile(JSON.stringify(bad))).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
  });
});
