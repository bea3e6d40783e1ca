/**
 * tag-snapshot, in the order that leaves nothing half-published: read and
 * check everything first (provenance against the image bytes, the commit,
 * the tag's current owner locally, on the remote or through the API, the
 * gates when required, the registry's immutable tag), then write the bundle and its .sha256 (atomically),
 * then the annotated tag, then the release and its assets. A rerun of the
 * same commit finds the tag and the assets in place and finishes what is
 * missing.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { invocationId } from '../run-context.ts';
import { commitSourceDate } from '../source-date.ts';
import { DigestMemo } from '../digest-memo.ts';
import { DataError } from '../errors.ts';
import { writeJsonAtomic } from '../atomic.ts';
import { apiTag, createApiTag, type ExistingApiTag } from './api-tag.ts';
import { writeBundle, type BundleResult } from './bundle-writer.ts';
import { bundleLayout, MANIFEST } from './bundle-layout.ts';
import { checkReleaseGates, type GateResult } from './gates.ts';
import {
  ACTIONS_BOT,
  checkRecord,
  createGitTag,
  resolveCommit,
  tagState,
  type GitTagResult,
} from './git-tag.ts';
import type { GitHubClient } from './github-api.ts';
import { everyImage, readSnapshotImages, type SnapshotImages } from './images.ts';
import { checkPublishable, publishSnapshot, type PublishResult } from '../oci/publish.ts';
import type { ChannelsDocument } from '../oci/channels.ts';
import { promoteChannel, registryPublish, rollbackChannel } from './oci-step.ts';
import type { ChannelCommandOptions, SnapshotRunContext, TagSnapshotOptions } from './options.ts';
import {
  BUNDLE_SUFFIX,
  checkBuiltFrom,
  planBundleName,
  planTagName,
  releaseBodyWithRecord,
  tagMessage,
  tagRecordDifference,
  type SnapshotFacts,
} from './plan.ts';
import { assetFile, publishRelease, type ReleaseAssetFile, type ReleaseResult } from './release.ts';

export interface SnapshotResult {
  tag: string;
  tagAction: GitTagResult['action'] | 'skipped';
  pushed: boolean;
  facts: SnapshotFacts;
  images: SnapshotImages;
  bundle: BundleResult | null;
  manifestPath: string | null;
  gates: GateResult;
  release: ReleaseResult | null;
  oci: PublishResult | null;
}

function runUrl(ctx: SnapshotRunContext): string | null {
  return ctx.repository && ctx.runId
    ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}`
    : invocationId(ctx);
}

/**
 * Release assets besides the bundle: the image provenance documents and the Sigstore bundles. With a
 * bundle-name of its own (one per architecture when several trees go to one release) each is named after
 * the bundle, `<bundle stem>.<file>`, so the trees' evidence never collides on the release.
 */
async function evidenceAssets(
  tree: string,
  images: SnapshotImages,
  prefix: string | null,
): Promise<ReleaseAssetFile[]> {
  const paths = everyImage(images).map((i) => join(tree, i.provenance.rel));
  const attestations = await readdir(join(tree, 'meta', 'attestations')).catch(() => [] as string[]);
  for (const name of attestations.filter((n) => n.endsWith('.sigstore.json')).sort())
    paths.push(join(tree, 'meta', 'attestations', name));
  return paths.map((path) => assetFile(path, prefix ? `${prefix}.${basename(path)}` : undefined));
}

export interface SnapshotDeps {
  /**
   * Makes the API client (in the action: @actions/github's Octokit, loaded then); called only when the run
   * uses the API.
   */
  github: (token: string, apiUrl: string) => Promise<GitHubClient>;
  log?: (line: string) => void;
  /** Masks a secret obtained on the way (a registry's bearer token). */
  onSecret?: (secret: string) => void;
}

export async function runSnapshot(
  o: TagSnapshotOptions,
  ctx: SnapshotRunContext,
  deps: SnapshotDeps,
): Promise<SnapshotResult> {
  const log = deps.log ?? (() => {});
  // 1. Everything read and checked; nothing written yet.
  // Each file is hashed once for the run (the images are checked here, by the gates, and by the gates again
  // before the channels move), and again only if it changed in between.
  const digests = new DigestMemo();
  const images = await readSnapshotImages(o.tree, digests);
  const commit = await resolveCommit(o.checkout, ctx.sha);
  checkBuiltFrom(images, commit);
  const date = o.epoch ?? (await commitSourceDate(o.checkout, commit));
  if (!date) throw new DataError(`${o.checkout}: git cannot read the committer time of ${commit}`);
  // The input source-date-epoch is SOURCE_DATE_EPOCH given to the step: both are named so in the tag message.
  const epochSource = date.origin === 'commit time' ? 'commit time' : 'SOURCE_DATE_EPOCH';
  const facts: SnapshotFacts = { commit, epoch: date.epoch, epochSource, runUrl: runUrl(ctx) };
  const tag = o.tag ?? planTagName(images, facts);
  log(`snapshot tag ${tag} for commit ${commit} (date from ${facts.epochSource})`);

  const gh = o.token && (o.gitTag === 'api' || o.release) ? await deps.github(o.token, o.apiUrl) : null;
  const auth = o.token ? { token: o.token } : null;
  // The release gates are checked (signatures verified on this thread) while the tag's owner is asked
  // (a round trip to the remote or the API); the tag's verdict is reported first.
  const gatesChecked = checkReleaseGates(o.tree, { trustedKeys: o.trustedKeys, keyless: o.keyless }, digests);
  gatesChecked.catch(() => {});
  // The tag's owner, before any write: another commit's tag stops the run here.
  let githubTag: ExistingApiTag | null = null;
  if (o.gitTag === 'git') {
    const state = await tagState(o.checkout, tag, o.remote, auth);
    const other = [state.remote, state.local].find((c) => c && c !== commit);
    if (other)
      throw new DataError(
        `tag ${tag} already exists ${other === state.remote ? `on remote '${o.remote}'` : 'in this clone'} and points at commit ${other}, not at ${commit}: refusing to move a snapshot tag (input 'tag' names another, or delete the tag deliberately)`,
      );
  }
  if (o.gitTag === 'api' || o.release) {
    // A release names the tag, and GitHub attaches it to a tag that exists there whatever its commit (the
    // git remote may be another repository, or none): GitHub is asked in every mode that makes one.
    githubTag = await apiTag(gh!, o.repository!, tag);
    const other = githubTag?.commit ?? null;
    if (githubTag && other !== commit)
      throw new DataError(
        `tag ${tag} already exists in ${o.repository!.owner}/${o.repository!.repo} and points at ${other ?? 'something other than a commit'}, not at ${commit}: ${o.gitTag === 'api' ? 'refusing to move a snapshot tag' : "the release would name another commit's tag"}`,
      );
  }

  const gates = await gatesChecked;
  // Channel tags require the gates (options set requireGates then): refused here, before the first write.
  if (o.requireGates && !gates.passed)
    throw new DataError(
      `release gates not passed (require-gates: true), nothing published:\n${gates.failures.map((f) => `  ${f.gate}: ${f.detail}`).join('\n')}`,
    );

  // The registry's immutable sha-<commit> naming another index (a rebuild of this commit with other bytes)
  // is found here too: after the git tag and the release it would leave a half-published snapshot that
  // every rerun stops at again.
  const registryRequest = o.oci
    ? await registryPublish({
        ...o.oci,
        tree: o.tree,
        commit,
        epoch: facts.epoch,
        gateOptions: { trustedKeys: o.trustedKeys, keyless: o.keyless },
        digests,
        reason: facts.runUrl ?? `tag-snapshot ${tag}`,
        onToken: deps.onSecret,
        log,
      })
    : null;
  if (registryRequest) await checkPublishable(registryRequest);

  // 2. The bundle, its checksum and manifest.json, each written atomically.
  let bundle: BundleResult | null = null;
  let manifestPath: string | null = null;
  if (o.bundle) {
    const name = o.bundleName ?? planBundleName(images, facts, o.compression);
    if (!name.endsWith(BUNDLE_SUFFIX[o.compression]))
      throw new DataError(
        `bundle-name ${name} does not end with ${BUNDLE_SUFFIX[o.compression]} (compression: ${o.compression})`,
      );
    const layout = await bundleLayout(o.tree);
    log(`bundling ${layout.files.length} file(s) into ${name}`);
    bundle = await writeBundle(
      {
        tree: o.tree,
        path: join(o.tree, name),
        compression: o.compression,
        epoch: facts.epoch,
        manifest: {
          format_version: '1.0',
          snapshot_tag: tag,
          git_commit: commit,
          images: everyImage(images).map((i) => ({
            path: `disk/${i.rel}`,
            sha256: i.sha256,
            variant: i.variant,
            architecture: i.architecture,
            provenance: i.provenance.rel,
          })),
        },
      },
      layout,
    );
    manifestPath = join(o.tree, MANIFEST);
    await writeJsonAtomic(manifestPath, bundle.manifest);
  }

  // 3. The annotated tag.
  const message = tagMessage(tag, images, facts, bundle && { name: bundle.name, sha256: bundle.sha256 });
  const tagger = { ...ACTIONS_BOT, epoch: facts.epoch };
  // A tag already on the commit (a rerun) must record these images and this bundle: the release follows it.
  const recordDifference = (existing: string | null) => tagRecordDifference(existing, message);
  let tagAction: SnapshotResult['tagAction'] = 'skipped';
  let pushed = false;
  if (o.gitTag === 'git') {
    const r = await createGitTag({
      cwd: o.checkout,
      name: tag,
      commit,
      message,
      tagger,
      remote: o.remote,
      auth,
      recordDifference,
    });
    tagAction = r.action;
    pushed = r.pushed;
  } else if (o.gitTag === 'api') {
    tagAction = await createApiTag(gh!, {
      repo: o.repository!,
      name: tag,
      commit,
      message,
      tagger,
      recordDifference,
    });
    pushed = true;
  }
  log(`tag ${tag}: ${tagAction}${pushed ? ', pushed' : ''}`);

  // 4. The release. It follows the annotated tag GitHub has on the commit only if that records this snapshot
  // (with git-tag: git the remote may not be GitHub's; a lightweight tag, as GitHub makes for a release
  // without one, records nothing to contradict).
  if (o.gitTag !== 'api' && githubTag?.message != null)
    checkRecord({ name: tag, commit, recordDifference }, githubTag.message);
  let release: ReleaseResult | null = null;
  if (o.release && bundle) {
    const prefix = o.bundleName ? bundle.name.slice(0, -BUNDLE_SUFFIX[o.compression].length) : null;
    const assets = [
      assetFile(bundle.path),
      assetFile(bundle.checksumPath),
      ...(await evidenceAssets(o.tree, images, prefix)),
    ];
    release = await publishRelease(gh!, {
      repo: o.repository!,
      tag,
      commit,
      body: (existing) => releaseBodyWithRecord(existing, message),
      assets,
      replace: o.replaceAssets,
    });
  }
  // 5. The registry: sha-<commit> first, channel tags only after the gates (checked again from the files).
  let oci: PublishResult | null = null;
  if (registryRequest) {
    oci = await publishSnapshot(registryRequest);
    log(
      `registry: ${oci.repository}@${oci.digest} tagged ${[oci.immutableTag, ...oci.channelTags].join(', ')}`,
    );
  }
  return { tag, tagAction, pushed, facts, images, bundle, manifestPath, gates, release, oci };
}

/** promote / rollback: a channel moved in the registry; nothing is built, bundled or tagged in git. */
export async function runChannelCommand(
  o: ChannelCommandOptions,
  ctx: SnapshotRunContext,
  deps: Pick<SnapshotDeps, 'log' | 'onSecret'>,
): Promise<{ digest: string; channels: ChannelsDocument }> {
  const target = { ...o.oci, onToken: deps.onSecret, log: deps.log };
  const reason = runUrl(ctx) ?? `tag-snapshot ${o.command}`;
  const channels =
    o.command === 'promote'
      ? await promoteChannel(target, o.channel, o.digest!, { reason, trust: o.trust })
      : await rollbackChannel(target, o.channel, o.digest, { reason, trust: o.trust });
  const digest = channels.channels[o.channel]?.digest;
  if (!digest) throw new DataError(`channel ${o.channel} names no digest after ${o.command}`);
  return { digest, channels };
}
