/**
 * Keyless signing end to end, offline: attest runs as the runner runs it (a
 * child process; the dist bundle and the source), asks the loopback OIDC
 * endpoint for a token, gets a certificate from the fake Fulcio, has the
 * signature witnessed by the fake Rekor (public repository) or TSA (private),
 * stores each bundle through the loopback attestations API, and writes the
 * bundles beside the statements. The bundles are then verified against the
 * fakes' trusted roots with the expected identity — and refused, naming the
 * check, for every way the identity, the statement or the trust can be wrong.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { parseTrustedRoots, type KeylessIdentity } from '../../shared/attest/keyless-verify.ts';
import { VerificationFailure, verifyAttestations } from '../../shared/attest/verify.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { repoRoot } from '../support/test-image.ts';
import { githubClaims, issuerJwk, startGitHubFakes, type GitHubFakes } from './attest-keyless-fakes.ts';
import { freshTree, GITHUB_PUSH_MAIN, removeScratch } from './attest-tree.ts';

const PRELOAD = pathToFileURL(join(import.meta.dirname, 'attest-keyless-preload.ts')).href;
const IDENTITY: KeylessIdentity = {
  serverUrl: 'https://github.com',
  repository: 'acme/images',
  workflow: '.github/workflows/release.yml',
  ref: 'refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};
const STATEMENTS = ['base', 'base.vmlinuz', 'overlay-wireguard', 'release'];

let gh: GitHubFakes;
const scratch: string[] = [];

interface KeylessRun {
  run: ActionRun;
  tree: string;
  /** Where the run's fake Sigstore left its trusted roots and request counts. */
  fakesDir: string;
}

function explain(r: {
  code?: number | null;
  status?: number | null;
  stdout: string;
  stderr: string;
}): string {
  return `exit ${r.code ?? r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** Runs attest keyless on a fresh tree (or the given one) with the fakes answering. */
async function attestKeyless(
  o: {
    bundle?: boolean;
    visibility?: string;
    claims?: Record<string, unknown>;
    inputs?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    tree?: string;
  } = {},
): Promise<KeylessRun> {
  const tree = o.tree ?? (await freshTree());
  const fakesDir = await mkdtemp(join(tmpdir(), 'attest-keyless-'));
  scratch.push(fakesDir);
  await writeFile(join(fakesDir, 'issuer.jwk.json'), await issuerJwk(gh.issuerKey));
  const event = join(fakesDir, 'event.json');
  await writeFile(
    event,
    JSON.stringify({
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/images', visibility: o.visibility ?? 'public' },
    }),
  );
  gh.claims = githubClaims(GITHUB_PUSH_MAIN, {
    repository_visibility: o.visibility ?? 'public',
    ...o.claims,
  });
  const run = await runActionMain(
    'attest',
    { 'output-dir': '.', ...o.inputs },
    {
      bundle: o.bundle ?? false,
      cwd: tree,
      env: {
        ...GITHUB_PUSH_MAIN,
        ...gh.env,
        GITHUB_EVENT_PATH: event,
        KEYLESS_FAKES_DIR: fakesDir,
        NODE_OPTIONS: `--import ${PRELOAD}`,
        ...o.env,
      },
    },
  );
  return { run, tree, fakesDir };
}

async function roots(r: KeylessRun, instance: 'public-good' | 'github') {
  const path = join(r.fakesDir, `${instance}.trusted_root.json`);
  return parseTrustedRoots(await readFile(path, 'utf8'), path);
}

function verifyKeyless(root: string, trustedRoots: Awaited<ReturnType<typeof roots>>, identity = IDENTITY) {
  return verifyAttestations({
    root,
    attestations: [],
    artifacts: null,
    policy: {
      trustedKeys: null,
      keyless: { identity, trustedRoots },
      builderId: null,
      maxRiskScore: null,
      requireBoot: true,
    },
  });
}

async function copyOf(tree: string): Promise<string> {
  const t = await mkdtemp(join(tmpdir(), 'attest-keyless-copy-'));
  scratch.push(t);
  await cp(tree, t, { recursive: true });
  return t;
}

/** A tree signed keyless on public-good by the bundled action: most tests check a copy of it. */
let signed: KeylessRun;

beforeAll(async () => {
  gh = await startGitHubFakes(githubClaims(GITHUB_PUSH_MAIN));
  gh.stored.length = 0;
  signed = await attestKeyless({ bundle: true });
});
afterAll(async () => {
  await gh.close();
  await removeScratch();
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

describe('keyless signing (bundled action, public repository → Sigstore public-good)', () => {
  it('signs every statement with a Fulcio certificate and a Rekor entry, and stores each bundle in the repository', async () => {
    const { run, tree, fakesDir } = signed;
    assert.equal(run.code, 0, explain(run));
    assert.equal(run.outputs.signed, 'true');
    assert.match(
      run.summary,
      /\*\*Signed\*\* with a GitHub OIDC certificate \(keyless, Sigstore public-good: the repository is public/,
    );
    assert.match(run.summary, /Stored in the repository's attestations: base \(id \d+\)/);

    const att = await readdir(join(tree, 'meta/attestations'));
    for (const name of STATEMENTS) {
      const bundle = JSON.parse(
        await readFile(join(tree, `meta/attestations/${name}.sigstore.json`), 'utf8'),
      );
      assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json', name);
      assert.ok(bundle.verificationMaterial.certificate.rawBytes, `${name}: a certificate, not a key hint`);
      assert.equal(bundle.verificationMaterial.tlogEntries.length, 1, `${name}: one Rekor entry`);
      // The statement file is exactly what the envelope signs.
      const statement = await readFile(join(tree, `meta/attestations/${name}.intoto.json`));
      assert.ok(Buffer.from(bundle.dsseEnvelope.payload, 'base64').equals(statement), name);
      assert.ok(att.includes(`${name}.intoto.json`));
    }
    assert.equal(run.outputs.attestations!.split('\n').length, STATEMENTS.length);

    // The attestations API got every bundle, with the job's token, after all were signed.
    const stored = gh.stored.map((s) => s.bundle);
    assert.equal(stored.length, STATEMENTS.length);
    assert.ok(
      gh.stored.every(
        (s) => s.repository === 'acme/images' && s.authorization?.endsWith(gh.env.GITHUB_TOKEN!),
      ),
    );
    for (const name of STATEMENTS) {
      const file = JSON.parse(await readFile(join(tree, `meta/attestations/${name}.sigstore.json`), 'utf8'));
      assert.ok(
        stored.some((b) => JSON.stringify(b) === JSON.stringify(file)),
        `${name} stored as written`,
      );
    }
    // One OIDC token per signature, for Sigstore's audience; Fulcio and Rekor once each per statement.
    assert.ok(gh.tokenRequests.length >= STATEMENTS.length);
    assert.ok(gh.tokenRequests.every((t) => t.audience === 'sigstore'));
    const requests = JSON.parse(await readFile(join(fakesDir, 'requests.json'), 'utf8'));
    assert.deepEqual(requests, { fulcio: STATEMENTS.length, rekor: STATEMENTS.length, tsa: 0 });
    // The token is masked in the log.
    assert.ok(run.stdout.includes(`::add-mask::${gh.env.GITHUB_TOKEN}`));
  });

  it('the bundled verify accepts it with the expected identity and the trusted root', async () => {
    const r = await runActionMain(
      'attest',
      {
        command: 'verify',
        'output-dir': '.',
        'identity-repository': 'acme/images',
        'identity-workflow': '.github/workflows/release.yml',
        'identity-ref': 'refs/heads/*',
        'trusted-root': join(signed.fakesDir, 'public-good.trusted_root.json'),
        'require-boot': 'true',
      },
      { bundle: true, cwd: await copyOf(signed.tree), env: {} },
    );
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.verified, 'true');
    assert.match(r.summary, /identity/);
    assert.match(r.stdout, /verified 4 attestation\(s\); 3 artifact file\(s\) covered/);
  });

  it('the CLI accepts it, and refuses it for another ref naming the identity check', async () => {
    const root = join(signed.fakesDir, 'public-good.trusted_root.json');
    const args = ['--root', signed.tree, '--identity-repository', 'acme/images', '--trusted-root', root];
    const ok = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/verify.ts'), ...args, '--identity-workflow', '.github/workflows/release.yml'],
      { encoding: 'utf8' },
    );
    assert.equal(ok.status, 0, explain(ok));
    assert.match(
      ok.stdout,
      /^ok {2}identity {7}.*https:\/\/token\.actions\.githubusercontent\.com: https:\/\/github\.com\/acme\/images\/\.github\/workflows\/release\.yml@refs\/heads\/main on refs\/heads\/main$/m,
    );
    assert.match(ok.stdout, /VERIFIED: 4 attestation\(s\)/);
    const bad = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/verify.ts'), ...args, '--identity-ref', 'refs/tags/v*'],
      { encoding: 'utf8' },
    );
    assert.equal(bad.status, 1, explain(bad));
    assert.match(
      bad.stderr,
      /^FAILED identity: .*ref: the certificate says it ran on refs\/heads\/main, expected refs\/tags\/v\*/,
    );
    const usage = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/verify.ts'), '--root', signed.tree, '--identity-repository', 'not a repo'],
      { encoding: 'utf8' },
    );
    assert.equal(usage.status, 2, explain(usage));
    assert.match(usage.stderr, /input '--identity-repository': 'not a repo' is not a repository/);
  });
});

describe('keyless verification fails closed, naming the check', () => {
  const cases: {
    name: string;
    identity?: Partial<KeylessIdentity>;
    instance?: 'public-good' | 'github';
    prepare?: (t: string) => Promise<void>;
    check: string;
    message: RegExp;
  }[] = [
    {
      name: 'another repository expected',
      identity: { repository: 'acme/other' },
      check: 'identity',
      message:
        /repository: the certificate names https:\/\/github\.com\/acme\/images, expected https:\/\/github\.com\/acme\/other/,
    },
    {
      name: 'another workflow expected',
      identity: { workflow: '.github/workflows/nightly.yml' },
      check: 'identity',
      message:
        /workflow: the certificate says the workflow https:\/\/github\.com\/acme\/images\/\.github\/workflows\/release\.yml@refs\/heads\/main ran/,
    },
    {
      name: 'a tag expected, signed on a branch',
      identity: { ref: 'refs/tags/v*' },
      check: 'identity',
      message: /ref: the certificate says it ran on refs\/heads\/main, expected refs\/tags\/v\*/,
    },
    {
      name: 'another OIDC issuer expected',
      identity: { issuer: 'https://ghe.example.com/_services/token' },
      check: 'identity',
      message:
        /issuer: the certificate was issued for a token from https:\/\/token\.actions\.githubusercontent\.com/,
    },
    {
      name: "GitHub's instance's root for a public-good signature",
      instance: 'github',
      check: 'signature',
      message: /no trusted root accepts the signature/,
    },
    {
      name: 'the statement changed after signing',
      prepare: async (t) => {
        const p = join(t, 'meta/attestations/base.intoto.json');
        await writeFile(p, (await readFile(p, 'utf8')).replace('"base.qcow2"', '"base2.qcow2"'));
      },
      check: 'statement',
      message: /base\.intoto\.json differs from the statement the bundle signs/,
    },
    {
      name: 'the signed payload changed inside the bundle',
      prepare: async (t) => {
        const p = join(t, 'meta/attestations/release.sigstore.json');
        const b = JSON.parse(await readFile(p, 'utf8'));
        const payload = Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8');
        b.dsseEnvelope.payload = Buffer.from(payload.replace('refs/heads/main', 'refs/heads/mainx')).toString(
          'base64',
        );
        await writeFile(p, JSON.stringify(b));
      },
      check: 'signature',
      message: /release\.sigstore\.json: no trusted root accepts the signature/,
    },
    {
      name: 'one byte of the image changed',
      prepare: async (t) => {
        const p = join(t, 'base.qcow2');
        const b = await readFile(p);
        b[4096] = b[4096]! ^ 0xff;
        await writeFile(p, b);
      },
      check: 'subjects',
      message: /base\.qcow2 has sha256 [0-9a-f]{64}, the statement says [0-9a-f]{64}/,
    },
    {
      name: 'a signature removed',
      prepare: (t) => rm(join(t, 'meta/attestations/overlay-wireguard.sigstore.json')),
      check: 'signature',
      message: /no signature: there is no overlay-wireguard\.sigstore\.json beside it/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const t = await copyOf(signed.tree);
      await c.prepare?.(t);
      await assert.rejects(
        verifyKeyless(t, await roots(signed, c.instance ?? 'public-good'), { ...IDENTITY, ...c.identity }),
        (e: unknown) => {
          assert.ok(e instanceof VerificationFailure, String(e));
          assert.equal(e.check, c.check, e.message);
          assert.match(e.message, c.message);
          return true;
        },
      );
    });
  }

  it('a statement claiming another builder than the workflow its certificate names is refused', async () => {
    // Any workflow of the repository (here ci.yml on a feature branch) can get a certificate; what it may
    // not do is claim the release workflow's builder id, which a policy without workflow and ref would pass.
    const ci = 'acme/images/.github/workflows/ci.yml@refs/heads/feature-x';
    const r = await attestKeyless({
      claims: { workflow_ref: ci, job_workflow_ref: ci },
      inputs: { 'store-attestations': 'false' },
    });
    assert.equal(r.run.code, 0, explain(r.run));
    await assert.rejects(
      verifyKeyless(r.tree, await roots(r, 'public-good'), { ...IDENTITY, workflow: null, ref: null }),
      (e: unknown) => {
        assert.ok(e instanceof VerificationFailure, String(e));
        assert.equal(e.check, 'builder-id', e.message);
        assert.match(
          e.message,
          /the statement claims the builder https:\/\/github\.com\/acme\/images\/\.github\/workflows\/release\.yml@refs\/heads\/main, but its certificate was issued to the workflow https:\/\/github\.com\/acme\/images\/\.github\/workflows\/ci\.yml@refs\/heads\/feature-x/,
        );
        return true;
      },
    );
  });

  it("a bundle signed by another repository's workflow (a fork) is refused for acme/images", async () => {
    const stored = gh.stored.length;
    const r = await attestKeyless({
      claims: {
        repository: 'mallory/images',
        workflow_ref: 'mallory/images/.github/workflows/release.yml@refs/heads/main',
        job_workflow_ref: 'mallory/images/.github/workflows/release.yml@refs/heads/main',
      },
      env: {
        GITHUB_REPOSITORY: 'mallory/images',
        GITHUB_WORKFLOW_REF: 'mallory/images/.github/workflows/release.yml@refs/heads/main',
      },
      inputs: { 'store-attestations': 'false' },
    });
    assert.equal(r.run.code, 0, explain(r.run));
    // store-attestations: false signs and writes the bundles without calling the API.
    assert.equal(gh.stored.length, stored);
    assert.doesNotMatch(r.run.summary, /Stored in the repository/);
    await assert.rejects(verifyKeyless(r.tree, await roots(r, 'public-good')), (e: unknown) => {
      assert.ok(e instanceof VerificationFailure);
      assert.equal(e.check, 'identity');
      assert.match(
        e.message,
        /the certificate names https:\/\/github\.com\/mallory\/images, expected https:\/\/github\.com\/acme\/images/,
      );
      return true;
    });
    // …and the same bundles do verify for the repository that really signed them.
    const ok = await verifyKeyless(r.tree, await roots(r, 'public-good'), {
      ...IDENTITY,
      repository: 'mallory/images',
    });
    assert.equal(ok.statements.length, STATEMENTS.length);
  });
});

describe("keyless signing on GitHub's instance (private repository, from source)", () => {
  it("gets a signed timestamp instead of a log entry and verifies with that instance's root only", async () => {
    const r = await attestKeyless({ visibility: 'private' });
    assert.equal(r.run.code, 0, explain(r.run));
    assert.match(r.run.summary, /Sigstore GitHub's instance: the repository is private/);
    const b = JSON.parse(await readFile(join(r.tree, 'meta/attestations/release.sigstore.json'), 'utf8'));
    assert.equal(b.verificationMaterial.tlogEntries?.length ?? 0, 0);
    assert.equal(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1);
    const requests = JSON.parse(await readFile(join(r.fakesDir, 'requests.json'), 'utf8'));
    assert.deepEqual(requests, { fulcio: STATEMENTS.length, rekor: 0, tsa: STATEMENTS.length });

    const ok = await verifyKeyless(r.tree, await roots(r, 'github'));
    assert.deepEqual(
      ok.covered.map((c) => c.path.slice(r.tree.length + 1)),
      ['base.qcow2', 'base.vmlinuz', 'variants/wireguard/overlay-wireguard.qcow2'],
    );
    await assert.rejects(verifyKeyless(r.tree, await roots(r, 'public-good')), /check 'signature'/);
    // `gh attestation trusted-root` prints both roots as JSON Lines: either may vouch.
    const both = join(r.fakesDir, 'both.jsonl');
    await writeFile(
      both,
      [
        await readFile(join(r.fakesDir, 'public-good.trusted_root.json'), 'utf8'),
        await readFile(join(r.fakesDir, 'github.trusted_root.json'), 'utf8'),
      ].join('\n'),
    );
    const jsonl = parseTrustedRoots(await readFile(both, 'utf8'), both);
    assert.equal(jsonl.length, 2);
    assert.equal((await verifyKeyless(r.tree, jsonl)).statements.length, STATEMENTS.length);
  });

  it('sigstore: public-good overrides the visibility', async () => {
    const r = await attestKeyless({
      visibility: 'private',
      inputs: { sigstore: 'public-good', 'store-attestations': 'false' },
    });
    assert.equal(r.run.code, 0, explain(r.run));
    const requests = JSON.parse(await readFile(join(r.fakesDir, 'requests.json'), 'utf8'));
    assert.equal(requests.rekor, STATEMENTS.length);
  });
});

describe('keyless failures name the permission and leave the tree as it was', () => {
  it('no OIDC token request variables (no id-token: write): refused before any hashing', async () => {
    const tree = await freshTree();
    const before = await listTree(tree);
    const r = await runActionMain(
      'attest',
      { 'output-dir': '.' },
      { bundle: true, cwd: tree, env: GITHUB_PUSH_MAIN },
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /input 'private-key': is empty, so the run \(signed: push to main\) signs keyless, but GitHub's OIDC token cannot be requested \(ACTIONS_ID_TOKEN_REQUEST_URL\/ACTIONS_ID_TOKEN_REQUEST_TOKEN not set\): the job needs the permission `id-token: write`/,
    );
    assert.doesNotMatch(r.stdout, /sha256 [0-9a-f]{64}/);
    assert.deepEqual(await listTree(tree), before);
  });

  it('the token endpoint refuses: the error names id-token: write, nothing is stored or written', async () => {
    const tree = await freshTree();
    const before = await listTree(tree);
    const stored = gh.stored.length;
    gh.tokenStatus = 403;
    try {
      const r = await attestKeyless({ tree });
      assert.equal(r.run.code, 1, explain(r.run));
      assert.match(
        r.run.stdout,
        /keyless signing could not get GitHub's OIDC token \(the token endpoint answered HTTP 403\): the job needs the permission `id-token: write`/,
      );
    } finally {
      gh.tokenStatus = 200;
    }
    assert.equal(gh.stored.length, stored);
    assert.deepEqual(await listTree(tree), before);
  });

  it('the attestations API refuses (403): the error names attestations: write, nothing is written', async () => {
    const tree = await freshTree();
    const before = await listTree(tree);
    gh.apiStatus = 403;
    try {
      const r = await attestKeyless({ tree });
      assert.equal(r.run.code, 1, explain(r.run));
      assert.match(
        r.run.stdout,
        /storing the attestations in acme\/images was refused \(HTTP 403: Resource not accessible by integration.*\): the job needs the permission `attestations: write`/,
      );
    } finally {
      gh.apiStatus = 201;
    }
    assert.deepEqual(await listTree(tree), before);
  });

  it('bad keyless inputs are named: sigstore, github-token', async () => {
    const bad = await attestKeyless({ inputs: { sigstore: 'rekor' } });
    assert.equal(bad.run.code, 1, explain(bad.run));
    assert.match(
      bad.run.stdout,
      /input 'sigstore': unknown value 'rekor' \(accepted: auto \| public-good \| github\)/,
    );
    const noToken = await attestKeyless({ env: { GITHUB_TOKEN: '' } });
    assert.equal(noToken.run.code, 1, explain(noToken.run));
    assert.match(
      noToken.run.stdout,
      /input 'github-token': is empty, and storing the attestations in the repository needs a token with `attestations: write`/,
    );
  });
});
