/**
 * In-guest checks through a NoCloud seed: a vfat volume labelled `cidata`
 * whose user-data is a shell script that runs each check and prints its
 * output and exit status on the console between tagged lines. Built in a
 * plain file with mkfs.vfat and mcopy: no loop device, no mount, no root.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../exec.ts';

export interface Check {
  command: string;
  /** The exit status the command must return. */
  expectStatus: number;
}

export interface CheckResult extends Check {
  /** null: the check never reported back (the guest stopped first). */
  status: number | null;
  output: string[];
  passed: boolean;
}

const CHECK_LINE = /^\[(\d{1,3})\]\s+(.+)$/;

/** One check per line: `command`, or `[N] command` when it must exit with status N. */
export function parseCheckLine(line: string): Check {
  const m = CHECK_LINE.exec(line.trim());
  if (m) return { command: m[2]!, expectStatus: Number(m[1]) };
  return { command: line.trim(), expectStatus: 0 };
}

/** Tags the script's lines with a per-boot nonce, so nothing else on the console can pass for a check's result. */
export function newNonce(): string {
  return randomBytes(6).toString('hex');
}

export function checkTag(nonce: string): string {
  return `INFRASIM-CHECK ${nonce}`;
}

/** The line the script prints after the last check: the boot is not done before it. */
export function checksDonePattern(nonce: string): RegExp {
  return new RegExp(`${checkTag(nonce)} DONE`);
}

/**
 * The user-data script. Commands travel base64-encoded, so no quoting of a
 * command can break the script; each runs in its own `sh` with its output
 * collected first and printed whole, so kernel messages do not split it.
 */
export function renderCheckScript(checks: Check[], nonce: string): string {
  const tag = checkTag(nonce);
  const lines = [
    '#!/bin/sh',
    '# boot-verify in-guest checks (generated)',
    '[ -c /dev/console ] && [ -w /dev/console ] && exec >/dev/console 2>&1',
    'dir=$(mktemp -d /tmp/infrasim-checks.XXXXXX) || dir=/tmp',
    'run_check() {',
    '  echo "$2" | base64 -d > "$dir/check-$1.sh"',
    `  echo "${tag} $1 BEGIN"`,
    '  sh "$dir/check-$1.sh" > "$dir/check-$1.out" 2>&1 < /dev/null',
    '  status=$?',
    `  sed "s/^/${tag} $1 OUT /" "$dir/check-$1.out"`,
    `  echo "${tag} $1 END $status"`,
    '}',
    ...checks.map((c, i) => `run_check ${i + 1} ${Buffer.from(c.command + '\n').toString('base64')}`),
    `echo "${tag} DONE"`,
    '',
  ];
  return lines.join('\n');
}

/** Reads the checks' results back from the console lines. */
export function parseCheckResults(lines: readonly string[], checks: Check[], nonce: string): CheckResult[] {
  const tag = checkTag(nonce);
  const results = checks.map<CheckResult>((c) => ({ ...c, status: null, output: [], passed: false }));
  const re = new RegExp(`${tag} (\\d+) (OUT|END)(?: (.*))?$`);
  for (const line of lines) {
    const m = re.exec(line);
    if (!m) continue;
    const result = results[Number(m[1]) - 1];
    if (!result) continue;
    if (m[2] === 'OUT') result.output.push(m[3] ?? '');
    else result.status = Number(m[3]);
  }
  for (const r of results) r.passed = r.status === r.expectStatus;
  return results;
}

/** The hostname a check boot's seed gives it. */
export const SEED_HOSTNAME = 'infrasim-verify';

/**
 * Writes a NoCloud seed (vfat, label cidata) holding `userData` to `target`.
 * `hostname: null` names no host: cloud-init then keeps the image's own
 * (build-variant's provisioning boot, whose /etc/hostname ends up in the overlay).
 */
export async function createSeed(
  target: string,
  userData: string,
  instanceId: string,
  hostname: string | null = SEED_HOSTNAME,
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'infrasim-seed-'));
  try {
    const ud = join(work, 'user-data');
    const md = join(work, 'meta-data');
    await writeFile(ud, userData);
    await writeFile(md, `instance-id: ${instanceId}\n${hostname ? `local-hostname: ${hostname}\n` : ''}`);
    await rm(target, { force: true });
    // 2 MiB is plenty for a script; a variant's user-data carries its files, so the volume grows
    // with it (plus room for the FAT and meta-data). --invariant keeps it free of host-specific values.
    const kib = Math.max(2048, Math.ceil((Buffer.byteLength(userData) * 1.05) / 1024) + 1024);
    await run('mkfs.vfat', ['--invariant', '-C', '-n', 'CIDATA', target, String(kib)]);
    await run('mcopy', ['-i', target, ud, md, '::'], { env: { ...process.env, MTOOLS_SKIP_CHECK: '1' } });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
