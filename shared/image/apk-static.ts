/**
 * The default apk.static for Alpine builds, found the way Alpine's own tooling
 * finds it: the release branch's `apk-tools-static` package from the mirror,
 * trusted only through the branch's signed APKINDEX. The checks are apk-tools
 * v2's (src/extract_v2.c), so nothing is accepted that apk itself would refuse:
 *
 * - APKINDEX.tar.gz is gzip members: the first holds `.SIGN.<ALG>.<keyname>`
 *   tar entries; the signature (RSA PKCS#1 v1.5; SHA-1 for RSA, SHA-256 for
 *   RSA256, SHA-512 for RSA512) covers the compressed bytes from the second
 *   member to the end of the file, and the first entry naming a trusted key wins.
 * - The index's `C:` field is `Q1` + base64(SHA-1) of the package's control
 *   member (the compressed gzip member holding .PKGINFO): the package's identity.
 * - .PKGINFO's `datahash` is the SHA-256 of the compressed data member, which
 *   must be the last one (apk refuses any member boundary after data starts).
 *
 * Only then is sbin/apk.static taken from the data member's tar; a name that is
 * absolute or has a `..` component anywhere in the package refuses the package.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { parsePaxRecords } from '../archive/tar-reader.ts';
import { tempPathFor } from '../atomic.ts';
import { DataError, InputError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { alpineBranch } from './alpine.ts';
import shippedKeys from './data/alpine-keys.json' with { type: 'json' };

export interface TrustedKey {
  /** The key's file name as apk names it in `.SIGN.RSA.<name>` (…rsa.pub). */
  name: string;
  pem: string;
}

const PACKAGE = 'apk-tools-static';
const MEMBER = 'sbin/apk.static';
/** Far above any real index or package (tens of MiB); a hostile mirror cannot fill the disk or memory. */
const MAX_DOWNLOAD = 256 * 1024 * 1024;
const ACCEPTED =
  "set 'apk-static' to the path of an apk.static binary (or its URL with apk-static-sha256), or check the 'mirror' input and the network";

/** Alpine's release keys for `arch`, checked against the digests recorded with them. */
export function alpineReleaseKeys(arch: string): TrustedKey[] {
  const out: TrustedKey[] = [];
  for (const [name, key] of Object.entries(shippedKeys.keys)) {
    // The digests are aports' sha512sums: a key edited by mistake fails here, not as an untrusted index later.
    if (createHash('sha512').update(key.pem).digest('hex') !== key.sha512)
      throw new DataError(
        `shipped Alpine key ${name} does not match its recorded sha512 (from ${key.source})`,
      );
    if (key.arch.includes(arch)) out.push({ name, pem: key.pem });
  }
  return out;
}

// ---- gzip members -------------------------------------------------------------------------

export interface GzipMember {
  /** Byte range of the compressed member (header to trailer) in the file. */
  start: number;
  end: number;
  data: Buffer;
}

/** Splits a concatenation of gzip streams, keeping each one's compressed byte range (what apk hashes). */
export function gzipMembers(file: Buffer, where: string): GzipMember[] {
  const members: GzipMember[] = [];
  let pos = 0;
  while (pos < file.length) {
    const start = pos;
    if (file.length - pos < 18 || file[pos] !== 0x1f || file[pos + 1] !== 0x8b || file[pos + 2] !== 8)
      throw new DataError(`${where}: not a gzip stream at byte ${pos}`);
    const flags = file[pos + 3]!;
    if (flags & 0xe0) throw new DataError(`${where}: gzip header at byte ${pos} has reserved flags set`);
    pos += 10;
    if (flags & 4) pos += 2 + file.readUInt16LE(pos);
    for (const bit of [8, 16]) {
      if (!(flags & bit)) continue;
      const nul = file.indexOf(0, pos);
      if (nul < 0) throw new DataError(`${where}: gzip header at byte ${start} is truncated`);
      pos = nul + 1;
    }
    if (flags & 2) pos += 2;
    let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      inflated = inflateRawSync(file.subarray(pos), {
        info: true,
        maxOutputLength: MAX_DOWNLOAD,
      }) as unknown as typeof inflated;
    } catch (e) {
      throw new DataError(`${where}: gzip member at byte ${start} is corrupt: ${(e as Error).message}`);
    }
    pos += inflated.engine.bytesWritten;
    if (pos + 8 > file.length) throw new DataError(`${where}: gzip member at byte ${start} is truncated`);
    const data = inflated.buffer;
    if (file.readUInt32LE(pos) !== crc32(data) || file.readUInt32LE(pos + 4) !== data.length % 2 ** 32)
      throw new DataError(`${where}: gzip member at byte ${start} fails its CRC/length check`);
    pos += 8;
    members.push({ start, end: pos, data });
  }
  return members;
}

// ---- tar (the subset apk writes: ustar, pax 'x', GNU 'L') -------------------------------

export interface TarItem {
  path: string;
  /** The ustar type flag ('0' regular, '5' directory, '2' symlink, …). */
  type: string;
  data: Buffer;
}

function field(h: Buffer, at: number, len: number): string {
  const end = h.indexOf(0, at);
  return h.toString('utf8', at, end >= at && end < at + len ? end : at + len);
}

function octal(h: Buffer, at: number, len: number, where: string): number {
  const text = field(h, at, len).trim();
  if (!/^[0-7]*$/.test(text)) throw new DataError(`${where}: tar header field is not octal: '${text}'`);
  return text ? parseInt(text, 8) : 0;
}

/** Rejects names that could leave the directory they are unpacked in. */
function checkName(path: string, where: string): void {
  if (path.includes('\0') || path.startsWith('/') || path.split('/').includes('..'))
    throw new DataError(`${where}: entry '${path}' escapes the package root (absolute or '..'); refused`);
}

/** Parses one member's tar entries; apk's members carry no end-of-archive blocks except the last. */
export function tarItems(data: Buffer, where: string): TarItem[] {
  const items: TarItem[] = [];
  let pos = 0;
  let pax: Map<string, Buffer> | undefined;
  let longName: string | undefined;
  while (pos + 512 <= data.length) {
    const h = data.subarray(pos, pos + 512);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    if (sum !== octal(h, 148, 8, where))
      throw new DataError(`${where}: tar header at byte ${pos} fails its checksum`);
    const type = String.fromCharCode(h[156]!) === '\0' ? '0' : String.fromCharCode(h[156]!);
    const paxSize = pax?.get('size')?.toString('latin1');
    const size = paxSize !== undefined ? Number(paxSize) : octal(h, 124, 12, where);
    if (!Number.isSafeInteger(size) || pos + 512 + size > data.length)
      throw new DataError(`${where}: tar entry at byte ${pos} is truncated`);
    const body = data.subarray(pos + 512, pos + 512 + size);
    pos += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = parsePaxRecords(body, where);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = field(body, 0, body.length);
      continue;
    }
    // POSIX ustar only: in the old GNU layout these bytes hold access/change times, not a name prefix.
    const prefix = h.toString('latin1', 257, 263) === 'ustar\0' ? field(h, 345, 155) : '';
    const name = field(h, 0, 100);
    const path = pax?.get('path')?.toString('utf8') ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    checkName(path, where);
    items.push({ path, type, data: body });
    pax = undefined;
    longName = undefined;
  }
  return items;
}

// ---- the signed index ---------------------------------------------------------------------

const SIGNATURE_TYPES = [
  { type: 'RSA512', hash: 'sha512' },
  { type: 'RSA256', hash: 'sha256' },
  { type: 'RSA', hash: 'sha1' },
] as const;

export interface VerifiedIndex {
  /** APKINDEX text. */
  text: string;
  keyName: string;
  signature: string;
}

/** Verifies APKINDEX.tar.gz the way `apk update` does and returns its APKINDEX text. */
export function verifyApkIndex(file: Buffer, trusted: TrustedKey[], where: string): VerifiedIndex {
  const members = gzipMembers(file, where);
  const sigs = members.length >= 2 ? tarItems(members[0]!.data, where) : [];
  if (sigs.length === 0 || !sigs.every((s) => s.path.startsWith('.SIGN.')))
    throw new DataError(`${where} is not signed (no .SIGN.* entries before the index)`);
  const keys = new Map(trusted.map((k) => [k.name, k.pem]));
  let chosen: { keyName: string; hash: string; type: string; sig: Buffer; key: KeyObject } | undefined;
  for (const s of sigs) {
    const rest = s.path.slice('.SIGN.'.length);
    const t = SIGNATURE_TYPES.find((x) => rest.startsWith(`${x.type}.`));
    const keyName = t ? rest.slice(t.type.length + 1) : '';
    const pem = keys.get(keyName);
    if (t && pem) {
      chosen = { keyName, hash: t.hash, type: t.type, sig: s.data, key: createPublicKey(pem) };
      break;
    }
  }
  if (!chosen)
    throw new DataError(
      `${where} is signed by ${sigs.map((s) => s.path.slice('.SIGN.'.length)).join(', ')}, none of them a trusted Alpine key (${[...keys.keys()].join(', ') || 'none for this architecture'})`,
    );
  const signed = file.subarray(members[1]!.start);
  if (!verify(chosen.hash, signed, chosen.key, chosen.sig))
    throw new DataError(
      `${where}: signature ${chosen.type} by ${chosen.keyName} does not verify; the index was altered`,
    );
  const body = tarItems(Buffer.concat(members.slice(1).map((m) => m.data)), where);
  const index = body.find((i) => i.path === 'APKINDEX');
  if (!index) throw new DataError(`${where} holds no APKINDEX`);
  return { text: index.data.toString('utf8'), keyName: chosen.keyName, signature: chosen.type };
}

export interface IndexEntry {
  name: string;
  version: string;
  arch?: string;
  /** The `C:` field: Q1 + base64 SHA-1 of the control member. */
  checksum: string;
}

/** The index records of `name` (blank-line separated `K:value` lines). */
export function indexEntries(text: string, name: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const record of text.split(/\n\n+/)) {
    const fields = new Map<string, string>();
    for (const line of record.split('\n')) {
      const m = /^([A-Za-z]):(.*)$/.exec(line);
      if (m) fields.set(m[1]!, m[2]!);
    }
    if (fields.get('P') !== name) continue;
    out.push({
      name,
      version: fields.get('V') ?? '',
      arch: fields.get('A'),
      checksum: fields.get('C') ?? '',
    });
  }
  return out;
}

// ---- the package --------------------------------------------------------------------------

/** Checks an .apk against its index checksum and datahash (apk's VERIFY_IDENTITY) and returns its data entries. */
export function verifyApkPackage(file: Buffer, checksum: string, where: string): TarItem[] {
  const m = /^Q1([A-Za-z0-9+/]{27}=)$/.exec(checksum);
  if (!m) throw new DataError(`${where}: index checksum '${checksum}' is not Q1+base64 SHA-1`);
  const expected = Buffer.from(m[1]!, 'base64');
  const members = gzipMembers(file, where);
  // An optional signature member (ignored: the signed index vouches for the control member), control, data.
  let i = 0;
  const first = members[0] ? tarItems(members[0].data, where) : [];
  if (first.length > 0 && first.every((e) => e.path.startsWith('.SIGN.'))) i = 1;
  if (members.length !== i + 2)
    throw new DataError(
      `${where}: expected signature, control and data gzip members, found ${members.length} members`,
    );
  const control = members[i]!;
  const data = members[i + 1]!;
  const identity = createHash('sha1').update(file.subarray(control.start, control.end)).digest();
  if (!identity.equals(expected))
    throw new DataError(
      `${where}: control checksum Q1${identity.toString('base64')} does not match the signed index (${checksum}); the package was altered or the mirror is inconsistent`,
    );
  const pkginfo = tarItems(control.data, where).find((e) => e.path === '.PKGINFO');
  if (!pkginfo) throw new DataError(`${where}: no .PKGINFO in the control member`);
  const datahash = /^datahash = ([0-9a-f]{64})$/m.exec(pkginfo.data.toString('utf8'))?.[1];
  if (!datahash) throw new DataError(`${where}: .PKGINFO has no datahash`);
  const actual = createHash('sha256').update(file.subarray(data.start, data.end)).digest('hex');
  if (actual !== datahash)
    throw new DataError(`${where}: data sha256 ${actual} does not match .PKGINFO datahash ${datahash}`);
  return tarItems(data.data, where);
}

// ---- resolution, download, cache ----------------------------------------------------------

export interface ApkStaticResolution {
  /** The verified binary, copied to the caller's work directory. */
  path: string;
  sha256: string;
  packageVersion: string;
  packageUrl: string;
  packageChecksum: string;
  indexUrl: string;
  indexSha256: string;
  keyName: string;
  fromCache: boolean;
}

async function download(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw new DataError(`download of ${url} failed: ${String((e as Error).cause ?? (e as Error).message)}`);
  }
  if (!response.ok)
    throw new DataError(`download of ${url} failed: HTTP ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD) throw new DataError(`${url} is ${length} bytes, more than ${MAX_DOWNLOAD}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_DOWNLOAD) throw new DataError(`${url} is more than ${MAX_DOWNLOAD} bytes`);
  return body;
}

/** Where verified binaries are kept between runs: the runner's tool cache, else its temp directory. */
export function apkStaticCacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP;
  return root ? join(root, 'infrasim-apk-static') : undefined;
}

async function fromCache(dir: string, target: string): Promise<string | undefined> {
  try {
    const recorded = (await readFile(join(dir, 'apk.static.sha256'), 'utf8')).trim();
    const bytes = await readFile(join(dir, 'apk.static'));
    // A cache entry is re-hashed, not trusted: a damaged or replaced file is fetched again.
    if (sha256(bytes) !== recorded) return undefined;
    await writeFile(target, bytes);
    return recorded;
  } catch {
    return undefined;
  }
}

async function toCache(dir: string, bytes: Buffer, digest: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, content] of [
      ['apk.static', bytes],
      ['apk.static.sha256', `${digest}\n`],
    ] as const) {
      const tmp = tempPathFor(join(dir, name));
      await writeFile(tmp, content);
      await rename(tmp, join(dir, name));
    }
  } catch {
    // The cache only saves a download next time; a read-only tool cache must not fail the build.
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * The package's verified data entries: the copy in `packageCache` when it
 * passes verifyApkPackage against the signed index, else a download (kept
 * there for the next run once it passed the same check).
 */
async function verifiedPackage(url: string, checksum: string, packageCache?: string): Promise<TarItem[]> {
  const kept = packageCache && join(packageCache, url.split('/').pop()!);
  if (kept) {
    const bytes = await readFile(kept).catch(() => undefined);
    if (bytes) {
      try {
        return verifyApkPackage(bytes, checksum, kept);
      } catch {
        // Damaged, altered or another version's: download it as if it were not there.
        await rm(kept, { force: true });
      }
    }
  }
  const bytes = await download(url);
  const items = verifyApkPackage(bytes, checksum, url);
  if (kept) {
    // Only this version stays: a saved cache entry carries what the build used.
    await rm(packageCache!, { recursive: true, force: true });
    await mkdir(packageCache!, { recursive: true });
    await writeFile(kept, bytes);
  }
  return items;
}

/**
 * Fetches and verifies the release's apk.static. Every failure is an error on
 * the `apk-static` input saying what went wrong and what to do instead.
 */
export async function resolveDefaultApkStatic(opts: {
  mirror: string;
  version: string;
  arch: string;
  workDir: string;
  cacheRoot?: string;
  /**
   * A directory kept between runs (build-base's download cache) holding the
   * apk-tools-static package itself: a copy there is used only if it passes
   * the same checks against the freshly verified index as a download.
   */
  packageCache?: string;
  /** Keys trusted to sign the index; Alpine's release keys for `arch` unless given (tests). */
  trustedKeys?: TrustedKey[];
}): Promise<ApkStaticResolution> {
  const repo = `${opts.mirror}/${alpineBranch(opts.version)}/main/${opts.arch}`;
  const indexUrl = `${repo}/APKINDEX.tar.gz`;
  const fail = (problem: string): InputError =>
    new InputError(
      'apk-static',
      `is empty, and the default (${PACKAGE} from ${repo}) failed: ${problem}`,
      ACCEPTED,
    );
  try {
    const indexFile = await download(indexUrl);
    const index = verifyApkIndex(indexFile, opts.trustedKeys ?? alpineReleaseKeys(opts.arch), indexUrl);
    const entries = indexEntries(index.text, PACKAGE);
    if (entries.length !== 1)
      throw new DataError(`${indexUrl} lists ${entries.length} ${PACKAGE} packages, expected exactly one`);
    const entry = entries[0]!;
    if (!/^[0-9A-Za-z._+~-]+$/.test(entry.version))
      throw new DataError(`${indexUrl}: ${PACKAGE} has an unusable version '${entry.version}'`);
    const packageUrl = `${repo}/${PACKAGE}-${entry.version}.apk`;
    const target = join(opts.workDir, 'apk.static');
    const base = {
      path: target,
      packageVersion: entry.version,
      packageUrl,
      packageChecksum: entry.checksum,
      indexUrl,
      indexSha256: sha256(indexFile),
      keyName: index.keyName,
    };
    // Keyed by version and the package identity the signed index vouches for.
    const identity = /^Q1/.test(entry.checksum)
      ? Buffer.from(entry.checksum.slice(2), 'base64').toString('hex')
      : '';
    const cacheDir =
      opts.cacheRoot && identity
        ? join(opts.cacheRoot, opts.arch, `${entry.version}-${identity}`)
        : undefined;
    const cached = cacheDir ? await fromCache(cacheDir, target) : undefined;
    if (cached) {
      await chmod(target, 0o755);
      return { ...base, sha256: cached, fromCache: true };
    }
    const items = await verifiedPackage(packageUrl, entry.checksum, opts.packageCache);
    const binary = items.find((e) => e.path === MEMBER);
    if (!binary || !['0', '7'].includes(binary.type))
      throw new DataError(`${packageUrl} holds no regular file ${MEMBER}`);
    await writeFile(target, binary.data, { mode: 0o755 });
    await chmod(target, 0o755);
    const digest = sha256(binary.data);
    if (cacheDir) await toCache(cacheDir, binary.data, digest);
    return { ...base, sha256: digest, fromCache: false };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fail((e as Error).message);
  }
}

/** The provenance record of a default apk.static: where it came from and what vouched for it. */
export function apkStaticSource(r: ApkStaticResolution): {
  name: string;
  uri: string;
  sha256: string;
  verification: string;
} {
  return {
    name: 'apk.static',
    uri: `${r.packageUrl}#${MEMBER}`,
    sha256: r.sha256,
    verification:
      `${PACKAGE} ${r.packageVersion}: control checksum ${r.packageChecksum} from ${r.indexUrl} ` +
      `(index sha256 ${r.indexSha256}, signed by ${r.keyName}); data member matches its .PKGINFO datahash` +
      (r.fromCache ? '; taken from the tool cache (re-hashed)' : ''),
  };
}
