/**
 * The time a build is dated with (SOURCE_DATE_EPOCH, reproducible-builds.org),
 * resolved the same way by every action: the action's input when it has one,
 * else SOURCE_DATE_EPOCH from the job's environment (carried in the
 * RunContext), else the committer time of the checkout's commit. When none
 * of them gives a time the caller chose what happens: an error, or the wall
 * clock — returned with origin 'wall clock' so the step reports it and the
 * record says so. Nothing here falls back to the clock unasked.
 */
import { InputError } from './errors.ts';
import { gitCommitTime } from './git.ts';
import type { RunContext } from './run-context.ts';

/** 9999-12-31T23:59:59Z: the last second an ISO 8601 year of four digits can name. */
export const MAX_EPOCH = 253402300799;

export type SourceDateOrigin = 'input' | 'SOURCE_DATE_EPOCH' | 'commit time' | 'wall clock';

export interface SourceDate {
  /** Whole seconds since 1970-01-01 UTC. */
  epoch: number;
  origin: SourceDateOrigin;
  /** Where it came from, for a log line or a summary. */
  description: string;
}

/** The name an error gives SOURCE_DATE_EPOCH taken from the environment. */
export const ENVIRONMENT_NAME = 'SOURCE_DATE_EPOCH (environment)';

/** Whole seconds since the epoch, or an InputError naming `name` (an input, or the environment variable). */
export function parseSourceDateEpoch(name: string, raw: string): number {
  const v = raw.trim();
  const n = Number(v);
  if (!/^\d{1,12}$/.test(v) || n > MAX_EPOCH)
    throw new InputError(
      name,
      `'${raw}' is not a Unix time`,
      'whole seconds since 1970-01-01 UTC up to 9999-12-31, e.g. 1735689600 or $(git log -1 --format=%ct)',
    );
  return n;
}

/** An action input that sets the date (build-base's and tag-snapshot's `source-date-epoch`). */
export interface SourceDateInput {
  name: string;
  value: string;
}

/**
 * The date given explicitly — the input, else SOURCE_DATE_EPOCH — parsed;
 * null when neither is set. Synchronous, so input validation can reject a
 * malformed value before any work starts.
 */
export function givenSourceDate(
  ctx: Pick<RunContext, 'sourceDateEpoch'>,
  input?: SourceDateInput,
): SourceDate | null {
  if (input?.value.trim())
    return {
      epoch: parseSourceDateEpoch(input.name, input.value),
      origin: 'input',
      description: `input '${input.name}'`,
    };
  const env = ctx.sourceDateEpoch?.trim();
  if (env)
    return {
      epoch: parseSourceDateEpoch(ENVIRONMENT_NAME, env),
      origin: 'SOURCE_DATE_EPOCH',
      description: 'SOURCE_DATE_EPOCH',
    };
  return null;
}

export interface SourceDateRequest {
  ctx: Pick<RunContext, 'sourceDateEpoch'>;
  input?: SourceDateInput;
  /** The checkout whose commit dates the build; null: there is none to ask. */
  checkout: string | null;
  /** The commit in it (default HEAD). */
  commit?: string;
  /**
   * No input, no SOURCE_DATE_EPOCH, no commit: 'error' throws an InputError
   * naming the input (or SOURCE_DATE_EPOCH); 'wall clock' returns the
   * current second with origin 'wall clock', for the caller to report.
   */
  otherwise: 'error' | 'wall clock';
  /** The clock, in milliseconds (tests pass a fixed one). */
  now?: () => number;
}

/** The committer time of `rev` (default HEAD) in `checkout`; null when git cannot tell (no git, no commit). */
export async function commitSourceDate(checkout: string, rev = 'HEAD'): Promise<SourceDate | null> {
  const epoch = await gitCommitTime(checkout, rev);
  if (epoch === null) return null;
  const name = /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 12) : rev;
  return { epoch, origin: 'commit time', description: `the committer time of ${name} in ${checkout}` };
}

export async function resolveSourceDate(req: SourceDateRequest): Promise<SourceDate> {
  const given = givenSourceDate(req.ctx, req.input);
  if (given) return given;
  const committed = req.checkout === null ? null : await commitSourceDate(req.checkout, req.commit);
  if (committed) return committed;
  const where = req.checkout === null ? 'no checkout' : `no git commit in ${req.checkout}`;
  if (req.otherwise === 'error')
    throw new InputError(
      req.input?.name ?? 'SOURCE_DATE_EPOCH',
      `is not set and there is ${where} to take the date from`,
      'seconds since 1970-01-01 UTC, e.g. $(git log -1 --format=%ct)',
    );
  const now = Math.floor((req.now ?? Date.now)() / 1000);
  return {
    epoch: now,
    origin: 'wall clock',
    description: `the wall clock: SOURCE_DATE_EPOCH is not set and there is ${where}, so the date is not reproducible`,
  };
}
