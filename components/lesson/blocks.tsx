import type { ReactNode } from 'react';

/** The opening paragraph: the situation and the question the lesson answers. */
export function Intro({ children }: { children: ReactNode }) {
  return <div className="lesson-intro">{children}</div>;
}

/** "You will learn": 3–5 concrete bullets, written as a Markdown list inside the tag. */
export function YouWillLearn({ children }: { children: ReactNode }) {
  return (
    <section className="lesson-box lesson-learn" aria-labelledby="you-will-learn">
      <h2 id="you-will-learn" className="lesson-box-title">
        You will learn
      </h2>
      {children}
    </section>
  );
}

const calloutLabels = { note: 'Note', pitfall: 'Pitfall', 'deep-dive': 'Deep dive' } as const;
export type CalloutKind = keyof typeof calloutLabels;

/** Where practice bites (pitfall), extra context (note) or the theory underneath (deep-dive). */
export function Callout({
  kind = 'note',
  title,
  children,
}: {
  kind?: CalloutKind;
  title?: string;
  children: ReactNode;
}) {
  const label = calloutLabels[kind] ?? calloutLabels.note;
  return (
    <aside className={`callout callout-${kind}`} data-testid="callout">
      <p className="callout-title">
        <span className="callout-kind">{label}</span>
        {title ? <span>: {title}</span> : null}
      </p>
      {children}
    </aside>
  );
}

/** The things to remember, each tied to a number the reader saw. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section className="lesson-box lesson-recap" aria-labelledby="recap">
      <h2 id="recap" className="lesson-box-title">
        Recap
      </h2>
      {children}
    </section>
  );
}

/** A figure with a caption; charts put their text alternative inside. */
export function Figure({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <figure className="lesson-figure">
      {children}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
