/**
 * The run the attestation describes: shared/run-context.ts's RunContext,
 * built once in the action layer (actions/run-context.ts). Every module of
 * shared/attest gets it as a value, so the trigger policy, the statement and
 * the image provenance are pure functions of it. Re-exported here so
 * shared/attest's modules keep one local import.
 */
export { defaultBuilderId, invocationId, workflowPath, type RunContext } from '../run-context.ts';
