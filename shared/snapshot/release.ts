/**
 * The GitHub release of a snapshot tag, carrying the bundle, its .sha256, the
 * image provenance documents and the attestation bundles. Documented calls
 * only (https://docs.github.com/en/rest/releases): get by tag, create, list
 * assets, delete an asset, and upload to the release's `upload_url` (on
 * uploads.github.com, as the docs say; GHES gives its own). A rerun skips an
 * asset of the same name and sha256 (the asset's `digest`, else its bytes
 * downloaded and hashed); an asset of the same name with other bytes is
 * refused unless `replace` — and every conflict is found before the first
 * upload, so a refused run publishes nothing.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import { httpStatus, type GitHubClient, type RepoRef } from './github-api.ts';

export interface ReleaseAssetFile {
  path: string;
  /** Asset name: the file's base name. */
  name: string;
  contentType: string;
}

export interface ReleaseRequest {
  repo: RepoRef;
  tag: string;
  commit: string;
  /**
   * The release's text: given null, the text of a new release; given a reused release's text (read again after
   * this run's uploads, so runs of other trees finishing meanwhile are kept), the text to replace it with, or
   * null to leave it.
   */
  body(existing: string | null): string | null;
  assets: ReleaseAssetFile[];
  replace: boolean;
}

export interface AssetOutcome {
  name: string;
  sha256: string;
  action: 'uploaded' | 'skipped' | 'replaced';
  url: string;
}

export interface ReleaseResult {
  id: number;
  url: string;
  action: 'created' | 'reused';
  assets: AssetOutcome[];
}

interface RemoteAsset {
  id: number;
  name: string;
  digest?: string | null;
  browser_download_url: string;
}

export function contentTypeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.sha256')) return 'text/plain';
  if (name.endsWith('.gz')) return 'application/gzip';
  if (name.endsWith('.zst')) return 'application/zstd';
  if (name.endsWith('.tar')) return 'application/x-tar';
  return 'application/octet-stream';
}

/** A file as a release asset, under its own name unless `name` is given. */
export function assetFile(path: string, name = basename(path)): ReleaseAssetFile {
  return { path, name, contentType: contentTypeOf(name) };
}

async function findRelease(gh: GitHubClient, repo: RepoRef, tag: string) {
  try {
    return (await gh.rest.repos.getReleaseByTag({ ...repo, tag })).data;
  } catch (e) {
    if (httpStatus(e) === 404) return null;
    throw e;
  }
}

/** sha256 of an asset already on the release: its `digest` when GitHub gives one, else its bytes. */
async function remoteSha256(gh: GitHubClient, repo: RepoRef, asset: RemoteAsset): Promise<string> {
  if (asset.digest?.startsWith('sha256:')) return asset.digest.slice('sha256:'.length);
  const res = await gh.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    ...repo,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' },
  });
  return createHash('sha256')
    .update(Buffer.from(res.data as unknown as ArrayBuffer))
    .digest('hex');
}

export async function publishRelease(gh: GitHubClient, req: ReleaseRequest): Promise<ReleaseResult> {
  const names = new Map<string, string>();
  for (const a of req.assets) {
    const other = names.get(a.name);
    if (other) throw new DataError(`release assets ${other} and ${a.path} have the same name ${a.name}`);
    names.set(a.name, a.path);
  }
  const local = await Promise.all(
    req.assets.map(async (a) => ({
      ...a,
      sha256: await sha256File(a.path),
      size: (await stat(a.path)).size,
    })),
  );

  let release = await findRelease(gh, req.repo, req.tag);
  // Plan against what is there before anything is written.
  const remote: RemoteAsset[] = release
    ? await gh.paginate(gh.rest.repos.listReleaseAssets, {
        ...req.repo,
        release_id: release.id,
        per_page: 100,
      })
    : [];
  const plan: {
    file: (typeof local)[number];
    existing: RemoteAsset | null;
    action: AssetOutcome['action'];
  }[] = [];
  for (const file of local) {
    const existing = remote.find((r) => r.name === file.name) ?? null;
    if (!existing) {
      plan.push({ file, existing, action: 'uploaded' });
      continue;
    }
    const digest = await remoteSha256(gh, req.repo, existing);
    if (digest === file.sha256) plan.push({ file, existing, action: 'skipped' });
    else if (req.replace) plan.push({ file, existing, action: 'replaced' });
    else
      throw new DataError(
        `release ${req.tag} already has an asset ${file.name} with sha256 ${digest}, but ${file.path} has sha256 ${file.sha256}; refusing to replace it (set replace-assets: true to replace it deliberately)`,
      );
  }

  let action: ReleaseResult['action'] = 'reused';
  if (!release) {
    try {
      release = (
        await gh.rest.repos.createRelease({
          ...req.repo,
          tag_name: req.tag,
          target_commitish: req.commit,
          name: req.tag,
          body: req.body(null) ?? '',
          draft: false,
          prerelease: false,
        })
      ).data;
      action = 'created';
    } catch (e) {
      // Created by a concurrent run meanwhile (422 already_exists): use it.
      if (httpStatus(e) !== 422) throw e;
      release = await findRelease(gh, req.repo, req.tag);
      if (!release) throw e;
    }
  }

  const outcomes: AssetOutcome[] = [];
  for (const step of plan) {
    if (step.action === 'skipped') {
      outcomes.push({
        name: step.file.name,
        sha256: step.file.sha256,
        action: 'skipped',
        url: step.existing!.browser_download_url,
      });
      continue;
    }
    if (step.existing) await gh.rest.repos.deleteReleaseAsset({ ...req.repo, asset_id: step.existing.id });
    const uploaded = await gh.request({
      method: 'POST',
      url: release.upload_url,
      name: step.file.name,
      headers: { 'content-type': step.file.contentType, 'content-length': step.file.size },
      // Streamed from disk: a multi-GB bundle is never held in memory.
      data: createReadStream(step.file.path),
      request: { retries: 0 },
    });
    const asset = uploaded.data as RemoteAsset;
    outcomes.push({
      name: step.file.name,
      sha256: step.file.sha256,
      action: step.action,
      url: asset.browser_download_url,
    });
  }
  // The text last, once this tree's assets are all there, from the text as it is now: GitHub has no append,
  // so the window in which another tree's run could write in between is one read and one write.
  if (action === 'reused') {
    const current = (await findRelease(gh, req.repo, req.tag)) ?? release;
    const body = req.body(current.body ?? '');
    if (body !== null) await gh.rest.repos.updateRelease({ ...req.repo, release_id: release.id, body });
  }
  return { id: release.id, url: release.html_url, action, assets: outcomes };
}
