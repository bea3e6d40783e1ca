/**
 * The annotated snapshot tag through GitHub's Git database API, for runs that
 * push no git: a tag object, then the ref that names it
 * (https://docs.github.com/en/rest/git/tags#create-a-tag-object — "this only
 * creates the tag object, and not the reference"; then
 * https://docs.github.com/en/rest/git/refs#create-a-reference). An existing
 * ref is read first (GET git/ref/tags/{tag}) and peeled through its tag
 * object, so a rerun on the same commit succeeds and another commit's tag is
 * refused before anything is written.
 */
import { DataError } from '../errors.ts';
import type { TagIdentity } from './git-tag.ts';
import { httpStatus, type GitHubClient, type RepoRef } from './github-api.ts';

export interface ApiTagRequest {
  repo: RepoRef;
  name: string;
  commit: string;
  message: string;
  tagger: TagIdentity;
}

/** The commit an existing tag ref points at (through an annotated tag object), or null when there is none. */
export async function apiTagCommit(gh: GitHubClient, repo: RepoRef, name: string): Promise<string | null> {
  let ref;
  try {
    ref = (await gh.rest.git.getRef({ ...repo, ref: `tags/${name}` })).data;
  } catch (e) {
    if (httpStatus(e) === 404) return null;
    throw e;
  }
  let object = ref.object;
  // An annotated tag may point at another tag object: follow to the commit (bounded).
  for (let depth = 0; object.type === 'tag' && depth < 8; depth++)
    object = (await gh.rest.git.getTag({ ...repo, tag_sha: object.sha })).data.object;
  return object.type === 'commit' ? object.sha : null;
}

export async function createApiTag(gh: GitHubClient, req: ApiTagRequest): Promise<'created' | 'reused'> {
  const existing = await apiTagCommit(gh, req.repo, req.name);
  if (existing === req.commit) return 'reused';
  if (existing !== null || (await refExists(gh, req.repo, req.name)))
    throw new DataError(
      `tag ${req.name} already exists in ${req.repo.owner}/${req.repo.repo} and points at ${existing ?? 'something other than a commit'}, not at ${req.commit}: refusing to move a snapshot tag`,
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
    // Another run made the ref in between: accept it only when it names this commit.
    if (httpStatus(e) === 422 && (await apiTagCommit(gh, req.repo, req.name)) === req.commit) return 'reused';
    throw e;
  }
  return 'created';
}

async function refExists(gh: GitHubClient, repo: RepoRef, name: string): Promise<boolean> {
  try {
    await gh.rest.git.getRef({ ...repo, ref: `tags/${name}` });
    return true;
  } catch (e) {
    if (httpStatus(e) === 404) return false;
    throw e;
  }
}
