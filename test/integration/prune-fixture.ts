/**
 * Fills a real registry with what a release pipeline leaves behind: two-
 * architecture indexes with their children, attestation referrers (by
 * `subject` and listed in the `sha256-<hex>` fallback tag index), a cosign-
 * style `sha256-<hex>.sig` tag, channel tags, old dev/sha/nightly tags and
 * orphaned leftovers (an attestation and fallback tag whose subject is gone).
 * Returns what the policy below must keep and must delete.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  type Descriptor,
} from '../../shared/oci/media-types.ts';
import { RegistryClient } from '../../shared/oci/registry-client.ts';
import { writeChannels, type ChannelsDocument } from '../../shared/oci/channels.ts';

export const REPO = 'team/vm-image';

/** The policy the fixture is built for (seed 003: dev keeps a few, prod and semver stay, untagged goes). */
export const POLICY_INPUTS = {
  rules: [
    "- tags: 'dev-*'",
    '  keep: 2',
    "- tags: 'sha-*'",
    '  keep: 2',
    "- tags: 'nightly-*'",
    '  younger-than: 7d',
  ].join('\n'),
  'keep-tags': 'prod\n@semver',
  'untagged-grace': '0',
};

const day = 86_400_000;
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();

export interface Filled {
  /** Tags that must still be there, each pulled completely afterwards. */
  keptTags: string[];
  /** Every digest that must remain. */
  keptDigests: Set<string>;
  /** Every digest the policy deletes. */
  deletedDigests: Set<string>;
  channelsFile: string;
  /** An untagged child of a kept index (read by digest only). */
  keptChild: string;
}

export async function fillRegistry(registry: string, dir: string): Promise<Filled> {
  const c = new RegistryClient({ registry });
  const kept = new Set<string>();
  const deleted = new Set<string>();
  const keptTags: string[] = [];
  await c.uploadBlob(REPO, { bytes: EMPTY_CONFIG_BYTES });

  const blob = async (bytes: Buffer, mediaType: string): Promise<Descriptor> => {
    const r = await c.uploadBlob(REPO, { bytes });
    return { mediaType, digest: r.digest, size: r.size };
  };
  const put = async (doc: object, mediaType: string, tag?: string): Promise<Descriptor> => {
    const bytes = Buffer.from(JSON.stringify(doc));
    const r = await c.putManifest(
      REPO,
      tag ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      bytes,
      mediaType,
    );
    return { mediaType, digest: r.digest, size: bytes.length };
  };
  const platformImage = async (name: string, arch: string, daysAgo: number): Promise<Descriptor> => {
    const config = await blob(
      Buffer.from(
        JSON.stringify({
          created: iso(daysAgo),
          architecture: arch,
          os: 'linux',
          rootfs: { type: 'layers', diff_ids: [] },
        }),
      ),
      'application/vnd.oci.image.config.v1+json',
    );
    const layer = await blob(
      Buffer.from(`disk of ${name} for ${arch}`),
      'application/vnd.oci.image.layer.v1.tar',
    );
    const d = await put({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] }, OCI_MANIFEST);
    return { ...d, platform: { architecture: arch, os: 'linux' } };
  };
  const attest = async (subject: Descriptor, what: string): Promise<Descriptor> => {
    const layer = await blob(
      Buffer.from(JSON.stringify({ statement: what })),
      'application/vnd.in-toto+json',
    );
    const d = await put(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      },
      OCI_MANIFEST,
    );
    const ref = { ...d, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json' };
    await c.addToReferrersTag(REPO, subject.digest, ref);
    return ref;
  };
  const fallbackDigest = async (subject: string) =>
    (await c.getManifest(REPO, subject.replace(':', '-')))!.digest;

  /** A two-architecture release: index + amd64 + arm64 + attestation + fallback tag index. */
  const release = async (name: string, tags: string[], daysAgo: number, sharedArm?: Descriptor) => {
    const amd64 = await platformImage(name, 'amd64', daysAgo);
    const arm64 = sharedArm ?? (await platformImage(name, 'arm64', daysAgo));
    // Without the created annotation: its time comes from the first child's config.
    const index = await put(
      { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [amd64, arm64] },
      OCI_INDEX,
      tags[0],
    );
    for (const t of tags.slice(1))
      await put({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [amd64, arm64] }, OCI_INDEX, t);
    const att = await attest(index, name);
    const fallback = await fallbackDigest(index.digest);
    return {
      index,
      amd64,
      arm64,
      att,
      fallback,
      all: [index.digest, amd64.digest, arm64.digest, att.digest, fallback],
    };
  };

  const v123 = await release('v1.2.3', ['v1.2.3'], 200);
  const prod = await release('prod', ['prod'], 100);
  // A cosign-style signature under the older `sha256-<hex>.sig` tag scheme.
  const sigLayer = await blob(Buffer.from('signature'), 'application/vnd.dev.cosign.simplesigning.v1+json');
  const sig = await put(
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [sigLayer],
    },
    OCI_MANIFEST,
    `${prod.index.digest.replace(':', '-')}.sig`,
  );
  const dev: Awaited<ReturnType<typeof release>>[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    // dev-3 shares its arm64 image with dev-4 (an unchanged architecture between builds).
    const shared = n === 4 ? dev[2]!.arm64 : undefined;
    dev.push(await release(`dev-${n}`, [`dev-${n}`, `sha-${n}`], 60 - n * 10, shared));
  }
  const nightly = async (tag: string, daysAgo: number) => {
    const config = await blob(
      Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux' })),
      'application/vnd.oci.image.config.v1+json',
    );
    const layer = await blob(Buffer.from(`nightly ${tag}`), 'application/vnd.oci.image.layer.v1.tar');
    return put(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config,
        layers: [layer],
        annotations: { 'org.opencontainers.image.created': iso(daysAgo) },
      },
      OCI_MANIFEST,
      tag,
    );
  };
  const nightlyOld = await nightly('nightly-20260101', 30);
  const nightlyNew = await nightly('nightly-20260601', 1);
  const feature = await nightly('feature-x', 90);

  // Leftovers: an attestation and its fallback tag whose subject was deleted by an earlier tool.
  const ghost = await platformImage('ghost', 'amd64', 300);
  const ghostAtt = await attest(ghost, 'ghost');
  const ghostFallback = await fallbackDigest(ghost.digest);
  await c.deleteManifest(REPO, ghost.digest);

  // channels.json (shared/oci/channels.ts): dev points at dev-5 and came from dev-1, which a rule alone would
  // delete; published beside the images (tag `channels`) as tag-snapshot does, and written as a file.
  const doc: ChannelsDocument = {
    schemaVersion: 1,
    repository: REPO,
    channels: {
      dev: {
        digest: dev[4]!.index.digest,
        updated: iso(1),
        history: [
          { digest: dev[0]!.index.digest, from: null, time: iso(45), action: 'publish', reason: 'first' },
          {
            digest: dev[4]!.index.digest,
            from: dev[0]!.index.digest,
            time: iso(1),
            action: 'promote',
            reason: 'gates passed',
          },
        ],
      },
      prod: {
        digest: prod.index.digest,
        updated: iso(100),
        history: [
          { digest: prod.index.digest, from: null, time: iso(100), action: 'promote', reason: 'release' },
        ],
      },
    },
  };
  const channelsFile = join(dir, 'channels.json');
  await writeFile(channelsFile, JSON.stringify(doc));
  kept.add(await writeChannels(c, REPO, doc, iso(1)));
  keptTags.push('channels');

  for (const r of [v123, prod, dev[0]!, dev[3]!, dev[4]!]) for (const d of r.all) kept.add(d);
  kept.add(sig.digest);
  for (const d of [nightlyNew.digest, feature.digest]) kept.add(d);
  for (const r of [dev[1]!, dev[2]!]) for (const d of r.all) if (!kept.has(d)) deleted.add(d);
  for (const d of [nightlyOld.digest, ghostAtt.digest, ghostFallback]) deleted.add(d);
  keptTags.push(
    'v1.2.3',
    'prod',
    `${prod.index.digest.replace(':', '-')}.sig`,
    'dev-1',
    'sha-1',
    'dev-4',
    'sha-4',
    'dev-5',
    'sha-5',
    'nightly-20260601',
    'feature-x',
    ...[v123, prod, dev[0]!, dev[3]!, dev[4]!].map((r) => r.index.digest.replace(':', '-')),
  );
  return {
    keptTags: keptTags.sort(),
    keptDigests: kept,
    deletedDigests: deleted,
    channelsFile,
    keptChild: dev[4]!.amd64.digest,
  };
}
