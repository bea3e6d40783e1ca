import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';
import { readChunks, sha256File } from '../../shared/hash.ts';

it('sha256File matches a one-shot digest across chunk boundaries (two alternating read buffers)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hash-'));
  for (const size of [0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, 2 * 4 * 1024 * 1024 + 12345]) {
    const data = randomBytes(size);
    const file = join(dir, `f${size}`);
    await writeFile(file, data);
    assert.equal(await sha256File(file), createHash('sha256').update(data).digest('hex'), `size ${size}`);
  }
});

it('reads many large files at once with shared buffers, and a read that failed midway spoils none of them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hash-pool-'));
  // More files than pairs are kept, each over the pooled size; read side by side, twice.
  const files = await Promise.all(
    Array.from({ length: 7 }, async (_, i) => {
      const data = randomBytes(64 * 1024 + i * 1_500_000);
      const file = join(dir, `f${i}`);
      await writeFile(file, data);
      return { file, sha256: createHash('sha256').update(data).digest('hex') };
    }),
  );
  for (let round = 0; round < 2; round++) {
    const got = await Promise.all(files.map((f) => sha256File(f.file)));
    assert.deepEqual(
      got,
      files.map((f) => f.sha256),
      `round ${round}`,
    );
  }
  // A consumer that throws on its first chunk while the next read is under way: the call fails with its
  // error, and the reads after it still see their own bytes.
  const handle = await open(files[6]!.file, 'r');
  await assert.rejects(
    readChunks(
      handle,
      () => {
        throw new Error('consumer failed');
      },
      1024 * 1024,
    ),
    /consumer failed/,
  );
  await handle.close();
  const after = await Promise.all(files.map((f) => sha256File(f.file)));
  assert.deepEqual(
    after,
    files.map((f) => f.sha256),
  );
});
