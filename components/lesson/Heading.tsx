import { Children, isValidElement, type ReactNode } from 'react';
import { slugify } from './headings';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return Children.toArray(node).map(textOf).join('');
}

/** h2/h3 with the same ids the table of contents computes from the MDX source, plus an anchor. */
export function makeHeading(level: 2 | 3) {
  const Tag = level === 2 ? 'h2' : 'h3';
  function Heading({ children }: { children?: ReactNode }) {
    const id = slugify(textOf(children));
    return (
      <Tag id={id} className="lesson-heading">
        {children}
        <a
          className="heading-anchor"
          href={`#${id}`}
          aria-label={`Link to this section: ${textOf(children)}`}
        >
          #
        </a>
      </Tag>
    );
  }
  Heading.displayName = `Heading${level}`;
  return Heading;
}
