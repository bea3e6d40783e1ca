/**
 * imageInfo reads an image's facts from its header and its stat; qemu-img
 * info is the reference: the same answers on the kinds of image the suite
 * writes (compressed qcow2, an overlay naming its backing file and format,
 * sparse raw), and qemu-img itself for any other format.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from '@jest/globals';
import { imageInfo, qemuImgInfo } from '../../shared/image/qcow2.ts';
import { needTools } from '../support/tools.ts';

let dir: string;
const qemuImg = (...args: string[]) => execFileSync('qemu-img', args, { cwd: dir, stdio: 'pipe' });

beforeAll(async () => {
  await needTools('qemu-img');
  dir = await mkdtemp(join(tmpdir(), 'image-info-'));
  // Some data, so allocated sizes differ from zero and from the virtual size.
  await writeFile(join(dir, 'data.raw'), Buffer.alloc(3 * 1024 * 1024 + 123, 7));
  execFileSync('truncate', ['-s', '64M', join(dir, 'data.raw')]);
  qemuImg(...'convert -q -f raw -O qcow2 -c -o compression_type=zstd data.raw base.qcow2'.split(' '));
  qemuImg('create', '-q', '-f', 'qcow2', '-b', 'base.qcow2', '-F', 'qcow2', 'overlay.qcow2');
  qemuImg('create', '-q', '-f', 'qcow2', '-o', 'cluster_size=2M', 'big-clusters.qcow2', '1G');
  qemuImg('create', '-q', '-f', 'vmdk', 'other.vmdk', '16M');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('answers as qemu-img info does, from the header and the stat', async () => {
  for (const name of ['data.raw', 'base.qcow2', 'overlay.qcow2', 'big-clusters.qcow2', 'other.vmdk']) {
    assert.deepEqual(await imageInfo(join(dir, name)), await qemuImgInfo(join(dir, name)), name);
  }
  const overlay = await imageInfo(join(dir, 'overlay.qcow2'));
  assert.equal(overlay.backingFile, 'base.qcow2');
  assert.equal(overlay.backingFormat, 'qcow2');
  assert.equal(
    (await imageInfo(join(dir, 'other.vmdk'))).format,
    'vmdk',
    'another format: asked of qemu-img',
  );
});
