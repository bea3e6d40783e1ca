/**
 * Base images of the test image built through build-base's own code path
 * (resolveBaseOptions → buildBase), cached per architecture and boot mode
 * under .cache/base-images/ for the integration tests that boot them.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildBaseInputs } from '../../action-types.d.ts';
import { buildBase, resolveBaseOptions, type BaseResult } from '../../shared/image/base.ts';
import { cacheRoot, ensureTestImage, TEST_IMAGE_EPOCH, type TestArch } from './test-image.ts';

/** Every build-base input empty, as the runner passes unset inputs. */
export function emptyBaseInputs(overrides: Partial<BuildBaseInputs> = {}): BuildBaseInputs {
  return {
    distro: '',
    version: '',
    arch: '',
    rootfs: '',
    'rootfs-sha256': '',
    mirror: '',
    packages: '',
    'apk-static': '',
    'apk-static-sha256': '',
    kernel: '',
    initrd: '',
    'kernel-args': '',
    cmdline: '',
    files: '',
    'user-data': '',
    'meta-data': '',
    size: '',
    boot: '',
    compression: '',
    'source-date-epoch': '',
    cache: '',
    output: '',
    ...overrides,
  };
}

/** Builds the test image's base for `arch`/`boot` into `dir` (default: a shared cache). */
export async function buildTestBase(
  arch: TestArch,
  boot: 'uefi' | 'kernel',
  dir?: string,
): Promise<BaseResult> {
  const testImage = await ensureTestImage(arch);
  const outDir = dir ?? join(cacheRoot, 'base-images', `${arch}-${boot}`);
  await mkdir(outDir, { recursive: true });
  const options = await resolveBaseOptions(
    emptyBaseInputs({
      distro: 'rootfs',
      rootfs: testImage.rootfsTar,
      arch,
      boot,
      size: '256M',
      'source-date-epoch': String(TEST_IMAGE_EPOCH),
      output: join(outDir, 'base.qcow2'),
    }),
    // The output directory is the build's workspace: build-base writes only inside its workspace.
    outDir,
  );
  return buildBase(options, cacheRoot);
}

/** The cached base for `arch`/`boot`, built on first use. */
export async function cachedTestBase(arch: TestArch, boot: 'uefi' | 'kernel'): Promise<BaseResult> {
  const memo = `${arch}-${boot}`;
  cache[memo] ??= buildTestBase(arch, boot);
  const result = await cache[memo];
  if (!(await stat(result.image).catch(() => null))) delete cache[memo];
  return result;
}
const cache: Record<string, Promise<BaseResult>> = {};
