/**
 * The CycloneDX SBOM of the builder's dependencies, built with the
 * well-kept @cyclonedx/cyclonedx-library (spec 1.6) and checked against the
 * CycloneDX JSON schema before it is written.
 *
 * Only the library's Models/Enums/Serialize/Spec entry points are imported
 * up front: its root entry loads the schema resources through `__dirname` at
 * import time. Validation is ./sbom-validator.ts's (re-exported here);
 * analyze-deps writes its SBOM with ./sbom-writer.ts and loads this module
 * only for a graph that writer refuses.
 */
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import type { DepGraph } from './model.ts';
import { hashOf, licenseOf, purlOf, serialNumber, type SbomOptions } from './sbom-parts.ts';

// Validation lives with the validator, so a caller that writes its SBOM directly need not load the library.
export { validateSbom, type SbomValidation } from './sbom-validator.ts';

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
