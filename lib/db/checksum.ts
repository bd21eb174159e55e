/** What every loading strategy must produce: users in id order, each with its posts (messages). */
export interface Post {
  id: number;
  userId: number;
  channelId: number;
  body: string;
  /** ISO 8601 UTC, e.g. 2025-03-01T12:00:00.000Z (normalised from Date or JSON text). */
  createdAt: string;
}

export interface UserWithPosts {
  id: number;
  name: string;
  email: string;
  posts: Post[];
}

/**
 * 53-bit string hash (cyrb53 by bryc, public domain): two 32-bit lanes mixed with Math.imul, so it is
 * identical in every JS engine, fast (no BigInt, no async crypto.subtle) and fine for equality checks
 * (not cryptographic; nobody attacks a lab checksum).
 */
function cyrb53(parts: Iterable<string>, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Checksum over the loaded user→posts data, independent of how it was loaded: users and posts are
 * put in id order first, so N+1, JOIN and json_agg agree exactly when they loaded the same data.
 * Field separators (\u001f, \u001e) cannot occur in the seed text, so no two inputs collide by
 * concatenation.
 */
export function checksumUsers(users: readonly UserWithPosts[]): string {
  const sorted = [...users].sort((a, b) => a.id - b.id);
  function* parts(): Generator<string> {
    for (const u of sorted) {
      yield `U\u001f${u.id}\u001f${u.name}\u001f${u.email}\u001e`;
      const posts = [...u.posts].sort((a, b) => a.id - b.id);
      for (const p of posts) {
        yield `P\u001f${p.id}\u001f${p.userId}\u001f${p.channelId}\u001f${p.body}\u001f${p.createdAt}\u001e`;
      }
    }
  }
  return cyrb53(parts());
}

/** Normalises a timestamp from a Date (row decoding) or JSON text (json_agg) to ISO UTC. */
export function isoTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}
