import type { DatasetSpec } from '../datasets';
import { createRng, sampleCumulative, zipfCumulative, type Rng } from './prng';
import { CHANNEL_TEAMS, CHANNEL_TOPICS, FIRST_NAMES, LAST_NAMES, WORDS } from './words';

/** One generated dataset, as CSV text per table in the column order of schema.ts (for COPY). */
export interface SeedCsv {
  users: string;
  channels: string;
  memberships: string;
  messages: string;
  counts: { users: number; channels: number; memberships: number; messages: number };
}

interface Message {
  channelId: number;
  userId: number;
  body: string;
  createdAtS: number;
  /** Soft-deleted at (seconds), or undefined for a live message. */
  deletedAtS: number | undefined;
}

const DAY_S = 86_400;
/** The seed's "now": fixed so timestamps (and checksums) never depend on the build date. */
export const SEED_END_S = Date.UTC(2025, 5, 1) / 1000;
/** Messages span the 90 days before SEED_END_S (a quarter of chat history). */
const HISTORY_DAYS = 90;
/** Share of each user's messages posted in #general (channel 1): a busy all-hands channel. */
const GENERAL_SHARE = 0.3;
/** Share of messages soft-deleted (users delete ~1% of what they post; an illustrative figure). */
const DELETED_SHARE = 0.01;

const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const csvText = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function channelNames(count: number): string[] {
  const names = ['general', 'random'];
  for (let i = 0; names.length < count; i++) {
    const topic = CHANNEL_TOPICS[i % CHANNEL_TOPICS.length];
    const team = CHANNEL_TEAMS[Math.floor(i / CHANNEL_TOPICS.length) % CHANNEL_TEAMS.length];
    const round = Math.floor(i / (CHANNEL_TOPICS.length * CHANNEL_TEAMS.length));
    names.push(`${team}-${topic}${round > 0 ? `-${round + 1}` : ''}`);
  }
  return names;
}

function body(rng: Rng, wordCum: Float64Array): string {
  const n = rng.int(3, 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[sampleCumulative(wordCum, rng.next())] as string);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each user joins #general plus 2–14 distinct other channels drawn by Zipf popularity. */
function userChannels(rng: Rng, channelCum: Float64Array): number[] {
  const extra = rng.int(2, 14);
  const set = new Set<number>([1]);
  while (set.size < extra + 1) set.add(2 + sampleCumulative(channelCum, rng.next()));
  return [...set].sort((a, b) => a - b);
}

/**
 * Deterministic seed of the messaging system: same spec ⇒ byte-identical CSV on every machine.
 * Message ids follow creation time (as with a sequence), so "latest" and "highest id" agree.
 */
export function generateSeed(spec: DatasetSpec): SeedCsv {
  const rng = createRng(spec.seed);
  const channelCum = zipfCumulative(spec.channels - 1, 1);
  const wordCum = zipfCumulative(WORDS.length, 1);
  const users: string[] = [];
  const memberships: Array<[number, number]> = [];
  const messages: Message[] = [];
  for (let id = 1; id <= spec.users; id++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const joinedS = SEED_END_S - HISTORY_DAYS * DAY_S - rng.int(0, 365) * DAY_S;
    const email = `${first}.${last}.${id}@example.com`.toLowerCase();
    users.push(`${id},${first} ${last},${email},${iso(joinedS)}`);
    const mine = userChannels(rng, channelCum);
    for (const c of mine) memberships.push([id, c]);
    const others = mine.slice(1);
    for (let k = 0; k < spec.messagesPerUser; k++) {
      const channelId = rng.next() < GENERAL_SHARE ? 1 : rng.pick(others);
      const createdAtS = SEED_END_S - rng.int(1, HISTORY_DAYS * DAY_S);
      const text = body(rng, wordCum);
      const deletedAtS =
        rng.next() < DELETED_SHARE
          ? Math.min(SEED_END_S, createdAtS + rng.int(60, DAY_S))
          : undefined;
      messages.push({ channelId, userId: id, body: text, createdAtS, deletedAtS });
    }
  }
  // Ids in time order; ties broken by generation order (stable sort), so the order is deterministic.
  messages.sort((a, b) => a.createdAtS - b.createdAtS);
  const lastRead = lastReadIds(rng, messages, memberships);
  const channels = channelNames(spec.channels).map(
    (name, i) => `${i + 1},${name},${iso(SEED_END_S - (HISTORY_DAYS + 400 - i) * DAY_S)}`,
  );
  return {
    users: users.join('\n') + '\n',
    channels: channels.join('\n') + '\n',
    memberships: memberships.map(([u, c], i) => `${u},${c},${lastRead[i]}`).join('\n') + '\n',
    messages:
      messages
        .map(
          (m, i) =>
            `${i + 1},${m.channelId},${m.userId},${csvText(m.body)},${iso(m.createdAtS)},${m.deletedAtS === undefined ? '' : iso(m.deletedAtS)}`,
        )
        .join('\n') + '\n',
    counts: {
      users: spec.users,
      channels: spec.channels,
      memberships: memberships.length,
      messages: messages.length,
    },
  };
}

/**
 * Each membership has read its channel up to a moment 0–48 h before the seed's "now", so unread
 * counts are realistic (a handful in quiet channels, hundreds in #general).
 */
function lastReadIds(
  rng: Rng,
  messages: readonly Message[],
  memberships: ReadonlyArray<[number, number]>,
): number[] {
  const byChannel = new Map<number, { ids: number[]; times: number[] }>();
  messages.forEach((m, i) => {
    const entry = byChannel.get(m.channelId) ?? { ids: [], times: [] };
    entry.ids.push(i + 1);
    entry.times.push(m.createdAtS);
    byChannel.set(m.channelId, entry);
  });
  return memberships.map(([, channelId]) => {
    const readUntilS = SEED_END_S - rng.int(0, 48 * 3600);
    const entry = byChannel.get(channelId);
    if (!entry) return 0;
    let lo = 0;
    let hi = entry.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((entry.times[mid] as number) <= readUntilS) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (entry.ids[lo - 1] as number);
  });
}
