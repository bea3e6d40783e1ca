/** Media types of the OCI image spec 1.1 (and Docker's) that the suite reads and writes: one place. */
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

/** Every manifest type a GET asks for (docker-registry needs the OCI types in Accept to serve them). */
export const MANIFEST_ACCEPT = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST];

/** The empty config blob `{}` the OCI 1.1 artifact guidance prescribes for artifacts without a config. */
export const EMPTY_CONFIG_BYTES = Buffer.from('{}');
export const EMPTY_CONFIG_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';

/** Artifact and layer types of the suite's own artifacts. */
export const ARTIFACT_VM_IMAGE = 'application/vnd.infrasim.vm-image.v1';
export const LAYER_QCOW2 = 'application/vnd.infrasim.disk.qcow2';
export const LAYER_RAW = 'application/vnd.infrasim.disk.raw';
export const LAYER_PROVENANCE = 'application/vnd.infrasim.provenance.v1+json';
export const LAYER_IN_TOTO = 'application/vnd.in-toto+json';
export const LAYER_CYCLONEDX = 'application/vnd.cyclonedx+json';
export const LAYER_SPDX = 'application/spdx+json';
export const LAYER_JSON = 'application/json';
export const ARTIFACT_SIGSTORE_BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const ARTIFACT_CHANNELS = 'application/vnd.infrasim.channels.v1+json';

/** A content descriptor (OCI image spec §descriptor). */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: Platform;
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType: typeof OCI_MANIFEST;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType: typeof OCI_INDEX;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}
