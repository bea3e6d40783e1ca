/**
 * Facts about a source checkout, read from git in this one module: the
 * commit, its ref and committer time, `git describe`. What the run says (the
 * RunContext's sha and ref, from the runner) is preferred where both know a
 * value; git is the fallback for a local run. Each reader gives null when git
 * cannot tell (no git, not a checkout, no commits): a record never invents a
 * value, and the caller decides whether null is an error.
 */
import { run } from './exec.ts';
import type { RunContext } from './run-context.ts';

/** git's first line of output in `cwd`, or null when git fails or prints nothing. */
async function gitLine(cwd: string, args: string[]): Promise<string | null> {
  try {
    return (await run('git', args, { cwd })).stdout.split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}

/** The commit `rev` (default HEAD) names in the checkout at `cwd`. */
export function gitCommit(cwd: string, rev = 'HEAD'): Promise<string | null> {
  return gitLine(cwd, ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`]);
}

/** The branch HEAD is on (refs/heads/…), null for a detached HEAD. */
export function gitSymbolicRef(cwd: string): Promise<string | null> {
  return gitLine(cwd, ['symbolic-ref', '-q', 'HEAD']);
}

/** The committer time (Unix seconds) of `rev` (default HEAD); present even in a depth-1 clone. */
export async function gitCommitTime(cwd: string, rev = 'HEAD'): Promise<number | null> {
  const line = await gitLine(cwd, ['log', '-1', '--format=%ct', '--end-of-options', rev, '--']);
  return line && /^\d+$/.test(line) ? Number(line) : null;
}

/** `git describe --tags --always --dirty`: the nearest tag, else the abbreviated commit. */
export function gitDescribe(cwd: string): Promise<string | null> {
  return gitLine(cwd, ['describe', '--tags', '--always', '--dirty']);
}

export interface SourceFacts {
  sha: string | null;
  ref: string | null;
  repository: string | null;
}

/** The commit a build records: the run's sha and ref when it has them, git's otherwise. */
export async function sourceFacts(
  cwd: string,
  ctx: Pick<RunContext, 'sha' | 'ref' | 'repository'>,
): Promise<SourceFacts> {
  const [sha, ref] = await Promise.all([ctx.sha ?? gitCommit(cwd), ctx.ref ?? gitSymbolicRef(cwd)]);
  return { sha, ref, repository: ctx.repository };
}
