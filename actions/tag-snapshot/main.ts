/**
 * tag-snapshot: thin adapter between the runner and shared/snapshot. The
 * token and registry password are masked before anything runs (with the
 * header form git receives); inputs are validated before any file is read;
 * then the snapshot is named, bundled, tagged, released and pushed — or a
 * channel is promoted or rolled back — and the outputs and job summary are
 * written.
 */
import type { TagSnapshotInputs, TagSnapshotOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import {
  parseChannelCommand,
  parseTagSnapshotInputs,
  snapshotContext,
} from '../../shared/snapshot/options.ts';
import { runChannelCommand, runSnapshot } from '../../shared/snapshot/pipeline.ts';
import { renderChannelSummary, renderSnapshotSummary } from '../../shared/snapshot/summary.ts';
import { readRunContext } from '../run-context.ts';
import { core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

await runAction(async () => {
  const raw = readInputs<TagSnapshotInputs>({
    command: true,
    'output-dir': true,
    path: true,
    tag: true,
    'git-tag': true,
    remote: true,
    bundle: true,
    'bundle-name': true,
    compression: true,
    release: true,
    'replace-assets': true,
    token: true,
    repository: true,
    'public-key': true,
    'identity-repository': true,
    'identity-workflow': true,
    'identity-ref': true,
    'identity-issuer': true,
    'trusted-root': true,
    'require-gates': true,
    'source-date-epoch': true,
    registry: true,
    'oci-repository': true,
    'registry-username': true,
    'registry-password': true,
    channels: true,
    'metadata-json': true,
    labels: true,
    annotations: true,
    channel: true,
    digest: true,
    to: true,
  } satisfies Record<keyof TagSnapshotInputs, true>);
  const token = raw.token.trim();
  if (token) {
    core.setSecret(token);
    core.setSecret(Buffer.from(`x-access-token:${token}`).toString('base64'));
  }
  if (raw['registry-password'].trim()) core.setSecret(raw['registry-password'].trim());
  const ctx = snapshotContext(await readRunContext(), process.env.DOCKER_METADATA_OUTPUT_JSON);
  const deps = {
    // Octokit (and its HTTP client) loads only for a run that talks to the API: a git tag, a bundle and an
    // OCI push need neither.
    github: async (token: string, apiUrl: string) =>
      (await import('./github-client.ts')).githubClient(token, apiUrl),
    log: (l: string) => core.info(l),
    onSecret: (s: string) => core.setSecret(s),
  };

  const channelCommand = await parseChannelCommand(raw, ctx);
  if (channelCommand) {
    await checkActionTools('tag-snapshot', {});
    const r = await core.group(`tag-snapshot ${channelCommand.command}`, () =>
      runChannelCommand(channelCommand, ctx, deps),
    );
    setOutputs<TagSnapshotOutputs>({ digest: r.digest, 'channel-tags': channelCommand.channel });
    await writeSummary(renderChannelSummary(channelCommand, r));
    return;
  }

  const options = await parseTagSnapshotInputs(raw, ctx);
  await checkActionTools('tag-snapshot', options);
  const result = await core.group('tag-snapshot', () => runSnapshot(options, ctx, deps));
  for (const f of result.gates.failures)
    core.warning(f.detail, { title: `release gate '${f.gate}' not passed` });
  setOutputs<TagSnapshotOutputs>({
    tag: result.tag,
    'tag-action': result.tagAction,
    commit: result.facts.commit,
    bundle: result.bundle?.path,
    'bundle-sha256': result.bundle?.sha256,
    'checksum-file': result.bundle?.checksumPath,
    manifest: result.manifestPath ?? undefined,
    'release-url': result.release?.url,
    'release-id': result.release ? String(result.release.id) : undefined,
    assets: result.release?.assets.map((a) => `${a.name} ${a.action} ${a.sha256}`).join('\n'),
    'gates-passed': String(result.gates.passed),
    'gate-failures': result.gates.failures.map((f) => `${f.gate}: ${f.detail.split('\n')[0]}`).join('\n'),
    digest: result.oci?.digest,
    'immutable-tag': result.oci?.immutableTag,
    'channel-tags': result.oci?.channelTags.join('\n'),
  });
  await writeSummary(renderSnapshotSummary(result));
});
