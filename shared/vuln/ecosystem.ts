/**
 * Which OSV ecosystem an image's release belongs to, and how that ecosystem
 * orders versions. An unknown distribution or release is an error naming it:
 * matching with a guessed ecosystem would report "no findings" for data that
 * was never consulted.
 */
import { DataError } from '../errors.ts';
import { compareApkVersions } from './apk-version.ts';
import { compareDpkgVersions } from './dpkg-version.ts';

export interface ImageDistro {
  id: 'debian' | 'ubuntu' | 'alpine' | string;
  versionId: string;
  codename?: string;
}

export type VersionCompare = (a: string, b: string) => number;

export interface Ecosystem {
  /** e.g. Debian:12, Ubuntu:24.04:LTS, Alpine:v3.20 */
  name: string;
  /** The OSV export folder: https://osv-vulnerabilities.storage.googleapis.com/<folder>/all.zip */
  exportFolder: string;
  compare: VersionCompare;
}

const DEBIAN_CODENAMES: Record<string, string> = {
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};
const UBUNTU_LTS = new Set(['14.04', '16.04', '18.04', '20.04', '22.04', '24.04', '26.04']);

export function ecosystemFor(distro: ImageDistro): Ecosystem {
  const v = distro.versionId.trim();
  if (distro.id === 'debian') {
    const major =
      DEBIAN_CODENAMES[v] ?? DEBIAN_CODENAMES[distro.codename ?? ''] ?? /^(\d+)(?:\.\d+)*$/.exec(v)?.[1];
    if (!major || Number(major) < 7)
      throw new DataError(
        `unknown Debian release '${v}' (known: 7 and later, or ${Object.keys(DEBIAN_CODENAMES).join(', ')})`,
      );
    return { name: `Debian:${major}`, exportFolder: 'Debian', compare: compareDpkgVersions };
  }
  if (distro.id === 'ubuntu') {
    const m = /^(\d{2}\.\d{2})/.exec(v);
    if (!m) throw new DataError(`unknown Ubuntu release '${v}' (a version such as 24.04)`);
    const name = `Ubuntu:${m[1]}${UBUNTU_LTS.has(m[1]!) ? ':LTS' : ''}`;
    return { name, exportFolder: 'Ubuntu', compare: compareDpkgVersions };
  }
  if (distro.id === 'alpine') {
    const m = /^v?(\d+\.\d+)/.exec(v);
    if (!m) throw new DataError(`unknown Alpine release '${v}' (a version such as 3.20 or 3.20.3)`);
    return { name: `Alpine:v${m[1]}`, exportFolder: 'Alpine', compare: compareApkVersions };
  }
  throw new DataError(
    `no vulnerability data for distribution '${distro.id}' (supported: debian, ubuntu, alpine)`,
  );
}
