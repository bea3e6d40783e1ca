/**
 * Matches an image's installed packages against OSV data for its release.
 * Distribution data names source packages (Debian's `Source:`, Alpine's
 * origin), so each package is looked up by its source name and compared by
 * its source version (a binNMU `+b1` binary carries its source's fixes).
 * A version is affected by an ECOSYSTEM range per the OSV schema's rule:
 * events in version order, `introduced` opens, `fixed` closes at that
 * version, `last_affected` closes after it.
 */
import { DataError } from '../errors.ts';
import { packagePurl } from '../sbom/image-sbom.ts';
import { ecosystemFor, type ImageDistro, type VersionCompare } from './ecosystem.ts';
import type { AffectedEntry, OsvDatabase, OsvEvent } from './osv.ts';
import type { InstalledPackage } from '../image-fs/installed-packages.ts';
import type { Severity } from './severity.ts';

export type { ImageDistro } from './ecosystem.ts';

/** The packages matched are the ones the SBOM reads out of the image. */
export type { InstalledPackage };

export interface AffectedPackage {
  name: string;
  version: string;
  arch: string;
  purl: string;
}

export interface Finding {
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  /** Source package the data names, and its installed version. */
  source: string;
  installed: string;
  /** The version that fixes it, or null when the data names none (yet). */
  fixed: string | null;
  packages: AffectedPackage[];
}

export interface PatchStatus {
  source: string;
  installed: string;
  /** The newest fixed version among this package's findings. */
  fixedIn: string;
  /** Distinct fixed versions newer than the installed one: security updates this image is behind. */
  versionsBehind: number;
  findings: number;
}

export interface ImageVulnerabilities {
  ecosystem: string;
  packages: number;
  findings: Finding[];
  patchStatus: PatchStatus[];
  /** Findings with no fix in the data. */
  unfixed: number;
  /** Data entries whose versions could not be compared (named, never silently dropped). */
  unparsable: string[];
}

const isZero = (v: string | undefined) => v === '0';

function sortEvents(events: OsvEvent[], cmp: VersionCompare): OsvEvent[] {
  const key = (e: OsvEvent) => (e.introduced ?? e.fixed ?? e.last_affected ?? e.limit)!;
  return [...events].sort((a, b) => {
    if (isZero(a.introduced)) return isZero(b.introduced) ? 0 : -1;
    if (isZero(b.introduced)) return 1;
    return cmp(key(a), key(b));
  });
}

/** Whether `version` is in the range, and the fixed version that closes its interval (if any). */
export function evaluateRange(
  version: string,
  events: OsvEvent[],
  cmp: VersionCompare,
): { affected: boolean; fixed: string | null } {
  let affected = false;
  let fixed: string | null = null;
  for (const e of sortEvents(events, cmp)) {
    if (e.introduced !== undefined) {
      if (isZero(e.introduced) || cmp(version, e.introduced) >= 0) affected = true;
    } else if (e.fixed !== undefined) {
      if (cmp(version, e.fixed) >= 0) affected = false;
      else if (affected && fixed === null) fixed = e.fixed;
    } else if (e.last_affected !== undefined) {
      if (cmp(version, e.last_affected) > 0) affected = false;
    } else if (e.limit !== undefined && cmp(version, e.limit) >= 0) affected = false;
    if (affected && fixed !== null) break;
  }
  return { affected, fixed: affected ? fixed : null };
}

function entryFixedVersions(entry: AffectedEntry): string[] {
  return entry.ranges.flatMap((r) => r.flatMap((e) => (e.fixed ? [e.fixed] : [])));
}

/**
 * The package URL an affected package is referred to by: exactly the image
 * SBOM's (shared/sbom/image-sbom.ts packagePurl, its components' bom-ref), so
 * the vulnerabilities document's `affects[].ref` joins the SBOM's components.
 */
export function purlOf(distro: ImageDistro, ecosystem: string, p: InstalledPackage): string {
  return packagePurl(distro, ecosystem.startsWith('Alpine:') ? 'apk' : 'dpkg', p)!;
}

export function matchPackages(
  distro: ImageDistro,
  packages: InstalledPackage[],
  db: OsvDatabase,
): ImageVulnerabilities {
  const eco = ecosystemFor(distro);
  if (!db.index.has(eco.name))
    throw new DataError(
      `the vulnerability data holds no records for ${eco.name} (it has: ${db.ecosystems().join(', ') || 'none'}); ` +
        `give the ${eco.exportFolder} export`,
    );
  // Binary packages grouped by their source package and source version.
  const bySource = new Map<string, { source: string; version: string; binaries: InstalledPackage[] }>();
  for (const p of packages) {
    const source = p.source?.name || p.name;
    const version = p.source?.version || p.version;
    const key = `${source}\u0000${version}`;
    const g = bySource.get(key) ?? { source, version, binaries: [] };
    g.binaries.push(p);
    bySource.set(key, g);
  }
  const findings: Finding[] = [];
  const patchStatus: PatchStatus[] = [];
  const unparsable: string[] = [];
  for (const g of bySource.values()) {
    const entries = db.lookup(eco.name, g.source);
    if (entries.length === 0) continue;
    const mine: Finding[] = [];
    const newerFixes = new Set<string>();
    for (const entry of entries) {
      try {
        let hit = entry.versions.includes(g.version);
        let fixed: string | null = null;
        for (const events of entry.ranges) {
          const r = evaluateRange(g.version, events, eco.compare);
          if (r.affected) {
            hit = true;
            if (r.fixed && (fixed === null || eco.compare(r.fixed, fixed) < 0)) fixed = r.fixed;
          }
        }
        for (const f of entryFixedVersions(entry)) if (eco.compare(f, g.version) > 0) newerFixes.add(f);
        if (!hit) continue;
        mine.push({
          id: entry.id,
          aliases: entry.aliases,
          summary: entry.summary,
          severity: entry.severity,
          source: g.source,
          installed: g.version,
          fixed,
          packages: g.binaries.map((b) => ({
            name: b.name,
            version: b.version,
            arch: b.arch,
            purl: purlOf(distro, eco.name, b),
          })),
        });
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        unparsable.push(`${entry.id} (${g.source}): ${e.message}`);
      }
    }
    findings.push(...mine);
    const fixes = mine.flatMap((f) => (f.fixed ? [f.fixed] : [])).sort(eco.compare);
    if (fixes.length)
      patchStatus.push({
        source: g.source,
        installed: g.version,
        fixedIn: fixes.at(-1)!,
        versionsBehind: [...newerFixes].filter((f) => eco.compare(f, fixes.at(-1)!) <= 0).length,
        findings: mine.length,
      });
  }
  findings.sort((a, b) => a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
  patchStatus.sort((a, b) => a.source.localeCompare(b.source));
  return {
    ecosystem: eco.name,
    packages: packages.length,
    findings,
    patchStatus,
    unfixed: findings.filter((f) => f.fixed === null).length,
    unparsable,
  };
}
