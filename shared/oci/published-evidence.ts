/**
 * The evidence a promotion or a rollback checks in the registry before a
 * channel moves, with the step's own trusted key or keyless identity. The
 * gate-result referrer says the gates passed where the snapshot was
 * published, but anyone who can push could have written it (or published
 * the digest under a weaker policy, a test key); what it vouches for is
 * re-checked here from signed evidence:
 *  - the Sigstore bundles referring to the index or to its image manifests
 *    are verified by attest's verifier (signature, identity, SLSA v1
 *    statement, builder);
 *  - each image manifest's disk layer is a subject of a verified statement;
 *  - its image provenance layer is bound by a verified statement, names
 *    that disk, says boot-verify passed and records a dependency risk score
 *    within its threshold.
 * A referrer that does not verify vouches for nothing and is reported; it
 * does not block on its own (other tools attach attestations of their own
 * kinds), but an image no verified statement covers does.
 */
import { IMAGE_PROVENANCE_MEDIA_TYPE, ImageProvenanceSchema } from '../attest/image-provenance.ts';
import type { ProvenanceStatement } from '../attest/statement.ts';
import { bundleVerifier, type VerifyPolicy } from '../attest/verify.ts';
import { DataError } from '../errors.ts';
import {
  ARTIFACT_SIGSTORE_BUNDLE,
  type Descriptor,
  LAYER_PROVENANCE,
  LAYER_QCOW2,
  OCI_INDEX,
} from './media-types.ts';
import type { RegistryClient } from './registry-client.ts';

/** More bundles than this on one snapshot is not a snapshot the suite published. */
const MAX_BUNDLES = 256;
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
const MAX_PROVENANCE_BYTES = 4 * 1024 * 1024;

export interface PublishedEvidence {
  /** Statements that verified. */
  verified: number;
  /** Bundles that did not, with why. */
  rejected: string[];
  images: number;
}

interface ImageLayers {
  manifest: string;
  disk: string;
  provenance: string | undefined;
}

async function imageLayers(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<{ subjects: string[]; images: ImageLayers[] }> {
  const top = await client.getManifest(repository, digest);
  if (!top) throw new DataError(`${client.registry}/${repository}@${digest} does not exist`);
  const manifests =
    top.mediaType === OCI_INDEX
      ? ((top.manifest.manifests as Descriptor[] | undefined) ?? []).map((d) => d.digest)
      : [digest];
  const images: ImageLayers[] = [];
  for (const m of manifests) {
    const body = m === digest ? top : await client.getManifest(repository, m);
    const layers = (body?.manifest.layers as Descriptor[] | undefined) ?? [];
    const disk = layers.find((l) => l.mediaType === LAYER_QCOW2);
    if (!disk) throw new DataError(`${repository}@${m} holds no qcow2 disk layer: not a published VM image`);
    images.push({
      manifest: m,
      disk: disk.digest.replace(/^sha256:/, ''),
      provenance: layers.find((l) => l.mediaType === LAYER_PROVENANCE)?.digest,
    });
  }
  return { subjects: [...new Set([digest, ...manifests])], images };
}

/** What is wrong with one image's published provenance, or null when it vouches for its disk. */
async function provenanceProblem(
  client: RegistryClient,
  repository: string,
  image: ImageLayers,
  bound: Set<string>,
): Promise<string | null> {
  if (!image.provenance) return `${image.manifest} carries no image provenance layer`;
  if (!bound.has(image.provenance.replace(/^sha256:/, '')))
    return `the image provenance ${image.provenance} of ${image.manifest} is bound by no verified statement`;
  const bytes = await client.getBlob(repository, image.provenance, MAX_PROVENANCE_BYTES);
  let parsed;
  try {
    parsed = ImageProvenanceSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return `the image provenance ${image.provenance} is not a valid image provenance`;
  const doc = parsed.data;
  if (doc.image.sha256 !== image.disk)
    return `the image provenance of ${image.manifest} describes sha256 ${doc.image.sha256}, not its disk ${image.disk}`;
  if (doc.boot.status !== 'success')
    return `${doc.image.path} (${image.manifest}): boot-verify ${doc.boot.status}`;
  if (doc.analysis.risk_score > doc.analysis.risk_threshold)
    return `${doc.image.path} (${image.manifest}): dependency risk score ${doc.analysis.risk_score} above its threshold ${doc.analysis.risk_threshold}`;
  return null;
}

/**
 * Checks the signed evidence of a published snapshot (an index, or one image manifest) under `policy`;
 * throws a DataError naming every image it does not cover.
 */
export async function verifyPublishedSnapshot(
  client: RegistryClient,
  repository: string,
  digest: string,
  policy: VerifyPolicy,
): Promise<PublishedEvidence> {
  const { subjects, images } = await imageLayers(client, repository, digest);
  const verify = bundleVerifier(policy);
  const statements: ProvenanceStatement[] = [];
  const rejected: string[] = [];
  let bundles = 0;
  for (const subject of subjects) {
    const { descriptors } = await client.referrers(repository, subject, ARTIFACT_SIGSTORE_BUNDLE);
    for (const d of descriptors) {
      if (++bundles > MAX_BUNDLES)
        throw new DataError(`${repository}@${digest} has more than ${MAX_BUNDLES} attestation referrers`);
      const manifest = await client.getManifest(repository, d.digest);
      const layer = (manifest?.manifest.layers as Descriptor[] | undefined)?.[0];
      if (!layer) {
        rejected.push(`${d.digest}: no bundle layer`);
        continue;
      }
      const bytes = await client.getBlob(repository, layer.digest, MAX_BUNDLE_BYTES);
      try {
        statements.push(await verify(bytes, `${repository}@${d.digest}`));
      } catch (e) {
        rejected.push((e as Error).message);
      }
    }
  }
  const signedDisks = new Set(statements.flatMap((s) => s.subject.map((x) => x.digest.sha256)));
  const boundProvenance = new Set(
    statements.flatMap((s) =>
      (s.predicate.runDetails.byproducts ?? [])
        .filter((b) => b.mediaType === IMAGE_PROVENANCE_MEDIA_TYPE && b.digest?.sha256)
        .map((b) => b.digest!.sha256!),
    ),
  );
  const problems: string[] = [];
  for (const image of images) {
    if (!signedDisks.has(image.disk))
      problems.push(
        `the disk sha256 ${image.disk} of ${image.manifest} is the subject of no verified statement`,
      );
    else {
      const problem = await provenanceProblem(client, repository, image, boundProvenance);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length)
    throw new DataError(
      `${repository}@${digest} is not covered by attestations that verify with the trusted ` +
        `${policy.keyless ? 'identity' : 'key'}: ${problems.join('; ')}` +
        (rejected.length
          ? ` (${rejected.length} attestation(s) did not verify, first: ${rejected[0]})`
          : '') +
        (bundles === 0 ? ' (it has no attestation referrers)' : ''),
    );
  return { verified: statements.length, rejected, images: images.length };
}
