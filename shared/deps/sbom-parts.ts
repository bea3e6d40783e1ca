/**
 * The pieces of a component both SBOM writers share (./sbom.ts through the
 * CycloneDX library's models, ./sbom-writer.ts directly): package URL, hash,
 * license and serial number, decided in one place so the two cannot drift.
 */
import { PackageURL } from 'packageurl-js';
import type { DepGraph, Package } from './model.ts';

export interface SbomOptions {
  /** The product the graph builds (e.g. `infrasim`) and its version. */
  name: string;
  version: string;
  timestamp: Date;
  graphSha256: string;
}

/** Characters encodeURIComponent leaves as they are (and `+`, which packageurl-js puts back in versions). */
const PLAIN_NAME = /^[A-Za-z0-9._~-]+$/;
const PLAIN_VERSION = /^[A-Za-z0-9._~+-]+$/;

export function purlOf(pkg: Package, ecosystem: DepGraph['ecosystem']): string | undefined {
  if (pkg.source.kind === 'path') return undefined;
  // Nearly every crate: crates.io, a plain name and version, which packageurl-js writes unchanged
  // (it lowercases npm names, not cargo's). Skipping its object per package is a tenth of the SBOM's time.
  if (
    ecosystem === 'cargo' &&
    pkg.source.kind === 'registry' &&
    pkg.source.isDefault &&
    PLAIN_NAME.test(pkg.name) &&
    PLAIN_VERSION.test(pkg.version)
  )
    return `pkg:cargo/${pkg.name}@${pkg.version}`;
  const qualifiers: Record<string, string> = {};
  if (pkg.source.kind === 'git')
    qualifiers.vcs_url = `git+${pkg.source.url}${pkg.source.commit ? '@' + pkg.source.commit : ''}`;
  if (pkg.source.kind === 'registry' && !pkg.source.isDefault) qualifiers.repository_url = pkg.source.url;
  if (ecosystem === 'npm') {
    const [scope, bare] = pkg.name.startsWith('@') ? pkg.name.split('/', 2) : [undefined, pkg.name];
    return new PackageURL('npm', scope ?? null, bare ?? pkg.name, pkg.version, qualifiers, null).toString();
  }
  return new PackageURL('cargo', null, pkg.name, pkg.version, qualifiers, null).toString();
}

/** [CycloneDX algorithm name, hex] of a Cargo sha256 or an npm sha512 SRI integrity. */
export function hashOf(checksum: string | null): ['SHA-256' | 'SHA-512', string] | undefined {
  if (!checksum) return undefined;
  if (/^[0-9a-f]{64}$/.test(checksum)) return ['SHA-256', checksum];
  const sri = /^sha512-([A-Za-z0-9+/=]+)$/.exec(checksum);
  if (sri) return ['SHA-512', Buffer.from(sri[1]!, 'base64').toString('hex')];
  return undefined;
}

export type SbomLicense = { kind: 'expression' | 'named'; value: string };

export function licenseOf(license: string | null): SbomLicense | undefined {
  if (!license) return undefined;
  // Cargo's legacy `MIT/Apache-2.0` is not an SPDX expression: keep it as a named license.
  if (/^[A-Za-z0-9.+\-() ]+$/.test(license) && !license.includes('/'))
    return { kind: 'expression', value: license };
  return { kind: 'named', value: license };
}

/** A UUID derived from the graph hash, so the same graph gives the same serial number. */
export function serialNumber(graphSha256: string): string {
  const h = graphSha256;
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
