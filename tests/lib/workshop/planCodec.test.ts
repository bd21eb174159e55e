import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasControlChars } from '@/lib/workshop/encoding';
import { decodePlan, encodePlan, type WorkshopPlan } from '@/lib/workshop/planCodec';
import { fromBase64Url, toBase64Url } from '@/lib/workshop/encoding';

const plan: WorkshopPlan = {
  room: 'Platform guild · Berlin',
  seed: 20261203,
  agenda: [
    { slug: 'start-simple-scale-smart', minutes: 15 },
    { slug: 'n-plus-one', minutes: 25 },
    { slug: 'break', minutes: 10 },
  ],
};

const planArb: fc.Arbitrary<WorkshopPlan> = fc.record({
  room: fc
    .string({ minLength: 1, maxLength: 60, unit: 'grapheme' })
    .filter((s) => s.trim() === s && !hasControlChars(s) && s.length <= 60),
  seed: fc.nat({ max: 0xffffffff }),
  agenda: fc.array(
    fc.record({
      slug: fc.stringMatching(/^[a-z0-9-]{1,80}$/),
      minutes: fc.integer({ min: 1, max: 240 }),
    }),
    { minLength: 1, maxLength: 16 },
  ),
});

describe('workshop plan codec', () => {
  it('should round-trip a plan through a compact, URL-safe code', () => {
    const code = encodePlan(plan);
    expect(code).toMatch(/^w1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(code.length).toBeLessThan(200);
    expect(decodePlan(code)).toEqual({ ok: true, value: plan });
  });

  it('should round-trip any valid plan', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        expect(decodePlan(encodePlan(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('should re-encode any decodable code to itself', () => {
    const codes = fc.oneof(
      planArb.map(encodePlan),
      // Mutations of valid codes: one character changed, cut short, or extended.
      fc
        .tuple(planArb.map(encodePlan), fc.nat(), fc.constantFrom(...'Aa0-_.w1x'))
        .map(([c, i, ch]) => c.slice(0, i % c.length) + ch + c.slice((i % c.length) + 1)),
      fc.tuple(planArb.map(encodePlan), fc.nat()).map(([c, i]) => c.slice(0, i % c.length)),
    );
    fc.assert(
      fc.property(codes, (code) => {
        const d = decodePlan(code);
        if (d.ok) expect(encodePlan(d.value)).toBe(code.trim());
      }),
    );
  });

  it('should never throw on garbage, and explain the rejection', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (junk) => {
        const d = decodePlan(junk);
        if (!d.ok) expect(d.error.message.length).toBeGreaterThan(5);
      }),
    );
  });

  it('should say why a code is rejected', () => {
    const code = encodePlan(plan);
    const [, body, sum] = code.split('.');
    expect(decodePlan('hello')).toMatchObject({ ok: false, error: { kind: 'format' } });
    expect(decodePlan(`w2.${body}.${sum}`)).toMatchObject({
      ok: false,
      error: { kind: 'version' },
    });
    expect(decodePlan(code.slice(0, -1))).toMatchObject({ ok: false, error: { kind: 'checksum' } });
    const tampered = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    expect(decodePlan(`w1.${tampered}.${sum}`).ok).toBe(false);
    expect(decodePlan(`w1.${body}!.${sum}`)).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
  });
});

describe('base64url', () => {
  it('should round-trip bytes and reject non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('AB')).toBeNull(); // stray low bits
    expect(fromBase64Url('A')).toBeNull();
    expect(fromBase64Url('AA==')).toBeNull();
  });
});
