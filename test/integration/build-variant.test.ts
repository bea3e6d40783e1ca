/**
 * build-variant end to end from source (actions/build-variant/main.ts as a
 * child process) on the test image's boot=kernel base (x86_64, QEMU TCG):
 * every built-in variant is provisioned (generic target: files, modes,
 * owners, services through the rc hook, commands), confirmed in a second boot
 * by boot-verify's checks — the WireGuard key is generated in that boot, on
 * the instance — and no overlay carries private key material. On a base
 * without /etc/passwd or /etc/group (busybox, distroless) the bundled action
 * provisions with its default owners and fails a named owner saying what to
 * write instead.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import { sha256File } from '../../shared/hash.ts';
import type { BaseResult } from '../../shared/image/base.ts';
import { imageInfo } from '../../shared/image/qcow2.ts';
import { scanImageForSecrets } from '../../shared/secrets/scan-image.ts';
import { readVariantProvenance, verifyOverlayBase } from '../../shared/variant/provenance.ts';
import { verifyImages } from '../../shared/vm/verify.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { exists, qemuPidsMentioning, waitForQemu } from '../support/processes.ts';
import { runActionMain, startAction, type ActionRun, type ActionRunOptions } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { variantOutputTree, verifyWithChecks } from '../support/variant-tree.ts';

const BUILTINS = ['no-vpn', 'wireguard', 'tailscale', 'dual-vpn'];
let base: BaseResult;
let root: string;

const outputTree = (name: string) => variantOutputTree(base, root, name);

async function buildVariant(
  out: string,
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<ActionRun> {
  return runActionMain(
    'build-variant',
    {
      base: join(out, 'base.qcow2'),
      accel: 'tcg',
      timeout: '180',
      ...inputs,
    },
    options,
  );
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

const verify = (out: string, image: string, checks: string[]) => verifyWithChecks(base, out, image, checks);

beforeAll(async () => {
  await needTools(
    'qemu-system-x86_64',
    'qemu-img',
    'mkfs.vfat',
    'mcopy',
    'debugfs',
    'e2fsck',
    'dumpe2fs',
    'sfdisk',
  );
  base = await cachedTestBase('x86_64', 'kernel');
  root = await mkdtemp(join(tmpdir(), 'build-variant-test-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('build-variant on the test image (generic target)', () => {
  let out: string;
  let results: { variant: string; overlay: string; provenance: string; 'overlay-sha256': string }[];
  let action: ActionRun;

  beforeAll(async () => {
    out = await outputTree('builtins');
    action = await buildVariant(out, { variants: BUILTINS.join('\n'), parallel: '2', flatten: 'false' });
    assert.equal(action.code, 0, explain(action));
    results = JSON.parse(action.outputs.results!) as typeof results;
  });

  it('writes one overlay per variant with a relative backing path and a pinned format', async () => {
    assert.deepEqual(
      results.map((r) => r.variant),
      BUILTINS,
    );
    for (const v of BUILTINS) {
      const overlay = join(out, 'variants', v, `overlay-${v}.qcow2`);
      const info = await imageInfo(overlay);
      assert.equal(info.backingFile, '../../base.qcow2', v);
      assert.equal(info.backingFormat, 'qcow2', v);
      // The delta only: far smaller than the base.
      assert.ok(info.actualSize < (await stat(join(out, 'base.qcow2'))).size, v);
    }
    assert.equal(action.outputs.overlay, join(out, 'variants/no-vpn/overlay-no-vpn.qcow2'));
    assert.equal(action.outputs['overlay-sha256'], await sha256File(action.outputs.overlay!));
    // No temporary file is left beside the overlays.
    for (const v of BUILTINS)
      assert.deepEqual(await readdir(join(out, 'variants', v)), [`overlay-${v}.qcow2`]);
  });

  it('records provenance with seed 002 fields, hashes and the packages read back', async () => {
    const baseSha = await sha256File(join(out, 'base.qcow2'));
    for (const r of results) {
      const p = await readVariantProvenance(r.provenance);
      assert.equal(p.format_version, '1.0');
      assert.equal(p.variant, r.variant);
      assert.equal(p.base_image.path, 'base.qcow2');
      assert.equal(p.base_image.sha256, baseSha);
      assert.equal(p.overlay.sha256, r['overlay-sha256']);
      assert.equal(p.overlay.sha256, await sha256File(r.overlay));
      assert.equal(p.overlay.backing_file, '../../base.qcow2');
      assert.match(p.user_data.sha256, /^[0-9a-f]{64}$/);
      assert.equal(p.definition.target, 'generic');
      assert.equal(p.installed_packages.manager, 'none');
      assert.ok((await stat(join(out, p.provisioning.console_log))).size > 0);
      await verifyOverlayBase(p, join(out, 'base.qcow2'));
    }
    const dual = await readVariantProvenance(join(out, 'meta', 'variant-dual-vpn-provenance.json'));
    assert.deepEqual(dual.services, [
      'infrasim-wireguard-firstboot',
      'infrasim-tailscale-up',
      'infrasim-dual-vpn-routing',
    ]);
  });

  it('carries no secret in any overlay: every file it adds or changes over the base, read whole', async () => {
    const base = await scanImageForSecrets(join(out, 'base.qcow2'), root);
    for (const r of results) {
      const scan = await scanImageForSecrets(r.overlay, root, { base: base.manifest });
      assert.deepEqual(scan.findings, [], r.variant);
      assert.ok(scan.files > 0, `${r.variant}: the files the overlay changed were scanned`);
    }
  });

  it("confirms every variant's files, modes, owners, services and commands in a second boot", async () => {
    for (const r of results) {
      const p = await readVariantProvenance(r.provenance);
      const run = await verify(out, r.overlay, p.checks);
      const report = run.results[0]!.report;
      assert.equal(run.status, 'success', `${r.variant}: ${report.reason}\n${report.consoleTail.join('\n')}`);
      assert.equal(report.checks.length, p.checks.length);
      assert.ok(report.checks.every((c) => c.passed));
    }
  });

  it('generates the WireGuard key on the instance at first boot, never in the overlay', async () => {
    const overlay = join(out, 'variants/wireguard/overlay-wireguard.qcow2');
    const before = await sha256File(overlay);
    const run = await verify(out, overlay, [
      'grep -c "^PrivateKey = " /etc/wireguard/wg0.conf',
      'cat /run/infrasim-rc/infrasim-wireguard-firstboot',
    ]);
    const report = run.results[0]!.report;
    assert.equal(run.status, 'success', report.reason);
    assert.deepEqual(report.checks[0]!.output, ['1']);
    // The rc hook ran the first-boot service, which generated the key in the guest.
    assert.deepEqual(report.checks[1]!.output, ['0']);
    assert.match(
      await readFile(report.consoleLog!, 'utf8'),
      /infrasim-wireguard-firstboot: generated wg0 key, address 10\.50\./,
    );
    // The first boot wrote a throwaway overlay: the variant's overlay is unchanged and keyless.
    assert.equal(await sha256File(overlay), before);
    assert.deepEqual((await scanImageForSecrets(overlay, root)).findings, []);
    const raw = join(root, 'wireguard.raw');
    await run_('qemu-img', ['convert', '-O', 'raw', overlay, raw]);
    assert.equal(
      (await run_('grep', ['-c', '-a', '-E', 'PrivateKey = [A-Za-z0-9+/]{43}=', raw], [1])).trim(),
      '0',
    );
    await rm(raw);
  });

  it('detects a base that changed after the overlay was made', async () => {
    const copy = await outputTree('rebuilt');
    const p = await readVariantProvenance(join(out, 'meta', 'variant-wireguard-provenance.json'));
    // The same filesystem, re-encoded: other bytes, as a rebuild gives.
    await run('qemu-img', ['convert', '-O', 'qcow2', join(out, 'base.qcow2'), join(copy, 'base.qcow2')]);
    await assert.rejects(
      verifyOverlayBase(p, join(copy, 'base.qcow2')),
      /base changed after the overlay was made/,
    );
    // boot-verify refuses it too, given the provenance's base hash.
    await mkdir(join(copy, 'variants/wireguard'), { recursive: true });
    await copyFile(
      join(out, 'variants/wireguard/overlay-wireguard.qcow2'),
      join(copy, 'variants/wireguard/o.qcow2'),
    );
    const refused = await verifyImages({
      images: [join(copy, 'variants/wireguard/o.qcow2')],
      arch: 'x86_64',
      boot: 'kernel',
      kernel: join(copy, 'base.vmlinuz'),
      expect: /BOOT OK/,
      failOn: [],
      timeoutMs: 60_000,
      memoryMiB: 512,
      cpus: 1,
      accel: 'tcg',
      checks: [],
      baseSha256: p.base_image.sha256,
      parallel: 1,
      outputDir: join(copy, 'verify'),
      network: false,
    });
    assert.equal(refused.status, 'failure');
    assert.equal(refused.results[0]!.report.refused, true);
    // build-variant refuses a base that no longer matches its own provenance before anything boots, and
    // leaves nothing behind (the overlay made while the base was hashed is removed with its directory).
    const r = await buildVariant(copy, { variants: 'no-vpn' });
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /the base \S+ has sha256 [0-9a-f]{64}, expected [0-9a-f]{64}/);
    assert.deepEqual(await readdir(join(copy, 'variants/wireguard')), ['o.qcow2']);
    assert.equal(await stat(join(copy, 'variants/no-vpn')).catch(() => null), null);
  });
});

async function run_(cmd: string, args: string[], okCodes: number[] = []): Promise<string> {
  return (await run(cmd, args, { okCodes })).stdout;
}

describe('build-variant, one variant per job (matrix)', () => {
  it('builds one variant from the base artifact and a flattened standalone image that boots', async () => {
    const out = await outputTree('matrix-tailscale');
    const r = await buildVariant(out, { variants: 'tailscale', flatten: 'true' });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.image, join(out, 'variants/tailscale/rootfs-tailscale.qcow2'));
    assert.equal(r.outputs['image-sha256'], await sha256File(r.outputs.image!));
    assert.equal((await imageInfo(r.outputs.image!)).backingFile, undefined, 'standalone');
    const p = await readVariantProvenance(r.outputs.provenance!);
    assert.equal(p.image?.sha256, r.outputs['image-sha256']);
    assert.equal(p.image?.path, 'variants/tailscale/rootfs-tailscale.qcow2');
    // The `checks` output feeds boot-verify directly; no ACL tag is advertised unless the workflow names one.
    const run = await verify(out, r.outputs.image!, [
      ...r.outputs.checks!.split('\n'),
      `grep -Fq '"tags": []' /etc/infrasim/tailscale/config.json`,
    ]);
    assert.equal(run.status, 'success', run.results[0]!.report.reason);
    assert.match(r.summary, /\| tailscale \| [\d.]+ s \|/);
  });
});

describe('build-variant on a rootfs without a user database (busybox, distroless)', () => {
  it('provisions files with default owners and services, and a named owner fails saying what to write', async () => {
    // A base with no /etc/passwd or /etc/group, made the way a user would: a variant that removes them, flattened.
    const first = await outputTree('no-passwd-strip');
    const strip = join(root, 'no-passwd-strip', 'strip.yaml');
    await writeFile(
      strip,
      'name: strip\ndescription: no user database\ncommands:\n  - rm -f /etc/passwd /etc/group /etc/shadow\n',
    );
    const stripped = await buildVariant(first, { variants: strip, flatten: 'true' });
    assert.equal(stripped.code, 0, explain(stripped));
    const out = join(root, 'no-passwd', 'output');
    await mkdir(out, { recursive: true });
    await copyFile(stripped.outputs.image!, join(out, 'base.qcow2'));
    await copyFile(join(first, 'base.vmlinuz'), join(out, 'base.vmlinuz'));
    // No build provenance beside it: boot mode, kernel and command line are given, the target is generic.
    // The bundled action, as a workflow runs it.
    const onBare = (inputs: Record<string, string>) =>
      buildVariant(
        out,
        {
          boot: 'kernel',
          kernel: join(out, 'base.vmlinuz'),
          append: base.cmdline,
          arch: 'x86_64',
          ...inputs,
        },
        { bundle: true },
      );

    // dual-vpn writes four files (default owner) and enables three services through the rc hook;
    // the ACL tags the workflow names reach tailscale's config.json.
    const r = await onBare({ variants: 'dual-vpn', 'tailscale-advertise-tags': 'tag:edge, tag:infrasim' });
    assert.equal(r.code, 0, explain(r));
    const p = await readVariantProvenance(r.outputs.provenance!);
    assert.ok(p.files.length >= 4);
    for (const f of p.files) assert.equal(f.owner, '0:0', f.path);
    // Confirmed in a second boot by the action's own checks (numeric ids: stat -c '%a %u:%g'),
    // in a guest that still has no user database.
    const checks = [
      ...r.outputs.checks!.split('\n'),
      '[1] test -e /etc/passwd',
      '[1] test -e /etc/group',
      `grep -Fq '"tags": ["tag:edge", "tag:infrasim"]' /etc/infrasim/tailscale/config.json`,
    ];
    assert.ok(checks.some((c) => c.includes("stat -c '%a %u:%g'")));
    const verified = await verify(out, r.outputs.overlay!, checks);
    const report = verified.results[0]!.report;
    assert.equal(verified.status, 'success', `${report.reason}\n${report.consoleTail.join('\n')}`);
    assert.ok(report.checks.every((c) => c.passed));

    // A definition that names an owner: the guest cannot resolve it, and the error says what to write instead.
    const named = join(root, 'no-passwd', 'named.yaml');
    await writeFile(
      named,
      'name: named\ndescription: x\nfiles:\n  - {path: /etc/named, owner: "root:root", content: x}\n',
    );
    const failed = await onBare({ variants: named });
    assert.equal(failed.code, 1, explain(failed));
    assert.match(
      failed.stdout.replaceAll('%0A', '\n'),
      /owner 'root:root' is not in this guest's user database \(\/etc\/passwd, \/etc\/group\): write the owner as numeric uid:gid/,
    );
    assert.equal(await stat(join(out, 'variants', 'named')).catch(() => null), null);

    // Top-level packages have nothing to install them on the generic target: refused before any boot,
    // naming the key and where they go; an ACL tag outside Tailscale's rule is refused the same way.
    const pkgs = join(root, 'no-passwd', 'pkgs.yaml');
    await writeFile(pkgs, 'name: pkgs\ndescription: x\npackages: [curl]\n');
    const refused = await onBare({ variants: pkgs });
    assert.equal(refused.code, 1, explain(refused));
    assert.match(
      refused.stdout,
      /pkgs\.yaml: key 'packages': the generic target has no package manager to install curl \(accepted: top-level packages on targets alpine and debian/,
    );
    const badTag = await onBare({ variants: 'tailscale', 'tailscale-advertise-tags': 'tag:alpine, alpine' });
    assert.equal(badTag.code, 1, explain(badTag));
    assert.match(badTag.stdout, /input 'tailscale-advertise-tags': 'alpine' is not a Tailscale ACL tag/);
    assert.deepEqual((await readdir(join(out, 'variants'))).sort(), ['dual-vpn']);
  });
});

describe('build-variant failures', () => {
  it('fails on a failing provisioning command, quoting the console line, and leaves nothing behind', async () => {
    const out = await outputTree('failing');
    const def = join(root, 'failing', 'broken.yaml');
    await writeFile(
      def,
      [
        'name: broken',
        'description: a command that fails',
        'files:',
        '  - path: /etc/broken/before',
        '    content: "written before the failure\\n"',
        'commands:',
        '  - echo fine',
        '  - ls /does/not/exist',
        '  - echo never reached',
        '',
      ].join('\n'),
    );
    const r = await buildVariant(out, { variants: def, flatten: 'true' });
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      // Step 1 is the provisioning network, 2 the file, 3 `echo fine`.
      /console: INFRASIM-VARIANT [0-9a-f]+ ERROR step 4 \(command: ls \/does\/not\/exist\) exited with status \d+; provisioning stopped/,
    );
    // The failing step's own output is quoted.
    assert.match(
      r.stdout.replaceAll('%0A', '\n'),
      /the step's last output:\n\s+ls: \/does\/not\/exist: No such file or directory/,
    );
    assert.equal(await stat(join(out, 'variants', 'broken')).catch(() => null), null);
    assert.equal(await stat(join(out, 'meta', 'variant-broken-provenance.json')).catch(() => null), null);
  });

  it('a cancelled job (SIGTERM) stops QEMU, leaves no overlay, and the post step has nothing left to kill', async () => {
    const out = await outputTree('cancelled');
    const runnerTemp = await mkdtemp(join(tmpdir(), 'variant-cancel-'));
    const started = await startAction(
      'build-variant',
      { base: join(out, 'base.qcow2'), variants: 'wireguard', accel: 'tcg', timeout: '180' },
      { env: { RUNNER_TEMP: runnerTemp } },
    );
    const qemu = await waitForQemu(runnerTemp);
    started.child.kill('SIGTERM');
    const r = await started.done;
    assert.notEqual(r.code, 0, explain(r));
    assert.equal(await exists(`/proc/${qemu}`), false);
    assert.deepEqual(await qemuPidsMentioning(runnerTemp), []);
    assert.deepEqual(
      await readdir(join(out, 'variants')).catch(() => []),
      [],
      'no overlay, not even a temporary one',
    );
    const post = await runActionMain('build-variant', {}, { entry: 'post', state: r.state });
    assert.equal(post.code, 0, explain(post));
    assert.doesNotMatch(post.stdout, /killed leftover/);
    assert.equal(await exists(r.state['state-dir']!), false);
  });

  it('refuses an image that would carry a private key, naming the file', async () => {
    const out = await outputTree('leaky');
    const def = join(root, 'leaky', 'leaky.yaml');
    // A real key, made the way a careless provisioning step would: ssh-keygen.
    const keyFile = join(root, 'leaky', 'id_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'leaky', '-f', keyFile]);
    const pem = (await readFile(keyFile, 'utf8')).trimEnd().split('\n');
    await writeFile(
      def,
      [
        'name: leaky',
        'description: a key baked into the image',
        'files:',
        '  - path: /root/.ssh/id_ed25519',
        '    mode: "0600"',
        '    content: |',
        ...pem.map((l) => `      ${l}`),
        '',
      ].join('\n'),
    );
    const r = await buildVariant(out, { variants: def });
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /secrets in the provisioned image: \/root\/\.ssh\/id_ed25519 line 1 \(openssh-private-key, fingerprint sha256:[0-9a-f]{64}\)/,
    );
    // Named, never printed.
    for (const line of pem.slice(1, -1)) assert.ok(!r.stdout.includes(line) && !r.stderr.includes(line));
    assert.equal(await stat(join(out, 'variants', 'leaky')).catch(() => null), null);
  });

  it('rejects bad inputs before any work, naming the input, file and key', async () => {
    const out = await outputTree('bad-inputs');
    const unknownKey = join(root, 'bad-inputs', 'unknown.yaml');
    await writeFile(unknownKey, 'description: x\npackges: [curl]\n');
    const badMode = join(root, 'bad-inputs', 'mode.yaml');
    await writeFile(badMode, 'description: x\nfiles:\n  - path: /etc/x\n    mode: "0999"\n    content: x\n');
    const cases: [Record<string, string>, RegExp][] = [
      [{ variants: 'no-such-variant' }, /input 'variants': 'no-such-variant' is neither a built-in variant/],
      [{ variants: unknownKey }, /unknown\.yaml: key 'packges': unknown key/],
      [{ variants: badMode }, /mode\.yaml: key 'files\.0\.mode': '0999' is not an octal mode/],
      [
        { variants: 'wireguard', base: join(out, 'missing.qcow2') },
        /input 'base': .*missing\.qcow2' cannot be read/,
      ],
      [{ variants: 'wireguard', 'base-sha256': 'abc' }, /input 'base-sha256': 'abc' is not a SHA-256 digest/],
      [{ variants: 'wireguard', timeout: '-1' }, /input 'timeout'/],
    ];
    for (const [inputs, message] of cases) {
      const r = await buildVariant(out, inputs);
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, message);
    }
    assert.equal(await stat(join(out, 'variants')).catch(() => null), null);
  });
});
