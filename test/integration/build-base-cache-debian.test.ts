/**
 * A poisoned .deb cache (an Actions cache entry another workflow could have
 * saved under the exact key) against the bundled action and the fake results
 * service: apt, which gets every .deb through the cache proxy, refuses the
 * forged file; build-base warns and builds again from the mirror, and the
 * image is the one a build without any cache makes. Needs mmdebstrap and
 * deb.debian.org (about 3 minutes: three mmdebstrap runs).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from '@jest/globals';
import { cacheKey } from '../../shared/image/download-cache.ts';
import { basePackages, DEFAULT_MIRROR } from '../../shared/image/sources.ts';
import { startResultsService, type ResultsService } from '../support/actions-results-service.ts';
import { runToolkit } from '../support/actions-toolkit-child.ts';
import { runActionMain } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';

await needTools('mmdebstrap', 'tar', 'zstd');

const inputs = (output: string) => ({
  distro: 'debian',
  version: 'bookworm',
  arch: 'x86_64',
  boot: 'kernel',
  'source-date-epoch': '1735689600',
  output,
});

let svc: ResultsService;
beforeAll(async () => {
  svc = await startResultsService();
});
afterAll(async () => svc?.close());

it('a forged .deb restored under the exact key is refused by apt; the build retries without the cache', async () => {
  const workspace = svc.env.GITHUB_WORKSPACE!;
  const mirror = DEFAULT_MIRROR.debian;
  // The reference: a build with no cache service at all.
  const plain = await runActionMain('build-base', inputs(join(workspace, 'plain/base.qcow2')), {
    bundle: true,
    cwd: workspace,
    env: { GITHUB_WORKSPACE: workspace },
  });
  assert.equal(plain.code, 0, plain.stdout.slice(-4000));
  // The version apt fetched, as the image's package database records it.
  const installed = JSON.parse(await readFile(plain.outputs.provenance!, 'utf8')) as {
    installed_packages: { packages: { name: string; version: string }[] };
  };
  const base = installed.installed_packages.packages.find((p) => p.name === 'base-files')?.version;
  assert.ok(base, 'the image has base-files');

  // The key build-base computes (shared/image/sources.ts), from the suite's current InRelease.
  const release = createHash('sha256')
    .update(Buffer.from(await (await fetch(`${mirror}/dists/bookworm/InRelease`)).arrayBuffer()))
    .digest('hex');
  const { key } = cacheKey('debian-debs', ['bookworm', 'amd64'], {
    mirror,
    variant: 'minbase',
    packages: basePackages('debian', 'x86_64', false).sort(),
    release,
  });
  const dir = join(svc.env.RUNNER_TEMP!, 'infrasim-downloads', 'debian-debs');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `base-files_${base}_amd64.deb`), 'forged');
  const saved = await runToolkit(svc.env, { op: 'cache.save', paths: [dir], key }, { cwd: workspace });
  assert.equal(saved.error, undefined, saved.stdout);
  await rm(svc.env.RUNNER_TEMP!, { recursive: true, force: true });
  await mkdir(svc.env.RUNNER_TEMP!, { recursive: true });

  const r = await runActionMain('build-base', inputs(join(workspace, 'forged/base.qcow2')), {
    bundle: true,
    cwd: workspace,
    env: svc.env,
  });
  assert.equal(r.code, 0, r.stdout.slice(-4000));
  assert.match(r.stdout, new RegExp(`cache debian-debs: exact hit ${key}`));
  assert.match(r.stdout, /base-files_.*(unexpected size|Hash Sum mismatch)/);
  assert.match(
    r.stdout,
    /::warning title=Download cache::mmdebstrap failed with \d+ files from the cache; building again without it/,
  );
  assert.equal(r.outputs.sha256, plain.outputs.sha256, 'the image is the one built without a cache');
}, 900_000);
