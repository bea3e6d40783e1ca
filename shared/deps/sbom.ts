/**
 * The CycloneDX SBOM of the builder's dependencies, built with the
 * well-kept @cyclonedx/cyclonedx-library (spec 1.6) and checked against the
 * CycloneDX JSON schema before it is written.
 *
 * Only the library's Models/Enums/Serialize/Spec entry points are imported
 * up front: its root entry loads the schema resources through `__dirname` at
 * import time. The validator (./sbom-validator.ts) is loaded on demand, and
 * one that cannot load (a bundle without the schema files) fails the step.
 */
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { PackageURL } from 'packageurl-js';
import { DataError } from '../errors.ts';
import type { DepGraph, Package } from './model.ts';
import { assertValidatedSpecVersion, schemaErrors } from './sbom-validator.ts';
import type { ErrorObject } from 'ajv';

export const SBOM_SPEC = Spec.Spec1dot6;

export interface SbomOptions {
  /** The product the graph builds (e.g. `infrasim`) and its version. */
  name: string;
  version: string;
  timestamp: Date;
  graphSha256: string;
}

function purlOf(pkg: Package, ecosystem: DepGraph['ecosystem']): PackageURL | undefined {
  if (pkg.source.kind === 'path') return undefined;
  const qualifiers: Record<string, string> = {};
  if (pkg.source.kind === 'git')
    qualifiers.vcs_url = `git+${pkg.source.url}${pkg.source.commit ? '@' + pkg.source.commit : ''}`;
  if (pkg.source.kind === 'registry' && !pkg.source.isDefault) qualifiers.repository_url = pkg.source.url;
  if (ecosystem === 'npm') {
    const [scope, bare] = pkg.name.startsWith('@') ? pkg.name.split('/', 2) : [undefined, pkg.name];
    return new PackageURL('npm', scope ?? null, bare ?? pkg.name, pkg.version, qualifiers, null);
  }
  return new PackageURL('cargo', null, pkg.name, pkg.version, qualifiers, null);
}

function hashOf(checksum: string | null): [Enums.HashAlgorithm, string] | undefined {
  if (!checksum) return undefined;
  if (/^[0-9a-f]{64}$/.test(checksum)) return [Enums.HashAlgorithm['SHA-256'], checksum];
  const sri = /^sha512-([A-Za-z0-9+/=]+)$/.exec(checksum);
  if (sri) return [Enums.HashAlgorithm['SHA-512'], Buffer.from(sri[1]!, 'base64').toString('hex')];
  return undefined;
}

function licenseOf(license: string | null): Models.License | undefined {
  if (!license) return undefined;
  // Cargo's legacy `MIT/Apache-2.0` is not an SPDX expression: keep it as a named license.
  if (/^[A-Za-z0-9.+\-() ]+$/.test(license) && !license.includes('/'))
    return new Models.LicenseExpression(license);
  return new Models.NamedLicense(license);
}

/** A UUID derived from the graph hash, so the same graph gives the same serial number. */
function serialNumber(graphSha256: string): string {
  const h = graphSha256;
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function buildSbom(graph: DepGraph, options: SbomOptions): Models.Bom {
  const bom = new Models.Bom();
  bom.serialNumber = serialNumber(options.graphSha256);
  bom.metadata.timestamp = options.timestamp;
  bom.metadata.component = new Models.Component(Enums.ComponentType.Application, options.name, {
    version: options.version,
    bomRef: `product:${options.name}`,
  });
  const components = new Map<string, Models.Component>();
  for (const pkg of graph.packages) {
    const c = new Models.Component(
      pkg.workspaceMember ? Enums.ComponentType.Application : Enums.ComponentType.Library,
      pkg.name,
      { version: pkg.version, bomRef: pkg.id, purl: purlOf(pkg, graph.ecosystem)?.toString() },
    );
    const hash = hashOf(pkg.checksum);
    if (hash) c.hashes.set(hash[0], hash[1]);
    const license = licenseOf(pkg.license);
    if (license) c.licenses.add(license);
    components.set(pkg.id, c);
    bom.components.add(c);
    if (pkg.workspaceMember) bom.metadata.component.dependencies.add(c.bomRef);
  }
  for (const e of graph.edges) components.get(e.from)!.dependencies.add(components.get(e.to)!.bomRef);
  return bom;
}

export function serializeSbom(bom: Models.Bom): string {
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(SBOM_SPEC));
  return serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n';
}

/**
 * Always `passed`: a document that fails, or a validator that cannot run,
 * throws instead — an SBOM nobody checked is never written as if it had been.
 * (`skipped` stays in the type for callers written against the earlier API.)
 */
export type SbomValidation = { status: 'passed' } | { status: 'skipped'; reason: string };

/**
 * Validates against the strict CycloneDX JSON schema of `version` (the spec
 * this module writes by default), in time linear in the document
 * (./sbom-validator.ts). Throws DataError listing the problems when the
 * document is invalid, and DataError too when the validator cannot load.
 */
export async function validateSbom(
  json: string,
  version: string = SBOM_SPEC.version,
): Promise<SbomValidation> {
  const spec = assertValidatedSpecVersion(version);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new DataError(`the generated SBOM is not JSON: ${(e as Error).message}`);
  }
  let errors: ErrorObject[] | null;
  try {
    errors = await schemaErrors(doc, spec);
  } catch (e) {
    throw new DataError(
      `the CycloneDX ${spec} schema validator could not run, so the SBOM is not written unchecked: ${(e as Error).message}`,
    );
  }
  if (errors !== null)
    throw new DataError(
      `the generated SBOM is not valid CycloneDX ${spec}: ${JSON.stringify(errors).slice(0, 2000)}`,
    );
  return { status: 'passed' };
}
