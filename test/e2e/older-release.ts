/**
 * What a registry holds before today's snapshot lands, so the chain's dry-run
 * prune has something to decide: an older snapshot (`sha-<old commit>`: an
 * index, its image, an attestation referrer listed in its `sha256-<hex>`
 * fallback tag index) made in 2020, which the chain's retention rule lets go.
 * (An untagged leftover is not seeded: the distribution API lists tags only,
 * so on a plain registry nothing can find it; GHCR's Packages API can, and
 * test/integration/prune-ghcr.test.ts covers that.) Then what the snapshot
 * pushed, read back independently: every manifest a kept snapshot needs.
 */
import { createHash } from 'node:crypto';
import {
  ARTIFACT_SIGSTORE_BUNDLE,
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  LAYER_IN_TOTO,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  type Descriptor,
} from '../../shared/oci/media-types.ts';
import { RegistryClient } from '../../shared/oci/registry-client.ts';

const CREATED = '2020-01-01T00:00:00Z';
export const OLD_COMMIT = '1'.repeat(40);

export interface OlderContent {
  /** Every digest of the older snapshot: what the dry-run plan should delete. */
  digests: Set<string>;
}

export async function seedOlderContent(registry: string, repository: string): Promise<OlderContent> {
  const c = new RegistryClient({ registry });
  const digests = new Set<string>();
  const put = async (doc: object, mediaType: string, tag?: string): Promise<Descriptor> => {
    const bytes = Buffer.from(JSON.stringify(doc));
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    await c.putManifest(repository, tag ?? digest, bytes, mediaType);
    return { mediaType, digest, size: bytes.length };
  };
  await c.uploadBlob(repository, { bytes: EMPTY_CONFIG_BYTES });
  const layer = async (text: string, mediaType: string): Promise<Descriptor> => {
    const r = await c.uploadBlob(repository, { bytes: Buffer.from(text) });
    return { mediaType, digest: r.digest, size: r.size };
  };
  const image = async (what: string): Promise<Descriptor> =>
    put(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.infrasim.vm-image.v1',
        config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [await layer(`disk of ${what}`, 'application/vnd.infrasim.disk.qcow2')],
        annotations: { 'org.opencontainers.image.created': CREATED },
      },
      OCI_MANIFEST,
    );

  const child = await image('the 2020 snapshot');
  const index = await put(
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ ...child, platform: { architecture: 'amd64', os: 'linux' } }],
      annotations: { 'org.opencontainers.image.created': CREATED },
    },
    OCI_INDEX,
    `sha-${OLD_COMMIT}`,
  );
  const attestation = await put(
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: ARTIFACT_SIGSTORE_BUNDLE,
      config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [await layer('{"statement":"2020"}', LAYER_IN_TOTO)],
      subject: { mediaType: index.mediaType, digest: index.digest, size: index.size },
    },
    OCI_MANIFEST,
  );
  await c.addToReferrersTag(repository, index.digest, {
    ...attestation,
    artifactType: ARTIFACT_SIGSTORE_BUNDLE,
  });
  const fallback = (await c.headManifest(repository, index.digest.replace(':', '-')))!.digest;
  for (const d of [index.digest, child.digest, attestation.digest, fallback]) digests.add(d);
  return { digests };
}

export interface PushedSnapshot {
  tags: string[];
  /** The digest `sha-<commit>` names. */
  index: string;
  /** The index, its images, every referrer of either (attestations, gate results) and their fallback tag indexes. */
  closure: Set<string>;
}

/** What tag-snapshot pushed, read back with the registry API (not through the chain's outputs). */
export async function readPushedSnapshot(
  registry: string,
  repository: string,
  commit: string,
): Promise<PushedSnapshot> {
  const c = new RegistryClient({ registry });
  const tags = await c.listTags(repository);
  const top = await c.getManifest(repository, `sha-${commit}`);
  if (!top) throw new Error(`sha-${commit} is not in ${registry}/${repository}`);
  const closure = new Set<string>();
  const visit = async (digest: string): Promise<void> => {
    if (closure.has(digest)) return;
    closure.add(digest);
    const m = await c.getManifest(repository, digest);
    for (const d of (m?.manifest.manifests as Descriptor[] | undefined) ?? []) await visit(d.digest);
    const referrers = await c.referrers(repository, digest);
    for (const d of referrers.descriptors) await visit(d.digest);
    const fallback = await c.headManifest(repository, digest.replace(':', '-'));
    if (fallback) closure.add(fallback.digest);
  };
  await visit(top.digest);
  return { tags, index: top.digest, closure };
}
