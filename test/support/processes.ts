/** Finding QEMU processes and waiting for conditions, for the tests that prove no QEMU outlives a step. */
import { readdir, readFile, stat } from 'node:fs/promises';

/** Pids of running qemu-system processes whose command line or environment contains `needle`. */
export async function qemuPidsMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if (!/qemu-system-/.test(argv[0] ?? '')) continue;
    // Each boot also asks its QEMU for `--version` (for the report), beside the boot: that short-lived
    // process carries the step's environment too, but it is no boot and is never recorded as one.
    if (argv.includes('--version')) continue;
    // A kernel boot names only shared files (the image, the kernel): its own directory is its TMPDIR.
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (cmdline.includes(needle) || environ.includes(needle)) {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      if (!/\) Z /.test(stat)) pids.push(Number(entry)); // a zombie is already dead
    }
  }
  return pids;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the first QEMU whose command line mentions `needle` and returns its pid. */
export async function waitForQemu(needle: string): Promise<number> {
  const [pid] = await waitFor(`a QEMU mentioning ${needle} to start`, async () => {
    const pids = await qemuPidsMentioning(needle);
    return pids.length ? pids : undefined;
  });
  return pid!;
}

/** Whether a path (a /proc/<pid> entry, a state directory) still exists. */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
