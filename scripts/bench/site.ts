// Site weight from the built export: total size of out/ and the first-load JavaScript of each page
// (every <script src> in its HTML plus its inline scripts, gzipped as a host would send them).
// Run `npm run build` first. Lazy chunks (PGlite, Monaco, workers) are not first-load by design.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const out = path.resolve('out');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main() {
  if (!existsSync(path.join(out, 'index.html'))) {
    console.log('site bench: out/ is missing; run `npm run build` first.');
    return;
  }
  const files = walk(out);
  const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(`out/: ${files.length} files, ${(total / 1024 / 1024).toFixed(1)} MB`);

  const basePath = process.env.BASE_PATH ?? '';
  const pages = files.filter((f) => f.endsWith('index.html') || f.endsWith('404.html'));
  console.log('page                                         first-load JS (gzip)   raw');
  for (const page of pages.sort()) {
    const html = readFileSync(page, 'utf8');
    // noModule scripts (legacy polyfills) are never fetched by browsers that support modules.
    const srcs = [...html.matchAll(/<script(?![^>]*noModule)[^>]*\bsrc="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join('');
    let gz = gzipSync(inline).length;
    let raw = inline.length;
    for (const src of new Set(srcs)) {
      const file = path.join(out, src.slice(basePath.length));
      const body = readFileSync(file);
      gz += gzipSync(body).length;
      raw += body.length;
    }
    const route = `/${path.relative(out, page).replace(/index\.html$/, '')}`;
    console.log(`${route.padEnd(45)}${kb(gz).padStart(20)}${kb(raw).padStart(11)}`);
  }
}

main();
