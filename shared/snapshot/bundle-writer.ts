/**
 * Writes the snapshot bundle as a stream: sorted entries, owner 0:0 with
 * empty user and group names, modes 0755/0644, every mtime the snapshot's
 * epoch, no pax time records (tar-stream writes a pax record only for a path
 * past ustar's limits, and then only the path), manifest.json last. Each file
 * is read once, in 4 MiB chunks, hashed for the manifest on its way into the
 * archive; the archive is hashed on its way to disk. Nothing is held in
 * memory beyond a few chunks, whatever the size of the disks.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { Duplex, PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createZstdCompress } from 'node:zlib';
import { pack, type Header, type Pack } from 'tar-stream';
import { produceAtomic, writeFileAtomic } from '../atomic.ts';
import { DataError } from '../errors.ts';
import { bundleLayout, comparePaths, MANIFEST, type BundleLayout } from './bundle-layout.ts';
import { GzipBlockWriter } from './gzip-blocks.ts';
import { renderManifest, type BundleManifest } from './manifest.ts';
import type { Compression } from './plan.ts';

const CHUNK = 4 * 1024 * 1024;

export interface BundleRequest {
  tree: string;
  /** Where the bundle goes (its name is the manifest's `bundle`). */
  path: string;
  compression: Compression;
  epoch: number;
  /** Everything the manifest says besides the file list. */
  manifest: Omit<BundleManifest, 'files' | 'bundle' | 'source_date_epoch'>;
  /** Blocks deflated at once (gzip). */
  parallel?: number;
}

export interface BundleResult {
  path: string;
  name: string;
  sha256: string;
  size: number;
  /** `<bundle>.sha256`, in the format `shasum -a 256 -c` reads. */
  checksumPath: string;
  manifest: BundleManifest;
  stats: { stored: number; deflated: number } | null;
}

function header(name: string, type: 'file' | 'directory', size: number, epoch: number): Header {
  return {
    linkname: '',
    devmajor: 0,
    devminor: 0,
    name,
    type,
    size,
    mode: type === 'directory' ? 0o755 : 0o644,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    mtime: new Date(epoch * 1000),
  };
}

function addEntry(p: Pack, h: Header, content?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error | null) => (err ? reject(err) : resolve());
    if (content) p.entry(h, content, done);
    else p.entry(h, done);
  });
}

/** Streams one file into its entry; its sha256 on the way. Exactly the stat'ed size is read. */
async function addFile(p: Pack, path: string, source: string, size: number, epoch: number): Promise<string> {
  const hash = createHash('sha256');
  const entry = p.entry(header(path, 'file', size, epoch));
  if (size === 0) {
    await new Promise<void>((resolve) => entry.end(resolve));
  } else {
    await pipeline(
      createReadStream(source, { highWaterMark: CHUNK, end: size - 1 }),
      async function* (chunks: AsyncIterable<Buffer>) {
        let seen = 0;
        for await (const chunk of chunks) {
          seen += chunk.length;
          hash.update(chunk);
          yield chunk;
        }
        if (seen !== size)
          throw new DataError(
            `${source}: changed size while it was bundled (${size} bytes expected, ${seen} read)`,
          );
      },
      entry,
    );
  }
  return hash.digest('hex');
}

async function* gzipBlocks(
  source: AsyncIterable<Buffer>,
  parallel: number,
  stats: { stored: number; deflated: number },
) {
  const out: Buffer[] = [];
  const writer = new GzipBlockWriter(async (c) => void out.push(c), { parallel });
  for await (const chunk of source) {
    await writer.write(chunk);
    yield* out.splice(0);
  }
  await writer.end();
  yield* out.splice(0);
  stats.stored = writer.stats.stored;
  stats.deflated = writer.stats.deflated;
}

/** Writes the bundle (atomically) and its .sha256; returns both and the manifest. */
export async function writeBundle(req: BundleRequest, layout?: BundleLayout): Promise<BundleResult> {
  const name = basename(req.path);
  const tree = layout ?? (await bundleLayout(req.tree));
  const entries = [
    ...tree.directories.map((d) => ({ kind: 'directory' as const, path: d })),
    ...tree.files.map((f) => ({ kind: 'file' as const, path: f.path, file: f })),
  ].sort((a, b) => comparePaths(a.path, b.path));
  const stats = { stored: 0, deflated: 0 };
  const outHash = createHash('sha256');
  let size = 0;
  let manifest!: BundleManifest;

  await produceAtomic(req.path, async (tmp) => {
    const p = pack();
    const compress: Duplex =
      req.compression === 'gzip'
        ? Duplex.from((s: AsyncIterable<Buffer>) => gzipBlocks(s, req.parallel ?? 2, stats))
        : req.compression === 'zstd'
          ? // Level 3, single-threaded: the same bytes on every machine.
            createZstdCompress({
              params: { [constants.ZSTD_c_compressionLevel]: 3, [constants.ZSTD_c_checksumFlag]: 1 },
            })
          : new PassThrough();
    const written = pipeline(
      p,
      compress,
      async function* (s: AsyncIterable<Buffer>) {
        for await (const chunk of s) {
          outHash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(tmp, { mode: 0o644 }),
    );
    const produce = async () => {
      const files: BundleManifest['files'] = [];
      for (const e of entries) {
        if (e.kind === 'directory') await addEntry(p, header(e.path, 'directory', 0, req.epoch));
        else
          files.push({
            path: e.path,
            size: e.file.size,
            sha256: await addFile(p, e.path, e.file.source, e.file.size, req.epoch),
          });
      }
      manifest = { ...req.manifest, bundle: name, source_date_epoch: req.epoch, files };
      await addEntry(
        p,
        header(MANIFEST, 'file', renderManifest(manifest).length, req.epoch),
        renderManifest(manifest),
      );
      p.finalize();
    };
    // The pack is read while it is written; an error on either side ends both.
    await Promise.all([
      produce().catch((e: unknown) => {
        p.destroy(e as Error);
        throw e;
      }),
      written,
    ]);
  });

  const sha256 = outHash.digest('hex');
  const checksumPath = `${req.path}.sha256`;
  // Two spaces: the text-mode line `shasum -a 256 -c` and `sha256sum -c` read.
  await writeFileAtomic(checksumPath, `${sha256}  ${name}\n`);
  return {
    path: req.path,
    name,
    sha256,
    size,
    checksumPath,
    manifest,
    stats: req.compression === 'gzip' ? stats : null,
  };
}
