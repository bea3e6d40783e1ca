/**
 * tag-snapshot's inputs, parsed and checked before any work starts: each
 * rejection names the input, what was wrong and what is accepted.
 */
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { RunContext } from '../run-context.ts';
import { parseKeylessVerifyInputs } from '../attest/keyless-options.ts';
import type { KeylessPolicy } from '../attest/keyless-verify.ts';
import { parseTrustedKeys, type TrustedKey } from '../attest/signing-key.ts';
import { InputError } from '../errors.ts';
import { parseBoolean, parseEnum, parseLines, requireReadablePath } from '../inputs.ts';
import type { Credentials } from '../oci/auth.ts';
import { checkChannelTag } from '../oci/channels.ts';
import { readMetadataAction, type ImageAnnotations } from '../oci/metadata.ts';
import { checkDigest, checkRepository, registryBaseUrl } from '../oci/reference.ts';
import { parseRepository, type RepoRef } from './github-api.ts';
import type { Compression } from './plan.ts';
import { givenSourceDate, type SourceDate } from '../source-date.ts';
import { parseTagName } from './tag-name.ts';

export interface TagSnapshotRawInputs {
  command: string;
  'output-dir': string;
  path: string;
  tag: string;
  'git-tag': string;
  remote: string;
  bundle: string;
  'bundle-name': string;
  compression: string;
  release: string;
  'replace-assets': string;
  token: string;
  repository: string;
  'public-key': string;
  'identity-repository': string;
  'identity-workflow': string;
  'identity-ref': string;
  'identity-issuer': string;
  'trusted-root': string;
  'require-gates': string;
  'source-date-epoch': string;
  registry: string;
  'oci-repository': string;
  'registry-username': string;
  'registry-password': string;
  channels: string;
  'metadata-json': string;
  labels: string;
  annotations: string;
  channel: string;
  digest: string;
  to: string;
}

export interface SnapshotRunContext extends RunContext {
  /** docker/metadata-action's JSON output, exported to later steps (DOCKER_METADATA_OUTPUT_JSON). */
  metadataJson: string | null;
}

/** The run's context with docker/metadata-action's output, which the action reads from the job's environment. */
export function snapshotContext(ctx: RunContext, metadataJson: string | undefined): SnapshotRunContext {
  return { ...ctx, metadataJson: metadataJson?.trim() || null };
}

export interface OciOptions {
  registry: string;
  repository: string;
  credentials: Credentials | undefined;
  /** Channel tags (input channels and metadata-action's tags), moved only after the gates pass. */
  channelTags: string[];
  annotations: ImageAnnotations;
}

/** promote / rollback: a channel moved to a digest already published, nothing built or bundled. */
export interface ChannelCommandOptions {
  command: 'promote' | 'rollback';
  oci: OciOptions;
  channel: string;
  /** promote: the digest; rollback: the named digest, or null for the previous one. */
  digest: string | null;
  /** What the target's attestations in the registry must verify with (one of the two is set). */
  trust: TrustInputs;
}

/** The trusted key (public-key) or keyless identity (identity-*) attestations are verified with. */
export interface TrustInputs {
  /** One key, or the current key and those it replaced (snapshots signed before a rotation). */
  trustedKeys: TrustedKey[] | null;
  keyless: KeylessPolicy | null;
}

export interface TagSnapshotOptions {
  command: 'snapshot';
  tree: string;
  checkout: string;
  /** Given by the input tag; null: derived (seed 000). */
  tag: string | null;
  gitTag: 'git' | 'api' | 'none';
  /** null: the tag is made locally and not pushed. */
  remote: string | null;
  bundle: boolean;
  bundleName: string | null;
  compression: Compression;
  release: boolean;
  replaceAssets: boolean;
  token: string | null;
  repository: RepoRef | null;
  trustedKeys: TrustedKey[] | null;
  /** Keyless: the identity the attestations' certificates must name (identity-* inputs, no public-key). */
  keyless: KeylessPolicy | null;
  requireGates: boolean;
  /** From the input or SOURCE_DATE_EPOCH (shared/source-date.ts); null: the commit's time. */
  epoch: SourceDate | null;
  apiUrl: string;
  /** null: no registry push. */
  oci: OciOptions | null;
}

function parseOci(raw: TagSnapshotRawInputs, ctx: SnapshotRunContext, required: boolean): OciOptions | null {
  const registry = raw.registry.trim();
  if (!registry) {
    if (required)
      throw new InputError(
        'registry',
        'is empty, but promote and rollback move tags in a registry',
        'ghcr.io, or host:port',
      );
    for (const name of ['channels', 'oci-repository'] as const)
      if (raw[name].trim())
        throw new InputError(name, 'is set, but registry is empty', 'a registry to push to (input registry)');
    return null;
  }
  registryBaseUrl(registry, 'registry');
  const repository = checkRepository(
    raw['oci-repository'].trim() || (ctx.repository ?? '').toLowerCase(),
    'oci-repository',
  );
  let password = raw['registry-password'].trim();
  // On GHCR the job token is the registry password (packages: write).
  if (!password && /^ghcr\.io$/i.test(registry)) password = raw.token.trim();
  const username = raw['registry-username'].trim() || ctx.actor || 'x-access-token';
  const explicitJson = raw['metadata-json'].trim();
  const metadataInput = explicitJson ? 'metadata-json' : 'DOCKER_METADATA_OUTPUT_JSON';
  const metadata = readMetadataAction(
    { json: explicitJson || ctx.metadataJson || '', labels: raw.labels, annotations: raw.annotations },
    {
      json: metadataInput,
      labels: 'labels',
      annotations: 'annotations',
    },
  );
  // metadata-action's tags move like channels: the reserved names are refused here, before anything is
  // pushed (type=sha's sha-<short> would collide with the immutable sha-<commit> tag, found only mid-publish).
  const channelTags = [
    ...new Set([
      ...parseLines(raw.channels).map((c) => checkChannelTag(c, 'channels')),
      ...metadata.tags.map((t) => checkChannelTag(t, metadataInput)),
    ]),
  ];
  return {
    registry,
    repository,
    credentials: password ? { username, password } : undefined,
    channelTags,
    annotations: metadata.annotations,
  };
}

const TRUST_ACCEPTED =
  'the PEM public key attest signed with (or a .pem file, several keys one after another); for keyless attestations, identity-repository (owner/name) with identity-ref (required when channels move) and optionally identity-workflow';

/** public-key, or the identity-* inputs for keyless attestations; neither given: both null. */
async function parseTrustInputs(raw: TagSnapshotRawInputs, ctx: SnapshotRunContext): Promise<TrustInputs> {
  const keyRaw = raw['public-key'].trim();
  let trustedKeys: TrustedKey[] | null = null;
  if (keyRaw) {
    const pem = keyRaw.startsWith('-----BEGIN')
      ? keyRaw
      : await readFile(resolve(keyRaw), 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new InputError(
            'public-key',
            `'${keyRaw}' is neither a PEM public key nor a readable file (${e.code})`,
          );
        });
    trustedKeys = parseTrustedKeys(pem, 'public-key');
  }
  // Keyless attestations are verified against the signer's identity instead of a key (attest's verify inputs).
  if (trustedKeys && raw['identity-repository'].trim())
    throw new InputError(
      'identity-repository',
      'is set together with public-key',
      'one of them: public-key for key-signed attestations, identity-* for keyless ones',
    );
  const keyless = raw['identity-repository'].trim() ? await parseKeylessVerifyInputs(raw, ctx) : null;
  return { trustedKeys, keyless };
}

/**
 * A channel (prod, stable) moves only to what a run on a guarded ref signed. Keyless, the identity without
 * identity-ref is "any run of the repository": a workflow pushed to any branch can sign a disk, and the
 * channel would follow it. identity-workflow does not narrow that (the branch can carry the same file), so
 * the ref is what must be named; `refs/*` says "any ref" explicitly.
 */
function requireRefForChannels(keyless: KeylessPolicy | null, what: string): void {
  if (!keyless || keyless.identity.ref !== null) return;
  throw new InputError(
    'identity-ref',
    `is empty, but ${what}: without it a run on any branch of ${keyless.identity.repository} could sign what the channel moves to`,
    'the ref your releases run on, e.g. refs/heads/main or refs/tags/v* (refs/* accepts any ref)',
  );
}

/** promote / rollback options, or null for snapshot. */
export async function parseChannelCommand(
  raw: TagSnapshotRawInputs,
  ctx: SnapshotRunContext,
): Promise<ChannelCommandOptions | null> {
  const command = parseEnum('command', raw.command, ['snapshot', 'promote', 'rollback'] as const, 'snapshot');
  if (command === 'snapshot') return null;
  const oci = parseOci(raw, ctx, true)!;
  const channel = checkChannelTag(raw.channel.trim(), 'channel');
  let digest: string | null;
  if (command === 'promote') {
    if (!raw.digest.trim())
      throw new InputError(
        'digest',
        'is empty, but promote moves a channel to a digest',
        'sha256:<64 hex> of a published index',
      );
    digest = checkDigest(raw.digest.trim(), 'digest');
  } else digest = raw.to.trim() ? checkDigest(raw.to.trim(), 'to') : null;
  const trust = await parseTrustInputs(raw, ctx);
  if (!trust.trustedKeys && !trust.keyless)
    throw new InputError(
      'public-key',
      `is empty (and so is identity-repository), but ${command} moves '${channel}' only to a snapshot whose attestations verify with them`,
      TRUST_ACCEPTED,
    );
  requireRefForChannels(trust.keyless, `${command} moves '${channel}'`);
  return { command, oci, channel, digest, trust };
}

export async function parseTagSnapshotInputs(
  raw: TagSnapshotRawInputs,
  ctx: SnapshotRunContext,
): Promise<TagSnapshotOptions> {
  parseEnum('command', raw.command, ['snapshot', 'promote', 'rollback'] as const, 'snapshot');
  const tree = resolve(raw['output-dir'].trim() || 'output');
  await requireReadablePath('output-dir', tree, 'directory');
  const checkout = resolve(raw.path.trim() || '.');
  await requireReadablePath('path', checkout, 'directory');
  const tag = raw.tag.trim() ? parseTagName('tag', raw.tag) : null;
  const gitTag = parseEnum('git-tag', raw['git-tag'], ['git', 'api', 'none'] as const, 'git');
  const remote = raw.remote.trim() || null;
  if (remote !== null && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(remote))
    throw new InputError(
      'remote',
      `'${raw.remote}' is not a git remote name`,
      'a remote of the checkout such as origin, or empty to tag locally only',
    );
  const bundle = parseBoolean('bundle', raw.bundle, true);
  const compression = parseEnum('compression', raw.compression, ['gzip', 'zstd', 'none'] as const, 'gzip');
  const bundleName: string | null = raw['bundle-name'].trim() || null;
  if (bundleName !== null && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(bundleName))
    throw new InputError(
      'bundle-name',
      `'${raw['bundle-name']}' is not a plain file name`,
      'letters, digits, . _ -, without a directory',
    );
  if (bundleName !== null && bundleName.includes('..'))
    throw new InputError('bundle-name', `'${bundleName}' contains '..'`);
  const release = parseBoolean('release', raw.release, false);
  if (release && !bundle)
    throw new InputError(
      'release',
      'a release carries the bundle, but bundle is false',
      'bundle: true with release: true',
    );
  const replaceAssets = parseBoolean('replace-assets', raw['replace-assets'], false);
  const token = raw.token.trim() || null;
  if ((release || gitTag === 'api') && !token)
    throw new InputError(
      'token',
      `is empty, but ${release ? 'release: true' : "git-tag: 'api'"} calls GitHub's API`,
      "a token with contents: write, e.g. '${{ github.token }}' (the default)",
    );
  const repoRaw = raw.repository.trim() || ctx.repository || '';
  const repository = repoRaw ? parseRepository('repository', repoRaw) : null;
  if ((release || gitTag === 'api') && !repository)
    throw new InputError('repository', 'is empty and GITHUB_REPOSITORY is not set', 'owner/name');
  const { trustedKeys, keyless } = await parseTrustInputs(raw, ctx);
  const oci = parseOci(raw, ctx, false);
  const requireGates =
    parseBoolean('require-gates', raw['require-gates'], false) || (oci?.channelTags.length ?? 0) > 0;
  if (requireGates && !trustedKeys && !keyless)
    throw new InputError(
      'public-key',
      `is empty (and so is identity-repository), but ${oci?.channelTags.length ? 'channel tags are only moved after the gates pass, which' : 'require-gates: true'} needs them to verify the attestations`,
      TRUST_ACCEPTED,
    );
  if (oci?.channelTags.length)
    requireRefForChannels(keyless, `this run moves the channels ${oci.channelTags.join(', ')}`);
  const epoch = givenSourceDate(ctx, { name: 'source-date-epoch', value: raw['source-date-epoch'] });
  return {
    command: 'snapshot',
    tree,
    checkout,
    tag,
    gitTag,
    remote: gitTag === 'git' ? remote : null,
    bundle,
    bundleName,
    compression,
    release,
    replaceAssets,
    token,
    repository,
    trustedKeys,
    keyless,
    requireGates,
    epoch,
    apiUrl: ctx.apiUrl,
    oci,
  };
}
