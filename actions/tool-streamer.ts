/**
 * The runner side of shared/exec-stream.ts: long tools start through
 * @actions/exec (argument arrays, no shell) and their lines land in the step
 * log through the workflow commands (workflow-commands.ts), inside a
 * collapsible group.
 */
import * as core from './workflow-commands.ts';
import * as exec from '@actions/exec';
import type { ToolStreamer } from '../shared/exec-stream.ts';

export const actionsToolStreamer: ToolStreamer = {
  exec: (path, args, o) =>
    exec.exec(path, args, {
      cwd: o.cwd,
      env: o.env,
      // shared/exec-stream.ts logs each line itself (split at progress redraws, filtered); exec's own
      // echo of the raw bytes would print everything twice.
      silent: true,
      // A failure becomes a ToolError with the tool's own output, not exec's "failed with exit code".
      ignoreReturnCode: true,
      listeners: { stdout: o.stdout, stderr: o.stderr },
    }),
  info: (line) => core.info(line),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
};
