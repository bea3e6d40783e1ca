/**
 * A bootable test disk without a partition table: the test image's rootfs as
 * a bare ext4 filesystem, booted with -kernel and `root=/dev/nvme0n1`. It
 * stands in for build-base's images in the launcher's tests (cached per
 * architecture; the tests never write it, they boot overlays).
 */
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../shared/exec.ts';
import { serialConsole } from '../../shared/vm/qemu-command.ts';
import type { Arch } from '../../shared/vm/types.ts';
import { cacheRoot, ensureTestImage, type TestImage } from './test-image.ts';

export interface RawRootfsDisk {
  disk: string;
  kernel: string;
  image: TestImage;
  /** The command line that boots this disk. */
  append: string;
}

export async function rawRootfsDisk(arch: Arch): Promise<RawRootfsDisk> {
  const image = await ensureTestImage(arch);
  const dir = join(cacheRoot, 'raw-rootfs-disk', arch);
  const disk = join(dir, 'rootfs.ext4');
  const append = `console=${serialConsole(arch)} root=/dev/nvme0n1 rw panic=-1`;
  if (await stat(disk).catch(() => null)) return { disk, kernel: image.kernel, image, append };
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'raw-rootfs-'));
  try {
    const root = join(work, 'root');
    await mkdir(root);
    // Run as root in CI and here, so tar keeps owners and device nodes.
    await run('tar', ['-x', '-f', image.rootfsTar, '-C', root]);
    const tmp = join(work, 'rootfs.ext4');
    await run('mkfs.ext4', ['-q', '-F', '-d', root, tmp, '64M']);
    await rename(tmp, disk).catch(async () => {
      await run('cp', [tmp, disk]);
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { disk, kernel: image.kernel, image, append };
}
