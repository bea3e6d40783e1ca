/** The package ships no types: the one format sbom-formats.ts takes from it. */
declare module 'ajv-formats-draft2019/formats/idn-email.js' {
  const idnEmail: (value: string) => boolean;
  export default idnEmail;
}
