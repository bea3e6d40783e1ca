/** The package ships no types: the one call sbom-validator.ts makes. */
declare module 'ajv-formats-draft2019' {
  import type { Ajv } from 'ajv';
  const addFormats: (ajv: Ajv, options?: { formats?: string[] }) => Ajv;
  export default addFormats;
}
