/**
 * Reads the entries of a zip archive held in memory (OSV's `all.zip`
 * export): the central directory is located from the end record, each entry
 * is read from its local header and inflated with zlib's inflateRaw. Nothing
 * is written to disk, so an entry name cannot escape anywhere; sizes are
 * bounded so a hostile archive cannot exhaust memory. Written here because
 * the suite needs only this read path, and the npm zip readers either write
 * files or pull in a stream stack for what is 80 lines over Buffer.
 */
import { inflateRawSync } from 'node:zlib';
import { DataError } from '../errors.ts';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface ZipLimits {
  /** Largest accepted uncompressed entry. */
  maxEntryBytes: number;
  /** Largest accepted sum of uncompressed entries (default 4 GiB). */
  maxTotalBytes?: number;
  /** Most entries accepted (default 2,000,000). */
  maxEntries?: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndRecord(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  throw new DataError('not a zip archive: no end of central directory record');
}

export function readZipEntries(zip: Buffer, limits: ZipLimits, label = 'zip archive'): ZipEntry[] {
  if (zip.length < 22) throw new DataError(`${label}: too short to be a zip archive`);
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  const cdOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new DataError(`${label}: zip64 archives are not supported`);
  if (cdOffset + cdSize > end) throw new DataError(`${label}: central directory lies outside the archive`);
  if (count > (limits.maxEntries ?? 2_000_000)) throw new DataError(`${label}: too many entries (${count})`);
  const maxTotal = limits.maxTotalBytes ?? 4 * 1024 ** 3;
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || zip.readUInt32LE(p) !== CENTRAL)
      throw new DataError(`${label}: central directory entry ${n} is malformed`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new DataError(`${label}: ${name} is encrypted`);
    if (size > limits.maxEntryBytes)
      throw new DataError(
        `${label}: ${name} is ${size} bytes, more than the ${limits.maxEntryBytes} accepted`,
      );
    total += size;
    if (total > maxTotal) throw new DataError(`${label}: more than ${maxTotal} bytes uncompressed`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
      throw new DataError(`${label}: ${name}: local header is missing`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length)
      throw new DataError(`${label}: ${name} runs past the end of the archive`);
    const raw = zip.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
      } catch (e) {
        throw new DataError(`${label}: ${name} does not inflate: ${(e as Error).message}`);
      }
    } else
      throw new DataError(`${label}: ${name} uses compression method ${method} (only stored and deflate)`);
    if (data.length !== size)
      throw new DataError(`${label}: ${name} inflates to ${data.length} bytes, the directory says ${size}`);
    entries.push({ name, data });
  }
  return entries;
}
