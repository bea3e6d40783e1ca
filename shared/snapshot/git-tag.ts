/**
 * The annotated snapshot tag through git: created on the commit the images
 * were built from and pushed to a remote with the job's token. The token
 * travels as an HTTP header in git's environment configuration
 * (GIT_CONFIG_COUNT/KEY/VALUE, git ≥ 2.31), the way actions/checkout hands it
 * to git as `http.<server>/.extraheader` — never in argv (which any process
 * on the host can read in /proc and which our errors quote) and never written
 * to .git/config. The same key is first set empty, which clears a header
 * actions/checkout persisted, so git never sends two Authorization headers.
 */
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';

export interface GitAuth {
  token: string;
}

/** The environment that gives one git process the token for `remoteUrl` (nothing when no token). */
export function gitAuthEnv(remoteUrl: string, auth: GitAuth | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  if (!auth) return env;
  let origin: string;
  try {
    const u = new URL(remoteUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return env;
    origin = `${u.protocol}//${u.host}/`;
  } catch {
    return env; // a path or scp-like remote: not HTTP, the header does not apply
  }
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${auth.token}`).toString('base64')}`;
  const key = `http.${origin}.extraheader`;
  const n = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(n + 2),
    [`GIT_CONFIG_KEY_${n}`]: key,
    [`GIT_CONFIG_VALUE_${n}`]: '',
    [`GIT_CONFIG_KEY_${n + 1}`]: key,
    [`GIT_CONFIG_VALUE_${n + 1}`]: header,
  };
}

export async function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv, input?: string) {
  return (await run('git', args, { cwd, env, input })).stdout;
}

/** The commit to tag: the run's GITHUB_SHA when given (it must exist here), else HEAD (a detached HEAD included). */
export async function resolveCommit(cwd: string, sha: string | null): Promise<string> {
  const spec = sha ?? 'HEAD';
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${spec}^{commit}`])).trim();
  } catch (e) {
    throw new DataError(
      `${cwd}: cannot resolve the commit ${sha ? `GITHUB_SHA ${sha}` : 'HEAD'} (${(e as Error).message.split('\n').at(-1)}); run tag-snapshot in the checkout the images were built from`,
    );
  }
}

export async function remoteUrl(cwd: string, remote: string): Promise<string> {
  try {
    return (await git(cwd, ['remote', 'get-url', '--', remote])).trim();
  } catch {
    throw new DataError(`${cwd}: git has no remote '${remote}' (input 'remote'); add it or name another`);
  }
}

export interface TagState {
  /** The commit the tag points at (peeled), or null when it does not exist. */
  local: string | null;
  remote: string | null;
}

async function localTagCommit(cwd: string, name: string): Promise<string | null> {
  const r = await run('git', ['rev-parse', '-q', '--verify', `refs/tags/${name}^{commit}`], {
    cwd,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.trim() : null;
}

/** A remote, and the environment for git commands that talk to it (its URL decides where the token may go). */
interface RemoteAccess {
  name: string;
  env: Promise<NodeJS.ProcessEnv>;
}

/** The remote's URL is read once per access: one lookup serves the tag check and the push. */
function remoteAccess(cwd: string, remote: string | null, auth: GitAuth | null): RemoteAccess | null {
  if (remote === null) return null;
  const env = remoteUrl(cwd, remote).then((url) => gitAuthEnv(url, auth));
  // Settled where it is used; until then a rejection must not count as unhandled.
  env.catch(() => {});
  return { name: remote, env };
}

/** Where `name` points on the remote (ls-remote's peeled `^{}` line for an annotated tag), or null. */
async function remoteTagCommit(cwd: string, name: string, remote: RemoteAccess): Promise<string | null> {
  // The peeled line must be asked for by name: a pattern matches only the ref itself.
  const out = await git(
    cwd,
    ['ls-remote', '--tags', '--', remote.name, `refs/tags/${name}`, `refs/tags/${name}^{}`],
    await remote.env,
  );
  let direct: string | null = null;
  let peeled: string | null = null;
  for (const line of out.split('\n')) {
    const [sha, ref] = line.split('\t');
    if (ref === `refs/tags/${name}`) direct = sha!;
    if (ref === `refs/tags/${name}^{}`) peeled = sha!;
  }
  return peeled ?? direct;
}

/**
 * Where `name` points locally and on the remote. The two are asked at once: the remote's answer is a
 * network round trip on a runner, the local one needs none of it.
 */
async function stateOf(cwd: string, name: string, remote: RemoteAccess | null): Promise<TagState> {
  const remoteCommit = remote === null ? Promise.resolve(null) : remoteTagCommit(cwd, name, remote);
  // Settled below; until then a rejection must not count as unhandled.
  remoteCommit.catch(() => {});
  const local = await localTagCommit(cwd, name);
  return { local, remote: await remoteCommit };
}

/** Where `name` points locally and on `remote` (null: not asked). */
export function tagState(
  cwd: string,
  name: string,
  remote: string | null,
  auth: GitAuth | null,
): Promise<TagState> {
  return stateOf(cwd, name, remoteAccess(cwd, remote, auth));
}

export interface TagIdentity {
  name: string;
  email: string;
  /** Seconds since the epoch: the tag object's date, so a rerun writes the same object. */
  epoch: number;
}

export const ACTIONS_BOT: Omit<TagIdentity, 'epoch'> = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

export interface GitTagRequest {
  cwd: string;
  name: string;
  commit: string;
  message: string;
  tagger: TagIdentity;
  /** null: create the tag locally only. */
  remote: string | null;
  auth: GitAuth | null;
  /**
   * When the tag is already on the commit: what its message (null for a lightweight tag) records
   * differently from this run's, or null when it is the same snapshot. Not given: any message is accepted.
   */
  recordDifference?: (existing: string | null) => string | null;
}

export interface GitTagResult {
  /** created: made now; reused: already on this commit. */
  action: 'created' | 'reused';
  pushed: boolean;
}

/** A tag on the right commit that records another snapshot: the release would contradict it. */
function recordsAnother(name: string, commit: string, difference: string): DataError {
  return new DataError(
    `tag ${name} is already on commit ${commit} but records another snapshot (${difference}): a snapshot tag names one set of bytes, and the release would contradict it; name this snapshot another tag (input 'tag'), or delete the tag deliberately`,
  );
}

function pointsElsewhere(name: string, where: string, commit: string, other: string): DataError {
  return new DataError(
    `tag ${name} already exists ${where} and points at commit ${other}, not at ${commit}: a snapshot tag names one commit's images; refusing to move it (delete the tag deliberately, or change what names the snapshot)`,
  );
}

/** The message of the annotated tag `ref` names (a signature block dropped), or null for a lightweight tag. */
async function tagMessageAt(cwd: string, ref: string): Promise<string | null> {
  if ((await git(cwd, ['cat-file', '-t', ref])).trim() !== 'tag') return null;
  const raw = await git(cwd, ['cat-file', 'tag', ref]);
  const body = raw.slice(raw.indexOf('\n\n') + 2);
  const signature = body.search(/^-----BEGIN (PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----/m);
  return signature >= 0 ? body.slice(0, signature) : body;
}

/**
 * A tag already on the commit must record the same snapshot (when the request says what that is): the one
 * check for the clone's tag, the remote's and GitHub's (api-tag.ts, and the release's in pipeline.ts).
 */
export function checkRecord(
  req: Pick<GitTagRequest, 'name' | 'commit' | 'recordDifference'>,
  existing: string | null,
): void {
  const difference = req.recordDifference?.(existing);
  if (difference) throw recordsAnother(req.name, req.commit, difference);
}

/**
 * Creates and pushes the annotated tag, or accepts it when it is already on
 * this commit (a rerun) recording the same snapshot. Refuses, before writing
 * anything, when the name is taken by another commit locally or on the
 * remote, or by a tag on this commit that records other bytes.
 */
export async function createGitTag(req: GitTagRequest): Promise<GitTagResult> {
  const remote = remoteAccess(req.cwd, req.remote, req.auth);
  const state = await stateOf(req.cwd, req.name, remote);
  if (state.remote && state.remote !== req.commit)
    throw pointsElsewhere(req.name, `on remote '${req.remote}'`, req.commit, state.remote);
  if (state.local && state.local !== req.commit)
    throw pointsElsewhere(req.name, 'in this clone', req.commit, state.local);
  if (!state.local && state.remote === req.commit) {
    // Only on the remote (a fresh clone on another runner): the remote's own tag object is checked and
    // copied into the clone, so both name the same object.
    // Fetched into a ref of the action's own (FETCH_HEAD may be stale, or not written at all), then removed.
    const scratch = `refs/tag-snapshot/${req.name}`;
    await git(
      req.cwd,
      [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--',
        remote!.name,
        `+refs/tags/${req.name}:${scratch}`,
      ],
      await remote!.env,
    );
    try {
      const fetched = (await git(req.cwd, ['rev-parse', '--verify', scratch])).trim();
      checkRecord(req, await tagMessageAt(req.cwd, fetched));
      await git(req.cwd, ['update-ref', `refs/tags/${req.name}`, fetched]);
    } finally {
      await git(req.cwd, ['update-ref', '-d', scratch]).catch(() => undefined);
    }
    return { action: 'reused', pushed: false };
  }
  if (state.local) checkRecord(req, await tagMessageAt(req.cwd, `refs/tags/${req.name}`));
  let action: GitTagResult['action'] = 'reused';
  if (!state.local) {
    const date = `@${req.tagger.epoch} +0000`;
    await git(
      req.cwd,
      ['tag', '--annotate', '--no-sign', '--file=-', '--', req.name, req.commit],
      {
        ...process.env,
        GIT_COMMITTER_NAME: req.tagger.name,
        GIT_COMMITTER_EMAIL: req.tagger.email,
        GIT_COMMITTER_DATE: date,
      },
      req.message,
    );
    action = 'created';
  }
  if (remote === null || state.remote === req.commit) return { action, pushed: false };
  const push = await run(
    'git',
    ['push', '--porcelain', '--', remote.name, `refs/tags/${req.name}:refs/tags/${req.name}`],
    { cwd: req.cwd, env: await remote.env, okCodes: [1, 128] },
  );
  if (push.code !== 0) {
    // Nothing half-published: a tag made by this run and not pushed is removed again.
    if (action === 'created') await git(req.cwd, ['tag', '--delete', '--', req.name]).catch(() => undefined);
    // --porcelain puts the remote's reason (e.g. "[remote rejected] … (permission denied)") on stdout.
    const reason = `${push.stdout}\n${push.stderr}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && l !== 'Done' && !l.startsWith('To '))
      .slice(-6)
      .join('; ');
    throw new DataError(
      `pushing tag ${req.name} to remote '${req.remote}' failed (git exit ${push.code}): ${reason}; check that the token (input 'token') may write contents and that the remote has commit ${req.commit}`,
    );
  }
  return { action: state.local ? 'reused' : 'created', pushed: true };
}
