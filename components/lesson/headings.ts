/**
 * Heading ids and the table of contents. The TOC is read from the MDX source at build time and the
 * ids are set by the h2/h3 components at render time; both go through `slugify` so they agree.
 */

export interface TocHeading {
  depth: 2 | 3;
  text: string;
  id: string;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
}

/** Markdown inline syntax → the text a reader sees (`code`, *em*, **strong**, [link](url)). */
export function plainHeadingText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** `##` and `###` headings of an MDX source, skipping fenced code blocks. */
export function extractHeadings(source: string): TocHeading[] {
  const headings: TocHeading[] = [];
  let inFence = false;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{2,3})\s+(.+)$/.exec(line);
    if (!match) continue;
    const text = plainHeadingText(match[2]);
    headings.push({ depth: match[1].length as 2 | 3, text, id: slugify(text) });
  }
  return headings;
}
