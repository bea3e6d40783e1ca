/**
 * Whether this run signs, as a pure function of the event (seed 001, seed
 * 000's trigger table): pull requests build and scan but never sign or push —
 * forks included, and pull_request_target too, which runs with the base
 * repository's secrets on a contributor's code; push to the default branch,
 * `v*.*.*` and `image-*` tags, schedule and manual dispatch sign. Anything
 * else (another branch, another tag, an event this table does not know, a
 * run outside Actions) does not sign unless the `sign` input says so.
 */

export type SignOverride = 'auto' | 'always' | 'never';

export interface TriggerEvent {
  eventName: string | null;
  ref: string | null;
  /** The branch whose pushes sign (seed 001: main). */
  defaultBranch: string;
}

export interface SigningDecision {
  sign: boolean;
  /** One line for the log and the job summary. */
  reason: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);
/** v1.2.3, v1.2.3-rc.1, v1.2.3+build: the `v*.*.*` of seed 001, with numeric parts. */
const RELEASE_TAG = /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;

export function decideSigning(event: TriggerEvent, override: SignOverride = 'auto'): SigningDecision {
  if (override === 'always') return { sign: true, reason: "signing forced by the input sign: 'always'" };
  if (override === 'never') return { sign: false, reason: "signing turned off by the input sign: 'never'" };
  const { eventName, ref } = event;
  if (!eventName) return { sign: false, reason: 'not signed: no GitHub event (not running in Actions)' };
  if (PULL_REQUEST_EVENTS.has(eventName))
    return { sign: false, reason: `not signed: ${eventName} builds are never signed or pushed` };
  if (eventName === 'schedule') return { sign: true, reason: 'signed: scheduled build' };
  if (eventName === 'workflow_dispatch') return { sign: true, reason: 'signed: manual dispatch' };
  if (eventName === 'push') {
    if (ref === `refs/heads/${event.defaultBranch}`)
      return { sign: true, reason: `signed: push to ${event.defaultBranch}` };
    const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : null;
    if (tag !== null && RELEASE_TAG.test(tag)) return { sign: true, reason: `signed: release tag ${tag}` };
    if (tag !== null && tag.startsWith('image-') && tag.length > 'image-'.length)
      return { sign: true, reason: `signed: image tag ${tag}` };
    return {
      sign: false,
      reason: `not signed: push to ${ref ?? 'an unknown ref'} (only ${event.defaultBranch}, v*.*.* and image-* tags sign)`,
    };
  }
  return { sign: false, reason: `not signed: the event ${eventName} does not sign by policy` };
}
