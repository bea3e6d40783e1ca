/**
 * Hand-made tar archives for the hostile-input tests. A tar writer refuses to
 * produce what these tests need (pax records with out-of-range owners or
 * malformed values, names that are not UTF-8, unknown type flags, GNU long
 * names, global headers), so the 512-byte headers are built here byte by byte
 * following POSIX ustar/pax and GNU tar's documented layout.
 */

/** Bytes of a field: strings are UTF-8, Buffers are taken as they are (for invalid UTF-8). */
type Bytes = string | Buffer;

export interface RawHeader {
  name: Bytes;
  /** The one-character type flag: '0' file, '1' hardlink, '2' symlink, '5' directory, 'x' pax, 'S' GNU sparse… */
  type?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  /** Written into the size field; defaults to the length of `data`. */
  size?: number;
  mtime?: number;
  linkname?: Bytes;
  uname?: string;
  gname?: string;
  devmajor?: number;
  devminor?: number;
  /** 'ustar' (POSIX, magic "ustar\0" "00") or 'gnu' (magic "ustar " " \0"). */
  format?: 'ustar' | 'gnu';
  /** Raw bytes written over the header at the given offsets before the checksum (e.g. a GNU sparse map). */
  patch?: [offset: number, bytes: Buffer][];
}

export interface RawEntry extends RawHeader {
  data?: Buffer;
  /** Per-entry pax records, written as a typeflag 'x' header before this entry. */
  pax?: Record<string, Bytes>;
}

const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';

function put(block: Buffer, offset: number, width: number, value: Bytes): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (bytes.length > width) throw new Error(`tar field at ${offset} is ${bytes.length} bytes, over ${width}`);
  bytes.copy(block, offset);
}

/** One 512-byte header block with a valid checksum. */
export function headerBlock(h: RawHeader): Buffer {
  const block = Buffer.alloc(512);
  put(block, 0, 100, h.name);
  put(block, 100, 8, octal(h.mode ?? 0o644, 8));
  put(block, 108, 8, octal(h.uid ?? 0, 8));
  put(block, 116, 8, octal(h.gid ?? 0, 8));
  put(block, 124, 12, octal(h.size ?? 0, 12));
  put(block, 136, 12, octal(h.mtime ?? 1700000000, 12));
  put(block, 156, 1, h.type ?? '0');
  if (h.linkname !== undefined) put(block, 157, 100, h.linkname);
  if ((h.format ?? 'ustar') === 'ustar') put(block, 257, 8, Buffer.from('ustar\u000000', 'latin1'));
  else put(block, 257, 8, Buffer.from('ustar  \u0000', 'latin1'));
  put(block, 265, 32, h.uname ?? 'root');
  put(block, 297, 32, h.gname ?? 'root');
  put(block, 329, 8, octal(h.devmajor ?? 0, 8));
  put(block, 337, 8, octal(h.devminor ?? 0, 8));
  for (const [offset, bytes] of h.patch ?? []) bytes.copy(block, offset);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  put(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

/** `data` followed by zeros up to the next 512-byte boundary. */
function padded(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest ? Buffer.concat([data, Buffer.alloc(512 - rest)]) : data;
}

/** pax records: each `<length> <key>=<value>\n`, where the length counts itself. */
export function paxRecords(records: Record<string, Bytes>): Buffer {
  const out: Buffer[] = [];
  for (const [key, value] of Object.entries(records)) {
    const body = Buffer.concat([
      Buffer.from(` ${key}=`),
      typeof value === 'string' ? Buffer.from(value) : value,
      Buffer.from('\n'),
    ]);
    let length = body.length + 1;
    while (String(length).length + body.length !== length) length = String(length).length + body.length;
    out.push(Buffer.concat([Buffer.from(String(length)), body]));
  }
  return Buffer.concat(out);
}

/** A header with its data, padded. */
export function rawEntry(h: RawHeader, data: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([headerBlock({ ...h, size: h.size ?? data.length }), padded(data)]);
}

/** A pax extended header ('x' per entry, 'g' global) carrying `records`, or raw record bytes. */
export function paxHeader(records: Record<string, Bytes> | Buffer, global = false): Buffer {
  const data = Buffer.isBuffer(records) ? records : paxRecords(records);
  return rawEntry(
    { name: global ? 'pax_global_header' : 'PaxHeaders/entry', type: global ? 'g' : 'x' },
    data,
  );
}

/** A whole archive: each entry (with its pax header when it has records), then the two zero blocks. */
export function rawTar(entries: (RawEntry | Buffer)[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (Buffer.isBuffer(e)) {
      parts.push(e);
      continue;
    }
    if (e.pax) parts.push(paxHeader(e.pax));
    parts.push(rawEntry(e, e.data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
