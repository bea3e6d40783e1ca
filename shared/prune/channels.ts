/**
 * The digests channels.json protects: every channel's current digest and
 * every digest its history records (where each move went and where it came
 * from), so a rollback always finds its target. Read from the copy
 * tag-snapshot publishes beside the images (tag `channels`) and, when the
 * workflow passes one, from a file; both are checked against the one schema
 * of the document (shared/oci/channels.ts).
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import {
  CHANNELS_TAG,
  ChannelsDocumentSchema,
  readChannels,
  type ChannelsDocument,
} from '../oci/channels.ts';
import type { RegistryClient } from '../oci/registry-client.ts';

export function protectedDigestsFrom(
  doc: ChannelsDocument,
  into = new Map<string, string>(),
): Map<string, string> {
  for (const [name, channel] of Object.entries(doc.channels)) {
    into.set(channel.digest, `${name} (current)`);
    // Newest first: #1 is the digest a plain rollback returns to.
    const history = [...channel.history].reverse();
    history.forEach((h, i) => {
      for (const d of [h.digest, h.from]) {
        if (d && !into.has(d)) into.set(d, `${name} (rollback history #${i + 1})`);
      }
    });
  }
  return into;
}

export async function readChannelsFile(input: string, path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(input, `'${path}' cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let doc: ChannelsDocument;
  try {
    doc = ChannelsDocumentSchema.parse(JSON.parse(text));
  } catch (e) {
    throw new InputError(
      input,
      `'${path}' is not a channels.json: ${(e as Error).message.split('\n')[0]}`,
      'channels.json as tag-snapshot writes it',
    );
  }
  return protectedDigestsFrom(doc);
}

/**
 * The channels.json published in the repository (tag `channels`), merged into
 * `into`, and the artifact itself protected. An unreadable one throws: the
 * run then stops before planning, since it cannot know what the channels need.
 */
export async function addPublishedChannels(
  client: RegistryClient,
  repository: string,
  into: Map<string, string>,
): Promise<void> {
  const head = await client.headManifest(repository, CHANNELS_TAG);
  if (!head) return;
  protectedDigestsFrom(await readChannels(client, repository), into);
  into.set(head.digest, 'channels.json itself (tag channels)');
}
