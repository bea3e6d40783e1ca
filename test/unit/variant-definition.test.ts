/** Variant definitions: the schema, its error messages, built-ins and their merge per target. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_NAMES } from '../../shared/variant/builtins.ts';
import { parseDefinition, TARGETS } from '../../shared/variant/definition.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';

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
      { path: '/etc/motd', mode: 0o600, owner: 'root:root', content: Buffer.from('hello\n') },
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
