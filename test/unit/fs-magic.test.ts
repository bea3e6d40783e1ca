/** shared/image-fs/fs-magic.ts against filesystems the real mkfs tools make. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import { filesystemAt } from '../../shared/image-fs/fs-magic.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fs-magic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function image(name: string, make: (file: string) => Promise<unknown>): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, '');
  await truncate(file, 64 * 1024 * 1024);
  await make(file);
  return file;
}

test('mkfs.ext4 and mkfs.fat (FAT16 and FAT32) are recognised; zeros and text are neither', async () => {
  const ext = await image('ext4', (f) => run('mkfs.ext4', ['-q', '-F', f]));
  const fat16 = await image('fat16', (f) => run('mkfs.fat', ['-F', '16', f]));
  const fat32 = await image('fat32', (f) => run('mkfs.fat', ['-F', '32', f]));
  const zeros = await image('zeros', async () => {});
  assert.equal(await filesystemAt(ext, 0), 'ext');
  assert.equal(await filesystemAt(fat16, 0), 'fat');
  assert.equal(await filesystemAt(fat32, 0), 'fat');
  assert.equal(await filesystemAt(zeros, 0), null);
  const text = join(dir, 'text');
  await writeFile(text, 'FAT32   '.repeat(300));
  assert.equal(await filesystemAt(text, 0), null, 'a type string without a boot signature is no FAT');
  assert.equal(await filesystemAt(ext, 64 * 1024 * 1024), null, 'past the end');
});

test('a filesystem at an offset inside a disk file (a partition) is found there', async () => {
  const disk = await image('disk', async (f) => {
    const part = join(dir, 'part');
    await writeFile(part, '');
    await truncate(part, 8 * 1024 * 1024);
    await run('mkfs.ext4', ['-q', '-F', part]);
    await run('dd', [`if=${part}`, `of=${f}`, 'bs=1M', 'seek=1', 'conv=notrunc', 'status=none']);
  });
  assert.equal(await filesystemAt(disk, 1024 * 1024), 'ext');
  assert.equal(await filesystemAt(disk, 0), null);
});
