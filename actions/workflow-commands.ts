/**
 * The runner's workflow commands and environment files, as @actions/core
 * issues them, without @actions/core's entry module.
 *
 * core.js imports its OIDC client when it loads, and with it an HTTP client
 * (undici: about 1 MB of every bundle, compiled and run at every step's start)
 * that none of these actions asks for: their OIDC tokens and uploads go through
 * @actions/attest, @actions/cache and @actions/artifact, loaded only when a
 * step uses them. Leaving it out starts every step ~60 ms sooner (with
 * run-context.ts's Context, 0.23 → 0.16 s from launch to the first input read).
 *
 * The commands themselves are core's own: its command, file-command, utils
 * and summary modules, reached by path because the package exports only its
 * entry. Each function below is the wrapper core.js puts around them, with
 * the same names and behaviour, for the calls the actions make. An upgrade
 * that moves those modules fails the typecheck and the bundle, not a run.
 */
import { EOL } from 'node:os';
import { issue, issueCommand } from '../node_modules/@actions/core/lib/command.js';
import type { AnnotationProperties } from '../node_modules/@actions/core/lib/core.js';
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js';

export { summary } from '../node_modules/@actions/core/lib/summary.js';

/** An input as the runner passes it (INPUT_<NAME>), whitespace trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  // Where the runner names no file: the older command, on a line of its own.
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** State for this action's post step (it reads it back with getState). */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  issueCommand('save-state', { name }, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** Masks `secret` in every later line of the job's log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message);
}

export function startGroup(title: string): void {
  issue('group', title);
}

export function endGroup(): void {
  issue('endgroup');
}

/** Runs `fn` inside a collapsible group of the log. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  startGroup(title);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
