/**
 * Hostile variant definitions against the bundled build-variant action
 * (dist/build-variant), on the test image's boot=kernel base under TCG:
 *   - a `source:` that escapes the definition's directory (`..`, an absolute
 *     path, a symlink), a device, a FIFO, an oversized, unreadable or
 *     ill-pathed file, and a definition that is a device or unreadable, are
 *     all refused before any overlay is made or QEMU started, naming the
 *     definition file, the key and the rule;
 *   - modes with setuid/setgid/sticky bits land in the image as the
 *     provenance records them: read back from the provisioned overlay's ext4
 *     with debugfs, and confirmed in the guest by the action's own `checks`.
 * One provisioning boot and one verification boot in all.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import type { BaseResult } from '../../shared/image/base.ts';
import { MAX_DEFINITION_BYTES, MAX_SOURCE_BYTES } from '../../shared/variant/file-source.ts';
import { provisioningAppend } from '../../shared/variant/options.ts';
import { readVariantProvenance } from '../../shared/variant/provenance.ts';
import { readBootReport } from '../../shared/vm/report-schema.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { BOOT_MARKER } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

/** The unprivileged user the permission cases run as (the test runner is root). */
const NOBODY = 65534;
let base: BaseResult;
let root: string;
let out: string;
let defs: string;

async function buildVariant(variants: string, as?: number): Promise<ActionRun> {
  return runActionMain(
    'build-variant',
    { base: join(out, 'base.qcow2'), variants, accel: 'tcg', timeout: '180', network: 'false' },
    { bundle: true, ...(as !== undefined ? { uid: as, gid: as } : {}) },
  );
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

/** defs/<name>.yaml with one file entry whose source is `source`. */
async function definition(name: string, source: string): Promise<string> {
  const path = join(defs, `${name}.yaml`);
  await writeFile(path, `description: x\nfiles:\n  - path: /etc/x\n    source: ${JSON.stringify(source)}\n`);
  await chmod(path, 0o644);
  return path;
}

beforeAll(async () => {
  await needTools(
    'qemu-system-x86_64',
    'qemu-img',
    'mkfs.vfat',
    'mcopy',
    'debugfs',
    'e2fsck',
    'sfdisk',
    'mkfifo',
  );
  base = await cachedTestBase('x86_64', 'kernel');
  root = await mkdtemp(join(tmpdir(), 'build-variant-hostile-'));
  // Readable by the unprivileged user of the permission cases; the output tree writable by it.
  await chmod(root, 0o755);
  out = join(root, 'output');
  await mkdir(join(out, 'meta'), { recursive: true });
  await copyFile(base.image, join(out, 'base.qcow2'));
  await copyFile(base.kernel!, join(out, 'base.vmlinuz'));
  await copyFile(base.provenance, join(out, 'meta', 'build-provenance.json'));
  await run('chmod', ['-R', 'a+rwX', out]);
  await writeFile(join(root, 'host-secret'), 'HOST SECRET\n');
  defs = join(root, 'defs');
  await mkdir(join(defs, 'files'), { recursive: true });
  await writeFile(join(defs, 'files', 'motd'), 'hello from inside\n');
  await symlink('/etc/hostname', join(defs, 'files', 'to-etc'));
  await symlink('../../host-secret', join(defs, 'files', 'to-parent'));
  await symlink('/dev/zero', join(defs, 'files', 'zero'));
  await symlink('motd', join(defs, 'files', 'to-motd'));
  execFileSync('mkfifo', [join(defs, 'files', 'fifo')]);
  await writeFile(join(defs, 'files', 'big'), '');
  await truncate(join(defs, 'files', 'big'), MAX_SOURCE_BYTES + 1);
  await writeFile(join(defs, 'files', 'secret'), 'only root reads this\n');
  await chmod(join(defs, 'files', 'secret'), 0o600);
  await writeFile(join(defs, 'unreadable.yaml'), 'description: x\n');
  await chmod(join(defs, 'unreadable.yaml'), 0o600);
  await writeFile(join(defs, 'huge.yaml'), '');
  await truncate(join(defs, 'huge.yaml'), MAX_DEFINITION_BYTES + 1);
  await run('chmod', ['a+rX', defs, join(defs, 'files')]);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('hostile definitions are refused before any work', () => {
  const RULE = /\(accepted: a path relative to the definition file that resolves inside its directory/;
  const cases: [what: string, variants: () => Promise<string>, message: RegExp, as?: number][] = [
    [
      "source: '..' out of the directory (baked the host file in before)",
      () => definition('dotdot', '../host-secret'),
      /dotdot\.yaml: key 'files\.0\.source': '\.\.\/host-secret' climbs out of the definition's directory/,
    ],
    [
      "source: '..' in the middle of the path",
      () => definition('middle', 'files/../../host-secret'),
      /middle\.yaml: key 'files\.0\.source': 'files\/\.\.\/\.\.\/host-secret' climbs out/,
    ],
    [
      'source: an absolute path',
      () => definition('absolute', '/etc/hostname'),
      /absolute\.yaml: key 'files\.0\.source': '\/etc\/hostname' is an absolute path/,
    ],
    [
      "source: a symlink to the host's /etc/hostname (baked it in before)",
      () => definition('link', 'files/to-etc'),
      /link\.yaml: key 'files\.0\.source': 'files\/to-etc' leads through a symlink to \/etc\/hostname, outside the definition's directory/,
    ],
    [
      'source: a relative symlink out of the directory',
      () => definition('relink', 'files/to-parent'),
      /relink\.yaml: key 'files\.0\.source': 'files\/to-parent' leads through a symlink to .*\/host-secret, outside/,
    ],
    [
      'source: a symlink to /dev/zero (read until the host ran out of memory before)',
      () => definition('zero', 'files/zero'),
      /zero\.yaml: key 'files\.0\.source': 'files\/zero' leads through a symlink to \/dev\/zero, outside/,
    ],
  ];
  const irregular: typeof cases = [
    [
      'source: a FIFO (its open blocked before)',
      () => definition('fifo', 'files/fifo'),
      /fifo\.yaml: key 'files\.0\.source': 'files\/fifo' is a FIFO \(accepted: a regular file\)/,
    ],
    [
      'source: a file over the size limit (mcopy "Disk full" after the overlay was made before)',
      () => definition('big', 'files/big'),
      new RegExp(
        `big\\.yaml: key 'files\\.0\\.source': 'files/big' is ${MAX_SOURCE_BYTES + 1} bytes, more than the limit of ${MAX_SOURCE_BYTES}`,
      ),
    ],
    [
      'source: a path through a file (raw ENOTDIR before)',
      () => definition('notdir', 'files/motd/x'),
      /notdir\.yaml: key 'files\.0\.source': 'files\/motd\/x' has a path component that is not a directory$/m,
    ],
    [
      'source: a file the user cannot read (raw EACCES before)',
      () => definition('secret', 'files/secret'),
      /secret\.yaml: key 'files\.0\.source': 'files\/secret' cannot be read \(permission denied\)$/m,
      NOBODY,
    ],
    [
      'definition: /dev/zero (read without end before)',
      async () => '/dev/zero',
      /input 'variants': definition file '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'definition: a file the user cannot read (raw EACCES before)',
      async () => join(defs, 'unreadable.yaml'),
      /input 'variants': definition file '.*\/unreadable\.yaml' cannot be read \(permission denied\)$/m,
      NOBODY,
    ],
    [
      'definition: a file over the size limit',
      async () => join(defs, 'huge.yaml'),
      new RegExp(
        `definition file '.*/huge\\.yaml' is ${MAX_DEFINITION_BYTES + 1} bytes, more than the limit`,
      ),
    ],
  ];
  for (const [what, variants, message, as] of [...cases, ...irregular]) {
    it(what, async () => {
      const started = performance.now();
      const r = await buildVariant(await variants(), as);
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, /::error title=Invalid input::input 'variants': /);
      assert.match(r.stdout, message);
      if (cases.some(([w]) => w === what)) assert.match(r.stdout, RULE, 'the rule is named');
      assert.doesNotMatch(r.stdout, /\b(EACCES|ENOTDIR|EFBIG|EISDIR)\b/);
      // Refused while the inputs were validated: no overlay, no QEMU.
      assert.doesNotMatch(r.stdout, /Building|provisioning/);
      assert.deepEqual(await readdir(out), ['base.qcow2', 'base.vmlinuz', 'meta']);
      assert.ok(performance.now() - started < 20_000);
    });
  }
});

/** Mode (octal, as debugfs prints it: 04755), owner and content of files in an image's root filesystem. */
async function readBack(
  image: string,
  paths: string[],
): Promise<Map<string, { mode: string; uid: string; content: string }>> {
  const raw = join(root, 'readback.raw');
  await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw]);
  try {
    const table = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
      partitiontable: { partitions: { start: number; name?: string }[] };
    };
    const part = table.partitiontable.partitions.find((p) => p.name === 'root')!;
    const fs = `${raw}?offset=${part.start * 512}`;
    // The guest powered off cleanly; e2fsck replays anything left in the journal all the same.
    await run('e2fsck', ['-fy', fs], { okCodes: [1, 2] });
    const out = new Map<string, { mode: string; uid: string; content: string }>();
    for (const path of paths) {
      const stat = (await run('debugfs', ['-R', `stat ${path}`, fs])).stdout;
      const mode = /Mode:\s+(\d+)/.exec(stat)?.[1];
      const uid = /User:\s+(\d+)\s+Group:\s+(\d+)/.exec(stat);
      assert.ok(mode && uid, `${path}: ${stat}`);
      const content = (await run('debugfs', ['-R', `cat ${path}`, fs])).stdout;
      out.set(path, { mode, uid: `${uid[1]}:${uid[2]}`, content });
    }
    return out;
  } finally {
    await rm(raw, { force: true });
  }
}

describe('modes keep every bit', () => {
  it('setuid, setgid and sticky bits land in the overlay as the provenance says, and its checks pass in the guest', async () => {
    const modes = ['4755', '2755', '6750', '7777', '1777', '0644', '0600'];
    const def = join(defs, 'modes.yaml');
    await writeFile(
      def,
      [
        'name: modes',
        'description: every mode bit, and a source through a symlink that stays inside',
        'files:',
        ...modes.map((m) => `  - { path: /opt/modes/m${m}, mode: "${m}", content: "mode ${m}\\n" }`),
        '  - { path: /opt/modes/owned, mode: "4750", owner: "0:1", source: files/to-motd }',
        '',
      ].join('\n'),
    );
    const r = await buildVariant(def);
    assert.equal(r.code, 0, explain(r));

    const provenance = await readVariantProvenance(r.outputs.provenance!);
    assert.deepEqual(
      provenance.files.map((f) => [f.path, f.mode, f.owner]),
      [...modes.map((m) => [`/opt/modes/m${m}`, m, '0:0']), ['/opt/modes/owned', '4750', '0:1']],
    );
    // Before the fix the chown after the chmod cleared setuid/setgid: 4755 arrived as 0755, 7777 as 1777.
    const found = await readBack(
      r.outputs.overlay!,
      provenance.files.map((f) => f.path),
    );
    for (const f of provenance.files) {
      const got = found.get(f.path)!;
      // debugfs prints the mode with one leading 0: 0644, 04755, 07777.
      assert.equal(got.mode, f.mode.startsWith('0') ? f.mode : `0${f.mode}`, f.path);
    }
    assert.equal(found.get('/opt/modes/owned')!.uid, '0:1');
    assert.equal(found.get('/opt/modes/owned')!.content, 'hello from inside\n');
    assert.equal(found.get('/opt/modes/m4755')!.content, 'mode 4755\n');

    // The action's own checks (stat -c '%a …' in the guest) agree with what it recorded.
    assert.match(r.outputs.checks!, /stat -c '%a %u:%g' '\/opt\/modes\/m4755'\)" = '4755 0:0'/);
    const verify = await runActionMain(
      'boot-verify',
      {
        images: r.outputs.overlay!,
        arch: 'x86_64',
        boot: 'kernel',
        kernel: join(out, 'base.vmlinuz'),
        append: provisioningAppend(base.cmdline),
        expect: BOOT_MARKER,
        accel: 'tcg',
        timeout: '120',
        network: 'false',
        checks: r.outputs.checks!,
        'output-dir': join(root, 'verify'),
        // The overlay's base sits two levels up, where build-variant put it.
        'backing-roots': out,
      },
      { bundle: true },
    );
    assert.equal(verify.code, 0, explain(verify));
    assert.equal(verify.outputs.status, 'success');
    const { checks } = await readBootReport(verify.outputs.report!);
    assert.equal(checks.length, r.outputs.checks!.split('\n').length);
    assert.ok(
      checks.every((c) => c.passed),
      JSON.stringify(checks.filter((c) => !c.passed)),
    );
  });
});

describe('build-variant: the base and the timeout', () => {
  it('refuses a base whose backing file is a host file, before any boot', async () => {
    const hostile = join(root, 'hostile-base');
    await mkdir(join(hostile, 'meta'), { recursive: true });
    await copyFile(
      join(out, 'meta', 'build-provenance.json'),
      join(hostile, 'meta', 'build-provenance.json'),
    );
    await run('qemu-img', [
      'create',
      '-q',
      '-f',
      'qcow2',
      '-u',
      '-b',
      '/etc/shadow',
      '-F',
      'raw',
      join(hostile, 'base.qcow2'),
      '64M',
    ]);
    const r = await runActionMain(
      'build-variant',
      { base: join(hostile, 'base.qcow2'), variants: 'no-vpn', accel: 'tcg', network: 'false' },
      { bundle: true },
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /input 'base': the backing file '\/etc\/shadow' .* lies outside/);
    assert.doesNotMatch(r.stdout, /provisioning/);
  });

  it("refuses a timeout Node's timers cannot hold", async () => {
    const r = await runActionMain(
      'build-variant',
      { base: join(out, 'base.qcow2'), variants: 'no-vpn', accel: 'tcg', timeout: '999999999' },
      { bundle: true },
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /input 'timeout': 999999999 seconds is more than the maximum of 2147483 seconds/);
  });
});
