/** build-variant's inputs: validated before any work, every error naming its input. */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { localRunContext } from '../../shared/run-context.ts';
import {
  parseTailscaleTags,
  provisioningAppend,
  resolveVariantInputs,
  splitVariants,
  type RawVariantInputs,
} from '../../shared/variant/options.ts';

function inputs(overrides: Partial<RawVariantInputs>): RawVariantInputs {
  return {
    variants: '',
    base: '',
    'base-provenance': '',
    'base-sha256': '',
    target: '',
    arch: '',
    boot: '',
    kernel: '',
    initrd: '',
    append: '',
    'output-dir': '',
    flatten: '',
    compression: '',
    timeout: '',
    memory: '',
    cpus: '',
    accel: '',
    network: '',
    'tailscale-repository': '',
    'tailscale-advertise-tags': '',
    parallel: '',
    ...overrides,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'variant-options-'));
  await mkdir(join(dir, 'output'));
  await writeFile(join(dir, 'output/base.qcow2'), 'not really an image');
  await writeFile(join(dir, 'output/base.vmlinuz'), 'kernel');
});

describe('splitVariants', () => {
  it('accepts newlines, commas and spaces', () => {
    assert.deepEqual(splitVariants('no-vpn, wireguard\ntailscale  dual-vpn\n# comment\n'), [
      'no-vpn',
      'wireguard',
      'tailscale',
      'dual-vpn',
    ]);
  });
});

describe('parseTailscaleTags', () => {
  const accepted: [string, string[]][] = [
    ['', []],
    ['  \n', []],
    ['tag:server', ['tag:server']],
    ['tag:infrasim, tag:alpine', ['tag:infrasim', 'tag:alpine']],
    ['tag:a,tag:b\ntag:C-9 tag:a', ['tag:a', 'tag:b', 'tag:C-9']],
    ['# our tailnet\ntag:prod-db', ['tag:prod-db']],
  ];
  for (const [raw, tags] of accepted)
    it(`accepts ${JSON.stringify(raw)}`, () => assert.deepEqual(parseTailscaleTags('t', raw), tags));

  // Tailscale's own rule (tailcfg.CheckTag): tag:, a letter, then letters, digits or dashes.
  const refused = [
    'server',
    'tag:',
    'tag:9lives',
    'tag:a_b',
    'tag:a.b',
    'tag:ä',
    'tag:a;rm',
    'TAG:a',
    'tag:a"b',
  ];
  for (const raw of refused)
    it(`refuses ${JSON.stringify(raw)}, naming the input and the rule`, () =>
      assert.throws(
        () => parseTailscaleTags('tailscale-advertise-tags', `tag:ok, ${raw}`),
        (e: Error) => {
          assert.match(e.message, /^input 'tailscale-advertise-tags': '.*' is not a Tailscale ACL tag/);
          assert.match(e.message, /accepted: tag:<name> — a letter, then letters, digits or dashes/);
          return true;
        },
      ));
});

describe('resolveVariantInputs', () => {
  const rejects = (raw: Partial<RawVariantInputs>, message: RegExp) =>
    assert.rejects(resolveVariantInputs(inputs({ base: 'output/base.qcow2', ...raw }), dir), message);

  it('resolves defaults for a kernel boot without provenance', async () => {
    const r = await resolveVariantInputs(
      inputs({
        variants: 'no-vpn wireguard',
        base: 'output/base.qcow2',
        boot: 'kernel',
        arch: 'x86_64',
        append: 'root=/dev/nvme0n1p2 rw',
      }),
      dir,
      localRunContext({ sourceDateEpoch: '1735689600' }),
    );
    assert.deepEqual(
      r.plans.map((p) => [p.name, p.target]),
      [
        ['no-vpn', 'generic'],
        ['wireguard', 'generic'],
      ],
    );
    assert.equal(r.options.kernel, join(dir, 'output/base.vmlinuz'));
    assert.equal(r.options.append, 'root=/dev/nvme0n1p2 rw panic=-1');
    assert.equal(r.options.outputDir, join(dir, 'output'));
    assert.equal(r.options.timeoutMs, 900_000);
    assert.equal(r.options.source.buildDate, '2025-01-01T00:00:00.000Z');
  });

  it('names the input of every rejection', async () => {
    await rejects({ variants: '' }, /input 'variants': is required/);
    await rejects({ variants: 'wireguard wireguard' }, /input 'variants': 'wireguard' is listed twice/);
    await rejects({ variants: 'vpn' }, /input 'variants': 'vpn' is neither a built-in/);
    await rejects({ variants: 'no-vpn', base: 'output/nope.qcow2' }, /input 'base': .* cannot be read/);
    await rejects({ variants: 'no-vpn', 'base-sha256': 'xyz' }, /input 'base-sha256'/);
    await rejects({ variants: 'no-vpn', target: 'gentoo' }, /input 'target': unknown value 'gentoo'/);
    await rejects({ variants: 'no-vpn', arch: 'riscv64' }, /input 'arch': unknown value 'riscv64'/);
    await rejects({ variants: 'no-vpn', boot: 'bios' }, /input 'boot': unknown value 'bios'/);
    await rejects(
      { variants: 'no-vpn', boot: 'kernel', arch: 'x86_64' },
      /input 'append': is required for boot=kernel/,
    );
    await rejects(
      { variants: 'no-vpn', boot: 'uefi', arch: 'x86_64', kernel: 'k' },
      /input 'kernel': only applies to boot=kernel/,
    );
    await rejects({ variants: 'no-vpn', arch: 'x86_64', boot: 'uefi', timeout: '0' }, /input 'timeout'/);
    await rejects({ variants: 'no-vpn', arch: 'x86_64', boot: 'uefi', parallel: '1.5' }, /input 'parallel'/);
    await rejects({ variants: 'no-vpn', arch: 'x86_64', boot: 'uefi', flatten: 'maybe' }, /input 'flatten'/);
    await rejects(
      { variants: 'no-vpn', arch: 'x86_64', boot: 'uefi', compression: 'xz' },
      /input 'compression'/,
    );
    await rejects({ variants: 'no-vpn', 'base-provenance': 'output/none.json' }, /input 'base-provenance'/);
    await rejects(
      {
        variants: 'tailscale',
        arch: 'x86_64',
        boot: 'uefi',
        'tailscale-advertise-tags': 'tag:alpine, alpine',
      },
      /input 'tailscale-advertise-tags': 'alpine' is not a Tailscale ACL tag/,
    );
  });

  it('advertises no ACL tag unless tailscale-advertise-tags names some, and hashes what it rendered', async () => {
    const resolve = (tags: string) =>
      resolveVariantInputs(
        inputs({
          variants: 'tailscale dual-vpn',
          base: 'output/base.qcow2',
          arch: 'x86_64',
          boot: 'uefi',
          'tailscale-advertise-tags': tags,
        }),
        dir,
      );
    const tagsOf = (plan: { files: { path: string; content: Buffer }[] }) =>
      (
        JSON.parse(
          plan.files.find((f) => f.path === '/etc/infrasim/tailscale/config.json')!.content.toString(),
        ) as { tags: string[] }
      ).tags;
    const none = await resolve('');
    assert.deepEqual(none.plans.map(tagsOf), [[], []]);
    const some = await resolve('tag:infrasim\ntag:edge');
    // dual-vpn extends tailscale: the same settings reach the built-in it includes.
    assert.deepEqual(some.plans.map(tagsOf), [
      ['tag:infrasim', 'tag:edge'],
      ['tag:infrasim', 'tag:edge'],
    ]);
    // The provenance's definition hash covers the tags the definition was rendered with.
    assert.notEqual(some.plans[0]!.definitionSha256, none.plans[0]!.definitionSha256);
    assert.notEqual(some.plans[1]!.definitionSha256, none.plans[1]!.definitionSha256);
  });

  it('rejects a broken base provenance naming the input', async () => {
    const d = await mkdtemp(join(tmpdir(), 'variant-options-prov-'));
    await mkdir(join(d, 'output/meta'), { recursive: true });
    await copyFile(join(dir, 'output/base.qcow2'), join(d, 'output/base.qcow2'));
    await writeFile(join(d, 'output/meta/build-provenance.json'), '{"format_version": "9"}');
    await assert.rejects(
      resolveVariantInputs(inputs({ variants: 'no-vpn', base: 'output/base.qcow2' }), d),
      /input 'base-provenance': .*invalid build provenance/,
    );
  });
});

describe('provisioningAppend', () => {
  it('adds panic=-1 once', () => {
    assert.equal(provisioningAppend('root=PARTUUID=x rw'), 'root=PARTUUID=x rw panic=-1');
    assert.equal(provisioningAppend('root=x panic=10'), 'root=x panic=10');
  });
});
