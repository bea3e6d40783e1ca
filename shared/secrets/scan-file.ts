/**
 * The suite's one secret scanner over one file's bytes, whole — never a
 * prefix — in bounded memory: bytes are pushed as they are read, and each
 * detector anchor is examined once, with BACK bytes before it and FORWARD
 * after it kept around it (shared/secrets/detectors.ts). A finding names the
 * file, the kind and the line, and carries the sha256 of the secret as its
 * fingerprint; the secret itself is hashed and dropped, never kept, printed
 * or written.
 *
 * Binary files are scanned the same way (a key stored in a database or a
 * raw disk is still a key); their "line" is one more than the newline bytes
 * before the finding. Compressed content is not unpacked.
 */
import { createHash, type Hash } from 'node:crypto';
import { sha256 } from '../hash.ts';
import {
  BACK,
  CONTENT_DETECTORS,
  FORWARD,
  GCP_SERVICE_ACCOUNT_MARK,
  envCredential,
  isEnvFile,
  kindByName,
  type SecretKind,
} from './detectors.ts';
import { decodeBase64 } from './text.ts';

export interface SecretFinding {
  /** The file: its path inside the image or archive. */
  path: string;
  kind: SecretKind;
  /** 1-based line of the secret (of its first line for a multi-line key). */
  line: number;
  /** sha256 (hex) of the secret — of the key bytes a PEM/OpenSSH/PuTTY armour encodes, of the token's text, of the whole file for a secret known by its name. Never the secret. */
  fingerprint: string;
}

/** Bytes gathered before the detectors run over them: large enough that the kept context is a small overhead. */
const ROUND = 1024 * 1024;

/** The most a store holds: the kept context and two rounds' bytes (a round runs once ROUND are pushed). */
const STORE_MAX = 2 * ROUND + BACK + FORWARD;
/**
 * Stores of STORE_MAX are kept between files: a fresh one costs a page fault per 4 KiB as it fills (on a VM
 * about as long as scanning it). A file under POOLED_STORE_FROM gets a store of its size.
 */
const POOLED_STORE_FROM = 64 * 1024;
const SPARE_STORES = 4;
const spareStores: Buffer[] = [];

/** Kinds a secret-by-name finding already covers in its own file. */
const KEY_KINDS: ReadonlySet<SecretKind> = new Set([
  'pem-private-key',
  'pem-encrypted-private-key',
  'openssh-private-key',
  'putty-private-key',
]);

interface PendingHit {
  abs: number;
  order: number;
  kind: SecretKind;
  fingerprint: string;
  jsonPrivateKey: boolean;
}

/** Detectors (by their order) for each anchor. */
const DETECTORS_BY_ANCHOR = new Map<string, number[]>();
CONTENT_DETECTORS.forEach((d, order) => {
  for (const a of d.anchors) DETECTORS_BY_ANCHOR.set(a, [...(DETECTORS_BY_ANCHOR.get(a) ?? []), order]);
});

/**
 * Every anchor in one alternation of literals: V8's irregexp finds the next
 * of them in one pass (about 3–7× faster here than one indexOf per anchor).
 * An alternation of plain literals cannot backtrack further than its longest
 * literal, so the search is linear in the text; V8's `l` engine would be too,
 * but runs this pattern at a few MB/s.
 */
const ANCHORS = new RegExp(
  [...DETECTORS_BY_ANCHOR.keys(), GCP_SERVICE_ACCOUNT_MARK]
    .map((a) => a.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('|'),
  'g',
);

/** The longest anchor: a slice is searched this many bytes minus one past its end, so an anchor across the cut is whole. */
const LONGEST_ANCHOR = Math.max(
  ...[...DETECTORS_BY_ANCHOR.keys(), GCP_SERVICE_ACCOUNT_MARK].map((a) => a.length),
);

/**
 * Text searched per regex call. Under V8's large-object threshold (128 KiB) a
 * string is made in the young generation, whose pages are reused: converted
 * at memory speed (about 2 GB/s here). A string of a whole round is a fresh
 * large object each time, and the page faults of touching it make the
 * conversion about 7× slower.
 */
const SLICE = 64 * 1024;

/** Every anchor starting in `buf[from, limit)` (bytes to `end` may complete one), in order, overlapping ones included. */
function* anchorsIn(
  buf: Buffer,
  from: number,
  limit: number,
  end: number,
): Generator<{ at: number; anchor: string }> {
  for (let start = from; start < limit; start += SLICE) {
    const cut = Math.min(start + SLICE, limit) - start;
    const piece = buf.toString('latin1', start, Math.min(end, start + cut + LONGEST_ANCHOR - 1));
    ANCHORS.lastIndex = 0;
    for (let m = ANCHORS.exec(piece); m !== null && m.index < cut; m = ANCHORS.exec(piece)) {
      // One step on, not past the match: an anchor overlapping this one is found too.
      ANCHORS.lastIndex = m.index + 1;
      yield { at: start + m.index, anchor: m[0] };
    }
  }
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

export class SecretScanner {
  /** Bytes pushed in total. */
  bytes = 0;
  /** Working storage: the kept context, then the bytes pushed since the last round (reused: no per-round allocation). */
  private store: Buffer = Buffer.alloc(0);
  private len = 0;
  private pendingBytes = 0;
  /** Absolute offset of buf[0]. */
  private bufStart = 0;
  /** Absolute offset of the first position no detector has examined yet. */
  private scanFrom = 0;
  private cursorAbs = 0;
  private cursorLine = 1;
  private readonly hits: (PendingHit & { line: number })[] = [];
  private gcpServiceAccount = false;
  private readonly env: boolean;
  private readonly byName: SecretKind | null;
  private readonly wholeFile: Hash | null;
  /** The first bytes, for the one-key-per-file rule (`wg genkey > privatekey`). */
  private head: Buffer[] = [];

  readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.env = isEnvFile(path);
    this.byName = kindByName(path);
    this.wholeFile = this.byName ? createHash('sha256') : null;
  }

  push(chunk: Uint8Array): void {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (b.length > ROUND) {
      // One round at a time: memory stays bounded whatever the caller hands in.
      for (let i = 0; i < b.length; i += ROUND) this.push(b.subarray(i, i + ROUND));
      return;
    }
    if (b.length === 0) return;
    // A copy: the caller may read into the chunk's buffer again.
    if (this.bytes < 128) this.head.push(Buffer.from(b.subarray(0, 128 - this.bytes)));
    this.bytes += b.length;
    this.wholeFile?.update(b);
    if (this.len + b.length > this.store.length) {
      const want = Math.max(this.len + b.length, Math.min(this.store.length * 2, STORE_MAX));
      // Past a small file's size, the largest store is taken (from the kept ones when there is one).
      const grown =
        want > POOLED_STORE_FROM
          ? (spareStores.pop() ?? Buffer.allocUnsafeSlow(STORE_MAX))
          : Buffer.allocUnsafeSlow(want);
      this.store.copy(grown, 0, 0, this.len);
      this.store = grown;
    }
    b.copy(this.store, this.len);
    this.len += b.length;
    this.pendingBytes += b.length;
    if (this.pendingBytes >= ROUND) this.round(false);
  }

  private moveCursor(abs: number): number {
    const rel = (a: number) => a - this.bufStart;
    const buf = this.store.subarray(0, this.len);
    if (abs >= this.cursorAbs) this.cursorLine += countNewlines(buf, rel(this.cursorAbs), rel(abs));
    else this.cursorLine -= countNewlines(buf, rel(abs), rel(this.cursorAbs));
    this.cursorAbs = abs;
    return this.cursorLine;
  }

  private round(final: boolean): void {
    this.pendingBytes = 0;
    const fromRel = this.scanFrom - this.bufStart;
    const limitRel = final ? this.len : this.len - FORWARD;
    if (limitRel <= fromRel) return;
    // The whole kept text, for the detectors: made only once an anchor is found (most rounds have none).
    let whole: string | undefined;
    const text = () => (whole ??= this.store.toString('latin1', 0, this.len));

    const found: PendingHit[] = [];
    for (const { at, anchor } of anchorsIn(this.store, fromRel, limitRel, this.len)) {
      if (anchor === GCP_SERVICE_ACCOUNT_MARK) {
        this.gcpServiceAccount = true;
        continue;
      }
      for (const order of DETECTORS_BY_ANCHOR.get(anchor)!) {
        const hit = CONTENT_DETECTORS[order]!.detect(text(), at, anchor);
        if (!hit) continue;
        const secret = typeof hit.secret === 'string' ? Buffer.from(hit.secret, 'latin1') : hit.secret;
        found.push({
          abs: this.bufStart + hit.at,
          order,
          kind: hit.kind,
          fingerprint: sha256(secret),
          jsonPrivateKey: hit.jsonPrivateKey ?? false,
        });
      }
    }
    if (this.env) {
      const lines = text();
      // Lines that start in this round; the one straddling its start was read in the last round.
      let p = fromRel === 0 || lines[fromRel - 1] === '\n' ? fromRel : lines.indexOf('\n', fromRel) + 1;
      while (p > 0 || (p === 0 && fromRel === 0)) {
        if (p >= limitRel) break;
        const nl = lines.indexOf('\n', p);
        const end = nl === -1 ? lines.length : nl;
        const value = envCredential(lines.slice(p, Math.min(end, p + FORWARD)));
        if (value !== null)
          found.push({
            abs: this.bufStart + p,
            order: CONTENT_DETECTORS.length,
            kind: 'env-credential',
            fingerprint: sha256(Buffer.from(value, 'latin1')),
            jsonPrivateKey: false,
          });
        if (nl === -1) break;
        p = nl + 1;
      }
    }
    found.sort((a, b) => a.abs - b.abs || a.order - b.order);
    for (const h of found) this.hits.push({ ...h, line: this.moveCursor(h.abs) });

    this.scanFrom = this.bufStart + limitRel;
    // Keep BACK bytes before the next unexamined position; the line cursor moves past what is dropped.
    const keepFrom = Math.max(this.bufStart, this.scanFrom - BACK);
    if (this.cursorAbs < keepFrom) this.moveCursor(keepFrom);
    this.store.copyWithin(0, keepFrom - this.bufStart, this.len);
    this.len -= keepFrom - this.bufStart;
    this.bufStart = keepFrom;
  }

  /** Scans what is left and returns the file's findings, one per secret. */
  finish(): SecretFinding[] {
    this.round(true);
    if (this.store.length === STORE_MAX && spareStores.length < SPARE_STORES) spareStores.push(this.store);
    this.store = Buffer.alloc(0);
    this.len = 0;
    const findings: SecretFinding[] = [];
    const seen = new Set<string>();
    const ordered = [...this.hits].sort((a, b) => a.line - b.line || a.order - b.order);
    if (this.byName) {
      findings.push({
        path: this.path,
        kind: this.byName,
        line: 1,
        fingerprint: this.wholeFile!.digest('hex'),
      });
    }
    for (const h of ordered) {
      if (this.byName && KEY_KINDS.has(h.kind)) continue;
      // One finding per secret per file: its first line, by the most specific detector there.
      if (seen.has(h.fingerprint)) continue;
      seen.add(h.fingerprint);
      const kind = h.jsonPrivateKey && this.gcpServiceAccount ? 'gcp-service-account-key' : h.kind;
      findings.push({ path: this.path, kind, line: h.line, fingerprint: h.fingerprint });
    }
    const wg = this.wireGuardKeyFile();
    if (wg && !findings.some((f) => f.fingerprint === wg)) {
      findings.push({ path: this.path, kind: 'wireguard-private-key', line: 1, fingerprint: wg });
    }
    return findings;
  }

  /** A file holding nothing but one WireGuard key, named like one (`wg genkey > privatekey`, `wg0.key`). */
  private wireGuardKeyFile(): string | null {
    if (this.bytes > 128) return null;
    const name = this.path.slice(this.path.lastIndexOf('/') + 1).toLowerCase();
    if (!name.includes('priv') && !name.endsWith('.key')) return null;
    const content = Buffer.concat(this.head).toString('latin1').trim();
    if (content.length !== 44) return null;
    const key = decodeBase64(content, 32);
    return key ? sha256(key) : null;
  }
}

/** Scans one file held in memory. */
export function scanFileForSecrets(path: string, bytes: Uint8Array): SecretFinding[] {
  const scanner = new SecretScanner(path);
  scanner.push(bytes);
  return scanner.finish();
}

/** Scans a stream (a file being read, a tar entry) without holding it. */
export async function scanStreamForSecrets(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ findings: SecretFinding[]; bytes: number }> {
  const scanner = new SecretScanner(path);
  for await (const chunk of chunks) scanner.push(chunk);
  return { findings: scanner.finish(), bytes: scanner.bytes };
}
