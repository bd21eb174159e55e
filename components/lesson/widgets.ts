import type { MDXComponents } from 'mdx/types';
import { BottleneckChart } from '@/components/charts/BottleneckChart';

/**
 * Experiment widgets available to lessons (merged into the registry in mdx-components.tsx).
 * Add a widget here, not in a lesson file. Heavy widgets must lazy-load their engines.
 */
export const lessonWidgets: MDXComponents = {
  BottleneckChart,
};
