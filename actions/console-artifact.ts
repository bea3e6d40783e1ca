/**
 * The action layer of shared/console-artifact.ts: the run's facts in, the
 * step log and job summary out. Shared by boot-verify and build-variant.
 */
import {
  artifactSite,
  renderConsoleArtifacts,
  selectConsoleLogs,
  uploadConsoleLogs,
  type ConsoleLog,
  type UploadConsoleMode,
} from '../shared/console-artifact.ts';
import { readRunContext } from './run-context.ts';
import { core, writeSummary } from './runner.ts';

/**
 * Uploads the console logs `mode` selects as artifacts and names them in the
 * job summary. Never throws: it runs on the way to a step's failure, and
 * that failure, not a problem keeping its evidence, is what the step reports.
 */
export async function keepConsoleLogs(
  action: string,
  logs: readonly ConsoleLog[],
  mode: UploadConsoleMode,
): Promise<void> {
  if (selectConsoleLogs(mode, logs).length === 0) return;
  try {
    const site = artifactSite(await readRunContext(), process.env);
    const uploads = await uploadConsoleLogs(logs, {
      action,
      mode,
      site,
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
    });
    const summary = renderConsoleArtifacts(uploads);
    if (summary) await writeSummary(summary);
  } catch (e) {
    core.warning(`upload-console: the console logs were not uploaded: ${(e as Error).message}`);
  }
}
