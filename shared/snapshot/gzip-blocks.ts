/**
 * A gzip writer for trees of mostly incompressible bytes (qcow2 disks written
 * with `qemu-img convert -c` are already zstd- or zlib-compressed): the
 * input is cut into 1 MiB blocks, and each block is either deflated at
 * level 6 (gzip's default, so text and metadata come out as small as with
 * `gzip`) on the thread pool — Huffman-only when a level-1 trial of three small
 * samples gains under 15% — or stored, when the trial gains under 3%. Deflating incompressible data costs
 * as much time as compressible data (about 28 MB/s here, at any level) and
 * saves under 1.5%; storing it costs nothing. Every deflated block ends with
 * a sync flush, so the blocks concatenate into one valid deflate stream; the
 * member has no name and a zero time, so output bytes depend on input bytes
 * only. No library does this (Node's zlib streams keep one level for the
 * whole stream and run on one thread), hence this file.
 */
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';

const deflateRawAsync = promisify(deflateRaw);

export const BLOCK = 1024 * 1024;
const SAMPLE = 16 * 1024;
/** Store a block whose samples shrink by less than 3%; Huffman-code one that shrinks by less than 15%. */
const WORTH_IT = 0.97;
const WELL_COMPRESSIBLE = 0.85;
const STORED_MAX = 65535;

/** Where the compressed bytes go, in order. */
export type ByteSink = (chunk: Buffer) => Promise<void>;

/** gzip header: magic, deflate, no flags, mtime 0, no extra flags, OS 3 (as `gzip -n` on Linux). */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty final stored block: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/** Size ratio of a level-1 deflate of three 16 KiB samples (start, middle, end). */
export function sampleRatio(block: Buffer): number {
  if (block.length <= 3 * SAMPLE)
    return deflateRawSync(block, { level: 1 }).length / Math.max(1, block.length);
  let raw = 0;
  let packed = 0;
  for (const at of [0, (block.length - SAMPLE) >> 1, block.length - SAMPLE]) {
    const sample = block.subarray(at, at + SAMPLE);
    raw += sample.length;
    packed += deflateRawSync(sample, { level: 1 }).length;
  }
  return packed / raw;
}

/** True when deflating the block is worth its time (see sampleRatio). */
export function worthDeflating(block: Buffer): boolean {
  return sampleRatio(block) < WORTH_IT;
}

/** Non-final stored deflate blocks holding `block` (the stream is byte-aligned between blocks). */
export function storedBlocks(block: Buffer): Buffer {
  const count = Math.ceil(block.length / STORED_MAX);
  const out = Buffer.allocUnsafe(block.length + 5 * count);
  let o = 0;
  for (let i = 0; i < block.length; i += STORED_MAX) {
    const len = Math.min(STORED_MAX, block.length - i);
    out[o] = 0; // BFINAL 0, BTYPE 00 (stored)
    out.writeUInt16LE(len, o + 1);
    out.writeUInt16LE(~len & 0xffff, o + 3);
    block.copy(out, o + 5, i, i + len);
    o += 5 + len;
  }
  return out;
}

export interface GzipBlocksOptions {
  level?: number;
  /** Blocks deflated at once on the thread pool. */
  parallel?: number;
}

export class GzipBlockWriter {
  private readonly sink: ByteSink;
  private readonly level: number;
  private readonly parallel: number;
  private pending = Buffer.alloc(0);
  private crc = 0;
  private size = 0;
  /** Encoded blocks in input order, written to the sink as each one's turn comes. */
  private queue: Promise<Buffer>[] = [];
  private started = false;
  stats = { blocks: 0, stored: 0, deflated: 0 };

  constructor(sink: ByteSink, options: GzipBlocksOptions = {}) {
    this.sink = sink;
    this.level = options.level ?? 6;
    this.parallel = Math.max(1, options.parallel ?? 2);
  }

  async write(data: Buffer): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.sink(HEADER);
    }
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    let offset = 0;
    if (this.pending.length) {
      const need = BLOCK - this.pending.length;
      const take = data.subarray(0, need);
      this.pending = Buffer.concat([this.pending, take]);
      offset = take.length;
      if (this.pending.length < BLOCK) return;
      await this.encode(this.pending);
      this.pending = Buffer.alloc(0);
    }
    for (; offset + BLOCK <= data.length; offset += BLOCK)
      await this.encode(data.subarray(offset, offset + BLOCK));
    // The caller may reuse its buffer: keep a copy of the tail.
    if (offset < data.length) this.pending = Buffer.from(data.subarray(offset));
  }

  private async encode(block: Buffer): Promise<void> {
    this.stats.blocks++;
    const ratio = sampleRatio(block);
    if (ratio < WORTH_IT) {
      this.stats.deflated++;
      // Slightly compressible blocks (the padding between a qcow2's compressed clusters) gain nearly
      // as much from Huffman coding alone, at a sixth of the time of a match search.
      const strategy = ratio < WELL_COMPRESSIBLE ? constants.Z_DEFAULT_STRATEGY : constants.Z_HUFFMAN_ONLY;
      // Deflated later on the thread pool: from a copy, as the caller may refill its buffer meanwhile.
      this.queue.push(
        deflateRawAsync(Buffer.from(block), {
          level: this.level,
          strategy,
          finishFlush: constants.Z_SYNC_FLUSH,
        }),
      );
    } else {
      this.stats.stored++;
      this.queue.push(Promise.resolve(storedBlocks(block)));
    }
    while (this.queue.length >= this.parallel) await this.sink(await this.queue.shift()!);
  }

  async end(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.sink(HEADER);
    }
    if (this.pending.length) await this.encode(this.pending);
    this.pending = Buffer.alloc(0);
    while (this.queue.length) await this.sink(await this.queue.shift()!);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(this.crc >>> 0, 0);
    trailer.writeUInt32LE(this.size % 2 ** 32, 4);
    await this.sink(Buffer.concat([FINAL_BLOCK, trailer]));
  }
}
