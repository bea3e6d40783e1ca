/**
 * The floor of a boot: what a person would type to boot an image and wait
 * for the test image's marker — plain qemu-system-*, -nographic,
 * snapshot=on, stdout read until the marker, then killed. Benchmarks set the
 * suite's boots beside it.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { serialConsole } from '../../shared/vm/qemu-command.ts';
import type { Arch } from '../../shared/vm/types.ts';
import { BOOT_MARKER } from '../../test/support/test-image.ts';

/** What a person would type: -nographic, snapshot=on, read stdout until the marker, then kill. */
export function plainQemu(arch: Arch, image: string, kernel: string): Promise<number> {
  const machine =
    arch === 'x86_64' ? ['-machine', 'q35'] : ['-machine', 'virt', '-cpu', 'max,pauth-impdef=on'];
  const args = [
    ...machine,
    '-accel',
    'tcg',
    '-m',
    '1024',
    '-nographic',
    '-no-reboot',
    '-kernel',
    kernel,
    '-append',
    `console=${serialConsole(arch)} root=/dev/nvme0n1p2 rw panic=-1`,
    '-drive',
    `if=none,id=d0,file=${image},format=qcow2,snapshot=on`,
    '-device',
    'nvme,serial=d0,drive=d0',
  ];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(`qemu-system-${arch}`, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let seen = '';
    let at = 0;
    child.stdout.on('data', (b: Buffer) => {
      seen = (seen + b.toString()).slice(-4096);
      if (!at && seen.includes(BOOT_MARKER)) {
        at = performance.now() - start;
        child.kill('SIGTERM');
      }
    });
    child.on('close', () => (at ? resolve(at) : reject(new Error('plain QEMU ended without the marker'))));
  });
}
