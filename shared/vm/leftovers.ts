/**
 * What a cancelled job can leave behind, and how the post step removes it.
 * The main step records each QEMU pid in a state directory that also holds
 * every temporary file of its boots; the post step kills any recorded pid
 * that is still a QEMU and removes the directory.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PIDS = 'qemu.pids';

export async function createStateDir(
  action: string,
  parent = process.env.RUNNER_TEMP || tmpdir(),
): Promise<string> {
  return mkdtemp(join(parent, `infrasim-${action}-`));
}

export async function recordPid(stateDir: string, pid: number): Promise<void> {
  await appendFile(join(stateDir, PIDS), `${pid}\n`);
}

export async function recordedPids(stateDir: string): Promise<number[]> {
  const text = await readFile(join(stateDir, PIDS), 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((l) => Number(l))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The pid still runs a QEMU (pids are reused: never kill a process that is not ours). */
export async function isQemu(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const argv0 = cmdline.split('\0')[0] ?? '';
  return /(^|\/)qemu-system-[a-z0-9_]+$/.test(argv0);
}

/** Kills every recorded QEMU still alive and removes the state directory; returns the pids killed. */
export async function cleanLeftovers(stateDir: string): Promise<number[]> {
  const killed: number[] = [];
  for (const pid of await recordedPids(stateDir)) {
    if (!(await isQemu(pid))) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      /* it exited in between */
    }
  }
  await rm(stateDir, { recursive: true, force: true });
  return killed;
}
