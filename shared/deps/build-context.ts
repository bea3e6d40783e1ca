/**
 * Where and with what the builder was built: the commit and ref (the run's,
 * else git's, through shared/git.ts), the GitHub run, rustc and cargo
 * versions. Null when nothing knows a value (a record never invents one).
 */
import { run } from '../exec.ts';
import { sourceFacts } from '../git.ts';
import type { RunContext } from '../run-context.ts';

export interface BuildContext {
  gitCommit: string | null;
  gitRef: string | null;
  githubRunId: string | null;
  rustVersion: string | null;
  cargoVersion: string | null;
}

async function toolLine(cmd: string, cwd: string): Promise<string | null> {
  try {
    return (await run(cmd, ['--version'], { cwd })).stdout.split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}

export async function readBuildContext(cwd: string, ctx: RunContext): Promise<BuildContext> {
  const [source, rustVersion, cargoVersion] = await Promise.all([
    sourceFacts(cwd, ctx),
    toolLine('rustc', cwd),
    toolLine('cargo', cwd),
  ]);
  return { gitCommit: source.sha, gitRef: source.ref, githubRunId: ctx.runId, rustVersion, cargoVersion };
}
