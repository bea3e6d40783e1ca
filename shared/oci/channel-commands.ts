/**
 * The channel commands: promote a published digest to a channel, or roll a
 * channel back, with no rebuild and no upload — only a tag and its
 * channels.json entry (moveChannels). Before anything moves, the target must
 * carry a passing gate result and its signed evidence must hold under the
 * caller's trust (published-evidence.ts: the gate-result referrer alone is
 * the word of anyone who can push). Kept apart from channels.ts, which
 * prune-packages reads channels.json through without a Sigstore verifier.
 */
import type { VerifyPolicy } from '../attest/verify.ts';
import { DataError, InputError } from '../errors.ts';
import {
  CHANNELS_TAG,
  type ChannelsDocument,
  checkChannelTag,
  moveChannels,
  passedGates,
  readChannels,
  rollbackTarget,
} from './channels.ts';
import { verifyPublishedSnapshot } from './published-evidence.ts';
import { checkDigest } from './reference.ts';
import type { RegistryClient } from './registry-client.ts';

export interface ChannelMoveOptions {
  reason: string;
  /** The trusted key or keyless identity the target's attestations must verify with. */
  policy: VerifyPolicy;
  now?: () => Date;
}

/**
 * A channel moves only under a policy that names who may have signed: a key, or a keyless identity with the
 * ref its run was on (the repository alone accepts a run on any branch). tag-snapshot's inputs refuse the
 * same with the input named; this guards the library's own callers.
 */
function checkMovePolicy(policy: VerifyPolicy): void {
  if (policy.keyless ? policy.keyless.identity.ref === null : !policy.trustedKeys?.length)
    throw new Error(
      policy.keyless
        ? 'a keyless policy without a ref cannot move a channel: a run on any branch could have signed the target'
        : 'moving a channel needs a trusted key or a keyless identity to verify the target with',
    );
}

/** Moves `channel` to `target` once it carries a passing gate result and its signed evidence holds. */
async function moveToVerified(
  client: RegistryClient,
  repository: string,
  channel: string,
  target: string,
  action: 'promote' | 'rollback',
  options: ChannelMoveOptions,
  noGateResult: () => Error,
): Promise<ChannelsDocument> {
  if (!(await passedGates(client, repository, target))) throw noGateResult();
  await verifyPublishedSnapshot(client, repository, target, options.policy);
  return moveChannels(client, repository, [channel], target, {
    action,
    reason: options.reason,
    now: options.now ?? (() => new Date()),
  });
}

/**
 * Moves `channel` to `digest`, which must be complete, carry a passing gate result and be covered by
 * attestations that verify under the policy.
 */
export async function promote(
  client: RegistryClient,
  repository: string,
  channel: string,
  digest: string,
  options: ChannelMoveOptions,
): Promise<ChannelsDocument> {
  checkChannelTag(channel);
  checkDigest(digest);
  checkMovePolicy(options.policy);
  return moveToVerified(
    client,
    repository,
    channel,
    digest,
    'promote',
    options,
    () =>
      new InputError(
        'digest',
        `${repository}@${digest} has no passing gate result: only a snapshot published after its release gates passed can be promoted`,
      ),
  );
}

/** Moves `channel` back to the previous digest, or to `to` if it was on this channel before. No rebuild. */
export async function rollback(
  client: RegistryClient,
  repository: string,
  channel: string,
  options: ChannelMoveOptions & { to?: string },
): Promise<ChannelsDocument> {
  checkChannelTag(channel);
  checkMovePolicy(options.policy);
  const doc = await readChannels(client, repository);
  const entry = doc.channels[channel];
  if (!entry)
    throw new InputError(
      'channel',
      `'${channel}' has no history in ${repository}:${CHANNELS_TAG}; nothing to roll back`,
    );
  let target: string | undefined;
  if (options.to) {
    target = checkDigest(options.to, 'to');
    const known = entry.history.some((h) => h.digest === target || h.from === target);
    if (!known)
      throw new InputError(
        'to',
        `${target} was never on channel '${channel}'`,
        entry.history.map((h) => h.digest).join(', '),
      );
  } else {
    target = rollbackTarget(doc, channel);
    if (!target) throw new InputError('channel', `'${channel}' has no earlier digest to roll back to`);
  }
  if (target === entry.digest) return doc;
  return moveToVerified(
    client,
    repository,
    channel,
    target,
    'rollback',
    options,
    () =>
      new DataError(
        `${repository}@${target} has no passing gate result; refusing to roll '${channel}' back to it`,
      ),
  );
}
