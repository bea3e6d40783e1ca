/**
 * build-base's input validation against hostile paths: outputs that would
 * replace an input, a device, a directory or something outside the
 * workspace; file inputs that are devices, FIFOs or too large. Every refusal
 * is an InputError naming the input and the rule, raised before any work.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { resolveBaseOptions } from '../../shared/image/base.ts';
import { localRunContext } from '../../shared/run-context.ts';
import { addDirectory } from '../../shared/image/rootfs-dir.ts';
import { RootfsManifest } from '../../shared/image/rootfs-manifest.ts';
import { emptyBaseInputs } from '../support/base-image.ts';

const workspace = await mkdtemp(join(tmpdir(), 'hostile-inputs-'));
const elsewhere = await mkdtemp(join(tmpdir(), 'hostile-elsewhere-'));
const tarball = join(workspace, 'rootfs.tar');
await writeFile(tarball, '');
const kernel = join(workspace, 'kernel.vmlinuz');
await writeFile(kernel, 'kernel');
await mkdir(join(workspace, 'files/etc'), { recursive: true });
await writeFile(join(workspace, 'a-file'), 'x');
await mkdir(join(workspace, 'out'));
await writeFile(join(workspace, 'out-meta-file'), '');
await mkdir(join(workspace, 'meta-is-file'));
await writeFile(join(workspace, 'meta-is-file/meta'), 'x');
execFileSync('mkfifo', [join(workspace, 'fifo')]);
await symlink('/etc/passwd', join(workspace, 'link-to-passwd'));
await symlink(elsewhere, join(workspace, 'escape'));
await writeFile(join(workspace, 'huge.tar'), '');
await truncate(join(workspace, 'huge.tar'), 200 * 1024 * 1024);
const ctx = localRunContext({ sourceDateEpoch: '1700000000' });
const env: NodeJS.ProcessEnv = {};

function refuses(
  overrides: Parameters<typeof emptyBaseInputs>[0],
  input: string,
  message: RegExp,
  environment: NodeJS.ProcessEnv = env,
) {
  return assert.rejects(
    resolveBaseOptions(
      emptyBaseInputs({ distro: 'rootfs', rootfs: tarball, ...overrides }),
      workspace,
      ctx,
      environment,
    ),
    (e: unknown) => {
      assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
      assert.equal(e.input, input);
      assert.match(e.message, message);
      return true;
    },
  );
}

describe('build-base outputs never replace what is there', () => {
  const cases: [string, Parameters<typeof emptyBaseInputs>[0], RegExp][] = [
    [
      'its own rootfs tarball',
      { output: tarball },
      /output '.*rootfs\.tar' is the file the 'rootfs' input names; build-base never writes over an input/,
    ],
    [
      'its rootfs tarball, named relatively',
      { output: 'rootfs.tar' },
      /is the file the 'rootfs' input names/,
    ],
    [
      'the kernel input, through the exported kernel beside the image',
      { kernel, boot: 'kernel', output: join(workspace, 'kernel.qcow2') },
      /the kernel exported beside it \(from output\) '.*\/kernel\.vmlinuz' is the file the 'kernel' input names/,
    ],
    [
      'a path inside the files directory (the build would read its own output)',
      { files: join(workspace, 'files'), output: join(workspace, 'files/etc/base.qcow2') },
      /lies inside the 'files' input directory \(etc\/base\.qcow2\)/,
    ],
    [
      'a FIFO',
      { output: join(workspace, 'fifo') },
      /output '.*\/fifo' is a FIFO; build-base writes only new or regular files/,
    ],
    ['a device', { output: '/dev/null' }, /output '\/dev\/null' is a character device/],
    [
      'a symlink (renaming over it would follow no rule)',
      { output: join(workspace, 'link-to-passwd') },
      /is a symlink; build-base writes only new or regular files/,
    ],
    ['a directory', { output: join(workspace, 'out') }, /output '.*\/out' is a directory/],
    [
      'a path below a regular file',
      { output: join(workspace, 'a-file/base.qcow2') },
      /output '.*a-file\/base\.qcow2' cannot be created: '.*\/a-file' is a regular file, not a directory/,
    ],
    [
      'a provenance directory that is a regular file',
      { output: join(workspace, 'meta-is-file/base.qcow2') },
      /the provenance written beside it \(from output\) '.*meta-is-file\/meta\/build-provenance\.json' cannot be created: '.*\/meta' is a regular file/,
    ],
    [
      'a path outside the workspace',
      { output: join(elsewhere, 'base.qcow2') },
      /output '.*hostile-elsewhere-.*\/base\.qcow2' is outside the workspace \(.*hostile-inputs-.*\)/,
    ],
    [
      'a path that leaves the workspace through a symlinked directory',
      { output: join(workspace, 'escape/base.qcow2') },
      /output '.*\/escape\/base\.qcow2' is outside the workspace/,
    ],
    [
      'a path climbing out with ..',
      // More `..` than the workspace is deep: they stop at /, wherever the temporary directory is.
      { output: '../../../../../../../../etc/cron.d/x' },
      /output '\/etc\/cron\.d\/x' is outside the workspace/,
    ],
  ];
  for (const [name, overrides, message] of cases) {
    it(`refuses ${name}`, () => refuses(overrides, 'output', message));
  }

  it('accepts a new file in the runner temporary directory, and uses GITHUB_WORKSPACE as the workspace', async () => {
    const o = await resolveBaseOptions(
      emptyBaseInputs({ distro: 'rootfs', rootfs: tarball, output: join(elsewhere, 'new/base.qcow2') }),
      workspace,
      ctx,
      { ...env, RUNNER_TEMP: elsewhere },
    );
    assert.equal(o.output, join(elsewhere, 'new/base.qcow2'));
    await refuses(
      { output: join(workspace, 'x.qcow2') },
      'output',
      /is outside the workspace \(.*hostile-elsewhere-/,
      {
        ...env,
        GITHUB_WORKSPACE: elsewhere,
      },
    );
  });

  it('accepts replacing a regular file it wrote before', async () => {
    await writeFile(join(workspace, 'out/base.qcow2'), 'old image');
    const o = await resolveBaseOptions(
      emptyBaseInputs({ distro: 'rootfs', rootfs: tarball, output: 'out/base.qcow2' }),
      workspace,
      ctx,
      env,
    );
    assert.equal(o.output, join(workspace, 'out/base.qcow2'));
  });
});

describe('build-base reads only regular files of bounded size', () => {
  const cases: [string, Parameters<typeof emptyBaseInputs>[0], string, RegExp][] = [
    ['a kernel that is a device', { kernel: '/dev/zero' }, 'kernel', /'\/dev\/zero' is a character device/],
    ['a kernel that is a FIFO', { kernel: join(workspace, 'fifo') }, 'kernel', /is a FIFO/],
    [
      'an initrd that is a device',
      { kernel, initrd: '/dev/urandom' },
      'initrd',
      /'\/dev\/urandom' is a character device/,
    ],
    ['a rootfs that is a device', { rootfs: '/dev/zero' }, 'rootfs', /'\/dev\/zero' is a character device/],
    [
      'a rootfs tarball larger than the disk',
      { rootfs: join(workspace, 'huge.tar'), size: '128M' },
      'rootfs',
      /huge\.tar' is 209715200 bytes, larger than the disk it must fit in \(input 'size': 134217728 bytes\)/,
    ],
    ['user-data that is a FIFO', { 'user-data': join(workspace, 'fifo') }, 'user-data', /is a FIFO/],
    ['a size no file can hold', { size: '100T' }, 'size', /100T is more than 8T \(accepted: 128M to 8T\)/],
  ];
  for (const [name, overrides, input, message] of cases) {
    it(`refuses ${name}, naming the input`, () => refuses(overrides, input, message));
  }
});

describe('directory inputs are walked as bytes, within the disk size', () => {
  it('refuses a name that is not UTF-8, naming the input and the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hostile-dir-'));
    await writeFile(Buffer.from(`${dir}/bad-\xff-name`, 'latin1'), 'x');
    await assert.rejects(
      addDirectory(new RootfsManifest(dir), dir, { input: 'files' }),
      (e: unknown) =>
        e instanceof InputError &&
        e.input === 'files' &&
        /'.*\/bad-\\xff-name' has a name that is not valid UTF-8/.test(e.message),
    );
  });

  it('stops once the files add up to more than the disk size, naming size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hostile-dir-'));
    await writeFile(join(dir, 'a'), Buffer.alloc(3000));
    await writeFile(join(dir, 'b'), Buffer.alloc(3000));
    await assert.rejects(
      addDirectory(new RootfsManifest(dir), dir, { input: 'files', limit: { bytes: 4096, input: 'size' } }),
      (e: unknown) =>
        e instanceof InputError &&
        e.input === 'size' &&
        /add up to more than 0 MiB, the requested disk size \(stopped at '.*\/b'\)/.test(e.message),
    );
  });
});
