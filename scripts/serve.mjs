#!/usr/bin/env node
// A small static server for the exported site (out/), used by `npm start` and the end-to-end tests.
// It sends the right MIME types (application/wasm matters: PGlite hangs on anything else), serves
// 404.html with status 404, mirrors a static host's trailing-slash behaviour, and can mount the
// site under a sub-path (BASE_PATH) the way a host would.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const basePath = process.env.BASE_PATH ?? '';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.tar': 'application/x-tar',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

async function fileAt(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

function send(res, status, file, size, method) {
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': file.includes(`${path.sep}_next${path.sep}static${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  if (method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

const server = http.createServer(async (req, res) => {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  if (basePath) {
    if (pathname === basePath) {
      res.writeHead(308, { Location: `${basePath}/` }).end();
      return;
    }
    if (!pathname.startsWith(`${basePath}/`)) return notFound(res, method);
    pathname = pathname.slice(basePath.length);
  }
  const target = path.join(root, pathname);
  if (!target.startsWith(root)) return notFound(res, method);

  let s = await fileAt(target);
  if (s) return send(res, 200, target, s.size, method);
  if (!pathname.endsWith('/')) {
    // Static hosts redirect /learn/x to /learn/x/ when x/index.html exists (trailingSlash: true).
    if (await fileAt(path.join(target, 'index.html'))) {
      res.writeHead(308, { Location: `${basePath}${pathname}/` }).end();
      return;
    }
  } else if ((s = await fileAt(path.join(target, 'index.html')))) {
    return send(res, 200, path.join(target, 'index.html'), s.size, method);
  }
  return notFound(res, method);
});

async function notFound(res, method) {
  const page = path.join(root, '404.html');
  const s = await fileAt(page);
  if (s) return send(res, 404, page, s.size, method);
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${basePath}/`);
});
