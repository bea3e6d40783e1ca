/**
 * The artifacts attest signs besides the base and the overlays: a variant's
 * flattened image (recorded by build-variant in its provenance's `image`) and
 * the snapshot bundle given by the `bundle` input. Each gets its own signed
 * statement, is a subject of the combined one, and verify covers it; a
 * flattened image changed after it was made, or a bundle outside the tree, is
 * refused naming the file or the input.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256File } from '../../shared/hash.ts';
import { readImageProvenance } from '../../shared/attest/image-provenance.ts';
import { ProvenanceStatementSchema } from '../../shared/attest/statement.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { freshTree, GITHUB_PUSH_MAIN, opensslKeyPair, removeScratch, type KeyPair } from './attest-tree.ts';

const FLAT = 'variants/wireguard/rootfs-wireguard.qcow2';
let key: KeyPair;

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

function attest(cwd: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionMain(
    'attest',
    { 'output-dir': '.', 'private-key': key.privatePem, ...inputs },
    { bundle: true, cwd, env: GITHUB_PUSH_MAIN },
  );
}

function verify(cwd: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionMain(
    'attest',
    { command: 'verify', 'output-dir': '.', 'public-key': key.publicFile, ...inputs },
    { bundle: true, cwd, env: {} },
  );
}

async function statement(tree: string, name: string) {
  return ProvenanceStatementSchema.parse(
    JSON.parse(await readFile(join(tree, `meta/attestations/${name}.intoto.json`), 'utf8')),
  );
}

/** A flattened image as build-variant makes one (qemu-img convert of the overlay), recorded in the variant's provenance. */
async function withFlattened(tree: string): Promise<string> {
  execFileSync('qemu-img', ['convert', '-O', 'qcow2', 'variants/wireguard/overlay-wireguard.qcow2', FLAT], {
    cwd: tree,
  });
  const p = join(tree, 'meta/variant-wireguard-provenance.json');
  const doc = JSON.parse(await readFile(p, 'utf8'));
  const sha = await sha256File(join(tree, FLAT));
  doc.image = { path: FLAT, sha256: sha, actual_size: (await readFile(join(tree, FLAT))).length };
  await writeFile(p, JSON.stringify(doc, null, 2));
  return sha;
}

beforeAll(async () => {
  key = await opensslKeyPair();
});
afterAll(removeScratch);

describe('a flattened variant image', () => {
  it('gets its own signed statement, is a subject of the release, sits in the variant provenance, and verifies', async () => {
    const t = await freshTree();
    const sha = await withFlattened(t);
    const r = await attest(t);
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs['subject-count'], '4');

    const flat = await statement(t, 'rootfs-wireguard');
    assert.deepEqual(flat.subject, [{ name: FLAT, digest: { sha256: sha } }]);
    const release = await statement(t, 'release');
    assert.ok(release.subject.some((s) => s.name === FLAT && s.digest.sha256 === sha));
    const att = await readdir(join(t, 'meta/attestations'));
    assert.ok(att.includes('rootfs-wireguard.sigstore.json'));

    const vp = await readImageProvenance(join(t, 'meta/image-provenance-wireguard.json'));
    assert.deepEqual(vp.image.flattened, { path: FLAT, sha256: sha });
    assert.match(r.summary, /rootfs-wireguard\.qcow2 \| variant-image \(wireguard\)/);

    // verify covers it by default (every .qcow2 under the root) and by name.
    const v = await verify(t, { artifacts: FLAT });
    assert.equal(v.code, 0, explain(v));
    assert.match(v.stdout, /1 artifact file\(s\) covered/);
    const all = await verify(t);
    assert.equal(all.code, 0, explain(all));
    assert.match(all.stdout, /4 artifact file\(s\) covered/);
  });

  it('changed after build-variant recorded it: refused naming the file, nothing written', async () => {
    const t = await freshTree();
    await withFlattened(t);
    const p = join(t, FLAT);
    const b = await readFile(p);
    b[b.length - 1] = b[b.length - 1]! ^ 0xff;
    await writeFile(p, b);
    const before = (await readdir(t, { recursive: true })).sort();
    const r = await attest(t);
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /rootfs-wireguard\.qcow2 has sha256 [0-9a-f]{64}, but .*variant-wireguard-provenance\.json recorded [0-9a-f]{64} for the image of wireguard/,
    );
    assert.deepEqual((await readdir(t, { recursive: true })).sort(), before);
  });
});

describe('the bundle input', () => {
  it('attests the snapshot bundle with the images: its own statement, a release subject, verified', async () => {
    const t = await freshTree();
    // A snapshot bundle as tag-snapshot makes one: a .tar.gz of the tree's images and metadata.
    execFileSync('tar', ['-czf', 'snapshot.tar.gz', 'base.qcow2', 'meta/build-provenance.json'], { cwd: t });
    const sha = await sha256File(join(t, 'snapshot.tar.gz'));
    const r = await attest(t, { bundle: 'snapshot.tar.gz' });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs['subject-count'], '4');
    const s = await statement(t, 'snapshot.tar.gz');
    assert.deepEqual(s.subject, [{ name: 'snapshot.tar.gz', digest: { sha256: sha } }]);
    const release = await statement(t, 'release');
    assert.ok(release.subject.some((x) => x.name === 'snapshot.tar.gz' && x.digest.sha256 === sha));
    assert.match(r.summary, /snapshot\.tar\.gz \| bundle/);

    const v = await verify(t, { artifacts: 'snapshot.tar.gz' });
    assert.equal(v.code, 0, explain(v));
    // One byte of the bundle changed: the subjects check names it.
    const p = join(t, 'snapshot.tar.gz');
    const b = await readFile(p);
    b[10] = b[10]! ^ 0xff;
    await writeFile(p, b);
    const bad = await verify(t, { artifacts: 'snapshot.tar.gz' });
    assert.equal(bad.code, 1, explain(bad));
    assert.equal(bad.outputs['failed-check'], 'subjects');
    assert.match(bad.stdout, /snapshot\.tar\.gz has sha256 [0-9a-f]{64}, the statement says [0-9a-f]{64}/);
  });

  it('a bundle that does not exist, or lies outside the output tree, is refused naming the input', async () => {
    const t = await freshTree();
    const missing = await attest(t, { bundle: 'nope.tar.gz' });
    assert.equal(missing.code, 1, explain(missing));
    assert.match(missing.stdout, /input 'bundle': .*nope\.tar\.gz/);
    const outside = await freshTree();
    execFileSync('tar', ['-czf', join(outside, 'snap.tar.gz'), '-C', outside, 'base.vmlinuz']);
    const r = await attest(t, { bundle: join(outside, 'snap.tar.gz') });
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /input 'bundle': '.*snap\.tar\.gz' is outside the output tree \(accepted: a file inside output-dir\)/,
    );
  });
});
