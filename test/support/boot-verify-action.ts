/**
 * Runs actions/boot-verify/main.ts (and post.ts) from source as the runner
 * would, with a temporary working directory, and finds QEMU processes by
 * what their command line mentions, so tests can prove none is left.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../shared/exec.ts';
import { runActionMain, startAction, type ActionRun, type StartedAction } from './run-action.ts';

export type BootVerifyRun = ActionRun;

/**
 * Starts the action from source in a new working directory that is also its
 * RUNNER_TEMP, so every QEMU it starts mentions that directory on its command
 * line; `done` resolves when it exited.
 */
export async function startBootVerify(inputs: Record<string, string>): Promise<StartedAction> {
  const cwd = await mkdtemp(join(tmpdir(), 'boot-verify-test-'));
  return startAction('boot-verify', inputs, { cwd, env: { RUNNER_TEMP: cwd } });
}

export async function runBootVerify(inputs: Record<string, string>): Promise<BootVerifyRun> {
  return (await startBootVerify(inputs)).done;
}

/** Runs the post step in the same working directory with the state the main step saved. */
export function runPost(cwd: string, state: Record<string, string>): Promise<BootVerifyRun> {
  return runActionMain('boot-verify', {}, { entry: 'post', cwd, state });
}

/**
 * A qcow2 overlay whose header names `backing` (any string: an absolute
 * host path, a symlink, a json: pseudo-path) with its format pinned to
 * `format`. `-u` writes the header without opening the backing file, the way
 * an image made elsewhere arrives.
 */
export async function overlayNaming(
  path: string,
  backing: string,
  format: 'qcow2' | 'raw' = 'raw',
  size = '64M',
): Promise<string> {
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-u', '-b', backing, '-F', format, path, size]);
  return path;
}

/**
 * Removes the backing-format header extension of a qcow2 overlay (qemu-img
 * no longer writes overlays without one, but older tools did): QEMU would
 * then guess the backing file's format from its content.
 */
export async function stripBackingFormat(path: string): Promise<void> {
  const bytes = await readFile(path);
  const headerLength = bytes.readUInt32BE(4) === 3 ? bytes.readUInt32BE(100) : 72;
  let offset = headerLength;
  for (;;) {
    const type = bytes.readUInt32BE(offset);
    const length = bytes.readUInt32BE(offset + 4);
    if (type === 0) throw new Error(`${path} has no backing format extension`);
    if (type === 0xe2792aca) {
      // Turned into an unknown extension type, which QEMU skips: the format is gone.
      bytes.writeUInt32BE(0x1234abcd, offset);
      await writeFile(path, bytes);
      return;
    }
    offset += 8 + Math.ceil(length / 8) * 8;
  }
}

/** The first bytes of a kernel image of each kind identifyKernel knows, or of none. */
export function kernelHead(kind: 'bzImage' | 'arm64' | 'zboot-arm64' | 'zboot-riscv'): Buffer {
  const head = Buffer.alloc(4096);
  head.write('MZ', 0, 'latin1');
  if (kind === 'bzImage') head.write('HdrS', 0x202, 'latin1');
  if (kind === 'arm64') head.writeUInt32LE(0x644d5241, 0x38);
  if (kind.startsWith('zboot')) {
    head.write('zimg', 4, 'latin1');
    head.writeUInt32LE(0x40, 0x3c);
    head.write('PE\0\0', 0x40, 'latin1');
    head.writeUInt16LE(kind === 'zboot-arm64' ? 0xaa64 : 0x5064, 0x44);
  }
  return head;
}
