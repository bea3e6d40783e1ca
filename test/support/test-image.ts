/**
 * The suite's test image: a small real distribution made from Debian packages.
 * busybox-static is the userland, Debian's cloud kernel (NVMe, ext4 and the
 * serial console built in) sits in /boot as a real distribution's does, and
 * /sbin/init prints a boot marker, runs a NoCloud user-data script when a
 * `cidata` volume is attached, and powers off.
 *
 * The packages come from Debian's mirror through `apt-get download`, which
 * checks them against the signed archive index. Output per architecture in
 * .cache/test-image/<arch>/: rootfs.tar (deterministic), vmlinuz, meta.json.
 */
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../../shared/exec.ts';
import { writeTar, type TarEntry } from '../../shared/archive/tar-writer.ts';

export type TestArch = 'x86_64' | 'aarch64';

export const BOOT_MARKER = 'INFRASIM-TEST-IMAGE: BOOT OK';
export const TEST_IMAGE_EPOCH = 1735689600; // 2025-01-01T00:00:00Z
/** Bumped whenever the image's contents change, so cached copies are rebuilt. */
const TEST_IMAGE_VERSION = 4;

const DEB_ARCH: Record<TestArch, string> = { x86_64: 'amd64', aarch64: 'arm64' };
const KERNEL_META: Record<TestArch, string> = {
  x86_64: 'linux-image-cloud-amd64',
  aarch64: 'linux-image-cloud-arm64',
};

export const repoRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const cacheRoot = process.env.INFRASIM_CACHE ?? join(repoRoot, '.cache');

/** Kernel modules the init loads: vfat/iso9660 for the NoCloud seed, virtio-net for networking. */
const MODULES = [
  'fs/fat/fat.ko',
  'fs/fat/vfat.ko',
  'fs/nls/nls_cp437.ko',
  'fs/nls/nls_ascii.ko',
  'fs/nls/nls_utf8.ko',
  'drivers/cdrom/cdrom.ko',
  'fs/isofs/isofs.ko',
  // virtio needs virtio_ring's symbols: the ring first.
  'drivers/virtio/virtio_ring.ko',
  'drivers/virtio/virtio.ko',
  'drivers/virtio/virtio_pci_legacy_dev.ko',
  'drivers/virtio/virtio_pci_modern_dev.ko',
  'drivers/virtio/virtio_pci.ko',
  'net/core/failover.ko',
  'drivers/net/net_failover.ko',
  'drivers/net/virtio_net.ko',
];

const INIT = `#!/bin/sh
# Init of the infrasim test image: mount the API filesystems, run the NoCloud
# user-data script if a cidata volume is attached, print the marker, power off.
PATH=/sbin:/bin:/usr/sbin:/usr/bin
export PATH
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -o remount,rw /
mkdir -p /run /tmp
say() { echo "infrasim-test-image: $*"; }
say "kernel $(uname -r) on $(uname -m)"
kmods=/lib/modules/$(uname -r)/kernel
for m in ${MODULES.map((m) => m.replace(/\.ko$/, '')).join(' ')}; do
  [ -f "$kmods/$m.ko" ] && insmod "$kmods/$m.ko" 2>/dev/null
done
seed=$(findfs LABEL=cidata 2>/dev/null || findfs LABEL=CIDATA 2>/dev/null)
if [ -n "$seed" ] && mkdir -p /mnt/seed && mount -o ro "$seed" /mnt/seed; then
  say "NoCloud seed on $seed"
  if [ -f /mnt/seed/user-data ] && head -n 1 /mnt/seed/user-data | grep -q '^#!'; then
    cp /mnt/seed/user-data /run/user-data
    chmod 700 /run/user-data
    /run/user-data
    say "user-data exited with status $?"
  fi
  umount /mnt/seed
fi
sync
echo "${BOOT_MARKER}"
poweroff -f
`;

async function debDownload(pkg: string, arch: string, dir: string): Promise<string> {
  await run('apt-get', ['download', `${pkg}:${arch}`], {
    cwd: dir,
    hint: `run 'bash .ci/install-system.sh' first (it enables the ${arch} architecture and updates the package lists)`,
  });
  const file = (await readdir(dir)).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(`_${arch}.deb`));
  if (!file) throw new Error(`apt-get download ${pkg}:${arch} produced no .deb`);
  return join(dir, file);
}

async function resolveKernelPackage(arch: TestArch): Promise<string> {
  const r = await run('apt-cache', ['depends', `${KERNEL_META[arch]}:${DEB_ARCH[arch]}`]);
  const m = /Depends:\s+(linux-image-[^\s:]+)/.exec(r.stdout);
  if (!m) throw new Error(`cannot resolve the kernel behind ${KERNEL_META[arch]}: ${r.stdout}`);
  return m[1]!;
}

export interface TestImage {
  arch: TestArch;
  rootfsTar: string;
  kernel: string;
  kernelVersion: string;
  marker: string;
  version: number;
}

/** Builds (or reuses from the cache) the test image for one architecture. */
export async function ensureTestImage(arch: TestArch): Promise<TestImage> {
  const dir = join(cacheRoot, 'test-image', arch);
  const metaPath = join(dir, 'meta.json');
  const cached = await readFile(metaPath, 'utf8').then(
    (t) => JSON.parse(t) as TestImage,
    () => null,
  );
  if (cached?.version === TEST_IMAGE_VERSION && (await stat(cached.rootfsTar).catch(() => null)))
    return cached;

  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), `test-image-${arch}-`));
  try {
    const debArch = DEB_ARCH[arch];
    const kernelPkg = await resolveKernelPackage(arch);
    const kernelDeb = await debDownload(kernelPkg, debArch, work);
    const busyboxDeb = await debDownload('busybox-static', debArch, work);
    await run('dpkg-deb', ['-x', kernelDeb, join(work, 'kernel')]);
    await run('dpkg-deb', ['-x', busyboxDeb, join(work, 'busybox')]);
    const kernelVersion = kernelPkg.replace(/^linux-image-/, '');

    // The applet list is the same for both architectures of one busybox version; the host's tells it.
    const applets = (await run('busybox', ['--list-full'])).stdout.split('\n').filter(Boolean);
    const entries: TarEntry[] = [];
    const dirs = [
      'bin',
      'boot',
      'dev',
      'etc',
      'lib',
      'mnt',
      'proc',
      'root',
      'run',
      'sbin',
      'sys',
      'tmp',
      'usr',
      'usr/bin',
      'usr/sbin',
      'var',
    ];
    for (const d of dirs)
      entries.push({
        type: 'directory',
        path: `${d}/`,
        mode: d === 'tmp' ? 0o1777 : d === 'root' ? 0o700 : 0o755,
      });
    entries.push({ type: 'character-device', path: 'dev/console', mode: 0o600, major: 5, minor: 1 });
    entries.push({ type: 'character-device', path: 'dev/null', mode: 0o666, major: 1, minor: 3 });
    entries.push({
      type: 'file',
      path: 'bin/busybox',
      mode: 0o755,
      content: await readFile(join(work, 'busybox/bin/busybox')),
    });
    for (const applet of applets.sort()) {
      if (applet === 'bin/busybox' || applet === 'sbin/init') continue;
      const depth = applet.split('/').length - 1;
      entries.push({ type: 'symlink', path: applet, target: `${'../'.repeat(depth)}bin/busybox` });
    }
    entries.push({ type: 'file', path: 'sbin/init', mode: 0o755, content: Buffer.from(INIT) });
    entries.push({
      type: 'file',
      path: 'etc/passwd',
      mode: 0o644,
      content: Buffer.from('root:x:0:0:root:/root:/bin/sh\n'),
    });
    entries.push({ type: 'file', path: 'etc/group', mode: 0o644, content: Buffer.from('root:x:0:\n') });
    entries.push({
      type: 'file',
      path: 'etc/hostname',
      mode: 0o644,
      content: Buffer.from('infrasim-test\n'),
    });
    entries.push({
      type: 'file',
      path: 'etc/os-release',
      mode: 0o644,
      content: Buffer.from('ID=infrasim-test\nNAME="infrasim test image"\nVERSION_ID=1\n'),
    });
    const kernelFile = (await readdir(join(work, 'kernel/boot'))).find((f) => f.startsWith('vmlinuz-'))!;
    const kernelBytes = await readFile(join(work, 'kernel/boot', kernelFile));
    entries.push({ type: 'file', path: `boot/${kernelFile}`, mode: 0o644, content: kernelBytes });
    const modRoot = join(work, 'kernel/lib/modules', kernelVersion, 'kernel');
    const moduleDirs = new Set<string>();
    for (const m of MODULES) {
      const parts = `lib/modules/${kernelVersion}/kernel/${m}`.split('/');
      for (let i = 2; i < parts.length; i++) moduleDirs.add(parts.slice(0, i).join('/') + '/');
    }
    for (const d of [...moduleDirs].sort()) entries.push({ type: 'directory', path: d, mode: 0o755 });
    for (const m of MODULES) {
      entries.push({
        type: 'file',
        path: `lib/modules/${kernelVersion}/kernel/${m}`,
        mode: 0o644,
        content: await readFile(join(modRoot, m)),
      });
    }
    const rootfsTar = join(dir, 'rootfs.tar');
    // Written beside and renamed, so a concurrent reader never sees half a file.
    await writeTar(`${rootfsTar}.tmp`, entries, { mtime: TEST_IMAGE_EPOCH });
    await rename(`${rootfsTar}.tmp`, rootfsTar);
    const kernel = join(dir, 'vmlinuz');
    await writeFile(`${kernel}.tmp`, kernelBytes);
    await rename(`${kernel}.tmp`, kernel);
    const image: TestImage = {
      arch,
      rootfsTar,
      kernel,
      kernelVersion,
      marker: BOOT_MARKER,
      version: TEST_IMAGE_VERSION,
    };
    await writeFile(`${metaPath}.tmp`, JSON.stringify(image, null, 2) + '\n');
    await rename(`${metaPath}.tmp`, metaPath);
    return image;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function relativeToRepo(path: string): string {
  return relative(repoRoot, path);
}
