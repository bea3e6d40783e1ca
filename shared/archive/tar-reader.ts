/**
 * Reads a tar stream entry by entry with every header record applied exactly,
 * on top of tar-stream's framing.
 *
 * Written here because tar-stream, on its own, gives a wrong answer for a
 * rootfs: it applies only the pax `path`, `linkpath` and `size` records (so a
 * pax `uid`, `gid` or `mtime` is dropped and the entry keeps whatever the
 * 8-byte ustar field says, often 0: root), merges a global pax header only into
 * entries that have their own, parses pax records leniently (a malformed one
 * silently ends the header), decodes names with U+FFFD in place of invalid
 * UTF-8, and reports type flags it does not know (GNU sparse 'S', …) as
 * `null`. Here the pax bytes are captured raw and parsed strictly, names are
 * read as bytes (`filenameEncoding: 'latin1'` keeps them 1:1) and decoded as
 * strict UTF-8, and whatever cannot be represented exactly is refused naming
 * the entry — never guessed.
 */
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { DataError } from '../errors.ts';

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** One entry's header with its pax records applied; names are decoded, not normalised. */
export interface TarEntryHeader {
  path: string;
  type: TarEntryType;
  /** Permission bits including setuid/setgid/sticky (07777). */
  mode: number;
  uid: number;
  gid: number;
  /** Owner names as recorded; ownership itself is numeric (see `readTarEntries`). */
  uname: string;
  gname: string;
  size: number;
  /** Seconds since the epoch, rounded down (pax times may have fractions or be negative). */
  mtime: number;
  /** hardlink / symlink target as stored. */
  linkpath?: string;
  devmajor: number;
  devminor: number;
  /** Extended attributes (file capabilities, ACLs in the kernel's xattr format, user.*), sorted by name. */
  xattrs: TarXattr[];
}

export interface TarXattr {
  name: string;
  value: Buffer;
}

/** The largest owner id ext4 (and POSIX tar readers such as GNU tar) accept: 32 bits. */
export const MAX_OWNER_ID = 0xffffffff;

const TYPES: Record<string, TarEntryType> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/** pax records that would rename or resize every later entry: never meaningful in a global header. */
const PER_ENTRY_ONLY = ['path', 'linkpath', 'size'];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8, or undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name for an error message: printable ASCII as is, every other byte as \xNN. */
export function printableBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/**
 * Parses pax extended-header data: records `<length> <key>=<value>\n` where
 * the decimal length counts the whole record. Strict: any record that does not
 * fit this shape fails (GNU tar would refuse it too), so this reader never sees
 * fewer records than another tool would.
 */
export function parsePaxRecords(data: Buffer, where: string): Map<string, Buffer> {
  const records = new Map<string, Buffer>();
  let pos = 0;
  while (pos < data.length) {
    // Some writers pad the data block with NULs after the last record.
    if (data.subarray(pos).every((b) => b === 0)) break;
    const space = data.indexOf(0x20, pos);
    const lengthText = space > pos ? data.toString('latin1', pos, space) : '';
    if (!/^[1-9]\d{0,8}$/.test(lengthText))
      throw new DataError(`${where}: malformed pax record at byte ${pos} (no decimal length)`);
    const end = pos + Number(lengthText);
    if (end > data.length || data[end - 1] !== 0x0a)
      throw new DataError(
        `${where}: malformed pax record at byte ${pos} (length ${lengthText} does not end at a newline)`,
      );
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    const key = equals > 0 ? decodeUtf8(record.subarray(0, equals)) : undefined;
    if (key === undefined)
      throw new DataError(`${where}: malformed pax record at byte ${pos} (no key=value)`);
    // GNU sparse 0.0 repeats its offset/size records (such entries are refused as sparse later); nothing else may.
    if (records.has(key) && !key.startsWith('GNU.sparse.'))
      throw new DataError(`${where}: pax record '${key}' appears twice`);
    records.set(key, Buffer.from(record.subarray(equals + 1)));
    pos = end;
  }
  return records;
}

/** A pax time (`-?seconds[.fraction]`) rounded down to whole seconds: -1.5 is second -2. */
export function paxSeconds(record: Buffer): number | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(record.toString('latin1'));
  if (!m) return undefined;
  const whole = Number(m[2]);
  const fraction = /[1-9]/.test(m[3] ?? '');
  return m[1] ? -whole - (fraction ? 1 : 0) : whole;
}

/** What tar-stream does not hand out: the raw pax data it is about to decode. */
interface ExtractInternals {
  _header: { type: string | null } | null;
  _decodeLongHeader(this: ExtractInternals, data: Buffer): void;
}

/**
 * Reads every entry of the tar stream that `stages` produce (a source, then
 * transforms such as a decompressor), calling `onEntry` one entry at
 * a time with its header and body. Ownership is numeric, as `tar
 * --numeric-owner` extracts it: a name-to-id lookup would use the build
 * machine's user database, not the image's, and a hostile entry named 'root'
 * with uid 1000 must stay uid 1000. Errors name `origin` and the entry.
 */
export async function readTarEntries(
  stages: readonly (Readable | Transform)[],
  origin: string,
  onEntry: (header: TarEntryHeader, body: Readable) => Promise<void>,
): Promise<void> {
  // latin1 maps each byte of a ustar/GNU name to one character, so the bytes can be recovered and checked.
  const ex = extract({ filenameEncoding: 'latin1' } as unknown as Parameters<typeof extract>[0]);
  const internals = ex as unknown as ExtractInternals;
  const decodeLongHeader = internals._decodeLongHeader;
  if (typeof decodeLongHeader !== 'function')
    throw new Error('tar-stream no longer has _decodeLongHeader: update shared/archive/tar-reader.ts');
  const pending: { pax: Buffer[]; globals: Buffer[] } = { pax: [], globals: [] };
  internals._decodeLongHeader = function (data: Buffer) {
    const type = this._header?.type;
    if (type === 'pax-header') pending.pax.push(Buffer.from(data));
    else if (type === 'pax-global-header') pending.globals.push(Buffer.from(data));
    decodeLongHeader.call(this, data);
  };
  const global = new Map<string, Buffer>();

  const feeding = pipeline([...stages, ex] as unknown as NodeJS.ReadWriteStream[]);
  // Observed below; until then a rejection must not count as unhandled.
  feeding.catch(() => undefined);
  try {
    for await (const body of ex) {
      const raw = (body as unknown as { header: Header }).header;
      const pax = pending.pax;
      const globals = pending.globals;
      pending.pax = [];
      pending.globals = [];
      const header = applyRecords(raw, pax, globals, global, origin);
      await onEntry(header, body as unknown as Readable);
      // Whatever the caller left unread (a symlink header claiming data, say) is skipped.
      for await (const chunk of body) void chunk;
    }
  } catch (e) {
    ex.destroy();
    for (const stage of stages) stage.destroy();
    await feeding.catch(() => undefined);
    throw e;
  }
  await feeding;
}

/** Applies the pax records (global, then the entry's own) to tar-stream's header and checks every field. */
function applyRecords(
  raw: Header,
  paxData: Buffer[],
  globalData: Buffer[],
  global: Map<string, Buffer>,
  origin: string,
): TarEntryHeader {
  // Named from the ustar/GNU fields until the pax path is known, for errors about the records themselves.
  let name = printableBytes(Buffer.from(raw.name ?? '', 'latin1'));
  const at = () => `${origin}: entry '${name}'`;
  for (const data of globalData) {
    for (const [key, value] of parsePaxRecords(data, `${origin}: pax global header before entry '${name}'`)) {
      if (PER_ENTRY_ONLY.includes(key) || isAttributeRecord(key))
        throw new DataError(
          `${origin}: a pax global header before entry '${name}' sets '${key}' for every later entry`,
        );
      // An empty value removes the global record (POSIX).
      if (value.length === 0) global.delete(key);
      else global.set(key, value);
    }
  }
  if (paxData.length > 1) throw new DataError(`${at()} has ${paxData.length} pax headers; one is allowed`);
  const own = paxData[0] ? parsePaxRecords(paxData[0], `${at()}: pax header`) : new Map<string, Buffer>();
  const records = new Map(global);
  for (const [key, value] of own) {
    // An empty value means "no record": the ustar field applies.
    if (value.length === 0) records.delete(key);
    else records.set(key, value);
  }

  const text = (key: string, fallback: Buffer | undefined): string | undefined => {
    const bytes = records.get(key) ?? fallback;
    if (bytes === undefined) return undefined;
    const decoded = decodeUtf8(bytes);
    if (decoded === undefined) {
      throw new DataError(
        `${origin}: entry '${printableBytes(bytes)}' has a ${key} that is not valid UTF-8 (only UTF-8 names can be written into the image)`,
      );
    }
    return decoded;
  };
  const path = text('path', Buffer.from(raw.name ?? '', 'latin1'))!;
  name = path;
  if (raw.type === null || TYPES[raw.type] === undefined) {
    throw new DataError(
      `${at()} has a tar type build-base does not read (a GNU sparse 'S', multi-volume 'M', volume label 'V' or vendor type): accepted are files, directories, symlinks, hardlinks, devices and FIFOs`,
    );
  }
  const sparse = [...records.keys()].find((k) => k.startsWith('GNU.sparse.'));
  if (sparse) {
    const real = records.get('GNU.sparse.name');
    throw new DataError(
      `${origin}: entry '${real ? printableBytes(real) : name}' is a sparse file (pax record ${sparse}); build-base refuses sparse entries rather than lay their data out: create the tarball without --sparse`,
    );
  }
  const type = TYPES[raw.type]!;
  const linkpath =
    type === 'hardlink' || type === 'symlink'
      ? text('linkpath', raw.linkname ? Buffer.from(raw.linkname, 'latin1') : Buffer.alloc(0))
      : undefined;

  /** A numeric field: the pax record when there is one (strict decimal), else the ustar/GNU field. */
  const integer = (key: string, fieldValue: number, max: number, limit: string): number => {
    const record = records.get(key);
    if (record === undefined) {
      if (!Number.isSafeInteger(fieldValue) || fieldValue < 0 || fieldValue > max)
        throw new DataError(`${at()}: its ${key} ${fieldValue} is out of range (0 to ${max}, ${limit})`);
      return fieldValue;
    }
    const value = record.toString('latin1');
    if (!/^\d+$/.test(value))
      throw new DataError(`${at()}: pax ${key} record '${printableBytes(record)}' is not a decimal number`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n > max)
      throw new DataError(`${at()}: pax ${key} record ${value} is above ${max}, ${limit}`);
    return n;
  };
  const uid = integer('uid', raw.uid, MAX_OWNER_ID, 'the largest owner ext4 can store');
  const gid = integer('gid', raw.gid, MAX_OWNER_ID, 'the largest group ext4 can store');
  const size = integer('size', raw.size, Number.MAX_SAFE_INTEGER, 'the largest size read');
  // tar-stream framed the entry with its own reading of the size; a disagreement would desynchronise the archive.
  if (size !== raw.size)
    throw new DataError(`${at()}: pax size record ${size} disagrees with the size read (${raw.size})`);

  const mtimeRecord = records.get('mtime');
  const mtime = mtimeRecord === undefined ? Math.floor(raw.mtime.getTime() / 1000) : paxSeconds(mtimeRecord);
  if (mtime === undefined || !Number.isSafeInteger(mtime)) {
    throw new DataError(
      `${at()}: ${mtimeRecord ? `pax mtime record '${printableBytes(mtimeRecord)}' is not a time in seconds` : 'its modification time is out of range'}`,
    );
  }
  const xattrs = extendedAttributes(records, at());
  const uname = text('uname', undefined) ?? raw.uname ?? '';
  const gname = text('gname', undefined) ?? raw.gname ?? '';
  return {
    path,
    type,
    mode: (raw.mode ?? 0o644) & 0o7777,
    uid,
    gid,
    uname,
    gname,
    size,
    mtime,
    linkpath,
    devmajor: raw.devmajor ?? 0,
    devminor: raw.devminor ?? 0,
    xattrs,
  };
}

const SCHILY_XATTR = 'SCHILY.xattr.';
const LIBARCHIVE_XATTR = 'LIBARCHIVE.xattr.';
/** star's textual ACLs (GNU tar --acls writes them): not the kernel's xattr format ext4 stores. */
const TEXT_ACL = /^SCHILY\.acl\./;
/** Namespaces an ext4 filesystem stores for files; system.* beyond the POSIX ACLs is the kernel's own. */
const XATTR_NAME = /^(?:user|security|trusted)\.[^\0"\n\r]+$|^system\.posix_acl_(?:access|default)$/;
const MAX_XATTR_NAME_BYTES = 255;
/** ext4 keeps an inode's attributes in the inode and one block: larger values cannot be stored. */
export const MAX_XATTR_VALUE_BYTES = 3800;

function isAttributeRecord(key: string): boolean {
  return key.startsWith(SCHILY_XATTR) || key.startsWith(LIBARCHIVE_XATTR) || TEXT_ACL.test(key);
}

/**
 * The entry's extended attributes: `SCHILY.xattr.<name>` (raw value; GNU tar
 * and bsdtar) and `LIBARCHIVE.xattr.<url-encoded name>` (base64 value; bsdtar
 * writes both). Anything ext4 cannot take is refused, never dropped.
 */
function extendedAttributes(records: Map<string, Buffer>, at: string): TarXattr[] {
  const found = new Map<string, Buffer>();
  const add = (name: string, value: Buffer, record: string) => {
    if (!XATTR_NAME.test(name) || Buffer.byteLength(name) > MAX_XATTR_NAME_BYTES)
      throw new DataError(
        `${at}: extended attribute '${printableBytes(Buffer.from(name))}' (pax ${record}) cannot be written to ext4: accepted are user.*, security.*, trusted.* and system.posix_acl_access/default names of at most ${MAX_XATTR_NAME_BYTES} bytes`,
      );
    if (value.length > MAX_XATTR_VALUE_BYTES)
      throw new DataError(
        `${at}: extended attribute '${name}' has ${value.length} bytes; ext4 stores at most ${MAX_XATTR_VALUE_BYTES} here`,
      );
    const seen = found.get(name);
    if (seen && !seen.equals(value))
      throw new DataError(`${at}: extended attribute '${name}' is recorded twice with different values`);
    found.set(name, value);
  };
  for (const [key, value] of records) {
    if (TEXT_ACL.test(key))
      throw new DataError(
        `${at} has a textual ACL (pax ${key}), which build-base does not translate: archive the ACLs as extended attributes (tar --xattrs records system.posix_acl_access) or remove them`,
      );
    if (key.startsWith(SCHILY_XATTR)) add(key.slice(SCHILY_XATTR.length), value, key);
    else if (key.startsWith(LIBARCHIVE_XATTR)) {
      let name: string;
      try {
        name = decodeURIComponent(key.slice(LIBARCHIVE_XATTR.length));
      } catch {
        throw new DataError(`${at}: pax ${key} has a name that is not URL-encoded UTF-8`);
      }
      add(name, Buffer.from(value.toString('latin1'), 'base64'), key);
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value }));
}
