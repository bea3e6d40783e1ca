/**
 * The local files and directories build-base's inputs name, checked before
 * any work: each file a readable regular file of a bounded size (a device
 * such as /dev/zero would be read forever, a huge kernel would overflow the
 * ESP), and the paths it will write checked against them (shared/image/output-paths.ts).
 */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { requireReadablePath } from '../inputs.ts';
import { MAX_INITRD_BYTES, MAX_KERNEL_BYTES, requireInputFile } from '../vm/input-files.ts';
import type { NamedInput, PlannedOutput } from './output-paths.ts';

/** The largest file each file input may name. */
export const INPUT_FILE_LIMITS = {
  kernel: MAX_KERNEL_BYTES,
  initrd: MAX_INITRD_BYTES,
  // apk.static is about 5 MiB; cloud-init seeds are text.
  'apk-static': 256 * 1024 ** 2,
  'user-data': 16 * 1024 ** 2,
  'meta-data': 16 * 1024 ** 2,
} as const;

export type FileInput = keyof typeof INPUT_FILE_LIMITS;

/** A file input: a readable regular file within its limit. */
export async function checkInputFile(input: FileInput, path: string): Promise<void> {
  await requireInputFile(input, path, INPUT_FILE_LIMITS[input]);
}

/**
 * The rootfs input, when local: a directory, or a tarball that is a regular
 * file no larger than the disk (a compressed tarball never shrinks when
 * unpacked by more than its few bytes of framing).
 */
export async function checkRootfsPath(path: string, sizeBytes: number): Promise<void> {
  if ((await requireReadablePath('rootfs', path)) === 'directory') return;
  await requireInputFile('rootfs', path);
  const size = (await stat(path)).size;
  if (size > sizeBytes) {
    throw new InputError(
      'rootfs',
      `'${path}' is ${size} bytes, larger than the disk it must fit in (input 'size': ${sizeBytes} bytes)`,
      'a tarball smaller than size, or a larger size',
    );
  }
}

/** Every path build-base writes for an image at `output`. */
export function plannedOutputs(output: string, boot: 'uefi' | 'kernel'): PlannedOutput[] {
  const stem = output.replace(/\.qcow2$/, '');
  return [
    { path: output, role: 'output' },
    ...(boot === 'kernel'
      ? [
          { path: `${stem}.vmlinuz`, role: 'the kernel exported beside it' },
          { path: `${stem}.initrd`, role: 'the initrd exported beside it' },
        ]
      : []),
    {
      path: join(dirname(output), 'meta', 'build-provenance.json'),
      role: 'the provenance written beside it',
    },
  ];
}

/** The local paths among the inputs, resolved against `cwd` (URLs are downloaded into the private work directory). */
export function namedInputs(inputs: Record<string, string | undefined>, cwd: string): NamedInput[] {
  return Object.entries(inputs)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(e[1]))
    .map(([input, path]) => ({ input, path: resolve(cwd, path) }));
}
