/** Variant definitions: the schema, its error messages, built-ins and their merge per target. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { BUILTIN_NAMES, builtinDefinition } from '../../shared/variant/builtins.ts';
import { parseDefinition, TARGETS } from '../../shared/variant/definition.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';
import { TAILSCALE_UP } from '../../shared/variant/scripts.ts';
import { run } from '../../shared/exec.ts';

describe('parseDefinition', () => {
  const bad = (yaml: string, message: RegExp) =>
    assert.throws(
      () => parseDefinition(yaml, 'my/variant.yaml'),
      (e: Error) => {
        assert.match(e.message, /^input 'variants': my\/variant\.yaml: /);
        assert.match(e.message, message);
        return true;
      },
    );

  it('accepts a full definition and turns modes into numbers', () => {
    const d = parseDefinition(
      [
        'description: demo',
        'files:',
        '  - path: /etc/demo',
        '    mode: "0640"',
        '    owner: root:adm',
        '    content: hi',
        'commands: [echo hi]',
        'checks: ["[1] false"]',
        'distros:',
        '  debian: { packages: [hello, "curl=7.88.1-10"], services: [ssh] }',
      ].join('\n'),
      'x.yaml',
    );
    assert.equal(d.files![0]!.mode, 0o640);
    assert.deepEqual(d.distros!.debian!.packages, ['hello', 'curl=7.88.1-10']);
  });

  it('names an unknown key and its place', () => {
    bad('description: x\npackges: [a]\n', /key 'packges': unknown key \(packges\)/);
    bad(
      'description: x\nfiles:\n  - path: /a\n    content: x\n    mod: "0644"\n',
      /key 'files\.0\.mod': unknown key/,
    );
    bad('description: x\ndistros:\n  gentoo: {}\n', /key 'distros\.gentoo': unknown key/);
  });

  it('rejects bad modes, including an unquoted one YAML turned into a number', () => {
    bad(
      'description: x\nfiles:\n  - {path: /a, content: x, mode: "0999"}\n',
      /key 'files\.0\.mode': '0999' is not an octal mode/,
    );
    bad(
      'description: x\nfiles:\n  - {path: /a, content: x, mode: 644}\n',
      /files\.0\.mode': write the mode as a quoted octal string/,
    );
    bad('description: x\nfiles:\n  - {path: /a, content: x, mode: "rwx"}\n', /not an octal mode/);
  });

  it('rejects bad paths, owners, names and file bodies', () => {
    bad(
      'description: x\nfiles:\n  - {path: etc/a, content: x}\n',
      /files\.0\.path': must be an absolute path/,
    );
    bad('description: x\nfiles:\n  - {path: /etc/../a, content: x}\n', /must not contain \.\./);
    bad('description: x\nfiles:\n  - {path: /a, content: x, owner: "root;rm"}\n', /files\.0\.owner'/);
    bad('description: x\nfiles:\n  - {path: /a}\n', /needs exactly one of content or source/);
    bad(
      'description: x\nfiles:\n  - {path: /a, content: x, source: y}\n',
      /needs exactly one of content or source/,
    );
    bad(
      'description: x\ndistros:\n  alpine: {packages: ["curl; rm -rf /"]}\n',
      /distros\.alpine\.packages\.0'/,
    );
    bad('description: x\ndistros:\n  debian: {services: ["../x"]}\n', /distros\.debian\.services\.0'/);
    bad('description: x\ndistros:\n  generic: {packages: [curl]}\n', /generic target has no package manager/);
    bad('name: Bad/Name\ndescription: x\n', /key 'name'/);
    bad('files: []\n', /key 'description'/);
  });

  it('says where a key written in the wrong place goes', () => {
    const cases: [string, RegExp][] = [
      [
        'alpine: {packages: [curl]}',
        /key 'alpine': unknown key \(alpine\); per-distribution settings go under distros\.alpine$/,
      ],
      [
        'prepare: [apt-get update]',
        /key 'prepare': unknown key \(prepare\); prepare commands are per distribution: put them under distros\.<alpine\|debian>\.prepare$/,
      ],
      [
        'distros:\n  debian: {extends: [wireguard]}',
        /key 'distros\.debian\.extends': unknown key \(extends\); 'extends' belongs at the top level/,
      ],
      [
        'packages: ["curl=8.5.0-r0"]',
        /key 'packages\.0': a version differs between distributions: pin it under distros\.<alpine\|debian>\.packages$/,
      ],
      ['packages: ["curl; rm -rf /"]', /key 'packages\.0': must be a package name$/],
      ['services: ["../sshd"]', /key 'services\.0': must be a service name$/],
    ];
    for (const [yaml, message] of cases) bad(`description: x\n${yaml}\n`, message);
  });

  it('rejects what is not a YAML mapping', () => {
    bad('- a\n- b\n', /must be a YAML mapping/);
    bad('description: [unclosed\n', /not valid YAML/);
    bad('description: a\ndescription: b\n', /not valid YAML/);
  });
});

describe('built-in variants', () => {
  it('all parse and plan for every target', async () => {
    assert.deepEqual(BUILTIN_NAMES, ['no-vpn', 'wireguard', 'tailscale', 'dual-vpn']);
    for (const name of BUILTIN_NAMES)
      for (const target of TARGETS) {
        const plan = await planVariant(await loadDefinition(name), target);
        assert.equal(plan.name, name);
        assert.match(plan.definitionSha256, /^[0-9a-f]{64}$/);
        if (target === 'generic') assert.deepEqual(plan.packages, []);
      }
  });

  it('no-vpn adds nothing', async () => {
    const plan = await planVariant(await loadDefinition('no-vpn'), 'alpine');
    assert.deepEqual([plan.packages, plan.services, plan.files, plan.commands], [[], [], [], []]);
  });

  it('wireguard: tools, avahi and a first-boot key service per distribution, no key in the image', async () => {
    const alpine = await planVariant(await loadDefinition('wireguard'), 'alpine');
    assert.deepEqual(alpine.packages, ['wireguard-tools', 'avahi', 'avahi-tools', 'libqrencode']);
    assert.deepEqual(alpine.services, ['avahi-daemon', 'infrasim-wireguard-firstboot']);
    const debian = await planVariant(await loadDefinition('wireguard'), 'debian');
    assert.ok(
      debian.files.some((f) => f.path === '/etc/systemd/system/infrasim-wireguard-firstboot.service'),
    );
    const firstboot = debian.files.find((f) => f.path === '/usr/libexec/infrasim/wireguard-firstboot')!;
    assert.equal(firstboot.mode, 0o755);
    assert.match(firstboot.content.toString(), /ListenPort = 51820/);
    assert.match(firstboot.content.toString(), /address="10\.50\./);
    assert.ok(
      !debian.files.some((f) => f.path === '/etc/wireguard/wg0.conf'),
      'wg0.conf is rendered at first boot',
    );
  });

  it('tailscale: the service and config.json, the auth key only at run time', async () => {
    const alpine = await planVariant(await loadDefinition('tailscale'), 'alpine');
    assert.deepEqual(alpine.packages, ['tailscale', 'tailscale-openrc']);
    const config = alpine.files.find((f) => f.path === '/etc/infrasim/tailscale/config.json')!;
    assert.deepEqual(Object.keys(JSON.parse(config.content.toString()) as object), [
      'advertise_exit_node',
      'accept_dns',
      'accept_routes',
      'ssh',
      'tags',
    ]);
    assert.ok(alpine.commands.includes('test ! -e /etc/infrasim/tailscale/authkey'));
  });

  it('tailscale: advertises no ACL tag unless the workflow names some', async () => {
    // A hard-coded tag the tailnet's policy does not own makes `tailscale up` fail on every instance.
    for (const name of BUILTIN_NAMES) assert.doesNotMatch(builtinDefinition(name), /tag:/, name);
    const tagsIn = async (settings?: { tailscaleTags: string[] }) => {
      const plan = await planVariant(
        await loadDefinition('dual-vpn', undefined, undefined, settings),
        'debian',
      );
      const config = plan.files.find((f) => f.path === '/etc/infrasim/tailscale/config.json')!;
      return (JSON.parse(config.content.toString()) as { tags: unknown }).tags;
    };
    assert.deepEqual(await tagsIn(), []);
    assert.deepEqual(await tagsIn({ tailscaleTags: ['tag:infrasim', 'tag:edge'] }), [
      'tag:infrasim',
      'tag:edge',
    ]);
  });

  it('tailscale-up passes --advertise-tags only when config.json lists tags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-tailscale-up-'));
    // The script as installed, its absolute paths moved into the test's directory; `tailscale` records its arguments.
    const script = TAILSCALE_UP.replaceAll('/etc/infrasim', `${dir}/etc`).replaceAll(
      '/run/infrasim',
      `${dir}/run`,
    );
    await mkdir(join(dir, 'etc/tailscale'), { recursive: true });
    await mkdir(join(dir, 'run/tailscale'), { recursive: true });
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin/tailscale'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${dir}/args\n`, {
      mode: 0o755,
    });
    await writeFile(join(dir, 'tailscale-up'), script, { mode: 0o755 });
    const upWith = async (tags: string[]) => {
      const plan = await planVariant(
        await loadDefinition('tailscale', undefined, undefined, { tailscaleTags: tags }),
        'generic',
      );
      const config = plan.files.find((f) => f.path === '/etc/infrasim/tailscale/config.json')!;
      await writeFile(join(dir, 'etc/tailscale/config.json'), config.content);
      await writeFile(join(dir, 'run/tailscale/authkey'), 'tskey-auth-test\n');
      await run('sh', [join(dir, 'tailscale-up')], {
        env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}` },
      });
      return (await readFile(join(dir, 'args'), 'utf8')).trim().split('\n');
    };
    const none = await upWith([]);
    assert.ok(none.includes('--ssh=true'), none.join(' '));
    assert.ok(!none.some((a) => a.startsWith('--advertise-tags')), none.join(' '));
    const two = await upWith(['tag:infrasim', 'tag:edge']);
    assert.ok(two.includes('--advertise-tags=tag:infrasim,tag:edge'), two.join(' '));
    // The key was used once and removed.
    await assert.rejects(readFile(join(dir, 'run/tailscale/authkey')));
  });

  it('dual-vpn extends wireguard and tailscale and adds the nftables policy', async () => {
    const plan = await planVariant(await loadDefinition('dual-vpn'), 'debian');
    for (const p of ['wireguard-tools', 'tailscale', 'nftables']) assert.ok(plan.packages.includes(p), p);
    assert.deepEqual(plan.services, [
      'avahi-daemon',
      'infrasim-wireguard-firstboot',
      'tailscaled',
      'infrasim-tailscale-up',
      'infrasim-dual-vpn-routing',
    ]);
    assert.ok(plan.files.some((f) => f.path === '/etc/infrasim/nftables/dual-vpn.nft'));
    assert.ok(plan.prepare.length > 0, "tailscale's repository is added before the packages");
  });
});

describe('top-level packages and services (the same name on every distribution)', () => {
  const yaml = [
    'description: chrony and curl everywhere',
    'packages: [curl, nftables]',
    'services: [nftables]',
    'distros:',
    '  alpine: {packages: [chrony, curl], services: [chronyd]}',
    '  debian: {packages: [chrony], services: [chrony]}',
    '',
  ].join('\n');

  it("are installed and enabled on alpine and debian, before each distro section's own", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-top-'));
    await writeFile(join(dir, 'ntp.yaml'), yaml);
    const def = await loadDefinition(join(dir, 'ntp.yaml'));
    const alpine = await planVariant(def, 'alpine');
    assert.deepEqual(alpine.packages, ['curl', 'nftables', 'chrony']);
    assert.deepEqual(alpine.services, ['nftables', 'chronyd']);
    const debian = await planVariant(def, 'debian');
    assert.deepEqual(debian.packages, ['curl', 'nftables', 'chrony']);
    assert.deepEqual(debian.services, ['nftables', 'chrony']);
  });

  it('name the key and where the packages go on the generic target, which has no package manager', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-top-'));
    await writeFile(join(dir, 'ntp.yaml'), yaml);
    await assert.rejects(planVariant(await loadDefinition(join(dir, 'ntp.yaml')), 'generic'), (e: Error) => {
      assert.match(
        e.message,
        /^input 'variants': .*ntp\.yaml: key 'packages': the generic target has no package manager to install curl, nftables \(accepted: top-level packages on targets alpine and debian;/,
      );
      return true;
    });
    // Services alone are fine there: the generic rc hook enables them.
    await writeFile(join(dir, 'svc.yaml'), 'description: x\nservices: [my-agent]\n');
    const plan = await planVariant(await loadDefinition(join(dir, 'svc.yaml')), 'generic');
    assert.deepEqual([plan.packages, plan.services], [[], ['my-agent']]);
  });

  it('merge with the built-ins a definition extends, without duplicates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-top-'));
    await writeFile(
      join(dir, 'more.yaml'),
      'description: x\nextends: [wireguard]\npackages: [wireguard-tools, curl]\nservices: [avahi-daemon]\n',
    );
    const plan = await planVariant(await loadDefinition(join(dir, 'more.yaml')), 'debian');
    assert.deepEqual(plan.packages, [
      'wireguard-tools',
      'avahi-daemon',
      'avahi-utils',
      'libqrencode4',
      'curl',
    ]);
    assert.deepEqual(plan.services, ['avahi-daemon', 'infrasim-wireguard-firstboot']);
  });
});

describe('definition files', () => {
  it('reads source files relative to the definition and names a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-def-'));
    await writeFile(join(dir, 'motd'), 'hello\n');
    await writeFile(
      join(dir, 'ok.yaml'),
      'description: x\nfiles:\n  - {path: /etc/motd, source: motd, mode: "0600"}\n',
    );
    const plan = await planVariant(await loadDefinition(join(dir, 'ok.yaml')), 'generic');
    assert.equal(plan.name, 'ok');
    assert.deepEqual(plan.files, [
      // Numeric: writing it needs no user database in the guest.
      { path: '/etc/motd', mode: 0o600, owner: '0:0', content: Buffer.from('hello\n') },
    ]);

    await writeFile(
      join(dir, 'missing.yaml'),
      'description: x\nfiles:\n  - {path: /etc/motd, source: nope}\n',
    );
    await assert.rejects(
      planVariant(await loadDefinition(join(dir, 'missing.yaml')), 'generic'),
      /missing\.yaml: key 'files\.0\.source': 'nope' does not exist$/,
    );
    await writeFile(join(dir, 'ext.yaml'), 'description: x\nextends: [my-own]\n');
    await assert.rejects(
      planVariant(await loadDefinition(join(dir, 'ext.yaml')), 'generic'),
      /key 'extends': 'my-own' is not a built-in/,
    );
    await assert.rejects(
      loadDefinition(join(dir, 'absent.yaml')),
      /input 'variants': definition file '.*absent\.yaml' does not exist$/,
    );
    await assert.rejects(
      loadDefinition('wiregaurd'),
      /'wiregaurd' is neither a built-in variant nor a definition file/,
    );
  });
});
