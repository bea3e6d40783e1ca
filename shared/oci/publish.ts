/**
 * Publishing a snapshot to an OCI registry, in an order that never shows a
 * reader a half-pushed image:
 *   1. every document is built first (pure, artifact.ts) so all digests are
 *      known and the immutable tag can be checked before anything moves;
 *   2. blobs (HEAD first: a rerun uploads nothing twice), streamed from disk;
 *   3. the image manifests, then the index, by digest (untagged);
 *   4. attestation bundles as referrers (`subject`), with the `sha256-<hex>`
 *      fallback tag where the registry did not process the subject;
 *   5. the immutable `sha-<commit>` tag;
 *   6. only when every required gate passed (checked from the files by the
 *      caller's `gates`, see shared/snapshot/gates.ts checkReleaseGates): a
 *      gate-result referrer on the index, then the channel tags (dev, prod,
 *      metadata-action's semver tags), then channels.json.
 * A failure anywhere before 6 leaves no channel tag moved; a rerun finishes
 * the push.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { mapBounded } from '../concurrency.ts';
import { DataError, InputError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import type { GateResult } from '../snapshot/gates.ts';
import {
  artifactManifest,
  type Blob,
  CREATED,
  type Document,
  IMAGE_NAME_ANNOTATION,
  imageIndex,
  ociArchitecture,
  referrerDescriptor,
  REVISION,
  TITLE,
} from './artifact.ts';
import { type ChannelsDocument, checkChannelTag, GATES_ARTIFACT, moveChannels } from './channels.ts';
import {
  ARTIFACT_SIGSTORE_BUNDLE,
  ARTIFACT_VM_IMAGE,
  type Descriptor,
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  LAYER_QCOW2,
  OCI_EMPTY,
} from './media-types.ts';
import type { ImageAnnotations } from './metadata.ts';
import { checkRepository, checkTag } from './reference.ts';
import type { RegistryClient } from './registry-client.ts';

export interface ArtifactFile {
  path: string;
  mediaType: string;
  /** The layer's `org.opencontainers.image.title` (default: the file name). */
  title?: string;
  /** Known sha256 hex (e.g. from provenance); hashed here otherwise. Checked again while uploading. */
  sha256?: string;
}

export interface ImageArtifact {
  /** `base` or the variant's name. */
  name: string;
  /** x86_64, aarch64 (or amd64, arm64). */
  architecture: string;
  disk: ArtifactFile;
  /** Provenance, SBOMs, boot reports …: each a layer with its own media type. */
  files: ArtifactFile[];
}

export interface PublishRequest {
  client: RegistryClient;
  repository: string;
  /** The commit the images were built from (hex): the immutable tag is `sha-<commit>`. */
  commit: string;
  /** ISO 8601 time from SOURCE_DATE_EPOCH / the commit, never the wall clock (reruns give the same digests). */
  created: string;
  images: ImageArtifact[];
  /** Sigstore bundles (meta/attestations/*.sigstore.json) to attach as referrers. */
  attestations?: string[];
  /** From docker/metadata-action (metadata.ts); `org.opencontainers.image.*` only. */
  annotations?: ImageAnnotations;
  /** Moving tags: dev, prod, 1.2.3, 1.2, 1, latest … pushed only after `gates` passed. */
  channelTags?: string[];
  /**
   * The release gates, evaluated from the files (checkReleaseGates of
   * shared/snapshot/gates.ts). Required when channelTags is not empty;
   * called before anything is pushed, so a failed gate publishes nothing.
   */
  gates?: () => Promise<GateResult>;
  /** Why the channels move (recorded in channels.json history), e.g. the run URL. */
  reason?: string;
  /** The time recorded in channels.json history (default: now). */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface PublishResult {
  repository: string;
  /** The index every tag points at. */
  digest: string;
  immutableTag: string;
  channelTags: string[];
  manifests: { name: string; architecture: string; digest: string }[];
  referrers: { digest: string; subject: string; title: string }[];
  blobs: { uploaded: number; skipped: number; bytes: number };
  /** Whether the registry has a referrers API or the fallback tag was written. */
  referrersVia: 'api' | 'tag';
  channels?: ChannelsDocument;
}

/** Thrown when a gate failed: nothing was published. */
export class GateError extends Error {
  readonly result: GateResult;
  constructor(result: GateResult) {
    super(
      `channel tags not published: ${result.failures.length} release gate(s) failed:\n` +
        result.failures.map((f) => `  - ${f.gate}: ${f.detail}`).join('\n'),
    );
    this.name = 'GateError';
    this.result = result;
  }
}

const COMMIT = /^[0-9a-f]{7,64}$/;

/** Registry requests in flight at once while publishing (blobs, image manifests, referrers of distinct subjects). */
const REQUESTS_AT_ONCE = 4;

export function immutableTagFor(commit: string): string {
  if (!COMMIT.test(commit))
    throw new InputError('commit', `'${commit}' is not a hex commit id`, '7 to 64 lower-case hex digits');
  return checkTag(`sha-${commit}`, 'commit');
}

async function blobOf(file: ArtifactFile): Promise<Blob> {
  const size = (await stat(file.path)).size;
  const hex = file.sha256 ?? (await sha256File(file.path));
  return {
    mediaType: file.mediaType,
    digest: `sha256:${hex}`,
    size,
    path: file.path,
    title: file.title ?? basename(file.path),
  };
}

/** The subjects' sha256 and the predicate type of a Sigstore bundle's DSSE statement. */
async function bundleSubjects(path: string): Promise<{ sha256: string[]; predicateType?: string }> {
  let statement: { subject?: { digest?: { sha256?: string } }[]; predicateType?: string };
  try {
    const bundle = JSON.parse(await readFile(path, 'utf8')) as { dsseEnvelope?: { payload?: string } };
    statement = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
  } catch (e) {
    throw new DataError(`${path} is not a Sigstore bundle with a DSSE statement: ${(e as Error).message}`);
  }
  return {
    sha256: (statement.subject ?? []).map((s) => s.digest?.sha256 ?? '').filter(Boolean),
    ...(statement.predicateType ? { predicateType: statement.predicateType } : {}),
  };
}

interface Planned {
  blobs: Blob[];
  manifests: { image: ImageArtifact; doc: Document; diskDigest: string }[];
  index: Document;
  referrers: { doc: Document; subject: Descriptor; title: string; descriptor: Descriptor }[];
}

/** The plan of each request, made once: checkPublishable and publishSnapshot of one request share it. */
const plans = new WeakMap<PublishRequest, Promise<Planned>>();

function planOf(request: PublishRequest): Promise<Planned> {
  let planned = plans.get(request);
  if (!planned) plans.set(request, (planned = plan(request)));
  return planned;
}

/** Builds every document before anything is pushed. */
async function plan(request: PublishRequest): Promise<Planned> {
  const annotations = request.annotations ?? { manifest: {}, index: {} };
  const common = { [CREATED]: request.created, [REVISION]: request.commit };
  const blobs = new Map<string, Blob>();
  blobs.set(EMPTY_CONFIG_DIGEST, {
    mediaType: OCI_EMPTY,
    digest: EMPTY_CONFIG_DIGEST,
    size: 2,
    bytes: EMPTY_CONFIG_BYTES,
  });
  const manifests: Planned['manifests'] = [];
  const seen = new Set<string>();
  for (const image of request.images) {
    const platform = ociArchitecture(image.architecture);
    const key = `${image.name}/${platform.architecture}`;
    if (seen.has(key))
      throw new InputError('images', `${image.name} for ${platform.architecture} is listed twice`);
    seen.add(key);
    const disk = await blobOf({ ...image.disk, mediaType: image.disk.mediaType || LAYER_QCOW2 });
    const layers = [disk, ...(await Promise.all(image.files.map(blobOf)))];
    for (const b of layers) blobs.set(b.digest, b);
    const doc = artifactManifest(ARTIFACT_VM_IMAGE, layers, {
      ...annotations.manifest,
      ...common,
      [IMAGE_NAME_ANNOTATION]: image.name,
      [TITLE]: image.name,
    });
    manifests.push({ image, doc, diskDigest: disk.digest });
  }
  if (manifests.length === 0) throw new InputError('images', 'no image to publish');
  const index = imageIndex(
    ARTIFACT_VM_IMAGE,
    manifests.map((m) => ({
      manifest: m.doc,
      platform: ociArchitecture(m.image.architecture),
      annotations: { [IMAGE_NAME_ANNOTATION]: m.image.name },
    })),
    { ...annotations.index, ...common },
  );

  const referrers: Planned['referrers'] = [];
  for (const path of request.attestations ?? []) {
    const { sha256, predicateType } = await bundleSubjects(path);
    const blob = await blobOf({ path, mediaType: ARTIFACT_SIGSTORE_BUNDLE });
    blobs.set(blob.digest, blob);
    // An attestation about a disk refers to that image's manifest; any other to the index.
    const target = manifests.find((m) => sha256.includes(m.diskDigest.slice(7)));
    const subject = target ? target.doc.descriptor : index.descriptor;
    const refAnnotations: Record<string, string> = {
      [CREATED]: request.created,
      'dev.sigstore.bundle.content': 'dsse-envelope',
      ...(predicateType ? { 'dev.sigstore.bundle.predicateType': predicateType } : {}),
    };
    const doc = artifactManifest(ARTIFACT_SIGSTORE_BUNDLE, [blob], refAnnotations, subject);
    referrers.push({
      doc,
      subject,
      title: basename(path),
      descriptor: referrerDescriptor(doc, refAnnotations),
    });
  }
  return { blobs: [...blobs.values()], manifests, index, referrers };
}

/** Pushes a referrer and makes it findable: the referrers API, or the fallback tag index. */
export async function pushReferrer(
  client: RegistryClient,
  repository: string,
  referrer: { doc: Document; subject: Descriptor; descriptor: Descriptor },
): Promise<'api' | 'tag'> {
  const put = await client.putManifest(
    repository,
    referrer.doc.descriptor.digest,
    referrer.doc.bytes,
    referrer.doc.descriptor.mediaType,
  );
  if (put.subjectProcessed) return 'api';
  await client.addToReferrersTag(repository, referrer.subject.digest, referrer.descriptor);
  return 'tag';
}

/** The immutable tag may only ever name this index. */
async function checkImmutableTag(
  client: RegistryClient,
  repository: string,
  immutableTag: string,
  digest: string,
): Promise<void> {
  const existing = await client.headManifest(repository, immutableTag);
  if (existing && existing.digest !== digest)
    throw new DataError(
      `${client.registry}/${repository}:${immutableTag} already points at ${existing.digest}, not at ${digest} ` +
        `built now from the same commit: the published snapshot differs (rebuilt images?); refusing to move an immutable tag`,
    );
}

/**
 * What publishSnapshot would push, checked without pushing anything: the documents are built and the
 * immutable tag is asked for, so a caller with other writes to make first (tag-snapshot's git tag and
 * release) learns of a conflict before any of them. Returns the index digest. Publishing the same request
 * object afterwards reuses the plan (blobs are hashed again as they are uploaded, so a file changed
 * in between is still refused).
 */
export async function checkPublishable(request: PublishRequest): Promise<string> {
  const repository = checkRepository(request.repository);
  const immutableTag = immutableTagFor(request.commit);
  const digest = (await planOf(request)).index.descriptor.digest;
  await checkImmutableTag(request.client, repository, immutableTag, digest);
  return digest;
}

export async function publishSnapshot(request: PublishRequest): Promise<PublishResult> {
  const { client } = request;
  const log = request.log ?? (() => undefined);
  const repository = checkRepository(request.repository);
  const immutableTag = immutableTagFor(request.commit);
  const channelTags = [...new Set(request.channelTags ?? [])].map((t) => checkChannelTag(t, 'channel-tags'));
  if (Number.isNaN(Date.parse(request.created)))
    throw new InputError('created', `'${request.created}' is not an ISO 8601 time`);

  // Gates first: a failed gate publishes nothing at all.
  let gates: GateResult | undefined;
  if (channelTags.length) {
    if (!request.gates)
      throw new InputError(
        'channel-tags',
        'channel tags need the release gates, and none were given to check',
      );
    gates = await request.gates();
    if (!gates.passed) throw new GateError(gates);
  }

  const planned = await planOf(request);
  const digest = planned.index.descriptor.digest;
  await checkImmutableTag(client, repository, immutableTag, digest);

  // The first blob goes alone: it settles the push token every later request reuses. The rest go several at
  // once (each upload is a few round trips the registry answers side by side), reported in plan order.
  const upload = (blob: Blob) =>
    client.uploadBlob(
      repository,
      blob.bytes
        ? { bytes: blob.bytes, digest: blob.digest }
        : { path: blob.path!, digest: blob.digest, size: blob.size },
    );
  const [first, ...rest] = planned.blobs;
  const results = [await upload(first!), ...(await mapBounded(rest, REQUESTS_AT_ONCE, upload))];
  let uploaded = 0;
  let skipped = 0;
  let bytes = 0;
  results.forEach((r, i) => {
    if (r.uploaded) {
      uploaded++;
      bytes += r.size;
      log(`uploaded ${planned.blobs[i]!.title ?? planned.blobs[i]!.digest} (${r.size} bytes)`);
    } else skipped++;
  });
  // The index names the image manifests (a registry may check that they exist): they go first.
  await mapBounded(planned.manifests, REQUESTS_AT_ONCE, (m) =>
    client.putManifest(repository, m.doc.descriptor.digest, m.doc.bytes, m.doc.descriptor.mediaType),
  );
  await client.putManifest(repository, digest, planned.index.bytes, planned.index.descriptor.mediaType);
  log(`pushed index ${digest} with ${planned.manifests.length} image manifest(s)`);

  // Referrers of one subject go one after another (without the referrers API, each rewrites the
  // subject's fallback tag index); those of different subjects at once.
  const bySubject = new Map<string, Planned['referrers']>();
  for (const r of planned.referrers)
    bySubject.set(r.subject.digest, [...(bySubject.get(r.subject.digest) ?? []), r]);
  const via = await mapBounded([...bySubject.values()], REQUESTS_AT_ONCE, async (group) => {
    let last: 'api' | 'tag' = 'tag';
    for (const referrer of group) last = await pushReferrer(client, repository, referrer);
    return last;
  });
  const referrersVia: 'api' | 'tag' = via.at(-1) ?? 'tag';

  await client.putManifest(repository, immutableTag, planned.index.bytes, planned.index.descriptor.mediaType);
  log(`tagged ${repository}:${immutableTag}`);

  let channels: ChannelsDocument | undefined;
  if (channelTags.length && gates) {
    // The gate result travels with the index: promote/rollback later require it.
    const gateDoc = Buffer.from(
      JSON.stringify({ passed: true, commit: request.commit, checks: gates.checks }),
    );
    const gateBlob = await client.uploadBlob(repository, { bytes: gateDoc });
    const gateRef = artifactManifest(
      GATES_ARTIFACT,
      [{ mediaType: 'application/json', digest: gateBlob.digest, size: gateBlob.size, title: 'gates.json' }],
      { [CREATED]: request.created },
      planned.index.descriptor,
    );
    await pushReferrer(client, repository, {
      doc: gateRef,
      subject: planned.index.descriptor,
      descriptor: referrerDescriptor(gateRef),
    });
    channels = await moveChannels(client, repository, channelTags, digest, {
      action: 'publish',
      reason: request.reason ?? `publish ${immutableTag}`,
      now: request.now ?? (() => new Date()),
    });
    log(`moved ${channelTags.join(', ')} to ${digest}`);
  }

  return {
    repository,
    digest,
    immutableTag,
    channelTags,
    manifests: planned.manifests.map((m) => ({
      name: m.image.name,
      architecture: ociArchitecture(m.image.architecture).architecture,
      digest: m.doc.descriptor.digest,
    })),
    referrers: planned.referrers.map((r) => ({
      digest: r.doc.descriptor.digest,
      subject: r.subject.digest,
      title: r.title,
    })),
    blobs: { uploaded, skipped, bytes },
    referrersVia,
    ...(channels ? { channels } : {}),
  };
}
