/**
 * The module scripts/precompile-sbom-validator.ts writes beside the compiled
 * sources at bundle time (ajv's standalone code of the CycloneDX 1.6
 * validator); a source tree has no such file (see ./sbom-validator.ts).
 */
import type { ValidateFunction } from 'ajv';
declare const validate: ValidateFunction & { uniqueItemsReplaced: number };
export = validate;
