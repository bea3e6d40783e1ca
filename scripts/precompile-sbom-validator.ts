/**
 * Writes ajv's standalone code of the CycloneDX SBOM validator
 * (shared/deps/sbom-validator.ts) into a directory of compiled sources, so
 * the bundle validates without compiling the schema at run time.
 * scripts/bundle.ts runs it on build/shared/deps after tsc:
 * `node scripts/precompile-sbom-validator.ts build/shared/deps`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILD_HELPERS,
  compileSbomValidator,
  precompiledFile,
  VALIDATED_SPEC_VERSIONS,
} from '../shared/deps/sbom-validator.ts';

const dir = process.argv[2];
if (!dir)
  throw new Error('usage: node scripts/precompile-sbom-validator.ts <directory of compiled shared/deps>');
for (const version of VALIDATED_SPEC_VERSIONS) {
  const { standalone } = await compileSbomValidator(version, BUILD_HELPERS);
  await writeFile(join(dir, precompiledFile(version)), standalone!);
}
