/** build-variant's inputs: validated before any work, every error naming its input. */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
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
    parallel: '',
    ...overrides,
  };
}

let dir: string;
before(async () => {
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
      { SOURCE_DATE_EPOCH: '1735689600' },
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
