import { isoTime, type Post, type UserWithPosts } from './checksum';
import type { LoggedDb } from './querylog';

/**
 * A tiny ORM in the style of the essay's snippets, issuing real SQL through the query log:
 *
 *   const users = await User.findAll();                              // 1 query
 *   for (const user of users) user.posts = await Post.findByUserId(user.id);  // + N queries
 *
 *   const users = await User.findAll({ include: [{ model: Post }] }); // 1 query (LEFT JOIN)
 *   const users = await User.findAll({ include: [{ model: Post }], via: 'json_agg' }); // 1 query
 *   const users = await User.findAll({ include: [{ model: Post }], via: 'batched' });  // 2 queries
 *
 * 'batched' is what Rails' `preload`, Django's `prefetch_related` and DataLoader do: the users, then
 * every user's posts in one `WHERE user_id = ANY($1)` query, matched up in the application.
 *
 * The lab's data dir holds 10,000 users; the lab works on the first `userLimit` of them (the slider),
 * which every findAll applies as `ORDER BY id LIMIT $1`, visible in the query log (datasets.ts).
 */
export interface UserRecord {
  id: number;
  name: string;
  email: string;
  posts?: Post[];
}

export interface IncludePost {
  model: PostModel;
}

export interface FindAllOptions {
  include?: IncludePost[];
  /**
   * How an include is loaded: one LEFT JOIN (default), one query with a json_agg subquery, or a
   * second batched query (`WHERE user_id = ANY($1)`).
   */
  via?: 'join' | 'json_agg' | 'batched';
  /** Overrides the lab's user limit. */
  limit?: number;
}

export interface PostModel {
  readonly name: 'Post';
  findByUserId(userId: number): Promise<Post[]>;
  /** Every post of these users in one query, ordered by user then id. */
  findByUserIds(userIds: readonly number[]): Promise<Post[]>;
}

export interface UserModel {
  readonly name: 'User';
  findAll(options?: FindAllOptions): Promise<UserRecord[]>;
}

export interface Orm {
  User: UserModel;
  Post: PostModel;
}

interface PostRow {
  id: number;
  user_id: number;
  channel_id: number;
  body: string;
  created_at: Date;
}

const toPost = (r: PostRow): Post => ({
  id: Number(r.id),
  userId: r.user_id,
  channelId: r.channel_id,
  body: r.body,
  createdAt: isoTime(r.created_at),
});

export const SQL = {
  findAllUsers: 'SELECT id, name, email FROM users ORDER BY id LIMIT $1',
  findPostsByUserId:
    'SELECT id, user_id, channel_id, body, created_at FROM messages WHERE user_id = $1 ORDER BY id',
  findPostsByUserIds:
    'SELECT id, user_id, channel_id, body, created_at FROM messages WHERE user_id = ANY($1) ORDER BY user_id, id',
  findAllUsersJoinPosts: `SELECT u.id, u.name, u.email,
       m.id AS post_id, m.user_id, m.channel_id, m.body, m.created_at
  FROM (SELECT id, name, email FROM users ORDER BY id LIMIT $1) AS u
  LEFT JOIN messages AS m ON m.user_id = u.id
 ORDER BY u.id, m.id`,
  findAllUsersJsonAggPosts: `SELECT u.id, u.name, u.email,
       COALESCE((SELECT json_agg(json_build_object(
                   'id', m.id, 'userId', m.user_id, 'channelId', m.channel_id,
                   'body', m.body, 'createdAt', m.created_at) ORDER BY m.id)
                  FROM messages AS m WHERE m.user_id = u.id), '[]') AS posts
  FROM users AS u
 ORDER BY u.id
 LIMIT $1`,
} as const;

export function createOrm(db: LoggedDb, opts: { userLimit: number; noInclude?: boolean }): Orm {
  const Post: PostModel = {
    name: 'Post',
    async findByUserId(userId) {
      const res = await db.query<PostRow>(SQL.findPostsByUserId, [userId]);
      return res.rows.map(toPost);
    },
    async findByUserIds(userIds) {
      if (!Array.isArray(userIds) || !userIds.every((id) => Number.isInteger(id)))
        throw new TypeError('Post.findByUserIds expects an array of integer user ids');
      const res = await db.query<PostRow>(SQL.findPostsByUserIds, [[...userIds]]);
      return res.rows.map(toPost);
    },
  };

  async function findAllBatched(limit: number): Promise<UserWithPosts[]> {
    const res = await db.query<{ id: number; name: string; email: string }>(SQL.findAllUsers, [
      limit,
    ]);
    const users: UserWithPosts[] = res.rows.map((r) => ({ ...r, posts: [] }));
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const post of await Post.findByUserIds(users.map((u) => u.id)))
      byId.get(post.userId)?.posts.push(post);
    return users;
  }

  async function findAllJoin(limit: number): Promise<UserWithPosts[]> {
    const res = await db.query<
      PostRow & { id: number; name: string; email: string; post_id: number | null }
    >(SQL.findAllUsersJoinPosts, [limit]);
    const users: UserWithPosts[] = [];
    let current: UserWithPosts | undefined;
    for (const r of res.rows) {
      if (!current || current.id !== r.id) {
        current = { id: r.id, name: r.name, email: r.email, posts: [] };
        users.push(current);
      }
      if (r.post_id !== null) current.posts.push(toPost({ ...r, id: r.post_id }));
    }
    return users;
  }

  async function findAllJsonAgg(limit: number): Promise<UserWithPosts[]> {
    const res = await db.query<{
      id: number;
      name: string;
      email: string;
      posts: Array<Record<string, unknown>>;
    }>(SQL.findAllUsersJsonAggPosts, [limit]);
    return res.rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      posts: r.posts.map((p) => ({
        id: Number(p.id),
        userId: Number(p.userId),
        channelId: Number(p.channelId),
        body: String(p.body),
        createdAt: isoTime(p.createdAt),
      })),
    }));
  }

  const User: UserModel = {
    name: 'User',
    async findAll(options = {}) {
      const limit = options.limit ?? opts.userLimit;
      if (opts.noInclude && options.include !== undefined)
        throw new Error(
          'include is switched off here: load the posts with Post.findByUserIds(ids) or db.query',
        );
      const wantsPosts = options.include?.some((inc) => inc.model === Post) ?? false;
      if (wantsPosts) {
        if (options.via === 'json_agg') return findAllJsonAgg(limit);
        if (options.via === 'batched') return findAllBatched(limit);
        return findAllJoin(limit);
      }
      const res = await db.query<{ id: number; name: string; email: string }>(SQL.findAllUsers, [
        limit,
      ]);
      return res.rows.map((r) => ({ id: r.id, name: r.name, email: r.email }));
    },
  };

  return { User, Post };
}
