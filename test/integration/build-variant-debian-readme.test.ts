/**
 * The flow the README documents, end to end on real Debian (issue 17): the
 * README's Debian base (bookworm, openssh-server, cloud-init — no DHCP client,
 * no resolver of its own), every built-in variant built on
 * it by the bundled build-variant with firmware provisioning boots, then the
 * bundled boot-verify running the checks each variant's provenance lists.
 *
 * No overlay may keep the provisioning boot's instance state (issue 15: apt
 * and cloud-init logs, cloud-init's instance, a machine id, a random seed,
 * SSH host keys): read out of the overlay itself and by the secret scan, and
 * in each checking boot sshd serves host keys the instance made itself.
 *
 * wireguard installs from Debian's mirror through QEMU's
 * user-mode network. Tailscale's repository is not reachable from CI, so
 * tailscale and dual-vpn install from a local repository laid out like it
 * (test/support/tailscale-repo.ts: a real .deb, key and signed Release).
 * Slow under TCG (several provisioning and checking boots of systemd +
 * cloud-init): its own file.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { imageInfo } from '../../shared/image/qcow2.ts';
import { EMPTY_ALLOW_LIST } from '../../shared/secrets/allow-list.ts';
import { withKnownPublicKeys } from '../../shared/secrets/known-public.ts';
import { scanImageForSecrets } from '../../shared/secrets/scan-image.ts';
import { readVariantProvenance, type VariantProvenance } from '../../shared/variant/provenance.ts';
import { readmeDebianBase } from '../support/debian-base.ts';
import { openImageRoot } from '../support/image-files.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { FAKE_TAILSCALE_VERSION, startTailscaleRepo, type TailscaleRepo } from '../support/tailscale-repo.ts';
import { needTools } from '../support/tools.ts';

const VARIANTS = ['no-vpn', 'wireguard', 'tailscale', 'dual-vpn'];

const explain = (r: ActionRun) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

/** What the provisioning run must not leave behind in any overlay (issue 17). */
const NOTHING_OF_THE_PROVISIONING_NETWORK = [
  'test ! -e /etc/.resolv.conf.infrasim-base',
  'test ! -e /etc/.resolv.conf.infrasim-replaced',
];

/** In the checking boot: sshd runs, serves the key the instance holds, and that key is younger than the overlay. */
const SSHD_OWN_KEYS = [
  "timeout 600 sh -c 'until systemctl is-active -q ssh.service; do sleep 2; done'",
  `test "$(ssh-keyscan -t ed25519 127.0.0.1 2>/dev/null | awk '{print $3}')" = "$(awk '{print $2}' /etc/ssh/ssh_host_ed25519_key.pub)"`,
  'test /etc/ssh/ssh_host_ed25519_key -nt /etc/infrasim/variant',
  'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub',
  'grep -Eqx "[0-9a-f]{32}" /etc/machine-id',
];

let work: string;
let out: string;
let repo: TailscaleRepo;
let build: ActionRun;
const provenance = new Map<string, VariantProvenance>();

beforeAll(async () => {
  await needTools(
    'mmdebstrap',
    'qemu-system-x86_64',
    'qemu-img',
    'dpkg-deb',
    'gpg',
    'mkfs.vfat',
    'mcopy',
    'debugfs',
    'e2fsck',
    'sfdisk',
  );
  const base = await readmeDebianBase();
  work = await mkdtemp(join(tmpdir(), 'variant-debian-readme-'));
  out = join(work, 'output');
  await mkdir(join(out, 'meta'), { recursive: true });
  await copyFile(base.image, join(out, 'base.qcow2'));
  await copyFile(base.provenance, join(out, 'meta', 'build-provenance.json'));
  repo = await startTailscaleRepo('bookworm', 'amd64');

  // As the README's workflow runs it: the output tree of build-base, defaults for everything else.
  build = await runActionMain(
    'build-variant',
    {
      variants: VARIANTS.join('\n'),
      base: 'output/base.qcow2',
      accel: 'tcg',
      timeout: '1500',
      parallel: '2',
      'tailscale-repository': repo.guestUrl,
    },
    { bundle: true, cwd: work },
  );
  assert.equal(build.code, 0, explain(build));
  for (const r of JSON.parse(build.outputs.results!) as { variant: string; provenance: string }[])
    provenance.set(r.variant, await readVariantProvenance(r.provenance));
});
afterAll(async () => {
  await repo?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("build-variant on the README's Debian base", () => {
  it('provisions every built-in variant, installing from the mirrors', () => {
    assert.deepEqual([...provenance.keys()], VARIANTS);
    for (const [v, p] of provenance) {
      assert.equal(p.definition.target, 'debian', v);
      assert.equal(p.installed_packages.manager, 'dpkg', v);
    }
    const installed = (v: string, name: string) =>
      provenance.get(v)!.installed_packages.packages.find((x) => x.name === name)?.version;
    assert.match(installed('wireguard', 'wireguard-tools') ?? '', /^\d/, 'wireguard-tools from Debian');
    assert.equal(installed('tailscale', 'tailscale'), FAKE_TAILSCALE_VERSION);
    assert.equal(installed('dual-vpn', 'tailscale'), FAKE_TAILSCALE_VERSION);
    assert.match(installed('dual-vpn', 'nftables') ?? '', /^\d/);
    // The local repository was used the way apt uses Tailscale's: key, signed index, package.
    assert.ok(repo.requests.includes('/stable/debian/bookworm.noarmor.gpg'));
    assert.ok(repo.requests.includes('/stable/debian/dists/bookworm/InRelease'));
    assert.ok(repo.requests.some((r) => r.endsWith(`tailscale_${FAKE_TAILSCALE_VERSION}_amd64.deb`)));
  });

  it('writes overlays on the base with a relative backing file', async () => {
    for (const v of VARIANTS) {
      const info = await imageInfo(join(out, 'variants', v, `overlay-${v}.qcow2`));
      assert.equal(info.backingFile, '../../base.qcow2', v);
    }
  });

  it('keeps none of the provisioning boot that is per instance in the overlay, and adds no secret', async () => {
    // wireguard: apt installed from Debian's mirror in its provisioning boot, under cloud-init and systemd.
    const root = await openImageRoot(join(out, 'variants/wireguard/overlay-wireguard.qcow2'), work);
    try {
      assert.ok(await root.exists('/usr/bin/wg'), 'the variant is in the overlay');
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
    // packages ship are allowed, and listed as such), and the overlay adds none. (One overlay: each scan
    // reads the whole flattened Debian tree, ~45 s under CI's load; every variant's checking boot below
    // shows sshd serving keys its own instance made.)
    const allowList = withKnownPublicKeys(EMPTY_ALLOW_LIST);
    const baseScan = await scanImageForSecrets(join(out, 'base.qcow2'), work, { allowList });
    assert.deepEqual(baseScan.findings, []);
    const scan = await scanImageForSecrets(join(out, 'variants/wireguard/overlay-wireguard.qcow2'), work, {
      base: baseScan.manifest,
      allowList,
    });
    assert.deepEqual(scan.findings, []);
    assert.ok(scan.files > 0 && scan.unchanged > 1000, 'the overlay is scanned for what it changed');
    assert.deepEqual(
      scan.allowed.filter((f) => f.kind === 'ssh-host-key'),
      [],
    );
  });

  it("passes boot-verify with each variant's own checks, firmware boot, nothing of the provisioning network left, the instance's own host keys", async () => {
    const verify = (v: string) =>
      runActionMain(
        'boot-verify',
        {
          images: `output/variants/${v}/overlay-${v}.qcow2`,
          accel: 'tcg',
          timeout: '900',
          checks: [
            ...provenance.get(v)!.checks,
            ...NOTHING_OF_THE_PROVISIONING_NETWORK,
            ...SSHD_OWN_KEYS,
          ].join('\n'),
        },
        { bundle: true, cwd: work },
      );
    const names = [...provenance.keys()];
    // Two boots at a time: the machine has two cores.
    for (let i = 0; i < names.length; i += 2) {
      const runs = await Promise.all(names.slice(i, i + 2).map(verify));
      runs.forEach((r, j) => {
        assert.equal(r.code, 0, `${names[i + j]}: ${explain(r)}`);
        assert.equal(r.outputs.status, 'success', names[i + j]);
      });
    }
  });
});
