/**
 * The up-front tool check (shared/tools.ts, shared/action-tools.ts), the sbin
 * lookup every run shares with it, and the streamed runner's errors.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { ACTION_TOOLS, checkActionTools } from '../../shared/action-tools.ts';
import { MissingToolError, MissingToolsError, ToolError } from '../../shared/errors.ts';
import { runStreamed, useToolStreamer, type ToolStreamer } from '../../shared/exec-stream.ts';
import { run } from '../../shared/exec.ts';
import { everyTenthPercent } from '../../shared/image/qcow2.ts';
import { checkTools, findTool, SBIN_DIRS, TOOL_PACKAGES, toolSearchDirs } from '../../shared/tools.ts';
import { needTools } from '../support/tools.ts';

let root: string;
let bin: string;
let sbin: string;
let empty: string;

async function executable(path: string, body = '#!/bin/sh\nexit 0\n'): Promise<void> {
  await writeFile(path, body);
  await chmod(path, 0o755);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tools-test-'));
  bin = join(root, 'bin');
  sbin = join(root, 'sbin');
  empty = join(root, 'empty');
  for (const d of [bin, sbin, empty]) await mkdir(d);
  await executable(join(bin, 'qemu-img'));
  await executable(join(sbin, 'mkfs.ext4'));
  // Neither a non-executable file nor a directory is a tool.
  await writeFile(join(bin, 'mcopy'), 'not executable');
  await mkdir(join(bin, 'mmdebstrap'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('checkTools', () => {
  it('names every missing tool with its package in one error, with the apt-get line', async () => {
    const err = await checkTools('build-base', ['qemu-img', 'mmdebstrap', 'mcopy', 'mkfs.ext4', 'mmd'], {
      path: bin,
      sbinDirs: [sbin],
    }).then(
      () => assert.fail('expected a MissingToolsError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MissingToolsError);
    assert.deepEqual(err.missing, [
      { tool: 'mmdebstrap', package: 'mmdebstrap' },
      { tool: 'mcopy', package: 'mtools' },
      { tool: 'mmd', package: 'mtools' },
    ]);
    assert.match(err.message, /^build-base needs 3 tools that are not installed: /);
    assert.match(
      err.message,
      /mmdebstrap \(package mmdebstrap\), mcopy \(package mtools\), mmd \(package mtools\)/,
    );
    // One install line, each package once.
    assert.match(err.message, /\nInstall with: sudo apt-get install -y mmdebstrap mtools\n/);
    assert.ok(err.message.includes(`looked in ${bin}:${sbin}`), err.message);
    assert.doesNotMatch(err.message, /qemu-img|mkfs\.ext4/);
  });

  it('returns where each tool is when all are there', async () => {
    const found = await checkTools('x', ['qemu-img', 'mkfs.ext4'], { path: bin, sbinDirs: [sbin] });
    assert.deepEqual(Object.fromEntries(found), {
      'qemu-img': join(bin, 'qemu-img'),
      'mkfs.ext4': join(sbin, 'mkfs.ext4'),
    });
  });
});

describe('findTool', () => {
  it('finds a tool that is only in an sbin directory, not on PATH', async () => {
    assert.equal(await findTool('mkfs.ext4', { path: empty, sbinDirs: [sbin] }), join(sbin, 'mkfs.ext4'));
    assert.equal(await findTool('mkfs.ext4', { path: empty, sbinDirs: [] }), null);
  });

  it('prefers PATH to the sbin directories, and searches each directory once', async () => {
    await executable(join(empty, 'mkfs.ext4'));
    try {
      assert.equal(await findTool('mkfs.ext4', { path: empty, sbinDirs: [sbin] }), join(empty, 'mkfs.ext4'));
    } finally {
      await rm(join(empty, 'mkfs.ext4'));
    }
    assert.deepEqual(toolSearchDirs({ path: `${sbin}:${bin}:`, sbinDirs: [sbin, '/x'] }), [sbin, bin, '/x']);
  });

  it('searches /usr/local/sbin, /usr/sbin and /sbin by default', async () => {
    assert.deepEqual(SBIN_DIRS, ['/usr/local/sbin', '/usr/sbin', '/sbin']);
    await needTools('sfdisk');
    // sfdisk lives in /usr/sbin or /sbin: a PATH without them still finds it.
    assert.match((await findTool('sfdisk', { path: empty })) ?? '', /^\/(usr\/)?sbin\/sfdisk$/);
  });

  it('run() starts an sbin tool that PATH lacks, as the check found it', async () => {
    await needTools('sfdisk');
    const r = await run('sfdisk', ['--version'], { env: { ...process.env, PATH: empty } });
    assert.match(r.stdout, /sfdisk from util-linux/);
    await assert.rejects(
      run('no-such-tool-infrasim', []),
      (e: unknown) =>
        e instanceof MissingToolError && /apt-get install no-such-tool-infrasim/.test(e.message),
    );
  });
});

describe('ACTION_TOOLS', () => {
  it('asks for what the options use: mmdebstrap only for Debian and Ubuntu, QEMU of the arch', () => {
    const debian = ACTION_TOOLS['build-base']({ distro: 'debian', packages: ['linux-image-cloud-amd64'] });
    assert.ok(debian.includes('mmdebstrap') && debian.includes('qemu-img') && debian.includes('mkfs.ext4'));
    const alpine = ACTION_TOOLS['build-base']({ distro: 'rootfs', rootfs: 'root.tar.xz', packages: [] });
    assert.ok(!alpine.includes('mmdebstrap') && alpine.includes('xz'));
    assert.deepEqual(ACTION_TOOLS['boot-verify']({ arch: 'aarch64', checks: [] }), [
      'qemu-img',
      'qemu-system-aarch64',
    ]);
    assert.ok(ACTION_TOOLS['boot-verify']({ arch: 'x86_64', checks: [{}] }).includes('mcopy'));
    assert.deepEqual(ACTION_TOOLS.attest({ command: 'verify' }), []);
    assert.deepEqual(ACTION_TOOLS['tag-snapshot']({ gitTag: 'git' }), ['git']);
  });

  it('knows the Debian package of every tool an action can ask for', () => {
    const asked = new Set([
      ...ACTION_TOOLS['build-base']({ distro: 'debian', packages: [] }),
      ...ACTION_TOOLS['build-base']({ distro: 'alpine', rootfs: 'a.txz', packages: ['x'] }),
      ...ACTION_TOOLS['build-variant']({ arch: 'x86_64' }),
      ...ACTION_TOOLS['boot-verify']({ arch: 'aarch64', checks: [{}] }),
      ...ACTION_TOOLS.attest({ command: 'attest' }),
      ...ACTION_TOOLS['tag-snapshot']({ gitTag: 'git' }),
    ]);
    for (const tool of asked) assert.ok(TOOL_PACKAGES[tool], `no Debian package recorded for ${tool}`);
  });

  it('checkActionTools fails naming the action', async () => {
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      await assert.rejects(
        checkActionTools('boot-verify', { arch: 'x86_64', checks: [] }),
        /^MissingToolsError: boot-verify needs 2 tools that are not installed: qemu-img \(package qemu-utils\), qemu-system-x86_64 \(package qemu-system-x86\)/,
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('runStreamed', () => {
  const logged: string[] = [];
  const recording: ToolStreamer = {
    exec: (path, args, o) =>
      run(path, args, { env: o.env, okCodes: [3] }).then((r) => {
        o.stdout(Buffer.from(r.stdout));
        o.stderr(Buffer.from(r.stderr));
        return r.code;
      }),
    info: (line) => logged.push(line),
    startGroup: (title) => logged.push(`::group::${title}`),
    endGroup: () => logged.push('::endgroup::'),
  };

  it('logs each line inside a group and fails naming the tool, its exit code and its last words', async () => {
    useToolStreamer(recording);
    const err = await runStreamed(
      'sh',
      ['-c', 'echo one; printf "10%%\\r20%%\\r"; echo broken >&2; exit 3'],
      {
        title: 'a long tool',
        hint: 'try again',
      },
    ).then(
      () => assert.fail('expected a ToolError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ToolError);
    assert.equal(err.exitCode, 3);
    assert.match(err.message, /^sh failed \(exit 3\): sh -c/);
    assert.match(err.message, /broken\ntry again$/);
    assert.equal(logged[0], '::group::a long tool');
    assert.deepEqual(logged.slice(2), ['one', '10%', '20%', 'broken', '::endgroup::']);
  });

  it('without a runner it still runs the tool, and reports a missing one by package', async () => {
    useToolStreamer(null);
    logged.length = 0;
    assert.equal(await runStreamed('sh', ['-c', 'echo done'], { title: 't' }), 'done');
    assert.deepEqual(logged, []);
    // qemu-img is in /usr/bin, which this PATH lacks and no sbin directory holds.
    await assert.rejects(
      runStreamed('qemu-img', ['convert'], { title: 't', env: { PATH: empty } }),
      (e: unknown) => e instanceof MissingToolError && /qemu-utils/.test(e.message),
    );
  });

  it('keeps a character whose bytes arrive in two chunks whole', async () => {
    logged.length = 0;
    const bytes = Buffer.from('déjà vu\n');
    useToolStreamer({
      ...recording,
      exec: (_path, _args, o) => {
        o.stdout(bytes.subarray(0, 2));
        o.stdout(bytes.subarray(2));
        return Promise.resolve(0);
      },
    });
    assert.equal(await runStreamed('sh', [], { title: 't' }), 'déjà vu');
    assert.equal(logged.at(-2), 'déjà vu');
    useToolStreamer(null);
  });

  it('keeps one progress line per 10% of qemu-img -p', () => {
    const filter = everyTenthPercent();
    const shown = [
      '    (0.00/100%)',
      '(5.01/100%)',
      '(10.00/100%)',
      '(19.99/100%)',
      '(42.5/100%)',
      '(100.00/100%)',
    ]
      .map(filter)
      .filter((l) => l !== null);
    assert.deepEqual(shown, ['0%', '10%', '40%', '100%']);
    assert.equal(filter('qemu-img: warning'), 'qemu-img: warning');
  });
});
