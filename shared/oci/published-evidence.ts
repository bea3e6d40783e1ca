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
 *  - each image manifest holds exactly one disk and one image provenance
 *    layer; the disk is a subject of a verified statement, the provenance is
 *    bound by one, and every other layer (SBOM, boot reports) is named by
 *    one, so nothing unsigned rides along under a familiar title;
 *  - the provenance describes that disk, the index entry's platform and
 *    image name, a variant's base in the same index, says boot-verify passed
 *    and records a dependency risk score within its threshold;
 *  - an index of no image is refused.
 * A referrer that does not verify vouches for nothing and is reported; it
 * does not block on its own (other tools attach attestations of their own
 * kinds), but an image no verified statement covers does.
 */
import { IMAGE_PROVENANCE_MEDIA_TYPE, ImageProvenanceSchema } from '../attest/image-provenance.ts';
import type { ProvenanceStatement } from '../attest/statement.ts';
import { bundleVerifier, type VerifyPolicy } from '../attest/verify.ts';
import { DataError } from '../errors.ts';
import { IMAGE_NAME_ANNOTATION, ociArchitecture } from './artifact.ts';
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

interface PublishedImage {
  manifest: string;
  /** The index entry's platform architecture and image name (null for a single manifest). */
  platform: string | null;
  name: string | null;
  /** Every layer's digest (sha256:…). */
  layers: string[];
  /** The disk's sha256 hex, when the manifest has exactly one qcow2 layer. */
  disk: string | null;
  provenance: string | null;
  /** What makes it no published VM image: not one disk and one image provenance. */
  malformed: string | null;
}

async function publishedImages(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<{ subjects: string[]; images: PublishedImage[] }> {
  const top = await client.getManifest(repository, digest);
  if (!top) throw new DataError(`${client.registry}/${repository}@${digest} does not exist`);
  const entries: (Descriptor | null)[] =
    top.mediaType === OCI_INDEX ? ((top.manifest.manifests as Descriptor[] | undefined) ?? []) : [null];
  const images: PublishedImage[] = [];
  for (const entry of entries) {
    const m = entry?.digest ?? digest;
    const body = entry ? await client.getManifest(repository, m) : top;
    if (!body)
      throw new DataError(
        `${client.registry}/${repository}@${digest} is incomplete (manifest ${m} is missing); publish it again before a channel points at it`,
      );
    const layers = (body.manifest.layers as Descriptor[] | undefined) ?? [];
    const disks = layers.filter((l) => l.mediaType === LAYER_QCOW2);
    const provenances = layers.filter((l) => l.mediaType === LAYER_PROVENANCE);
    images.push({
      manifest: m,
      platform: entry?.platform?.architecture ?? null,
      name: entry?.annotations?.[IMAGE_NAME_ANNOTATION] ?? null,
      layers: layers.map((l) => l.digest),
      disk: disks.length === 1 ? disks[0]!.digest.replace(/^sha256:/, '') : null,
      provenance: provenances.length === 1 ? provenances[0]!.digest : null,
      malformed:
        disks.length !== 1 || provenances.length !== 1
          ? `${m} holds ${disks.length} qcow2 disk layer(s) and ${provenances.length} image provenance layer(s), not one of each: not a VM image tag-snapshot published`
          : null,
    });
  }
  if (images.length === 0)
    throw new DataError(
      `${client.registry}/${repository}@${digest} is an index of no image: nothing to promote`,
    );
  return { subjects: [...new Set([digest, ...images.map((i) => i.manifest)])], images };
}

/** What the verified statements vouch for. */
interface Signed {
  /** Subjects' sha256 hex. */
  subjects: Set<string>;
  /** Byproducts' sha256 hex that are image provenance. */
  provenance: Set<string>;
  /** Every subject and byproduct sha256 hex. */
  all: Set<string>;
}

/**
 * What is wrong with one published image, or null when signed evidence vouches for all of it: its disk, its
 * image provenance (which must describe that disk, its platform and name, and a variant's base in the same
 * index, boot-verify passed and a risk within threshold), and every other layer (SBOM, boot reports).
 */
async function imageProblem(
  client: RegistryClient,
  repository: string,
  image: PublishedImage,
  all: PublishedImage[],
  signed: Signed,
): Promise<string | null> {
  if (image.malformed || !image.disk || !image.provenance) return image.malformed;
  if (!signed.subjects.has(image.disk))
    return `the disk sha256 ${image.disk} of ${image.manifest} is the subject of no verified statement`;
  if (!signed.provenance.has(image.provenance.replace(/^sha256:/, '')))
    return `the image provenance ${image.provenance} of ${image.manifest} is bound by no verified statement`;
  const unsigned = image.layers.filter((l) => !signed.all.has(l.replace(/^sha256:/, '')));
  if (unsigned.length)
    return `${image.manifest} carries ${unsigned.length} layer(s) no verified statement names (first ${unsigned[0]})`;
  const bytes = await client.getBlob(repository, image.provenance, MAX_PROVENANCE_BYTES);
  let parsed;
  try {
    parsed = ImageProvenanceSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return `the image provenance ${image.provenance} is not a valid image provenance`;
  const doc = parsed.data;
  const where = `${doc.image.path} (${image.manifest})`;
  if (doc.image.sha256 !== image.disk)
    return `the image provenance of ${image.manifest} describes sha256 ${doc.image.sha256}, not its disk ${image.disk}`;
  const platform = ociArchitecture(doc.image.architecture).architecture;
  if (image.platform !== null && image.platform !== platform)
    return `${where} is listed for ${image.platform}, but its provenance says ${doc.image.architecture}`;
  if (image.name !== null && image.name !== (doc.image.variant ?? 'base'))
    return `${where} is listed as '${image.name}', but its provenance says ${doc.image.variant === null ? 'the base' : `variant '${doc.image.variant}'`}`;
  const base = all.find((i) => i.name === 'base' && i.platform === image.platform && i !== image);
  if (doc.image.base_sha256 && base?.disk && base.disk !== doc.image.base_sha256)
    return `${where} is an overlay of base sha256 ${doc.image.base_sha256}, but the index's base is ${base.disk}`;
  if (doc.boot.status !== 'success') return `${where}: boot-verify ${doc.boot.status}`;
  if (doc.analysis.risk_score > doc.analysis.risk_threshold)
    return `${where}: dependency risk score ${doc.analysis.risk_score} above its threshold ${doc.analysis.risk_threshold}`;
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
  const { subjects, images } = await publishedImages(client, repository, digest);
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
  const byproducts = statements.flatMap((s) => s.predicate.runDetails.byproducts ?? []);
  const signedSubjects = new Set(statements.flatMap((s) => s.subject.map((x) => x.digest.sha256)));
  const signed: Signed = {
    subjects: signedSubjects,
    provenance: new Set(
      byproducts
        .filter((b) => b.mediaType === IMAGE_PROVENANCE_MEDIA_TYPE && b.digest?.sha256)
        .map((b) => b.digest!.sha256!),
    ),
    all: new Set([
      ...signedSubjects,
      ...byproducts.flatMap((b) => (b.digest?.sha256 ? [b.digest.sha256] : [])),
    ]),
  };
  const problems: string[] = [];
  for (const image of images) {
    const problem = await imageProblem(client, repository, image, images, signed);
    if (problem) problems.push(problem);
  }
  if (problems.length) {
    const trusted = policy.keyless ? 'identity' : (policy.trustedKeys?.length ?? 0) > 1 ? 'keys' : 'key';
    throw new DataError(
      `${repository}@${digest} is not covered by attestations that verify with the trusted ${trusted}: ` +
        problems.join('; ') +
        (rejected.length
          ? ` (${rejected.length} attestation(s) did not verify, first: ${rejected[0]})`
          : '') +
        (bundles === 0 ? ' (it has no attestation referrers)' : ''),
    );
  }
  return { verified: statements.length, rejected, images: images.length };
}
