/**
 * tag-snapshot's OCI part, on the OCI library (shared/oci): the snapshot
 * pushed as OCI 1.1 artifacts (publishSnapshot: blobs, manifests, index,
 * referrers, then `sha-<commit>`, then — only when the release gates checked
 * from the files pass — the channel tags and channels.json), and the channel
 * commands promote and rollback. The registry client is made here from
 * validated options; credentials arrive masked by the action.
 */
import type { VerifyPolicy } from '../attest/verify.ts';
import { DigestMemo } from '../digest-memo.ts';
import { checkReleaseGates, type GateOptions } from './gates.ts';
import { artifactsFromTrees } from '../oci/tree-artifacts.ts';
import type { PublishRequest } from '../oci/publish.ts';
import { promote, rollback } from '../oci/channel-commands.ts';
import type { ChannelsDocument } from '../oci/channels.ts';
import { RegistryClient } from '../oci/registry-client.ts';
import type { ImageAnnotations } from '../oci/metadata.ts';
import type { Credentials } from '../oci/auth.ts';

export interface OciTarget {
  registry: string;
  repository: string;
  credentials: Credentials | undefined;
  /** Called with each bearer token obtained, to mask it. */
  onToken?: (token: string) => void;
  log?: (line: string) => void;
}

export function registryClient(t: OciTarget): RegistryClient {
  return new RegistryClient({
    registry: t.registry,
    credentials: t.credentials,
    onToken: t.onToken,
    onRetry: (i) => t.log?.(`registry: ${i.what} failed (${i.reason}); retry ${i.attempt} in ${i.waitMs} ms`),
  });
}

export interface OciPublishRequest extends OciTarget {
  tree: string;
  commit: string;
  epoch: number;
  channelTags: string[];
  annotations: ImageAnnotations;
  gateOptions: GateOptions;
  reason: string;
  /** The run's digests (tag-snapshot hashed the images already): each file is read once unless it changed. */
  digests?: DigestMemo;
}

/**
 * The publish request for a tree, built once per run: tag-snapshot checks it (checkPublishable) before
 * its first write and publishes it (publishSnapshot) after the release, with one registry client (one
 * token) and one plan.
 */
export async function registryPublish(r: OciPublishRequest): Promise<PublishRequest> {
  const digests = r.digests ?? new DigestMemo();
  const { images, attestations } = await artifactsFromTrees([r.tree], digests);
  return {
    client: registryClient(r),
    repository: r.repository,
    commit: r.commit,
    created: new Date(r.epoch * 1000).toISOString(),
    images,
    attestations,
    annotations: r.annotations,
    channelTags: r.channelTags,
    gates: () => checkReleaseGates(r.tree, r.gateOptions, digests),
    reason: r.reason,
    log: r.log,
  };
}

/** The policy a channel's target is verified with in the registry: gates' policy (boot required, any builder). */
function channelPolicy(trust: GateOptions): VerifyPolicy {
  return {
    trustedKeys: trust.trustedKeys ?? null,
    keyless: trust.keyless ?? null,
    builderId: trust.builderId ?? null,
    maxRiskScore: null,
    requireBoot: true,
  };
}

export function promoteChannel(
  t: OciTarget,
  channel: string,
  digest: string,
  options: { reason: string; trust: GateOptions },
): Promise<ChannelsDocument> {
  return promote(registryClient(t), t.repository, channel, digest, {
    reason: options.reason,
    policy: channelPolicy(options.trust),
  });
}

export function rollbackChannel(
  t: OciTarget,
  channel: string,
  to: string | null,
  options: { reason: string; trust: GateOptions },
): Promise<ChannelsDocument> {
  return rollback(registryClient(t), t.repository, channel, {
    to: to ?? undefined,
    reason: options.reason,
    policy: channelPolicy(options.trust),
  });
}
