import type { Metadata } from 'next';
import { QueryLabHarness } from './QueryLabHarness';

/**
 * Hidden, unlinked harness for the query-lab engine: end-to-end tests and the browser benchmark drive
 * the real worker from here (tests/e2e/querylab-core.spec.ts, scripts/bench/querylab.ts) without any
 * lesson UI. Not in the sitemap; noindex.
 */
export const metadata: Metadata = {
  title: 'Query lab engine harness',
  robots: { index: false, follow: false },
};

export default function Page() {
  return <QueryLabHarness />;
}
