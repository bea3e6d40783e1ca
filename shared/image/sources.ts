/**
 * Produces the rootfs tarball for each distribution with the distribution's
 * own tools: Alpine's minirootfs + apk.static, Debian/Ubuntu via mmdebstrap,
 * or a tarball/directory the caller gives. Every download is verified before
 * it is used; every external program runs with an argument array.
 */
import { chmod, copyFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { runStreamed } from '../exec-stream.ts';
import { downloadVerified } from '../fetch.ts';
import { sha256File, sha256RegularFile } from '../hash.ts';
import { alpineBranch, resolveAlpineMinirootfs } from './alpine.ts';
import { apkStaticCacheRoot, apkStaticSource, resolveDefaultApkStatic } from './apk-static.ts';
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

async function alpineRootfs(spec: RootfsSpec): Promise<ProducedRootfs> {
  const apk = join(spec.workDir, 'apk.static');
  // Resolved before the minirootfs: a default that cannot be verified fails in seconds.
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
            }),
          );
  const source = await resolveAlpineMinirootfs({
    version: spec.version,
    arch: spec.arch,
    mirror: spec.mirror,
    url: spec.rootfs,
    pinnedSha256: spec.rootfsSha256,
  });
  const minirootfs = join(spec.workDir, 'minirootfs.tar.gz');
  await downloadVerified(source.url, minirootfs, source.sha256);
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
      'root=$1; minirootfs=$2; out=$3; apk=$4; arch=$5; repo=$6; shift 6',
      'mkdir -p "$root"',
      'tar -xpzf "$minirootfs" -C "$root"',
      '"$apk" --root "$root" --arch "$arch" --keys-dir "$root/etc/apk/keys" --repositories-file /dev/null \\',
      '  --repository "$repo/main" --repository "$repo/community" --no-cache --no-interactive add "$@"',
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
    ...spec.packages,
  ];
  const env = { ...process.env, SOURCE_DATE_EPOCH: String(spec.sourceDateEpoch) };
  // apk prints one line per package installed: streamed, the log shows it progressing.
  const stream = { env, title: `apk add ${spec.packages.join(' ')}` };
  if (process.getuid?.() === 0) await runStreamed('sh', args, stream);
  else await runStreamed('unshare', ['--user', '--map-root-user', '--map-auto', '--', 'sh', ...args], stream);
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
  // Without --quiet mmdebstrap reports each phase (update, download, extract, install), streamed into the log.
  await runStreamed('mmdebstrap', args, {
    title: `mmdebstrap ${spec.version} (${spec.packages.length} packages)`,
    env: { ...process.env, SOURCE_DATE_EPOCH: String(spec.sourceDateEpoch) },
    hint: 'mmdebstrap needs the suite on the mirror and, for Ubuntu, the ubuntu-keyring package',
  });
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
