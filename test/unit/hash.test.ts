import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';
import { sha256File } from '../../shared/hash.ts';

it('sha256File matches a one-shot digest across chunk boundaries (two alternating read buffers)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hash-'));
  for (const size of [0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, 2 * 4 * 1024 * 1024 + 12345]) {
    const data = randomBytes(size);
    const file = join(dir, `f${size}`);
    await writeFile(file, data);
    assert.equal(await sha256File(file), createHash('sha256').update(data).digest('hex'), `size ${size}`);
  }
});
