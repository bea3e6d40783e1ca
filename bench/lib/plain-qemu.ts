/**
 * The floor of a boot: what a person would type to boot an image and wait
 * for the test image's marker — plain qemu-system-* with the steps' machine
 * (no default devices: the serial console on stdout, no NIC, no display),
 * snapshot=on, stdout read until the marker, then killed (or, with a NoCloud
 * seed, until the guest powers off). Benchmarks set the suite's boots beside it.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { serialConsole } from '../../shared/vm/qemu-command.ts';
import type { Arch } from '../../shared/vm/types.ts';
import { BOOT_MARKER } from '../../test/support/test-image.ts';

export interface PlainQemuOptions {
  /** A NoCloud seed attached as a second disk: its user-data runs, and the boot lasts until the guest powers off. */
  seed?: string;
  /** With a seed: what the console must have shown for the boot to count (the user-data's success line). */
  done?: RegExp;
}

/**
 * What a person would type: the steps' devices, snapshot=on, read stdout until the marker, then kill — or,
 * with a seed, until the guest has run its user-data and powered off (QEMU then exits by itself).
 */
export function plainQemu(
  arch: Arch,
  image: string,
  kernel: string,
  o: PlainQemuOptions = {},
): Promise<number> {
  const machine =
    arch === 'x86_64' ? ['-machine', 'q35'] : ['-machine', 'virt', '-cpu', 'max,pauth-impdef=on'];
  const args = [
    ...machine,
    '-accel',
    'tcg',
    '-m',
    '1024',
    // The same devices as the steps' boots (shared/vm/qemu-command.ts): -nographic would add a NIC
    // (the guest then brings its network up: a slower boot than the steps', not the same one).
    '-nodefaults',
    '-display',
    'none',
    '-monitor',
    'none',
    '-serial',
    'stdio',
    '-no-reboot',
    '-kernel',
    kernel,
    '-append',
    `console=${serialConsole(arch)} root=/dev/nvme0n1p2 rw panic=-1`,
    '-drive',
    `if=none,id=d0,file=${image},format=qcow2,snapshot=on`,
    '-device',
    'nvme,serial=d0,drive=d0',
    ...(o.seed
      ? [
          '-drive',
          `if=none,id=d1,file=${o.seed},format=raw,readonly=on`,
          '-device',
          'nvme,serial=d1,drive=d1',
        ]
      : []),
  ];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(`qemu-system-${arch}`, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let seen = '';
    let at = 0;
    // The last 4 KiB are kept: a line of interest may arrive split across chunks.
    let done = false;
    child.stdout.on('data', (b: Buffer) => {
      seen = (seen + b.toString()).slice(-4096);
      done ||= o.done?.test(seen) ?? true;
      if (!o.seed && !at && seen.includes(BOOT_MARKER)) {
        at = performance.now() - start;
        child.kill('SIGTERM');
      }
    });
    child.on('close', () => {
      if (o.seed) at = done && seen.includes('reboot: Power down') ? performance.now() - start : 0;
      if (at) resolve(at);
      else
        reject(
          new Error(
            `plain QEMU ended without ${o.seed ? 'its user-data succeeding and powering off' : 'the marker'}`,
          ),
        );
    });
  });
}
