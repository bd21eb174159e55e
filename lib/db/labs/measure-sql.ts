/**
 * The endpoints of the messaging app for the measure-before-you-optimize lab, as the SQL an ORM-backed
 * handler would send. The trap: /inbox (a four-way JOIN) and /search (ILIKE, the slowest single
 * request) LOOK heavy; the real cost is the innocent-looking sidebar (/channels), which asks for each
 * channel's unread count and last message one query at a time (an N+1: 1 + 2 × channels queries) on
 * every page view. `channelsFixed` is the one-query version.
 */
export const MEASURE_SQL = {
  myChannels: `SELECT c.id, c.name, mb.last_read_message_id
  FROM memberships AS mb JOIN channels AS c ON c.id = mb.channel_id
 WHERE mb.user_id = $1
 ORDER BY c.name`,
  unreadCount: 'SELECT count(*)::int AS unread FROM messages WHERE channel_id = $1 AND id > $2',
  lastMessage:
    'SELECT body, created_at FROM messages WHERE channel_id = $1 ORDER BY id DESC LIMIT 1',
  channelsFixed: `SELECT c.id, c.name,
       (SELECT count(*) FROM messages AS m
         WHERE m.channel_id = mb.channel_id AND m.id > mb.last_read_message_id)::int AS unread,
       last.body AS last_body
  FROM memberships AS mb
  JOIN channels AS c ON c.id = mb.channel_id
  LEFT JOIN LATERAL (SELECT body FROM messages AS m
                      WHERE m.channel_id = mb.channel_id ORDER BY m.id DESC LIMIT 1) AS last ON true
 WHERE mb.user_id = $1
 ORDER BY c.name`,
  inbox: `SELECT m.id, m.body, m.created_at, u.name AS author, c.name AS channel
  FROM messages AS m
  JOIN memberships AS mb ON mb.channel_id = m.channel_id AND mb.user_id = $1
  JOIN users AS u ON u.id = m.user_id
  JOIN channels AS c ON c.id = m.channel_id
 WHERE m.deleted_at IS NULL
 ORDER BY m.id DESC
 LIMIT 30`,
  history: `SELECT m.id, m.body, m.created_at, u.name AS author
  FROM messages AS m JOIN users AS u ON u.id = m.user_id
 WHERE m.channel_id = $1 AND m.deleted_at IS NULL
 ORDER BY m.id DESC
 LIMIT 50`,
  markRead: `UPDATE memberships SET last_read_message_id = $3
 WHERE user_id = $1 AND channel_id = $2`,
  send: `INSERT INTO messages (channel_id, user_id, body, created_at)
VALUES ($1, $2, $3, timestamptz '2025-06-01') RETURNING id`,
  /**
   * Search in the open channel. An infix ILIKE cannot use a B-tree: every search reads all of the
   * channel's messages (the slowest single request, but rare).
   */
  search: `SELECT m.id, m.body, u.name AS author
  FROM messages AS m JOIN users AS u ON u.id = m.user_id
 WHERE m.channel_id = $1 AND m.body ILIKE $2
 ORDER BY m.id DESC
 LIMIT 20`,
} as const;

export const ENDPOINTS = [
  'GET /channels',
  'GET /inbox',
  'GET /channels/:id/messages',
  'POST /messages',
  'GET /search',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/**
 * Traffic mix per request (sums to 1). Illustrative, shaped like a chat client: the sidebar reloads on
 * every page view, people read far more than they write, and search is rare.
 */
export const TRAFFIC_MIX: Readonly<Record<Endpoint, number>> = {
  'GET /channels': 0.4,
  'GET /inbox': 0.2,
  'GET /channels/:id/messages': 0.25,
  'POST /messages': 0.12,
  'GET /search': 0.03,
};

/** A phrase nobody typed: the search must scan every row to find (almost) nothing. */
export const SEARCH_TERM = '%kubernetes helm rollback%';
