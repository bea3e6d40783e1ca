/**
 * What counts as a secret, one detector per documented format. Each content
 * detector is found by a literal anchor (`PRIVATE KEY`, `ghp_`, `AKIA`, …)
 * that the scanner looks for with plain substring search, then checked at
 * that place with counted loops over character classes (shared/secrets/
 * text.ts): the whole scan is linear in the file's size, whatever it holds.
 *
 * Each detector checks the structure its format documents, so the usual
 * false positives are not findings: a PEM header in code or documentation
 * (no base64 body, or a body that is not DER / openssh-key-v1), public keys
 * and certificates (other armour labels), placeholders (`ghp_XXXX…`,
 * `…EXAMPLE`, `changeme`, `<token>`, `${VAR}`, empty values), an age key
 * whose bech32 checksum fails, a WireGuard key that is not 32 bytes.
 *
 * A detector may read BACK characters before its anchor and FORWARD after
 * it; the scanner keeps that much of the stream around each anchor.
 */
import {
  BASE62,
  BASE64,
  BASE64_PADDED,
  BASE64URL,
  BECH32_UPPER,
  DIGITS,
  ENV_NAME,
  SLACK_BODY,
  UPPER_ALNUM,
  WORD,
  decodeBase64,
  isBech32,
  isIn,
  looksLikePlaceholder,
  skipBlanks,
  spanEnd,
} from './text.ts';

export type SecretKind =
  | 'pem-private-key'
  | 'pem-encrypted-private-key'
  | 'openssh-private-key'
  | 'pgp-private-key'
  | 'putty-private-key'
  | 'wireguard-private-key'
  | 'age-secret-key'
  | 'aws-access-key-pair'
  | 'aws-secret-access-key'
  | 'gcp-service-account-key'
  | 'azure-storage-account-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'npm-token'
  | 'pypi-token'
  | 'env-credential'
  | 'ssh-host-key'
  | 'dropbear-host-key'
  | 'systemd-credential-secret'
  | 'networkmanager-secret-key';

/** Every kind, for the allow-list's `kind` field and the documentation. */
export const SECRET_KINDS: readonly SecretKind[] = [
  'pem-private-key',
  'pem-encrypted-private-key',
  'openssh-private-key',
  'pgp-private-key',
  'putty-private-key',
  'wireguard-private-key',
  'age-secret-key',
  'aws-access-key-pair',
  'aws-secret-access-key',
  'gcp-service-account-key',
  'azure-storage-account-key',
  'github-token',
  'gitlab-token',
  'slack-token',
  'slack-webhook',
  'npm-token',
  'pypi-token',
  'env-credential',
  'ssh-host-key',
  'dropbear-host-key',
  'systemd-credential-secret',
  'networkmanager-secret-key',
];

/** A detector's answer: where the secret's line is and the secret itself (hashed, never kept). */
export interface Hit {
  kind: SecretKind;
  /** Index in the text of the place whose line the finding names. */
  at: number;
  secret: string | Buffer;
  /** A PEM key that is the value of a JSON "private_key" field (a GCP service-account file when the file says so). */
  jsonPrivateKey?: boolean;
}

export interface ContentDetector {
  anchors: readonly string[];
  detect(text: string, at: number, anchor: string): Hit | null;
}

export const BACK = 4096;
export const FORWARD = 64 * 1024;

/** A line break inside a PEM block: LF, CRLF, or the two characters `\n` of a PEM inside a JSON or shell string. */
function lineBreak(text: string, i: number): number {
  const c = text[i];
  if (c === '\n') return 1;
  if (c === '\r' && text[i + 1] === '\n') return 2;
  if (c === '\\') {
    if (text[i + 1] === 'n') return 2;
    if (text[i + 1] === 'r' && text[i + 2] === '\\' && text[i + 3] === 'n') return 4;
  }
  return 0;
}

function isHeaderLine(line: string): boolean {
  const colon = line.indexOf(': ');
  if (colon < 1) return false;
  for (let i = 0; i < colon; i++) if (!/[A-Za-z0-9-]/.test(line[i]!)) return false;
  return true;
}

/** A PEM line without its indentation or the quote and comma of a string it sits in (counted loops: no regex backtracking on long lines). */
function trimPemLine(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === ' ' || line[a] === '\t')) a++;
  while (b > a && ' \t"\',\r'.includes(line[b - 1]!)) b--;
  return line.slice(a, b);
}

function allIn(text: string, cls: Uint8Array): boolean {
  return spanEnd(text, 0, cls, text.length) === text.length;
}

const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** PEM armour (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8, legacy Proc-Type encryption), OpenSSH and PGP private keys. */
const pem: ContentDetector = {
  anchors: ['PRIVATE KEY'],
  detect(text, at) {
    // The BEGIN marker is at most 48 characters back: looked for there only (an unbounded lastIndexOf would make many anchors quadratic).
    let begin = -1;
    for (let p = at - 11; p >= Math.max(0, at - 48); p--)
      if (text.startsWith('-----BEGIN ', p)) {
        begin = p;
        break;
      }
    if (begin === -1) return null;
    const label = text.slice(begin + 11, at);
    if (!/^[A-Z0-9 ]*$/.test(label) || (label !== '' && !label.endsWith(' '))) return null;
    let p = at + 'PRIVATE KEY'.length;
    const pgp = text.startsWith(' BLOCK', p);
    if (pgp) p += 6;
    if (!text.startsWith('-----', p)) return null;
    p += 5;
    const endMarker = `-----END ${label}PRIVATE KEY${pgp ? ' BLOCK' : ''}-----`;
    const limit = Math.min(text.length, at + FORWARD);
    let brk = lineBreak(text, p);
    if (!brk) return null;
    p += brk;
    let body = '';
    let headers = '';
    let closed = false;
    while (p < limit) {
      let e = p;
      while (e < limit && lineBreak(text, e) === 0) e++;
      const line = trimPemLine(text.slice(p, e));
      if (line.startsWith('-----END ')) {
        if (!line.startsWith(endMarker)) return null;
        closed = true;
        break;
      }
      if (line === '') {
        // the blank line after the headers (or before PGP's body)
      } else if (body === '' && isHeaderLine(line)) headers += line + '\n';
      else if (pgp && line.startsWith('=') && line.length === 5) {
        // PGP's CRC-24 line
      } else if (allIn(line, BASE64_PADDED)) body += line;
      else return null;
      brk = lineBreak(text, e);
      if (!brk) return null;
      p = e + brk;
    }
    if (!closed) return null;
    const der = decodeBase64(body);
    if (!der || der.length < 32) return null;
    const jsonPrivateKey = /"private_key"\s*:\s*"$/.test(text.slice(Math.max(0, begin - 40), begin));
    const hit = (kind: SecretKind): Hit => ({ kind, at: begin, secret: der, jsonPrivateKey });
    if (label === 'OPENSSH ')
      return der.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC) ? hit('openssh-private-key') : null;
    if (pgp) return label === 'PGP ' && (der[0]! & 0x80) !== 0 ? hit('pgp-private-key') : null;
    if (/Proc-Type: 4,ENCRYPTED/.test(headers)) return hit('pem-encrypted-private-key');
    // Every other armour holds DER: a SEQUENCE.
    if (der[0] !== 0x30) return null;
    return hit(label === 'ENCRYPTED ' ? 'pem-encrypted-private-key' : 'pem-private-key');
  },
};

/** PuTTY's .ppk (versions 2 and 3, encrypted or not): the Private-Lines block. */
/** The last Private-Lines block read, so many headers before one block read it once (linear, not quadratic). */
let puttyMemo: { text: string; from: number; marker: number; key: Buffer | null } | null = null;

function puttyPrivateLines(text: string, at: number, limit: number): { marker: number; key: Buffer | null } {
  if (
    puttyMemo &&
    puttyMemo.text === text &&
    puttyMemo.from <= at &&
    (puttyMemo.marker === -1 || puttyMemo.marker >= at)
  )
    return puttyMemo;
  const marker = text.indexOf('\nPrivate-Lines: ', at);
  puttyMemo = { text, from: at, marker, key: marker === -1 ? null : readPrivateLines(text, marker, limit) };
  return puttyMemo;
}

function readPrivateLines(text: string, marker: number, limit: number): Buffer | null {
  const countEnd = spanEnd(text, marker + 16, DIGITS, 4);
  const count = Number(text.slice(marker + 16, countEnd));
  if (!count) return null;
  let p = text.indexOf('\n', marker + 1) + 1;
  let body = '';
  for (let i = 0; i < count; i++) {
    if (p <= 0 || p >= limit) return null;
    const e = spanEnd(text, p, BASE64_PADDED, limit - p);
    if (e === p || (text[e] !== '\n' && text[e] !== '\r' && e !== text.length)) return null;
    body += text.slice(p, e);
    p = text.indexOf('\n', e) + 1;
  }
  const key = decodeBase64(body);
  return key && key.length >= 16 ? key : null;
}

const putty: ContentDetector = {
  anchors: ['PuTTY-User-Key-File-'],
  detect(text, at) {
    if (at > 0 && text[at - 1] !== '\n') return null;
    const version = text[at + 20];
    if ((version !== '2' && version !== '3') || text[at + 21] !== ':') return null;
    const { marker, key } = puttyPrivateLines(text, at, Math.min(text.length, at + 2 * FORWARD));
    if (marker === -1 || marker > at + FORWARD || !key) return null;
    return { kind: 'putty-private-key', at, secret: key };
  },
};

/** wg-quick / systemd-networkd `PrivateKey = <base64 of 32 bytes>`, NetworkManager's `private-key=`. */
const wireguard: ContentDetector = {
  anchors: ['PrivateKey', 'privatekey', 'PRIVATEKEY', 'private-key'],
  detect(text, at, anchor) {
    // Only blanks before it on its line (looked at backwards, boundedly).
    let q = at - 1;
    while (q >= 0 && at - q <= 64 && (text[q] === ' ' || text[q] === '\t')) q--;
    if (q >= 0 && text[q] !== '\n') return null;
    let p = skipBlanks(text, at + anchor.length);
    if (text[p] !== '=') return null;
    p = skipBlanks(text, p + 1);
    const e = spanEnd(text, p, BASE64, 44);
    if (e - p !== 43 || text[e] !== '=' || isIn(text, e + 1, BASE64_PADDED)) return null;
    const key = decodeBase64(text.slice(p, e + 1), 32);
    return key ? { kind: 'wireguard-private-key', at, secret: key } : null;
  },
};

/** age identities: `AGE-SECRET-KEY-1` + 58 bech32 characters whose checksum holds. */
const age: ContentDetector = {
  anchors: ['AGE-SECRET-KEY-1'],
  detect(text, at) {
    if (isIn(text, at - 1, WORD) || text[at - 1] === '-') return null;
    const e = spanEnd(text, at + 16, BECH32_UPPER, 59);
    if (e - (at + 16) !== 58 || isIn(text, e, UPPER_ALNUM)) return null;
    const key = text.slice(at, e);
    return isBech32(key) ? { kind: 'age-secret-key', at, secret: key } : null;
  },
};

/** A 40-character AWS secret access key: base64 alphabet, both cases, bounded by non-base64 characters. */
function awsSecretAt(text: string, p: number): string | null {
  if (isIn(text, p - 1, BASE64_PADDED)) return null;
  const e = spanEnd(text, p, BASE64, 41);
  if (e - p !== 40 || isIn(text, e, BASE64_PADDED)) return null;
  const value = text.slice(p, e);
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || looksLikePlaceholder(value)) return null;
  return value;
}

const AWS_PAIR_WINDOW = 512;

/**
 * An AWS access key id (AKIA long-term, ASIA temporary, ABIA/ACCA) with a
 * secret access key near it. The id alone is not a secret (AWS prints it in
 * logs and policies); with its secret beside it, it is a credential.
 */
const awsPair: ContentDetector = {
  anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  detect(text, at) {
    if (isIn(text, at - 1, BASE62)) return null;
    const e = spanEnd(text, at + 4, UPPER_ALNUM, 17);
    if (e - (at + 4) !== 16 || isIn(text, e, BASE62)) return null;
    if (text.slice(at, e).includes('EXAMPLE')) return null;
    const from = Math.max(0, at - AWS_PAIR_WINDOW);
    const to = Math.min(text.length, e + AWS_PAIR_WINDOW);
    for (let p = from; p < to;) {
      if (!isIn(text, p, BASE64)) {
        p++;
        continue;
      }
      const secret = awsSecretAt(text, p);
      if (secret) return { kind: 'aws-access-key-pair', at, secret };
      p = spanEnd(text, p, BASE64, to - p);
    }
    return null;
  },
};

/** `aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY=…`, `"SecretAccessKey": "…"` without its id nearby. */
const awsSecret: ContentDetector = {
  anchors: ['aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'SecretAccessKey', 'secretAccessKey'],
  detect(text, at, anchor) {
    let p = at + anchor.length;
    if (text[p] === '"' || text[p] === "'") p++;
    p = skipBlanks(text, p);
    if (text[p] !== '=' && text[p] !== ':') return null;
    p = skipBlanks(text, p + 1);
    if (text[p] === '"' || text[p] === "'") p++;
    const secret = awsSecretAt(text, p);
    return secret ? { kind: 'aws-secret-access-key', at, secret } : null;
  },
};

/** Azurite's well-known development key, published in Microsoft's documentation: not a secret. */
const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Azure storage connection strings: `AccountKey=<base64 of 64 bytes>`. */
const azure: ContentDetector = {
  anchors: ['AccountKey='],
  detect(text, at) {
    const p = at + 11;
    const e = spanEnd(text, p, BASE64_PADDED, 89);
    const value = text.slice(p, e);
    if (value.length !== 88 || value === AZURITE_KEY || !decodeBase64(value, 64)) return null;
    return { kind: 'azure-storage-account-key', at, secret: value };
  },
};

/** A token: prefix at a word boundary, then exactly `length` characters of `cls`, then a boundary. */
function fixedToken(
  text: string,
  at: number,
  prefix: string,
  cls: Uint8Array,
  length: number,
): string | null {
  if (isIn(text, at - 1, WORD)) return null;
  const p = at + prefix.length;
  const e = spanEnd(text, p, cls, length + 1);
  if (e - p !== length || isIn(text, e, WORD)) return null;
  const body = text.slice(p, e);
  return looksLikePlaceholder(body) ? null : text.slice(at, e);
}

/** GitHub's token formats (2021): ghp_ (classic PAT), gho_ (OAuth), ghu_/ghs_ (app user/installation), ghr_ (refresh). */
const github: ContentDetector = {
  anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  detect(text, at, anchor) {
    if (anchor !== 'github_pat_') {
      const token = fixedToken(text, at, anchor, BASE62, 36);
      return token ? { kind: 'github-token', at, secret: token } : null;
    }
    // Fine-grained PAT: github_pat_ + 22 base62 + '_' + 59 base62.
    if (isIn(text, at - 1, WORD)) return null;
    const p = at + anchor.length;
    const a = spanEnd(text, p, BASE62, 23);
    if (a - p !== 22 || text[a] !== '_') return null;
    const b = spanEnd(text, a + 1, BASE62, 60);
    if (b - (a + 1) !== 59 || isIn(text, b, WORD)) return null;
    if (looksLikePlaceholder(text.slice(p, b))) return null;
    return { kind: 'github-token', at, secret: text.slice(at, b) };
  },
};

/** GitLab personal/project/group access tokens (glpat-) and runner authentication tokens (glrt-). */
const gitlab: ContentDetector = {
  anchors: ['glpat-', 'glrt-'],
  detect(text, at, anchor) {
    if (isIn(text, at - 1, WORD) || text[at - 1] === '-') return null;
    const p = at + anchor.length;
    let e = spanEnd(text, p, BASE64URL, 256);
    if (e - p < 20) return null;
    // Routable tokens (GitLab 17.x+) continue with `.<2 base36>.<9 base36>`.
    if (text[e] === '.') {
      const v = spanEnd(text, e + 1, BASE62, 3);
      if (v - (e + 1) === 2 && text[v] === '.') {
        const c = spanEnd(text, v + 1, BASE62, 10);
        if (c - (v + 1) === 9) e = c;
      }
    }
    if (looksLikePlaceholder(text.slice(p, e))) return null;
    return { kind: 'gitlab-token', at, secret: text.slice(at, e) };
  },
};

/** Slack bot/user/app/config tokens: xox[abeprs]-<digits>-…-<random>, xapp-1-…. */
const slack: ContentDetector = {
  anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'],
  detect(text, at) {
    if (isIn(text, at - 1, BASE62)) return null;
    const e = spanEnd(text, at + 5, SLACK_BODY, 300);
    const parts = text.slice(at + 5, e).split('-');
    const last = parts[parts.length - 1]!;
    if (parts.length < 3 || e - at < 30) return null;
    if (!allIn(parts[0]!, DIGITS) || parts[0] === '' || last.length < 16 || !allIn(last, BASE62)) return null;
    if (looksLikePlaceholder(last)) return null;
    return { kind: 'slack-token', at, secret: text.slice(at, e) };
  },
};

/** Slack incoming webhooks: https://hooks.slack.com/services/T…/B…/<24 base62>. */
const slackWebhook: ContentDetector = {
  anchors: ['hooks.slack.com/services/'],
  detect(text, at) {
    let p = at + 25;
    for (const first of ['T', 'B']) {
      if (text[p] !== first) return null;
      const e = spanEnd(text, p + 1, UPPER_ALNUM, 32);
      if (e - p < 8 || text[e] !== '/') return null;
      p = e + 1;
    }
    const e = spanEnd(text, p, BASE62, 25);
    if (e - p !== 24 || isIn(text, e, WORD) || looksLikePlaceholder(text.slice(p, e))) return null;
    return { kind: 'slack-webhook', at, secret: text.slice(at, e) };
  },
};

/** npm access tokens (2021 format): npm_ + 36 base62. */
const npm: ContentDetector = {
  anchors: ['npm_'],
  detect(text, at) {
    const token = fixedToken(text, at, 'npm_', BASE62, 36);
    return token ? { kind: 'npm-token', at, secret: token } : null;
  },
};

/** PyPI API tokens: `pypi-` + a macaroon whose base64 starts with the location record (AgE…). */
const pypi: ContentDetector = {
  anchors: ['pypi-AgE'],
  detect(text, at) {
    if (isIn(text, at - 1, WORD) || text[at - 1] === '-') return null;
    const e = spanEnd(text, at + 5, BASE64URL, 2048);
    if (e - (at + 5) < 60) return null;
    return { kind: 'pypi-token', at, secret: text.slice(at, e) };
  },
};

/** In the order their findings win when two report the same secret on the same line. */
export const CONTENT_DETECTORS: readonly ContentDetector[] = [
  pem,
  putty,
  wireguard,
  age,
  awsPair,
  awsSecret,
  azure,
  github,
  gitlab,
  slack,
  slackWebhook,
  npm,
  pypi,
];

/** A file that says it is a GCP service-account key; its PEM "private_key" is reported as such. */
export const GCP_SERVICE_ACCOUNT_MARK = '"service_account"';

/** Secrets known by where they live, whatever their content (shared/sysprep.ts removes each from images). */
export function kindByName(path: string): SecretKind | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('ssh_host_') && name.endsWith('_key')) return 'ssh-host-key';
  if (name.startsWith('dropbear_') && name.endsWith('_host_key')) return 'dropbear-host-key';
  if (path.endsWith('/var/lib/systemd/credential.secret')) return 'systemd-credential-secret';
  if (path.endsWith('/var/lib/NetworkManager/secret_key')) return 'networkmanager-secret-key';
  return null;
}

/** `.env`, `.env.production`, `app.env`, `/etc/environment`: KEY=value files. */
export function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || name === 'environment';
}

const CREDENTIAL_NAMES = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'API_KEY',
  'APIKEY',
  'ACCESS_KEY',
  'PRIVATE_KEY',
  'AUTH_KEY',
  'CREDENTIAL',
];
/** Names that hold where a secret is or what it is like, not the secret. */
const NOT_CREDENTIAL_SUFFIXES = [
  '_FILE',
  '_PATH',
  '_DIR',
  '_URL',
  '_URI',
  '_ENDPOINT',
  '_HOST',
  '_PORT',
  '_NAME',
  '_USER',
  '_USERNAME',
  '_ID',
  '_LENGTH',
  '_TTL',
  '_TIMEOUT',
  '_EXPIRY',
  '_EXPIRES',
  '_ENABLED',
  '_TYPE',
  '_ALGORITHM',
  '_HEADER',
  '_VERSION',
];

const PLACEHOLDER_VALUES = new Set([
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'password',
  'secret',
  'token',
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'todo',
  'fixme',
  'placeholder',
  'example',
  'dummy',
  'default',
  'redacted',
  'notset',
  'not-set',
  'unset',
]);
const PLACEHOLDER_PARTS = [
  'changeme',
  'change_me',
  'change-me',
  'your_',
  'your-',
  'yourtoken',
  'placeholder',
  'example',
  'replace',
  'xxxx',
  '****',
  'redacted',
  'insert',
];

/** Whether an env value is a stand-in: empty, short, a reference to another variable or file, a template, a well-known placeholder. */
export function isPlaceholderValue(value: string): boolean {
  if (value.length < 6) return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower) || PLACEHOLDER_PARTS.some((p) => lower.includes(p))) return true;
  // ${VAR}, $VAR, {{ template }}, %VAR%, <token>, a path to a secrets file.
  if (value.includes('${') || value.includes('{{') || /^\$[A-Za-z_]/.test(value)) return true;
  if ((value.startsWith('%') && value.endsWith('%')) || (value.startsWith('<') && value.endsWith('>')))
    return true;
  if (value.startsWith('/') || value.startsWith('./')) return true;
  return new Set(value).size === 1;
}

/** One line of an env file: the credential's value when the line assigns one. */
export function envCredential(line: string): string | null {
  let p = skipBlanks(line, 0);
  if (line.startsWith('export ', p)) p = skipBlanks(line, p + 7);
  const nameEnd = spanEnd(line, p, ENV_NAME, 256);
  if (nameEnd === p) return null;
  const name = line.slice(p, nameEnd).toUpperCase();
  if (!CREDENTIAL_NAMES.some((c) => name.includes(c))) return null;
  if (NOT_CREDENTIAL_SUFFIXES.some((s) => name.endsWith(s))) return null;
  p = skipBlanks(line, nameEnd);
  if (line[p] !== '=') return null;
  p = skipBlanks(line, p + 1);
  let value: string;
  const quote = line[p];
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, p + 1);
    value = line.slice(p + 1, close === -1 ? line.length : close);
  } else {
    const comment = line.indexOf(' #', p);
    value = line.slice(p, comment === -1 ? line.length : comment).trim();
  }
  value = value.replace(/\r$/, '');
  return isPlaceholderValue(value) ? null : value;
}
