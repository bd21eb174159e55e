#!/usr/bin/env node
// Writes file.gz next to every compressible file of an export, for hosts with a "serve the .gz if
// it exists" switch (nginx gzip_static: deploy/nginx.conf; the Dockerfile runs this). Compressing
// once at build time at level 9 beats on-the-fly gzip at level 5 for the big runtime files and costs
// the server nothing per request. Usage: node scripts/precompress.mjs out
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'out');
const COMPRESSIBLE = /\.(html|txt|js|css|json|svg|xml|wasm|data|ttf)$/;
/** Below ~1 KB a gzip header and a second file are not worth it (nginx gzip_min_length 1024). */
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= MIN_BYTES) {
      const body = readFileSync(full);
      const gz = gzipSync(body, { level: 9 });
      if (gz.length >= body.length) continue;
      writeFileSync(`${full}.gz`, gz);
      files += 1;
      before += body.length;
      after += gz.length;
    }
  }
}
walk(root);
console.log(
  `precompress: ${files} files, ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB gzip`,
);
