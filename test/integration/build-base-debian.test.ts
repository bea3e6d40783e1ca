/**
 * build-base on real Debian: the README's example (bookworm with
 * openssh-server, whose install script makes SSH host keys, and cloud-init),
 * the base every Debian test of the run shares (test/support/debian-base.ts).
 * A golden image carries no secret and no instance identity (issue 15):
 * read out of the qcow2 itself, the image has no host key, an empty
 * machine-id, no random seed; a second build of the same inputs is
 * byte-identical; two instances booted from it (firmware boots under TCG,
 * one with cloud-init making the host keys, one where cloud-init makes none
 * and the image's own first-boot unit must) run sshd with keys of their own.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256File } from '../../shared/hash.ts';
import { readBuildProvenance, type BuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { FIRST_BOOT_KEYS, systemdUnit } from '../../shared/sysprep.ts';
import { scanImageForSecrets } from '../../shared/secrets/scan-image.ts';
import { boot } from '../../shared/vm/index.ts';
import { createSeed, newNonce } from '../../shared/vm/nocloud.ts';
import { DEFAULT_FAIL_ON } from '../../shared/vm/verify-inputs.ts';
import { readmeDebianBase, README_DEBIAN_INPUTS, type DebianBase } from '../support/debian-base.ts';
import { openImageRoot } from '../support/image-files.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { TEST_IMAGE_EPOCH } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

const SSH = FIRST_BOOT_KEYS.find((k) => k.rule === 'ssh-hostkeys')!;
const UNIT = '/etc/systemd/system/infrasim-ssh-hostkeys.service';

let work: string;
let base: DebianBase;
let provenance: BuildProvenance;
let second: ActionRun;
let secondSeconds: number;

beforeAll(async () => {
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
  work = await mkdtemp(join(tmpdir(), 'bb-debian-'));
  // The shared base and a second build of the same inputs, side by side: same mirror state, same time.
  const t0 = performance.now();
  const secondBuild = runActionMain(
    'build-base',
    {
      ...README_DEBIAN_INPUTS,
      arch: 'x86_64',
      'source-date-epoch': String(TEST_IMAGE_EPOCH),
      output: 'output/base.qcow2',
    },
    { bundle: true, cwd: work },
  ).then((r) => {
    secondSeconds = (performance.now() - t0) / 1000;
    return r;
  });
  [base, second] = await Promise.all([readmeDebianBase(), secondBuild]);
  provenance = await readBuildProvenance(base.provenance);
}, 1_800_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("build-base on the README's Debian example", () => {
  it('builds with mmdebstrap and records what it really installed', async () => {
    assert.equal(provenance.output.sha256, await sha256File(base.image));
    assert.equal(provenance.installed_packages.manager, 'dpkg');
    const installed = new Map(provenance.installed_packages.packages.map((p) => [p.name, p.version]));
    // Read back from the image's dpkg database: the requested packages and the boot essentials, with versions.
    for (const name of ['openssh-server', 'cloud-init', 'systemd-sysv', 'linux-image-cloud-amd64'])
      assert.match(installed.get(name) ?? '', /^\d/, `${name} is installed`);
    assert.match(provenance.boot.kernel.rootfs_path ?? '', /^boot\/vmlinuz-\d/);
    assert.equal(
      provenance.inputs[0]?.verification,
      "apt verified every package against the suite's signed Release file",
    );
  });

  it('carries no host key, machine id, random seed or build log: read out of the image', async () => {
    const root = await openImageRoot(base.image, work);
    try {
      const ssh = (await root.ls('/etc/ssh')) ?? [];
      assert.ok(ssh.includes('sshd_config'), 'openssh-server is in the image');
      assert.deepEqual(
        ssh.filter((n) => n.startsWith('ssh_host_')),
        [],
      );
      // Empty, as machine-id(5) advises for images: systemd makes one per instance.
      assert.equal(await root.cat('/etc/machine-id'), '');
      for (const gone of [
        '/var/lib/dbus/machine-id',
        '/var/lib/systemd/random-seed',
        '/var/lib/systemd/credential.secret',
        '/var/lib/cloud/instances',
        '/var/log/dpkg.log',
        '/var/log/apt/history.log',
        '/var/cache/ldconfig/aux-cache',
      ])
        assert.equal(await root.exists(gone), false, `${gone} is not in the image`);
      // What makes the keys on the instance when cloud-init does not: in the image, enabled.
      assert.equal(await root.cat(UNIT), systemdUnit(SSH));
      assert.equal(
        await root.readlink('/etc/systemd/system/sysinit.target.wants/infrasim-ssh-hostkeys.service'),
        UNIT,
      );
    } finally {
      await root.close();
    }
    // The secret scan build-variant and attest run finds no SSH host key (or any secret) under /etc.
    const { findings } = await scanImageForSecrets(base.image, work);
    assert.deepEqual(
      findings.filter((f) => f.kind === 'ssh-host-key' || f.path.startsWith('/etc/')),
      [],
    );
  });

  it('lists every reset path in its provenance, with the rule and the reason', () => {
    const reset = provenance.sysprep?.reset ?? [];
    const byPath = new Map(reset.map((r) => [r.path, r]));
    for (const type of ['rsa', 'ecdsa', 'ed25519']) {
      const r = byPath.get(`/etc/ssh/ssh_host_${type}_key`);
      assert.equal(r?.rule, 'ssh-hostkeys', `${type} key reset`);
      assert.equal(r?.action, 'remove');
      assert.match(r?.reason ?? '', /private keys/);
    }
    assert.deepEqual(
      provenance.sysprep?.first_boot.map((f) => f.path),
      [UNIT, '/etc/systemd/system/sysinit.target.wants/infrasim-ssh-hostkeys.service'],
    );
  });

  it('builds byte-identical images from the same inputs (a daemon that makes keys at install included)', async () => {
    assert.equal(second.code, 0, `${second.stdout}\n${second.stderr}`);
    const again = await readBuildProvenance(join(work, 'output/meta/build-provenance.json'));
    // Same packages first: otherwise the mirror changed between the builds and bytes cannot match.
    assert.deepEqual(again.installed_packages, provenance.installed_packages);
    assert.equal(again.output.sha256, provenance.output.sha256);
    assert.equal(await sha256File(join(work, 'output/base.qcow2')), await sha256File(base.image));
    console.log(`second build: ${secondSeconds.toFixed(0)} s, sha256 ${again.output.sha256} (both builds)`);
  });

  it('boots two instances that make host keys of their own, with cloud-init and with the unit', async () => {
    // Each instance prints what it runs with; A's cloud-init makes no host key, so the image's unit must.
    const instance = async (name: string, cloudConfig: string[]) => {
      const tag = `INFRASIM-SYSPREP ${newNonce()}`;
      const seed = join(work, `${name}-seed.img`);
      const userData = [
        '#cloud-config',
        ...cloudConfig,
        'runcmd:',
        '  - |',
        ...[
          `say() { echo "${tag} $*" > /dev/console; }`,
          'i=0; until systemctl is-active -q ssh.service || [ $i -ge 300 ]; do sleep 1; i=$((i + 1)); done',
          'say "ssh $(systemctl is-active ssh.service)"',
          'say "fingerprint $(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk \'{print $2}\')"',
          'say "served $(ssh-keyscan -t ed25519 127.0.0.1 2>/dev/null | awk \'{print $3}\')"',
          'say "pubkey $(awk \'{print $2}\' /etc/ssh/ssh_host_ed25519_key.pub)"',
          'say "unit $(systemctl show -P ConditionResult infrasim-ssh-hostkeys.service) $(systemctl show -P Result infrasim-ssh-hostkeys.service)"',
          'say "machine-id $(cat /etc/machine-id)"',
          'say DONE',
        ].map((l) => `    ${l}`),
        '',
      ].join('\n');
      await createSeed(seed, userData, `iid-${name}`);
      const facts = new Map<string, string>();
      const t0 = performance.now();
      const result = await boot({
        image: base.image,
        arch: 'x86_64',
        boot: 'uefi',
        expect: /\S login: *$/,
        alsoExpect: [new RegExp(`${tag} DONE`)],
        failOn: DEFAULT_FAIL_ON.map((p) => new RegExp(p)),
        timeoutMs: 1_200_000,
        memoryMiB: 1024,
        accel: 'tcg',
        extraDrives: [{ path: seed, format: 'raw', readonly: true }],
        consoleLog: join(work, `${name}.console.log`),
        onLine: (line) => {
          const at = line.indexOf(`${tag} `);
          if (at < 0) return;
          const [key, ...value] = line.slice(at + tag.length + 1).split(' ');
          facts.set(key!, value.join(' ').trim());
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      assert.equal(result.verdict, 'success', `${name}: ${result.reason}\n${result.tail.join('\n')}`);
      console.log(
        `instance ${name}: login prompt and checks after ${seconds.toFixed(0)} s (${result.accel})`,
      );
      return { facts, console: await readFile(join(work, `${name}.console.log`), 'utf8') };
    };
    const [a, b] = await Promise.all([instance('a', ['ssh_genkeytypes: []']), instance('b', [])]);
    assert.match(a.console, /Debian GNU\/Linux 12/);
    for (const [name, i] of [
      ['a', a],
      ['b', b],
    ] as const) {
      assert.equal(i.facts.get('ssh'), 'active', `${name}: sshd runs`);
      assert.match(i.facts.get('pubkey') ?? '', /^AAAA/, `${name}: has an ed25519 host key`);
      // sshd serves the very key the instance holds.
      assert.equal(i.facts.get('served'), i.facts.get('pubkey'), `${name}: sshd serves its key`);
      assert.match(i.facts.get('machine-id') ?? '', /^[0-9a-f]{32}$/, `${name}: a machine id of its own`);
    }
    // A: no key from cloud-init, so the image's first-boot unit ran and made them.
    assert.equal(a.facts.get('unit'), 'yes success');
    // B: cloud-init's ssh module made them first; the unit saw keys and did nothing.
    assert.match(b.facts.get('unit') ?? '', /^no /);
    assert.notEqual(a.facts.get('fingerprint'), b.facts.get('fingerprint'));
    assert.notEqual(a.facts.get('machine-id'), b.facts.get('machine-id'));
  });
});
