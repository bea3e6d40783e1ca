/**
 * accel: auto's decision table, against a stand-in QEMU binary on PATH that
 * works, hangs or fails the way a real one does on the machines we meet
 * (GitHub's hosted runners: KVM works; machines like this one: /dev/kvm opens
 * but guests hang).
 */
import { strict as assert } from 'node:assert';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { chooseAccel, type HostFacts } from '../../shared/vm/accel.ts';

let dir: string;
let argvLog: string;
const savedPath = process.env.PATH;

// The stand-in records its arguments, then behaves as FAKE_QEMU_MODE says.
const STAND_IN = `#!/bin/sh
printf '%s\\n' "$@" > "$FAKE_QEMU_ARGV"
case "$FAKE_QEMU_MODE" in
  works)
    case " $* " in
      *" -kernel "*) echo "[    0.51] VFS: Unable to mount root fs on unknown-block(0,0)";;
      *) echo 'BdsDxe: loading Boot0001 "EFI Internal Shell" from Fv(7CB8BDC9)';;
    esac
    exec sleep 30;;
  hangs) exec sleep 30;;
  fails) echo "qemu-system-x86_64: failed to initialize kvm: Permission denied" >&2; exit 1;;
esac
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accel-test-'));
  argvLog = join(dir, 'argv');
  for (const arch of ['x86_64', 'aarch64']) {
    await writeFile(join(dir, `qemu-system-${arch}`), STAND_IN);
    await chmod(join(dir, `qemu-system-${arch}`), 0o755);
  }
  process.env.PATH = `${dir}:${savedPath}`;
  process.env.FAKE_QEMU_ARGV = argvLog;
});

afterAll(async () => {
  process.env.PATH = savedPath;
  await rm(dir, { recursive: true, force: true });
});

let devices = 0;
/** A fresh device node stand-in per case, so no probe result is reused from the cache. */
async function host(over: Partial<HostFacts> = {}): Promise<HostFacts> {
  const kvmDevice = join(dir, `kvm-${devices++}`);
  await writeFile(kvmDevice, '');
  return { arch: 'x86_64', kvmDevice, probeTimeoutMs: 1500, ...over };
}

async function decide(mode: string, kernel: string | undefined, facts: HostFacts) {
  process.env.FAKE_QEMU_MODE = mode;
  await writeFile(argvLog, '');
  const decision = await chooseAccel('auto', facts.arch ?? 'x86_64', kernel, facts);
  return { decision, argv: (await readFile(argvLog, 'utf8')).split('\n').filter(Boolean) };
}

describe('accel: auto', () => {
  it('uses KVM when a firmware boot probe reaches the boot manager (no kernel needed)', async () => {
    const { decision, argv } = await decide('works', undefined, await host());
    assert.equal(decision.accel, 'kvm', decision.reason);
    assert.match(decision.reason, /probe boot \(firmware\) reached the firmware's boot manager/);
    assert.ok(argv.includes('kvm') && argv.some((a) => a.startsWith('if=pflash')), argv.join(' '));
    assert.ok(!argv.includes('-kernel'));
  });

  it('uses KVM when a kernel probe reaches the root-mount panic', async () => {
    const { decision, argv } = await decide('works', '/boot/vmlinuz-probe', await host());
    assert.equal(decision.accel, 'kvm', decision.reason);
    assert.match(decision.reason, /probe boot \(kernel\)/);
    assert.deepEqual(argv.slice(argv.indexOf('-kernel'), argv.indexOf('-kernel') + 2), [
      '-kernel',
      '/boot/vmlinuz-probe',
    ]);
  });

  for (const kernel of [undefined, '/boot/vmlinuz-probe']) {
    const mode = kernel ? 'kernel' : 'firmware';
    it(`falls back to TCG, bounded, when the ${mode} probe hangs under KVM`, async () => {
      const started = Date.now();
      const { decision } = await decide('hangs', kernel, await host());
      assert.equal(decision.accel, 'tcg');
      assert.match(decision.reason, /hung \(did not reach .* within 1500 ms\): using TCG/);
      assert.ok(Date.now() - started < 10_000, 'the probe is bounded');
    });

    it(`falls back to TCG when QEMU fails to start KVM (${mode} probe)`, async () => {
      const { decision } = await decide('fails', kernel, await host());
      assert.equal(decision.accel, 'tcg');
      assert.match(decision.reason, /exit 1: qemu-system-x86_64: failed to initialize kvm/);
    });
  }

  it('uses TCG without probing when there is no KVM device', async () => {
    const facts = { arch: 'x86_64' as const, kvmDevice: join(dir, 'no-such-kvm'), probeTimeoutMs: 1500 };
    const { decision, argv } = await decide('works', undefined, facts);
    assert.equal(decision.accel, 'tcg');
    assert.match(decision.reason, /no-such-kvm cannot be opened read-write \(ENOENT\)/);
    assert.deepEqual(argv, [], 'QEMU was not started');
  });

  it('uses TCG without probing for another architecture', async () => {
    process.env.FAKE_QEMU_MODE = 'works';
    await writeFile(argvLog, '');
    const decision = await chooseAccel('auto', 'aarch64', undefined, await host());
    assert.deepEqual(decision, { accel: 'tcg', reason: 'the host is x86_64, the guest aarch64' });
    assert.equal(await readFile(argvLog, 'utf8'), '');
  });

  it('probes once per architecture and target: a second image reuses the decision', async () => {
    const facts = await host();
    const first = await decide('works', undefined, facts);
    const second = await decide('fails', undefined, facts);
    assert.deepEqual(second.decision, first.decision);
    assert.deepEqual(second.argv, [], 'no second probe boot');
  });

  it('tcg and kvm choices are taken as given', async () => {
    const facts = await host({ kvmDevice: join(dir, 'absent') });
    assert.equal((await chooseAccel('tcg', 'x86_64', undefined, facts)).accel, 'tcg');
    assert.equal((await chooseAccel('kvm', 'x86_64', undefined, facts)).accel, 'kvm');
  });
});
