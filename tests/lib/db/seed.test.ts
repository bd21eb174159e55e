import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '@/lib/db/datasets';
import { generateSeed } from '@/lib/db/seed/generate';
import { createRng, sampleCumulative, zipfCumulative } from '@/lib/db/seed/prng';

const small: DatasetSpec = {
  id: 'app',
  seed: 42,
  users: 60,
  messagesPerUser: 10,
  channels: 30,
  indexes: [],
};

describe('seeded PRNG', () => {
  it('should repeat the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
      }),
    );
  });

  it('should draw integers inside the inclusive range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const rng = createRng(seed);
          for (let i = 0; i < 50; i++) {
            const x = rng.int(min, min + span);
            expect(x).toBeGreaterThanOrEqual(min);
            expect(x).toBeLessThanOrEqual(min + span);
          }
        },
      ),
    );
  });

  it('should sample Zipf ranks with the most popular rank most often', () => {
    const cum = zipfCumulative(10, 1);
    const rng = createRng(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[sampleCumulative(cum, rng.next())]! += 1;
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThan(counts[9]!);
  });
});

describe('generateSeed', () => {
  it('should produce byte-identical CSV for the same spec', () => {
    expect(generateSeed(small)).toEqual(generateSeed(small));
  });

  it('should give every user exactly messagesPerUser messages, with ids in time order', () => {
    const seed = generateSeed(small);
    const rows = seed.messages
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows).toHaveLength(small.users * small.messagesPerUser);
    const perUser = new Map<string, number>();
    for (const r of rows) perUser.set(r[2]!, (perUser.get(r[2]!) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === small.messagesPerUser)).toBe(true);
    const times = rows.map((r) => r[4]!);
    expect([...times].sort()).toEqual(times);
    expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => i + 1));
  });

  it('should put every user in #general and post only to channels they are a member of', () => {
    const seed = generateSeed(small);
    const members = new Set(
      seed.memberships
        .trim()
        .split('\n')
        .map((l) => l.split(',').slice(0, 2).join(':')),
    );
    for (let u = 1; u <= small.users; u++) expect(members.has(`${u}:1`)).toBe(true);
    for (const line of seed.messages.trim().split('\n')) {
      const [, channel, user] = line.split(',');
      expect(members.has(`${user}:${channel}`)).toBe(true);
    }
  });

  it('should change the data when the seed changes', () => {
    expect(generateSeed({ ...small, seed: 43 }).messages).not.toBe(generateSeed(small).messages);
  });
});
