/**
 * build-variant tests on the test image's boot=kernel base: an output tree as
 * a downloaded build-base artifact holds it, and a second boot of an overlay
 * running checks, as a workflow's boot-verify step would.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaseResult } from '../../shared/image/base.ts';
import { provisioningAppend } from '../../shared/variant/options.ts';
import { parseCheckLine } from '../../shared/vm/nocloud.ts';
import { DEFAULT_FAIL_ON } from '../../shared/vm/verify-inputs.ts';
import { verifyImages } from '../../shared/vm/verify.ts';
import { BOOT_MARKER } from './test-image.ts';

/** `<root>/<name>/output` holding a copy of the base, its kernel and its provenance. */
export async function variantOutputTree(base: BaseResult, root: string, name: string): Promise<string> {
  const out = join(root, name, 'output');
  await mkdir(join(out, 'meta'), { recursive: true });
  await copyFile(base.image, join(out, 'base.qcow2'));
  await copyFile(base.kernel!, join(out, 'base.vmlinuz'));
  await copyFile(base.provenance, join(out, 'meta', 'build-provenance.json'));
  return out;
}

/** Boots `image` (an overlay in `out`) with the base's kernel and runs `checks` in the guest. */
export function verifyWithChecks(base: BaseResult, out: string, image: string, checks: string[]) {
  return verifyImages({
    images: [image],
    arch: 'x86_64',
    boot: 'kernel',
    kernel: join(out, 'base.vmlinuz'),
    append: provisioningAppend(base.cmdline),
    expect: new RegExp(BOOT_MARKER),
    failOn: DEFAULT_FAIL_ON.map((p) => new RegExp(p)),
    timeoutMs: 120_000,
    memoryMiB: 512,
    cpus: 1,
    accel: 'tcg',
    checks: checks.map(parseCheckLine),
    parallel: 1,
    outputDir: join(out, 'verify'),
    network: false,
  });
}
