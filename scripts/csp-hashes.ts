// Post-build: give every exported page its Content-Security-Policy <meta>, first thing in <head>.
// Next's static export inlines its RSC payload and our theme boot script as <script> elements, so
// script-src lists the sha256 of every inline script actually in that page: no 'unsafe-inline'.
// The tag is added here rather than rendered by React because React would render it a second time
// during hydration, and because `next dev` needs eval for hot reloading (dev runs without a CSP).
// Usage: tsx scripts/csp-hashes.ts out
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cspFor } from '../components/site/csp';

const root = path.resolve(process.argv[2] ?? 'out');
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

async function main() {
  let pages = 0;
  let hashes = 0;
  for await (const file of htmlFiles(root)) {
    let html = await readFile(file, 'utf8');
    if (html.includes('http-equiv="Content-Security-Policy"')) {
      throw new Error(`${path.relative(root, file)}: already has a CSP meta tag`);
    }
    const sources = new Set<string>();
    for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
      if (body.length === 0) continue;
      sources.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
    }
    const policy = cspFor([...sources]).replace(/"/g, '&quot;');
    const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`;
    const withTag = html.replace(/<head([^>]*)>/i, (m) => `${m}${tag}`);
    if (withTag === html) throw new Error(`${path.relative(root, file)}: no <head>`);
    html = withTag;
    await writeFile(file, html);
    pages += 1;
    hashes += sources.size;
  }
  console.log(
    `csp-hashes: ${pages} pages, ${hashes} inline-script hashes, no 'unsafe-inline' in script-src`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
