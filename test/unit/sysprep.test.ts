/**
 * Golden-image hygiene: the reset rules (shared/sysprep.ts), build-base's
 * manifest rendering and build-variant's shell rendering, run on real
 * directory trees laid out like Debian, Alpine and Fedora images. The shell
 * script runs under dash and busybox sh, and must leave exactly the tree the
 * manifest rendering describes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { link, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, it } from '@jest/globals';
import { addDirectory } from '../../shared/image/rootfs-dir.ts';
import { RootfsManifest } from '../../shared/image/rootfs-manifest.ts';
import { lookup, sysprepManifest, type SysprepReport } from '../../shared/image/sysprep-manifest.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';
import { renderProvisionScript, SYSPREP_STEP } from '../../shared/variant/provision-script.ts';
import { sysprepScript } from '../../shared/variant/sysprep-script.ts';
import {
  FIRST_BOOT_KEYS,
  globToRegExp,
  openrcService,
  RESET_RULES,
  systemdUnit,
} from '../../shared/sysprep.ts';
import { needTools } from '../support/tools.ts';

const exec = promisify(execFile);
const work = await mkdtemp(join(tmpdir(), 'sysprep-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** A tree described as path → file content, `-> target` for a symlink, `/` suffix for a directory. */
type Tree = Record<string, string>;

async function makeTree(name: string, tree: Tree, hardlinks: [string, string][] = []): Promise<string> {
  const root = join(work, name);
  await mkdir(root, { recursive: true });
  for (const [path, content] of Object.entries(tree)) {
    const host = join(root, path);
    await mkdir(dirname(host), { recursive: true });
    if (path.endsWith('/')) await mkdir(host, { recursive: true });
    else if (content.startsWith('-> ')) await symlink(content.slice(3), host);
    else await writeFile(host, content);
  }
  for (const [from, to] of hardlinks) {
    await mkdir(dirname(join(root, to)), { recursive: true });
    await link(join(root, from), join(root, to));
  }
  return root;
}

async function manifestOf(root: string): Promise<RootfsManifest> {
  const m = new RootfsManifest(root);
  await addDirectory(m, root);
  return m;
}

/** What a tree holds, independent of how it was read: path → type, mode, target or content. */
async function snapshot(m: RootfsManifest): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of m.sorted()) {
    if (e.path === '') continue;
    const detail =
      e.type === 'file'
        ? await readFile(e.source!, 'utf8')
        : e.type === 'symlink'
          ? `-> ${e.target}`
          : e.type === 'hardlink'
            ? `= ${e.target}`
            : '';
    out.set(e.path, `${e.type} ${(e.mode & 0o7777).toString(8)} ${detail}`);
  }
  return out;
}

async function sysprepTree(root: string): Promise<{ manifest: RootfsManifest; report: SysprepReport }> {
  const manifest = await manifestOf(root);
  const report = await sysprepManifest(manifest, { workDir: join(root + '.stage'), mtime: 1735689600 });
  return { manifest, report };
}

async function fileContent(m: RootfsManifest, path: string): Promise<string | undefined> {
  const e = lookup(m, path);
  return e?.type === 'file' ? readFile(e.source!, 'utf8') : undefined;
}

const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const MACHINE_ID = '0123456789abcdef0123456789abcdef\n';

/** Debian 12 after mmdebstrap with openssh-server, cloud-init and ssl-cert, and a provisioning boot's leftovers. */
const DEBIAN: Tree = {
  lib: '-> usr/lib',
  'usr/lib/systemd/systemd': 'ELF',
  'usr/lib/systemd/system/ssh.service':
    '[Service]\nExecStartPre=/usr/sbin/sshd -t\nExecStart=/usr/sbin/sshd -D\n',
  'usr/sbin/sshd': 'ELF',
  'usr/bin/ssh-keygen': 'ELF',
  'usr/sbin/make-ssl-cert': '#!/bin/sh\n',
  'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n',
  'etc/ssh/ssh_host_ed25519_key': KEY,
  'etc/ssh/ssh_host_ed25519_key.pub': 'ssh-ed25519 AAAA root@build\n',
  'etc/ssh/ssh_host_rsa_key': KEY,
  'etc/ssh/ssh_host_rsa_key.pub': 'ssh-rsa AAAA root@build\n',
  'etc/ssl/private/ssl-cert-snakeoil.key': KEY,
  'etc/ssl/certs/ssl-cert-snakeoil.pem': 'CERT\n',
  'etc/ssl/certs/3b6c2f0a.0': '-> ssl-cert-snakeoil.pem',
  'etc/ssl/certs/ISRG_Root_X1.pem': 'CA\n',
  'etc/ssl/certs/4042bcee.0': '-> ISRG_Root_X1.pem',
  'etc/machine-id': MACHINE_ID,
  'etc/hostname': 'localhost\n',
  'etc/resolv.conf': 'nameserver 10.255.255.53\n',
  'var/lib/dbus/machine-id': MACHINE_ID,
  'var/lib/systemd/random-seed': 'seed',
  'var/lib/systemd/credential.secret': 'secret',
  'var/lib/cloud/instance': '-> /var/lib/cloud/instances/iid-build',
  'var/lib/cloud/instances/iid-build/sem/config_ssh': 'done\n',
  'var/lib/cloud/data/result.json': '{}\n',
  'var/lib/cloud/seed/nocloud/user-data': '#cloud-config\n',
  'var/lib/cloud/scripts/per-boot/': '',
  'var/lib/dhcp/dhclient.ens3.leases': 'lease {}\n',
  'var/log/dpkg.log': '2025-01-01 00:00:00 install less\n',
  'var/log/apt/history.log': 'Start-Date: 2025-01-01\n',
  'var/log/apt/term.log': 'Log started\n',
  'var/log/journal/0123456789abcdef0123456789abcdef/system.journal': 'LPKSHHRH',
  'var/log/wtmp': 'reboot',
  'var/log/lastlog': '',
  'var/cache/ldconfig/aux-cache': 'aux',
  'tmp/leftover': 'x',
  'tmp/.hidden-stays': 'x',
  'root/.bash_history': 'apt-get install\n',
};

/** Names the rules match, pointing at what they must never touch. */
const HOSTILE: Tree = {
  'etc/shadow': 'root:$6$secret:19000::::::\n',
  'etc/passwd': 'root:x:0:0::/root:/bin/sh\n',
  'etc/ssh/ssh_host_rsa_key': '-> ../shadow',
  'var/lib/cloud/instances': '-> ../../../etc',
  'tmp/a b': 'x',
};

describe('reset rules', () => {
  it('are named once, absolute, explained, and safe for the shell', () => {
    const ids = RESET_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RESET_RULES) {
      assert.ok(r.reason.length > 20, `${r.id} explains itself`);
      for (const p of r.paths) assert.match(p, /^\/[A-Za-z0-9_.*?[\]!/+-]+$/, `${r.id}: ${p}`);
    }
    for (const k of FIRST_BOOT_KEYS) assert.ok(ids.includes(k.rule), `${k.service} remakes rule ${k.rule}`);
    // Never the image's configuration: the NoCloud seed build-base writes, cloud-init's scripts, hostname.
    const all = RESET_RULES.flatMap((r) => r.paths.map(globToRegExp));
    for (const kept of [
      'var/lib/cloud/seed/nocloud/user-data',
      'var/lib/cloud/scripts/per-boot/x',
      'etc/hostname',
      'etc/ssh/sshd_config',
      'root/.ssh/authorized_keys',
    ])
      assert.ok(!all.some((p) => p.test(kept)), `${kept} is kept`);
  });

  const globCases: [string, string, boolean][] = [
    ['/etc/ssh/ssh_host_*', 'etc/ssh/ssh_host_rsa_key', true],
    ['/etc/ssh/ssh_host_*', 'etc/ssh/ssh_host_rsa_key.pub', true],
    ['/etc/ssh/ssh_host_*', 'etc/ssh/sshd_config', false],
    ['/etc/ssh/ssh_host_*', 'etc/ssh/ssh_host_dir/key', false],
    ['/tmp/*', 'tmp/x', true],
    ['/tmp/*', 'tmp/.x', false],
    ['/tmp/*', 'tmp', false],
    ['/var/log/dpkg.log*', 'var/log/dpkg.log.1.gz', true],
    ['/var/lib/seedrng/seed.*', 'var/lib/seedrng/seed.credit', true],
    ['/home/*/.bash_history', 'home/ann/.bash_history', true],
    ['/home/*/.bash_history', 'home/.x/.bash_history', false],
    ['/var/lib/dhcp/*.leases', 'var/lib/dhcp/dhclient.eth0.leases', true],
    ['/dev/sd[!a]', 'dev/sdb', true],
    ['/dev/sd[!a]', 'dev/sda', false],
    ['/etc/machine-id', 'etc/machine-idx', false],
  ];
  for (const [pattern, path, matches] of globCases) {
    it(`${pattern} ${matches ? 'matches' : 'does not match'} ${path}, as sh would`, async () => {
      assert.equal(globToRegExp(pattern).test(path), matches);
      // The shell's own answer, on a real tree: the rules mean what they say in the guest too.
      const root = await makeTree(`glob-${globCases.findIndex((c) => c[0] === pattern && c[1] === path)}`, {
        [path]: 'x',
      });
      const { stdout } = await exec('sh', [
        '-c',
        `cd "$1" && for f in ${pattern.slice(1)}; do echo "$f"; done`,
        'sh',
        root,
      ]);
      assert.equal(stdout.split('\n').includes(path), matches);
    });
  }

  it('renders a systemd unit that runs before sshd, after cloud-init, only without keys', () => {
    const ssh = FIRST_BOOT_KEYS.find((k) => k.rule === 'ssh-hostkeys')!;
    const unit = systemdUnit(ssh);
    assert.match(unit, /^ConditionPathExistsGlob=!\/etc\/ssh\/ssh_host_\*_key$/m);
    assert.match(unit, /^After=local-fs\.target cloud-init\.service$/m);
    assert.match(unit, /^Before=sysinit\.target shutdown\.target ssh\.service sshd\.service$/m);
    assert.match(unit, /^ExecStart=\/usr\/bin\/ssh-keygen -A$/m);
    assert.match(unit, /^WantedBy=sysinit\.target$/m);
    const rc = openrcService(ssh);
    assert.match(rc, /^#!\/sbin\/openrc-run\n/);
    assert.match(rc, /^\tbefore sshd$/m);
    assert.match(rc, /for f in \/etc\/ssh\/ssh_host_\*_key; do \[ -e "\$f" \] && return 0; done/);
  });
});

describe("build-base's manifest reset", () => {
  it('removes host keys, identity, seeds, instance state and logs of a Debian rootfs', async () => {
    const { manifest, report } = await sysprepTree(await makeTree('debian', DEBIAN));
    for (const gone of [
      'etc/ssh/ssh_host_ed25519_key',
      'etc/ssh/ssh_host_ed25519_key.pub',
      'etc/ssh/ssh_host_rsa_key',
      'etc/ssl/private/ssl-cert-snakeoil.key',
      'etc/ssl/certs/ssl-cert-snakeoil.pem',
      'etc/ssl/certs/3b6c2f0a.0',
      'var/lib/dbus/machine-id',
      'var/lib/systemd/random-seed',
      'var/lib/systemd/credential.secret',
      'var/lib/cloud/instance',
      'var/lib/cloud/instances',
      'var/lib/cloud/instances/iid-build/sem/config_ssh',
      'var/lib/cloud/data',
      'var/lib/dhcp/dhclient.ens3.leases',
      'var/log/dpkg.log',
      'var/log/apt/history.log',
      'var/log/journal/0123456789abcdef0123456789abcdef',
      'var/cache/ldconfig/aux-cache',
      'tmp/leftover',
      'root/.bash_history',
    ])
      assert.equal(manifest.get(gone), undefined, `${gone} is removed`);
    for (const kept of [
      'etc/ssh/sshd_config',
      'etc/ssl/certs/ISRG_Root_X1.pem',
      'etc/ssl/certs/4042bcee.0',
      'etc/hostname',
      'var/lib/cloud/seed/nocloud/user-data',
      'var/lib/cloud/scripts/per-boot',
      'var/log/journal',
      'tmp/.hidden-stays',
    ])
      assert.ok(manifest.get(kept), `${kept} is kept`);
    // Emptied in place, mode kept; already empty files are not reported.
    assert.equal(await fileContent(manifest, '/etc/machine-id'), '');
    assert.equal(await fileContent(manifest, '/var/log/wtmp'), '');
    assert.equal(await fileContent(manifest, '/etc/resolv.conf'), '');
    const reset = new Map(report.reset.map((r) => [r.path, r]));
    assert.equal(reset.get('/etc/machine-id')?.action, 'truncate');
    assert.equal(reset.get('/etc/ssh/ssh_host_rsa_key')?.rule, 'ssh-hostkeys');
    assert.match(reset.get('/etc/ssh/ssh_host_rsa_key')!.reason, /impersonate/);
    assert.equal(reset.get('/etc/ssl/certs/3b6c2f0a.0')?.rule, 'ssl-snakeoil');
    assert.equal(reset.has('/var/log/lastlog'), false);
    assert.equal(reset.has('/etc/hostname'), false, 'configuration, kept');
    // A removed directory is listed once, not file by file.
    assert.equal(report.reset.filter((r) => r.path.startsWith('/var/lib/cloud/instances')).length, 1);
  });

  it('adds the first-boot units where the daemon does not make its keys (Debian ssh.service, ssl-cert)', async () => {
    const { manifest, report } = await sysprepTree(await makeTree('debian-units', DEBIAN));
    const unit = await fileContent(manifest, '/etc/systemd/system/infrasim-ssh-hostkeys.service');
    assert.match(unit ?? '', /ExecStart=\/usr\/bin\/ssh-keygen -A/);
    assert.equal(manifest.get('etc/systemd/system/infrasim-ssh-hostkeys.service')?.mode, 0o644);
    assert.deepEqual(manifest.get('etc/systemd/system/sysinit.target.wants/infrasim-ssh-hostkeys.service'), {
      path: 'etc/systemd/system/sysinit.target.wants/infrasim-ssh-hostkeys.service',
      type: 'symlink',
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: 1735689600,
      target: '/etc/systemd/system/infrasim-ssh-hostkeys.service',
    });
    assert.match(
      (await fileContent(manifest, '/etc/systemd/system/infrasim-ssl-snakeoil.service')) ?? '',
      /make-ssl-cert generate-default-snakeoil/,
    );
    assert.deepEqual(
      report.firstBoot.map((f) => f.path),
      [
        '/etc/systemd/system/infrasim-ssh-hostkeys.service',
        '/etc/systemd/system/sysinit.target.wants/infrasim-ssh-hostkeys.service',
        '/etc/systemd/system/infrasim-ssl-snakeoil.service',
        '/etc/systemd/system/sysinit.target.wants/infrasim-ssl-snakeoil.service',
      ],
    );
    assert.deepEqual(report.warnings, []);
  });

  const initCases: { name: string; tree: Tree; added: string[]; warning?: RegExp }[] = [
    {
      name: "Fedora's sshd.service wants sshd-keygen: nothing added",
      tree: {
        'usr/lib/systemd/systemd': 'ELF',
        'usr/sbin/sshd': 'ELF',
        'usr/lib/systemd/system/sshd.service': '[Unit]\nWants=sshd-keygen.target\n',
      },
      added: [],
    },
    {
      name: "Alpine's sshd init script runs ssh-keygen -A: nothing added",
      tree: {
        'sbin/openrc-run': 'ELF',
        'usr/sbin/sshd': 'ELF',
        'etc/init.d/sshd': '#!/sbin/openrc-run\ncheckconfig() {\n\tssh-keygen -A || return 1\n}\n',
        'etc/ssh/ssh_host_ed25519_key': KEY,
      },
      added: [],
    },
    {
      name: 'an OpenRC sshd script that does not make keys: an OpenRC service is added',
      tree: {
        'sbin/openrc-run': 'ELF',
        'usr/sbin/sshd': 'ELF',
        'etc/init.d/sshd': '#!/sbin/openrc-run\ncommand=/usr/sbin/sshd\n',
      },
      added: ['/etc/init.d/infrasim-ssh-hostkeys', '/etc/runlevels/default/infrasim-ssh-hostkeys'],
    },
    {
      name: 'sshd without systemd or OpenRC: a warning',
      tree: { 'usr/sbin/sshd': 'ELF', 'sbin/init': '#!/bin/sh\n' },
      added: [],
      warning: /\/usr\/sbin\/sshd is installed but the image has neither systemd nor OpenRC/,
    },
    {
      name: 'no daemon: nothing added, nothing to warn about',
      tree: { 'usr/lib/systemd/systemd': 'ELF', 'etc/machine-id': '' },
      added: [],
    },
  ];
  for (const [i, c] of initCases.entries()) {
    it(c.name, async () => {
      const { manifest, report } = await sysprepTree(await makeTree(`init-${i}`, c.tree));
      assert.deepEqual(
        report.firstBoot.map((f) => f.path),
        c.added,
      );
      for (const p of c.added) assert.ok(lookup(manifest, p), `${p} is in the image`);
      if (c.warning) assert.match(report.warnings.join('\n'), c.warning);
      else assert.deepEqual(report.warnings, []);
      assert.equal(manifest.get('etc/ssh/ssh_host_ed25519_key'), undefined);
    });
  }

  it('removes every hardlink to a removed key (the same file under another name)', async () => {
    const root = await makeTree('hardlinks', { 'etc/ssh/ssh_host_rsa_key': KEY }, [
      ['etc/ssh/ssh_host_rsa_key', 'root/key-copy'],
    ]);
    const { manifest, report } = await sysprepTree(root);
    assert.equal(manifest.get('root/key-copy'), undefined);
    assert.deepEqual(
      report.reset.map((r) => r.path),
      ['/etc/ssh/ssh_host_rsa_key'],
    );
  });

  it("keeps the image's hostname (configuration) and empties a machine-id holding a newline", async () => {
    const { manifest, report } = await sysprepTree(
      await makeTree('hostname', { 'etc/hostname': 'web-1\n', 'etc/machine-id': '\n' }),
    );
    assert.equal(await fileContent(manifest, '/etc/hostname'), 'web-1\n');
    assert.equal(await fileContent(manifest, '/etc/machine-id'), '');
    assert.deepEqual(
      report.reset.map((r) => `${r.action} ${r.path} ${r.rule}`),
      ['truncate /etc/machine-id machine-id'],
    );
  });

  it('removes a hostile symlink named like a key, never what it points to', async () => {
    const { manifest, report } = await sysprepTree(await makeTree('hostile-m', HOSTILE));
    for (const kept of ['etc/shadow', 'etc/passwd', 'etc']) assert.ok(manifest.get(kept), `${kept} is kept`);
    for (const gone of ['etc/ssh/ssh_host_rsa_key', 'var/lib/cloud/instances', 'tmp/a b'])
      assert.equal(manifest.get(gone), undefined, `${gone} is removed`);
    assert.equal(
      report.reset.find((r) => r.path === '/etc/shadow'),
      undefined,
    );
  });

  it('resolves symlinked directories as the booted image would (merged /usr)', async () => {
    const m = await manifestOf(await makeTree('lookup', DEBIAN));
    assert.equal(lookup(m, '/lib/systemd/system/ssh.service')?.path, 'usr/lib/systemd/system/ssh.service');
    // `..` after a symlink climbs from where it points, as the kernel resolves it: lib/.. is usr.
    assert.equal(lookup(m, '/lib/../../etc/hostname')?.path, 'etc/hostname');
    assert.equal(lookup(m, '/lib/../etc/hostname'), undefined);
    assert.equal(lookup(m, '/lib/systemd/missing'), undefined);
  });
});

describe("build-variant's shell reset", () => {
  const shells: [string, string[]][] = [
    ['dash', ['sh', '-e']],
    ['busybox sh', ['busybox', 'sh', '-e']],
  ];
  const scenarios: [string, Tree][] = [
    ['debian', DEBIAN],
    ['hostile', HOSTILE],
    [
      'openrc',
      {
        'sbin/openrc-run': 'ELF',
        'usr/sbin/sshd': 'ELF',
        'etc/init.d/sshd': '#!/sbin/openrc-run\ncommand=/usr/sbin/sshd\n',
        'etc/ssh/ssh_host_ecdsa_key': KEY,
        'var/lib/seedrng/seed.credit': 'seed',
        // Configuration: kept by both renderings.
        'etc/hostname': 'alpine-1\n',
        'var/cache/apk/APKINDEX.tar.gz': 'idx',
        // systemd-resolved's or a resolvconf link: configuration, kept.
        'etc/resolv.conf': '-> ../run/resolvconf/resolv.conf',
        'etc/init.d/': '',
      },
    ],
  ];
  for (const [shell, argv] of shells) {
    for (const [name, tree] of scenarios) {
      it(`leaves under ${shell} exactly the ${name} tree the manifest reset describes`, async () => {
        await needTools(argv[0]!);
        const expected = await snapshot(
          (await sysprepTree(await makeTree(`${shell}-${name}-m`, tree))).manifest,
        );
        const root = await makeTree(`${shell}-${name}-sh`, tree);
        const script = join(work, `${shell}-${name}.sh`);
        await writeFile(script, sysprepScript());
        const { stdout } = await exec(argv[0]!, [...argv.slice(1), script], {
          env: { ...process.env, INFRASIM_SYSROOT: root },
        });
        assert.deepEqual(await snapshot(await manifestOf(root)), expected);
        assert.match(stdout, /^sysprep: removed \/etc\/ssh\/ssh_host_\w+_key \(ssh-hostkeys\)$/m);
        // A second run finds nothing left to do and adds nothing twice.
        const again = await exec(argv[0]!, [...argv.slice(1), script], {
          env: { ...process.env, INFRASIM_SYSROOT: root },
        });
        assert.equal(again.stdout, '');
        assert.deepEqual(await snapshot(await manifestOf(root)), expected);
      });
    }
  }

  it("is the provisioning script's last act before a power-off that runs no service's stop action", async () => {
    const plan = await planVariant(await loadDefinition('no-vpn'), 'debian');
    const script = renderProvisionScript(plan, 'c0ffee');
    const stepLines = script.split('\n').filter((l) => l.startsWith('step '));
    const last = stepLines.at(-1)!.split(' ');
    assert.equal(Buffer.from(last[2]!, 'base64').toString(), SYSPREP_STEP, 'the last step is the sysprep');
    assert.equal(Buffer.from(last[3]!, 'base64').toString(), sysprepScript());
    const sysprepAt = script.indexOf(stepLines.at(-1)!);
    assert.ok(sysprepAt > script.indexOf('PKGCOUNT'), 'after the package list');
    assert.ok(sysprepAt < script.indexOf('echo "$tag DONE"'), 'before the marker');
    // systemctl returns at once: the script must not hand control back to cloud-init before the power-off.
    assert.match(script, /systemctl poweroff --force\n {2}while :; do sleep 60; done\n/);
    await exec('sh', ['-n', '-c', script]);
  });
});
