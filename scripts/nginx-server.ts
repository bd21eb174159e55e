import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Debian's nginx (scripts/ensure-nginx.sh installs it) serving an export with deploy/nginx.conf or
 * deploy/nginx-subpath.conf, on a free loopback port. Only the lines that tie the config to a
 * machine are rewritten: listen, root, pid, logs, temp paths. Everything a host would get (types,
 * gzip, headers, caching, redirects, 404) is the file in deploy/ as committed.
 */
export interface NginxServer {
  origin: string;
  /** With `accessLog`: one line per response, `<bytes sent incl. headers> <uri>`. */
  accessLog?: string;
  stop(): Promise<void>;
}

export const nginxPath = (): string => process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A free loopback port (the OS picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function rewrite(
  conf: string,
  port: number,
  root: string,
  dir: string,
  accessLog: boolean,
): string {
  const replace = (from: RegExp, to: string, text: string): string => {
    if (!from.test(text)) throw new Error(`deploy config: expected ${from} to rewrite`);
    return text.replace(from, to);
  };
  let out = conf;
  out = replace(/listen 8080;/, `listen 127.0.0.1:${port};`, out);
  out = replace(/root \/usr\/share\/nginx\/html;/, `root ${root};`, out);
  out = replace(/pid \/run\/nginx\.pid;/, `pid ${dir}/nginx.pid;`, out);
  out = replace(/error_log \/dev\/stderr warn;/, `error_log ${dir}/error.log warn;`, out);
  if (accessLog) {
    out = replace(
      /access_log off;/,
      `log_format bytes '$bytes_sent $request_uri';\n  access_log ${dir}/access.log bytes;`,
      out,
    );
  }
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${dir}/${t};`)
    .join('\n');
  return replace(/http \{\n/, `http {\n${temp}\n`, out);
}

/**
 * Starts nginx on `exportDir` (out/ or a BASE_PATH export). With `basePath`, the export is mounted
 * at <root><basePath>/ through a symlink, as nginx-subpath.conf expects.
 */
export async function startNginx(opts: {
  config: 'nginx.conf' | 'nginx-subpath.conf';
  exportDir: string;
  basePath?: string;
  /** Log the bytes of every response (the delivery bench counts what crossed the wire). */
  accessLog?: boolean;
}): Promise<NginxServer> {
  const bin = nginxPath();
  if (!existsSync(bin)) {
    throw new Error(`nginx not found at ${bin}: run scripts/ensure-nginx.sh or set NGINX_PATH.`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'nginx-e2e-'));
  const exportDir = path.resolve(opts.exportDir);
  let root = exportDir;
  if (opts.basePath) {
    root = path.join(dir, 'site');
    // mkdtemp makes the folder 0700; nginx's workers run as an unprivileged user and must be able
    // to walk through it to the mounted export (else every request is a 403).
    chmodSync(dir, 0o755);
    mkdirSync(root);
    symlinkSync(exportDir, path.join(root, opts.basePath.slice(1)));
  }
  const port = await freePort();
  const conf = readFileSync(path.resolve('deploy', opts.config), 'utf8');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    rewrite(conf, port, root, dir, opts.accessLog ?? false),
  );
  const proc: ChildProcess = spawn(
    bin,
    ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  const origin = `http://127.0.0.1:${port}`;
  const up = async (): Promise<boolean> => {
    try {
      await fetch(`${origin}/`);
      return true;
    } catch {
      return false;
    }
  };
  // Wait for the port to answer, or for nginx to exit with its reason (bad config).
  for (;;) {
    const state = await Promise.race([
      exited.then((code) => ({ exit: code })),
      new Promise<{ exit?: undefined }>((r) => setTimeout(() => r({}), 100)),
    ]);
    if (state.exit !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx exited (${state.exit}): ${stderr}`);
    }
    if (await up()) break;
  }
  return {
    origin,
    accessLog: opts.accessLog ? path.join(dir, 'access.log') : undefined,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
