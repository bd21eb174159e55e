import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumUsers, isoTime, type UserWithPosts } from '@/lib/db/checksum';

const post = fc.record({
  id: fc.integer({ min: 1, max: 1e6 }),
  userId: fc.integer({ min: 1, max: 100 }),
  channelId: fc.integer({ min: 1, max: 100 }),
  body: fc.string(),
  createdAt: fc.constant('2025-03-01T12:00:00.000Z'),
});
const users = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 1e6 }),
    name: fc.string(),
    email: fc.string(),
    posts: fc.uniqueArray(post, { selector: (p) => p.id, maxLength: 5 }),
  }),
  { selector: (u) => u.id, maxLength: 8 },
);

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.abs((seed * (i + 7)) % (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('checksumUsers', () => {
  it('should not depend on the order users or posts arrive in', () => {
    fc.assert(
      fc.property(users, fc.integer(), (us, seed) => {
        const reordered: UserWithPosts[] = shuffled(us, seed).map((u) => ({
          ...u,
          posts: shuffled(u.posts, seed + 1),
        }));
        expect(checksumUsers(reordered)).toBe(checksumUsers(us));
      }),
    );
  });

  it('should change when any post body changes', () => {
    fc.assert(
      fc.property(
        users.filter((us) => us.some((u) => u.posts.length > 0)),
        (us) => {
          const i = us.findIndex((u) => u.posts.length > 0);
          const changed = us.map((u, k) =>
            k === i
              ? { ...u, posts: u.posts.map((p, j) => (j === 0 ? { ...p, body: `${p.body}!` } : p)) }
              : u,
          );
          expect(checksumUsers(changed)).not.toBe(checksumUsers(us));
        },
      ),
    );
  });

  it('should normalise Date and JSON timestamps to the same ISO string', () => {
    expect(isoTime(new Date('2025-03-01T12:00:00Z'))).toBe(isoTime('2025-03-01T12:00:00+00:00'));
  });
});
