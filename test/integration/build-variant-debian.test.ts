/**
 * build-variant on the README's Debian base (the run's shared Debian image,
 * test/support/debian-base.ts): a custom variant that installs one real
 * package from Debian's mirror in a firmware provisioning boot (apt writes
 * its logs, cloud-init its instance state, systemd a machine id and a random
 * seed, cloud-init host keys). The overlay must carry none of that (issue 15),
 * read out of the overlay itself and by the private-key scan; a second boot
 * of the overlay runs sshd with host keys it made itself.
 * Slow under TCG (a systemd + cloud-init provisioning boot and a checking
 * boot): its own file.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, it } from '@jest/globals';
import { imageInfo } from '../../shared/image/qcow2.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { withKnownPublicKeys } from '../../shared/secrets/known-public.ts';
import { EMPTY_ALLOW_LIST } from '../../shared/secrets/allow-list.ts';
import { scanImageForSecrets } from '../../shared/secrets/scan-image.ts';
import { readVariantProvenance } from '../../shared/variant/provenance.ts';
import { parseCheckLine } from '../../shared/vm/nocloud.ts';
import { DEFAULT_EXPECT, DEFAULT_FAIL_ON } from '../../shared/vm/verify-inputs.ts';
import { verifyImages } from '../../shared/vm/verify.ts';
import { readmeDebianBase } from '../support/debian-base.ts';
import { openImageRoot } from '../support/image-files.ts';
import { runActionMain } from '../support/run-action.ts';
import { repoRoot } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools(
  'mmdebstrap',
  'qemu-system-x86_64',
  'qemu-img',
  'debugfs',
  'e2fsck',
  'sfdisk',
  'mkfs.vfat',
  'mcopy',
);

/** In the checking boot: sshd runs, serves the key the instance holds, and that key is younger than the overlay. */
const SSHD_OWN_KEYS = [
  "timeout 600 sh -c 'until systemctl is-active -q ssh.service; do sleep 2; done'",
  `test "$(ssh-keyscan -t ed25519 127.0.0.1 2>/dev/null | awk '{print $3}')" = "$(awk '{print $2}' /etc/ssh/ssh_host_ed25519_key.pub)"`,
  'test /etc/ssh/ssh_host_ed25519_key -nt /etc/infrasim/variant',
  'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub',
  'grep -Eqx "[0-9a-f]{32}" /etc/machine-id',
];

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

it('provisions a Debian variant that keeps no instance state, and whose instance makes its own host keys', async () => {
  const base = await readmeDebianBase();
  work = await mkdtemp(join(tmpdir(), 'build-variant-debian-'));
  const out = join(work, 'output');
  await mkdir(join(out, 'meta'), { recursive: true });
  await copyFile(base.image, join(out, 'base.qcow2'));
  await copyFile(base.provenance, join(out, 'meta', 'build-provenance.json'));
  const baseProvenance = await readBuildProvenance(join(out, 'meta', 'build-provenance.json'));

  const t0 = performance.now();
  const r = await runActionMain(
    'build-variant',
    {
      variants: join(repoRoot, 'test/fixtures/variants/debian-hello.yaml'),
      base: 'output/base.qcow2',
      accel: 'tcg',
      timeout: '1500',
      flatten: 'true',
    },
    { bundle: true, cwd: work },
  );
  // On failure the provisioning console says which command failed: quote its end, the file goes with `work`.
  const consoleTail =
    r.code === 0
      ? ''
      : await readFile(join(out, 'meta', 'variant-debian-hello-provision.console.log'), 'utf8')
          .then((t) => t.split('\n').slice(-60).join('\n'))
          .catch((e: Error) => `(no console log: ${e.message})`);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}\n--- console (last 60 lines) ---\n${consoleTail}`);
  console.log(`provisioning: ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const p = await readVariantProvenance(resolve(work, r.outputs.provenance!));
  assert.equal(p.definition.target, 'debian');
  assert.equal(p.installed_packages.manager, 'dpkg');
  assert.match(p.installed_packages.packages.find((x) => x.name === 'hello')?.version ?? '', /^\d/);
  assert.ok(p.installed_packages.count >= baseProvenance.installed_packages.count);
  const overlay = resolve(work, r.outputs.overlay!);
  assert.equal((await imageInfo(overlay)).backingFile, '../../base.qcow2');
  assert.equal((await imageInfo(resolve(work, r.outputs.image!))).backingFile, undefined);

  // Read out of the overlay (on its base): nothing of the provisioning boot that is per instance.
  const root = await openImageRoot(overlay, work);
  try {
    assert.ok(await root.exists('/usr/bin/hello'), 'the variant is in the overlay');
    // The base's name, not one cloud-init gave the provisioning boot: the instance must not inherit that.
    assert.equal(await root.cat('/etc/hostname'), 'localhost\n');
    assert.deepEqual(
      ((await root.ls('/etc/ssh')) ?? []).filter((n) => n.startsWith('ssh_host_')),
      [],
    );
    assert.equal(await root.cat('/etc/machine-id'), '');
    for (const gone of [
      '/var/lib/systemd/random-seed',
      '/var/lib/dbus/machine-id',
      '/var/lib/cloud/instance',
      '/var/lib/cloud/instances',
      '/var/lib/cloud/data',
      '/var/log/apt/history.log',
      '/var/log/dpkg.log',
      '/var/log/cloud-init.log',
    ])
      assert.equal(await root.exists(gone), false, `${gone} is not in the overlay`);
    assert.deepEqual((await root.ls('/var/log/journal')) ?? [], []);
    assert.equal((await root.cat('/var/log/wtmp')) ?? '', '');
  } finally {
    await root.close();
  }
  // The secret scan passes: the base carries no host key or other secret (the public keys Debian's
  // packages ship are allowed, and listed as such), and the overlay adds none.
  const allowList = withKnownPublicKeys(EMPTY_ALLOW_LIST);
  const baseScan = await scanImageForSecrets(join(out, 'base.qcow2'), work, { allowList });
  assert.deepEqual(baseScan.findings, []);
  const overlayScan = await scanImageForSecrets(overlay, work, { base: baseScan.manifest, allowList });
  assert.deepEqual(overlayScan.findings, []);
  assert.ok(
    overlayScan.files > 0 && overlayScan.unchanged > 1000,
    'the overlay is scanned for what it changed',
  );
  assert.deepEqual(
    overlayScan.allowed.filter((f) => f.kind === 'ssh-host-key'),
    [],
  );

  const t1 = performance.now();
  const run = await verifyImages({
    images: [overlay],
    arch: 'x86_64',
    boot: 'uefi',
    expect: new RegExp(DEFAULT_EXPECT),
    failOn: DEFAULT_FAIL_ON.map((x) => new RegExp(x)),
    timeoutMs: 1_200_000,
    memoryMiB: 1024,
    cpus: 1,
    accel: 'tcg',
    checks: [...p.checks, ...SSHD_OWN_KEYS].map(parseCheckLine),
    baseSha256: p.base_image.sha256,
    parallel: 1,
    outputDir: join(work, 'verify'),
    network: false,
  });
  const report = run.results[0]!.report;
  assert.equal(run.status, 'success', `${report.reason}\n${report.consoleTail.join('\n')}`);
  for (const c of report.checks)
    assert.ok(c.passed, `${c.command}: status ${c.status}\n${c.output.join('\n')}`);
  const fingerprint = report.checks.find((c) => c.command.startsWith('ssh-keygen -lf'))!.output.join(' ');
  console.log(
    `checking boot: ${((performance.now() - t1) / 1000).toFixed(0)} s; the instance's own host key: ${fingerprint}`,
  );
}, 2_400_000);
