/**
 * Alpine sources: the minirootfs of a release and apk.static, both verified
 * before use. The publisher's checksums come from the release's
 * latest-releases.yaml (for a branch like 3.20) or the `.sha256` file beside
 * the tarball (for a point release like 3.20.3 or a URL override).
 */
import { DataError } from '../errors.ts';
import { digestFromChecksumFile, fetchText } from '../fetch.ts';

export const ALPINE_MIRROR = 'https://dl-cdn.alpinelinux.org/alpine';

export interface VerifiedSource {
  url: string;
  sha256: string;
  /** Where the digest came from: "pinned input" or the checksum file's URL. */
  checksumFrom: string;
}

export function alpineBranch(version: string): string {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version);
  if (m) return `v${m[1]}.${m[2]}`;
  if (version === 'edge') return 'edge';
  throw new DataError(`not an Alpine version: '${version}'`);
}

/** Resolves the minirootfs URL and its publisher checksum (unless a pinned one is given). */
export async function resolveAlpineMinirootfs(opts: {
  version: string;
  arch: string;
  mirror: string;
  url?: string;
  pinnedSha256?: string;
}): Promise<VerifiedSource> {
  const releases = `${opts.mirror}/${alpineBranch(opts.version)}/releases/${opts.arch}`;
  let url = opts.url;
  if (!url && /^\d+\.\d+\.\d+$/.test(opts.version))
    url = `${releases}/alpine-minirootfs-${opts.version}-${opts.arch}.tar.gz`;
  if (url) {
    if (opts.pinnedSha256) return { url, sha256: opts.pinnedSha256, checksumFrom: 'pinned input' };
    const sums = `${url}.sha256`;
    return {
      url,
      sha256: digestFromChecksumFile(await fetchText(sums), url.split('/').pop()!, sums),
      checksumFrom: sums,
    };
  }
  // A branch: the publisher's list of current release files names the newest minirootfs and its digest.
  const listUrl = `${releases}/latest-releases.yaml`;
  // The YAML parser only for this list: a build from a given rootfs or Debian never loads it.
  const { parse } = await import('yaml');
  const list = parse(await fetchText(listUrl)) as
    { flavor?: string; file?: string; sha256?: string }[] | null;
  const entry = Array.isArray(list) ? list.find((e) => e.flavor === 'alpine-minirootfs') : undefined;
  if (!entry?.file || !entry.sha256)
    throw new DataError(`${listUrl} lists no alpine-minirootfs with a sha256`);
  return {
    url: `${releases}/${entry.file}`,
    sha256: opts.pinnedSha256 ?? entry.sha256,
    checksumFrom: opts.pinnedSha256 ? 'pinned input' : listUrl,
  };
}
