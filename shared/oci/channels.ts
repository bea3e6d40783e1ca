/**
 * Channels (seed 003): moving tags such as `dev`, `prod`, `latest` or `1.2`
 * that name a published index, with their history in `channels.json`, which
 * is itself pushed as an OCI artifact (tag `channels`) so every job reads
 * the same record.
 *
 *  - promote and rollback (channel-commands.ts) move a channel to a digest
 *    that carries a passing gate-result referrer (passedGates, written by
 *    publishSnapshot after the gates passed), to the previous digest of its
 *    history (rollbackTarget) — no rebuild, no upload, only a tag;
 *  - before any tag moves, the whole target is checked present (index, every
 *    child manifest, every blob), so a reader never gets a channel tag that
 *    points at a partial push.
 * Moving is idempotent: a rerun after a failure between the tag and the
 * channels.json update records the entry once.
 */
import { z } from 'zod';
import { DataError, InputError } from '../errors.ts';
import { artifactManifest, CREATED } from './artifact.ts';
import { ARTIFACT_CHANNELS, type Descriptor, OCI_INDEX } from './media-types.ts';
import { checkDigest, checkRepository, checkTag } from './reference.ts';
import type { RegistryClient } from './registry-client.ts';

/** The tag under which channels.json is published. */
export const CHANNELS_TAG = 'channels';
/** Artifact type of the gate-result referrer that makes an index promotable. */
export const GATES_ARTIFACT = 'application/vnd.infrasim.gates.v1+json';

const Digest = z.string().regex(/^sha256:[a-f0-9]{64}$/);

const HistoryEntry = z.object({
  digest: Digest,
  /** The digest the channel pointed at before, null for its first entry. */
  from: Digest.nullable(),
  time: z.string(),
  action: z.enum(['publish', 'promote', 'rollback']),
  reason: z.string(),
});

export const ChannelsDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  repository: z.string(),
  channels: z.record(
    z.string(),
    z.object({
      digest: Digest,
      updated: z.string(),
      history: z.array(HistoryEntry),
    }),
  ),
});

export type ChannelsDocument = z.infer<typeof ChannelsDocumentSchema>;
export type ChannelEntry = z.infer<typeof HistoryEntry>;

export interface MoveOptions {
  action: ChannelEntry['action'];
  reason: string;
  now: () => Date;
}

/** A channel tag: a valid OCI tag that is not one of the tags the suite reserves. */
export function checkChannelTag(tag: string, input = 'channel'): string {
  checkTag(tag, input);
  if (tag === CHANNELS_TAG || /^sha-[0-9a-f]+$/.test(tag) || /^sha256-[0-9a-f]{64}$/.test(tag))
    throw new InputError(
      input,
      `'${tag}' is reserved (the immutable sha-<commit> tags, sha256-<hex> referrer tags and '${CHANNELS_TAG}')`,
      'a channel name such as dev, prod, latest or 1.2.3',
    );
  return tag;
}

export function emptyChannels(repository: string): ChannelsDocument {
  return { schemaVersion: 1, repository, channels: {} };
}

/** The current channels.json of a repository (empty when none was published yet). */
export async function readChannels(client: RegistryClient, repository: string): Promise<ChannelsDocument> {
  checkRepository(repository);
  const manifest = await client.getManifest(repository, CHANNELS_TAG);
  if (!manifest) return emptyChannels(repository);
  const layer = (manifest.manifest.layers as Descriptor[] | undefined)?.[0];
  if (manifest.manifest.artifactType !== ARTIFACT_CHANNELS || !layer)
    throw new DataError(`${client.registry}/${repository}:${CHANNELS_TAG} is not a channels.json artifact`);
  const bytes = await client.getBlob(repository, layer.digest, 4 * 1024 * 1024);
  try {
    return ChannelsDocumentSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (e) {
    throw new DataError(
      `${client.registry}/${repository}:${CHANNELS_TAG} holds an invalid channels.json: ${(e as Error).message}`,
    );
  }
}

/** Publishes channels.json as its own artifact under the `channels` tag; returns its manifest digest. */
export async function writeChannels(
  client: RegistryClient,
  repository: string,
  doc: ChannelsDocument,
  created: string,
): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(ChannelsDocumentSchema.parse(doc), null, 2) + '\n');
  const blob = await client.uploadBlob(repository, { bytes });
  const manifest = artifactManifest(
    ARTIFACT_CHANNELS,
    [{ mediaType: 'application/json', digest: blob.digest, size: blob.size, title: 'channels.json' }],
    { [CREATED]: created },
  );
  await client.uploadBlob(repository, { bytes: Buffer.from('{}') });
  await client.putManifest(repository, CHANNELS_TAG, manifest.bytes, manifest.descriptor.mediaType);
  return manifest.descriptor.digest;
}

/**
 * Checks that `digest` and everything it references are in the repository:
 * the index, each child manifest (digest-verified on read), each blob.
 * Returns the index bytes and media type, to tag them.
 */
export async function checkComplete(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<{ bytes: Buffer; mediaType: string }> {
  const top = await client.getManifest(repository, digest);
  if (!top) throw new DataError(`${client.registry}/${repository}@${digest} does not exist`);
  const missing: string[] = [];
  const checkManifest = async (m: Record<string, unknown>, at: string) => {
    const blobs = [m.config as Descriptor | undefined, ...((m.layers as Descriptor[] | undefined) ?? [])];
    for (const b of blobs) {
      if (!b) continue;
      const size = await client.headBlob(repository, b.digest);
      if (size === undefined) missing.push(`blob ${b.digest} of ${at}`);
      else if (size !== b.size)
        missing.push(`blob ${b.digest} of ${at} has ${size} bytes, expected ${b.size}`);
    }
  };
  if (top.mediaType === OCI_INDEX) {
    for (const child of (top.manifest.manifests as Descriptor[] | undefined) ?? []) {
      const m = await client.getManifest(repository, child.digest);
      if (!m) missing.push(`manifest ${child.digest}`);
      else await checkManifest(m.manifest, child.digest);
    }
  } else await checkManifest(top.manifest, digest);
  if (missing.length)
    throw new DataError(
      `${client.registry}/${repository}@${digest} is incomplete (${missing.length} missing: ${missing.slice(0, 3).join('; ')}); ` +
        `publish it again before a channel points at it`,
    );
  return { bytes: top.bytes, mediaType: top.mediaType };
}

/** Whether `digest` carries a passing gate-result referrer (written only after the gates passed). */
export async function passedGates(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<boolean> {
  const { descriptors } = await client.referrers(repository, digest, GATES_ARTIFACT);
  for (const d of descriptors) {
    const m = await client.getManifest(repository, d.digest);
    const layer = (m?.manifest.layers as Descriptor[] | undefined)?.[0];
    if (!layer) continue;
    const body = JSON.parse(
      (await client.getBlob(repository, layer.digest, 1024 * 1024)).toString('utf8'),
    ) as {
      passed?: unknown;
    };
    if (body.passed === true) return true;
  }
  return false;
}

/**
 * Moves channel tags to `digest`: checks the target complete, tags it (each
 * tag a PUT of the same index bytes, so the digest cannot change), then
 * records the move in channels.json.
 */
export async function moveChannels(
  client: RegistryClient,
  repository: string,
  channels: string[],
  digest: string,
  options: MoveOptions,
): Promise<ChannelsDocument> {
  checkRepository(repository);
  checkDigest(digest);
  for (const c of channels) checkChannelTag(c);
  const doc = await readChannels(client, repository);
  const target = await checkComplete(client, repository, digest);
  const time = options.now().toISOString();
  let changed = false;
  for (const channel of channels) {
    const head = await client.headManifest(repository, channel);
    if (head?.digest !== digest)
      await client.putManifest(repository, channel, target.bytes, target.mediaType);
    const entry = doc.channels[channel];
    // A rerun after the tag moved but before channels.json was written records the move once.
    if (entry?.digest === digest) continue;
    const from = entry?.digest ?? (head && head.digest !== digest ? head.digest : null);
    doc.channels[channel] = {
      digest,
      updated: time,
      history: [
        ...(entry?.history ?? []),
        { digest, from, time, action: options.action, reason: options.reason },
      ],
    };
    changed = true;
  }
  if (changed) await writeChannels(client, repository, doc, time);
  return doc;
}

/**
 * The digest a rollback of `channel` goes to: the most recent earlier digest
 * in its history that was not itself rolled back from (so rolling back twice
 * steps back twice).
 */
export function rollbackTarget(doc: ChannelsDocument, channel: string): string | undefined {
  const entry = doc.channels[channel];
  if (!entry) return undefined;
  const abandoned = new Set<string>([entry.digest]);
  for (const h of entry.history) if (h.action === 'rollback' && h.from) abandoned.add(h.from);
  for (let i = entry.history.length - 1; i >= 0; i--) {
    const h = entry.history[i]!;
    if (!abandoned.has(h.digest)) return h.digest;
    if (h.from && !abandoned.has(h.from)) return h.from;
  }
  return undefined;
}
