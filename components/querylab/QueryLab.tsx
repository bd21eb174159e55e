import { CACHING_SQL } from '@/lib/db/labs/caching';
import { INDEXING_SQL } from '@/lib/db/labs/indexing';
import { ENDPOINTS } from '@/lib/db/labs/measure-sql';
import { SNIPPETS } from '@/lib/db/snippets';
import { INDEX_CHALLENGE_SQL, REWRITE_START } from '@/lib/db/challenges';
import { LabMount } from './LabMount';
import type { LabSpec } from './labSpec';
import { labSpecSchema } from './labSpecSchema';
import './querylab.css';

const TITLES: Record<LabSpec['lab'], string> = {
  'n-plus-one': 'Lab: the essay’s Before and After, on a real Postgres',
  'n-plus-one-scaling': 'Lab: queries and time as the page loads more users',
  indexing: 'Lab: EXPLAIN ANALYZE before and after an index',
  caching: 'Lab: a cache-aside cache in front of a hot query',
  stampede: 'Lab: a cache flush under load, with and without coalescing',
  challenge: 'Challenge, checked by running the lab',
  measure: 'Lab: an APM view of a mixed workload',
  sql: 'Lab: your own SQL',
  consistency: 'Lab: consistency on real Postgres',
};

const INDEXING_TITLES: Record<Extract<LabSpec, { lab: 'indexing' }>['part'], string> = {
  lookup: 'Lab: EXPLAIN ANALYZE before and after an index',
  'low-selectivity': 'Lab: an index Postgres does not use',
  'write-cost': 'Lab: what three indexes cost on an INSERT',
};

const INDEXING_PREVIEW: Record<Extract<LabSpec, { lab: 'indexing' }>['part'], string[]> = {
  lookup: [INDEXING_SQL.latestInChannel, INDEXING_SQL.createGoodIndex],
  'low-selectivity': [
    INDEXING_SQL.createDeletedAtIndex,
    INDEXING_SQL.liveByChannel,
    INDEXING_SQL.deletedByChannel,
  ],
  'write-cost': [INDEXING_SQL.insertProbe, ...INDEXING_SQL.extraWriteIndexes],
};

const CHALLENGE_PREVIEW: Record<Extract<LabSpec, { lab: 'challenge' }>['challenge'], string[]> = {
  'n-plus-one-rewrite': [REWRITE_START],
  'index-scan': [INDEX_CHALLENGE_SQL],
  'ttl-window': [CACHING_SQL.channelHeader],
};

/** The labs this component mounts (the consistency labs have their own, components/consistency/). */
type QuerySpec = Exclude<LabSpec, { lab: 'consistency' }>;

/** The code each lab will run, shown before it loads and with JavaScript off. */
const PREVIEW: { [K in QuerySpec['lab']]: (spec: Extract<QuerySpec, { lab: K }>) => string[] } = {
  'n-plus-one': () => [SNIPPETS.before, SNIPPETS.after],
  'n-plus-one-scaling': () => [SNIPPETS.before, SNIPPETS.after, SNIPPETS.jsonAgg, SNIPPETS.batched],
  indexing: (spec) => INDEXING_PREVIEW[spec.part],
  caching: () => [CACHING_SQL.channelHeader],
  stampede: () => [CACHING_SQL.channelHeader],
  challenge: (spec) => CHALLENGE_PREVIEW[spec.challenge],
  measure: () => [ENDPOINTS.join('\n')],
  sql: (spec) => [spec.sql],
};

/** What the page shows before the lab loads, and with JavaScript off: the code it will run. */
function Preview({ spec }: { spec: QuerySpec }) {
  const blocks = PREVIEW[spec.lab](spec as never);
  return (
    <div className="querylab-preview">
      {blocks.map((code) => (
        <pre key={code} className="querylab-preview-code">
          <code>{code.trim()}</code>
        </pre>
      ))}
      <p className="querylab-status" data-state="idle">
        This lab runs Postgres (PGlite, about 9 MB compressed) in your browser. It starts when you
        scroll here.
      </p>
      <noscript>
        <p className="querylab-noscript">
          The lab needs JavaScript. The lesson text quotes the numbers it measures.
        </p>
      </noscript>
    </div>
  );
}

function titleOf(spec: QuerySpec): string {
  if (spec.lab === 'sql' && spec.title) return spec.title;
  if (spec.lab === 'indexing') return INDEXING_TITLES[spec.part];
  return TITLES[spec.lab];
}

/**
 * `<QueryLab lab="n-plus-one" />` and friends (labSpec.ts lists every lab and its props). A server
 * component: it validates the props at build time, renders the frame and the static preview, and
 * hands over to LabMount, which loads the live lab near the viewport.
 */
export function QueryLab(props: Record<string, unknown>) {
  const parsed = labSpecSchema.safeParse(props);
  if (!parsed.success) {
    throw new Error(
      `<QueryLab ${JSON.stringify(props)}>: invalid props: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const spec = parsed.data;
  const title = titleOf(spec);
  return (
    <section className="querylab" aria-label={title}>
      <p className="querylab-title">{title}</p>
      <LabMount spec={spec}>
        <Preview spec={spec} />
      </LabMount>
    </section>
  );
}
