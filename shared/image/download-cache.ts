/**
 * build-base's downloads kept in the Actions cache between runs: one
 * directory per kind of download (the Alpine minirootfs and packages, the
 * Debian/Ubuntu .debs, the systemd-boot package), restored before the build
 * and saved after it under a key naming everything that changes its bytes.
 *
 * Nothing restored is trusted: every consumer checks a restored file exactly
 * as it checks a download (the pinned or published SHA-256, apk's index
 * checksum, apt's signed Packages hashes), and a file that fails is fetched
 * again. Cache trouble is a warning, never a failed build. Off (no service,
 * or `cache: false`), nothing here runs and the build downloads as before.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  actionsCacheAvailable,
  restoreActionsCache,
  saveActionsCache,
  type CacheLog,
} from '../actions-cache.ts';
import { sha256 } from '../hash.ts';

/** Bumped when the layout of a cached directory changes: older entries are then never restored. */
export const CACHE_KEY_VERSION = 'v1';
const PREFIX = `infrasim-build-base-${CACHE_KEY_VERSION}`;

/** What happened to one cached directory, for the log and the job summary. */
export interface CacheOutcome {
  name: string;
  key: string;
  /** exact: restored under `key`; partial: restored from an older entry (`matchedKey`); miss: nothing restored. */
  hit: 'exact' | 'partial' | 'miss';
  matchedKey?: string;
  saved: boolean;
}

/**
 * A cache key: `<prefix>-<name>-<scope…>-<digest of identity>`. `scope` is
 * what a partial restore must share (distribution, release, architecture);
 * `identity` is everything else that changes the bytes (mirror, package
 * list, the index or checksum the download is verified against).
 */
export function cacheKey(
  name: string,
  scope: string[],
  identity: unknown,
): { key: string; restoreKeys: string[] } {
  const base = [PREFIX, name, ...scope].map((p) => p.replace(/[^A-Za-z0-9._+-]/g, '_')).join('-');
  return { key: `${base}-${sha256(JSON.stringify(identity)).slice(0, 32)}`, restoreKeys: [`${base}-`] };
}

interface Entry {
  dir: string;
  key: string;
  outcome: CacheOutcome;
}

export class DownloadCache {
  readonly #root: string;
  readonly #log: CacheLog;
  readonly #entries = new Map<string, Entry>();

  /** Where the build reports what the cache did (info) and what went wrong with it (warning). */
  get log(): CacheLog {
    return this.#log;
  }

  private constructor(root: string, log: CacheLog) {
    this.#root = root;
    this.#log = log;
  }

  /**
   * A cache under `root` when `enabled` and a cache service exists; else
   * undefined and the build runs as it would without one. `root` should be
   * the same path on every run (the cache's version hashes the paths).
   */
  static open(enabled: boolean, root: string, log: CacheLog, env = process.env): DownloadCache | undefined {
    return enabled && actionsCacheAvailable(env) ? new DownloadCache(root, log) : undefined;
  }

  /** Restores `name` into a fresh directory and returns it (empty on a miss). */
  async restore(name: string, key: { key: string; restoreKeys: string[] }): Promise<string> {
    const dir = join(this.#root, name);
    // A leftover of an earlier job on this machine is not what the key names: start from the entry alone.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const matched = await restoreActionsCache([dir], key.key, key.restoreKeys, this.#log);
    const hit = matched === undefined ? 'miss' : matched === key.key ? 'exact' : 'partial';
    const outcome: CacheOutcome = {
      name,
      key: key.key,
      hit,
      saved: false,
      ...(matched ? { matchedKey: matched } : {}),
    };
    this.#entries.set(name, { dir, key: key.key, outcome });
    const files = (await readdir(dir, { recursive: true })).length;
    this.#log.info(
      hit === 'miss'
        ? `cache ${name}: miss for ${key.key}`
        : `cache ${name}: ${hit} hit ${matched} (${files} files; each is verified before use)`,
    );
    return dir;
  }

  /** Saves every restored directory whose key was not an exact hit; a failure is a warning. */
  async saveAll(): Promise<void> {
    for (const e of this.#entries.values()) {
      if (e.outcome.hit === 'exact') continue;
      if ((await readdir(e.dir).catch(() => [])).length === 0) continue;
      e.outcome.saved = await saveActionsCache([e.dir], e.key, this.#log);
      if (e.outcome.saved) this.#log.info(`cache ${e.outcome.name}: saved ${e.key}`);
    }
  }

  outcomes(): CacheOutcome[] {
    return [...this.#entries.values()].map((e) => ({ ...e.outcome }));
  }
}
