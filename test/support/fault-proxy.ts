/**
 * An HTTP proxy on 127.0.0.1 in front of a test registry that answers
 * chosen requests with a fault instead of forwarding them: a 500, a 429 with
 * Retry-After, a hang (the client's timeout must fire), or a reset
 * connection. Which requests: the n-th request matching a method and path
 * pattern (deterministic), or a seeded pseudo-random choice (repeatable).
 * Everything else is forwarded unchanged, with the proxy's own Host kept so
 * the registry's upload Locations point back through the proxy.
 *
 *   const proxy = await startFaultProxy(registry.url, [
 *     { method: 'PATCH', path: /\/blobs\/uploads\//, at: [2], fault: { status: 500 } },
 *   ]);
 *   … client on proxy.host; proxy.log lists what happened
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  { status: 404 | 500 | 502 | 503 } | { status: 429; retryAfter: number } | { hang: true } | { reset: true };

export interface FaultRule {
  method?: string;
  /** A regular expression or substring the request path must match. */
  path?: RegExp | string;
  /** Which matching requests (1-based, counted per rule) get the fault; default: every one. */
  at?: number[];
  fault: Fault;
}

export interface RandomFaults {
  seed: number;
  /** Probability (0–1) that a matching request gets a fault. */
  rate: number;
  faults: Fault[];
  method?: string;
  path?: RegExp | string;
  /** Stop injecting after this many faults (so a retrying client can finish). */
  max?: number;
}

export interface ProxyLogEntry {
  n: number;
  method: string;
  path: string;
  /** The fault answered, or 'forwarded' with the upstream status. */
  outcome: string;
}

export interface FaultProxy {
  url: string;
  host: string;
  log: ProxyLogEntry[];
  /** Replaces the rules (and restarts their counters). */
  setRules(rules: FaultRule[], random?: RandomFaults): void;
  /** How many requests got a fault so far. */
  faults(): number;
  stop(): Promise<void>;
}

/** mulberry32: a tiny seeded PRNG, so a "random" fault run repeats exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matches(req: IncomingMessage, method?: string, path?: RegExp | string): boolean {
  if (method && req.method !== method) return false;
  const url = req.url ?? '';
  if (path instanceof RegExp) return path.test(url);
  if (typeof path === 'string') return url.includes(path);
  return true;
}

export async function startFaultProxy(
  target: string,
  rules: FaultRule[] = [],
  random?: RandomFaults,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  let current = rules;
  let counters = rules.map(() => 0);
  let randomRule = random;
  let rng = random ? seededRandom(random.seed) : undefined;
  let injected = 0;
  let randomInjected = 0;
  let n = 0;
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  function choose(req: IncomingMessage): Fault | undefined {
    let chosen: Fault | undefined;
    current.forEach((rule, i) => {
      if (!matches(req, rule.method, rule.path)) return;
      counters[i]!++;
      if (!chosen && (!rule.at || rule.at.includes(counters[i]!))) chosen = rule.fault;
    });
    if (!chosen && randomRule && rng && matches(req, randomRule.method, randomRule.path)) {
      const roll = rng();
      const pick = rng();
      if (roll < randomRule.rate && (randomRule.max === undefined || randomInjected < randomRule.max)) {
        randomInjected++;
        chosen = randomRule.faults[Math.floor(pick * randomRule.faults.length)];
      }
    }
    return chosen;
  }

  const server = createServer((req, res) => {
    const entry: ProxyLogEntry = { n: ++n, method: req.method ?? '', path: req.url ?? '', outcome: '' };
    log.push(entry);
    const fault = choose(req);
    if (fault) {
      injected++;
      if ('hang' in fault) {
        entry.outcome = 'hang';
        hanging.add(res);
        req.resume(); // read the body, never answer
        return;
      }
      if ('reset' in fault) {
        entry.outcome = 'reset';
        req.socket.destroy();
        return;
      }
      entry.outcome = String(fault.status);
      req.resume();
      req.on('end', () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.status === 429) headers['retry-after'] = String(fault.retryAfter);
        res.writeHead(fault.status, headers);
        res.end(
          JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected by the fault proxy' }] }),
        );
      });
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        entry.outcome = `forwarded ${up.statusCode}`;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (e) => {
      entry.outcome = `upstream error ${(e as NodeJS.ErrnoException).code ?? e.message}`;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    log,
    setRules(next, nextRandom) {
      current = next;
      counters = next.map(() => 0);
      randomRule = nextRandom;
      rng = nextRandom ? seededRandom(nextRandom.seed) : undefined;
      randomInjected = 0;
    },
    faults: () => injected,
    async stop() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
