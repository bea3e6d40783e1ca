/**
 * attest end to end, running the bundled action (dist/attest/index.js) on a
 * real output tree: image provenance in seed 000's shape from the upstream
 * documents, SLSA v1 statements whose subjects are the files' sha256, Sigstore
 * bundles v0.3 whose DSSE signature plain openssl accepts, the trigger policy,
 * and refusals that name the input or file and leave nothing half-written.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256File } from '../../shared/hash.ts';
import { readImageProvenance } from '../../shared/attest/image-provenance.ts';
import { preAuthEncoding } from '../../shared/attest/sign.ts';
import { ProvenanceStatementSchema } from '../../shared/attest/statement.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import {
  BUILDER_ID,
  freshTree,
  GITHUB_PUSH_MAIN,
  opensslKeyPair,
  removeScratch,
  type KeyPair,
} from './attest-tree.ts';

let key: KeyPair;
const tree = freshTree;

function attest(
  cwd: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = GITHUB_PUSH_MAIN,
): Promise<ActionRun> {
  return runActionMain('attest', { 'output-dir': '.', ...inputs }, { bundle: true, cwd, env });
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

beforeAll(async () => {
  key = await opensslKeyPair();
});
afterAll(async () => {
  await removeScratch();
});

describe('attest (bundled) on a real tree', () => {
  it('writes seed-000 image provenance, statements for every artifact and signed v0.3 bundles', async () => {
    const t = await tree();
    const r = await attest(t, { 'private-key': key.privatePem });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.signed, 'true');
    assert.match(r.outputs['sign-reason']!, /push to main/);

    // Seed 000's fields, filled from the upstream documents.
    const ip = await readImageProvenance(join(t, 'meta/image-provenance.json'));
    const bp = JSON.parse(await readFile(join(t, 'meta/build-provenance.json'), 'utf8'));
    const ib = JSON.parse(await readFile(join(t, 'meta/attestations/infrasim-build.json'), 'utf8'));
    assert.deepEqual(Object.keys(ip).slice(0, 4), ['image', 'infrasim', 'build', 'analysis']);
    assert.equal(ip.image.sha256, await sha256File(join(t, 'base.qcow2')));
    assert.equal(ip.image.type, bp.distro.name);
    assert.equal(ip.image.architecture, 'x86_64');
    assert.equal(ip.infrasim.version, 'v0.1.0-test');
    assert.equal(ip.infrasim.sha256, ib.binaries.infrasim.sha256);
    assert.equal(ip.infrasim.dep_graph_sha256, ib.dependencies.graph_sha256);
    assert.equal(ip.analysis.risk_score, ib.analysis.risk_score);
    assert.equal(ip.analysis.cycle_count, ib.analysis.cycle_count);
    assert.equal(ip.build.git_commit, bp.source.git_sha);
    assert.equal(ip.build.github_run_id, '4242');
    assert.equal(ip.build.timestamp, bp.source.build_date);
    assert.match(ip.build.snapshot_version, /^dev-20250101-[0-9a-f]{7}$/);
    assert.equal(ip.boot.status, 'success');
    assert.deepEqual(
      ip.boot.reports.map((x) => x.path),
      ['meta/boot/base.json'],
    );
    // The seed's own verification command: jq -r '.image.sha256' | shasum -a 256 -c
    const check = execFileSync('sha256sum', ['-c', '-'], {
      cwd: t,
      input: `${ip.image.sha256}  base.qcow2\n`,
      encoding: 'utf8',
    });
    assert.match(check, /base\.qcow2: OK/);

    const vp = await readImageProvenance(join(t, 'meta/image-provenance-wireguard.json'));
    assert.equal(vp.image.variant, 'wireguard');
    assert.equal(vp.image.sha256, await sha256File(join(t, 'variants/wireguard/overlay-wireguard.qcow2')));
    assert.equal(vp.image.base_sha256, ip.image.sha256);
    assert.deepEqual(
      vp.boot.reports.map((x) => x.path),
      ['meta/boot/overlay-wireguard.json'],
    );

    // One statement per artifact plus the combined one, each with its bundle.
    const att = (await readdir(join(t, 'meta/attestations'))).sort();
    for (const name of ['base', 'base.vmlinuz', 'overlay-wireguard', 'release'])
      for (const ext of ['.intoto.json', '.sigstore.json'])
        assert.ok(att.includes(name + ext), `${name}${ext} in ${att}`);
    const release = ProvenanceStatementSchema.parse(
      JSON.parse(await readFile(join(t, 'meta/attestations/release.intoto.json'), 'utf8')),
    );
    const expected = Object.fromEntries(
      await Promise.all(
        ['base.qcow2', 'base.vmlinuz', 'variants/wireguard/overlay-wireguard.qcow2'].map(async (f) => [
          f,
          await sha256File(join(t, f)),
        ]),
      ),
    );
    assert.deepEqual(Object.fromEntries(release.subject.map((s) => [s.name, s.digest.sha256])), expected);
    assert.equal(r.outputs['subject-count'], '3');
    const p = release.predicate;
    assert.equal(p.runDetails.builder.id, BUILDER_ID);
    assert.deepEqual(p.buildDefinition.externalParameters.workflow, {
      ref: 'refs/heads/main',
      repository: 'https://github.com/acme/images',
      path: '.github/workflows/release.yml',
    });
    assert.equal(
      p.runDetails.metadata?.invocationId,
      'https://github.com/acme/images/actions/runs/4242/attempts/1',
    );
    const deps = p.buildDefinition.resolvedDependencies!;
    assert.deepEqual(deps[0], {
      uri: 'git+https://github.com/acme/images@refs/heads/main',
      digest: { gitCommit: GITHUB_PUSH_MAIN.GITHUB_SHA },
    });
    const rootfs = deps.find((d) => d.name === 'rootfs')!;
    assert.equal(rootfs.digest?.sha256, bp.inputs[0].sha256);
    assert.equal(deps.find((d) => d.name === 'kernel')?.digest?.sha256, bp.boot.kernel.sha256);
    assert.equal(
      deps.find((d) => d.name === 'infrasim/infrasim')?.digest?.sha256,
      ib.binaries.infrasim.sha256,
    );
    const byproduct = p.runDetails.byproducts!.find((b) => b.name === 'meta/image-provenance.json')!;
    assert.equal(byproduct.digest?.sha256, await sha256File(join(t, 'meta/image-provenance.json')));
    // The secret gate's result: written, signed as a byproduct, covering the base by its digest.
    const scanBound = p.runDetails.byproducts!.find((b) => b.name === 'meta/secret-scan.json')!;
    assert.equal(scanBound.digest?.sha256, await sha256File(join(t, 'meta/secret-scan.json')));
    const scan = JSON.parse(await readFile(join(t, 'meta/secret-scan.json'), 'utf8'));
    assert.deepEqual(scan.findings, []);
    assert.equal(
      scan.scanned.find((s: { artifact: string }) => s.artifact === 'base.qcow2')?.sha256,
      ip.image.sha256,
    );

    // The bundle: v0.3, DSSE over exactly the statement file's bytes.
    const bundle = JSON.parse(await readFile(join(t, 'meta/attestations/release.sigstore.json'), 'utf8'));
    assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
    assert.ok(payload.equals(await readFile(join(t, 'meta/attestations/release.intoto.json'))));
    assert.equal(bundle.dsseEnvelope.payloadType, 'application/vnd.in-toto+json');
    assert.equal(bundle.dsseEnvelope.signatures.length, 1);

    // Independent check: plain openssl over the DSSE pre-authentication encoding.
    const work = join(key.dir, 'openssl');
    await rm(work, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(work));
    await writeFile(join(work, 'pae.bin'), preAuthEncoding(bundle.dsseEnvelope.payloadType, payload));
    await writeFile(join(work, 'sig.der'), Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64'));
    const ok = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-verify', key.publicFile, '-signature', 'sig.der', 'pae.bin'],
      { cwd: work, encoding: 'utf8' },
    );
    assert.equal(ok.trim(), 'Verified OK');
    // …and it rejects the signature over a statement with one byte changed.
    const tampered = Buffer.from(payload);
    tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1;
    await writeFile(join(work, 'pae.bin'), preAuthEncoding(bundle.dsseEnvelope.payloadType, tampered));
    assert.throws(
      () =>
        execFileSync(
          'openssl',
          ['dgst', '-sha256', '-verify', key.publicFile, '-signature', 'sig.der', 'pae.bin'],
          { cwd: work, stdio: 'pipe' },
        ),
      (e: { stdout: Buffer }) => /Verification failure/.test(e.stdout.toString()),
    );

    assert.match(r.summary, /\*\*Signed\*\* with key/);
    assert.match(r.summary, /\| base\.qcow2 \| base-image \| x86_64 \|/);
    assert.match(r.stdout, /3 file|signed 4 statement/);
  });

  it('hashes every artifact once and never writes the private key anywhere', async () => {
    const t = await tree();
    const r = await attest(t, { 'private-key': key.privatePem });
    assert.equal(r.code, 0, explain(r));
    assert.match(r.summary, /3 file\(s\) hashed, each once/);
    // The key's body is masked (add-mask) and appears in no file the step wrote.
    const body = key.privatePem.split('\n').filter((l) => l && !l.startsWith('-----'));
    for (const line of body) assert.ok(r.stdout.includes(`::add-mask::${line}`), 'each key line is masked');
    for (const f of await listTree(t)) {
      const path = join(t, f);
      if (!f.endsWith('.json')) continue;
      const text = await readFile(path, 'utf8');
      for (const line of body) assert.ok(!text.includes(line), `${f} holds key material`);
      assert.ok(!text.includes('PRIVATE KEY'), `${f} holds a private key`);
    }
  });

  it('a pull request writes provenance and unsigned statements, signs nothing and says so', async () => {
    const t = await tree();
    const r = await attest(
      t,
      { 'private-key': key.privatePem },
      { ...GITHUB_PUSH_MAIN, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
    );
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.signed, 'false');
    assert.equal(r.outputs.attestations, '');
    assert.match(
      r.summary,
      /\*\*Not signed\*\* — not signed: pull_request builds are never signed or pushed/,
    );
    const att = await readdir(join(t, 'meta/attestations'));
    assert.ok(att.includes('release.intoto.json'));
    assert.deepEqual(
      att.filter((f) => f.endsWith('.sigstore.json')),
      [],
    );
    // A pull request needs no key: the policy decides before the key is looked at.
    const r2 = await attest(await tree(), {}, { ...GITHUB_PUSH_MAIN, GITHUB_EVENT_NAME: 'pull_request' });
    assert.equal(r2.code, 0, explain(r2));
  });

  it('a later unsigned run removes the earlier bundles instead of leaving them beside new statements', async () => {
    const t = await tree();
    assert.equal((await attest(t, { 'private-key': key.privatePem })).code, 0);
    const r = await attest(t, { sign: 'never' });
    assert.equal(r.code, 0, explain(r));
    assert.deepEqual(
      (await readdir(join(t, 'meta/attestations'))).filter((f) => f.endsWith('.sigstore.json')),
      [],
    );
  });
  it('several trees (one per architecture): one combined statement in their parent, each tree verifiable alone', async () => {
    const parent = await tree();
    await rm(parent, { recursive: true, force: true });
    await mkdir(parent);
    for (const arch of ['amd64', 'arm64']) await cp(await tree(), join(parent, arch), { recursive: true });
    const r = await runActionMain(
      'attest',
      { 'output-dir': 'amd64\narm64', 'private-key': key.privatePem },
      { bundle: true, cwd: parent, env: GITHUB_PUSH_MAIN },
    );
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs['subject-count'], '6');
    const release = ProvenanceStatementSchema.parse(
      JSON.parse(await readFile(join(parent, 'meta/attestations/release.intoto.json'), 'utf8')),
    );
    const files = ['base.qcow2', 'base.vmlinuz', 'variants/wireguard/overlay-wireguard.qcow2'];
    assert.deepEqual(
      release.subject.map((x) => x.name),
      ['amd64', 'arm64'].flatMap((tree) => files.map((f) => `${tree}/${f}`)),
    );
    assert.equal((release.predicate.buildDefinition.externalParameters.images as unknown[]).length, 2);
    // The whole release verifies from the parent; each tree verifies on its own.
    for (const root of [parent, join(parent, 'amd64'), join(parent, 'arm64')]) {
      const v = await runActionMain(
        'attest',
        { command: 'verify', 'output-dir': root, 'public-key': key.publicFile, 'require-boot': 'true' },
        { bundle: true, cwd: parent, env: {} },
      );
      assert.equal(v.code, 0, `${root}\n${explain(v)}`);
    }
  });
});

describe('attest (bundled) refuses bad input, naming it, with nothing written', () => {
  const cases: {
    name: string;
    inputs?: (k: KeyPair) => Record<string, string>;
    prepare?: (t: string) => Promise<void>;
    env?: NodeJS.ProcessEnv;
    error: RegExp;
  }[] = [
    {
      name: 'signing without a key, outside a job with id-token: write (keyless needs it)',
      inputs: () => ({}),
      error:
        /input 'private-key': is empty, so the run \(signed: push to main\) signs keyless, but GitHub's OIDC token cannot be requested .*the job needs the permission `id-token: write`/,
    },
    {
      name: 'a key that is not PEM',
      inputs: () => ({ 'private-key': 'not a key' }),
      error: /input 'private-key': is not a PEM private key/,
    },
    {
      name: 'a P-384 key',
      inputs: () => ({
        'private-key': execFileSync('openssl', ['ecparam', '-name', 'secp384r1', '-genkey', '-noout'], {
          encoding: 'utf8',
        }),
      }),
      error: /input 'private-key': is an EC key on secp384r1 \(accepted: an ECDSA P-256 private key/,
    },
    {
      name: 'an RSA key',
      inputs: () => ({
        'private-key': execFileSync(
          'openssl',
          ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
        ),
      }),
      error: /input 'private-key': is a rsa key/,
    },
    {
      name: 'an unknown sign value',
      inputs: (k) => ({ 'private-key': k.privatePem, sign: 'maybe' }),
      error: /input 'sign': unknown value 'maybe' \(accepted: auto \| always \| never\)/,
    },
    {
      name: 'a bad variant name',
      inputs: (k) => ({ 'private-key': k.privatePem, variants: '../x' }),
      error: /input 'variants': '\.\.\/x' is not a variant name/,
    },
    {
      name: 'a variant with no provenance',
      inputs: (k) => ({ 'private-key': k.privatePem, variants: 'tailscale' }),
      error: /meta\/variant-tailscale-provenance\.json is missing: it is written by build-variant/,
    },
    {
      name: 'verify inputs given to attest',
      inputs: (k) => ({ 'private-key': k.privatePem, 'max-risk-score': '10' }),
      error:
        /input 'command': public-key, attestations, artifacts, max-risk-score, identity-\* and trusted-root are inputs of command: verify/,
    },
    {
      name: 'no GitHub workflow and no builder-id',
      inputs: (k) => ({ 'private-key': k.privatePem, sign: 'always' }),
      env: {},
      error: /input 'builder-id': is required outside GitHub Actions/,
    },
    {
      name: 'a missing infrasim-build.json',
      prepare: (t) => rm(join(t, 'meta/attestations/infrasim-build.json')),
      error:
        /meta\/attestations\/infrasim-build\.json is missing: it is written by analyze-deps, which must run before attest/,
    },
    {
      name: 'a missing build provenance',
      prepare: (t) => rm(join(t, 'meta/build-provenance.json')),
      error: /meta\/build-provenance\.json is missing: it is written by build-base/,
    },
    {
      name: 'an invalid build provenance',
      prepare: async (t) => {
        const p = join(t, 'meta/build-provenance.json');
        const doc = JSON.parse(await readFile(p, 'utf8'));
        doc.output.sha256 = 'zz';
        await writeFile(p, JSON.stringify(doc));
      },
      error: /build-provenance\.json: invalid build provenance at 'output\.sha256'/,
    },
    {
      name: 'an image changed after it was built (one byte)',
      prepare: async (t) => flipByte(join(t, 'base.qcow2')),
      error:
        /base\.qcow2 has sha256 [0-9a-f]{64}, but .*build-provenance\.json recorded [0-9a-f]{64} for the base image: the file changed after it was built/,
    },
    {
      name: 'an unreadable image (a directory in its place)',
      prepare: async (t) => {
        await rm(join(t, 'variants/wireguard/overlay-wireguard.qcow2'));
        await import('node:fs/promises').then((fs) =>
          fs.mkdir(join(t, 'variants/wireguard/overlay-wireguard.qcow2')),
        );
      },
      error:
        /variant-wireguard-provenance\.json': '.*overlay-wireguard\.qcow2' is a directory \(accepted: a regular file\)/,
    },
    {
      name: 'a provenance path leaving the tree',
      prepare: async (t) => {
        const p = join(t, 'meta/variant-wireguard-provenance.json');
        const doc = JSON.parse(await readFile(p, 'utf8'));
        doc.overlay.path = '../../../etc/passwd';
        await writeFile(p, JSON.stringify(doc));
      },
      error: /the path '\.\.\/\.\.\/\.\.\/etc\/passwd' is outside the output tree/,
    },
    {
      name: 'an overlay whose base changed',
      prepare: async (t) => {
        const p = join(t, 'meta/variant-wireguard-provenance.json');
        const doc = JSON.parse(await readFile(p, 'utf8'));
        doc.base_image.sha256 = 'a'.repeat(64);
        await writeFile(p, JSON.stringify(doc));
      },
      error:
        /variant wireguard was made on a base with sha256 a{64}, but .*base\.qcow2 has sha256 [0-9a-f]{64}: the base changed/,
    },
    {
      name: 'an image with no boot report',
      prepare: (t) => rm(join(t, 'meta/boot/overlay-wireguard.json')),
      error:
        /no boot report in .*meta\/boot\/ for variants\/wireguard\/overlay-wireguard\.qcow2 \(sha256 [0-9a-f]{64}\): run boot-verify on it before attest, or set require-boot: false/,
    },
    {
      name: 'an image whose boot failed',
      prepare: async (t) => {
        const p = join(t, 'meta/boot/base.json');
        const doc = JSON.parse(await readFile(p, 'utf8'));
        doc.verdict = 'failure';
        doc.reason = 'Kernel panic';
        await writeFile(p, JSON.stringify(doc));
      },
      error:
        /boot-verify's verdict for base\.qcow2 is failure \(Kernel panic\); an image that did not boot is not attested/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const t = await tree();
      await c.prepare?.(t);
      const before = await listTree(t);
      // The secret gate reads the images while they are hashed: a refusal stops it, and its scratch goes.
      const runnerTemp = await mkdtemp(join(tmpdir(), 'attest-runner-temp-'));
      const r = await attest(t, c.inputs ? c.inputs(key) : { 'private-key': key.privatePem }, {
        ...(c.env ?? GITHUB_PUSH_MAIN),
        RUNNER_TEMP: runnerTemp,
      });
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, c.error);
      assert.deepEqual(await listTree(t), before, 'nothing written, nothing removed');
      assert.deepEqual(await readdir(runnerTemp), [], 'no image read left in RUNNER_TEMP');
      await rm(runnerTemp, { recursive: true });
      assert.ok(
        !r.stdout.includes('BEGIN EC PRIVATE KEY') || r.stdout.includes('::add-mask::'),
        'the key is never quoted',
      );
    });
  }
});

async function flipByte(path: string): Promise<void> {
  const fs = await import('node:fs/promises');
  const h = await fs.open(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    await h.read(b, 0, 1, 4096);
    b[0] = b[0]! ^ 0xff;
    await h.write(b, 0, 1, 4096);
  } finally {
    await h.close();
  }
}
