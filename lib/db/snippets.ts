/**
 * The essay's two snippets (plus the json_agg variant), as the editor shows them and as
 * runUserCode runs them. `User.findAll()` reads the first N users (the slider); see orm.ts.
 */
export const SNIPPETS = {
  before: `// Before: N+1 query problem
const users = await User.findAll();
for (const user of users) {
  user.posts = await Post.findByUserId(user.id);
}
`,
  after: `// After: Single query with joins
const users = await User.findAll({
  include: [{ model: Post }]
});
`,
  jsonAgg: `// Third way: one query, Postgres builds each user's posts as JSON
const users = await User.findAll({
  include: [{ model: Post }],
  via: 'json_agg',
});
`,
  batched: `// Batched: two queries, as Rails preload, Django prefetch_related and DataLoader do
const users = await User.findAll({
  include: [{ model: Post }],
  via: 'batched', // then: SELECT … FROM messages WHERE user_id = ANY($1)
});
`,
  promiseAll: `// The Promise.all "fix": the same N+1 queries, sent at once
const users = await User.findAll();
await Promise.all(users.map(async (user) => {
  user.posts = await Post.findByUserId(user.id);
}));
`,
} as const;

export type SnippetId = keyof typeof SNIPPETS;
