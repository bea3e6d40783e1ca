/**
 * build-variant with a base that is refused while its overlay and seed are
 * being made beside the check: the refusal is the error reported, whatever
 * else failed meanwhile; nothing keeps waiting on the base (a FIFO would keep
 * qemu-img reading for ever); and the cleanup removes exactly the
 * directories this build made.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { buildVariant, type VariantBuildOptions } from '../../shared/variant/build.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';
import { needTools } from '../support/tools.ts';

let dir: string;
beforeAll(async () => {
  await needTools('qemu-img', 'mkfs.vfat', 'mcopy', 'mkfifo');
  dir = await mkdtemp(join(tmpdir(), 'variant-refused-base-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function options(
  base: string,
  outputDir: string,
  extra: Partial<VariantBuildOptions> = {},
): VariantBuildOptions {
  return {
    base,
    expectedBaseSha256: '0'.repeat(64),
    baseDistro: 'alpine',
    arch: 'x86_64',
    boot: 'kernel',
    outputDir,
    flatten: false,
    compression: 'none',
    timeoutMs: 60_000,
    memoryMiB: 256,
    cpus: 1,
    accel: 'tcg',
    network: false,
    tailscaleRepository: 'https://pkgs.tailscale.com/stable/debian',
    parallel: 1,
    source: { gitSha: null, buildDate: '2026-01-01T00:00:00Z' },
    workDir: dir,
    ...extra,
  };
}

const plan = async () => planVariant(await loadDefinition('no-vpn'), 'alpine');

describe('a base refused while the overlay is made beside its check', () => {
  it('a FIFO for a base is refused at once: the overlay being made from it is stopped, not waited for', async () => {
    const base = join(dir, 'fifo.qcow2');
    execFileSync('mkfifo', [base]);
    const out = join(dir, 'out-fifo');
    const started = Date.now();
    await assert.rejects(buildVariant(await plan(), options(base, out)), /is a FIFO|not a regular file/);
    // qemu-img opening the FIFO would block until a writer came: it must have been stopped.
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.equal(await stat(out).catch(() => null), null, 'the output tree this build made is gone');
  });

  it('keeps a variant directory that was there before, and removes the ones it made', async () => {
    const base = join(dir, 'other.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', base, '16M']);
    const out = join(dir, 'out-kept');
    await mkdir(join(out, 'variants', 'no-vpn'), { recursive: true });
    await assert.rejects(buildVariant(await plan(), options(base, out)), /expected 0{64}/);
    assert.deepEqual(await readdir(join(out, 'variants', 'no-vpn')), []);

    const fresh = join(dir, 'out-fresh');
    await mkdir(fresh);
    await assert.rejects(buildVariant(await plan(), options(base, fresh)), /expected 0{64}/);
    assert.deepEqual(await readdir(fresh), [], 'variants/ and variants/no-vpn/ made by the build are gone');
  });

  it('reports the refusal, not the failure to make its working directory meanwhile', async () => {
    const base = join(dir, 'other2.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', base, '16M']);
    const notADirectory = join(dir, 'a-file');
    await writeFile(notADirectory, '');
    const out = join(dir, 'out-work');
    await assert.rejects(
      buildVariant(await plan(), options(base, out, { workDir: notADirectory })),
      /expected 0{64}/,
    );
    assert.equal(await stat(out).catch(() => null), null);
  });
});
