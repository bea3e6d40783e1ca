/**
 * Publishing snapshots as OCI 1.1 artifacts to Debian's docker-registry on
 * 127.0.0.1, read back with skopeo; tag order, channels with promote and
 * rollback, and faults (the fault proxy, a registry stopped midway).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { DataError, InputError } from '../../shared/errors.ts';
import { run } from '../../shared/exec.ts';
import { promote, rollback } from '../../shared/oci/channel-commands.ts';
import { CHANNELS_TAG, readChannels } from '../../shared/oci/channels.ts';
import {
  ARTIFACT_CHANNELS,
  ARTIFACT_SIGSTORE_BUNDLE,
  ARTIFACT_VM_IMAGE,
  OCI_INDEX,
} from '../../shared/oci/media-types.ts';
import { readMetadataAction } from '../../shared/oci/metadata.ts';
import { GateError, publishSnapshot, pushReferrer, type PublishRequest } from '../../shared/oci/publish.ts';
import { verifyPublishedSnapshot } from '../../shared/oci/published-evidence.ts';
import { artifactManifest } from '../../shared/oci/artifact.ts';
import { RegistryClient, RegistryError } from '../../shared/oci/registry-client.ts';
import { artifactsFromTrees } from '../../shared/oci/tree-artifacts.ts';
import { checkReleaseGates, type GateResult } from '../../shared/snapshot/gates.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import type { VerifyPolicy } from '../../shared/attest/verify.ts';
import {
  defaultSnapshotKey,
  makeSnapshot,
  snapshotKey,
  type SnapshotFixture,
} from '../support/oci-snapshot.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';
import { needTools } from '../support/tools.ts';

const COMMIT_A = 'a'.repeat(40);
const COMMIT_B = 'b'.repeat(40);
const COMMIT_C = 'c'.repeat(40);
const CREATED = '2025-12-28T10:00:00Z';
const PASSED: GateResult = {
  passed: true,
  failures: [],
  checks: [
    { gate: 'provenance', detail: '1 image provenance document(s) match their images' },
    { gate: 'boot', detail: '1 passing boot report(s)' },
    { gate: 'secret-scan', detail: 'no finding' },
    { gate: 'verify', detail: '2 attestation(s) verified' },
  ],
};

/** What promote and rollback verify the registry's attestations with: the key the fixtures sign with. */
const policy = (): VerifyPolicy => ({
  trustedKeys: [defaultSnapshotKey().trusted],
  keyless: null,
  builderId: null,
  maxRiskScore: null,
  requireBoot: true,
});

let registry: TestRegistry;
let dir: string;
let snapA: SnapshotFixture;
let snapB: SnapshotFixture;
let snapC: SnapshotFixture;

beforeAll(async () => {
  await needTools('skopeo', 'qemu-img');
  registry = await startRegistry();
  dir = await mkdtemp(join(tmpdir(), 'oci-publish-'));
  snapA = await makeSnapshot(join(dir, 'a'), 1);
  snapB = await makeSnapshot(join(dir, 'b'), 2);
  snapC = await makeSnapshot(join(dir, 'c'), 3);
});
afterAll(async () => {
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

function client(host = registry.host, retry: { attempts?: number } = {}) {
  return new RegistryClient({
    registry: host,
    chunkSize: 256 * 1024, // the disks go up in several PATCH chunks
    idleTimeoutMs: 2000,
    retry: { attempts: 4, baseMs: 10, maxMs: 100, ...retry },
  });
}

function request(snap: SnapshotFixture, extra: Partial<PublishRequest>): PublishRequest {
  return {
    client: client(),
    repository: 'acme/images',
    commit: COMMIT_A,
    created: CREATED,
    images: snap.images,
    attestations: snap.attestations,
    gates: async () => PASSED,
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...extra,
  };
}

async function skopeoRaw(ref: string): Promise<{ text: string; digest: string }> {
  const { stdout } = await run('skopeo', [
    'inspect',
    '--raw',
    '--tls-verify=false',
    `docker://${registry.host}/${ref}`,
  ]);
  return { text: stdout, digest: `sha256:${createHash('sha256').update(stdout).digest('hex')}` };
}

const METADATA_JSON = JSON.stringify({
  tags: ['ghcr.io/acme/images:1.2.3', 'ghcr.io/acme/images:1.2', 'ghcr.io/acme/images:latest'],
  labels: { 'org.opencontainers.image.source': 'https://github.com/acme/images' },
  annotations: [
    'manifest:org.opencontainers.image.source=https://github.com/acme/images',
    'manifest:org.opencontainers.image.created=2099-01-01T00:00:00Z',
    'index:org.opencontainers.image.description=VM images',
    'index:org.opencontainers.image.version=1.2.3',
  ],
});

describe('publish', () => {
  test('artifacts, index, referrers and tags in order, read back by skopeo', async () => {
    const proxy = await startFaultProxy(registry.url);
    try {
      const metadata = readMetadataAction({ json: METADATA_JSON });
      const result = await publishSnapshot(
        request(snapA, {
          client: client(proxy.host),
          repository: 'acme/order',
          annotations: metadata.annotations,
          channelTags: ['dev', ...metadata.tags],
        }),
      );
      assert.equal(result.immutableTag, `sha-${COMMIT_A}`);
      assert.deepEqual(result.channelTags, ['dev', '1.2.3', '1.2', 'latest']);
      assert.equal(result.referrersVia, 'tag');

      // The index, by the immutable tag, through skopeo.
      const index = await skopeoRaw(`acme/order:sha-${COMMIT_A}`);
      assert.equal(index.digest, result.digest);
      const doc = JSON.parse(index.text);
      assert.equal(doc.mediaType, OCI_INDEX);
      assert.equal(doc.artifactType, ARTIFACT_VM_IMAGE);
      assert.deepEqual(
        doc.manifests.map((m: { platform: { architecture: string } }) => m.platform.architecture),
        ['amd64', 'arm64'],
      );
      assert.equal(doc.annotations['org.opencontainers.image.description'], 'VM images');
      assert.equal(
        doc.annotations['org.opencontainers.image.created'],
        CREATED,
        'not the wall clock of metadata-action',
      );
      assert.equal(doc.annotations['org.opencontainers.image.revision'], COMMIT_A);
      for (const tag of ['dev', '1.2.3', '1.2', 'latest'])
        assert.equal((await skopeoRaw(`acme/order:${tag}`)).digest, result.digest, tag);

      // Each child: an artifact manifest with its own layer media types; the disk copied out by skopeo matches.
      const amd64 = JSON.parse((await skopeoRaw(`acme/order@${doc.manifests[0].digest}`)).text);
      assert.equal(amd64.artifactType, ARTIFACT_VM_IMAGE);
      assert.equal(amd64.config.mediaType, 'application/vnd.oci.empty.v1+json');
      assert.deepEqual(
        amd64.layers.map((l: { mediaType: string }) => l.mediaType),
        [
          'application/vnd.infrasim.disk.qcow2',
          'application/vnd.infrasim.provenance.v1+json',
          'application/vnd.cyclonedx+json',
        ],
      );
      assert.equal(amd64.annotations['org.opencontainers.image.source'], 'https://github.com/acme/images');
      const layout = join(dir, 'layout-order');
      await run('skopeo', [
        'copy',
        '--src-tls-verify=false',
        `docker://${registry.host}/acme/order@${doc.manifests[0].digest}`,
        `oci:${layout}:amd64`,
      ]);
      const copied = await readFile(join(layout, 'blobs', 'sha256', snapA.disks.x86_64!));
      assert.equal(createHash('sha256').update(copied).digest('hex'), snapA.disks.x86_64);

      // The attestation bundle refers to the image manifest holding that disk (fallback tag).
      const refs = await client().referrers('acme/order', doc.manifests[0].digest, ARTIFACT_SIGSTORE_BUNDLE);
      assert.equal(refs.via, 'tag');
      assert.equal(refs.descriptors.length, 1);
      const fallback = JSON.parse(
        (await skopeoRaw(`acme/order:sha256-${doc.manifests[0].digest.slice(7)}`)).text,
      );
      assert.equal(fallback.manifests[0].artifactType, ARTIFACT_SIGSTORE_BUNDLE);

      // Order: every blob and manifest before the immutable tag, the immutable tag before any channel tag,
      // channels.json last.
      const puts = proxy.log
        .filter((e) => e.method === 'PUT' || e.method === 'POST' || e.method === 'PATCH')
        .map((e) => e.path.replace(/\?.*$/, '').replace(/^\/v2\/acme\/order\//, ''));
      const at = (p: string) => puts.indexOf(p);
      const immutable = at(`manifests/sha-${COMMIT_A}`);
      assert.ok(immutable > 0);
      assert.ok(
        puts.slice(0, immutable).every((p) => !/^manifests\/(dev|latest|1\.2|1\.2\.3|channels)$/.test(p)),
      );
      assert.ok(at(`manifests/${result.digest}`) < immutable, 'index pushed by digest before any tag');
      for (const tag of ['dev', '1.2.3', '1.2', 'latest']) assert.ok(at(`manifests/${tag}`) > immutable, tag);
      assert.equal(puts[puts.length - 1], `manifests/${CHANNELS_TAG}`);

      // channels.json, as its own artifact.
      const channelsManifest = JSON.parse((await skopeoRaw(`acme/order:${CHANNELS_TAG}`)).text);
      assert.equal(channelsManifest.artifactType, ARTIFACT_CHANNELS);
      const channels = await readChannels(client(), 'acme/order');
      assert.equal(channels.channels.dev?.digest, result.digest);
      assert.deepEqual(
        channels.channels.latest?.history.map((h) => h.action),
        ['publish'],
      );
    } finally {
      await proxy.stop();
    }
  });

  test('a rerun pushes no blob again, gives the same digest and records no second history entry', async () => {
    const first = await publishSnapshot(request(snapA, { repository: 'acme/rerun', channelTags: ['dev'] }));
    const proxy = await startFaultProxy(registry.url);
    try {
      const second = await publishSnapshot(
        request(snapA, { client: client(proxy.host), repository: 'acme/rerun', channelTags: ['dev'] }),
      );
      assert.equal(second.digest, first.digest);
      assert.equal(second.blobs.uploaded, 0);
      assert.ok(second.blobs.skipped >= 7);
      assert.equal(proxy.log.filter((e) => e.method === 'POST' || e.method === 'PATCH').length, 0);
      assert.equal((await readChannels(client(), 'acme/rerun')).channels.dev?.history.length, 1);
    } finally {
      await proxy.stop();
    }
  });

  test('a failed gate (checked from the files) publishes nothing', async () => {
    const emptyTree = join(dir, 'empty-tree');
    await assert.rejects(
      publishSnapshot(
        request(snapA, {
          repository: 'acme/gated',
          channelTags: ['prod'],
          gates: () => checkReleaseGates(emptyTree),
        }),
      ),
      (e: GateError) => {
        assert.ok(e instanceof GateError);
        assert.match(e.message, /provenance: .*image-provenance\.json is missing/);
        assert.match(e.message, /secret-scan/);
        return true;
      },
    );
    assert.deepEqual(await client().listTags('acme/gated'), []);
  });

  test('bad input is refused before anything is pushed', async () => {
    const cases: [Partial<PublishRequest>, RegExp][] = [
      [{ commit: 'HEAD' }, /input 'commit': 'HEAD' is not a hex commit id/],
      [{ repository: 'Acme/Images' }, /input 'repository'/],
      [{ channelTags: ['bad tag'] }, /input 'channel-tags': 'bad tag' is not a valid OCI tag/],
      [{ channelTags: [`sha-${COMMIT_B}`] }, /input 'channel-tags'.*reserved/],
      [
        { channelTags: ['dev'], gates: undefined },
        /input 'channel-tags': channel tags need the release gates/,
      ],
      [{ created: 'yesterday' }, /input 'created'/],
      [{ images: [] }, /input 'images': no image to publish/],
    ];
    for (const [extra, message] of cases) {
      await assert.rejects(
        publishSnapshot(request(snapA, { repository: 'acme/badinput', ...extra })),
        message,
      );
    }
    assert.deepEqual(await client().listTags('acme/badinput'), []);
  });

  test('an output tree publishes its images with provenance, SBOM and boot reports, and its bundles', async () => {
    const tree = join(dir, 'tree');
    await mkdir(join(tree, 'meta', 'sbom'), { recursive: true });
    await mkdir(join(tree, 'meta', 'boot'), { recursive: true });
    await mkdir(join(tree, 'meta', 'attestations'), { recursive: true });
    await copyFile(snapA.images[0]!.disk.path, join(tree, 'base.qcow2'));
    await copyFile(snapA.attestations[0]!, join(tree, 'meta', 'attestations', 'base.sigstore.json'));
    await writeFile(
      join(tree, 'meta', 'sbom', 'base.cdx.json'),
      '{"bomFormat":"CycloneDX","specVersion":"1.5"}',
    );
    await writeFile(join(tree, 'meta', 'boot', 'base.json'), '{"verdict":"success"}');
    const hex = (s: string) => createHash('sha256').update(s).digest('hex');
    const provenance = {
      image: {
        type: 'alpine',
        version: '3.21',
        architecture: 'x86_64',
        sha256: snapA.disks.x86_64,
        path: 'base.qcow2',
        format: 'qcow2',
        variant: null,
        base_sha256: null,
        flattened: null,
      },
      infrasim: { version: '0.1.0', sha256: null, dep_graph_sha256: hex('g'), binaries: {} },
      build: {
        timestamp: CREATED,
        git_commit: COMMIT_A,
        git_ref: 'refs/heads/main',
        github_run_id: '1',
        snapshot_version: 'dev-20251228-aaaaaaa',
        repository: 'acme/images',
        workflow_ref: null,
      },
      analysis: { risk_score: 0, cycle_count: 0, risk_threshold: 70, duplicate_count: 0 },
      boot: {
        status: 'success',
        reports: [
          {
            path: 'meta/boot/base.json',
            sha256: hex('{"verdict":"success"}'),
            arch: 'x86_64',
            boot: 'kernel',
            verdict: 'success',
          },
        ],
      },
      format_version: '1.0',
      sources: {
        build_provenance: { path: 'meta/build-provenance.json', sha256: hex('b') },
        variant_provenance: null,
        infrasim_build: { path: 'meta/attestations/infrasim-build.json', sha256: hex('i') },
      },
    };
    await writeFile(join(tree, 'meta', 'image-provenance.json'), JSON.stringify(provenance));

    const { images, attestations } = await artifactsFromTrees([tree]);
    assert.deepEqual(
      images.map((i) => [i.name, i.architecture, i.files.map((f) => f.mediaType)]),
      [
        [
          'base',
          'x86_64',
          [
            'application/vnd.infrasim.provenance.v1+json',
            'application/vnd.cyclonedx+json',
            'application/json',
          ],
        ],
      ],
    );
    assert.deepEqual(attestations, [join(tree, 'meta', 'attestations', 'base.sigstore.json')]);
    const result = await publishSnapshot(request(snapA, { repository: 'acme/tree', images, attestations }));
    const index = JSON.parse((await skopeoRaw(`acme/tree:sha-${COMMIT_A}`)).text);
    const manifest = JSON.parse((await skopeoRaw(`acme/tree@${index.manifests[0].digest}`)).text);
    assert.deepEqual(
      manifest.layers.map(
        (l: { annotations: Record<string, string> }) => l.annotations['org.opencontainers.image.title'],
      ),
      ['base.qcow2', 'image-provenance.json', 'base.cdx.json', 'base.json'],
    );
    assert.equal(manifest.layers[0].digest, `sha256:${snapA.disks.x86_64}`);
    assert.equal(result.referrers[0]?.subject, index.manifests[0].digest);
    await assert.rejects(
      artifactsFromTrees([join(dir, 'no-such-tree')]),
      /image-provenance\.json is missing/,
    );
  });

  test('the immutable tag never moves to other bytes', async () => {
    const first = await publishSnapshot(
      request(snapA, { repository: 'acme/immutable', channelTags: ['dev'] }),
    );
    await assert.rejects(
      publishSnapshot(request(snapB, { repository: 'acme/immutable', channelTags: ['dev'] })),
      (e: DataError) => {
        assert.ok(e instanceof DataError);
        assert.match(
          e.message,
          new RegExp(`acme/immutable:sha-${COMMIT_A} already points at ${first.digest}`),
        );
        return true;
      },
    );
    assert.equal((await skopeoRaw('acme/immutable:dev')).digest, first.digest);
  });
});

describe('channels', () => {
  test('promote to a gated digest, roll back to the previous and to a named one, without a rebuild', async () => {
    const repo = 'acme/channels';
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const now = () => new Date((clock += 60_000));
    const a = await publishSnapshot(request(snapA, { repository: repo, channelTags: ['dev'], now }));
    const b = await publishSnapshot(
      request(snapB, { repository: repo, commit: COMMIT_B, channelTags: ['dev'], now }),
    );
    // C is published without channel tags: no gate result, not promotable.
    const c = await publishSnapshot(request(snapC, { repository: repo, commit: COMMIT_C, now }));
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, b.digest);

    await promote(client(), repo, 'prod', b.digest, { reason: 'release 1', now, policy: policy() });
    assert.equal((await skopeoRaw(`${repo}:prod`)).digest, b.digest);
    await assert.rejects(
      promote(client(), repo, 'prod', c.digest, { reason: 'x', now, policy: policy() }),
      (e: InputError) => e instanceof InputError && /has no passing gate result/.test(e.message),
    );
    assert.equal((await skopeoRaw(`${repo}:prod`)).digest, b.digest, 'a refused promotion moves nothing');
    // A keyless policy naming no ref, or no trust at all, moves nothing (the library guards its own callers).
    const anyRef = {
      ...policy(),
      trustedKeys: null,
      keyless: {
        identity: {
          serverUrl: 'https://github.com',
          repository: 'acme/images',
          workflow: null,
          ref: null,
          issuer: 'https://token.actions.githubusercontent.com',
        },
        trustedRoots: [],
      },
    };
    await assert.rejects(
      promote(client(), repo, 'staging', b.digest, { reason: 'x', policy: anyRef }),
      /a keyless policy without a ref cannot move a channel/,
    );
    await assert.rejects(
      rollback(client(), repo, 'prod', { reason: 'x', policy: { ...policy(), trustedKeys: [] } }),
      /needs a trusted key or a keyless identity/,
    );
    assert.equal((await skopeoRaw(`${repo}:prod`)).digest, b.digest);

    const proxy = await startFaultProxy(registry.url);
    try {
      const rolled = await rollback(client(proxy.host), repo, 'dev', {
        reason: 'boot regression',
        now,
        policy: policy(),
      });
      assert.equal(rolled.channels.dev?.digest, a.digest);
      // Only the channel tag and channels.json were written: no disk bytes moved.
      assert.equal(proxy.log.filter((e) => e.method === 'PATCH').length, 0);
      assert.ok(proxy.log.filter((e) => e.method === 'POST').length <= 1, 'at most the channels.json blob');
    } finally {
      await proxy.stop();
    }
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, a.digest);

    const history = (await readChannels(client(), repo)).channels.dev!.history;
    assert.deepEqual(
      history.map((h) => [h.action, h.digest, h.from, h.reason]),
      [
        ['publish', a.digest, null, `publish sha-${COMMIT_A}`],
        ['publish', b.digest, a.digest, `publish sha-${COMMIT_B}`],
        ['rollback', a.digest, b.digest, 'boot regression'],
      ],
    );
    assert.ok(history.every((h, i) => i === 0 || h.time > history[i - 1]!.time));

    // Nothing earlier than A: a second rollback has nowhere to go; a named digest from history works.
    await assert.rejects(
      rollback(client(), repo, 'dev', { reason: 'again', policy: policy() }),
      /no earlier digest/,
    );
    await rollback(client(), repo, 'dev', { to: b.digest, reason: 'fixed forward', now, policy: policy() });
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, b.digest);
    await assert.rejects(
      rollback(client(), repo, 'dev', { to: c.digest, reason: 'x', policy: policy() }),
      /input 'to': .* was never on channel 'dev'/,
    );
    await assert.rejects(
      rollback(client(), repo, 'nightly', { reason: 'x', policy: policy() }),
      /input 'channel': 'nightly' has no history/,
    );
  });
  test("a passing gate result is not enough: promote and rollback re-verify the attestations with the step's key", async () => {
    const repo = 'acme/evidence';
    // Published with a passing gate result, but signed by another key (a test key, a weaker policy) …
    const otherKey = await makeSnapshot(join(dir, 'other-key'), 4, undefined, { key: snapshotKey().signing });
    const foreign = await publishSnapshot(request(otherKey, { repository: repo, channelTags: ['dev'] }));
    // … or signed by the trusted key while recording a risk score above its threshold.
    const risky = await makeSnapshot(join(dir, 'risky'), 5, undefined, { riskScore: 95 });
    const overThreshold = await publishSnapshot(
      request(risky, { repository: repo, commit: COMMIT_B, channelTags: ['dev'] }),
    );
    const good = await publishSnapshot(
      request(snapA, { repository: repo, commit: COMMIT_C, channelTags: ['dev'] }),
    );

    await assert.rejects(
      promote(client(), repo, 'prod', foreign.digest, { reason: 'x', policy: policy() }),
      (e: Error) => {
        assert.ok(e instanceof DataError, String(e));
        assert.match(e.message, /not covered by attestations that verify with the trusted key/);
        assert.match(e.message, new RegExp(`disk sha256 ${otherKey.disks.x86_64}`));
        assert.match(e.message, /2 attestation\(s\) did not verify, first: .*check 'signature'/);
        return true;
      },
    );
    await assert.rejects(
      promote(client(), repo, 'prod', overThreshold.digest, { reason: 'x', policy: policy() }),
      /dependency risk score 95 above its threshold 40/,
    );
    await assert.rejects(skopeoRaw(`${repo}:prod`), 'a refused promotion created no channel');

    await promote(client(), repo, 'prod', good.digest, { reason: 'release', policy: policy() });
    assert.equal((await skopeoRaw(`${repo}:prod`)).digest, good.digest);
    // dev went foreign → overThreshold → good: rolling back steps to overThreshold, which is refused too.
    await assert.rejects(
      rollback(client(), repo, 'dev', { reason: 'x', policy: policy() }),
      /dependency risk score 95/,
    );
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, good.digest, 'a refused rollback moves nothing');
    await assert.rejects(
      rollback(client(), repo, 'dev', { to: foreign.digest, reason: 'x', policy: policy() }),
      /subject of no verified statement/,
    );
  });
});

describe('published evidence', () => {
  /** Pushes raw JSON as a manifest by digest; returns its descriptor. */
  async function putRaw(
    repo: string,
    doc: object,
  ): Promise<{ mediaType: string; digest: string; size: number }> {
    const bytes = Buffer.from(JSON.stringify(doc));
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const mediaType = (doc as { mediaType: string }).mediaType;
    await client().putManifest(repo, digest, bytes, mediaType);
    return { mediaType, digest, size: bytes.length };
  }

  test('what the signed evidence does not vouch for is refused: no image, an extra layer, another platform', async () => {
    const repo = 'acme/forged';
    const good = await publishSnapshot(request(snapA, { repository: repo }));
    assert.ok(await verifyPublishedSnapshot(client(), repo, good.digest, policy()));
    const amd64 = good.manifests.find((m) => m.architecture === 'amd64')!;
    const child = JSON.parse((await skopeoRaw(`${repo}@${amd64.digest}`)).text);
    // The attestations of the real image, attached to each forged subject as anyone who can push could.
    const bundles = (await client().referrers(repo, amd64.digest, ARTIFACT_SIGSTORE_BUNDLE)).descriptors;
    const attach = async (subject: { mediaType: string; digest: string; size: number }) => {
      for (const b of bundles) {
        const m = JSON.parse((await skopeoRaw(`${repo}@${b.digest}`)).text);
        await pushReferrer(client(), repo, {
          doc: artifactManifest(
            ARTIFACT_SIGSTORE_BUNDLE,
            m.layers.map((l: { mediaType: string; digest: string; size: number }) => ({ ...l, title: 'b' })),
            {},
            subject,
          ),
          subject,
          descriptor: { ...b },
        });
      }
    };
    const index = async (entries: object[]) => {
      const d = await putRaw(repo, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries });
      await attach(d);
      return d.digest;
    };
    const entry = (m: { mediaType: string; digest: string; size: number }, architecture: string) => ({
      ...m,
      platform: { architecture, os: 'linux' },
      annotations: { 'vnd.infrasim.image.name': 'base' },
    });

    await assert.rejects(
      verifyPublishedSnapshot(client(), repo, await index([]), policy()),
      /is an index of no image/,
    );
    // The signed disk, and beside it an unsigned one titled like a disk.
    const extra = await client().uploadBlob(repo, { bytes: Buffer.from('an unsigned disk') });
    const stuffed = await putRaw(repo, {
      ...child,
      layers: [
        ...child.layers,
        {
          mediaType: 'application/octet-stream',
          digest: extra.digest,
          size: extra.size,
          annotations: { 'org.opencontainers.image.title': 'base.qcow2' },
        },
      ],
    });
    await assert.rejects(
      verifyPublishedSnapshot(client(), repo, await index([entry(stuffed, 'amd64')]), policy()),
      new RegExp(`carries 1 layer\\(s\\) no verified statement names \\(first ${extra.digest}\\)`),
    );
    // The signed amd64 image listed as arm64.
    const raw = (await skopeoRaw(`${repo}@${amd64.digest}`)).text;
    const relabelled = { mediaType: child.mediaType, digest: amd64.digest, size: Buffer.byteLength(raw) };
    await assert.rejects(
      verifyPublishedSnapshot(client(), repo, await index([entry(relabelled, 'arm64')]), policy()),
      /is listed for arm64, but its provenance says x86_64/,
    );
  });
});

describe('faults', () => {
  test('a registry answering 500 midway moves no channel tag; a rerun finishes without re-uploading', async () => {
    const repo = 'acme/faults';
    const old = await publishSnapshot(request(snapA, { repository: repo, channelTags: ['dev'] }));
    // Blobs go up side by side: the first disk's upload completes, the second disk's fails at its end
    // (the PUT that names its digest) every time it is tried.
    const proxy = await startFaultProxy(registry.url, [
      { method: 'PUT', path: new RegExp(`/blobs/uploads/.*${snapB.disks.aarch64}`), fault: { status: 500 } },
    ]);
    try {
      await assert.rejects(
        publishSnapshot(
          request(snapB, {
            client: client(proxy.host),
            repository: repo,
            commit: COMMIT_B,
            channelTags: ['dev'],
          }),
        ),
        (e: RegistryError) => {
          assert.ok(e instanceof RegistryError);
          assert.match(
            e.message,
            new RegExp(
              `registry ${proxy.host.replace(/\./g, '\\.')}: upload blob ${repo}@sha256:[0-9a-f]{64} .*HTTP 500`,
            ),
          );
          return true;
        },
      );
    } finally {
      await proxy.stop();
    }
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, old.digest, 'dev did not move');
    assert.equal(
      await client().headManifest(repo, `sha-${COMMIT_B}`),
      undefined,
      'no immutable tag for a partial push',
    );

    const rerunProxy = await startFaultProxy(registry.url);
    try {
      const done = await publishSnapshot(
        request(snapB, {
          client: client(rerunProxy.host),
          repository: repo,
          commit: COMMIT_B,
          channelTags: ['dev'],
        }),
      );
      assert.equal((await skopeoRaw(`${repo}:dev`)).digest, done.digest);
      // The first disk got through before the faults: the rerun only HEADs it.
      assert.ok(done.blobs.skipped >= 1, JSON.stringify(done.blobs));
      assert.ok(done.blobs.uploaded >= 1, JSON.stringify(done.blobs));
      const heads = rerunProxy.log.filter((e) => e.method === 'HEAD' && e.path.includes(snapB.disks.x86_64!));
      assert.equal(heads[0]?.outcome, 'forwarded 200');
    } finally {
      await rerunProxy.stop();
    }
  });

  test('a registry stopped midway: bounded retries, a clear error, no tag; after restart the rerun completes', async () => {
    const repo = 'acme/stopped';
    let killed = false;
    await assert.rejects(
      publishSnapshot(
        request(snapA, {
          client: client(registry.host, { attempts: 3 }),
          repository: repo,
          channelTags: ['dev'],
          log: (line) => {
            if (!killed && line.startsWith('uploaded base-x86_64.qcow2')) {
              killed = true;
              void registry.kill();
            }
          },
        }),
      ),
      /registry 127\.0\.0\.1:\d+: .*(ECONNREFUSED|ECONNRESET|fetch failed|other side closed).*gave up after 3 attempts|registry 127\.0\.0\.1:\d+: .*(ECONNREFUSED|ECONNRESET|socket|fetch failed)/,
    );
    assert.ok(killed);
    await registry.restart();
    assert.equal(await client().headManifest(repo, 'dev'), undefined);
    assert.equal(await client().headManifest(repo, `sha-${COMMIT_A}`), undefined);
    const done = await publishSnapshot(request(snapA, { repository: repo, channelTags: ['dev'] }));
    assert.ok(
      done.blobs.skipped >= 2,
      `the disk uploaded before the stop is not sent again: ${JSON.stringify(done.blobs)}`,
    );
    assert.equal((await skopeoRaw(`${repo}:dev`)).digest, done.digest);
  });

  test('seeded random 500/429/hang/reset faults: the push still completes with the same digest', async () => {
    const clean = await publishSnapshot(request(snapC, { repository: 'acme/random-ref', commit: COMMIT_C }));
    const proxy = await startFaultProxy(registry.url, [], {
      seed: 20251228,
      rate: 0.25,
      max: 6,
      faults: [{ status: 500 }, { status: 429, retryAfter: 0 }, { hang: true }, { reset: true }],
    });
    try {
      const r = await publishSnapshot(
        request(snapC, {
          client: client(proxy.host, { attempts: 6 }),
          repository: 'acme/random',
          commit: COMMIT_C,
          channelTags: ['dev'],
        }),
      );
      assert.equal(r.digest, clean.digest);
      assert.ok(proxy.faults() >= 3, `faults injected: ${proxy.faults()}`);
      assert.equal((await skopeoRaw('acme/random:dev')).digest, clean.digest);
    } finally {
      await proxy.stop();
    }
  });
});
