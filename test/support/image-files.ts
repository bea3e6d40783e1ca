/**
 * The image reader moved to shared/image-fs/image-root.ts (attest reads
 * images with it too); this re-export keeps the tests' import path.
 */
export { openImageRoot, type ImageRoot } from '../../shared/image-fs/image-root.ts';
