/**
 * A Debian base (mmdebstrap, with cloud-init and a DHCP client) and a custom
 * variant that installs one real package from Debian's mirror: apt runs in
 * the provisioning boot and downloads through QEMU's user-mode network.
 * Slow under TCG (the base build, a systemd + cloud-init provisioning boot
 * and a checking boot): several minutes, its own file.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { imageInfo } from '../../shared/image/qcow2.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { addedKeyMaterial, scanImageForKeys } from '../../shared/variant/key-scan.ts';
import { provisioningAppend } from '../../shared/variant/options.ts';
import { readVariantProvenance } from '../../shared/variant/provenance.ts';
import { parseCheckLine } from '../../shared/vm/nocloud.ts';
import { DEFAULT_EXPECT, DEFAULT_FAIL_ON } from '../../shared/vm/verify-inputs.ts';
import { verifyImages } from '../../shared/vm/verify.ts';
import { runActionMain } from '../support/run-action.ts';
import { cacheRoot, repoRoot, TEST_IMAGE_EPOCH } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('mmdebstrap', 'qemu-system-x86_64', 'qemu-img', 'debugfs', 'e2fsck', 'mkfs.vfat', 'mcopy');

const BASE_DIR = join(cacheRoot, 'base-images', 'debian-cloud-init-x86_64-kernel');

/** The Debian base with cloud-init, built once through build-base and cached. */
async function debianBase(): Promise<string> {
  const image = join(BASE_DIR, 'base.qcow2');
  if (await stat(join(BASE_DIR, 'meta', 'build-provenance.json')).catch(() => null)) return image;
  const r = await runActionMain('build-base', {
    distro: 'debian',
    version: 'bookworm',
    arch: 'x86_64',
    // cloud-init runs the provisioning script; ifupdown + isc-dhcp-client bring up the NIC with DHCP and DNS.
    packages: 'cloud-init\nifupdown\nisc-dhcp-client',
    size: '2G',
    boot: 'kernel',
    'source-date-epoch': String(TEST_IMAGE_EPOCH),
    output: image,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return image;
}

let work: string | undefined;
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

it(
  'installs a real Debian package from the mirror in the provisioning boot and confirms it in a second boot',
  { timeout: 1_800_000 },
  async () => {
    const cachedBase = await debianBase();
    work = await mkdtemp(join(tmpdir(), 'build-variant-debian-'));
    const out = join(work, 'output');
    await mkdir(join(out, 'meta'), { recursive: true });
    for (const f of ['base.qcow2', 'base.vmlinuz', 'base.initrd'])
      await copyFile(join(BASE_DIR, f), join(out, f));
    await copyFile(
      join(BASE_DIR, 'meta', 'build-provenance.json'),
      join(out, 'meta', 'build-provenance.json'),
    );
    const baseProvenance = await readBuildProvenance(join(out, 'meta', 'build-provenance.json'));
    assert.ok(cachedBase);

    const r = await runActionMain('build-variant', {
      variants: join(repoRoot, 'test/fixtures/variants/debian-hello.yaml'),
      base: join(out, 'base.qcow2'),
      accel: 'tcg',
      network: 'true',
      timeout: '1200',
      flatten: 'true',
    });
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);

    const p = await readVariantProvenance(r.outputs.provenance!);
    assert.equal(p.definition.target, 'debian');
    assert.equal(p.build_type, 'debian-variant');
    assert.equal(p.installed_packages.manager, 'dpkg');
    const hello = p.installed_packages.packages.find((x) => x.name === 'hello');
    assert.ok(hello, 'hello was read back from the guest');
    assert.match(hello.version, /^\d/);
    // Everything the base had is there too, read back from the guest with versions.
    assert.ok(p.installed_packages.count >= baseProvenance.installed_packages.count);
    const info = await imageInfo(r.outputs.overlay!);
    assert.equal(info.backingFile, '../../base.qcow2');
    assert.ok(r.outputs.image, 'the flattened image');
    assert.equal((await imageInfo(r.outputs.image)).backingFile, undefined);
    // The variant adds no key material (the base's own, e.g. a test key inside libgnutls, is not the variant's).
    const added = addedKeyMaterial(
      await scanImageForKeys(r.outputs.overlay!, work),
      await scanImageForKeys(join(out, 'base.qcow2'), work),
    );
    assert.deepEqual(added, []);

    const run = await verifyImages({
      images: [r.outputs.overlay!],
      arch: 'x86_64',
      boot: 'kernel',
      kernel: join(out, 'base.vmlinuz'),
      initrd: join(out, 'base.initrd'),
      append: provisioningAppend(baseProvenance.boot.cmdline),
      expect: new RegExp(DEFAULT_EXPECT),
      failOn: DEFAULT_FAIL_ON.map((x) => new RegExp(x)),
      timeoutMs: 900_000,
      memoryMiB: 1024,
      cpus: 1,
      accel: 'tcg',
      checks: p.checks.map(parseCheckLine),
      baseSha256: p.base_image.sha256,
      parallel: 1,
      outputDir: join(work, 'verify'),
      network: false,
    });
    const report = run.results[0]!.report;
    assert.equal(run.status, 'success', `${report.reason}\n${report.consoleTail.join('\n')}`);
    assert.ok(report.checks.every((c) => c.passed));
  },
);
