/**
 * Reads the installed packages back from the rootfs' own package database —
 * what is really in the image, not what was asked for.
 */
import { readFile } from 'node:fs/promises';
import type { RootfsManifest } from './rootfs-manifest.ts';

export interface InstalledPackage {
  name: string;
  version: string;
  arch?: string;
}

export interface PackageDatabase {
  manager: 'apk' | 'dpkg' | 'none';
  packages: InstalledPackage[];
}

/** Alpine: /lib/apk/db/installed, blocks of `X:value` lines (P name, V version, A arch). */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z]):(.*)$/.exec(line);
      if (m && !fields.has(m[1]!)) fields.set(m[1]!, m[2]!);
    }
    const name = fields.get('P');
    if (name) out.push({ name, version: fields.get('V') ?? '', arch: fields.get('A') });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Debian: /var/lib/dpkg/status, RFC 822 stanzas; only `install ok installed` ones count. */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}: *(.*)$`, 'm').exec(stanza)?.[1]?.trim();
    const name = field('Package');
    if (!name || field('Status') !== 'install ok installed') continue;
    out.push({ name, version: field('Version') ?? '', arch: field('Architecture') });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function readInstalledPackages(manifest: RootfsManifest): Promise<PackageDatabase> {
  const apk = manifest.get('lib/apk/db/installed');
  if (apk?.type === 'file')
    return { manager: 'apk', packages: parseApkInstalled(await readFile(apk.source!, 'utf8')) };
  const dpkg = manifest.get('var/lib/dpkg/status');
  if (dpkg?.type === 'file')
    return { manager: 'dpkg', packages: parseDpkgStatus(await readFile(dpkg.source!, 'utf8')) };
  return { manager: 'none', packages: [] };
}
