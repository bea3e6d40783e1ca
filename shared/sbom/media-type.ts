/**
 * The media type of the suite's SBOMs (CycloneDX JSON), in a module of its own: statements name it
 * without loading the CycloneDX library that writes the documents (verify never writes one).
 */
export const SBOM_MEDIA_TYPE = 'application/vnd.cyclonedx+json';
