/**
 * A real OCI registry for tests: Debian's docker-registry (CNCF distribution
 * 2.8) on 127.0.0.1 with a free port, filesystem storage in a temp dir and
 * deletes enabled. One per test file (start it in `before`, stop it in
 * `after`). It has no referrers API, so the `sha256-<hex>` fallback tag is
 * what gets exercised — as on GHCR.
 *
 *   const registry = await startRegistry();
 *   … registry.url (http://127.0.0.1:PORT), registry.host (127.0.0.1:PORT)
 *   await registry.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTokenServer, type TokenServer } from './registry-token-server.ts';
import { needTools } from './tools.ts';

export interface TestRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, as skopeo and image references want it */
  host: string;
  port: number;
  /** The storage root (docker/registry/v2/…), for tests that inspect or damage what was stored. */
  storage: string;
  /** The token service, when started with `users`. */
  tokenServer?: TokenServer;
  /** Stops the registry and removes its storage; safe to call twice. */
  stop(): Promise<void>;
  /** Stops the process but keeps storage, so `restart()` brings the same content back (fault tests). */
  kill(): Promise<void>;
  /** Starts the registry again on the same port and storage after `kill()`. */
  restart(): Promise<void>;
}

export interface RegistryOptions {
  /**
   * Token authentication (the bearer flow of the distribution auth spec, as
   * on GHCR): a token service on 127.0.0.1 (registry-token-server.ts) accepts
   * these users' Basic credentials and issues JWTs the registry trusts.
   */
  users?: Record<string, string>;
}

interface TokenConfig {
  realm: string;
  service: string;
  issuer: string;
  rootCertBundle: string;
}

/** A port the kernel considers free right now (the registry binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(root: string, port: number, token?: TokenConfig): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(root)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
  ];
  if (token) {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${JSON.stringify(token.realm)}`,
      `    service: ${JSON.stringify(token.service)}`,
      `    issuer: ${JSON.stringify(token.issuer)}`,
      `    rootcertbundle: ${JSON.stringify(token.rootCertBundle)}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `docker-registry exited (${child.exitCode ?? child.signalCode}) before serving:\n${log()}`,
      );
    try {
      const r = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      // 200 without auth, 401 with token auth: either way the API answers.
      if (r.status === 200 || r.status === 401) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until)
      throw new Error(`docker-registry did not answer on ${url} within 20 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  await needTools('docker-registry', ...(options.users ? ['openssl'] : []));
  const dir = await mkdtemp(join(tmpdir(), 'oci-registry-'));
  const storage = join(dir, 'storage');
  const configFile = join(dir, 'config.yml');
  let child: ChildProcess | undefined;
  let stderr = '';
  let port = 0;
  let url = '';
  const tokenServer = options.users ? await startTokenServer(dir, options.users) : undefined;

  const launch = async (): Promise<void> => {
    await writeFile(configFile, config(storage, port, tokenServer));
    stderr = '';
    const c = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-8192)));
    child = c;
    await waitUntilServing(url, c, () => stderr);
  };

  const killChild = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('close', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });
  };

  // The port can be taken between probing and binding: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    try {
      await launch();
      break;
    } catch (e) {
      await killChild();
      if (attempt >= 4 || !/address already in use/.test(stderr)) {
        await tokenServer?.stop();
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }

  let stopped = false;
  return {
    url,
    host: `127.0.0.1:${port}`,
    port,
    storage,
    ...(tokenServer ? { tokenServer } : {}),
    kill: killChild,
    restart: launch,
    async stop() {
      if (stopped) return;
      stopped = true;
      await killChild();
      await tokenServer?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
