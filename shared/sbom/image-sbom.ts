/**
 * The CycloneDX 1.6 SBOM of one image: what its package database says is
 * installed (with purls, versions and licenses), the kernel in /boot, and
 * the image file itself as the BOM's subject (name and sha256, as in the
 * attestation). A variant's SBOM lists everything in the variant image and
 * marks what its overlay adds or changes over the base
 * (`infrasim:overlay` = added | changed, with the base's version), and names
 * what it removes in the metadata.
 *
 * Deterministic: the serial number and timestamp come from the image's digest
 * and the run's SOURCE_DATE_EPOCH, so the same image gives the same bytes.
 * Serialization and schema validation are the suite's one CycloneDX path
 * (shared/deps/sbom.ts).
 */
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import { PackageURL } from 'packageurl-js';
import { serializeSbom, validateSbom, type SbomValidation } from '../deps/sbom.ts';
import { sha256 } from '../hash.ts';
import type {
  ImageDistro,
  InstalledPackage,
  InstalledSoftware,
  PackageManager,
} from '../image-fs/installed-packages.ts';
import { cyclonedxLicenses } from './licenses.ts';

export { SBOM_MEDIA_TYPE } from './media-type.ts';
/** Property names (CycloneDX properties taxonomy: a namespace of our own). */
export const PROP = {
  overlay: 'infrasim:overlay',
  baseVersion: 'infrasim:overlay:base-version',
  removed: 'infrasim:overlay:removed',
  base: 'infrasim:overlay:base',
  sourceName: 'infrasim:package:source-name',
  sourceVersion: 'infrasim:package:source-version',
  kernelPath: 'infrasim:kernel:path',
  kind: 'infrasim:image:kind',
  variant: 'infrasim:image:variant',
  arch: 'infrasim:image:arch',
  distroId: 'infrasim:distro:id',
  distroVersion: 'infrasim:distro:version-id',
  distroCodename: 'infrasim:distro:codename',
  manager: 'infrasim:package-manager',
  database: 'infrasim:package-database',
} as const;

export interface SbomImage {
  /** The image's name in the attestation (path relative to the output tree). */
  name: string;
  sha256: string;
  kind: 'base' | 'variant';
  variant: string | null;
  arch: string;
}

export interface ImageSbomRequest {
  image: SbomImage;
  software: InstalledSoftware;
  /** For a variant: its base image and what the base has installed. */
  base?: { image: SbomImage; software: InstalledSoftware };
  /** The run's SOURCE_DATE_EPOCH (seconds): the BOM's timestamp. */
  sourceDateEpoch: number;
  tool: { name: string; version: string };
}

/** purl's `distro` qualifier: debian-12, ubuntu-24.04, alpine-3.20 (Alpine by its branch, major.minor). */
export function purlDistro(distro: ImageDistro): string | null {
  let version = distro.versionId || distro.codename || '';
  if (distro.id === 'alpine') version = /^(\d+\.\d+)/.exec(version)?.[1] ?? version;
  return version ? `${distro.id}-${version}` : null;
}

/** The package URL of an installed package: pkg:deb/<distro>/… or pkg:apk/<distro>/…. */
export function packagePurl(
  distro: ImageDistro,
  manager: PackageManager,
  pkg: InstalledPackage,
): string | null {
  if (manager === 'none') return null;
  const qualifiers: Record<string, string> = {};
  if (pkg.arch) qualifiers.arch = pkg.arch;
  const d = purlDistro(distro);
  if (d) qualifiers.distro = d;
  const type = manager === 'dpkg' ? 'deb' : 'apk';
  return new PackageURL(type, distro.id, pkg.name, pkg.version, qualifiers, null).toString();
}

export interface OverlayChanges {
  added: InstalledPackage[];
  changed: { pkg: InstalledPackage; baseVersion: string }[];
  removed: InstalledPackage[];
}

/** What a variant's packages add, change and remove over its base's (by name and architecture). */
export function overlayChanges(base: InstalledPackage[], variant: InstalledPackage[]): OverlayChanges {
  const key = (p: InstalledPackage) => `${p.name}\0${p.arch}`;
  const before = new Map(base.map((p) => [key(p), p]));
  const after = new Map(variant.map((p) => [key(p), p]));
  const out: OverlayChanges = { added: [], changed: [], removed: [] };
  for (const p of variant) {
    const b = before.get(key(p));
    if (!b) out.added.push(p);
    else if (b.version !== p.version) out.changed.push({ pkg: p, baseVersion: b.version });
  }
  for (const p of base) if (!after.has(key(p))) out.removed.push(p);
  return out;
}

/** A UUID (version-5 layout) derived from a digest, so the same image and run give the same serial number. */
function serialNumber(h: string): string {
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function prop(c: { properties: Models.PropertyRepository }, name: string, value: string | null | undefined) {
  if (value !== null && value !== undefined && value !== '')
    c.properties.add(new Models.Property(name, value));
}

export function buildImageSbom(r: ImageSbomRequest): Models.Bom {
  const { image, software } = r;
  const bom = new Models.Bom();
  bom.serialNumber = serialNumber(
    sha256(`${image.name}\n${image.sha256}\n${r.base?.image.sha256 ?? ''}\n${r.sourceDateEpoch}`),
  );
  bom.metadata.timestamp = new Date(r.sourceDateEpoch * 1000);
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, r.tool.name, { version: r.tool.version }),
  );
  const subject = new Models.Component(Enums.ComponentType.OperatingSystem, image.name, {
    bomRef: 'image',
    version: purlDistro(software.distro) ?? undefined,
    description: software.distro.prettyName,
  });
  subject.hashes.set(Enums.HashAlgorithm['SHA-256'], image.sha256);
  prop(subject, PROP.kind, image.kind);
  prop(subject, PROP.variant, image.variant);
  prop(subject, PROP.arch, image.arch);
  prop(subject, PROP.distroId, software.distro.id);
  prop(subject, PROP.distroVersion, software.distro.versionId);
  prop(subject, PROP.distroCodename, software.distro.codename);
  prop(subject, PROP.manager, software.manager);
  prop(subject, PROP.database, software.database);
  bom.metadata.component = subject;

  const changes = r.base ? overlayChanges(r.base.software.packages, software.packages) : null;
  if (r.base && changes) {
    prop(bom.metadata, PROP.base, `${r.base.image.name}@sha256:${r.base.image.sha256}`);
    for (const p of changes.removed)
      prop(
        bom.metadata,
        PROP.removed,
        packagePurl(r.base.software.distro, r.base.software.manager, p) ?? p.name,
      );
  }
  const added = new Set(changes?.added);
  const changed = new Map(changes?.changed.map((c) => [c.pkg, c.baseVersion]));

  const refs = new Set<string>();
  for (const p of software.packages) {
    const purl = packagePurl(software.distro, software.manager, p);
    let ref = purl ?? `package:${p.name}:${p.arch}`;
    // Two database entries for the same package and version (a corrupt database) still get distinct refs.
    for (let n = 2; refs.has(ref); n++) ref = `${purl}#${n}`;
    refs.add(ref);
    const c = new Models.Component(Enums.ComponentType.Library, p.name, {
      bomRef: ref,
      version: p.version,
      purl: purl ?? undefined,
    });
    for (const l of cyclonedxLicenses(p.licenses)) c.licenses.add(l);
    prop(c, PROP.sourceName, p.source.name);
    prop(c, PROP.sourceVersion, p.source.version);
    if (added.has(p)) prop(c, PROP.overlay, 'added');
    const was = changed.get(p);
    if (was !== undefined) {
      prop(c, PROP.overlay, 'changed');
      prop(c, PROP.baseVersion, was);
    }
    bom.components.add(c);
    subject.dependencies.add(c.bomRef);
  }

  const k = software.kernel;
  if (k) {
    const kernel = new Models.Component(Enums.ComponentType.OperatingSystem, 'linux', {
      bomRef: 'kernel',
      version: k.version ?? undefined,
      description: `Linux kernel ${k.path}${k.package ? ` from ${k.package.name} ${k.package.version}` : ''}`,
    });
    kernel.hashes.set(Enums.HashAlgorithm['SHA-256'], k.sha256);
    prop(kernel, PROP.kernelPath, k.path);
    const baseKernel = r.base?.software.kernel;
    if (r.base && (!baseKernel || baseKernel.sha256 !== k.sha256)) {
      prop(kernel, PROP.overlay, baseKernel ? 'changed' : 'added');
      if (baseKernel?.version) prop(kernel, PROP.baseVersion, baseKernel.version);
    }
    if (k.package) {
      const owner = [...bom.components].find(
        (c) => c.name === k.package!.name && c.version === k.package!.version,
      );
      if (owner) kernel.dependencies.add(owner.bomRef);
    }
    bom.components.add(kernel);
    subject.dependencies.add(kernel.bomRef);
  }
  return bom;
}

export interface ImageSbomDocument {
  json: string;
  sha256: string;
  validation: SbomValidation;
  components: number;
  changes: { added: number; changed: number; removed: number } | null;
}

/** Builds, serializes and validates an image's SBOM (an invalid one throws DataError, naming the problem). */
export async function imageSbomDocument(r: ImageSbomRequest): Promise<ImageSbomDocument> {
  const bom = buildImageSbom(r);
  const json = serializeSbom(bom);
  const validation = await validateSbom(json);
  const changes = r.base ? overlayChanges(r.base.software.packages, r.software.packages) : null;
  return {
    json,
    sha256: sha256(json),
    validation,
    components: bom.components.size,
    changes: changes
      ? { added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length }
      : null,
  };
}
