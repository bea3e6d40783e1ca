/**
 * Produces the rootfs tarball for each distribution with the distribution's
 * own tools: Alpine's minirootfs + apk.static, Debian/Ubuntu via mmdebstrap,
 * or a tarball/directory the caller gives. Every download is verified before
 * it is used; every external program runs with an argument array.
 */
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, ToolError } from '../errors.ts';
import { runStreamed } from '../exec-stream.ts';
import { downloadVerified } from '../fetch.ts';
import { sha256, sha256File, sha256RegularFile } from '../hash.ts';
import { alpineBranch, resolveAlpineMinirootfs, type VerifiedSource } from './alpine.ts';
import { apkStaticCacheRoot, apkStaticSource, resolveDefaultApkStatic } from './apk-static.ts';
import { startDebCacheProxy } from './deb-cache-proxy.ts';
import { cacheKey, type DownloadCache } from './download-cache.ts';
import type { Arch } from './gpt.ts';

export type Distro = 'alpine' | 'debian' | 'ubuntu' | 'rootfs';

export const DEFAULT_VERSION: Record<Distro, string> = {
  alpine: '3.20',
  debian: 'bookworm',
  ubuntu: 'noble',
  rootfs: '',
};
export const DEFAULT_MIRROR: Record<Distro, string> = {
  alpine: 'https://dl-cdn.alpinelinux.org/alpine',
  debian: 'http://deb.debian.org/debian',
  ubuntu: 'http://archive.ubuntu.com/ubuntu',
  rootfs: '',
};
const DEB_ARCH: Record<Arch, string> = { x86_64: 'amd64', aarch64: 'arm64' };

/** What every image needs to boot on its own, installed unless the caller supplies a kernel. */
export function basePackages(distro: Distro, arch: Arch, ownKernel: boolean): string[] {
  switch (distro) {
    case 'alpine':
      return ['alpine-base', ...(ownKernel ? [] : ['linux-virt'])];
    case 'debian':
      return ['systemd-sysv', 'udev', ...(ownKernel ? [] : [`linux-image-cloud-${DEB_ARCH[arch]}`])];
    case 'ubuntu':
      return ['systemd-sysv', 'udev', ...(ownKernel ? [] : ['linux-image-virtual', 'initramfs-tools'])];
    case 'rootfs':
      return [];
  }
}

/** A file that went into the image, with the digest it was verified against. */
export interface SourceRecord {
  name: string;
  uri: string;
  sha256?: string;
  verification: string;
}

export interface RootfsSpec {
  distro: Distro;
  version: string;
  arch: Arch;
  mirror: string;
  /** distro=rootfs: path or URL; alpine: optional minirootfs URL override. */
  rootfs?: string;
  rootfsSha256?: string;
  packages: string[];
  /** Alpine package installs: apk.static (path or URL) and its pinned digest. */
  apkStatic?: string;
  apkStaticSha256?: string;
  sourceDateEpoch: number;
  workDir: string;
  /** The Actions cache of downloads, when there is one and the `cache` input allows it. */
  downloads?: DownloadCache;
}

export interface ProducedRootfs {
  /** A tarball or a directory. */
  path: string;
  /** How errors about its entries name it, when not by `path` (a download: its URL). */
  origin?: string;
  sources: SourceRecord[];
  tools: string[];
}

export async function produceRootfs(spec: RootfsSpec): Promise<ProducedRootfs> {
  switch (spec.distro) {
    case 'rootfs':
      return givenRootfs(spec);
    case 'alpine':
      return alpineRootfs(spec);
    case 'debian':
    case 'ubuntu':
      return debootstrapRootfs(spec);
  }
}

async function givenRootfs(spec: RootfsSpec): Promise<ProducedRootfs> {
  const given = spec.rootfs!;
  if (/^https?:\/\//.test(given)) {
    const target = join(spec.workDir, 'rootfs.download');
    await downloadVerified(given, target, spec.rootfsSha256!);
    return {
      path: target,
      origin: given,
      sources: [{ name: 'rootfs', uri: given, sha256: spec.rootfsSha256, verification: 'pinned input' }],
      tools: [],
    };
  }
  const isDir = (await stat(given)).isDirectory();
  return {
    path: given,
    sources: [
      {
        name: 'rootfs',
        uri: given,
        // Read through a checked descriptor: a path swapped for a device since validation is refused, not hashed forever.
        sha256: isDir ? undefined : await sha256RegularFile(given, { input: 'rootfs' }),
        verification: isDir ? 'local directory' : 'local file (digest recorded)',
      },
    ],
    tools: [],
  };
}

function minirootfsSource(spec: RootfsSpec): Promise<VerifiedSource> {
  return resolveAlpineMinirootfs({
    version: spec.version,
    arch: spec.arch,
    mirror: spec.mirror,
    url: spec.rootfs,
    pinnedSha256: spec.rootfsSha256,
  });
}

/**
 * Restores the Alpine download cache: the minirootfs, apk's package cache and
 * the apk-tools-static package. The key names the minirootfs by its verified
 * digest and the package set by the branch's current indexes, so a new point
 * release or package update is a new entry; a partial restore still saves
 * every package that did not change. Undefined when there is no cache or its
 * key cannot be computed (a warning; the build downloads as usual).
 */
async function restoreAlpineCache(
  spec: RootfsSpec,
  source: VerifiedSource,
): Promise<{ minirootfs: string; apk: string; apkTools: string } | undefined> {
  const downloads = spec.downloads!;
  const repo = `${spec.mirror}/${alpineBranch(spec.version)}`;
  let indexes: string[] = [];
  try {
    if (spec.packages.length)
      indexes = await Promise.all(
        ['main', 'community'].map(async (r) => {
          const url = `${repo}/${r}/${spec.arch}/APKINDEX.tar.gz`;
          const response = await fetch(url);
          if (!response.ok) throw new DataError(`${url}: HTTP ${response.status}`);
          return sha256(Buffer.from(await response.arrayBuffer()));
        }),
      );
  } catch (e) {
    downloads.log.warning(
      `cache alpine: not used, its key needs the package indexes: ${(e as Error).message}`,
    );
    return undefined;
  }
  const key = cacheKey('alpine', [alpineBranch(spec.version), spec.arch], {
    mirror: spec.mirror,
    version: spec.version,
    minirootfs: source.sha256,
    packages: [...spec.packages].sort(),
    apkStatic: spec.apkStatic ? [spec.apkStatic, spec.apkStaticSha256 ?? null] : 'default',
    indexes,
  });
  const dir = await downloads.restore('alpine', key);
  const sub = {
    minirootfs: join(dir, 'minirootfs'),
    apk: join(dir, 'apk'),
    apkTools: join(dir, 'apk-tools-static'),
  };
  for (const d of Object.values(sub)) await mkdir(d, { recursive: true });
  // Indexes are never reused: apk fetches and verifies the current ones; only packages come from the cache.
  for (const name of await readdir(sub.apk))
    if (name.startsWith('APKINDEX.')) await rm(join(sub.apk, name), { force: true });
  return sub;
}

/**
 * The minirootfs at `target`, checked against `source.sha256` whether it came
 * from the cache or the mirror; a cached copy that does not match is dropped
 * and downloaded again.
 */
async function fetchMinirootfs(source: VerifiedSource, target: string, cacheDir?: string): Promise<boolean> {
  const kept = cacheDir && join(cacheDir, `${source.sha256}.tar.gz`);
  if (kept) {
    const bytes = await readFile(kept).catch(() => undefined);
    if (bytes && sha256(bytes) === source.sha256.toLowerCase()) {
      await writeFile(target, bytes);
      return true;
    }
  }
  await downloadVerified(source.url, target, source.sha256);
  if (cacheDir) {
    // Only this release's tarball stays in the entry.
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(cacheDir, { recursive: true });
    await copyFile(target, kept!);
  }
  return false;
}

async function alpineRootfs(spec: RootfsSpec): Promise<ProducedRootfs> {
  const apk = join(spec.workDir, 'apk.static');
  // With a cache the minirootfs's digest is part of the key, so it is resolved first (one small download).
  const early = spec.downloads ? await minirootfsSource(spec) : undefined;
  const cache = early && (await restoreAlpineCache(spec, early));
  // Resolved before the minirootfs download: a default that cannot be verified fails in seconds.
  const apkSource: SourceRecord | undefined =
    spec.packages.length === 0
      ? undefined
      : spec.apkStatic
        ? await givenApkStatic(spec, apk)
        : apkStaticSource(
            await resolveDefaultApkStatic({
              mirror: spec.mirror,
              version: spec.version,
              arch: spec.arch,
              workDir: spec.workDir,
              cacheRoot: apkStaticCacheRoot(),
              packageCache: cache?.apkTools,
            }),
          );
  const source = early ?? (await minirootfsSource(spec));
  const minirootfs = join(spec.workDir, 'minirootfs.tar.gz');
  const fromCache = await fetchMinirootfs(source, minirootfs, cache?.minirootfs);
  if (fromCache) spec.downloads?.log.info(`minirootfs ${source.url}: from the cache, sha256 verified`);
  const sources: SourceRecord[] = [
    { name: 'alpine-minirootfs', uri: source.url, sha256: source.sha256, verification: source.checksumFrom },
  ];
  if (!apkSource) return { path: minirootfs, sources, tools: [] };
  sources.push(apkSource);

  // apk must own files as other users: run as root, or as root of a user namespace with the
  // caller's subordinate ids mapped. The script is fixed text; every value arrives as an argument.
  const script = join(spec.workDir, 'apk-install.sh');
  await writeFile(
    script,
    [
      'set -eu',
      'root=$1; minirootfs=$2; out=$3; apk=$4; arch=$5; repo=$6; cache=$7; shift 7',
      'mkdir -p "$root"',
      'tar -xpzf "$minirootfs" -C "$root"',
      'apk_add() {',
      '  "$apk" --root "$root" --arch "$arch" --keys-dir "$root/etc/apk/keys" --repositories-file /dev/null \\',
      '    --repository "$repo/main" --repository "$repo/community" --no-interactive "$@"',
      '}',
      // apk checks a cached package against the signed index exactly as a downloaded one.
      'if [ -n "$cache" ]; then apk_add --cache-dir "$cache" add "$@"; else apk_add --no-cache add "$@"; fi',
      'tar --numeric-owner --sort=name -cpf "$out" -C "$root" .',
      '',
    ].join('\n'),
  );
  const out = join(spec.workDir, 'rootfs.tar');
  const args = [
    script,
    join(spec.workDir, 'alpine-root'),
    minirootfs,
    out,
    apk,
    spec.arch,
    `${spec.mirror}/${alpineBranch(spec.version)}`,
    cache?.apk ?? '',
    ...spec.packages,
  ];
  const env = { ...process.env, SOURCE_DATE_EPOCH: String(spec.sourceDateEpoch) };
  // apk prints one line per package installed: streamed, the log shows it progressing.
  const stream = { env, title: `apk add ${spec.packages.join(' ')}` };
  if (process.getuid?.() === 0) await runStreamed('sh', args, stream);
  else await runStreamed('unshare', ['--user', '--map-root-user', '--map-auto', '--', 'sh', ...args], stream);
  if (cache)
    for (const name of await readdir(cache.apk))
      if (name.startsWith('APKINDEX.')) await rm(join(cache.apk, name), { force: true });
  return { path: out, sources, tools: ['apk.static'] };
}

/** apk.static from the `apk-static` input: a URL checked against its pinned digest, or a local file. */
async function givenApkStatic(spec: RootfsSpec, apk: string): Promise<SourceRecord> {
  const given = spec.apkStatic!;
  if (/^https?:\/\//.test(given)) await downloadVerified(given, apk, spec.apkStaticSha256!);
  else {
    await copyFile(given, apk);
    const actual = await sha256File(apk);
    if (spec.apkStaticSha256 && actual !== spec.apkStaticSha256) {
      throw new DataError(
        `checksum mismatch for ${given}: expected sha256 ${spec.apkStaticSha256}, got ${actual}`,
      );
    }
  }
  await chmod(apk, 0o755);
  return { name: 'apk.static', uri: given, sha256: spec.apkStaticSha256, verification: 'pinned input' };
}

/**
 * Restores the .deb cache for mmdebstrap. The key names the suite by its
 * current InRelease (the signed list of index digests), so an archive update
 * is a new entry; a partial restore still serves every .deb that did not
 * change. Undefined, with the reason logged, when the cache cannot be used:
 * an https:// mirror (apt does not send it through an HTTP proxy), a proxy
 * the runner already sets, or an InRelease that cannot be fetched.
 */
async function restoreDebCache(spec: RootfsSpec): Promise<string | undefined> {
  const downloads = spec.downloads!;
  const name = `${spec.distro}-debs`;
  if (!spec.mirror.startsWith('http://')) {
    downloads.log.info(
      `cache ${name}: not used for the https mirror ${spec.mirror} (only http:// mirrors are cached)`,
    );
    return undefined;
  }
  if (process.env.http_proxy || process.env.HTTP_PROXY) {
    downloads.log.info(`cache ${name}: not used, apt goes through the runner's http_proxy`);
    return undefined;
  }
  const inRelease = `${spec.mirror}/dists/${spec.version}/InRelease`;
  let release: string;
  try {
    const response = await fetch(inRelease);
    if (!response.ok) throw new DataError(`HTTP ${response.status}`);
    release = sha256(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    downloads.log.warning(`cache ${name}: not used, its key needs ${inRelease}: ${(e as Error).message}`);
    return undefined;
  }
  const key = cacheKey(name, [spec.version, DEB_ARCH[spec.arch]], {
    mirror: spec.mirror,
    variant: 'minbase',
    packages: [...spec.packages].sort(),
    release,
  });
  return downloads.restore(name, key);
}

async function debootstrapRootfs(spec: RootfsSpec): Promise<ProducedRootfs> {
  const out = join(spec.workDir, 'rootfs.tar');
  const args = [
    '--variant=minbase',
    `--architectures=${DEB_ARCH[spec.arch]}`,
    `--include=${spec.packages.join(',')}`,
    '--format=tar',
    // Fixed text, no input in it: a hostname and an empty machine-id (systemd makes one per instance).
    '--customize-hook=echo localhost > "$1/etc/hostname"',
    '--customize-hook=: > "$1/etc/machine-id"',
    spec.version,
    out,
    spec.mirror,
  ];
  const cacheDir = spec.downloads && (await restoreDebCache(spec));
  // Without --quiet mmdebstrap reports each phase (update, download, extract, install), streamed into the log.
  const mmdebstrap = (env: NodeJS.ProcessEnv) =>
    runStreamed('mmdebstrap', args, {
      title: `mmdebstrap ${spec.version} (${spec.packages.length} packages)`,
      env: { ...env, SOURCE_DATE_EPOCH: String(spec.sourceDateEpoch) },
      hint: 'mmdebstrap needs the suite on the mirror and, for Ubuntu, the ubuntu-keyring package',
    });
  if (!cacheDir) await mmdebstrap(process.env);
  else {
    // apt downloads every .deb through the proxy, cached or not, and checks each against the signed Packages.
    const proxy = await startDebCacheProxy(cacheDir);
    try {
      await mmdebstrap({ ...process.env, http_proxy: proxy.url });
      await proxy.prune();
      spec.downloads!.log.info(
        `cache ${spec.distro}-debs: ${proxy.served.size} files from the cache, ${proxy.fetched.size} from ${spec.mirror}`,
      );
    } catch (e) {
      // A cached .deb apt refused ("Hash Sum mismatch", "File has unexpected size"; both list the
      // expected hashes): build once more from the mirror alone.
      const refused =
        e instanceof ToolError &&
        /Hash Sum mismatch|unexpected size|Hashes of (expected|received) file/i.test(e.message + e.stderr);
      if (!refused || proxy.served.size === 0) throw e;
      spec.downloads!.log.warning(
        `mmdebstrap failed with ${proxy.served.size} files from the cache; building again without it: ${e.message.split('\n')[0]}`,
      );
      await rm(cacheDir, { recursive: true, force: true });
      await mkdir(cacheDir, { recursive: true });
      await rm(out, { force: true });
      await mmdebstrap(process.env);
    } finally {
      await proxy.close();
    }
  }
  return {
    path: out,
    sources: [
      {
        name: `${spec.distro}-archive`,
        uri: `${spec.mirror} ${spec.version}`,
        verification: "apt verified every package against the suite's signed Release file",
      },
    ],
    tools: ['mmdebstrap'],
  };
}
