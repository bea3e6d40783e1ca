/**
 * The string formats the CycloneDX schemas use, as the CycloneDX library's
 * own validator defines them (ajv-formats' full formats, idn-email from
 * ajv-formats-draft2019, iri-reference accepted as is), in one module: the
 * runtime-compiled validator gets them as ajv's `formats` option and the
 * precompiled one (./sbom-validator.ts) loads them from here by name, so both
 * check exactly the same formats.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import idnEmail from 'ajv-formats-draft2019/formats/idn-email.js';

export const SBOM_FORMATS = { ...fullFormats, 'idn-email': idnEmail, 'iri-reference': true as const };
