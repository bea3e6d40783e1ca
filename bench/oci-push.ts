/**
 * Benchmark (a script, not a test): pushing a 2 GiB disk blob to Debian's
 * docker-registry on 127.0.0.1 with the suite's registry client (streamed
 * from disk, digest checked while streaming: PATCH chunks of 64 MiB, of the
 * default 512 MiB, and a single streamed PUT) against `skopeo copy` of the
 * same blob from an OCI layout, interleaved in the same run. Each push goes to a fresh registry,
 * so neither side can skip bytes through a HEAD hit or a cross-repo mount.
 *
 *   node bench/oci-push.ts [rounds] [GiB]        (default: 2 rounds, 2 GiB)
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { run } from '../shared/exec.ts';
import { sha256, sha256File } from '../shared/hash.ts';
import { RegistryClient } from '../shared/oci/registry-client.ts';
import { startRegistry } from '../test/support/registry.ts';

const rounds = Number(process.argv[2] ?? 2);
const gib = Number(process.argv[3] ?? 2);
const requested = Math.round(gib * 1024 ** 3);
const LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

/**
 * The blob: random bytes in a gzip stream of stored (level 0) blocks. skopeo
 * keeps a layer that is already compressed as it is; an uncompressed one it
 * would gzip on the way, and the two sides would no longer push the same bytes.
 */
async function makeDisk(path: string): Promise<void> {
  const block = randomBytes(16 * 1024 * 1024);
  const raw = requested - 1024 * 1024; // room for gzip's headers; the exact size is read back below
  async function* source() {
    for (let n = 0; n < raw; n += block.length) yield block.subarray(0, Math.min(block.length, raw - n));
  }
  await pipeline(Readable.from(source()), createGzip({ level: 0 }), createWriteStream(path));
}

/** An OCI layout holding the disk as the single layer of an image skopeo accepts. */
async function makeLayout(dir: string, disk: string, digest: string): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await link(disk, join(dir, 'blobs', 'sha256', digest)); // same bytes, no copy
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [`sha256:${digest}`] },
    }),
  );
  const configDigest = sha256(config);
  await writeFile(join(dir, 'blobs', 'sha256', configDigest), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${configDigest}`,
        size: config.length,
      },
      layers: [{ mediaType: LAYER, digest: `sha256:${digest}`, size }],
    }),
  );
  const manifestDigest = sha256(manifest);
  await writeFile(join(dir, 'blobs', 'sha256', manifestDigest), manifest);
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${manifestDigest}`,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'bench' },
        },
      ],
    }),
  );
}

async function timed(what: () => Promise<void>): Promise<number> {
  const registryStart = performance.now();
  await what();
  return performance.now() - registryStart;
}

let size = 0;
const dir = await mkdtemp(join(tmpdir(), 'bench-oci-'));
try {
  const disk = join(dir, 'disk.img');
  await makeDisk(disk);
  size = (await stat(disk)).size;
  const digest = await sha256File(disk);
  const layout = join(dir, 'layout');
  await makeLayout(layout, disk, digest);

  const results: Record<string, number[]> = {
    'client, 64 MiB chunks': [],
    'client, 512 MiB chunks (default)': [],
    'client, one PUT': [],
    'skopeo copy': [],
  };
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(results)) {
      const registry = await startRegistry();
      try {
        let ms: number;
        if (name === 'skopeo copy') {
          ms = await timed(async () => {
            await run('skopeo', [
              'copy',
              '--quiet',
              '--dest-tls-verify=false',
              `oci:${layout}:bench`,
              `docker://${registry.host}/bench/disk:skopeo`,
            ]);
          });
        } else {
          const client = new RegistryClient({
            registry: registry.host,
            chunkSize:
              name === 'client, one PUT' ? size + 1 : name.includes('64 MiB') ? 64 * 1024 * 1024 : undefined,
          });
          ms = await timed(async () => {
            const r = await client.uploadBlob('bench/disk', { path: disk, digest: `sha256:${digest}`, size });
            if (!r.uploaded) throw new Error('the blob was not uploaded');
          });
        }
        const stored = await new RegistryClient({ registry: registry.host }).headBlob(
          'bench/disk',
          `sha256:${digest}`,
        );
        if (stored !== size) throw new Error(`${name}: the registry holds ${stored} bytes, expected ${size}`);
        results[name]!.push(ms);
      } finally {
        await registry.stop();
      }
    }
  }

  const mibs = (ms: number) => size / 1024 ** 2 / (ms / 1000);
  const best = (xs: number[]) => Math.min(...xs);
  console.log(`push of a ${gib} GiB blob to docker-registry on 127.0.0.1, best of ${rounds} round(s)\n`);
  console.log('| method | best s | MiB/s | all runs (s) |');
  console.log('|---|---:|---:|---|');
  for (const [name, xs] of Object.entries(results))
    console.log(
      `| ${name} | ${(best(xs) / 1000).toFixed(2)} | ${mibs(best(xs)).toFixed(0)} | ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} |`,
    );
  const skopeo = best(results['skopeo copy']!);
  for (const name of Object.keys(results).filter((n) => n.startsWith('client')))
    console.log(`\n${name}: ${(mibs(best(results[name]!)) / mibs(skopeo)).toFixed(2)}× skopeo's throughput`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
