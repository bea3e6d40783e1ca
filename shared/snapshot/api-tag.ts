/**
 * The annotated snapshot tag through GitHub's Git database API, for runs that
 * push no git: a tag object, then the ref that names it
 * (https://docs.github.com/en/rest/git/tags#create-a-tag-object — "this only
 * creates the tag object, and not the reference"; then
 * https://docs.github.com/en/rest/git/refs#create-a-reference). An existing
 * ref is read first (GET git/ref/tags/{tag}) and peeled through its tag
 * object, so a rerun on the same commit succeeds (when the tag records the
 * same snapshot) and another commit's tag is refused before anything is
 * written.
 */
import { DataError } from '../errors.ts';
import { checkRecord, type TagIdentity } from './git-tag.ts';
import { httpStatus, type GitHubClient, type RepoRef } from './github-api.ts';

export interface ApiTagRequest {
  repo: RepoRef;
  name: string;
  commit: string;
  message: string;
  tagger: TagIdentity;
  /** As GitTagRequest.recordDifference: a tag already on the commit must record the same snapshot. */
  recordDifference?: (existing: string | null) => string | null;
}

export interface ExistingApiTag {
  /** The commit it names, or null when it names something else. */
  commit: string | null;
  /** The annotated tag's message, or null for a lightweight tag (a ref straight at the commit). */
  message: string | null;
}

/** An existing tag ref, peeled through its annotated tag object(s) to the commit; null when there is none. */
export async function apiTag(gh: GitHubClient, repo: RepoRef, name: string): Promise<ExistingApiTag | null> {
  let ref;
  try {
    ref = (await gh.rest.git.getRef({ ...repo, ref: `tags/${name}` })).data;
  } catch (e) {
    if (httpStatus(e) === 404) return null;
    throw e;
  }
  let object = ref.object;
  let message: string | null = null;
  // An annotated tag may point at another tag object: follow to the commit (bounded).
  for (let depth = 0; object.type === 'tag' && depth < 8; depth++) {
    const tag = (await gh.rest.git.getTag({ ...repo, tag_sha: object.sha })).data;
    message ??= tag.message;
    object = tag.object;
  }
  return { commit: object.type === 'commit' ? object.sha : null, message };
}

export async function createApiTag(gh: GitHubClient, req: ApiTagRequest): Promise<'created' | 'reused'> {
  const existing = await apiTag(gh, req.repo, req.name);
  if (existing?.commit === req.commit) {
    checkRecord(req, existing.message);
    return 'reused';
  }
  if (existing)
    throw new DataError(
      `tag ${req.name} already exists in ${req.repo.owner}/${req.repo.repo} and points at ${existing.commit ?? 'something other than a commit'}, not at ${req.commit}: refusing to move a snapshot tag`,
    );
  const tag = await gh.rest.git.createTag({
    ...req.repo,
    tag: req.name,
    message: req.message,
    object: req.commit,
    type: 'commit',
    tagger: {
      name: req.tagger.name,
      email: req.tagger.email,
      date: new Date(req.tagger.epoch * 1000).toISOString(),
    },
  });
  try {
    await gh.rest.git.createRef({ ...req.repo, ref: `refs/tags/${req.name}`, sha: tag.data.sha });
  } catch (e) {
    // Another run made the ref in between: accept it only when it names this commit and this snapshot.
    if (httpStatus(e) === 422) {
      const raced = await apiTag(gh, req.repo, req.name);
      if (raced?.commit === req.commit) {
        checkRecord(req, raced.message);
        return 'reused';
      }
    }
    throw e;
  }
  return 'created';
}
