/**
 * Keeps the serial console logs of boots as workflow artifacts, so the
 * evidence of a failed boot (boot-verify) or provisioning (build-variant)
 * outlives the runner that produced it. The `upload-console` input chooses
 * when: on-failure (default), always, or never.
 *
 * Uploads go through @actions/artifact, imported only when the results
 * service is there (the runner sets ACTIONS_RUNTIME_TOKEN and
 * ACTIONS_RESULTS_URL); anywhere else nothing is attempted. An upload that
 * fails is reported and returned, never thrown: the boot's own failure is
 * what fails the step.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseEnum } from './inputs.ts';
import { resultsServiceAvailable } from './actions-cache.ts';
import type { RunContext } from './run-context.ts';

export const UPLOAD_CONSOLE_INPUT = 'upload-console';
export const UPLOAD_CONSOLE_MODES = ['on-failure', 'always', 'never'] as const;
export type UploadConsoleMode = (typeof UPLOAD_CONSOLE_MODES)[number];

/**
 * Long enough to investigate a failure after a weekend, short enough that
 * logs of every failed attempt do not pile up in the repository's storage
 * quota (GitHub's default is 90 days; a repository's lower maximum wins).
 */
export const CONSOLE_RETENTION_DAYS = 14;

/** The `upload-console` input: on-failure when empty, else one of the modes, or an InputError naming them. */
export function parseUploadConsole(raw: string): UploadConsoleMode {
  return parseEnum(UPLOAD_CONSOLE_INPUT, raw, UPLOAD_CONSOLE_MODES, 'on-failure');
}

/** One boot's console log. */
export interface ConsoleLog {
  /** What booted: the image's report name or the variant; goes into the artifact name. */
  subject: string;
  /** The log file. */
  path: string;
  /** The boot (or provisioning) failed. */
  failed: boolean;
}

/** Where the artifacts would go: the run, as the action layer knows it. */
export interface ArtifactSite {
  /** The results service is reachable (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are set). */
  available: boolean;
  /** The job's id in the workflow (RunContext.job). */
  job: string | null;
  runAttempt: string | null;
  runId: string | null;
  repository: string | null;
  serverUrl: string;
}

/** `env`: where the runner says how to reach its results service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL). */
export function artifactSite(run: RunContext, env: NodeJS.ProcessEnv = process.env): ArtifactSite {
  return {
    available: resultsServiceAvailable(env),
    job: run.job ?? null,
    runAttempt: run.runAttempt,
    runId: run.runId,
    repository: run.repository,
    serverUrl: run.serverUrl,
  };
}

export interface UploadedConsole {
  subject: string;
  path: string;
  name: string;
  id: number | undefined;
  size: number | undefined;
  /** The artifact's page on GitHub, when the run is known. */
  url: string | null;
}

export interface FailedConsoleUpload {
  subject: string;
  path: string;
  name: string;
  reason: string;
}

export interface ConsoleUploads {
  uploaded: UploadedConsole[];
  failed: FailedConsoleUpload[];
}

/** The run's artifacts, as far as this module uses @actions/artifact's client (a test may pass its own). */
export interface ArtifactStore {
  /** Names of the artifacts the run already holds. */
  names(): Promise<Set<string>>;
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: { retentionDays: number },
  ): Promise<{ id?: number; size?: number }>;
}

export interface UploadConsoleOptions {
  /** The action uploading: first part of every artifact name. */
  action: string;
  mode: UploadConsoleMode;
  site: ArtifactSite;
  info: (message: string) => void;
  warning: (message: string) => void;
  /** Default: @actions/artifact's client, imported on first use. */
  store?: ArtifactStore;
}

/** Which logs a mode keeps. */
export function selectConsoleLogs(mode: UploadConsoleMode, logs: readonly ConsoleLog[]): ConsoleLog[] {
  if (mode === 'never') return [];
  return mode === 'always' ? [...logs] : logs.filter((l) => l.failed);
}

/**
 * Characters @actions/artifact refuses in an artifact name (NTFS's, plus
 * path separators); whitespace and control characters go too, so a name can
 * be typed into `gh run download -n`.
 */
const UNSAFE_NAME = /[":<>|*?\\/\s\p{Cc}]+/gu;
/** The same for a file inside the zip, where only the separators are allowed. */
const UNSAFE_FILE = /[":<>|*?\\/\p{Cc}]+/gu;

function safePart(s: string, max: number): string {
  const safe = s.replace(UNSAFE_NAME, '-').replace(/^-+|-+$/g, '');
  return safe.slice(0, max) || 'unnamed';
}

/**
 * `<action>-console-<subject>[-<job>][-attempt<n>]`: artifact names must be
 * unique within a run, and the same action may run in several jobs and be
 * re-run. A name still taken (a matrix of one job, a second step) gets a
 * number: see freeName.
 */
export function consoleArtifactName(action: string, subject: string, site: ArtifactSite): string {
  let name = `${safePart(action, 40)}-console-${safePart(subject, 80)}`;
  if (site.job) name += `-${safePart(site.job, 60)}`;
  if (site.runAttempt) name += `-attempt${safePart(site.runAttempt, 10)}`;
  return name;
}

/**
 * The first of name, name-2, name-3, … the run does not hold. Asked before
 * uploading because the library turns a refused name into a warning telling
 * the user to try again, which a matrix of one job would print every time.
 */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}-${n}`)) return `${name}-${n}`;
}

function artifactUrl(site: ArtifactSite, id: number | undefined): string | null {
  if (id === undefined || !site.repository || !site.runId) return null;
  return `${site.serverUrl}/${site.repository}/actions/runs/${site.runId}/artifacts/${id}`;
}

/** The runner's results service answers a taken name with 409 Conflict; the library puts it in its message. */
const NAME_TAKEN = /\(409\)/;

async function defaultStore(): Promise<ArtifactStore> {
  // Imported on Actions only: the library and its Azure SDK load nowhere else.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  return {
    names: async () => new Set((await client.listArtifacts()).artifacts.map((a) => a.name)),
    upload: (name, files, root, options) => client.uploadArtifact(name, files, root, options),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function uploadOne(
  log: ConsoleLog,
  store: ArtifactStore,
  taken: Set<string>,
  o: UploadConsoleOptions,
): Promise<UploadedConsole | FailedConsoleUpload> {
  const wanted = consoleArtifactName(o.action, log.subject, o.site);
  let name = freeName(wanted, taken);
  if (name !== wanted)
    o.info(`${UPLOAD_CONSOLE_INPUT}: the run already has an artifact ${wanted}; uploading as ${name}`);
  // The zip holds the log under its own name, unless that has characters the library refuses in a file.
  const entry = basename(log.path).replace(UNSAFE_FILE, '-');
  const staging =
    entry === basename(log.path) ? undefined : await mkdtemp(join(tmpdir(), 'console-artifact-'));
  try {
    const file = staging ? join(staging, entry) : log.path;
    if (staging) await copyFile(log.path, file);
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await store.upload(name, [file], dirname(file), { retentionDays: CONSOLE_RETENTION_DAYS });
        taken.add(name);
        const url = artifactUrl(o.site, r.id);
        return { subject: log.subject, path: log.path, name, id: r.id, size: r.size, url };
      } catch (e) {
        const reason = message(e);
        if (attempt > 0 || !NAME_TAKEN.test(reason))
          return { subject: log.subject, path: log.path, name, reason };
        // Taken since the listing: another job of the run uploaded it meanwhile.
        const lost = name;
        name = `${lost}-${randomBytes(3).toString('hex')}`;
        o.info(
          `${UPLOAD_CONSOLE_INPUT}: the artifact name ${lost} was taken meanwhile; uploading as ${name}`,
        );
      }
    }
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Uploads the logs `mode` selects, one artifact per log. Never throws: a
 * log that cannot be uploaded is a warning naming the log, the artifact and
 * why, and the log stays where it is.
 */
export async function uploadConsoleLogs(
  logs: readonly ConsoleLog[],
  o: UploadConsoleOptions,
): Promise<ConsoleUploads> {
  const out: ConsoleUploads = { uploaded: [], failed: [] };
  const selected = selectConsoleLogs(o.mode, logs);
  // Off Actions there is nowhere to upload to; the logs are on this machine already.
  if (selected.length === 0 || !o.site.available) return out;
  let store = o.store;
  let taken: Set<string> | undefined;
  for (const log of selected) {
    let result: UploadedConsole | FailedConsoleUpload;
    const failure = (reason: string): FailedConsoleUpload => ({
      subject: log.subject,
      path: log.path,
      name: consoleArtifactName(o.action, log.subject, o.site),
      reason,
    });
    if (!(await isFile(log.path))) {
      result = failure('the console log was not written (the boot did not start)');
    } else {
      try {
        store ??= await defaultStore();
        // A listing that fails leaves a taken name to the service's 409.
        taken ??= await store.names().catch(() => new Set<string>());
        result = await uploadOne(log, store, taken, o);
      } catch (e) {
        result = failure(message(e));
      }
    }
    if ('reason' in result) {
      out.failed.push(result);
      o.warning(
        `${UPLOAD_CONSOLE_INPUT}: the console log of ${result.subject} was not uploaded as artifact ${result.name}: ` +
          `${result.reason}. It stays at ${result.path} on the runner.`,
      );
    } else {
      out.uploaded.push(result);
      o.info(
        `${result.subject}: console log uploaded as artifact ${result.name}` +
          (result.id !== undefined ? ` (id ${result.id})` : '') +
          (result.url ? `: ${result.url}` : '') +
          ` (kept ${CONSOLE_RETENTION_DAYS} days)`,
      );
    }
  }
  return out;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** The job summary's section naming each uploaded console artifact; empty when nothing was uploaded. */
export function renderConsoleArtifacts(uploads: ConsoleUploads): string {
  if (uploads.uploaded.length === 0 && uploads.failed.length === 0) return '';
  const lines = ['### Console logs', '', '| Boot | Artifact | ID |', '| --- | --- | --- |'];
  for (const u of uploads.uploaded) {
    const name = u.url ? `[\`${u.name}\`](${u.url})` : `\`${u.name}\``;
    lines.push(`| ${cell(u.subject)} | ${name} | ${u.id ?? ''} |`);
  }
  for (const f of uploads.failed) lines.push(`| ${cell(f.subject)} | not uploaded: ${cell(f.reason)} | |`);
  lines.push(
    '',
    `Artifacts are kept ${CONSOLE_RETENTION_DAYS} days (or the repository's shorter maximum).`,
    '',
  );
  return lines.join('\n');
}
