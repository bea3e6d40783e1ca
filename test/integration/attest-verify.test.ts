/**
 * Verification fails closed: the bundled action's `command: verify` and the
 * consumer's CLI (scripts/verify.ts) accept a tree attest signed, and refuse
 * — naming the check — every way it can be wrong: one byte of an image, the
 * statement, the signed payload, the key, a missing signature, a subject for
 * another file, a missing attestation, a policy mismatch.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { parseSigningKey } from '../../shared/attest/signing-key.ts';
import { signStatementWithKey } from '../../shared/attest/sign.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { repoRoot } from '../support/test-image.ts';
import {
  BUILDER_ID,
  freshTree,
  GITHUB_PUSH_MAIN,
  opensslKeyPair,
  removeScratch,
  type KeyPair,
} from './attest-tree.ts';

let key: KeyPair;
let otherKey: KeyPair;
/** A tree attest signed; every test verifies a copy of it. */
let signed: string;
/** The same tree attested on a pull request: statements, no signatures. */
let unsigned: string;

function explain(r: {
  stdout: string;
  stderr: string;
  code?: number | null;
  status?: number | null;
}): string {
  return `exit ${r.code ?? r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

async function copyOf(tree: string): Promise<string> {
  const t = await freshTree();
  await rm(t, { recursive: true, force: true });
  await cp(tree, t, { recursive: true });
  return t;
}

function verify(cwd: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionMain(
    'attest',
    { command: 'verify', 'output-dir': '.', 'public-key': key.publicFile, ...inputs },
    { bundle: true, cwd, env: {} },
  );
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/verify.ts'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function flipByte(path: string, offset = 4096): Promise<void> {
  const h = await open(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    await h.read(b, 0, 1, offset);
    b[0] = b[0]! ^ 0xff;
    await h.write(b, 0, 1, offset);
  } finally {
    await h.close();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests reach into arbitrary JSON to tamper with it
async function editJson(path: string, edit: (doc: Record<string, any>) => void): Promise<void> {
  const doc = JSON.parse(await readFile(path, 'utf8'));
  edit(doc);
  await writeFile(path, JSON.stringify(doc));
}

beforeAll(async () => {
  key = await opensslKeyPair();
  otherKey = await opensslKeyPair();
  signed = await freshTree();
  const r = await runActionMain(
    'attest',
    { 'output-dir': '.', 'private-key': key.privatePem },
    { bundle: true, cwd: signed, env: GITHUB_PUSH_MAIN },
  );
  assert.equal(r.code, 0, explain(r));
  unsigned = await freshTree();
  const u = await runActionMain(
    'attest',
    { 'output-dir': '.' },
    { bundle: true, cwd: unsigned, env: { ...GITHUB_PUSH_MAIN, GITHUB_EVENT_NAME: 'pull_request' } },
  );
  assert.equal(u.code, 0, explain(u));
});
afterAll(removeScratch);

describe('verify accepts what attest signed', () => {
  it('the bundled action: every check holds, with the full policy', async () => {
    const t = await copyOf(signed);
    const r = await verify(t, { 'builder-id': BUILDER_ID, 'max-risk-score': '7', 'require-boot': 'true' });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.verified, 'true');
    for (const check of [
      'attestation',
      'signature',
      'statement',
      'predicate-type',
      'builder-id',
      'subjects',
      'byproducts',
      'risk-score',
      'boot',
      'coverage',
    ])
      assert.match(r.summary, new RegExp(`\\| ${check} \\|`), check);
    assert.match(r.stdout, /verified 4 attestation\(s\); 3 artifact file\(s\) covered/);
  });

  it('the CLI, with a builder-id prefix, one attestation and one artifact', async () => {
    const t = await copyOf(signed);
    const r = cli([
      '--public-key',
      key.publicFile,
      '--root',
      t,
      '--attestation',
      join(t, 'meta/attestations/overlay-wireguard.sigstore.json'),
      '--artifact',
      join(t, 'variants/wireguard/overlay-wireguard.qcow2'),
      '--builder-id',
      'https://github.com/acme/images/*',
      '--require-boot',
    ]);
    assert.equal(r.status, 0, explain(r));
    assert.match(r.stdout, /^ok {2}signature +.*ECDSA P-256 signature by the trusted key/m);
    assert.match(r.stdout, /VERIFIED: 1 attestation\(s\), 1 artifact file\(s\) covered/);
  });

  it('the CLI, with the key it was signed with among several (after a key rotation)', async () => {
    const keys = join(otherKey.dir, 'rotated-keys.pem');
    await writeFile(
      keys,
      (await readFile(otherKey.publicFile, 'utf8')) + (await readFile(key.publicFile, 'utf8')),
    );
    const r = cli(['--public-key', keys, '--root', signed]);
    assert.equal(r.status, 0, explain(r));
    assert.match(r.stdout, /VERIFIED: 4 attestation\(s\)/);
    const onlyOther = cli(['--public-key', otherKey.publicFile, '--root', signed]);
    assert.notEqual(onlyOther.status, 0, explain(onlyOther));
    assert.match(
      onlyOther.stdout + onlyOther.stderr,
      /signed by the key [0-9a-f]{64}, not by the trusted key [0-9a-f]{64}/,
    );
  });
});

type Case = {
  name: string;
  /** Start from the unsigned tree instead of the signed one. */
  from?: 'unsigned';
  prepare?: (t: string) => Promise<void>;
  inputs?: (t: string) => Record<string, string>;
  check: string;
  message: RegExp;
};

const CASES: Case[] = [
  {
    name: 'one byte of the image changed',
    prepare: (t) => flipByte(join(t, 'base.qcow2')),
    check: 'subjects',
    message:
      /base\.qcow2 has sha256 [0-9a-f]{64}, the statement says [0-9a-f]{64}: the file is not the one that was signed/,
  },
  {
    name: 'the statement beside the bundle changed',
    prepare: (t) =>
      editJson(
        join(t, 'meta/attestations/base.intoto.json'),
        (s) => (s.predicate.runDetails.builder.id = 'https://evil.example/builder'),
      ),
    check: 'statement',
    message: /base\.intoto\.json differs from the statement the bundle signs/,
  },
  {
    name: 'the signed payload changed inside the bundle',
    prepare: (t) =>
      editJson(join(t, 'meta/attestations/release.sigstore.json'), (b) => {
        const s = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8'));
        s.subject[0].digest.sha256 = 'f'.repeat(64);
        b.dsseEnvelope.payload = Buffer.from(JSON.stringify(s)).toString('base64');
      }),
    check: 'signature',
    message: /signature verification failed/,
  },
  {
    name: 'the wrong trusted key',
    inputs: () => ({ 'public-key': otherKey.publicFile }),
    check: 'signature',
    message: /the bundle was signed by the key \S+, not by the trusted key \S+$/m,
  },
  {
    // The hint is the bundle's word: quoted in the log, so a line break or a workflow command in it stays text.
    name: 'a key hint that names no trusted key, with a workflow command in it',
    prepare: (t) =>
      editJson(join(t, 'meta/attestations/base.sigstore.json'), (b) => {
        b.verificationMaterial.publicKey.hint = 'k\n::error::forged';
      }),
    check: 'signature',
    message: /signed by the key "k\\n::error::forged", not by the trusted key [0-9a-f]{64}/,
  },
  {
    name: 'the bundle re-signed by another key under the trusted key hint',
    prepare: async (t) => {
      const path = join(t, 'meta/attestations/base.sigstore.json');
      const b = JSON.parse(await readFile(path, 'utf8'));
      const forged = await signStatementWithKey(
        Buffer.from(b.dsseEnvelope.payload, 'base64'),
        parseSigningKey(otherKey.privatePem, undefined),
      );
      b.dsseEnvelope.signatures[0].sig = forged.dsseEnvelope!.signatures[0]!.sig;
      await writeFile(path, JSON.stringify(b));
    },
    check: 'signature',
    message: /signature verification failed/,
  },
  {
    name: 'no signature: statements of an unsigned (pull request) run',
    from: 'unsigned',
    check: 'signature',
    message: /no signature: there is no [a-z.-]+\.sigstore\.json beside it/,
  },
  {
    name: 'no signature: a bundle whose envelope has its signatures removed',
    prepare: (t) =>
      editJson(join(t, 'meta/attestations/base.sigstore.json'), (b) => (b.dsseEnvelope.signatures = [])),
    check: 'signature',
    message: /no signature: the DSSE envelope carries no signatures/,
  },
  {
    name: 'a subject for another file: the overlay copied over the base',
    prepare: (t) => cp(join(t, 'variants/wireguard/overlay-wireguard.qcow2'), join(t, 'base.qcow2')),
    check: 'subjects',
    message: /base\.qcow2 has sha256 [0-9a-f]{64}, the statement says/,
  },
  {
    name: 'an artifact no statement covers',
    prepare: (t) => cp(join(t, 'base.qcow2'), join(t, 'variants/wireguard/extra.qcow2')),
    check: 'coverage',
    message:
      /missing attestation: its sha256 [0-9a-f]{64} is signed, but under another name than variants\/wireguard\/extra\.qcow2/,
  },
  {
    // 1 TiB of holes: hashing it would take hours; no signed file has its size, so it is not read at all.
    name: 'a huge sparse file no statement names',
    prepare: async (t) => {
      const f = await open(join(t, 'variants/wireguard/huge.qcow2'), 'w');
      await f.truncate(2 ** 40);
      await f.close();
    },
    check: 'coverage',
    message:
      /missing attestation: no verified statement names variants\/wireguard\/huge\.qcow2, and no signed file has its size/,
  },
  {
    name: 'an image behind a symbolic link no statement covers',
    prepare: (t) => symlink(join(t, 'base.qcow2'), join(t, 'variants/wireguard/linked.qcow2')),
    check: 'coverage',
    message: /signed, but under another name than variants\/wireguard\/linked\.qcow2/,
  },
  {
    name: 'a symbolic link to a directory in the tree',
    prepare: async (t) => {
      await mkdir(join(t, '..', `${basename(t)}-elsewhere`));
      await symlink(join(t, '..', `${basename(t)}-elsewhere`), join(t, 'variants/linked'));
    },
    check: 'coverage',
    message: /variants\/linked: a symbolic link to a directory in the artifact tree/,
  },
  {
    // `meta` is a valid variant name: only the tree's own meta/ holds no images.
    name: 'an image of a variant called meta',
    prepare: async (t) => {
      await mkdir(join(t, 'variants/meta'));
      await writeFile(join(t, 'variants/meta/overlay-meta.qcow2'), 'unsigned');
    },
    check: 'coverage',
    message: /no verified statement names variants\/meta\/overlay-meta\.qcow2/,
  },
  {
    name: 'a hidden image',
    prepare: (t) => writeFile(join(t, '.hidden.qcow2'), 'unsigned'),
    check: 'coverage',
    message: /no verified statement names \.hidden\.qcow2/,
  },
  {
    name: 'an image whose extension is in capitals',
    prepare: (t) => writeFile(join(t, 'EXTRA.QCOW2'), 'unsigned'),
    check: 'coverage',
    message: /no verified statement names EXTRA\.QCOW2/,
  },
  {
    name: 'the statement beside the bundle changed and padded past the size limit',
    prepare: async (t) => {
      const p = join(t, 'meta/attestations/base.intoto.json');
      const s = (await readFile(p, 'utf8')).replace('https://github.com', 'https://evil.example');
      await writeFile(p, s + ' '.repeat(65 * 1024 * 1024));
    },
    check: 'statement',
    message: /base\.intoto\.json differs from the statement the bundle signs/,
  },
  {
    name: 'the statement beside the bundle replaced by a directory',
    prepare: async (t) => {
      await rm(join(t, 'meta/attestations/base.intoto.json'));
      await mkdir(join(t, 'meta/attestations/base.intoto.json'));
    },
    check: 'statement',
    message: /base\.intoto\.json (differs from|cannot be compared with) the statement the bundle signs/,
  },
  {
    name: 'a bundle that is JSON but not an object',
    prepare: (t) => writeFile(join(t, 'meta/attestations/base.sigstore.json'), 'null'),
    check: 'attestation',
    message: /not a Sigstore bundle: the JSON is not an object/,
  },
  {
    name: 'key mode given a bundle that brings its own certificate',
    prepare: (t) =>
      editJson(join(t, 'meta/attestations/base.sigstore.json'), (b) => {
        b.verificationMaterial = {
          certificate: { rawBytes: Buffer.from('a certificate of its own').toString('base64') },
          tlogEntries: [],
          timestampVerificationData: { rfc3161Timestamps: [] },
        };
      }),
    check: 'signature',
    message:
      /the bundle carries a certificate, not a key hint: key mode verifies only signatures by the trusted key/,
  },
  {
    name: 'a named attestation that does not exist',
    inputs: (t) => ({ attestations: join(t, 'meta/attestations/nope.sigstore.json') }),
    check: 'attestation',
    message: /missing attestation: .*nope\.sigstore\.json' does not exist/,
  },
  {
    name: 'no attestations at all',
    prepare: (t) => rm(join(t, 'meta/attestations'), { recursive: true }),
    check: 'attestation',
    message: /missing attestation: no \*\.sigstore\.json found/,
  },
  {
    name: 'the only attestation given covers another artifact',
    inputs: (t) => ({
      attestations: join(t, 'meta/attestations/base.sigstore.json'),
      artifacts: join(t, 'variants/wireguard/overlay-wireguard.qcow2'),
    }),
    check: 'coverage',
    message: /missing attestation: no verified statement names variants\/wireguard\/overlay-wireguard\.qcow2/,
  },
  {
    name: 'policy: another builder id',
    inputs: () => ({
      'builder-id': 'https://github.com/acme/other/.github/workflows/release.yml@refs/heads/main',
    }),
    check: 'builder-id',
    message:
      /builder id https:\/\/github\.com\/acme\/images\/.* does not match the policy https:\/\/github\.com\/acme\/other/,
  },
  {
    name: 'policy: risk score above the threshold',
    inputs: () => ({ 'max-risk-score': '5' }),
    check: 'risk-score',
    message: /meta\/image-provenance\.json: risk_score 7 is above the threshold 5/,
  },
  {
    name: 'policy: the image provenance changed after signing',
    prepare: (t) => editJson(join(t, 'meta/image-provenance.json'), (d) => (d.analysis.risk_score = 0)),
    inputs: () => ({ 'max-risk-score': '5' }),
    check: 'byproducts',
    message:
      /image-provenance\.json has sha256 [0-9a-f]{64}, the statement bound [0-9a-f]{64}: it was changed after signing/,
  },
  {
    name: 'the secret scan result changed after signing (no policy reads it)',
    prepare: (t) => editJson(join(t, 'meta/secret-scan.json'), (d) => (d.scanned[0].files += 1)),
    check: 'byproducts',
    message:
      /meta\/secret-scan\.json has sha256 [0-9a-f]{64}, the statement bound [0-9a-f]{64}: it was changed after signing/,
  },
  {
    name: 'a bound SBOM removed',
    prepare: (t) => rm(join(t, 'meta/sbom/base.cdx.json')),
    check: 'byproducts',
    message: /meta\/sbom\/base\.cdx\.json: .*does not exist/,
  },
  {
    name: 'a statement with another predicate type, validly signed',
    prepare: async (t) => {
      const s = JSON.parse(await readFile(join(t, 'meta/attestations/base.intoto.json'), 'utf8'));
      s.predicateType = 'https://slsa.dev/provenance/v0.2';
      const payload = Buffer.from(JSON.stringify(s));
      await writeFile(join(t, 'meta/attestations/base.intoto.json'), payload);
      const bundle = await signStatementWithKey(payload, parseSigningKey(key.privatePem, undefined));
      await writeFile(join(t, 'meta/attestations/base.sigstore.json'), JSON.stringify(bundle));
    },
    check: 'predicate-type',
    message:
      /predicate type https:\/\/slsa\.dev\/provenance\/v0\.2, expected https:\/\/slsa\.dev\/provenance\/v1/,
  },
  {
    name: 'a subject name leaving the root, validly signed',
    prepare: async (t) => {
      const s = JSON.parse(await readFile(join(t, 'meta/attestations/base.intoto.json'), 'utf8'));
      s.subject[0].name = '../../etc/hostname';
      const payload = Buffer.from(JSON.stringify(s));
      await writeFile(join(t, 'meta/attestations/base.intoto.json'), payload);
      await writeFile(
        join(t, 'meta/attestations/base.sigstore.json'),
        JSON.stringify(await signStatementWithKey(payload, parseSigningKey(key.privatePem, undefined))),
      );
    },
    check: 'subjects',
    message: /the path '\.\.\/\.\.\/etc\/hostname' is outside the output tree/,
  },
];

describe('verify (bundled) fails closed, naming the check', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const t = await copyOf(c.from === 'unsigned' ? unsigned : signed);
      await c.prepare?.(t);
      const r = await verify(t, c.inputs?.(t) ?? {});
      assert.equal(r.code, 1, explain(r));
      assert.equal(r.outputs.verified, 'false');
      assert.equal(r.outputs['failed-check'], c.check, explain(r));
      assert.match(r.stdout, new RegExp(`verification failed at check '${c.check}'`));
      assert.match(r.stdout, c.message);
      assert.match(r.summary, new RegExp(`\\*\\*Verification failed\\*\\* at check \`${c.check}\``));
    });
  }
});

describe('the CLI fails closed too', () => {
  it('one byte of the image changed: exit 1 naming the subjects check', async () => {
    const t = await copyOf(signed);
    await flipByte(join(t, 'variants/wireguard/overlay-wireguard.qcow2'), 0);
    const r = cli(['--public-key', key.publicFile, '--root', t]);
    assert.equal(r.status, 1, explain(r));
    assert.match(r.stderr, /^FAILED subjects: verification failed at check 'subjects'/);
  });

  it('the wrong key: exit 1 naming the signature check', async () => {
    const r = cli(['--public-key', otherKey.publicFile, '--root', await copyOf(signed)]);
    assert.equal(r.status, 1, explain(r));
    assert.match(r.stderr, /^FAILED signature:/);
  });

  it('usage errors exit 2 naming the argument', async () => {
    const none = cli(['--root', signed]);
    assert.equal(none.status, 2, explain(none));
    assert.match(none.stderr, /input '--public-key': is required/);
    const priv = cli(['--public-key', key.privateFile, '--root', signed]);
    assert.equal(priv.status, 2, explain(priv));
    assert.match(priv.stderr, /input '--public-key': is not a PEM public key/);
    const unknown = cli(['--public-key', key.publicFile, '--bogus']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--bogus'/);
  });

  it("openssl agrees: the suite's signature verifies with plain openssl, a forged one does not", async () => {
    const b = JSON.parse(await readFile(join(signed, 'meta/attestations/base.sigstore.json'), 'utf8'));
    const { preAuthEncoding } = await import('../../shared/attest/sign.ts');
    const work = await freshTree();
    await writeFile(
      join(work, 'pae.bin'),
      preAuthEncoding(b.dsseEnvelope.payloadType, Buffer.from(b.dsseEnvelope.payload, 'base64')),
    );
    await writeFile(join(work, 'sig.der'), Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64'));
    const ok = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-verify', key.publicFile, '-signature', 'sig.der', 'pae.bin'],
      { cwd: work, encoding: 'utf8' },
    );
    assert.equal(ok.trim(), 'Verified OK');
    const bad = spawnSync(
      'openssl',
      ['dgst', '-sha256', '-verify', otherKey.publicFile, '-signature', 'sig.der', 'pae.bin'],
      { cwd: work, encoding: 'utf8' },
    );
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /Verification failure/);
  });
});

describe('docs/attest.md', () => {
  it('its plain-openssl recipe verifies a signed tree and checks every subject with sha256sum', async () => {
    const doc = await readFile(join(repoRoot, 'docs/attest.md'), 'utf8');
    const recipe = /```sh\n(b=output\/meta\/attestations\/base\.sigstore\.json[\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(recipe, 'the recipe is in docs/attest.md');
    const dir = await freshTree();
    await rm(dir, { recursive: true, force: true });
    await cp(signed, join(dir, 'output'), { recursive: true });
    await cp(key.publicFile, join(dir, 'attest.pub.pem'));
    // The recipe is a fixed script from the docs, run as a user would paste it.
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', recipe], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, explain(r));
    assert.match(r.stdout, /^Verified OK$/m);
    assert.match(r.stdout, /^output\/base\.qcow2: OK$/m);
  });
});
