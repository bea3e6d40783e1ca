/**
 * Where and with what the builder was built: git describe/commit/ref, the
 * GitHub run, rustc and cargo versions. Each comes from the runner's
 * environment when GitHub provides it, from git or the toolchain otherwise,
 * and is null when neither knows (a record never invents a value).
 */
import { run } from '../exec.ts';

export interface BuildContext {
  gitCommit: string | null;
  gitRef: string | null;
  githubRunId: string | null;
  rustVersion: string | null;
  cargoVersion: string | null;
}

async function firstLine(cmd: string, args: string[], cwd: string): Promise<string | null> {
  try {
    const r = await run(cmd, args, { cwd });
    return r.stdout.split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}

export async function gitDescribe(cwd: string): Promise<string | null> {
  return firstLine('git', ['describe', '--tags', '--always', '--dirty'], cwd);
}

/**
 * The version outside a git checkout (a workflow that downloaded the sources
 * as an artifact, a container job without .git): what the runner says — the
 * tag for a tag push (`refs/tags/v1.2.3` → `v1.2.3`), else the commit
 * abbreviated as `git describe --always` would (7 hex digits). Null when the
 * runner says nothing.
 */
export function versionFromRunner(env: NodeJS.ProcessEnv): string | null {
  const tag = /^refs\/tags\/(\S+)$/.exec(env.GITHUB_REF ?? '');
  if (tag) return tag[1]!;
  const sha = env.GITHUB_SHA ?? '';
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha.slice(0, 7) : null;
}

export async function readBuildContext(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BuildContext> {
  const [commit, ref, rustVersion, cargoVersion] = await Promise.all([
    env.GITHUB_SHA ? Promise.resolve(env.GITHUB_SHA) : firstLine('git', ['rev-parse', 'HEAD'], cwd),
    env.GITHUB_REF ? Promise.resolve(env.GITHUB_REF) : firstLine('git', ['symbolic-ref', '-q', 'HEAD'], cwd),
    firstLine('rustc', ['--version'], cwd),
    firstLine('cargo', ['--version'], cwd),
  ]);
  return {
    gitCommit: commit,
    gitRef: ref,
    githubRunId: env.GITHUB_RUN_ID || null,
    rustVersion,
    cargoVersion,
  };
}

/** The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now; whole seconds. */
export function buildTimestamp(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  const ms = epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : now.getTime();
  return new Date(Math.floor(ms / 1000) * 1000);
}
