/** Facts about the source checkout, for provenance and reproducible defaults. */
import { run } from './exec.ts';

export interface SourceFacts {
  sha: string | null;
  ref: string | null;
  repository: string | null;
  commitTime: number | null;
}

/** Reads the commit, preferring the runner's variables (GITHUB_SHA…) and falling back to git. */
export async function sourceFacts(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<SourceFacts> {
  const git = async (args: string[]) => {
    try {
      return (await run('git', args, { cwd })).stdout.trim() || null;
    } catch {
      return null;
    }
  };
  const sha = env.GITHUB_SHA || (await git(['rev-parse', 'HEAD']));
  const commitTime = await git(['log', '-1', '--format=%ct']);
  return {
    sha,
    ref: env.GITHUB_REF || (await git(['symbolic-ref', '-q', 'HEAD'])),
    repository: env.GITHUB_REPOSITORY || null,
    commitTime: commitTime ? Number(commitTime) : null,
  };
}
