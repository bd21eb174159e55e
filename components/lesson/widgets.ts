import type { MDXComponents } from 'mdx/types';
import { BottleneckChart } from '@/components/charts/BottleneckChart';
import { QueryLab } from '@/components/querylab/QueryLab';

/**
 * Experiment widgets available to lessons (merged into the registry in mdx-components.tsx).
 * Add a widget here, not in a lesson file. Heavy widgets must lazy-load their engines.
 */
export const lessonWidgets: MDXComponents = {
  BottleneckChart,
  // <QueryLab lab="n-plus-one" />, lab="indexing" part=…, "caching", "measure", "sql": see
  // components/querylab/labSpec.ts. PGlite and Monaco load lazily near the viewport.
  QueryLab,
};
