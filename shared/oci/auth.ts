/**
 * Registry authentication as the distribution auth spec describes it: a 401
 * carries `WWW-Authenticate: Basic realm=…` (send the credentials) or
 * `Bearer realm=…,service=…,scope=…` (fetch a token from the realm, with the
 * credentials as Basic auth when there are any, anonymously otherwise, then
 * retry with `Authorization: Bearer`). GHCR, Docker Hub and distribution's
 * token auth all use the bearer flow. Written here because no maintained Node
 * library does the flow without also holding blobs in memory (see DESIGN).
 */

export interface Credentials {
  username: string;
  password: string;
}

export interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

/** Parses `Bearer realm="…",service="…",scope="repository:a:pull,push"` (quoted values may hold commas). */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2]!)) !== null) {
    if (p[0] === '') break;
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { scheme, params };
}

export function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** The token endpoint's answer (`token`, or OAuth2's `access_token`; both are allowed by the spec). */
export function tokenFromResponse(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const t = typeof b.token === 'string' && b.token ? b.token : b.access_token;
    if (typeof t === 'string' && t) return t;
  }
  return undefined;
}

/** The URL that asks the realm for a token for `scopes` (several `scope` parameters, as the spec allows). */
export function tokenUrl(challenge: Challenge, scopes: string[]): URL {
  const realm = challenge.params.realm;
  if (!realm) throw new Error('bearer challenge without realm');
  const url = new URL(realm);
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  return url;
}
