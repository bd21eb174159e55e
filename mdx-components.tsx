import type { MDXComponents } from 'mdx/types';
import type { ComponentPropsWithoutRef } from 'react';
import { Callout, Figure, Intro, Recap, YouWillLearn } from '@/components/lesson/blocks';
import { Challenge } from '@/components/lesson/Challenge';
import { makeHeading } from '@/components/lesson/Heading';
import { Predict } from '@/components/lesson/Predict';
import { lessonWidgets } from '@/components/lesson/widgets';

/**
 * The ONE registry of what lessons may use. Lessons import nothing: every widget is named here,
 * takes declarative props only, and loads its heavy parts (PGlite, Monaco, the simulator) lazily.
 */
const components: MDXComponents = {
  h2: makeHeading(2),
  h3: makeHeading(3),
  // Code blocks scroll sideways on phones; focusable so keyboard users can scroll them (axe:
  // scrollable-region-focusable).
  pre: (props: ComponentPropsWithoutRef<'pre'>) => <pre tabIndex={0} {...props} />,
  table: (props: ComponentPropsWithoutRef<'table'>) => (
    <div className="table-scroll">
      <table {...props} />
    </div>
  ),
  Intro,
  YouWillLearn,
  Callout,
  Recap,
  Challenge,
  // <Predict id="…" measure="…" question="…" /> before a widget: components/lesson/experimentResults.ts
  Predict,
  Figure,
  ...lessonWidgets,
};

export function useMDXComponents(inherited: MDXComponents = {}): MDXComponents {
  return { ...inherited, ...components };
}
