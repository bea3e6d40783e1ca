/**
 * The external tools each action needs, from its validated options: each
 * action's main checks them all (shared/tools.ts checkTools) before any work,
 * so a runner missing three packages fails once, naming all three, instead of
 * minutes into a build. docs/tools.md lists the same table for users.
 */
import { checkTools } from './tools.ts';

/** Making a disk: ext4 written and checked, the GPT, the ESP, the qcow2 conversion. */
export const DISK_TOOLS = [
  'mkfs.ext4',
  'mke2fs',
  'debugfs',
  'e2fsck',
  'sfdisk',
  'mkfs.vfat',
  'mmd',
  'mcopy',
  'qemu-img',
];

/** Reading an image's filesystems (secret scan, installed-package SBOMs). */
export const IMAGE_READ_TOOLS = ['qemu-img', 'sfdisk', 'dumpe2fs', 'debugfs', 'e2fsck', 'mdir', 'mcopy'];

/** A NoCloud seed disk (cloud-init user-data for provisioning and boot checks). */
export const SEED_TOOLS = ['mkfs.vfat', 'mcopy'];

export function qemuSystem(arch: string): string {
  return `qemu-system-${arch}`;
}

export interface BuildBaseNeeds {
  distro: string;
  rootfs?: string;
  packages: readonly string[];
}

export interface VmNeeds {
  arch: string;
}

/** Action name → the tools it runs for these options. */
export const ACTION_TOOLS = {
  'build-base': (o: BuildBaseNeeds): string[] => [
    ...DISK_TOOLS,
    ...(o.distro === 'debian' || o.distro === 'ubuntu' ? ['mmdebstrap'] : []),
    // apk runs in a script: tar unpacks the minirootfs and packs the result, unshare maps root for a non-root runner.
    ...(o.distro === 'alpine' && o.packages.length
      ? ['tar', ...(process.getuid?.() === 0 ? [] : ['unshare'])]
      : []),
    ...(o.rootfs && /\.(xz|txz)$/.test(o.rootfs) ? ['xz'] : []),
  ],
  'build-variant': (o: VmNeeds): string[] => ['qemu-img', qemuSystem(o.arch), ...SEED_TOOLS],
  'boot-verify': (o: VmNeeds & { checks: readonly unknown[] }): string[] => [
    'qemu-img',
    qemuSystem(o.arch),
    ...(o.checks.length ? SEED_TOOLS : []),
  ],
  // Signing reads every image of the trees (secret gate, SBOMs); verifying only hashes files.
  attest: (o: { command: string }): string[] => (o.command === 'attest' ? IMAGE_READ_TOOLS : []),
  // cargo (only for a workspace directory) comes from a Rust toolchain more often than from Debian:
  // shared/deps/load.ts checks it before anything is written, with the message that says so.
  'analyze-deps': (): string[] => [],
  'tag-snapshot': (o: { gitTag?: string }): string[] => (o.gitTag === 'git' ? ['git'] : []),
  'prune-packages': (): string[] => [],
} as const;

export type ActionName = keyof typeof ACTION_TOOLS;

/** Checks every tool `action` needs for `options`; throws one error listing all the missing ones. */
export async function checkActionTools<A extends ActionName>(
  action: A,
  options: Parameters<(typeof ACTION_TOOLS)[A]>[0],
): Promise<void> {
  const needs = (ACTION_TOOLS[action] as (o: typeof options) => string[])(options);
  await checkTools(action, needs);
}
