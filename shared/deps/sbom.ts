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
import { DataError } from '../errors.ts';
import type { DepGraph } from './model.ts';
import { hashOf, licenseOf, purlOf, serialNumber, type SbomOptions } from './sbom-parts.ts';
import { assertValidatedSpecVersion, schemaErrors } from './sbom-validator.ts';
import type { ErrorObject } from 'ajv';

export const SBOM_SPEC = Spec.Spec1dot6;

export type { SbomOptions } from './sbom-parts.ts';

function licenseModel(license: string | null): Models.License | undefined {
  const l = licenseOf(license);
  if (!l) return undefined;
  return l.kind === 'expression' ? new Models.LicenseExpression(l.value) : new Models.NamedLicense(l.value);
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
      { version: pkg.version, bomRef: pkg.id, purl: purlOf(pkg, graph.ecosystem) },
    );
    const hash = hashOf(pkg.checksum);
    if (hash) c.hashes.set(Enums.HashAlgorithm[hash[0]], hash[1]);
    const license = licenseModel(pkg.license);
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
