/**
 * Small real inputs for OCI publishing tests: qcow2 disks made by qemu-img
 * from seeded bytes (so a "rebuild" gives different disks), provenance and
 * SBOM documents, and Sigstore bundles signed with a P-256 key whose SLSA
 * v1 statement names a disk's sha256 and binds its image provenance (what
 * promote and rollback verify in the registry).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_PROVENANCE_MEDIA_TYPE, type ImageProvenance } from '../../shared/attest/image-provenance.ts';
import { signStatementWithKey } from '../../shared/attest/sign.ts';
import {
  parseSigningKey,
  parseTrustedKey,
  type SigningKey,
  type TrustedKey,
} from '../../shared/attest/signing-key.ts';
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

/** A fresh ECDSA P-256 key: the signer, and the trusted key a verifier is given. */
export function snapshotKey(): { signing: SigningKey; trusted: TrustedKey } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signing = parseSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, undefined);
  return { signing, trusted: parseTrustedKey(signing.publicKeyPem) };
}

let defaultKey: ReturnType<typeof snapshotKey> | undefined;
/** The key makeSnapshot signs with unless told otherwise (one per test process). */
export function defaultSnapshotKey(): ReturnType<typeof snapshotKey> {
  return (defaultKey ??= snapshotKey());
}

/** An image provenance as attest writes it, for a disk that booted. */
function imageProvenance(
  path: string,
  sha256: string,
  architecture: string,
  riskScore: number,
): ImageProvenance {
  const doc = { path: 'meta/build-provenance.json', sha256: '0'.repeat(64) };
  return {
    image: {
      type: 'base',
      version: 'dev',
      architecture,
      sha256,
      path,
      format: 'qcow2',
      variant: null,
      base_sha256: null,
      flattened: null,
    },
    infrasim: { version: 'dev', sha256: null, dep_graph_sha256: '0'.repeat(64), binaries: {} },
    build: {
      timestamp: '2025-12-28T10:00:00Z',
      git_commit: null,
      git_ref: null,
      github_run_id: null,
      snapshot_version: 'dev',
      repository: null,
      workflow_ref: null,
    },
    analysis: { risk_score: riskScore, cycle_count: 0, risk_threshold: 40, duplicate_count: 0 },
    boot: {
      status: 'success',
      reports: [
        {
          path: 'meta/boot/base.json',
          sha256: '1'.repeat(64),
          arch: architecture,
          boot: 'kernel',
          verdict: 'success',
        },
      ],
    },
    format_version: '1.0',
    sources: { build_provenance: doc, variant_provenance: null, infrasim_build: doc },
  };
}

export interface SnapshotFixture {
  images: ImageArtifact[];
  attestations: string[];
  /** sha256 hex of each disk by architecture. */
  disks: Record<string, string>;
}

/**
 * A snapshot of one image for x86_64 and aarch64 in `dir`, its bytes chosen by `seed`, signed with `key`
 * (default: defaultSnapshotKey()); `riskScore` is recorded against a threshold of 40.
 */
export async function makeSnapshot(
  dir: string,
  seed: number,
  diskBytes = 600 * 1024,
  options: { key?: SigningKey; riskScore?: number } = {},
): Promise<SnapshotFixture> {
  const key = options.key ?? defaultSnapshotKey().signing;
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
    const provenanceBytes = Buffer.from(
      JSON.stringify(imageProvenance(`base-${arch}.qcow2`, sha, arch, options.riskScore ?? 10)),
    );
    await writeFile(provenance, provenanceBytes);
    const sbom = join(dir, 'meta', `sbom-${arch}.cdx.json`);
    const sbomBytes = Buffer.from(
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [] }),
    );
    await writeFile(sbom, sbomBytes);
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
      predicate: {
        buildDefinition: { buildType: 'urn:test', externalParameters: {} },
        runDetails: {
          builder: { id: 'https://github.com/acme/images/.github/workflows/publish.yml' },
          byproducts: [
            {
              name: `meta/image-provenance-${arch}.json`,
              digest: { sha256: createHash('sha256').update(provenanceBytes).digest('hex') },
              mediaType: IMAGE_PROVENANCE_MEDIA_TYPE,
            },
            {
              name: `meta/sbom-${arch}.cdx.json`,
              digest: { sha256: createHash('sha256').update(sbomBytes).digest('hex') },
              mediaType: 'application/vnd.cyclonedx+json',
            },
          ],
        },
      },
    };
    const bundle = join(dir, 'meta', 'attestations', `base-${arch}.sigstore.json`);
    const payload = Buffer.from(JSON.stringify(statement));
    await writeFile(bundle, JSON.stringify(await signStatementWithKey(payload, key)));
    attestations.push(bundle);
  }
  return { images, attestations, disks };
}
