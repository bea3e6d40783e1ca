/**
 * Keyless signing and verification, the pure parts: which Sigstore instance,
 * which inputs are required and how bad ones are named, how the certificate's
 * Fulcio extensions are read, and when an identity matches.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { runContextForEnv } from '../../actions/run-context.ts';
import type { RunContext } from '../../shared/attest/context.ts';
import { parseKeylessSignInputs, parseKeylessVerifyInputs } from '../../shared/attest/keyless-options.ts';
import {
  defaultTrustedRoots,
  extensionText,
  identityMismatch,
  parseTrustedRoots,
  refMatches,
  type CertificateIdentity,
  type KeylessIdentity,
} from '../../shared/attest/keyless-verify.ts';
import { chooseSigstoreInstance, requireOidcToken } from '../../shared/attest/keyless.ts';
import { parseAttestInputs, type RawAttestInputs } from '../../shared/attest/options.ts';
import { repoRoot } from '../support/test-image.ts';

const PUSH_MAIN: NodeJS.ProcessEnv = {
  GITHUB_REPOSITORY: 'acme/images',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '1',
  GITHUB_WORKFLOW_REF: 'acme/images/.github/workflows/release.yml@refs/heads/main',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
};
const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

/** Every attest input at its action.yml default, as the runner gives them, then the overrides. */
async function inputs(overrides: Record<string, string> = {}): Promise<RawAttestInputs> {
  const yml = parseYaml(await readFile(join(repoRoot, 'actions/attest/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const raw: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) raw[name] = String(spec.default ?? '');
  raw['github-token'] = 'ghs_token';
  return { ...raw, ...overrides } as unknown as RawAttestInputs;
}

async function dir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'attest-keyless-unit-'));
  scratch.push(d);
  return d;
}

for (const row of [
  { choice: 'auto', visibility: 'public', instance: 'public-good' },
  { choice: 'auto', visibility: 'private', instance: 'github' },
  { choice: 'auto', visibility: 'internal', instance: 'github' },
  { choice: 'auto', visibility: null, instance: 'github' },
  { choice: 'github', visibility: 'public', instance: 'github' },
  { choice: 'public-good', visibility: 'private', instance: 'public-good' },
] as const)
  test(`sigstore: ${row.choice} for a ${row.visibility ?? 'unknown'} repository → ${row.instance}`, () => {
    assert.equal(chooseSigstoreInstance(row.choice, row.visibility).instance, row.instance);
  });

test('the visibility comes from the event payload, read in the run context', async () => {
  const d = await dir();
  await writeFile(join(d, 'event.json'), JSON.stringify({ repository: { visibility: 'private' } }));
  assert.equal(
    (await runContextForEnv({ GITHUB_EVENT_PATH: join(d, 'event.json') })).repositoryVisibility,
    'private',
  );
  assert.equal(
    (await runContextForEnv({ GITHUB_EVENT_PATH: join(d, 'missing.json') })).repositoryVisibility,
    null,
  );
  assert.equal((await runContextForEnv({})).repositoryVisibility, null);
});

test('keyless needs the OIDC token request variables: the error names id-token: write', async () => {
  assert.throws(
    () => requireOidcToken(null, 'signed: push to main'),
    /input 'private-key': is empty, so the run \(signed: push to main\) signs keyless, .*the job needs the permission `id-token: write`/,
  );
  assert.equal((await runContextForEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x' })).oidcTokenRequest, null);
  assert.deepEqual((await runContextForEnv(PUSH_MAIN)).oidcTokenRequest, {
    url: PUSH_MAIN.ACTIONS_ID_TOKEN_REQUEST_URL,
    token: 'runtime-token',
  });
});

test('a run that signs without a private key signs keyless; with one, with the key', async () => {
  const ctx = await runContextForEnv(PUSH_MAIN);
  const d = await dir();
  const keyless = await parseAttestInputs(await inputs({ 'output-dir': d }), ctx, d);
  assert.equal(keyless.command, 'attest');
  if (keyless.command !== 'attest') return;
  assert.equal(keyless.key, null);
  assert.equal(keyless.keyless?.instance, 'github');
  assert.equal(keyless.keyless?.repository, 'acme/images');
  assert.equal(keyless.keyless?.token, 'ghs_token');
  const unsigned = await parseAttestInputs(await inputs({ 'output-dir': d, sign: 'never' }), ctx, d);
  assert.ok(unsigned.command === 'attest' && unsigned.keyless === null && unsigned.key === null);
});

test('signing keyless, the builder is the workflow that runs: another builder-id is refused', async () => {
  const ctx = await runContextForEnv(PUSH_MAIN);
  const d = await dir();
  const own = `${ctx.serverUrl}/${ctx.workflowRef}`;
  const same = await parseAttestInputs(await inputs({ 'output-dir': d, 'builder-id': own }), ctx, d);
  assert.ok(same.command === 'attest' && same.keyless !== null && same.builderId === own);
  await assert.rejects(
    parseAttestInputs(await inputs({ 'output-dir': d, 'builder-id': 'https://example.com/builder' }), ctx, d),
    /input 'builder-id': 'https:\/\/example.com\/builder' cannot be claimed when signing keyless: the certificate names the workflow that runs/,
  );
  // With a key the signer vouches for it: any builder id.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const keyed = await parseAttestInputs(
    await inputs({ 'output-dir': d, 'builder-id': 'https://example.com/builder', 'private-key': pem }),
    ctx,
    d,
  );
  assert.ok(keyed.command === 'attest' && keyed.builderId === 'https://example.com/builder');
});

const SIGN_CASES: { name: string; raw: Record<string, string>; ctx?: Partial<RunContext>; error: RegExp }[] =
  [
    {
      name: 'an unknown sigstore instance',
      raw: { sigstore: 'staging' },
      error: /input 'sigstore': unknown value 'staging' \(accepted: auto \| public-good \| github\)/,
    },
    {
      name: 'no token to store with',
      raw: { 'github-token': '' },
      error:
        /input 'github-token': is empty, and storing the attestations .* needs a token with `attestations: write`/,
    },
    {
      name: 'a store-attestations that is not a boolean',
      raw: { 'store-attestations': 'sometimes' },
      error: /input 'store-attestations'/,
    },
    {
      name: 'no GITHUB_REPOSITORY',
      raw: {},
      ctx: { repository: null },
      error: /input 'private-key': is empty, so the run signs keyless, which needs GITHUB_REPOSITORY/,
    },
  ];
for (const c of SIGN_CASES)
  test(`keyless signing input refused: ${c.name}`, async () => {
    const ctx = { ...(await runContextForEnv(PUSH_MAIN)), ...c.ctx };
    const raw = await inputs(c.raw);
    assert.throws(() => parseKeylessSignInputs(raw, ctx, 'x'), c.error);
  });

test('store-attestations: false needs no token', async () => {
  const o = parseKeylessSignInputs(
    await inputs({ 'store-attestations': 'false', 'github-token': '' }),
    await runContextForEnv(PUSH_MAIN),
    'x',
  );
  assert.equal(o.token, null);
});

const VERIFY_CASES: { name: string; raw: Record<string, string>; error: RegExp }[] = [
  {
    name: 'no expected repository',
    raw: {},
    error: /input 'identity-repository': is required to verify keyless signatures \(or give public-key/,
  },
  {
    name: 'not a repository',
    raw: { 'identity-repository': 'acme' },
    error: /input 'identity-repository': 'acme' is not a repository/,
  },
  {
    name: 'a workflow outside .github/workflows',
    raw: { 'identity-repository': 'acme/images', 'identity-workflow': 'release.yml' },
    error: /input 'identity-workflow': 'release.yml' is not a workflow file/,
  },
  {
    name: 'a ref that is not a full ref',
    raw: { 'identity-repository': 'acme/images', 'identity-ref': 'main' },
    error: /input 'identity-ref': 'main' is not a ref pattern/,
  },
  {
    name: 'a GitHub Enterprise repository without its issuer',
    raw: { 'identity-repository': 'https://ghe.example.com/acme/images' },
    error: /input 'identity-issuer': is required for https:\/\/ghe\.example\.com/,
  },
  {
    name: 'an issuer that is not https',
    raw: { 'identity-repository': 'acme/images', 'identity-issuer': 'http://token' },
    error: /input 'identity-issuer': 'http:\/\/token' is not an https URL/,
  },
  {
    name: 'a trusted root that does not exist',
    raw: { 'identity-repository': 'acme/images', 'trusted-root': '/nonexistent/trusted_root.json' },
    error: /input 'trusted-root'/,
  },
];
for (const c of VERIFY_CASES)
  test(`keyless verify input refused: ${c.name}`, async () => {
    await assert.rejects(parseKeylessVerifyInputs(await inputs(c.raw), await runContextForEnv({})), c.error);
  });

test('keyless verify inputs: defaults, a GitHub Enterprise repository, and key mode excluding them', async () => {
  const p = await parseKeylessVerifyInputs(
    await inputs({ 'identity-repository': 'acme/images', 'identity-ref': 'refs/tags/v*' }),
    await runContextForEnv({}),
  );
  assert.deepEqual(p.identity, {
    serverUrl: 'https://github.com',
    repository: 'acme/images',
    workflow: null,
    ref: 'refs/tags/v*',
    issuer: 'https://token.actions.githubusercontent.com',
  });
  assert.equal(p.trustedRoots[0]!.source, 'Sigstore public-good (shipped)');
  const ghe = await parseKeylessVerifyInputs(
    await inputs({
      'identity-repository': 'https://ghe.example.com/acme/images',
      'identity-issuer': 'https://ghe.example.com/_services/token',
    }),
    await runContextForEnv({}),
  );
  assert.equal(ghe.identity.serverUrl, 'https://ghe.example.com');
  assert.equal(ghe.identity.repository, 'acme/images');
  const d = await dir();
  await writeFile(join(d, 'k.pem'), '-----BEGIN PUBLIC KEY-----\n');
  await assert.rejects(
    parseAttestInputs(
      await inputs({
        command: 'verify',
        'output-dir': d,
        'public-key': join(d, 'k.pem'),
        'identity-repository': 'acme/images',
      }),
      await runContextForEnv({}),
      d,
    ),
    /input 'public-key': is given together with identity-repository\/trusted-root/,
  );
  await assert.rejects(
    parseAttestInputs(
      await inputs({ 'output-dir': d, 'identity-ref': 'refs/heads/main' }),
      await runContextForEnv(PUSH_MAIN),
      d,
    ),
    /input 'command': .*identity-\* and trusted-root are inputs of command: verify/,
  );
});

test('the shipped public-good root has Fulcio, Rekor and CT logs', () => {
  const root = defaultTrustedRoots()[0]!.root;
  assert.ok(root.certificateAuthorities.some((c) => c.uri === 'https://fulcio.sigstore.dev'));
  assert.ok(root.tlogs.some((t) => t.baseUrl === 'https://rekor.sigstore.dev'));
  assert.ok(root.ctlogs.length > 0);
});

test('trusted roots: one JSON document, JSON Lines of several, and anything else refused', async () => {
  const one = JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
      {
        subject: {},
        uri: 'https://fulcio.example',
        certChain: { certificates: [{ rawBytes: 'AA==' }] },
        validFor: { start: '2024-01-01T00:00:00Z' },
      },
    ],
    tlogs: [],
    ctlogs: [],
    timestampAuthorities: [],
  });
  assert.equal(parseTrustedRoots(one, 'r.json').length, 1);
  const two = parseTrustedRoots(`${one}\n${one}\n`, 'r.jsonl');
  assert.deepEqual(
    two.map((r) => r.source),
    ['r.jsonl (root 1)', 'r.jsonl (root 2)'],
  );
  assert.throws(
    () => parseTrustedRoots('{"mediaType":"x"}', 'r.json'),
    /r\.json: not a Sigstore trusted root/,
  );
  assert.throws(
    () => parseTrustedRoots('not json', 'r.json'),
    /r\.json: neither a trusted_root\.json nor JSON Lines/,
  );
  assert.throws(
    () => parseTrustedRoots(JSON.stringify({ ...JSON.parse(one), certificateAuthorities: [] }), 'r.json'),
    /the trusted root has no certificate authority/,
  );
});

for (const [ref, pattern, ok] of [
  ['refs/heads/main', 'refs/heads/main', true],
  ['refs/heads/main2', 'refs/heads/main', false],
  ['refs/tags/v1.2.3', 'refs/tags/v*', true],
  ['refs/tags/image-2025', 'refs/tags/v*', false],
  ['refs/heads/release/1.x', 'refs/heads/release/*', true],
  ['refs/heads/mainXrefs', 'refs/heads/main.refs', false],
] as const)
  test(`ref ${ref} ${ok ? 'matches' : 'does not match'} ${pattern}`, () => {
    assert.equal(refMatches(ref, pattern), ok);
  });

test("Fulcio extensions: DER UTF8String values (short and long length), v1's raw bytes", () => {
  assert.equal(extensionText(Buffer.from([0x0c, 3, 0x61, 0x62, 0x63])), 'abc');
  const long = 'x'.repeat(200);
  assert.equal(extensionText(Buffer.concat([Buffer.from([0x0c, 0x81, 200]), Buffer.from(long)])), long);
  assert.equal(
    extensionText(Buffer.from('https://token.actions.githubusercontent.com')),
    'https://token.actions.githubusercontent.com',
  );
});

const CERT: CertificateIdentity = {
  subjectAlternativeName: 'https://github.com/acme/images/.github/workflows/release.yml@refs/tags/v1.0.0',
  issuer: 'https://token.actions.githubusercontent.com',
  sourceRepositoryUri: 'https://github.com/acme/images',
  sourceRepositoryRef: 'refs/tags/v1.0.0',
  sourceRepositoryDigest: 'a'.repeat(40),
  buildConfigUri: 'https://github.com/acme/images/.github/workflows/release.yml@refs/tags/v1.0.0',
  buildSignerUri: 'https://github.com/acme/images/.github/workflows/release.yml@refs/tags/v1.0.0',
  runInvocationUri: null,
};
const WANT: KeylessIdentity = {
  serverUrl: 'https://github.com',
  repository: 'acme/images',
  workflow: '.github/workflows/release.yml',
  ref: 'refs/tags/v*',
  issuer: 'https://token.actions.githubusercontent.com',
};
for (const c of [
  { name: 'the expected identity', cert: {}, want: {}, mismatch: null },
  { name: 'any workflow and ref', cert: {}, want: { workflow: null, ref: null }, mismatch: null },
  { name: 'another issuer', cert: { issuer: 'https://evil.example' }, want: {}, mismatch: /^issuer:/ },
  { name: 'no issuer', cert: { issuer: null }, want: {}, mismatch: /^issuer: .*\(none\)/ },
  {
    name: 'a fork',
    cert: { sourceRepositoryUri: 'https://github.com/mallory/images' },
    want: {},
    mismatch: /^repository:/,
  },
  {
    name: 'a repository whose name starts the same',
    cert: { sourceRepositoryUri: 'https://github.com/acme/images-fork' },
    want: {},
    mismatch: /^repository:/,
  },
  {
    name: 'another workflow of the repository',
    cert: { buildConfigUri: 'https://github.com/acme/images/.github/workflows/pr.yml@refs/tags/v1.0.0' },
    want: {},
    mismatch: /^workflow:/,
  },
  {
    name: 'a workflow file whose name starts the same',
    cert: {
      buildConfigUri: 'https://github.com/acme/images/.github/workflows/release.yml.bak@refs/tags/v1.0.0',
    },
    want: {},
    mismatch: /^workflow:/,
  },
  {
    // Git paths are case-sensitive: RELEASE.yml is another file than release.yml.
    name: 'a workflow file whose name differs only in case',
    cert: { buildConfigUri: 'https://github.com/acme/images/.github/workflows/RELEASE.yml@refs/tags/v1.0.0' },
    want: {},
    mismatch: /^workflow:/,
  },
  {
    // Repository names are not: GitHub serves Acme/Images as acme/images.
    name: 'the repository named in another case',
    cert: {
      sourceRepositoryUri: 'https://github.com/Acme/Images',
      buildConfigUri: 'https://github.com/Acme/Images/.github/workflows/release.yml@refs/tags/v1.0.0',
    },
    want: {},
    mismatch: null,
  },
  {
    name: 'a branch where a tag is expected',
    cert: { sourceRepositoryRef: 'refs/heads/main' },
    want: {},
    mismatch: /^ref:/,
  },
  {
    name: 'no ref in the certificate',
    cert: { sourceRepositoryRef: null },
    want: {},
    mismatch: /^ref: .*\(no ref\)/,
  },
] as const)
  test(`identity: ${c.name} → ${c.mismatch ? 'refused' : 'accepted'}`, () => {
    const m = identityMismatch({ ...CERT, ...c.cert }, { ...WANT, ...c.want });
    if (c.mismatch === null) assert.equal(m, null);
    else assert.match(m ?? '', c.mismatch);
  });
