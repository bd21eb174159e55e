import type { Metadata } from 'next';
import { ConsistencyLab } from '@/components/consistency/ConsistencyLab';
import '@/components/lesson/lesson.css';

/**
 * Hidden, unlinked harness: the two consistency labs no lesson embeds yet (idempotency keys,
 * partitioning and shards), so end-to-end tests exercise every widget. Not in the sitemap; noindex.
 */
export const metadata: Metadata = {
  title: 'Consistency labs harness',
  robots: { index: false, follow: false },
};

export default function Page() {
  return (
    <article className="lesson">
      <h1>Consistency labs harness</h1>
      <div className="lesson-body">
        <ConsistencyLab lab="idempotency" />
        <ConsistencyLab lab="shards" shards={2} />
      </div>
    </article>
  );
}
