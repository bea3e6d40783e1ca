/**
 * build-variant's base check (checkBase): the base is hashed once for the
 * run, and each variant's check after its boot reads it again only if the
 * file changed — including a rewrite in place whose modification time was
 * put back, which its status-change time still shows.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { DigestMemo } from '../../shared/digest-memo.ts';
import { DataError } from '../../shared/errors.ts';
import { sha256 } from '../../shared/hash.ts';
import { checkBase } from '../../shared/variant/build.ts';
import { rewriteByteKeepingTimes } from '../support/rewrite-in-place.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'variant-check-base-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('checkBase', () => {
  it('hashes the base once for the checks before and after the boots while it is unchanged', async () => {
    const base = join(dir, 'unchanged.qcow2');
    const bytes = Buffer.alloc(256 * 1024, 7);
    await writeFile(base, bytes);
    const digests = new DigestMemo();
    const before = await checkBase(base, sha256(bytes), digests);
    assert.equal(before, sha256(bytes));
    for (let variant = 0; variant < 2; variant++)
      assert.equal(await checkBase(base, before, digests), before);
    assert.equal(digests.hashed, 1);
  });

  it('refuses a base rewritten in place during the boot, even with its modification time put back', async () => {
    const base = join(dir, 'rewritten.qcow2');
    await writeFile(base, Buffer.alloc(256 * 1024, 7));
    const digests = new DigestMemo();
    const before = await checkBase(base, undefined, digests);
    await rewriteByteKeepingTimes(base, join(dir, 'times'), 4096);
    await assert.rejects(
      checkBase(base, before, digests),
      (e: Error) =>
        e instanceof DataError &&
        e.message.includes(`has sha256 `) &&
        e.message.includes(`expected ${before}: the base changed since it was built or pinned`),
    );
    assert.equal(digests.hashed, 2);
  });
});
