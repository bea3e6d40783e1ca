/**
 * Small real inputs for OCI publishing tests: qcow2 disks made by qemu-img
 * from seeded bytes (so a "rebuild" gives different disks), provenance and
 * SBOM documents, and Sigstore bundle files whose DSSE statement names a
 * disk's sha256 (their signatures are not what these tests exercise;
 * attest's own tests verify real ones).
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../shared/exec.ts';
import { sha256File } from '../../shared/hash.ts';
import { LAYER_CYCLONEDX, LAYER_PROVENANCE, LAYER_QCOW2 } from '../../shared/oci/media-types.ts';
import type { ImageArtifact } from '../../shared/oci/publish.ts';
import { seededRandom } from './fault-proxy.ts';

function seededBytes(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i += 4) out.writeUInt32LE(Math.floor(random() * 2 ** 32), i);
  return out;
}

export interface SnapshotFixture {
  images: ImageArtifact[];
  attestations: string[];
  /** sha256 hex of each disk by architecture. */
  disks: Record<string, string>;
}

/** A snapshot of one image for x86_64 and aarch64 in `dir`, its bytes chosen by `seed`. */
export async function makeSnapshot(
  dir: string,
  seed: number,
  diskBytes = 600 * 1024,
): Promise<SnapshotFixture> {
  await mkdir(join(dir, 'meta', 'attestations'), { recursive: true });
  const images: ImageArtifact[] = [];
  const attestations: string[] = [];
  const disks: Record<string, string> = {};
  for (const [i, arch] of ['x86_64', 'aarch64'].entries()) {
    const raw = join(dir, `base-${arch}.raw`);
    const disk = join(dir, `base-${arch}.qcow2`);
    await writeFile(raw, seededBytes(seed * 10 + i, diskBytes));
    await run('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, disk]);
    await rm(raw);
    const sha = await sha256File(disk);
    disks[arch] = sha;
    const provenance = join(dir, 'meta', `image-provenance-${arch}.json`);
    await writeFile(
      provenance,
      JSON.stringify({ image: { path: `base-${arch}.qcow2`, sha256: sha, architecture: arch } }),
    );
    const sbom = join(dir, 'meta', `sbom-${arch}.cdx.json`);
    await writeFile(
      sbom,
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [] }),
    );
    images.push({
      name: 'base',
      architecture: arch,
      disk: { path: disk, mediaType: LAYER_QCOW2, sha256: sha },
      files: [
        { path: provenance, mediaType: LAYER_PROVENANCE },
        { path: sbom, mediaType: LAYER_CYCLONEDX },
      ],
    });
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `base-${arch}.qcow2`, digest: { sha256: sha } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {},
    };
    const bundle = join(dir, 'meta', 'attestations', `base-${arch}.sigstore.json`);
    await writeFile(
      bundle,
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { publicKey: { hint: createHash('sha256').update('test').digest('hex') } },
        dsseEnvelope: {
          payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
          payloadType: 'application/vnd.in-toto+json',
          signatures: [{ sig: Buffer.from('not checked here').toString('base64'), keyid: '' }],
        },
      }),
    );
    attestations.push(bundle);
  }
  return { images, attestations, disks };
}
