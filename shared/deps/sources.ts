/**
 * Source strings of Cargo (`registry+URL`, `sparse+URL`, `git+URL?branch=x#commit`)
 * and npm (`resolved` URLs, git specs) turned into PackageSource values.
 */
import { DEFAULT_CARGO_REGISTRIES, type PackageSource } from './model.ts';

export const FULL_COMMIT = /^[0-9a-f]{40}$/;

/**
 * A workspace's manifest, built from parts: ncc's asset relocator treats a
 * literal `resolve(dir, 'Cargo.toml')` as a file to ship and copies every
 * Cargo.toml it can find into the bundle.
 */
export function cargoManifest(dir: string): string {
  return `${dir.replace(/\/+$/, '')}/${['Cargo', 'toml'].join('.')}`;
}

/** Parses a Cargo source string; returns null when the string is not one Cargo writes. */
export function parseCargoSource(source: string): PackageSource | null {
  if (source.startsWith('registry+') || source.startsWith('sparse+')) {
    return { kind: 'registry', url: source, isDefault: DEFAULT_CARGO_REGISTRIES.has(source) };
  }
  if (source.startsWith('git+')) {
    const hash = source.indexOf('#');
    const withoutCommit = hash === -1 ? source.slice(4) : source.slice(4, hash);
    const commit = hash === -1 ? null : source.slice(hash + 1);
    let url: URL;
    try {
      url = new URL(withoutCommit);
    } catch {
      return null;
    }
    let reference: { type: 'rev' | 'branch' | 'tag' | 'default'; value: string } = {
      type: 'default',
      value: '',
    };
    for (const type of ['rev', 'branch', 'tag'] as const) {
      const value = url.searchParams.get(type);
      if (value !== null) reference = { type, value };
    }
    url.search = '';
    return { kind: 'git', url: url.toString(), reference, commit };
  }
  if (source.startsWith('path+')) return { kind: 'path', path: null, outsideWorkspace: null };
  return null;
}

/** `https://github.com/org/repo.git` → `github.com/org`; null when the URL has no owner part. */
export function ownerOfRepositoryUrl(raw: string): string | null {
  const scp = /^(?:[\w.-]+@)?([\w.-]+):([\w.-]+)\//.exec(raw); // git@github.com:org/repo
  if (scp && !raw.includes('://')) return `${scp[1]!.toLowerCase()}/${scp[2]!.toLowerCase()}`;
  try {
    const url = new URL(raw.replace(/^git\+/, ''));
    const owner = url.pathname.split('/').filter(Boolean)[0];
    return owner ? `${url.hostname.toLowerCase()}/${owner.toLowerCase()}` : null;
  } catch {
    return null;
  }
}

const NPM_DEFAULT_HOSTS = new Set(['registry.npmjs.org', 'registry.yarnpkg.com']);

/**
 * An npm `resolved` value: a registry tarball URL, a git URL with `#commit`, or
 * a `file:` path. Absent `resolved` means the default registry (npm omits it
 * with `omit-lockfile-registry-resolved`).
 */
export function parseNpmResolved(resolved: string | undefined): PackageSource {
  if (resolved === undefined) {
    return { kind: 'registry', url: 'https://registry.npmjs.org/', isDefault: true };
  }
  if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved)) {
    const hash = resolved.indexOf('#');
    const url = (hash === -1 ? resolved : resolved.slice(0, hash)).replace(/^git\+/, '');
    const ref = hash === -1 ? '' : resolved.slice(hash + 1);
    return {
      kind: 'git',
      url,
      reference: FULL_COMMIT.test(ref) ? { type: 'rev', value: ref } : { type: 'default', value: ref },
      commit: FULL_COMMIT.test(ref) ? ref : null,
    };
  }
  if (resolved.startsWith('file:')) {
    const path = resolved.slice(5);
    return { kind: 'path', path, outsideWorkspace: path.startsWith('../') || path.startsWith('/') };
  }
  try {
    const url = new URL(resolved);
    return {
      kind: 'registry',
      url: `${url.protocol}//${url.host}/`,
      isDefault: NPM_DEFAULT_HOSTS.has(url.hostname),
    };
  } catch {
    return { kind: 'path', path: resolved, outsideWorkspace: null };
  }
}
