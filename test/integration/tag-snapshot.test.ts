/**
 * tag-snapshot end to end, through its bundle (dist/tag-snapshot): a real
 * output tree (test base, wireguard overlay, boot reports from booting both,
 * analyze-deps, attest signing with an openssl key), a git clone of the
 * commit the images were built from pushing to a local bare remote, and the
 * release endpoints on a loopback server answering GitHub's documented
 * shapes. Seed 000's verification commands run on the published bundle.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { readImageProvenance } from '../../shared/attest/image-provenance.ts';
import { parseTrustedKeys } from '../../shared/attest/signing-key.ts';
import { DigestMemo } from '../../shared/digest-memo.ts';
import { checkReleaseGates } from '../../shared/snapshot/gates.ts';
import { readSnapshotImages } from '../../shared/snapshot/images.ts';
import { artifactManifest } from '../../shared/oci/artifact.ts';
import { ARTIFACT_VM_IMAGE, EMPTY_CONFIG_BYTES } from '../../shared/oci/media-types.ts';
import { RegistryClient } from '../../shared/oci/registry-client.ts';
import { rewriteByteKeepingTimes } from '../support/rewrite-in-place.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';
import { freshTree, GITHUB_PUSH_MAIN, opensslKeyPair, removeScratch, type KeyPair } from './attest-tree.ts';
import { startFakeGitHub, type FakeGitHub } from './tag-snapshot-github.ts';
import { repoRoot } from '../support/test-image.ts';

const TOKEN = 'ghs_loopbackToken0123456789';
let key: KeyPair;
let github: FakeGitHub;
let signed: string;
const scratch: string[] = [];

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A signed output tree and a clone of the commit its images record, with a bare remote. */
async function workspace(): Promise<{ tree: string; checkout: string; bare: string; commit: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tag-snapshot-ws-'));
  scratch.push(dir);
  const tree = join(dir, 'output');
  await cp(signed, tree, { recursive: true });
  const commit = (await readImageProvenance(join(tree, 'meta/image-provenance.json'))).build.git_commit!;
  const bare = join(dir, 'remote.git');
  git(dir, 'init', '-q', '--bare', bare);
  // The remote already has the commit (as GitHub has the pushed commit): only the tag travels.
  git(bare, 'fetch', '-q', '--depth', '1', `file://${repoRoot}`, `${commit}:refs/heads/main`);
  const checkout = join(dir, 'checkout');
  // A shallow clone at exactly that commit, as actions/checkout makes one.
  git(dir, 'init', '-q', checkout);
  git(checkout, 'fetch', '-q', '--depth', '1', `file://${repoRoot}`, commit);
  git(checkout, 'checkout', '-q', '--detach', commit);
  git(checkout, 'remote', 'add', 'origin', bare);
  return { tree, checkout, bare, commit };
}

function snapshot(ws: { tree: string; checkout: string; commit: string }, inputs: Record<string, string>) {
  return runActionMain(
    'tag-snapshot',
    { 'output-dir': ws.tree, path: ws.checkout, token: TOKEN, 'public-key': key.publicFile, ...inputs },
    {
      bundle: true,
      env: {
        ...GITHUB_PUSH_MAIN,
        GITHUB_SHA: ws.commit,
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'acme/images',
      },
    },
  );
}

beforeAll(async () => {
  await needTools('git', 'tar', 'jq', 'shasum', 'qemu-img', 'qemu-system-x86_64');
  key = await opensslKeyPair();
  github = await startFakeGitHub('acme', 'images', TOKEN);
  signed = await freshTree();
  const r = await runActionMain(
    'attest',
    { 'output-dir': '.', 'private-key': key.privatePem, sign: 'always' },
    { bundle: true, cwd: signed, env: GITHUB_PUSH_MAIN },
  );
  assert.equal(r.code, 0, explain(r));
});
afterAll(async () => {
  await github?.close();
  await removeScratch();
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

describe('tag-snapshot action (bundled)', () => {
  test('names, bundles, tags, pushes and releases; a rerun reuses everything', async () => {
    const ws = await workspace();
    const prov = await readImageProvenance(join(ws.tree, 'meta/image-provenance.json'));
    const r = await snapshot(ws, { release: 'true' });
    assert.equal(r.code, 0, explain(r));
    const day = new Date(Number(git(ws.checkout, 'log', '-1', '--format=%ct')) * 1000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const expected = `image-${prov.image.type}-${day}-${prov.infrasim.version}-${prov.image.sha256.slice(0, 8)}`;
    assert.equal(r.outputs.tag, expected);
    assert.equal(r.outputs['tag-action'], 'created');
    // Masked first (the runner hides it everywhere after ::add-mask::), and never printed otherwise.
    assert.ok(r.stdout.startsWith(`::add-mask::${TOKEN}\n`));
    const logged = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    assert.ok(
      !logged.join('\n').includes(TOKEN) && !r.stderr.includes(TOKEN),
      'the token never reaches the log',
    );

    // The annotated tag on the remote: on the commit, listing every image's sha256 and provenance digest.
    assert.equal(git(ws.bare, 'cat-file', '-t', `refs/tags/${expected}`), 'tag');
    assert.equal(git(ws.bare, 'rev-parse', `refs/tags/${expected}^{commit}`), ws.commit);
    const message = git(ws.bare, 'cat-file', '-p', `refs/tags/${expected}`);
    assert.match(
      message,
      new RegExp(`${prov.image.sha256} {2}base.qcow2 {2}meta/image-provenance.json [0-9a-f]{64}`),
    );
    assert.match(
      message,
      /variants\/wireguard\/overlay-wireguard\.qcow2 {2}meta\/image-provenance-wireguard\.json/,
    );
    assert.match(message, /Run: https:\/\/github.com\/acme\/images\/actions\/runs\/4242/);
    assert.match(message, new RegExp(`Bundle: ${r.outputs['bundle-sha256']} {2}infrasim-`));

    // The bundle: seed 002's name with variants, seed 000's commands verbatim.
    const name = `infrasim-${prov.image.type}-variants-${ws.commit}.tar.gz`;
    assert.equal(r.outputs.bundle, join(ws.tree, name));
    const dl = await mkdtemp(join(tmpdir(), 'tag-snapshot-dl-'));
    scratch.push(dl);
    const release = github.releases.get(expected)!;
    for (const a of release.assets) await writeFile(join(dl, a.name), a.bytes);
    const type = prov.image.type;
    const out = execFileSync(
      'bash',
      [
        '-c',
        [
          'set -euo pipefail',
          `shasum -a 256 -c infrasim-${type}-*.tar.gz.sha256`,
          `tar -xzf infrasim-${type}-*.tar.gz`,
          "IMAGE_SHA256=$(jq -r '.image.sha256' meta/image-provenance.json)",
          'echo "${IMAGE_SHA256}  disk/base.qcow2" | shasum -a 256 -c',
          'cd disk/variants/wireguard && qemu-img info --backing-chain overlay-wireguard.qcow2 >/dev/null',
        ].join('\n'),
      ],
      { cwd: dl, encoding: 'utf8' },
    );
    assert.match(out, /: OK\ndisk\/base.qcow2: OK/);
    assert.deepEqual(
      release.assets.map((a) => a.name).sort(),
      [
        ...(await readdir(join(ws.tree, 'meta/attestations'))).filter((n) => n.endsWith('.sigstore.json')),
        'image-provenance-wireguard.json',
        'image-provenance.json',
        name,
        `${name}.sha256`,
      ].sort(),
    );
    const manifest = JSON.parse(await readFile(join(dl, 'manifest.json'), 'utf8')) as {
      files: { path: string }[];
    };
    // Regular files in archive order (tar -tv marks them with '-'): manifest.json last, listing all the others.
    const listed = execFileSync('tar', ['-tvzf', name], { cwd: dl, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.startsWith('-'))
      .map((l) => l.split(/\s+/).at(-1)!);
    assert.equal(listed.at(-1), 'manifest.json');
    assert.deepEqual(
      manifest.files.map((f) => f.path),
      listed.slice(0, -1),
    );
    assert.ok(
      listed.includes('meta/boot/base.console.log') || listed.some((p) => p.startsWith('meta/boot/')),
    );

    // The gates are checked from the files attest wrote (its secret scan result included), and hold.
    assert.equal(r.outputs['gates-passed'], 'true', r.outputs['gate-failures']);
    assert.ok(listed.includes('meta/secret-scan.json'));

    // Rerun: same bytes, tag reused, every asset skipped.
    const again = await snapshot(ws, { release: 'true' });
    assert.equal(again.code, 0, explain(again));
    assert.equal(again.outputs['bundle-sha256'], r.outputs['bundle-sha256']);
    assert.equal(again.outputs['tag-action'], 'reused');
    assert.deepEqual(
      again.outputs.assets!.split('\n').map((l) => l.split(' ')[1]),
      Array(release.assets.length).fill('skipped'),
    );
    assert.ok(!github.requests.some((q) => q.startsWith('DELETE')));

    // Another bundle of the same commit under the same tag (here: another compression, with replace-assets):
    // the tag records the first one, so the run stops before the release contradicts it.
    const requestsBefore = github.requests.length;
    const other = await snapshot(ws, { release: 'true', compression: 'none', 'replace-assets': 'true' });
    assert.equal(other.code, 1, explain(other));
    assert.match(
      other.stdout,
      new RegExp(
        `tag ${expected} is already on commit ${ws.commit} but records another snapshot \\(it records 'Bundle: ${r.outputs['bundle-sha256']}`,
      ),
    );
    assert.ok(
      !github.requests.slice(requestsBefore).some((q) => /^(POST|PATCH|DELETE)/.test(q)),
      'nothing was written to the release',
    );
  });

  test('git-tag: none with a release: a tag GitHub has on another commit, or recording another snapshot, stops it before the release', async () => {
    const ws = await workspace();
    const release = (tag: string) => snapshot(ws, { 'git-tag': 'none', release: 'true', tag });
    github.tags.set('image-none-other', { commit: 'f'.repeat(40), message: 'someone else\n' });
    const other = await release('image-none-other');
    assert.equal(other.code, 1, explain(other));
    assert.match(
      other.stdout,
      /tag image-none-other already exists in acme\/images and points at f{40}, not at [0-9a-f]{40}: the release would name another commit's tag/,
    );
    github.tags.set('image-none-record', {
      commit: ws.commit,
      message: 'image-none-record\n\nsomething else\n',
    });
    const record = await release('image-none-record');
    assert.equal(record.code, 1, explain(record));
    assert.match(
      record.stdout,
      /tag image-none-record is already on commit [0-9a-f]{40} but records another snapshot/,
    );
    assert.ok(!github.releases.has('image-none-other') && !github.releases.has('image-none-record'));
    // git-tag: git tagging only the clone (remote ''): GitHub's tag is asked all the same before a release.
    const gitMode = await snapshot(ws, { release: 'true', tag: 'image-none-other', remote: '' });
    assert.equal(gitMode.code, 1, explain(gitMode));
    assert.match(gitMode.stdout, /tag image-none-other already exists in acme\/images and points at f{40}/);
    assert.equal(git(ws.checkout, 'tag', '--list', 'image-none-other'), '', 'no tag made in the clone');
    // A lightweight tag on the commit (GitHub makes one for a release without a tag) records nothing to contradict.
    github.tags.set('image-none-light', { commit: ws.commit, message: null });
    const light = await release('image-none-light');
    assert.equal(light.code, 0, explain(light));
    assert.ok(github.releases.has('image-none-light'));
  });

  test('several trees to one release: with a bundle-name each, their evidence is named after their bundle', async () => {
    const ws = await workspace();
    const run = (bundleName: string) =>
      snapshot(ws, {
        'git-tag': 'none',
        release: 'true',
        tag: 'image-multi',
        'bundle-name': bundleName,
        compression: 'none',
      });
    const amd = await run('infrasim-alpine-x86_64.tar');
    assert.equal(amd.code, 0, explain(amd));
    // The second tree (here the same bytes under another name, as a matrix job for aarch64 would send its own).
    const arm = await run('infrasim-alpine-aarch64.tar');
    assert.equal(arm.code, 0, explain(arm));
    const names = github.releases.get('image-multi')!.assets.map((a) => a.name);
    for (const stem of ['infrasim-alpine-x86_64', 'infrasim-alpine-aarch64']) {
      assert.ok(names.includes(`${stem}.tar`) && names.includes(`${stem}.tar.sha256`));
      assert.ok(names.includes(`${stem}.image-provenance.json`), names.join(', '));
      assert.ok(names.includes(`${stem}.image-provenance-wireguard.json`));
      assert.ok(names.some((n) => n.startsWith(`${stem}.`) && n.endsWith('.sigstore.json')));
    }
    assert.ok(!names.includes('image-provenance.json'), 'no evidence under a name both trees would use');
    // The release's text records both trees, each once, a rerun adding nothing.
    const text = () => github.releases.get('image-multi')!.body;
    const records = (t: string) => [...t.matchAll(/^Bundle: [0-9a-f]{64} {2}(\S+)$/gm)].map((m) => m[1]);
    assert.deepEqual(records(text()), ['infrasim-alpine-x86_64.tar', 'infrasim-alpine-aarch64.tar']);
    assert.equal((text().match(/^```$/gm) ?? []).length, 4, text());
    const before = text();
    const again = await run('infrasim-alpine-aarch64.tar');
    assert.equal(again.code, 0, explain(again));
    assert.equal(text(), before);
  });

  test('require-gates: a gate not passed publishes nothing; with the secret scan result it passes', async () => {
    const ws = await workspace();
    const result = join(ws.tree, 'meta', 'secret-scan.json');
    const written = await readFile(result);
    await rm(result);
    const r = await snapshot(ws, { 'require-gates': 'true' });
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /release gates not passed \(require-gates: true\), nothing published/);
    assert.match(r.stdout, /secret-scan: meta\/secret-scan\.json is missing/);
    assert.equal(git(ws.bare, 'tag', '--list'), '');
    assert.ok(!(await readdir(ws.tree)).some((n) => n.endsWith('.tar.gz')), 'no bundle written');

    await writeFile(result, written);
    const ok = await snapshot(ws, { 'require-gates': 'true' });
    assert.equal(ok.code, 0, explain(ok));
    assert.equal(ok.outputs['gates-passed'], 'true');
  });

  test('checkReleaseGates reports every failed gate from the files', async () => {
    const ws = await workspace();
    const trustedKeys = parseTrustedKeys(await readFile(key.publicFile, 'utf8'));
    assert.deepEqual((await checkReleaseGates(ws.tree, { trustedKeys })).failures, []);
    // A changed boot report, a secret finding and no key: three gates fail, each named.
    const boot = (await readdir(join(ws.tree, 'meta', 'boot'))).find((n) => n.endsWith('.json'))!;
    const report = JSON.parse(await readFile(join(ws.tree, 'meta', 'boot', boot), 'utf8')) as {
      verdict: string;
    };
    await writeFile(join(ws.tree, 'meta', 'boot', boot), JSON.stringify({ ...report, verdict: 'failure' }));
    const scanPath = join(ws.tree, 'meta', 'secret-scan.json');
    const scan = JSON.parse(await readFile(scanPath, 'utf8')) as { findings: unknown[] };
    scan.findings.push({
      artifact: 'disk/base.qcow2',
      path: '/root/.ssh/id_ed25519',
      kind: 'openssh-private-key',
      line: 1,
      fingerprint: 'a'.repeat(64),
    });
    await writeFile(scanPath, JSON.stringify(scan));
    const r = await checkReleaseGates(ws.tree, {});
    assert.equal(r.passed, false);
    assert.deepEqual(r.failures.map((f) => f.gate).sort(), ['boot', 'secret-scan', 'verify']);
    assert.match(
      r.failures.find((f) => f.gate === 'boot')!.detail,
      new RegExp(`boot report meta/boot/${boot} changed after attest`),
    );
    assert.match(
      r.failures.find((f) => f.gate === 'secret-scan')!.detail,
      /1 secret\(s\) found, first openssh-private-key in \/root\/.ssh\/id_ed25519/,
    );
    // With the key, the boot gate still holds the release back.
    const keyed = await checkReleaseGates(ws.tree, { trustedKeys });
    assert.equal(keyed.passed, false);
    assert.ok(keyed.failures.some((f) => f.gate === 'boot'));
  });

  test('the gates read only signed image provenance, and hold back an image over its risk threshold', async () => {
    const ws = await workspace();
    const trustedKeys = parseTrustedKeys(await readFile(key.publicFile, 'utf8'));
    const basePath = join(ws.tree, 'meta', 'image-provenance.json');
    const base = JSON.parse(await readFile(basePath, 'utf8')) as {
      image: { variant: string | null; base_sha256: string | null; sha256: string };
      analysis: { risk_score: number; risk_threshold: number };
    };
    // An image provenance nobody signed, added beside attest's: it names the base's bytes and boot report.
    const extra = join(ws.tree, 'meta', 'image-provenance-kernel.json');
    await writeFile(
      extra,
      JSON.stringify({
        ...base,
        image: { ...base.image, variant: 'kernel', base_sha256: base.image.sha256 },
      }),
    );
    const added = await checkReleaseGates(ws.tree, { trustedKeys });
    assert.deepEqual(
      added.failures.map((f) => [f.gate, f.detail]),
      [
        [
          'verify',
          'meta/image-provenance-kernel.json is bound by no verified statement: the gates read only signed image provenance',
        ],
      ],
    );
    await rm(extra);
    // The risk score above the threshold analyze-deps recorded (the provenance then no longer verifies either).
    await writeFile(
      basePath,
      JSON.stringify({ ...base, analysis: { ...base.analysis, risk_score: 5, risk_threshold: 4 } }),
    );
    const risky = await checkReleaseGates(ws.tree, { trustedKeys });
    assert.match(
      risky.failures.find((f) => f.gate === 'risk')?.detail ?? '',
      /base\.qcow2: meta\/image-provenance\.json records the dependency risk score 5, above its threshold 4/,
    );
  });

  test('a run hashes each file once: the gates reuse its digests, and a file changed since is hashed again', async () => {
    const ws = await workspace();
    const trustedKeys = parseTrustedKeys(await readFile(key.publicFile, 'utf8'));
    const digests = new DigestMemo();
    const images = await readSnapshotImages(ws.tree, digests);
    assert.equal(digests.hashed, 1 + images.variants.length);
    assert.equal((await checkReleaseGates(ws.tree, { trustedKeys }, digests)).passed, true);
    const afterGates = digests.hashed;
    // The gates again (as before the channels move): nothing is read again.
    assert.equal((await checkReleaseGates(ws.tree, { trustedKeys }, digests)).passed, true);
    assert.equal(digests.hashed, afterGates);
    // One byte of an image rewritten in place, its size and modification time as they were: the status
    // change time gives it away, the image is hashed again and the gates refuse it.
    const image = join(ws.tree, images.variants[0]!.rel);
    await rewriteByteKeepingTimes(image, join(ws.tree, '..', 'image-times'));
    const changed = await checkReleaseGates(ws.tree, { trustedKeys }, digests);
    assert.equal(changed.passed, false);
    assert.match(
      changed.failures.find((f) => f.gate === 'provenance')!.detail,
      new RegExp(
        `${images.variants[0]!.rel}: sha256 [0-9a-f]{64} differs from ${images.variants[0]!.sha256}`,
      ),
    );
  });

  test('bad input: errors name the input or the file; nothing half-published', async () => {
    const ws = await workspace();
    const cases: { inputs: Record<string, string>; message: RegExp; prepare?: () => Promise<void> }[] = [
      { inputs: { tag: 'bad..name' }, message: /input 'tag': 'bad\.\.name'/ },
      {
        // metadata-action's type=sha tag would collide with the immutable sha-<commit> tag: refused up front.
        inputs: {
          registry: '127.0.0.1:9',
          'oci-repository': 'acme/images',
          'metadata-json': JSON.stringify({ tags: ['127.0.0.1:9/acme/images:sha-abc1234'], labels: {} }),
        },
        message: /input 'metadata-json': 'sha-abc1234' is reserved/,
      },
      {
        inputs: { release: 'true', token: '' },
        message: /input 'token': is empty, but release: true calls GitHub's API/,
      },
      { inputs: { compression: 'bzip2' }, message: /input 'compression': unknown value 'bzip2'/ },
      {
        inputs: { 'require-gates': 'true', 'public-key': '' },
        message: /input 'public-key': is empty \(and so is identity-repository\), but require-gates: true/,
      },
      {
        inputs: { 'identity-repository': 'acme/images' },
        message: /input 'identity-repository': is set together with public-key/,
      },
      {
        inputs: { 'public-key': '', 'identity-repository': 'not a repo', 'require-gates': 'true' },
        message: /input 'identity-repository': 'not a repo' is not a repository/,
      },
      {
        // Keyless channels need the ref the signing run was on: the repository alone is any branch's run.
        inputs: {
          'public-key': '',
          'identity-repository': 'acme/images',
          registry: '127.0.0.1:9',
          'oci-repository': 'acme/images',
          channels: 'dev\nprod',
        },
        message:
          /input 'identity-ref': is empty, but this run moves the channels dev, prod: without it a run on any branch of acme\/images could sign/,
      },
      {
        // Keyless gates on a key-signed tree: the verify gate names what the bundles lack.
        inputs: { 'public-key': '', 'identity-repository': 'acme/images', 'require-gates': 'true' },
        message: /release gates not passed[\s\S]*verify: .*(certificate|identity|signature)/i,
      },
      { inputs: { remote: 'nope' }, message: /git has no remote 'nope' \(input 'remote'\)/ },
      {
        inputs: {},
        message: /tag image-\S+ already exists on remote 'origin' and points at commit [0-9a-f]{40}, not at/,
        prepare: async () => {
          // The name taken by the parent commit on the remote.
          const prov = await readImageProvenance(join(ws.tree, 'meta/image-provenance.json'));
          const day = new Date(Number(git(ws.checkout, 'log', '-1', '--format=%ct')) * 1000)
            .toISOString()
            .slice(0, 10)
            .replaceAll('-', '');
          const name = `image-${prov.image.type}-${day}-${prov.infrasim.version}-${prov.image.sha256.slice(0, 8)}`;
          const other = git(ws.checkout, 'commit-tree', '-m', 'other', `${ws.commit}^{tree}`);
          git(ws.checkout, 'tag', '-a', '-m', 'other', name, other);
          git(ws.checkout, 'push', '-q', 'origin', name);
          git(ws.checkout, 'tag', '-d', name);
        },
      },
      {
        // The tag taken (above) and the gates failing, checked at once: the tag's verdict is the one reported.
        inputs: { 'public-key': '', 'identity-repository': 'acme/images', 'require-gates': 'true' },
        message: /tag image-\S+ already exists on remote 'origin' and points at commit [0-9a-f]{40}, not at/,
      },
    ];
    for (const c of cases) {
      await c.prepare?.();
      const r = await snapshot(ws, c.inputs);
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, c.message);
      assert.ok(
        !(await readdir(ws.tree)).some((n) => n.endsWith('.tar.gz')),
        `${c.message}: no bundle written`,
      );
    }
    const empty = await mkdtemp(join(tmpdir(), 'tag-snapshot-empty-'));
    scratch.push(empty);
    const r = await snapshot({ ...ws, tree: empty }, {});
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /meta\/image-provenance\.json is missing: run attest on this output tree before tag-snapshot/,
    );
  });
});

describe('tag-snapshot action with a registry (bundled)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    await needTools('docker-registry', 'skopeo');
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  async function skopeoDigest(ref: string): Promise<string> {
    const raw = execFileSync('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${registry.host}/${ref}`,
    ]);
    return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  }
  const tags = () =>
    (
      JSON.parse(
        execFileSync('skopeo', ['list-tags', '--tls-verify=false', `docker://${registry.host}/acme/images`], {
          encoding: 'utf8',
        }),
      ) as { Tags: string[] }
    ).Tags.sort();

  test('a failed gate moves no channel and pushes nothing; passed gates push sha-<commit>, then dev; promote and rollback move prod', async () => {
    const ws = await workspace();
    const result = join(ws.tree, 'meta', 'secret-scan.json');
    const written = await readFile(result);
    await rm(result);
    // Gates not passed (no secret scan result): refused before anything is published anywhere.
    const refused = await snapshot(ws, { registry: registry.host, channels: 'dev', 'git-tag': 'none' });
    assert.equal(refused.code, 1, explain(refused));
    assert.match(refused.stdout, /release gates not passed .*nothing published/);
    assert.throws(() => tags(), 'the repository does not exist yet');

    await writeFile(result, written);
    const r = await snapshot(ws, { registry: registry.host, channels: 'dev', 'git-tag': 'none' });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs['immutable-tag'], `sha-${ws.commit}`);
    assert.equal(r.outputs['channel-tags'], 'dev');
    const digest = r.outputs.digest!;
    assert.equal(await skopeoDigest(`acme/images:sha-${ws.commit}`), digest);
    assert.equal(await skopeoDigest('acme/images:dev'), digest);

    const promoted = await snapshot(ws, {
      command: 'promote',
      registry: registry.host,
      channel: 'prod',
      digest,
    });
    assert.equal(promoted.code, 0, explain(promoted));
    assert.equal(await skopeoDigest('acme/images:prod'), digest);
    assert.ok(tags().includes('prod'));
    // The attestations in the registry are verified with the step's key, not taken from the gate result.
    const stranger = await opensslKeyPair();
    const foreign = await snapshot(ws, {
      command: 'promote',
      registry: registry.host,
      channel: 'staging',
      digest,
      'public-key': stranger.publicFile,
    });
    assert.equal(foreign.code, 1, explain(foreign));
    assert.match(foreign.stdout, /is not covered by attestations that verify with the trusted key/);
    assert.ok(!tags().includes('staging'), 'a refused promotion moves nothing');
    // After a key rotation: the new key and the one it replaced, one PEM after the other, reach the old snapshot.
    const rotated = await snapshot(ws, {
      command: 'promote',
      registry: registry.host,
      channel: 'beta',
      digest,
      'public-key': (await readFile(stranger.publicFile, 'utf8')) + (await readFile(key.publicFile, 'utf8')),
    });
    assert.equal(rotated.code, 0, explain(rotated));
    assert.equal(await skopeoDigest('acme/images:beta'), digest);
    const untrusted = await snapshot(ws, {
      command: 'promote',
      registry: registry.host,
      channel: 'staging',
      digest,
      'public-key': '',
    });
    assert.match(
      untrusted.stdout,
      /input 'public-key': is empty \(and so is identity-repository\), but promote/,
    );
    // Keyless: the repository alone is not enough to move a channel; with the ref named, the evidence decides
    // (here signed with a key, so no certificate names any identity).
    const anyBranch = { command: 'promote', registry: registry.host, channel: 'staging', digest };
    const keyless = { 'public-key': '', 'identity-repository': 'acme/images' };
    const noRef = await snapshot(ws, { ...anyBranch, ...keyless });
    assert.equal(noRef.code, 1, explain(noRef));
    assert.match(noRef.stdout, /input 'identity-ref': is empty, but promote moves 'staging'/);
    const withRef = await snapshot(ws, { ...anyBranch, ...keyless, 'identity-ref': 'refs/heads/main' });
    assert.equal(withRef.code, 1, explain(withRef));
    assert.doesNotMatch(withRef.stdout, /input 'identity-ref'/);
    assert.match(withRef.stdout, /certificate|not covered/);
    assert.ok(!tags().includes('staging'), 'a refused promotion moves nothing');

    // Rollback with nothing earlier on the channel: a clear error naming the input, the tag unmoved.
    const back = await snapshot(ws, { command: 'rollback', registry: registry.host, channel: 'prod' });
    assert.equal(back.code, 1, explain(back));
    assert.match(back.stdout, /input 'channel': 'prod' has no earlier digest to roll back to/);
    assert.equal(await skopeoDigest('acme/images:prod'), digest);
    // A bad channel name and a promote without a digest name their inputs.
    const bad = await snapshot(ws, {
      command: 'promote',
      registry: registry.host,
      channel: 'Bad Tag',
      digest,
    });
    assert.match(bad.stdout, /input 'channel'/);
    const noDigest = await snapshot(ws, { command: 'promote', registry: registry.host, channel: 'prod' });
    assert.match(noDigest.stdout, /input 'digest': is empty/);
  });

  test('sha-<commit> already naming other bytes stops the run before the git tag, the bundle and the release', async () => {
    const ws = await workspace();
    // What an earlier build of the same commit published: another index under the immutable tag.
    const client = new RegistryClient({ registry: registry.host });
    await client.uploadBlob('acme/rebuilt', { bytes: EMPTY_CONFIG_BYTES });
    const other = artifactManifest(ARTIFACT_VM_IMAGE, [], {});
    await client.putManifest('acme/rebuilt', `sha-${ws.commit}`, other.bytes, other.descriptor.mediaType);
    const releasesBefore = github.releases.size;

    const r = await snapshot(ws, {
      registry: registry.host,
      'oci-repository': 'acme/rebuilt',
      release: 'true',
    });
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      new RegExp(`acme/rebuilt:sha-${ws.commit} already points at ${other.descriptor.digest}`),
    );
    assert.equal(git(ws.bare, 'tag', '--list'), '', 'no tag on the remote');
    assert.equal(git(ws.checkout, 'tag', '--list'), '', 'no tag in the clone');
    assert.ok(!(await readdir(ws.tree)).some((n) => n.endsWith('.tar.gz')), 'no bundle written');
    assert.equal(github.releases.size, releasesBefore, 'no release made');
  });
});
