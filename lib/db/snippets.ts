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
} as const;

export type SnippetId = keyof typeof SNIPPETS;
