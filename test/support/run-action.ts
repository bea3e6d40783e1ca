/**
 * Runs an action's entry (main or post, from source or from its dist bundle)
 * as the runner does. The runner emulation lives in scripts/lib/action-runner.ts,
 * shared with the local pipeline (npm run pipeline), so the tests and the
 * pipeline drive the actions the same way; every action test goes through here.
 */
export {
  parseOutputFile,
  readActionManifest,
  runActionMain,
  startAction,
  type ActionManifest,
  type ActionRun,
  type ActionRunOptions,
  type StartedAction,
} from '../../scripts/lib/action-runner.ts';
