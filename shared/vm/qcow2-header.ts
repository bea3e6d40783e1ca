/**
 * Reads what a disk image's first bytes say about it: its format and, for
 * qcow2, its backing file, the backing file's format and whether it needs an
 * external data file. Pure (Buffer in, facts out), so a hostile header is
 * unit-tested without QEMU. We read this ourselves instead of asking
 * `qemu-img info`, because qemu-img opens what a header names (a backing
 * file, a data file, a `json:` or network pseudo-path) before we could refuse it.
 *
 * Layout: docs/interop/qcow2.txt in QEMU's source (all fields big-endian).
 */

export const QCOW2_MAGIC = 0x514649fb; // "QFI\xfb"
/** Enough for the fixed header of every qcow2 version. */
export const QCOW2_FIXED_HEADER = 104;
/** qcow2 clusters are 512 B .. 2 MiB; the header, its extensions and the backing name all sit in the first cluster. */
export const QCOW2_MAX_CLUSTER_BITS = 21;
const QCOW2_MIN_CLUSTER_BITS = 9;
/** QEMU refuses longer backing file names. */
const MAX_BACKING_NAME = 1023;

const EXT_END = 0;
const EXT_BACKING_FORMAT = 0xe2792aca;
const EXT_DATA_FILE = 0x44415441;
const INCOMPAT_DATA_FILE = 1n << 2n;

/** Formats a disk image is not: QEMU would probe them, and boot-verify boots qcow2 and raw only. */
const OTHER_FORMATS: { name: string; offset: number; magic: string }[] = [
  { name: 'vmdk', offset: 0, magic: 'KDMV' },
  { name: 'vmdk', offset: 0, magic: 'COWD' },
  { name: 'vdi', offset: 0, magic: '<<< ' },
  { name: 'vhdx', offset: 0, magic: 'vhdxfile' },
  { name: 'vpc', offset: 0, magic: 'conectix' },
  { name: 'qed', offset: 0, magic: 'QED\0' },
  { name: 'luks', offset: 0, magic: 'LUKS\xba\xbe' },
  { name: 'parallels', offset: 0, magic: 'WithoutFreeSpace' },
  { name: 'parallels', offset: 0, magic: 'WithouFreSpacExt' },
  { name: 'bochs', offset: 0, magic: 'Bochs Virtual HD Image' },
];

/** What the first bytes of a file say its format is: qcow2, raw (no known header) or another format's name. */
export function detectFormat(head: Buffer): 'qcow2' | 'raw' | { other: string } {
  if (head.length >= 4 && head.readUInt32BE(0) === QCOW2_MAGIC) return 'qcow2';
  for (const f of OTHER_FORMATS) {
    if (head.toString('latin1', f.offset, f.offset + f.magic.length) === f.magic) {
      // A VirtualBox image announces itself in text and confirms it with a signature.
      if (f.name === 'vdi' && !(head.length >= 0x44 && head.readUInt32LE(0x40) === 0xbeda107f)) continue;
      return { other: f.name };
    }
  }
  return 'raw';
}

export interface Qcow2Header {
  version: number;
  clusterBits: number;
  virtualSize: number;
  /** The backing file name exactly as QEMU reads it (often relative to the image's directory). */
  backingFile?: string;
  /** The backing format extension (e.g. qcow2, raw), when present. */
  backingFormat?: string;
  /** The image keeps its data in another file, which QEMU would open too. */
  externalDataFile: boolean;
}

/** A header that cannot be trusted; the message says what is wrong with it. */
export class Qcow2HeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Qcow2HeaderError';
  }
}

/** The cluster size a fixed header declares, so the caller reads exactly the first cluster. */
export function qcow2ClusterBits(fixed: Buffer): number {
  if (fixed.length < 24) throw new Qcow2HeaderError('the qcow2 header is cut short');
  const bits = fixed.readUInt32BE(20);
  if (bits < QCOW2_MIN_CLUSTER_BITS || bits > QCOW2_MAX_CLUSTER_BITS) {
    throw new Qcow2HeaderError(`the qcow2 header declares an invalid cluster size (2^${bits} bytes)`);
  }
  return bits;
}

/** Strict UTF-8 decoding: the name checked must be the very name QEMU opens. */
function decodeName(bytes: Buffer, what: string): string {
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Qcow2HeaderError(`the ${what} name is not valid UTF-8`);
  }
  if (name.includes('\0')) throw new Qcow2HeaderError(`the ${what} name contains a NUL byte`);
  return name;
}

/**
 * Parses a qcow2 header from the image's first cluster (`cluster` holds at
 * least the first min(cluster size, file size) bytes). Throws
 * Qcow2HeaderError for anything QEMU would read differently or refuse.
 */
export function parseQcow2Header(cluster: Buffer): Qcow2Header {
  if (cluster.length < 72 || cluster.readUInt32BE(0) !== QCOW2_MAGIC) {
    throw new Qcow2HeaderError('not a qcow2 image (no qcow2 header)');
  }
  const version = cluster.readUInt32BE(4);
  if (version !== 2 && version !== 3) {
    throw new Qcow2HeaderError(`qcow2 version ${version} is not supported (accepted: 2 or 3)`);
  }
  const clusterBits = qcow2ClusterBits(cluster);
  const clusterSize = 2 ** clusterBits;
  const usable = Math.min(clusterSize, cluster.length);
  const backingOffset = cluster.readBigUInt64BE(8);
  const backingSize = cluster.readUInt32BE(16);
  const virtualSize = Number(cluster.readBigUInt64BE(24));

  let headerLength = 72;
  let incompatible = 0n;
  if (version === 3) {
    if (cluster.length < QCOW2_FIXED_HEADER) throw new Qcow2HeaderError('the qcow2 v3 header is cut short');
    incompatible = cluster.readBigUInt64BE(72);
    headerLength = cluster.readUInt32BE(100);
    if (headerLength < QCOW2_FIXED_HEADER || headerLength > usable) {
      throw new Qcow2HeaderError(`the qcow2 header length ${headerLength} is invalid`);
    }
  }

  let backingFile: string | undefined;
  if (backingOffset !== 0n) {
    // QEMU's own limits: the name lies inside the first cluster and is at most 1023 bytes.
    if (backingSize === 0 || backingSize > MAX_BACKING_NAME) {
      throw new Qcow2HeaderError(`the backing file name is ${backingSize} bytes long (accepted: 1 to 1023)`);
    }
    const start = Number(backingOffset);
    if (backingOffset > BigInt(usable) || start + backingSize > usable) {
      throw new Qcow2HeaderError('the backing file name lies outside the first cluster');
    }
    backingFile = decodeName(cluster.subarray(start, start + backingSize), 'backing file');
  }

  // Header extensions follow the header, up to the backing name (or the end of the cluster).
  let backingFormat: string | undefined;
  let dataFileExtension = false;
  const end = backingFile !== undefined ? Number(backingOffset) : usable;
  let offset = headerLength;
  while (offset + 8 <= end) {
    const type = cluster.readUInt32BE(offset);
    const length = cluster.readUInt32BE(offset + 4);
    offset += 8;
    if (type === EXT_END) break;
    if (length > end - offset) throw new Qcow2HeaderError('a qcow2 header extension runs past its space');
    const data = cluster.subarray(offset, offset + length);
    if (type === EXT_BACKING_FORMAT) backingFormat = decodeName(data, 'backing format');
    if (type === EXT_DATA_FILE) dataFileExtension = true;
    offset += Math.ceil(length / 8) * 8;
  }

  return {
    version,
    clusterBits,
    virtualSize,
    ...(backingFile !== undefined ? { backingFile } : {}),
    ...(backingFormat !== undefined ? { backingFormat } : {}),
    externalDataFile: (incompatible & INCOMPAT_DATA_FILE) !== 0n || dataFileExtension,
  };
}

/**
 * Whether QEMU reads a backing name as a protocol rather than a file path:
 * `json:{…}`, `nbd:host:port`, `http://…`, `file:…` — any ':' before the
 * first '/' (QEMU's path_has_protocol()).
 */
export function hasProtocolPrefix(name: string): boolean {
  const stop = name.search(/[:/]/);
  return stop !== -1 && name[stop] === ':';
}
