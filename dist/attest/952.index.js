export const id = 952;
export const ids = [952];
export const modules = {

/***/ 70952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attestAndReport: () => (/* binding */ attestAndReport)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(52005);
// EXTERNAL MODULE: ./build/shared/hash.js
var shared_hash = __webpack_require__(87406);
// EXTERNAL MODULE: ./build/shared/atomic.js
var atomic = __webpack_require__(14275);
;// CONCATENATED MODULE: ./build/shared/deps/write-set.js
/**
 * Writes several files as one step: every file goes to a temporary name
 * first, and only when all of them are written are they renamed into place,
 * so a failure (disk full, bad permissions) leaves none of the new files
 * rather than a mixture.
 */



async function writeFilesTogether(files) {
    const staged = [];
    try {
        for (const f of files) {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(f.path), { recursive: true });
            const tmp = (0,atomic/* tempPathFor */.FD)(f.path);
            staged.push({ tmp, path: f.path });
            await (0,promises_.writeFile)(tmp, f.content);
        }
        for (const s of staged)
            await (0,promises_.rename)(s.tmp, s.path);
    }
    catch (e) {
        await Promise.all(staged.map((s) => (0,promises_.rm)(s.tmp, { force: true })));
        throw e;
    }
}

// EXTERNAL MODULE: ./build/shared/attest/artifacts.js
var attest_artifacts = __webpack_require__(81487);
// EXTERNAL MODULE: ./build/shared/digest-memo.js
var digest_memo = __webpack_require__(47521);
// EXTERNAL MODULE: ./build/shared/attest/image-provenance.js
var image_provenance = __webpack_require__(92373);
// EXTERNAL MODULE: ./build/shared/image-fs/image-root.js + 1 modules
var image_root = __webpack_require__(93316);
;// CONCATENATED MODULE: ./build/shared/image-fs/tree-files.js
/**
 * An image's root filesystem as extracted to a host directory (the secret
 * scan's debugfs `rdump`), read by the image's rules: paths are the image's,
 * and symlinks resolve inside the tree — an absolute target from the tree's
 * top, `..` stopping there — so nothing outside the tree is ever followed.
 * Every component is checked with lstat on the way and symlinks are
 * resolved here, so the host follows none of the image's links itself.
 *
 * attest reads each image once this way for both its secret gate and its
 * SBOM, instead of a second raw copy and a debugfs process per request.
 */





function entryType(st) {
    if (st.isFile())
        return 'file';
    if (st.isDirectory())
        return 'directory';
    if (st.isSymbolicLink())
        return 'symlink';
    return 'other';
}
/**
 * The files under `tree`, the extracted root filesystem of `image`. `known` (the secret scan's manifest of
 * this tree) answers digestWithHead without hashing the file again.
 */
function treeFiles(image, tree, known) {
    const lstatOrUndefined = (host) => (0,promises_.lstat)(host).catch(() => undefined);
    /** `path` resolved inside the tree; the last component's symlinks only when `followLast`. */
    const resolve = async (path, followLast) => {
        const pending = (0,image_root/* imagePath */.d0)(path).split('/').filter(Boolean);
        const at = [];
        let hops = 0;
        while (pending.length) {
            const name = pending.shift();
            if (name === '.')
                continue;
            if (name === '..') {
                at.pop();
                continue;
            }
            const host = (0,external_node_path_.join)(tree, ...at, name);
            const st = await lstatOrUndefined(host);
            if (!st)
                return undefined;
            if (st.isSymbolicLink() && (pending.length > 0 || followLast)) {
                if (++hops > image_root/* MAX_SYMLINK_HOPS */.Mm)
                    return undefined;
                const target = await (0,promises_.readlink)(host, 'utf8');
                if (target === '')
                    return undefined;
                if (target.startsWith('/'))
                    at.length = 0;
                pending.unshift(...target.split('/').filter(Boolean));
                continue;
            }
            if (pending.length > 0 && !st.isDirectory())
                return undefined;
            at.push(name);
        }
        const host = (0,external_node_path_.join)(tree, ...at);
        const st = await lstatOrUndefined(host);
        return st && { host, st };
    };
    const readMany = async (paths, options = {}) => {
        const max = options.maxBytes ?? image_root/* DEFAULT_MAX_BYTES */.fS;
        const out = new Map();
        for (const asked of new Set(paths)) {
            const r = await resolve(asked, true);
            if (!r?.st.isFile()) {
                out.set(asked, undefined);
                continue;
            }
            if (r.st.size > max)
                throw new errors/* DataError */.fL(`${image}: ${asked} is ${r.st.size} bytes, more than the ${max} bytes read at most`);
            out.set(asked, await (0,promises_.readFile)(r.host));
        }
        return out;
    };
    const files = {
        image,
        async cat(path, options) {
            return (await files.read(path, options))?.toString('utf8');
        },
        async read(path, options) {
            return (await readMany([path], options)).get(path);
        },
        readMany,
        async list(path) {
            const r = await resolve(path, true);
            if (!r?.st.isDirectory())
                return undefined;
            return (await (0,promises_.readdir)(r.host, { withFileTypes: true })).map((e) => ({
                name: e.name,
                type: entryType(e),
            }));
        },
        async stat(path) {
            const r = await resolve(path, false);
            return r && { type: entryType(r.st), size: r.st.size };
        },
        async digestWithHead(path, headBytes) {
            const r = await resolve(path, true);
            if (!r?.st.isFile())
                return undefined;
            const handle = await (0,promises_.open)(r.host, 'r');
            let head;
            try {
                const buffer = Buffer.alloc(Math.min(headBytes, r.st.size));
                head = buffer.subarray(0, (await handle.read(buffer, 0, buffer.length, 0)).bytesRead);
            }
            finally {
                await handle.close();
            }
            const digest = known?.get('/' + (0,external_node_path_.relative)(tree, r.host).split(external_node_path_.sep).join('/'));
            if (digest && digest.size === r.st.size)
                return { ...digest, head };
            return { sha256: await (0,shared_hash/* sha256File */.Q3)(r.host), size: r.st.size, head };
        },
    };
    return files;
}

// EXTERNAL MODULE: ./build/shared/image-fs/installed-packages.js
var installed_packages = __webpack_require__(54556);
;// CONCATENATED MODULE: ./build/shared/attest/software-from-gate.js
/**
 * The software of each image attest's secret gate reads, taken from the root
 * filesystem the gate extracts, so every image is read once for the gate and
 * its SBOM. In a module of its own: the gate starts with it, before the SBOM
 * writer (and the CycloneDX library) is loaded.
 */


/**
 * Each image's software as read from the secret gate's extracted root filesystem: pass
 * `onImageRootTree` to the gate, then this to buildTreeSboms, and every image is read
 * once for both.
 */
class SoftwareFromGate {
    byImage = new Map();
    /** The gate's callback: reads the image's software before its tree is removed. */
    onImageRootTree = async (image, tree, digests) => {
        if (image.kind !== 'base-image' && image.kind !== 'overlay')
            return;
        // The gate hashed every file of the tree: the kernel's digest is taken from there, not read again.
        const software = (0,installed_packages/* readInstalledPackages */.AJ)(treeFiles(image.path, tree, digests));
        this.byImage.set(image.path, software);
        // A failure is buildTreeSboms' to report, after the gate's own verdict.
        await software.catch(() => { });
    };
    get(image) {
        return this.byImage.get(image.path);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./build/shared/concurrency.js
var concurrency = __webpack_require__(30427);
// EXTERNAL MODULE: ./build/shared/secrets/allow-list.js + 2 modules
var allow_list = __webpack_require__(79897);
;// CONCATENATED MODULE: ./build/shared/secrets/known-public.js
/**
 * Private keys that distribution packages publish on purpose, allowed by
 * default — each by the path it ships at AND its fingerprint, so the same
 * key anywhere else, or another key at that path, is still a finding. They
 * are reported as allowed, with these reasons, never hidden. Found by
 * scanning Debian 12 images built by this suite; a newer package with other
 * keys fails the gate until a maintainer allows them by fingerprint.
 */

const GNUTLS_SELF_TEST = [
    '87e288dc7dbc29a24241b596ec8c84f949d9f09f34fc0cf69242481fb2274770',
    'd245e52c341a76645e1b0e56c58dc964cd4f3ecaea64a9c6d6db9897d4948a8a',
    '0294b4406902e33bb02f89eaf4c691328790d7a9cd01b873d68edac994f310a1',
    '458022ddcb5598b39253bc027eb02c4f3dba00e2bdbaef239a35bc91c9bd4f3a',
    '09f1c1a4680df80b9e8e6e587d3a787de7402a919e366426ad807a1c0f8c98c1',
    '2859ff03b44c8f0e4f96604b8cced325ef4d01ca935422b2041d88d8809f8fa1',
];
const CLOUD_INIT_EXAMPLES = [
    '0c94d1074880baffa5ed6354192cf23c24cc2278cd3377cd7419a4e72160e501',
    '960280ab389c4a8020cbec21b257d62486f415cd90876c5036588086ff3592e1',
];
const KNOWN_PUBLIC_KEYS = (0,allow_list/* secretAllowListFrom */.wI)([
    ...GNUTLS_SELF_TEST.map((fingerprint) => ({
        path: '/usr/lib/**/libgnutls.so.*',
        fingerprint,
        reason: "GnuTLS's public FIPS self-test key, compiled into the library (lib/crypto-selftests-pk.c)",
    })),
    ...CLOUD_INIT_EXAMPLES.map((fingerprint) => ({
        path: '/usr/share/doc/cloud-init/examples/*',
        fingerprint,
        reason: "an example key in cloud-init's published documentation",
    })),
], 'built-in allow-list');
/** The built-in entries, then the maintainer's. */
function withKnownPublicKeys(list) {
    return { entries: [...KNOWN_PUBLIC_KEYS.entries, ...list.entries] };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./build/shared/archive/tar-reader.js



/** The largest owner id ext4 (and POSIX tar readers such as GNU tar) accept: 32 bits. */
const MAX_OWNER_ID = 0xffffffff;
const TYPES = {
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
function decodeUtf8(bytes) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** A name for an error message: printable ASCII as is, every other byte as \xNN. */
function printableBytes(bytes) {
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
function parsePaxRecords(data, where) {
    const records = new Map();
    let pos = 0;
    while (pos < data.length) {
        // Some writers pad the data block with NULs after the last record.
        if (data.subarray(pos).every((b) => b === 0))
            break;
        const space = data.indexOf(0x20, pos);
        const lengthText = space > pos ? data.toString('latin1', pos, space) : '';
        if (!/^[1-9]\d{0,8}$/.test(lengthText))
            throw new errors/* DataError */.fL(`${where}: malformed pax record at byte ${pos} (no decimal length)`);
        const end = pos + Number(lengthText);
        if (end > data.length || data[end - 1] !== 0x0a)
            throw new errors/* DataError */.fL(`${where}: malformed pax record at byte ${pos} (length ${lengthText} does not end at a newline)`);
        const record = data.subarray(space + 1, end - 1);
        const equals = record.indexOf(0x3d);
        const key = equals > 0 ? decodeUtf8(record.subarray(0, equals)) : undefined;
        if (key === undefined)
            throw new errors/* DataError */.fL(`${where}: malformed pax record at byte ${pos} (no key=value)`);
        // GNU sparse 0.0 repeats its offset/size records (such entries are refused as sparse later); nothing else may.
        if (records.has(key) && !key.startsWith('GNU.sparse.'))
            throw new errors/* DataError */.fL(`${where}: pax record '${key}' appears twice`);
        records.set(key, Buffer.from(record.subarray(equals + 1)));
        pos = end;
    }
    return records;
}
/** A pax time (`-?seconds[.fraction]`) rounded down to whole seconds: -1.5 is second -2. */
function paxSeconds(record) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(record.toString('latin1'));
    if (!m)
        return undefined;
    const whole = Number(m[2]);
    const fraction = /[1-9]/.test(m[3] ?? '');
    return m[1] ? -whole - (fraction ? 1 : 0) : whole;
}
/**
 * Reads every entry of the tar stream that `stages` produce (a source, then
 * transforms such as a decompressor), calling `onEntry` one entry at
 * a time with its header and body. Ownership is numeric, as `tar
 * --numeric-owner` extracts it: a name-to-id lookup would use the build
 * machine's user database, not the image's, and a hostile entry named 'root'
 * with uid 1000 must stay uid 1000. Errors name `origin` and the entry.
 */
async function readTarEntries(stages, origin, onEntry) {
    // latin1 maps each byte of a ustar/GNU name to one character, so the bytes can be recovered and checked.
    const ex = (0,tar_stream.extract)({ filenameEncoding: 'latin1' });
    const internals = ex;
    const decodeLongHeader = internals._decodeLongHeader;
    if (typeof decodeLongHeader !== 'function')
        throw new Error('tar-stream no longer has _decodeLongHeader: update shared/archive/tar-reader.ts');
    const pending = { pax: [], globals: [] };
    internals._decodeLongHeader = function (data) {
        const type = this._header?.type;
        if (type === 'pax-header')
            pending.pax.push(Buffer.from(data));
        else if (type === 'pax-global-header')
            pending.globals.push(Buffer.from(data));
        decodeLongHeader.call(this, data);
    };
    const global = new Map();
    const feeding = (0,external_node_stream_promises_.pipeline)([...stages, ex]);
    // Observed below; until then a rejection must not count as unhandled.
    feeding.catch(() => undefined);
    try {
        for await (const body of ex) {
            const raw = body.header;
            const pax = pending.pax;
            const globals = pending.globals;
            pending.pax = [];
            pending.globals = [];
            const header = applyRecords(raw, pax, globals, global, origin);
            await onEntry(header, body);
            // Whatever the caller left unread (a symlink header claiming data, say) is skipped.
            for await (const chunk of body)
                void chunk;
        }
    }
    catch (e) {
        ex.destroy();
        for (const stage of stages)
            stage.destroy();
        await feeding.catch(() => undefined);
        throw e;
    }
    await feeding;
}
/** Applies the pax records (global, then the entry's own) to tar-stream's header and checks every field. */
function applyRecords(raw, paxData, globalData, global, origin) {
    // Named from the ustar/GNU fields until the pax path is known, for errors about the records themselves.
    let name = printableBytes(Buffer.from(raw.name ?? '', 'latin1'));
    const at = () => `${origin}: entry '${name}'`;
    for (const data of globalData) {
        for (const [key, value] of parsePaxRecords(data, `${origin}: pax global header before entry '${name}'`)) {
            if (PER_ENTRY_ONLY.includes(key) || isAttributeRecord(key))
                throw new errors/* DataError */.fL(`${origin}: a pax global header before entry '${name}' sets '${key}' for every later entry`);
            // An empty value removes the global record (POSIX).
            if (value.length === 0)
                global.delete(key);
            else
                global.set(key, value);
        }
    }
    if (paxData.length > 1)
        throw new errors/* DataError */.fL(`${at()} has ${paxData.length} pax headers; one is allowed`);
    const own = paxData[0] ? parsePaxRecords(paxData[0], `${at()}: pax header`) : new Map();
    const records = new Map(global);
    for (const [key, value] of own) {
        // An empty value means "no record": the ustar field applies.
        if (value.length === 0)
            records.delete(key);
        else
            records.set(key, value);
    }
    const text = (key, fallback) => {
        const bytes = records.get(key) ?? fallback;
        if (bytes === undefined)
            return undefined;
        const decoded = decodeUtf8(bytes);
        if (decoded === undefined) {
            throw new errors/* DataError */.fL(`${origin}: entry '${printableBytes(bytes)}' has a ${key} that is not valid UTF-8 (only UTF-8 names can be written into the image)`);
        }
        return decoded;
    };
    const path = text('path', Buffer.from(raw.name ?? '', 'latin1'));
    name = path;
    if (raw.type === null || TYPES[raw.type] === undefined) {
        throw new errors/* DataError */.fL(`${at()} has a tar type build-base does not read (a GNU sparse 'S', multi-volume 'M', volume label 'V' or vendor type): accepted are files, directories, symlinks, hardlinks, devices and FIFOs`);
    }
    const sparse = [...records.keys()].find((k) => k.startsWith('GNU.sparse.'));
    if (sparse) {
        const real = records.get('GNU.sparse.name');
        throw new errors/* DataError */.fL(`${origin}: entry '${real ? printableBytes(real) : name}' is a sparse file (pax record ${sparse}); build-base refuses sparse entries rather than lay their data out: create the tarball without --sparse`);
    }
    const type = TYPES[raw.type];
    const linkpath = type === 'hardlink' || type === 'symlink'
        ? text('linkpath', raw.linkname ? Buffer.from(raw.linkname, 'latin1') : Buffer.alloc(0))
        : undefined;
    /** A numeric field: the pax record when there is one (strict decimal), else the ustar/GNU field. */
    const integer = (key, fieldValue, max, limit) => {
        const record = records.get(key);
        if (record === undefined) {
            if (!Number.isSafeInteger(fieldValue) || fieldValue < 0 || fieldValue > max)
                throw new errors/* DataError */.fL(`${at()}: its ${key} ${fieldValue} is out of range (0 to ${max}, ${limit})`);
            return fieldValue;
        }
        const value = record.toString('latin1');
        if (!/^\d+$/.test(value))
            throw new errors/* DataError */.fL(`${at()}: pax ${key} record '${printableBytes(record)}' is not a decimal number`);
        const n = Number(value);
        if (!Number.isSafeInteger(n) || n > max)
            throw new errors/* DataError */.fL(`${at()}: pax ${key} record ${value} is above ${max}, ${limit}`);
        return n;
    };
    const uid = integer('uid', raw.uid, MAX_OWNER_ID, 'the largest owner ext4 can store');
    const gid = integer('gid', raw.gid, MAX_OWNER_ID, 'the largest group ext4 can store');
    const size = integer('size', raw.size, Number.MAX_SAFE_INTEGER, 'the largest size read');
    // tar-stream framed the entry with its own reading of the size; a disagreement would desynchronise the archive.
    if (size !== raw.size)
        throw new errors/* DataError */.fL(`${at()}: pax size record ${size} disagrees with the size read (${raw.size})`);
    const mtimeRecord = records.get('mtime');
    const mtime = mtimeRecord === undefined ? Math.floor(raw.mtime.getTime() / 1000) : paxSeconds(mtimeRecord);
    if (mtime === undefined || !Number.isSafeInteger(mtime)) {
        throw new errors/* DataError */.fL(`${at()}: ${mtimeRecord ? `pax mtime record '${printableBytes(mtimeRecord)}' is not a time in seconds` : 'its modification time is out of range'}`);
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
const MAX_XATTR_VALUE_BYTES = 3800;
function isAttributeRecord(key) {
    return key.startsWith(SCHILY_XATTR) || key.startsWith(LIBARCHIVE_XATTR) || TEXT_ACL.test(key);
}
/**
 * The entry's extended attributes: `SCHILY.xattr.<name>` (raw value; GNU tar
 * and bsdtar) and `LIBARCHIVE.xattr.<url-encoded name>` (base64 value; bsdtar
 * writes both). Anything ext4 cannot take is refused, never dropped.
 */
function extendedAttributes(records, at) {
    const found = new Map();
    const add = (name, value, record) => {
        if (!XATTR_NAME.test(name) || Buffer.byteLength(name) > MAX_XATTR_NAME_BYTES)
            throw new errors/* DataError */.fL(`${at}: extended attribute '${printableBytes(Buffer.from(name))}' (pax ${record}) cannot be written to ext4: accepted are user.*, security.*, trusted.* and system.posix_acl_access/default names of at most ${MAX_XATTR_NAME_BYTES} bytes`);
        if (value.length > MAX_XATTR_VALUE_BYTES)
            throw new errors/* DataError */.fL(`${at}: extended attribute '${name}' has ${value.length} bytes; ext4 stores at most ${MAX_XATTR_VALUE_BYTES} here`);
        const seen = found.get(name);
        if (seen && !seen.equals(value))
            throw new errors/* DataError */.fL(`${at}: extended attribute '${name}' is recorded twice with different values`);
        found.set(name, value);
    };
    for (const [key, value] of records) {
        if (TEXT_ACL.test(key))
            throw new errors/* DataError */.fL(`${at} has a textual ACL (pax ${key}), which build-base does not translate: archive the ACLs as extended attributes (tar --xattrs records system.posix_acl_access) or remove them`);
        if (key.startsWith(SCHILY_XATTR))
            add(key.slice(SCHILY_XATTR.length), value, key);
        else if (key.startsWith(LIBARCHIVE_XATTR)) {
            let name;
            try {
                name = decodeURIComponent(key.slice(LIBARCHIVE_XATTR.length));
            }
            catch {
                throw new errors/* DataError */.fL(`${at}: pax ${key} has a name that is not URL-encoded UTF-8`);
            }
            add(name, Buffer.from(value.toString('latin1'), 'base64'), key);
        }
    }
    return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value }));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/shared/secrets/detectors.js
var detectors = __webpack_require__(92597);
// EXTERNAL MODULE: ./build/shared/secrets/text.js
var secrets_text = __webpack_require__(92615);
;// CONCATENATED MODULE: ./build/shared/secrets/scan-file.js
/**
 * The suite's one secret scanner over one file's bytes, whole — never a
 * prefix — in bounded memory: bytes are pushed as they are read, and each
 * detector anchor is examined once, with BACK bytes before it and FORWARD
 * after it kept around it (shared/secrets/detectors.ts). A finding names the
 * file, the kind and the line, and carries the sha256 of the secret as its
 * fingerprint; the secret itself is hashed and dropped, never kept, printed
 * or written.
 *
 * Binary files are scanned the same way (a key stored in a database or a
 * raw disk is still a key); their "line" is one more than the newline bytes
 * before the finding. Compressed content is not unpacked.
 */




/** Bytes gathered before the detectors run over them: large enough that the kept context is a small overhead. */
const ROUND = 1024 * 1024;
/** The most a store holds: the kept context and two rounds' bytes (a round runs once ROUND are pushed). */
const STORE_MAX = 2 * ROUND + detectors/* BACK */.IU + detectors/* FORWARD */.OX;
/**
 * Stores of STORE_MAX are kept between files: a fresh one costs a page fault per 4 KiB as it fills (on a VM
 * about as long as scanning it). A file under POOLED_STORE_FROM gets a store of its size.
 */
const POOLED_STORE_FROM = 64 * 1024;
const SPARE_STORES = 4;
const spareStores = [];
/** Kinds a secret-by-name finding already covers in its own file. */
const KEY_KINDS = new Set([
    'pem-private-key',
    'pem-encrypted-private-key',
    'openssh-private-key',
    'putty-private-key',
]);
/** Detectors (by their order) for each anchor. */
const DETECTORS_BY_ANCHOR = new Map();
detectors/* CONTENT_DETECTORS */.A_.forEach((d, order) => {
    for (const a of d.anchors)
        DETECTORS_BY_ANCHOR.set(a, [...(DETECTORS_BY_ANCHOR.get(a) ?? []), order]);
});
/**
 * Every anchor in one alternation of literals: V8's irregexp finds the next
 * of them in one pass (about 3–7× faster here than one indexOf per anchor).
 * An alternation of plain literals cannot backtrack further than its longest
 * literal, so the search is linear in the text; V8's `l` engine would be too,
 * but runs this pattern at a few MB/s.
 */
const ANCHORS = new RegExp([...DETECTORS_BY_ANCHOR.keys(), detectors/* GCP_SERVICE_ACCOUNT_MARK */.dn]
    .map((a) => a.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('|'), 'g');
/** The longest anchor: a slice is searched this many bytes minus one past its end, so an anchor across the cut is whole. */
const LONGEST_ANCHOR = Math.max(...[...DETECTORS_BY_ANCHOR.keys(), detectors/* GCP_SERVICE_ACCOUNT_MARK */.dn].map((a) => a.length));
/**
 * Text searched per regex call. Under V8's large-object threshold (128 KiB) a
 * string is made in the young generation, whose pages are reused: converted
 * at memory speed (about 2 GB/s here). A string of a whole round is a fresh
 * large object each time, and the page faults of touching it make the
 * conversion about 7× slower.
 */
const SLICE = 64 * 1024;
/** Every anchor starting in `buf[from, limit)` (bytes to `end` may complete one), in order, overlapping ones included. */
function* anchorsIn(buf, from, limit, end) {
    for (let start = from; start < limit; start += SLICE) {
        const cut = Math.min(start + SLICE, limit) - start;
        const piece = buf.toString('latin1', start, Math.min(end, start + cut + LONGEST_ANCHOR - 1));
        ANCHORS.lastIndex = 0;
        for (let m = ANCHORS.exec(piece); m !== null && m.index < cut; m = ANCHORS.exec(piece)) {
            // One step on, not past the match: an anchor overlapping this one is found too.
            ANCHORS.lastIndex = m.index + 1;
            yield { at: start + m.index, anchor: m[0] };
        }
    }
}
function countNewlines(buf, from, to) {
    let n = 0;
    for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1))
        n++;
    return n;
}
class SecretScanner {
    /** Bytes pushed in total. */
    bytes = 0;
    /** Working storage: the kept context, then the bytes pushed since the last round (reused: no per-round allocation). */
    store = Buffer.alloc(0);
    len = 0;
    pendingBytes = 0;
    /** Absolute offset of buf[0]. */
    bufStart = 0;
    /** Absolute offset of the first position no detector has examined yet. */
    scanFrom = 0;
    cursorAbs = 0;
    cursorLine = 1;
    hits = [];
    gcpServiceAccount = false;
    env;
    byName;
    wholeFile;
    /** The first bytes, for the one-key-per-file rule (`wg genkey > privatekey`). */
    head = [];
    path;
    constructor(path) {
        this.path = path;
        this.env = (0,detectors/* isEnvFile */.qb)(path);
        this.byName = (0,detectors/* kindByName */.vt)(path);
        this.wholeFile = this.byName ? (0,external_node_crypto_.createHash)('sha256') : null;
    }
    push(chunk) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (b.length > ROUND) {
            // One round at a time: memory stays bounded whatever the caller hands in.
            for (let i = 0; i < b.length; i += ROUND)
                this.push(b.subarray(i, i + ROUND));
            return;
        }
        if (b.length === 0)
            return;
        // A copy: the caller may read into the chunk's buffer again.
        if (this.bytes < 128)
            this.head.push(Buffer.from(b.subarray(0, 128 - this.bytes)));
        this.bytes += b.length;
        this.wholeFile?.update(b);
        if (this.len + b.length > this.store.length) {
            const want = Math.max(this.len + b.length, Math.min(this.store.length * 2, STORE_MAX));
            // Past a small file's size, the largest store is taken (from the kept ones when there is one).
            const grown = want > POOLED_STORE_FROM
                ? (spareStores.pop() ?? Buffer.allocUnsafeSlow(STORE_MAX))
                : Buffer.allocUnsafeSlow(want);
            this.store.copy(grown, 0, 0, this.len);
            this.store = grown;
        }
        b.copy(this.store, this.len);
        this.len += b.length;
        this.pendingBytes += b.length;
        if (this.pendingBytes >= ROUND)
            this.round(false);
    }
    moveCursor(abs) {
        const rel = (a) => a - this.bufStart;
        const buf = this.store.subarray(0, this.len);
        if (abs >= this.cursorAbs)
            this.cursorLine += countNewlines(buf, rel(this.cursorAbs), rel(abs));
        else
            this.cursorLine -= countNewlines(buf, rel(abs), rel(this.cursorAbs));
        this.cursorAbs = abs;
        return this.cursorLine;
    }
    round(final) {
        this.pendingBytes = 0;
        const fromRel = this.scanFrom - this.bufStart;
        const limitRel = final ? this.len : this.len - detectors/* FORWARD */.OX;
        if (limitRel <= fromRel)
            return;
        // The whole kept text, for the detectors: made only once an anchor is found (most rounds have none).
        let whole;
        const text = () => (whole ??= this.store.toString('latin1', 0, this.len));
        const found = [];
        for (const { at, anchor } of anchorsIn(this.store, fromRel, limitRel, this.len)) {
            if (anchor === detectors/* GCP_SERVICE_ACCOUNT_MARK */.dn) {
                this.gcpServiceAccount = true;
                continue;
            }
            for (const order of DETECTORS_BY_ANCHOR.get(anchor)) {
                const hit = detectors/* CONTENT_DETECTORS */.A_[order].detect(text(), at, anchor);
                if (!hit)
                    continue;
                const secret = typeof hit.secret === 'string' ? Buffer.from(hit.secret, 'latin1') : hit.secret;
                found.push({
                    abs: this.bufStart + hit.at,
                    order,
                    kind: hit.kind,
                    fingerprint: (0,shared_hash/* sha256 */.sc)(secret),
                    jsonPrivateKey: hit.jsonPrivateKey ?? false,
                });
            }
        }
        if (this.env) {
            const lines = text();
            // Lines that start in this round; the one straddling its start was read in the last round.
            let p = fromRel === 0 || lines[fromRel - 1] === '\n' ? fromRel : lines.indexOf('\n', fromRel) + 1;
            while (p > 0 || (p === 0 && fromRel === 0)) {
                if (p >= limitRel)
                    break;
                const nl = lines.indexOf('\n', p);
                const end = nl === -1 ? lines.length : nl;
                const value = (0,detectors/* envCredential */.dY)(lines.slice(p, Math.min(end, p + detectors/* FORWARD */.OX)));
                if (value !== null)
                    found.push({
                        abs: this.bufStart + p,
                        order: detectors/* CONTENT_DETECTORS */.A_.length,
                        kind: 'env-credential',
                        fingerprint: (0,shared_hash/* sha256 */.sc)(Buffer.from(value, 'latin1')),
                        jsonPrivateKey: false,
                    });
                if (nl === -1)
                    break;
                p = nl + 1;
            }
        }
        found.sort((a, b) => a.abs - b.abs || a.order - b.order);
        for (const h of found)
            this.hits.push({ ...h, line: this.moveCursor(h.abs) });
        this.scanFrom = this.bufStart + limitRel;
        // Keep BACK bytes before the next unexamined position; the line cursor moves past what is dropped.
        const keepFrom = Math.max(this.bufStart, this.scanFrom - detectors/* BACK */.IU);
        if (this.cursorAbs < keepFrom)
            this.moveCursor(keepFrom);
        this.store.copyWithin(0, keepFrom - this.bufStart, this.len);
        this.len -= keepFrom - this.bufStart;
        this.bufStart = keepFrom;
    }
    /** Scans what is left and returns the file's findings, one per secret. */
    finish() {
        this.round(true);
        if (this.store.length === STORE_MAX && spareStores.length < SPARE_STORES)
            spareStores.push(this.store);
        this.store = Buffer.alloc(0);
        this.len = 0;
        const findings = [];
        const seen = new Set();
        const ordered = [...this.hits].sort((a, b) => a.line - b.line || a.order - b.order);
        if (this.byName) {
            findings.push({
                path: this.path,
                kind: this.byName,
                line: 1,
                fingerprint: this.wholeFile.digest('hex'),
            });
        }
        for (const h of ordered) {
            if (this.byName && KEY_KINDS.has(h.kind))
                continue;
            // One finding per secret per file: its first line, by the most specific detector there.
            if (seen.has(h.fingerprint))
                continue;
            seen.add(h.fingerprint);
            const kind = h.jsonPrivateKey && this.gcpServiceAccount ? 'gcp-service-account-key' : h.kind;
            findings.push({ path: this.path, kind, line: h.line, fingerprint: h.fingerprint });
        }
        const wg = this.wireGuardKeyFile();
        if (wg && !findings.some((f) => f.fingerprint === wg)) {
            findings.push({ path: this.path, kind: 'wireguard-private-key', line: 1, fingerprint: wg });
        }
        return findings;
    }
    /** A file holding nothing but one WireGuard key, named like one (`wg genkey > privatekey`, `wg0.key`). */
    wireGuardKeyFile() {
        if (this.bytes > 128)
            return null;
        const name = this.path.slice(this.path.lastIndexOf('/') + 1).toLowerCase();
        if (!name.includes('priv') && !name.endsWith('.key'))
            return null;
        const content = Buffer.concat(this.head).toString('latin1').trim();
        if (content.length !== 44)
            return null;
        const key = (0,secrets_text/* decodeBase64 */.y4)(content, 32);
        return key ? (0,shared_hash/* sha256 */.sc)(key) : null;
    }
}
/** Scans one file held in memory. */
function scanFileForSecrets(path, bytes) {
    const scanner = new SecretScanner(path);
    scanner.push(bytes);
    return scanner.finish();
}
/** Scans a stream (a file being read, a tar entry) without holding it. */
async function scanStreamForSecrets(path, chunks) {
    const scanner = new SecretScanner(path);
    for await (const chunk of chunks)
        scanner.push(chunk);
    return { findings: scanner.finish(), bytes: scanner.bytes };
}

;// CONCATENATED MODULE: ./build/shared/secrets/scan-archive.js
/**
 * Scans every file entry of a .tar.gz (the snapshot bundle) as it streams
 * out of gunzip: whole entries, bounded memory, entries named by their path
 * in the archive. Entries are read with the suite's strict tar reader, so an
 * archive it cannot read exactly fails the scan rather than being skipped.
 */




async function scanTarGzForSecrets(archive) {
    const result = { findings: [], files: 0, bytes: 0 };
    await readTarEntries([(0,external_node_fs_.createReadStream)(archive), (0,external_node_zlib_.createGunzip)()], archive, async (header, body) => {
        if (header.type !== 'file')
            return;
        const scanned = await scanStreamForSecrets(header.path.replace(/^\.\//, ''), body);
        result.files++;
        result.bytes += scanned.bytes;
        result.findings.push(...scanned.findings);
    });
    return result;
}

// EXTERNAL MODULE: ./build/shared/exec.js
var exec = __webpack_require__(77239);
// EXTERNAL MODULE: ./build/shared/image-fs/fs-magic.js
var fs_magic = __webpack_require__(89261);
;// CONCATENATED MODULE: ./build/shared/secrets/scan-tree.js
/**
 * Scans every regular file of an extracted directory tree, whole, and
 * records each file's size and sha256 so an overlay's scan can skip exactly
 * the files its base already had byte for byte (those were scanned, and
 * reported, with the base). Symlinks are not followed; device nodes and
 * FIFOs hold no bytes.
 */






const READ_SIZE = 1024 * 1024;
function isAccessError(e) {
    const code = e.code;
    return code === 'EACCES' || code === 'EPERM';
}
/** An extracted tree keeps the image's modes; a file or directory its owner may not read is opened up (it is our private copy). */
async function withAccess(path, mode, action) {
    try {
        return await action();
    }
    catch (e) {
        if (!isAccessError(e))
            throw e;
        await (0,promises_.chmod)(path, mode);
        return action();
    }
}
/** A file is read, hashed and scanned in one synchronous pass up to this size; larger ones are streamed. */
const WHOLE_READ_MAX = 1024 * 1024;
/** The whole-read buffer: filled, hashed and scanned with no await in between, so every read can share it. */
const wholeRead = Buffer.allocUnsafeSlow(WHOLE_READ_MAX + 1);
/**
 * A file of up to WHOLE_READ_MAX bytes, read whole (into the shared buffer: use it before any await), or null
 * for a larger one. Synchronous on purpose: five calls through libuv's thread pool per small file cost more
 * in hand-offs between threads than the reads themselves (the tree was just extracted: it is in the page cache).
 */
function readSmall(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch (e) {
        if (!isAccessError(e))
            throw e;
        (0,external_node_fs_.chmodSync)(file, 0o600);
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    try {
        if ((0,external_node_fs_.fstatSync)(fd).size > WHOLE_READ_MAX)
            return null;
        let length = 0;
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, wholeRead, length, wholeRead.length - length, null);
            if (n === 0)
                return wholeRead.subarray(0, length);
            length += n;
            // It grew past the limit while read: streamed instead.
            if (length > WHOLE_READ_MAX)
                return null;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** A small file's outcome, decided in one synchronous pass; null for a file too large to read whole. */
function scanSmall(name, file, known) {
    const bytes = readSmall(file);
    if (!bytes)
        return null;
    const digest = { size: bytes.length, sha256: (0,shared_hash/* sha256 */.sc)(bytes) };
    if (known && known.size === digest.size && known.sha256 === digest.sha256)
        return { unchanged: known };
    const scanner = new SecretScanner(name);
    scanner.push(bytes);
    return { findings: scanner.finish(), digest };
}
async function scanOne(path, file) {
    const scanner = new SecretScanner(path);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const handle = await withAccess(file, 0o600, () => (0,promises_.open)(file, 'r'));
    try {
        await (0,shared_hash/* readChunks */.zO)(handle, (chunk) => {
            hash.update(chunk);
            scanner.push(chunk);
        }, READ_SIZE);
    }
    finally {
        await handle.close();
    }
    return { findings: scanner.finish(), digest: { size: scanner.bytes, sha256: hash.digest('hex') } };
}
/**
 * Scans `root`, naming files `<prefix>/<relative path>`. With `base`, a file
 * the base manifest has with the same size and bytes is skipped; every other
 * file is scanned whole.
 */
async function scanTree(root, options = {}) {
    const prefix = options.prefix ?? '';
    const result = { findings: [], files: 0, bytes: 0, unchanged: 0, manifest: new Map() };
    const walk = async (dir, rel) => {
        options.signal?.throwIfAborted();
        // Listing needs read, opening what is listed needs search: a directory with r but not x (as images may
        // have) lists its names and then refuses every file. Root passes both checks whatever the mode.
        await withAccess(dir, 0o700, () => (0,promises_.access)(dir, external_node_fs_.constants.R_OK | external_node_fs_.constants.X_OK));
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const full = (0,external_node_path_.join)(dir, entry.name);
            const path = `${rel}/${entry.name}`;
            if (entry.isDirectory()) {
                await walk(full, path);
                continue;
            }
            if (!entry.isFile())
                continue;
            const name = prefix + path;
            const outcome = await scanFile(name, full, options.base?.get(name));
            if ('unchanged' in outcome) {
                result.unchanged++;
                result.manifest.set(name, outcome.unchanged);
                continue;
            }
            result.files++;
            result.bytes += outcome.digest.size;
            result.findings.push(...outcome.findings);
            result.manifest.set(name, outcome.digest);
        }
    };
    await walk(root, '');
    return result;
}
/** One file: skipped when the base has its bytes (`known`), scanned whole otherwise. */
async function scanFile(name, full, known) {
    const small = scanSmall(name, full, known);
    if (small)
        return small;
    if (known && known.size === (await (0,promises_.lstat)(full)).size) {
        const digest = await withAccess(full, 0o600, () => (0,shared_hash/* sha256File */.Q3)(full));
        if (digest === known.sha256)
            return { unchanged: known };
    }
    return scanOne(name, full);
}

;// CONCATENATED MODULE: ./build/shared/secrets/scan-image.js
/**
 * Scans every file of a disk image for secrets without mounting it: the
 * image (an overlay with its whole backing chain) is flattened to a private
 * raw copy, each ext2/3/4 filesystem's journal replayed with e2fsck (the
 * files read are the ones the guest last wrote) and its tree extracted with
 * debugfs `rdump`; FAT filesystems (an EFI system partition) are copied out
 * with mtools. No mount, no loop device, no root.
 *
 * Whole-tree extraction stays here rather than in shared/image-fs (which
 * reads single paths through debugfs): reading every file by one debugfs
 * call each would start a process per file.
 *
 * For an overlay, `base` names its base (or the base's manifest from an
 * earlier scan): a file the base has byte for byte is not scanned again, so
 * the overlay answers for what it adds or changes — every file of it, not
 * a prefix — and the base's own findings are reported once, with the base.
 *
 * Paths: the root filesystem (the last ext filesystem, build-base's layout)
 * names files `/etc/…`; an EFI system partition `<esp>/EFI/…`; any other
 * filesystem `<partN>/…`.
 */








const ESP_TYPE = 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B';
/** Every ext2/3/4 and FAT filesystem on a raw disk (its partitions, or the whole disk). */
async function filesystems(raw, signal) {
    const table = await (0,exec/* run */.eF)('sfdisk', ['--json', raw], { okCodes: [1], signal }).catch(() => null);
    const parts = table?.stdout
        ? (JSON.parse(table.stdout).partitiontable?.partitions ?? [])
        : [];
    const candidates = parts.length
        ? parts.map((p, i) => ({
            offset: p.start * 512,
            size: p.size * 512,
            number: i + 1,
            esp: p.type.toUpperCase() === ESP_TYPE,
        }))
        : [{ offset: 0, size: (await (0,promises_.stat)(raw)).size, number: 0, esp: false }];
    const found = [];
    for (const c of candidates) {
        signal?.throwIfAborted();
        // By signature: a partition that claims a filesystem it does not hold fails its extraction, loudly.
        const kind = await (0,fs_magic/* filesystemAt */.vm)(raw, c.offset);
        if (kind === 'ext')
            found.push({ type: 'ext', offset: c.offset, size: c.size, prefix: '', number: c.number });
        else if (kind === 'fat')
            found.push({
                type: 'fat',
                offset: c.offset,
                size: c.size,
                prefix: c.esp ? '<esp>' : `<part${c.number}>`,
                number: c.number,
            });
    }
    // The last ext filesystem is the root (build-base's layout); others are named by partition.
    const exts = found.filter((f) => f.type === 'ext');
    for (const f of exts.slice(0, -1))
        f.prefix = `<part${f.number}>`;
    return found;
}
/** Extracts `fs` of `raw` into `tree`. */
async function extract(raw, fs, tree, signal) {
    if (fs.type === 'fat') {
        await (0,exec/* run */.eF)('mcopy', ['-s', '-n', '-m', '-i', `${raw}@@${fs.offset}`, '::/', tree + '/'], { signal });
        return;
    }
    if (/["\\\n]/.test(tree))
        throw new errors/* DataError */.fL(`work directory '${tree}' has a character debugfs cannot quote`);
    let dev = `${raw}?offset=${fs.offset}`;
    // e2fsck reopens the device after replaying a journal and loses `?offset=` on the way (then fails on
    // whatever starts the disk): a filesystem with transactions to replay is copied out alone first.
    const alone = `${tree}.ext`;
    try {
        if (fs.offset > 0 && (await (0,fs_magic/* extJournalPending */.ar)(raw, fs.offset))) {
            await (0,image_root/* copyRange */.hU)(raw, 'raw', fs.offset, fs.size, alone, signal);
            dev = alone;
        }
        // Replay the journal so the files read are the ones the guest last wrote (exit 1/2: fixed; 4: left uncorrected).
        await (0,exec/* run */.eF)('e2fsck', ['-fy', dev], { okCodes: [1, 2, 3, 4], signal });
        // Device nodes cannot be made without root: debugfs reports them and carries on (exit 1).
        await (0,exec/* run */.eF)('debugfs', ['-R', `rdump / "${tree}"`, dev], { okCodes: [1], signal });
    }
    finally {
        await (0,promises_.rm)(alone, { force: true });
    }
}
/** Scans every file of `image` (qcow2 or raw, with its backing chain). */
async function scanImageForSecrets(image, workDir, options = {}) {
    const base = typeof options.base === 'string'
        ? (await scanImageForSecrets(options.base, workDir, { signal: options.signal })).manifest
        : options.base;
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(workDir, 'infrasim-secret-scan-'));
    try {
        const raw = (0,external_node_path_.join)(work, 'disk.raw');
        await (0,exec/* run */.eF)('qemu-img', ['convert', '-U', '-O', 'raw', image, raw], { signal: options.signal });
        const result = {
            findings: [],
            allowed: [],
            files: 0,
            bytes: 0,
            unchanged: 0,
            manifest: new Map(),
        };
        const found = await filesystems(raw, options.signal);
        if (found.length === 0)
            throw new errors/* DataError */.fL(`${image}: no ext2/3/4 or FAT filesystem found on the disk: its files cannot be scanned for secrets`);
        // Every filesystem extracted before the base's manifest is awaited: an overlay's files come out
        // while its base's are still being scanned.
        const trees = [];
        for (const [i, fs] of found.entries()) {
            const tree = (0,external_node_path_.join)(work, `fs-${i}`);
            await (0,promises_.mkdir)(tree);
            await extract(raw, fs, tree, options.signal);
            trees.push({ fs, tree });
        }
        // The disk's copy is no longer needed: its space back before the trees are scanned.
        await (0,promises_.rm)(raw, { force: true });
        const baseManifest = await base;
        for (const { fs, tree } of trees) {
            const scanned = await scanTree(tree, { prefix: fs.prefix, base: baseManifest, signal: options.signal });
            if (fs.prefix === '' && fs.type === 'ext')
                await options.onRootTree?.(tree, scanned.manifest);
            await (0,promises_.rm)(tree, { recursive: true, force: true });
            result.findings.push(...scanned.findings);
            result.files += scanned.files;
            result.bytes += scanned.bytes;
            result.unchanged += scanned.unchanged;
            for (const [k, v] of scanned.manifest)
                result.manifest.set(k, v);
        }
        const split = (0,allow_list/* applyAllowList */.yg)(result.findings, options.allowList ?? allow_list/* EMPTY_ALLOW_LIST */.tU);
        result.findings = split.findings;
        result.allowed = split.allowed;
        return result;
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./build/shared/attest/secret-gate.js
/**
 * attest's secret gate (seed 003: "if a secret is found, the pipeline fails"):
 * before anything is signed or written, every file of every image of the run
 * is scanned — the base whole, each overlay and flattened image for what it
 * adds or changes over that base — plus the exported kernel/initrd and the
 * snapshot bundle's entries. A finding not on the allow-list fails the step
 * naming the artifact, the file, the line and the kind; the secret itself is
 * never printed (its sha256 is, to allow it on purpose by fingerprint).
 */










/** The gate's refusal: each finding by artifact, file, line and kind, with its fingerprint. */
class SecretGateFailure extends errors/* DataError */.fL {
    result;
    constructor(result) {
        super(`secret gate: ${result.findings.length} secret(s) in the artifacts; nothing was signed or written:\n` +
            result.findings.map((f) => `  ${describeGateFinding(f)}`).join('\n') +
            '\nRemove them from the image (generate keys and credentials on the instance), or allow one on purpose ' +
            'with the secret-allow-list input (its fingerprint or path, and a reason).');
        this.name = 'SecretGateFailure';
        this.result = result;
    }
}
function describeGateFinding(f) {
    return `${f.artifact}: ${f.path} line ${f.line}: ${f.kind} (fingerprint sha256:${f.fingerprint})`;
}
async function scanPlainFile(path, name) {
    return scanStreamForSecrets(name, (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1024 * 1024 }));
}
/** Scans every artifact; returns the findings and the allowed ones (the caller fails on findings). */
async function scanArtifactsForSecrets(input) {
    const allowList = withKnownPublicKeys(input.allowList);
    const result = { findings: [], allowed: [], scanned: [] };
    const label = (a) => (0,external_node_path_.relative)(input.releaseRoot, a.path).split(external_node_path_.sep).join('/');
    const add = (artifact, findings, files, bytes, unchanged = 0) => {
        const split = (0,allow_list/* applyAllowList */.yg)(findings.map((f) => ({ ...f, artifact })), allowList);
        result.findings.push(...split.findings);
        result.allowed.push(...split.allowed);
        result.scanned.push({ artifact, files, bytes, unchanged });
        input.log?.(`secret scan: ${artifact}: ${files} file(s), ${bytes} bytes scanned${unchanged ? `, ${unchanged} unchanged from the base` : ''}; ` +
            `${split.findings.length} finding(s), ${split.allowed.length} allowed`);
    };
    for (const { artifacts } of input.trees) {
        // The base first, and the other images beside it: each image in its own processes (qemu-img, e2fsck,
        // debugfs), two at once. An overlay or flattened image is extracted while the base is scanned and
        // then scanned for what it changes over the base: it waits for the base's manifest only then.
        // The plain files (kernel, initrd, bundle) are read by this process, one after another, beside the
        // images: they take no image's turn.
        const base = artifacts.find((a) => a.kind === 'base-image');
        const ordered = base ? [base, ...artifacts.filter((a) => a !== base)] : artifacts;
        let baseManifest;
        const [imageScans, fileScans] = await (0,concurrency/* allSettledInOrder */.W)([
            (0,concurrency/* mapBounded */.y)(ordered.filter(isImage), attest_artifacts/* IMAGES_READ_AT_ONCE */.Os, (a) => {
                if (a !== base)
                    return scanArtifact(a, baseManifest, input);
                const scan = scanArtifact(a, undefined, input);
                baseManifest = scan.then((r) => r.manifest);
                // Its failure is the base's scan's to report; an overlay that failed first never awaits it.
                baseManifest.catch(() => { });
                return scan;
            }),
            (0,concurrency/* mapBounded */.y)(ordered.filter((a) => !isImage(a)), 1, (a) => scanArtifact(a, undefined, input)),
        ]);
        // Reported in one order whichever finished first: the base, then the artifacts as found.
        const scans = new Map([...imageScans, ...fileScans].map((r) => [r.artifact, r]));
        for (const a of ordered) {
            const r = scans.get(a);
            add(label(a), r.findings, r.files, r.bytes, r.unchanged);
        }
    }
    return result;
}
const isImage = (a) => a.kind === 'base-image' || a.kind === 'overlay' || a.kind === 'variant-image';
async function scanArtifact(a, baseManifest, input) {
    input.signal?.throwIfAborted();
    if (isImage(a)) {
        const r = await scanImageForSecrets(a.path, input.workDir, {
            base: a.kind === 'base-image' ? undefined : baseManifest,
            signal: input.signal,
            onRootTree: input.onImageRootTree && ((tree, digests) => input.onImageRootTree(a, tree, digests)),
        });
        return { artifact: a, ...r };
    }
    if (a.kind === 'bundle')
        return { artifact: a, unchanged: 0, ...(await scanTarGzForSecrets(a.path)) };
    const r = await scanPlainFile(a.path, a.rel.split('/').pop());
    return { artifact: a, findings: r.findings, files: 1, bytes: r.bytes, unchanged: 0 };
}
/** The gate: scans, and throws SecretGateFailure when any finding is not allowed. */
async function runSecretGate(input) {
    const result = await scanArtifactsForSecrets(input);
    if (result.findings.length > 0)
        throw new SecretGateFailure(result);
    return result;
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** The job summary's section: findings and allowed findings by file and kind (fingerprints, never secrets). */
function renderSecretGateSummary(r) {
    const files = r.scanned.reduce((n, s) => n + s.files, 0);
    const bytes = r.scanned.reduce((n, s) => n + s.bytes, 0);
    const lines = ['### Secret gate', ''];
    lines.push(r.findings.length
        ? `**Failed**: ${r.findings.length} secret(s) found; nothing was signed or written.`
        : `**Passed**: ${files} file(s), ${(bytes / 1048576).toFixed(1)} MiB scanned in ${r.scanned.length} artifact(s); no secret outside the allow-list.`);
    const rows = [
        ...r.findings.map((f) => ({ ...f, status: 'finding', reason: '' })),
        ...r.allowed.map((f) => ({ ...f, status: 'allowed' })),
    ];
    if (rows.length) {
        lines.push('', '| status | artifact | file | line | kind | fingerprint (sha256) | reason |', '|---|---|---|---|---|---|---|');
        for (const f of rows)
            lines.push(`| ${f.status} | ${cell(f.artifact)} | ${cell(f.path)} | ${f.line} | ${f.kind} | \`${f.fingerprint}\` | ${cell(f.reason)} |`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./build/shared/attest/secret-scan-result.js
/**
 * meta/secret-scan.json: the secret gate's result for one output tree,
 * written by attest beside the image provenance and bound into the signed
 * statements as a byproduct, read by the release gates (tag-snapshot, OCI
 * promotion) before a channel moves. One schema writes and reads it. It
 * holds fingerprints and locations, never a secret.
 */



/** Where the result is written, relative to the output tree. */
const SECRET_SCAN_RESULT = 'meta/secret-scan.json';
const FindingSchema = schemas/* object */.Ikc({
    artifact: schemas/* string */.YjP(),
    path: schemas/* string */.YjP(),
    line: schemas/* number */.aig().int().positive(),
    kind: schemas/* enum */.k5n(detectors/* SECRET_KINDS */.d2),
    fingerprint: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
});
const SecretScanResultSchema = schemas/* object */.Ikc({
    scanner: schemas/* literal */.euz('infrasim-attest-secret-gate'),
    /** Every artifact scanned, by its path in the tree and the digest that was scanned. */
    scanned: schemas/* array */.YOg(schemas/* object */.Ikc({
        artifact: schemas/* string */.YjP(),
        sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
        files: schemas/* number */.aig().int().nonnegative(),
        bytes: schemas/* number */.aig().int().nonnegative(),
        unchanged: schemas/* number */.aig().int().nonnegative(),
    })),
    /** Findings not on the allow-list: attest fails on any, so a written result has none. */
    findings: schemas/* array */.YOg(FindingSchema),
    /** Findings allowed on purpose, with the allow-list's reason. */
    allowed: schemas/* array */.YOg(FindingSchema.extend({ reason: schemas/* string */.YjP() })),
});
/**
 * The result for one tree: the gate's entries for that tree's artifacts,
 * named by their path in the tree (the gate labels them relative to the
 * release root, which differs when several trees are attested together).
 */
function secretScanResultFor(gate, artifacts, labelOf) {
    const byLabel = new Map(artifacts.map((a) => [labelOf(a), a]));
    const inTree = (items) => items.flatMap((x) => {
        const a = byLabel.get(x.artifact);
        return a ? [{ ...x, artifact: a.rel }] : [];
    });
    const doc = {
        scanner: 'infrasim-attest-secret-gate',
        scanned: gate.scanned.flatMap((s) => {
            const a = byLabel.get(s.artifact);
            return a
                ? [{ artifact: a.rel, sha256: a.sha256, files: s.files, bytes: s.bytes, unchanged: s.unchanged }]
                : [];
        }),
        // The schema's parse below keeps only its own fields of each finding.
        findings: inTree(gate.findings),
        allowed: inTree(gate.allowed),
    };
    const bytes = JSON.stringify(SecretScanResultSchema.parse(doc), null, 2) + '\n';
    return { rel: SECRET_SCAN_RESULT, bytes, sha256: (0,shared_hash/* sha256 */.sc)(bytes) };
}

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./build/shared/attest/statement.js + 1 modules
var statement = __webpack_require__(77635);
// EXTERNAL MODULE: ./build/shared/attest/signing-key.js
var signing_key = __webpack_require__(67069);
;// CONCATENATED MODULE: ./build/shared/attest/sign.js
/**
 * Signing a statement, in either mode, behind one interface the pipeline
 * uses: every statement is signed in memory first, then `publish` runs (the
 * keyless signer stores its bundles through the repository's attestations
 * API), and only then is anything written.
 *
 * Key mode (here): the statement's bytes become a DSSE envelope signed by
 * the key (its pre-authentication encoding, below), packaged by
 * @sigstore/bundle as a Sigstore bundle v0.3 with the public key's hint as
 * verification material and no witnesses (no Rekor or TSA: key mode is for
 * offline and self-hosted use) — the bundle @sigstore/sign's
 * DSSEBundleBuilder makes of the same signature, without its network stack
 * (Fulcio, Rekor and TUF clients: 1.3 MB of JavaScript that key mode never
 * calls, compiled in the step's busiest second). Keyless mode: keyless.ts.
 */



function keySigner(key) {
    return {
        mode: 'key',
        description: `key \`${key.hint}\``,
        sign: async (_name, payload) => ({ payload, bundle: await signStatementWithKey(payload, key) }),
        publish: async () => [],
    };
}
/** The statement signed with the key, as a Sigstore bundle (DSSE envelope, the key's hint, no witnesses). */
async function signStatementWithKey(payload, key) {
    // No certificate: the v0.3 media type, the key's hint as verification material, no tlog or timestamps.
    const bundle = (0,dist/* toDSSEBundle */.PR)({
        artifact: payload,
        artifactType: statement/* IN_TOTO_PAYLOAD_TYPE */.T4,
        signature: (0,signing_key/* signBytes */.b_)(key, preAuthEncoding(statement/* IN_TOTO_PAYLOAD_TYPE */.T4, payload)),
        keyHint: key.hint,
        certificateChain: false,
    });
    return (0,dist/* bundleToJSON */.ev)(bundle);
}
/** DSSE's pre-authentication encoding: the bytes actually signed (`DSSEv1 <len> <type> <len> <payload>`). */
function preAuthEncoding(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
        type,
        Buffer.from(` ${payload.length} `, 'utf8'),
        payload,
    ]);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./build/shared/deps/findings.js
const FINDING_KINDS = [
    'cycle',
    'dev-cycle',
    'duplicate',
    'vendor-concentration',
    'typosquat',
    'git-unpinned',
    'exact-pin',
    'path-outside-workspace',
    'non-default-registry',
    'lockfile-path-escape',
    'known-malicious',
];
function finding(kind, subject, message, packages, edges = [], details = {}) {
    return { id: `${kind}:${subject}`, kind, subject, message, packages, edges, details };
}
/** Sorts findings by id so reports and scores are independent of input order. */
function findings_byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

;// CONCATENATED MODULE: ./build/shared/deps/risk.js

/** How bad one finding of a kind is, for people reading the report; the points decide the score. */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const RISK_WEIGHTS = {
    'known-malicious': {
        severity: 'critical',
        // Fails any threshold below 100 on its own: an advisory database says this package is malware.
        perFinding: 100,
        cap: 100,
        why: 'a public advisory database records this package (version) as malware',
    },
    'lockfile-path-escape': {
        severity: 'critical',
        // Above the default threshold on its own: npm never writes such a key, so it is a forged lockfile, not noise.
        perFinding: 60,
        cap: 60,
        why: 'npm never writes a key that climbs out of node_modules: the lockfile was edited to name another package',
    },
    typosquat: {
        severity: 'high',
        perFinding: 20,
        cap: 40,
        why: 'a name that imitates a popular package is the usual vehicle of a malicious package',
    },
    cycle: {
        severity: 'medium',
        perFinding: 15,
        cap: 30,
        why: 'packages in a normal/build cycle cannot be built, audited or upgraded on their own',
    },
    'git-unpinned': {
        severity: 'medium',
        perFinding: 8,
        cap: 24,
        why: 'a branch or tag can move: the same manifest builds different code',
    },
    'vendor-concentration': {
        severity: 'medium',
        perFinding: 10,
        cap: 20,
        why: 'one compromised publisher reaches a large part of the build',
    },
    'path-outside-workspace': {
        severity: 'low',
        perFinding: 5,
        cap: 15,
        why: 'the build depends on files the repository does not contain',
    },
    'non-default-registry': {
        severity: 'low',
        perFinding: 5,
        cap: 15,
        why: 'a second registry is a second trust root and a dependency-confusion risk',
    },
    duplicate: {
        severity: 'low',
        perFinding: 1,
        cap: 15,
        why: 'several versions of one package multiply what must be audited and patched',
    },
    'exact-pin': {
        severity: 'low',
        perFinding: 2,
        cap: 10,
        why: 'an exact pin blocks compatible security fixes',
    },
    'dev-cycle': {
        severity: 'info',
        perFinding: 0,
        cap: 0,
        why: 'normal in Rust workspaces (tests of a crate use helpers that depend on it); reported, not scored',
    },
};
function scoreRisk(findings, allow) {
    const byKind = Object.fromEntries(Object.keys(RISK_WEIGHTS).map((k) => [k, { findings: 0, allowed: 0, points: 0 }]));
    const scored = [...findings].sort(byId).map((f) => {
        const weight = RISK_WEIGHTS[f.kind];
        const tally = byKind[f.kind];
        tally.findings++;
        const allowed = allow.matches(f.id);
        if (allowed) {
            tally.allowed++;
            return { ...f, severity: weight.severity, allowed, contribution: 0 };
        }
        const contribution = Math.max(0, Math.min(weight.perFinding, weight.cap - tally.points));
        tally.points += contribution;
        return { ...f, severity: weight.severity, allowed, contribution };
    });
    const total = Object.values(byKind).reduce((sum, t) => sum + t.points, 0);
    return { score: Math.min(100, total), byKind, findings: scored };
}

;// CONCATENATED MODULE: ./build/shared/deps/schemas.js
/**
 * The JSON documents analyze-deps writes, each with one schema used both to
 * write (validated before it touches the disk) and to read back (tests,
 * later actions such as attest).
 */



const sha256Hex = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/);
/** `meta/attestations/infrasim-build.json`: the fields of seed 000, plus `analysis`. */
const infrasimBuildSchema = schemas/* object */.Ikc({
    version: schemas/* string */.YjP().min(1),
    git_commit: schemas/* string */.YjP().nullable(),
    git_ref: schemas/* string */.YjP().nullable(),
    build_timestamp: iso/* datetime */.w$(),
    github_run_id: schemas/* string */.YjP().nullable(),
    rust_version: schemas/* string */.YjP().nullable(),
    cargo_version: schemas/* string */.YjP().nullable(),
    binaries: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ sha256: sha256Hex })),
    dependencies: schemas/* object */.Ikc({
        graph_sha256: sha256Hex,
        package_count: schemas/* number */.aig().int().nonnegative(),
        has_duplicates: schemas/* boolean */.zMY(),
        ecosystem: schemas/* enum */.k5n(['cargo', 'npm']),
        source: schemas/* enum */.k5n(['cargo-metadata', 'cargo-lock', 'npm-lock']),
        canonical_form: schemas/* string */.YjP(),
    }),
    analysis: schemas/* object */.Ikc({
        risk_score: schemas/* number */.aig().int().min(0).max(100),
        risk_threshold: schemas/* number */.aig().int().min(0).max(100),
        cycle_count: schemas/* number */.aig().int().nonnegative(),
        dev_cycle_count: schemas/* number */.aig().int().nonnegative(),
        duplicate_count: schemas/* number */.aig().int().nonnegative(),
        vendor_concentration_count: schemas/* number */.aig().int().nonnegative(),
        typosquat_suspect_count: schemas/* number */.aig().int().nonnegative(),
        unusual_pin_count: schemas/* number */.aig().int().nonnegative(),
        lockfile_path_escape_count: schemas/* number */.aig().int().nonnegative(),
        /** Absent in records written before the known-malicious check. */
        known_malicious_count: schemas/* number */.aig().int().nonnegative().optional(),
        allowed_finding_count: schemas/* number */.aig().int().nonnegative(),
        report: schemas/* string */.YjP(),
        sbom: schemas/* string */.YjP(),
    }),
});
const edgeSchema = schemas/* object */.Ikc({
    from: schemas/* string */.YjP(),
    to: schemas/* string */.YjP(),
    kind: schemas/* enum */.k5n(['normal', 'build', 'dev', 'optional', 'peer', 'unknown']),
});
const findingSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    kind: schemas/* enum */.k5n(FINDING_KINDS),
    subject: schemas/* string */.YjP(),
    message: schemas/* string */.YjP(),
    packages: schemas/* array */.YOg(schemas/* string */.YjP()),
    edges: schemas/* array */.YOg(edgeSchema),
    details: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
    severity: schemas/* enum */.k5n(SEVERITIES),
    allowed: schemas/* boolean */.zMY(),
    contribution: schemas/* number */.aig().nonnegative(),
});
/** `meta/attestations/deps-report.json`: every finding with its contribution to the score. */
const depsReportSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz('infrasim-deps-report/1'),
    source: schemas/* object */.Ikc({
        file: schemas/* string */.YjP(),
        origin: schemas/* string */.YjP(),
        ecosystem: schemas/* string */.YjP(),
        edge_kinds_known: schemas/* boolean */.zMY(),
    }),
    graph_sha256: sha256Hex,
    risk: schemas/* object */.Ikc({
        score: schemas/* number */.aig().int().min(0).max(100),
        threshold: schemas/* number */.aig().int().min(0).max(100),
        passed: schemas/* boolean */.zMY(),
        by_kind: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({
            findings: schemas/* number */.aig(),
            allowed: schemas/* number */.aig(),
            points: schemas/* number */.aig(),
            severity: schemas/* enum */.k5n(SEVERITIES),
            weight: schemas/* number */.aig(),
            cap: schemas/* number */.aig(),
        })),
    }),
    counts: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()),
    allow_list: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** The advisory databases the known-malicious check read. */
    known_malicious: schemas/* object */.Ikc({ sources: schemas/* array */.YOg(schemas/* string */.YjP()), entries: schemas/* number */.aig() }).optional(),
    sbom: schemas/* object */.Ikc({
        file: schemas/* string */.YjP(),
        spec_version: schemas/* string */.YjP(),
        /** `passed`: an SBOM that fails the schema, or cannot be checked, fails the step instead of being written. */
        schema_validation: schemas/* string */.YjP(),
    }),
    findings: schemas/* array */.YOg(findingSchema),
    most_depended_on: schemas/* array */.YOg(schemas/* object */.Ikc({ id: schemas/* string */.YjP(), dependents: schemas/* number */.aig() })),
    vendor_shares: schemas/* array */.YOg(schemas/* object */.Ikc({ publisher: schemas/* string */.YjP(), packages: schemas/* number */.aig(), share: schemas/* number */.aig() })),
});

// EXTERNAL MODULE: ./build/shared/json-document.js
var json_document = __webpack_require__(98360);
;// CONCATENATED MODULE: ./build/shared/provenance/build-provenance.js
/**
 * meta/build-provenance.json: the base step's provenance (seed document 002),
 * one schema used both to write it and to read it back.
 */


const digest = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/);
const BuildProvenanceSchema = schemas/* object */.Ikc({
    format_version: schemas/* literal */.euz('1.0'),
    build_type: schemas/* string */.YjP(),
    builder: schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), action: schemas/* string */.YjP() }),
    source: schemas/* object */.Ikc({
        git_sha: schemas/* string */.YjP().nullable(),
        git_ref: schemas/* string */.YjP().nullable(),
        repository: schemas/* string */.YjP().nullable(),
        build_date: schemas/* string */.YjP(),
        source_date_epoch: schemas/* number */.aig().int().nonnegative(),
    }),
    distro: schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), arch: schemas/* string */.YjP() }),
    /** Packages asked for (names as given). */
    packages: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** Packages read back from the image's own package database. */
    installed_packages: schemas/* object */.Ikc({
        manager: schemas/* enum */.k5n(['apk', 'dpkg', 'none']),
        count: schemas/* number */.aig().int().nonnegative(),
        packages: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), arch: schemas/* string */.YjP().optional() })),
    }),
    inputs: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), uri: schemas/* string */.YjP(), sha256: digest.optional(), verification: schemas/* string */.YjP() })),
    boot: schemas/* object */.Ikc({
        mode: schemas/* enum */.k5n(['uefi', 'kernel']),
        cmdline: schemas/* string */.YjP(),
        kernel: schemas/* object */.Ikc({ rootfs_path: schemas/* string */.YjP().nullable(), sha256: digest }),
        initrd: schemas/* object */.Ikc({ rootfs_path: schemas/* string */.YjP().nullable(), sha256: digest }).nullable(),
        partitions: schemas/* object */.Ikc({ disk_guid: schemas/* string */.YjP(), esp_guid: schemas/* string */.YjP(), root_partuuid: schemas/* string */.YjP() }),
        /** boot=uefi: the systemd-boot binary in the ESP (null for a direct kernel boot; absent in older documents). */
        bootloader: schemas/* object */.Ikc({
            name: schemas/* literal */.euz('systemd-boot'),
            package: schemas/* string */.YjP(),
            version: schemas/* string */.YjP(),
            arch: schemas/* string */.YjP(),
            sha256: digest,
        })
            .nullable()
            .optional(),
    }),
    output: schemas/* object */.Ikc({
        path: schemas/* string */.YjP(),
        format: schemas/* literal */.euz('qcow2'),
        compression: schemas/* enum */.k5n(['none', 'zlib', 'zstd']),
        sha256: digest,
        virtual_size: schemas/* number */.aig().int().positive(),
        actual_size: schemas/* number */.aig().int().positive(),
        rootfs_entries: schemas/* number */.aig().int().nonnegative(),
        /** sha256 over the root filesystem's entries and bytes: with the kernel and boot loader, seeds the GUIDs. */
        rootfs_content_sha256: digest.optional(),
    }),
    tools: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
    /**
     * Golden-image hygiene (shared/sysprep.ts): every path the build removed or
     * emptied because no image may carry it (keys, machine identity, seeds,
     * build logs), and the files added so the instance makes them on its first
     * boot. Absent in documents written before the reset existed.
     */
    sysprep: schemas/* object */.Ikc({
        reset: schemas/* array */.YOg(schemas/* object */.Ikc({
            path: schemas/* string */.YjP(),
            action: schemas/* enum */.k5n(['remove', 'truncate']),
            rule: schemas/* string */.YjP(),
            reason: schemas/* string */.YjP(),
        })),
        first_boot: schemas/* array */.YOg(schemas/* object */.Ikc({ path: schemas/* string */.YjP(), rule: schemas/* string */.YjP(), reason: schemas/* string */.YjP() })),
    })
        .optional(),
});
function readBuildProvenance(path) {
    return (0,json_document/* readJsonDocument */.E)(path, BuildProvenanceSchema, 'build provenance');
}

;// CONCATENATED MODULE: ./build/shared/variant/provenance.js
/**
 * meta/variant-<v>-provenance.json: seed 002's fields (format_version,
 * build_type, variant, base_image {path, sha256}, source, packages,
 * services) plus what makes the overlay checkable: its own sha256, the
 * user-data's sha256, the packages read back from the guest, and the console
 * log. One schema writes it and reads it back.
 */




const provenance_digest = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/);
const VariantProvenanceSchema = schemas/* object */.Ikc({
    format_version: schemas/* literal */.euz('1.0'),
    build_type: schemas/* string */.YjP(),
    variant: schemas/* string */.YjP(),
    description: schemas/* string */.YjP(),
    base_image: schemas/* object */.Ikc({
        /** Relative to the output directory, as the overlay's backing file resolves it. */
        path: schemas/* string */.YjP(),
        sha256: provenance_digest,
        distro: schemas/* string */.YjP(),
        arch: schemas/* string */.YjP(),
    }),
    source: schemas/* object */.Ikc({ git_sha: schemas/* string */.YjP().nullable(), build_date: schemas/* string */.YjP() }),
    /** Packages the definition asked for. */
    packages: schemas/* array */.YOg(schemas/* string */.YjP()),
    services: schemas/* array */.YOg(schemas/* string */.YjP()),
    definition: schemas/* object */.Ikc({
        origin: schemas/* string */.YjP(),
        sha256: provenance_digest,
        target: schemas/* enum */.k5n(['alpine', 'debian', 'generic']),
    }),
    files: schemas/* array */.YOg(schemas/* object */.Ikc({ path: schemas/* string */.YjP(), mode: schemas/* string */.YjP(), owner: schemas/* string */.YjP(), sha256: provenance_digest })),
    commands: schemas/* array */.YOg(schemas/* string */.YjP()),
    checks: schemas/* array */.YOg(schemas/* string */.YjP()),
    overlay: schemas/* object */.Ikc({
        path: schemas/* string */.YjP(),
        sha256: provenance_digest,
        backing_file: schemas/* string */.YjP(),
        backing_format: schemas/* literal */.euz('qcow2'),
        virtual_size: schemas/* number */.aig().int().positive(),
        actual_size: schemas/* number */.aig().int().nonnegative(),
    }),
    image: schemas/* object */.Ikc({ path: schemas/* string */.YjP(), sha256: provenance_digest, actual_size: schemas/* number */.aig().int().nonnegative() })
        .nullable(),
    user_data: schemas/* object */.Ikc({ sha256: provenance_digest }),
    installed_packages: schemas/* object */.Ikc({
        manager: schemas/* enum */.k5n(['apk', 'dpkg', 'none']),
        count: schemas/* number */.aig().int().nonnegative(),
        packages: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), arch: schemas/* string */.YjP().optional() })),
    }),
    provisioning: schemas/* object */.Ikc({
        console_log: schemas/* string */.YjP(),
        seconds: schemas/* number */.aig().nonnegative(),
        accel: schemas/* string */.YjP(),
        qemu_version: schemas/* string */.YjP(),
        matched_line: schemas/* string */.YjP().nullable(),
        private_key_scan: schemas/* object */.Ikc({ files_flagged: schemas/* number */.aig().int().nonnegative() }),
    }),
});
function readVariantProvenance(path) {
    return (0,json_document/* readJsonDocument */.E)(path, VariantProvenanceSchema, 'variant provenance');
}
/**
 * An overlay is only valid on the exact bytes of its base: compares the base
 * the provenance recorded with the base file as it is now. Throws naming both
 * hashes when the base changed after the overlay was made.
 */
async function verifyOverlayBase(provenance, base) {
    const actual = await sha256File(base);
    if (actual !== provenance.base_image.sha256) {
        throw new DataError(`the overlay of variant ${provenance.variant} was made on a base with sha256 ${provenance.base_image.sha256}, ` +
            `but ${base} now has sha256 ${actual}: the base changed after the overlay was made; rebuild the variant`);
    }
}

;// CONCATENATED MODULE: ./build/shared/vm/report-schema.js
/**
 * The boot report (output/meta/boot/<image>.json): one schema, used to
 * validate what boot-verify writes and what later steps read back.
 */



const sha256 = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/);
const chainLinkSchema = schemas/* object */.Ikc({
    path: schemas/* string */.YjP(),
    format: schemas/* string */.YjP(),
    virtualSize: schemas/* number */.aig().int().nonnegative(),
    backingFile: schemas/* string */.YjP().optional(),
    sha256,
});
const checkResultSchema = schemas/* object */.Ikc({
    command: schemas/* string */.YjP(),
    expectStatus: schemas/* number */.aig().int(),
    status: schemas/* number */.aig().int().nullable(),
    output: schemas/* array */.YOg(schemas/* string */.YjP()),
    passed: schemas/* boolean */.zMY(),
});
const bootReportSchema = schemas/* object */.Ikc({
    reportVersion: schemas/* literal */.euz(1),
    image: schemas/* object */.Ikc({ path: schemas/* string */.YjP(), sha256: sha256.optional(), format: schemas/* string */.YjP().optional() }),
    /** The image first, then each backing file down to the base, each hashed before the boot. */
    chain: schemas/* array */.YOg(chainLinkSchema),
    arch: schemas/* enum */.k5n(['x86_64', 'aarch64']),
    boot: schemas/* enum */.k5n(['uefi', 'kernel']),
    verdict: schemas/* enum */.k5n(['success', 'failure', 'timeout']),
    reason: schemas/* string */.YjP(),
    /** True when the image was refused before booting (e.g. its base changed). */
    refused: schemas/* boolean */.zMY(),
    matchedLine: schemas/* string */.YjP().optional(),
    accel: schemas/* enum */.k5n(['kvm', 'tcg']).optional(),
    accelReason: schemas/* string */.YjP().optional(),
    qemuVersion: schemas/* string */.YjP().optional(),
    command: schemas/* array */.YOg(schemas/* string */.YjP()),
    exitCode: schemas/* number */.aig().int().nullable(),
    timings: schemas/* object */.Ikc({
        launchMs: schemas/* number */.aig(),
        firstByteMs: schemas/* number */.aig().optional(),
        verdictMs: schemas/* number */.aig(),
        exitMs: schemas/* number */.aig().optional(),
    })
        .optional(),
    checks: schemas/* array */.YOg(checkResultSchema),
    consoleLog: schemas/* string */.YjP().optional(),
    consoleTail: schemas/* array */.YOg(schemas/* string */.YjP()),
    startedAt: schemas/* string */.YjP(),
});
async function writeBootReport(path, report) {
    await writeJsonAtomic(path, bootReportSchema.parse(report));
}
function readBootReport(path) {
    return (0,json_document/* readJsonDocument */.E)(path, bootReportSchema, 'boot report');
}

// EXTERNAL MODULE: ./build/shared/regular-file.js
var regular_file = __webpack_require__(53019);
;// CONCATENATED MODULE: ./build/shared/attest/upstream.js
/**
 * The documents the earlier actions wrote into one output tree, read back
 * through their own schemas: build-base's meta/build-provenance.json,
 * build-variant's meta/variant-<v>-provenance.json, analyze-deps'
 * meta/attestations/infrasim-build.json and boot-verify's meta/boot/*.json.
 * A document attest needs and cannot find is an error naming the file and
 * the action that writes it, never a default.
 */










/** Far above any real provenance or report (a few KiB to a few MiB with package lists). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const BUILD_PROVENANCE = 'meta/build-provenance.json';
const INFRASIM_BUILD = 'meta/attestations/infrasim-build.json';
const BOOT_DIR = 'meta/boot';
const variantProvenanceRel = (v) => `meta/variant-${v}-provenance.json`;
async function exists(path) {
    return (await (0,promises_.stat)(path).catch(() => null)) !== null;
}
async function requireDocument(tree, rel, writer, read) {
    const path = (0,external_node_path_.join)(tree, rel);
    if (!(await exists(path)))
        throw new errors/* DataError */.fL(`${path} is missing: it is written by ${writer}, which must run before attest`);
    return located(tree, rel, read);
}
async function located(tree, rel, read) {
    const path = (0,external_node_path_.join)(tree, rel);
    const bytes = await (0,regular_file/* readRegularFile */.XF)(path, { input: rel, maxBytes: MAX_DOCUMENT_BYTES });
    return { rel, path, doc: await read(path), sha256: (0,shared_hash/* sha256 */.sc)(bytes) };
}
/** Variant names from the variant provenance files in meta/, sorted. */
async function listVariants(tree) {
    const names = await (0,promises_.readdir)((0,external_node_path_.join)(tree, 'meta')).catch(() => []);
    return names
        .map((n) => /^variant-(.+)-provenance\.json$/.exec(n)?.[1])
        .filter((v) => v !== undefined)
        .sort();
}
/**
 * Reads every upstream document of `tree`. `variants` null: every variant
 * provenance present; a list: exactly those, each required.
 */
async function readUpstream(tree, variants) {
    const buildProvenance = await requireDocument(tree, BUILD_PROVENANCE, 'build-base', readBuildProvenance);
    const infrasimBuild = await requireDocument(tree, INFRASIM_BUILD, 'analyze-deps', (p) => (0,json_document/* readJsonDocument */.E)(p, infrasimBuildSchema, 'infrasim build record'));
    const names = variants ?? (await listVariants(tree));
    const variantDocs = [];
    for (const v of names)
        variantDocs.push(await requireDocument(tree, variantProvenanceRel(v), 'build-variant', readVariantProvenance));
    const bootReports = [];
    const bootDir = (0,external_node_path_.join)(tree, BOOT_DIR);
    const entries = (await (0,promises_.readdir)(bootDir).catch(() => []))
        .filter((n) => n.endsWith('.json'))
        .sort();
    for (const name of entries) {
        const rel = `${BOOT_DIR}/${name}`;
        bootReports.push(await located(tree, rel, readBootReport));
    }
    return { tree, buildProvenance, variants: variantDocs, infrasimBuild, bootReports };
}

;// CONCATENATED MODULE: ./build/shared/attest/pipeline.js
/**
 * attest, end to end: read every upstream document and hash every artifact
 * (once), build each image's provenance and the statements, sign them when
 * the trigger policy says so, and only then write everything together. A
 * failure anywhere before the last step writes nothing, so there is never a
 * signature over a partial set of artifacts.
 */















const ATTESTATIONS_DIR = 'meta/attestations';
/** The statement naming every artifact of the run, every architecture together. */
const RELEASE_NAME = 'release';
async function findTree(tree, o) {
    const up = await readUpstream(tree, o.variants);
    const located = (0,attest_artifacts/* locateArtifacts */.Ox)(up);
    if (o.bundle && !(0,external_node_path_.relative)(tree, o.bundle).startsWith('..'))
        located.push((0,attest_artifacts/* locateInputArtifact */.Bb)(tree, o.bundle, 'bundle', up.buildProvenance.doc.distro.arch));
    return { tree, up, located };
}
async function prepareTree({ up, located }, o, ctx, memo) {
    const artifacts = await (0,attest_artifacts/* hashArtifacts */.Ap)(located, memo);
    const base = artifacts.find((a) => a.kind === 'base-image');
    const images = artifacts.filter((a) => a.kind === 'base-image' || a.kind === 'overlay');
    const provenance = images.map((image) => {
        const flattened = image.kind === 'overlay'
            ? (artifacts.find((a) => a.kind === 'variant-image' && a.variant === image.variant) ?? null)
            : null;
        const doc = (0,image_provenance/* buildImageProvenance */.xh)({
            up,
            image,
            flattened,
            baseSha256: image.kind === 'overlay' ? base.sha256 : null,
            ctx,
            snapshotVersion: o.snapshotVersion,
            requireBoot: o.requireBoot,
        });
        const bytes = JSON.stringify(doc, null, 2) + '\n';
        return { rel: (0,image_provenance/* imageProvenanceRel */.Sm)(image.variant), doc, bytes, sha256: (0,shared_hash/* sha256 */.sc)(bytes) };
    });
    return { up, artifacts, provenance, sboms: [] };
}
function treeInput(w, prefix, only) {
    // A per-artifact statement binds the image provenance of its own image (the base's for kernel files).
    const provenance = only ? w.provenance.filter((p) => p.doc.image.variant === only.variant) : w.provenance;
    return {
        up: w.up,
        prefix,
        artifacts: only ? [only] : w.artifacts,
        imageProvenance: provenance.map((p) => ({ rel: p.rel, sha256: p.sha256 })),
        sboms: [...w.sboms, ...(w.vulnerabilities ?? [])]
            .filter((b) => !only || ('image' in b ? b.image.variant : b.variant) === only.variant)
            .map((b) => ({ rel: b.rel, sha256: b.sha256 })),
        // The gate's result covers the whole tree, so every statement of the tree binds it.
        reports: w.secretScan ? [{ rel: w.secretScan.rel, sha256: w.secretScan.sha256 }] : [],
    };
}
/** `keyless`: the runner toolkit keyless signing uses (the action passes it; key mode needs none). */
async function runAttest(o, ctx, keyless) {
    const memo = new digest_memo/* DigestMemo */.F();
    const found = [];
    for (const tree of o.trees)
        found.push(await findTree(tree, o));
    // The secret gate runs before anything is signed or written: a finding throws and the tree stays as it was.
    // It starts as soon as the artifacts are found: its image reads run in child processes (qemu-img, e2fsck,
    // debugfs) while this thread hashes the artifacts. A file that fails its hash check is still refused
    // first: the gate is stopped and its verdict never reported. The image SBOMs' software is read from the
    // gate's extracted trees (each image is read once); a gate failure is reported before any error of those.
    const fromGate = new SoftwareFromGate();
    const stopGate = new AbortController();
    const gate = runSecretGate({
        trees: found.map((f) => ({ tree: f.tree, artifacts: f.located })),
        releaseRoot: o.releaseRoot,
        allowList: o.secretAllowList,
        workDir: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        onImageRootTree: fromGate.onImageRootTree,
        signal: stopGate.signal,
    });
    // Its failure is reported where it is awaited below; until then it must not count as unhandled.
    gate.catch(() => { });
    // What only runs after the gate (the SBOM writer with the CycloneDX library, the vulnerability gate, keyless
    // signing) loads while the gate's child processes read the images, not before they start.
    const sbomWriter = Promise.all(/* import() */[__webpack_require__.e(571), __webpack_require__.e(551), __webpack_require__.e(194)]).then(__webpack_require__.bind(__webpack_require__, 73194));
    sbomWriter.catch(() => { });
    const work = [];
    try {
        for (const f of found)
            work.push(await prepareTree(f, o, ctx, memo));
    }
    catch (e) {
        stopGate.abort();
        // Settled before the error is thrown: no read of the gate still holds files in RUNNER_TEMP.
        await gate.catch(() => { });
        throw e;
    }
    const secrets = await gate;
    // One tree at a time, so no more than IMAGES_READ_AT_ONCE images the gate did not read are read at once.
    const { buildTreeSboms } = await sbomWriter;
    for (const w of work)
        w.sboms = await buildTreeSboms(w.up, w.artifacts, fromGate);
    const gateLabel = (a) => (0,external_node_path_.relative)(o.releaseRoot, a.path).split(external_node_path_.sep).join('/');
    for (const w of work)
        w.secretScan = secretScanResultFor(secrets, w.artifacts, gateLabel);
    // The vulnerability gate decides before anything is signed; a failing gate throws and nothing is written.
    let vulnerabilities = null;
    if (o.vulnerability) {
        const trees = work.map((w, i) => ({ tree: o.trees[i], sboms: w.sboms }));
        const { runVulnerabilityGate } = await Promise.all(/* import() */[__webpack_require__.e(571), __webpack_require__.e(551), __webpack_require__.e(723)]).then(__webpack_require__.bind(__webpack_require__, 1723));
        vulnerabilities = await runVulnerabilityGate(o.vulnerability, trees, new Date());
        for (const [i, w] of work.entries())
            w.vulnerabilities = vulnerabilities.docs[i];
    }
    const statements = [];
    for (const [i, w] of work.entries()) {
        for (const a of w.artifacts) {
            if (a.id === RELEASE_NAME)
                throw new errors/* DataError */.fL(`${a.path}: the artifact name '${RELEASE_NAME}' is reserved for the combined statement`);
            const t = treeInput(w, '', a);
            statements.push({
                dir: (0,external_node_path_.join)(o.trees[i], ATTESTATIONS_DIR),
                name: a.id,
                statement: (0,statement/* buildProvenanceStatement */.Jo)({
                    trees: [t],
                    subjects: [{ tree: t, artifact: a }],
                    ctx,
                    builderId: o.builderId,
                }),
            });
        }
    }
    const prefixOf = (tree) => o.trees.length === 1 ? '' : (0,external_node_path_.relative)(o.releaseRoot, tree).split(external_node_path_.sep).join('/') + '/';
    const releaseTrees = work.map((w, i) => treeInput(w, prefixOf(o.trees[i])));
    statements.push({
        dir: (0,external_node_path_.join)(o.releaseRoot, ATTESTATIONS_DIR),
        name: RELEASE_NAME,
        statement: (0,statement/* buildProvenanceStatement */.Jo)({
            trees: releaseTrees,
            subjects: releaseTrees.flatMap((t) => t.artifacts.map((artifact) => ({ tree: t, artifact }))),
            ctx,
            builderId: o.builderId,
        }),
    });
    // Sign everything in memory first: a signing failure leaves the tree as it was.
    if (o.keyless && !keyless)
        throw new Error('keyless signing needs the runner toolkit (runAttest keyless argument)');
    const signer = o.key
        ? keySigner(o.key)
        : o.keyless
            ? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 71734))).keylessSigner(o.keyless, keyless)
            : null;
    const files = [];
    const stale = [];
    const written = [];
    for (const s of statements) {
        const payload = (0,statement/* serializeStatement */.US)(s.statement);
        const statementPath = (0,external_node_path_.join)(s.dir, `${s.name}.intoto.json`);
        const bundlePath = (0,external_node_path_.join)(s.dir, `${s.name}.sigstore.json`);
        let bundle = null;
        let signedPayload = payload;
        if (signer) {
            ({ bundle, payload: signedPayload } = await signer.sign(s.name, payload));
            files.push({ path: bundlePath, content: JSON.stringify(bundle, null, 2) + '\n' });
        }
        else if (await (0,promises_.stat)(bundlePath).catch(() => null))
            stale.push(bundlePath);
        // The statement file holds exactly the bytes the envelope signs.
        files.push({ path: statementPath, content: signedPayload.toString('utf8') });
        written.push({
            name: s.name,
            statement: statementPath,
            bundle: bundle ? bundlePath : null,
            subjects: s.statement.subject.map((x) => ({ name: x.name, sha256: x.digest.sha256 })),
        });
    }
    for (const [i, w] of work.entries())
        for (const p of [
            ...w.provenance,
            ...[...w.sboms, ...(w.vulnerabilities ?? [])].map((b) => ({ rel: b.rel, bytes: b.json })),
            ...(w.secretScan ? [w.secretScan] : []),
        ])
            files.push({ path: (0,external_node_path_.join)(o.trees[i], p.rel), content: p.bytes });
    // Keyless: store the bundles in the repository only once all are signed, before anything is written.
    const stored = signer ? await signer.publish() : [];
    // A bundle of an earlier run beside a new unsigned statement would sign something else: remove it first.
    for (const path of stale)
        await (0,promises_.rm)(path, { force: true });
    await writeFilesTogether(files);
    return {
        signed: signer !== null,
        reason: o.decision.reason,
        keyHint: o.key?.hint ?? null,
        signer: signer?.description ?? null,
        stored,
        artifacts: work.flatMap((w, i) => w.artifacts.map((a) => ({ ...a, tree: o.trees[i] }))),
        imageProvenance: work.flatMap((w, i) => w.provenance.map((p) => ({ path: (0,external_node_path_.join)(o.trees[i], p.rel), doc: p.doc }))),
        sboms: work.flatMap((w, i) => w.sboms.map((b) => ({ ...b, path: (0,external_node_path_.join)(o.trees[i], b.rel) }))),
        release: written[written.length - 1],
        perArtifact: written.slice(0, -1),
        vulnerabilities,
        hashed: memo.hashed,
        secrets,
    };
}

// EXTERNAL MODULE: ./build/shared/attest/summary.js
var summary = __webpack_require__(62712);
// EXTERNAL MODULE: ./build/shared/attest/vulnerability-run.js
var vulnerability_run = __webpack_require__(9954);
// EXTERNAL MODULE: ./build/shared/vuln/report.js
var report = __webpack_require__(64038);
;// CONCATENATED MODULE: ./build/actions/attest/keyless-toolkit.js
const keylessToolkit = {
    attest: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(541), __webpack_require__.e(215), __webpack_require__.e(735), __webpack_require__.e(476)]).then(__webpack_require__.bind(__webpack_require__, 4476))).attest(o),
    createAttestation: async (token, owner, repo, bundle) => {
        const [{ getOctokit }, { retry }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(541)]).then(__webpack_require__.bind(__webpack_require__, 72541)),
            Promise.all(/* import() */[__webpack_require__.e(735), __webpack_require__.e(15)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
        ]);
        return getOctokit(token, { retry: { retries: 3 } }, retry).request('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle: bundle });
    },
};

// EXTERNAL MODULE: ./build/actions/runner.js + 3 modules
var runner = __webpack_require__(21480);
;// CONCATENATED MODULE: ./build/actions/attest/sign.js







/** Runs the gates, signs (or writes unsigned) statements, and reports. */
async function attestAndReport(options, ctx) {
    runner/* core.info */.I8.info(options.decision.reason);
    if (!options.vulnerability)
        runner/* core.notice */.I8.notice('vulnerability gate off: no vulnerability-data given (a local OSV copy, or `osv` to download)');
    let result;
    try {
        result = await runAttest(options, ctx, keylessToolkit);
    }
    catch (e) {
        if (e instanceof vulnerability_run/* VulnerabilityGateFailure */.e)
            await reportVulnerabilities(e.run);
        if (e instanceof SecretGateFailure)
            await reportSecrets(e.result);
        throw e;
    }
    if (result.vulnerabilities)
        await reportVulnerabilities(result.vulnerabilities);
    await reportSecrets(result.secrets);
    (0,runner/* setOutputs */.n0)({
        signed: String(result.signed),
        'sign-reason': result.reason,
        'image-provenance': result.imageProvenance[0]?.path,
        statement: result.release.statement,
        attestations: [...result.perArtifact, result.release]
            .map((w) => w.bundle)
            .filter((b) => b !== null)
            .join('\n'),
        'subject-count': String(result.release.subjects.length),
    });
    await (0,runner/* writeSummary */.Sy)((0,summary/* renderAttestSummary */._4)(result));
    for (const a of result.artifacts)
        runner/* core.info */.I8.info(`${a.rel}: sha256 ${a.sha256}`);
    runner/* core.info */.I8.info(result.signed
        ? `signed ${result.perArtifact.length + 1} statement(s) with ${result.signer}` +
            (result.stored.length ? `; stored ${result.stored.length} in the repository's attestations` : '')
        : `wrote ${result.perArtifact.length + 1} unsigned statement(s): ${result.reason}`);
}
/** The secret gate's table in the job summary and an annotation per finding (file, line, kind, fingerprint: never the secret). */
async function reportSecrets(r) {
    (0,runner/* setOutputs */.n0)({ 'secret-findings': String(r.findings.length) });
    await (0,runner/* writeSummary */.Sy)(renderSecretGateSummary(r));
    for (const f of r.findings)
        runner/* core.error */.I8.error(describeGateFinding(f), { title: `secret ${f.kind}` });
    for (const f of r.allowed)
        runner/* core.notice */.I8.notice(`${describeGateFinding(f)} allowed: ${f.reason}`, { title: `secret allowed ${f.kind}` });
}
/** The vulnerability table in the job summary, and an annotation per finding the gate stopped or let through. */
async function reportVulnerabilities(run) {
    // Set on a failing gate too: a later step can read how many findings stopped the run.
    (0,runner/* setOutputs */.n0)({
        vulnerabilities: String(run.images.reduce((n, i) => n + i.result.findings.length, 0)),
    });
    await (0,runner/* writeSummary */.Sy)((0,report/* renderVulnerabilitySummary */.Ho)(run.images, run.gate, run.data));
    for (const f of run.gate.failing)
        runner/* core.error */.I8.error(`${f.id} (${f.aliases.join(', ')}) in ${f.source} ${f.installed}: ${f.severity}, fixed in ${f.fixed ?? 'no release yet'}`, {
            title: `vulnerability: ${f.image}`,
        });
    for (const f of run.gate.allowed)
        runner/* core.warning */.I8.warning(`${f.id} in ${f.source} ${f.installed} allowed until ${f.allowedBy.expires}: ${f.allowedBy.reason}`, {
            title: `vulnerability allowed: ${f.image}`,
        });
}


/***/ }),

/***/ 14275:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ tempPathFor),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* unused harmony exports writeJsonAtomic, produceAtomic */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/**
 * Atomic outputs: every file is written under a temporary name beside its
 * target and renamed into place, so a failure never leaves half a file.
 */



/** A temporary path in the same directory as `target` (same filesystem, so rename is atomic). */
function tempPathFor(target) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(target)}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
}
async function writeFileAtomic(target, data) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true });
    const tmp = tempPathFor(target);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, data);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, target);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw e;
    }
}
async function writeJsonAtomic(target, value) {
    await writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n');
}
/**
 * Produces `target` through `produce(tmp)`: the producer writes a temporary
 * path, which becomes `target` only when it succeeds.
 */
async function produceAtomic(target, produce) {
    await mkdir(dirname(target), { recursive: true });
    const tmp = tempPathFor(target);
    try {
        const result = await produce(tmp);
        await rename(tmp, target);
        return result;
    }
    catch (e) {
        await rm(tmp, { force: true, recursive: true });
        throw e;
    }
}


/***/ }),

/***/ 9954:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ VulnerabilityGateFailure)
/* harmony export */ });
class VulnerabilityGateFailure extends Error {
    run;
    constructor(run) {
        const names = run.gate.failing
            .slice(0, 20)
            .map((f) => `${f.id}${f.aliases.length ? ` (${f.aliases.slice(0, 3).join(', ')})` : ''} in ${f.source} ${f.installed} [${f.severity}]${f.fixed ? `, fixed in ${f.fixed}` : ''}${f.expiredEntry ? `, allow-list entry expired ${f.expiredEntry.expires}` : ''} — ${f.image}`);
        super(`vulnerability gate failed (threshold ${run.gate.threshold}): ${run.gate.failing.length} finding(s); nothing was signed or written\n  ` +
            names.join('\n  ') +
            (run.gate.failing.length > 20
                ? `\n  … and ${run.gate.failing.length - 20} more (see the job summary)`
                : ''));
        this.name = 'VulnerabilityGateFailure';
        this.run = run;
    }
}


/***/ }),

/***/ 30427:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ allSettledInOrder),
/* harmony export */   y: () => (/* binding */ mapBounded)
/* harmony export */ });
/** Bounded concurrency for work over many items (boots, builds, registry calls). */
/** Runs `task` over `items` with at most `limit` at once, keeping the results in order. */
async function mapBounded(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await task(items[i], i);
        }
    };
    // Settled, not all: on a failure (e.g. cancellation) every other task still
    // gets to clean up (kill its QEMU, remove its files) before the error propagates.
    await allSettledInOrder(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/**
 * Promise.all that waits for every promise to settle before it throws: the
 * first rejection in argument order (not in time) is thrown, so which error
 * a caller reports does not depend on which work finished first, and no
 * work is still running (holding files) when the caller cleans up.
 */
async function allSettledInOrder(promises) {
    const settled = await Promise.allSettled(promises);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((s) => s.value);
}


/***/ }),

/***/ 77239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports requireTool, toolVersion */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52005);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39303);
/**
 * Runs external programs with argument arrays: never a shell, so no input can
 * become shell code. Programs are looked up the way shared/tools.ts checks for
 * them (PATH, then the sbin directories), and missing ones are reported with
 * the Debian package that provides them.
 */




/** Runs `command args…` and resolves with its output; rejects with ToolError on a non-accepted exit. */
async function run(command, args, options = {}) {
    const env = options.env ?? process.env;
    // Resolved here rather than by spawn, which searches PATH only: an sbin tool the
    // up-front check found must also be the one that runs.
    const path = command.includes('/') ? command : await (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .findTool */ .SG)(command, { path: env.PATH });
    if (!path)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingToolError */ .BM(command, (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .debianPackage */ .Q5)(command));
    return new Promise((resolve, reject) => {
        const spawnOptions = {
            cwd: options.cwd,
            // The tool's own children (mkfs helpers, mmdebstrap's hooks) find sbin tools too.
            env: { ...env, PATH: (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .pathWithSbin */ .us)(env.PATH) },
            stdio: ['pipe', 'pipe', 'pipe'],
            signal: options.signal,
        };
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(path, args, { ...spawnOptions, argv0: command });
        const out = [];
        const err = [];
        child.stdout?.on('data', (b) => out.push(b));
        child.stderr?.on('data', (b) => err.push(b));
        child.on('error', (e) => {
            if (e.code === 'ENOENT')
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingToolError */ .BM(command, (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .debianPackage */ .Q5)(command)));
            else
                reject(e);
        });
        child.on('close', (code) => {
            const stdout = Buffer.concat(out).toString('utf8');
            const stderr = Buffer.concat(err).toString('utf8');
            if (code === 0 || (code !== null && options.okCodes?.includes(code))) {
                resolve({ code, stdout, stderr });
            }
            else {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolError */ .v4([command, ...args], code, stderr || stdout, options.hint));
            }
        });
        child.stdin?.on('error', () => {
            /* the program may exit before reading all input; its exit code tells */
        });
        child.stdin?.end(options.input);
    });
}
/** Resolves the absolute path of a program (PATH, then the sbin directories), or fails naming its Debian package. */
async function requireTool(tool) {
    const path = await findTool(tool);
    if (!path)
        throw new MissingToolError(tool, debianPackage(tool));
    return path;
}
/** The first line a tool prints for `--version` (or the given flag), for provenance records. */
async function toolVersion(tool, flag = '--version') {
    const r = await run(tool, [flag], { okCodes: [1] });
    return (r.stdout || r.stderr).split('\n')[0]?.trim() ?? '';
}


/***/ }),

/***/ 89261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ar: () => (/* binding */ extJournalPending),
/* harmony export */   vm: () => (/* binding */ filesystemAt)
/* harmony export */ });
/* unused harmony export filesystemOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/**
 * Which filesystem starts at an offset of a raw disk file, from its on-disk
 * signature, read in this process: no dumpe2fs or mdir process per
 * partition just to ask (each costs more than the read).
 *
 *   ext2/3/4  the superblock (1024 bytes in) has the magic 0xEF53 at byte 56;
 *   FAT       a boot sector ending in 0x55 0xAA whose type field says FAT
 *             ("FAT12   ", "FAT16   " or "FAT     " at byte 54; "FAT32   " at 82),
 *             as mkfs.fat writes it.
 *
 * An ext filesystem whose journal holds transactions not yet written to
 * their places has the RECOVER flag (0x4) in its incompatible features (the
 * superblock's byte 96).
 *
 * A signature is a claim, not a proof: the tools that then read the
 * filesystem (e2fsck, debugfs, mtools) fail on one that does not hold it up,
 * and their callers report that instead of skipping the partition.
 */

const EXT_MAGIC_AT = 1024 + 56;
const EXT_MAGIC = 0xef53;
const EXT_INCOMPAT_AT = 1024 + 96;
const EXT_INCOMPAT_RECOVER = 0x4;
const HEADER_BYTES = 2048;
async function headAt(file, offset) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const b = Buffer.alloc(HEADER_BYTES);
        const { bytesRead } = await fh.read(b, 0, HEADER_BYTES, offset);
        return b.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
/** The ext or FAT signature at `offset` of `file`, or null for neither (or a file too short). */
async function filesystemAt(file, offset) {
    return filesystemOf(await headAt(file, offset));
}
/** Whether the ext filesystem at `offset` of `file` has journal transactions left to replay. */
async function extJournalPending(file, offset) {
    const head = await headAt(file, offset);
    return filesystemOf(head) === 'ext' && (head.readUInt32LE(EXT_INCOMPAT_AT) & EXT_INCOMPAT_RECOVER) !== 0;
}
/** filesystemAt over the first bytes of a filesystem already read. */
function filesystemOf(head) {
    if (head.length >= EXT_MAGIC_AT + 2 && head.readUInt16LE(EXT_MAGIC_AT) === EXT_MAGIC)
        return 'ext';
    if (head.length >= 512 && head[510] === 0x55 && head[511] === 0xaa) {
        const type16 = head.toString('latin1', 54, 62);
        const type32 = head.toString('latin1', 82, 90);
        if (/^FAT(12|16| ) {3}/.test(type16) || type32 === 'FAT32   ')
            return 'fat';
    }
    return null;
}


/***/ }),

/***/ 93316:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fS: () => (/* binding */ DEFAULT_MAX_BYTES),
  Mm: () => (/* binding */ MAX_SYMLINK_HOPS),
  hU: () => (/* binding */ copyRange),
  d0: () => (/* binding */ imagePath),
  Q_: () => (/* binding */ openImageRoot)
});

// UNUSED EXPORTS: parseLsP, parseStat

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(52005);
// EXTERNAL MODULE: ./build/shared/exec.js
var exec = __webpack_require__(77239);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/shared/image-fs/debugfs.js
/**
 * debugfs as a batch reader: many requests go to one debugfs process through
 * a command file (`debugfs -f`), and its output is split back per request.
 *
 * Splitting is the delicate part: debugfs echoes each command (`debugfs:
 * <command>`) to standard output before its output, but an output can carry
 * text from the image (a symlink target, an extended attribute, a file
 * name), so an image could forge an echo line. Each request is therefore
 * preceded by a marker request naming a path with a random nonce; its echo
 * is the separator, and an image cannot guess it.
 *
 * Paths are quoted the way debugfs' parser (lib/ss) reads them: inside
 * double quotes, `""` is one literal quote and a backslash is literal. A
 * command file is read line by line, so a path with a newline (or NUL) cannot
 * be requested at all and is refused.
 */





/** debugfs reads command lines into an 8 KiB buffer (fgets); a longer one would be cut and run in two. */
const MAX_COMMAND_BYTES = 8000;
/** A path (in the image or on the host) as one debugfs argument. */
function debugfsQuote(path) {
    if (/[\n\r\0]/.test(path))
        throw new errors/* DataError */.fL(`the path ${JSON.stringify(path)} contains a newline or NUL, which debugfs cannot be asked for`);
    return `"${path.replaceAll('"', '""')}"`;
}
let counter = 0;
/**
 * Runs `requests` (already quoted debugfs command lines) in one debugfs
 * process, read-only, and returns each request's standard output (without
 * its echo line), in order. Errors debugfs prints go to standard error and
 * are not attributed per request: callers decide from the output (an empty
 * `stat` output means the path does not exist).
 */
async function debugfsBatch(device, requests) {
    if (requests.length === 0)
        return [];
    const nonce = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    const marker = (i) => `stat "/.image-root-marker-${nonce}-${i}"`;
    const lines = [];
    for (const [i, r] of requests.entries()) {
        if (/[\n\r\0]/.test(r) || Buffer.byteLength(r) > MAX_COMMAND_BYTES)
            throw new errors/* DataError */.fL(`a debugfs request is too long or spans lines: ${r.slice(0, 120)}`);
        lines.push(marker(i), r);
    }
    const script = (0,external_node_path_.join)(device.scratch, `requests-${process.pid}-${++counter}.debugfs`);
    await (0,promises_.writeFile)(script, lines.join('\n') + '\n');
    try {
        const r = await (0,exec/* run */.eF)('debugfs', ['-f', script, `${device.file}?offset=${device.offset}`], {
            // Output goes to a pipe; no pager may be started for it.
            env: { ...process.env, PAGER: '__none__', DEBUGFS_PAGER: '__none__' },
        });
        const out = [];
        let rest = r.stdout;
        for (let i = 0; i < requests.length; i++) {
            const echo = `debugfs: ${marker(i)}\n`;
            const start = rest.indexOf(echo);
            if (start < 0)
                throw new errors/* DataError */.fL(`debugfs stopped before request ${i + 1}: ${r.stderr.slice(-500)}`);
            rest = rest.slice(start + echo.length);
            const nextEcho = `debugfs: ${marker(i + 1)}\n`;
            const end = i + 1 < requests.length ? rest.indexOf(nextEcho) : rest.length;
            if (end < 0)
                throw new errors/* DataError */.fL(`debugfs stopped before request ${i + 2}: ${r.stderr.slice(-500)}`);
            const chunk = rest.slice(0, end);
            rest = rest.slice(end);
            // The chunk starts with the request's own echo line (one line: requests never span lines).
            const ownEcho = `debugfs: ${requests[i]}\n`;
            out.push(chunk.startsWith(ownEcho) ? chunk.slice(ownEcho.length) : chunk);
        }
        return out;
    }
    finally {
        await (0,promises_.rm)(script, { force: true });
    }
}

// EXTERNAL MODULE: ./build/shared/image-fs/fs-magic.js
var fs_magic = __webpack_require__(89261);
;// CONCATENATED MODULE: ./build/shared/image-fs/image-root.js
/**
 * Read-only access to the root filesystem of a built image — never to the
 * build directory — the way a consumer would check it, without root, mounts
 * or loop devices: the qcow2 (with its backing chain) is flattened to a
 * private raw copy, the root ext filesystem found on it, its journal replayed
 * on the copy (an overlay written by a guest may end with unreplayed
 * transactions), and paths are read with debugfs.
 *
 * Cost model: one raw copy per image per step (opening the same unchanged
 * image again while it is open shares the copy), and one debugfs process per
 * batch of requests, not per file: readMany() reads any number of files with
 * one process per level of symlinks, listTree() lists a whole tree with one
 * process per directory depth.
 *
 * Symlinks are resolved inside the image (an absolute target is relative to
 * the image's root, never the host's); cat/read/ls follow them, stat/readlink
 * do not. (debugfs follows symlinks in a path's earlier components itself;
 * the reader resolves the last one.) A path with a newline or NUL cannot be asked for (debugfs reads its
 * requests line by line) and is refused with a DataError.
 */






const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const MAX_SYMLINK_HOPS = 40;
const TYPES = { regular: 'file', directory: 'directory', symlink: 'symlink' };
function typeFromMode(mode) {
    switch (mode & 0o170000) {
        case 0o100000:
            return 'file';
        case 0o040000:
            return 'directory';
        case 0o120000:
            return 'symlink';
        default:
            return 'other';
    }
}
/** An absolute, normalized image path; relative paths are refused (debugfs would read them from its cwd). */
function imagePath(path) {
    if (!path.startsWith('/'))
        throw new errors/* DataError */.fL(`'${path}' is not an absolute path inside the image`);
    debugfsQuote(path);
    const n = external_node_path_.posix.normalize(path);
    return n.length > 1 ? n.replace(/\/+$/, '') : n;
}
/** Parses one `stat` output; `undefined` for an empty one (the path does not exist). */
function parseStat(chunk) {
    const head = /^Inode: (\d+)\s+Type: ([a-zA-Z ]+?)\s+Mode:\s+(\d+)/.exec(chunk);
    if (!head)
        return undefined;
    const owner = /\nUser:\s+(\d+)\s+Group:\s+(\d+)(?:\s+Project:\s+\d+)?\s+Size: (\d+)/.exec(chunk);
    if (!owner)
        throw new errors/* DataError */.fL(`debugfs printed a stat without owner and size: ${chunk.slice(0, 200)}`);
    const st = {
        inode: Number(head[1]),
        type: TYPES[head[2]] ?? 'other',
        mode: parseInt(head[3], 8),
        uid: Number(owner[1]),
        gid: Number(owner[2]),
        size: Number(owner[3]),
    };
    if (st.type === 'symlink') {
        // A fast link's target is printed last, as `Fast link dest: "<size bytes>"`: cut it by its length,
        // so a target that itself contains quotes or that label is still read exactly.
        const bytes = Buffer.from(chunk.replace(/\n$/, ''), 'utf8');
        const label = Buffer.from('Fast link dest: "');
        const start = bytes.length - 1 - st.size - label.length;
        if (start >= 0 && bytes.at(-1) === 0x22 && bytes.subarray(start, start + label.length).equals(label))
            st.fastLink = bytes.subarray(start + label.length, bytes.length - 1).toString('utf8');
        else {
            // A target that is not valid UTF-8 changes length when decoded: take the last label instead.
            const at = chunk.lastIndexOf('Fast link dest: "');
            if (at >= 0)
                st.fastLink = chunk.slice(at + label.length).replace(/"\n?$/, '');
        }
    }
    return st;
}
/** Parses `ls -p` output: `/inode/mode/uid/gid/name/size/` records; a name may hold a newline, never a `/`. */
function parseLsP(out) {
    const record = /\/(\d+)\/([0-7]+)\/(-?\d+)\/(-?\d+)\/([^/]*)\/(\d*)\/\n/y;
    const entries = [];
    let at = 0;
    while (at < out.length) {
        // debugfs may print an empty line between blocks.
        if (out[at] === '\n') {
            at++;
            continue;
        }
        record.lastIndex = at;
        const m = record.exec(out);
        if (!m)
            throw new errors/* DataError */.fL(`unexpected debugfs listing output at: ${JSON.stringify(out.slice(at, at + 80))}`);
        at = record.lastIndex;
        const name = m[5];
        // Inode 0 marks an unused slot (lost+found's preallocated blocks); . and .. are not entries.
        if (m[1] === '0' || name === '' || name === '.' || name === '..')
            continue;
        const mode = parseInt(m[2], 8);
        entries.push({
            name,
            inode: Number(m[1]),
            type: typeFromMode(mode),
            mode: mode & 0o7777,
            uid: Number(m[3]),
            gid: Number(m[4]),
            size: m[6] === '' ? null : Number(m[6]),
        });
    }
    return entries;
}
const HEAD_BYTES = 1024 * 1024;
/**
 * A byte range of the image (through its backing chain) as a node qemu-img
 * reads: the raw driver's offset/size over the image's own format. JSON
 * quoting carries any file name; relative backing paths resolve as usual.
 */
function rangeNode(image, format, offset, size) {
    const file = { driver: 'file', filename: image };
    return `json:${JSON.stringify({ driver: 'raw', offset, size, file: format === 'raw' ? file : { driver: format, file } })}`;
}
/** Copies `size` bytes at `offset` of the disk in `image` (through its backing chain) to the raw file `out`. */
async function copyRange(image, format, offset, size, out, signal) {
    await (0,exec/* run */.eF)('qemu-img', ['convert', '-U', '-O', 'raw', rangeNode(image, format, offset, size), out], {
        hint: `${image} could not be read as a disk image`,
        signal,
    });
}
/**
 * Copies the root ext filesystem of `image` — the last partition holding
 * one, or the whole disk when it has no partition table — to `out`, alone:
 * e2fsck reopens a device after replaying its journal and loses any
 * `?offset=` on the way, so the copy starts at the filesystem. Only the
 * partition is copied, not the whole disk.
 */
async function copyRootFilesystem(image, dir, out) {
    const info = JSON.parse((await (0,exec/* run */.eF)('qemu-img', ['info', '-U', '--output=json', image], {
        hint: `${image} could not be read as a disk image`,
    })).stdout);
    const format = info.format;
    const diskBytes = info['virtual-size'] ?? 0;
    if (format !== 'qcow2' && format !== 'raw')
        throw new errors/* DataError */.fL(`${image}: a ${format ?? 'unknown'} image, where a qcow2 or raw disk image is read`);
    // The partition table from the disk's first MiB, on a sparse file of the disk's size (sfdisk
    // checks partitions against it).
    const head = (0,external_node_path_.join)(dir, 'head.raw');
    await copyRange(image, format, 0, Math.min(HEAD_BYTES, diskBytes), head);
    await (0,promises_.truncate)(head, diskBytes);
    let partitions = [];
    let sectorSize = 512;
    const table = await (0,exec/* run */.eF)('sfdisk', ['--json', head], { okCodes: [1] });
    if (table.code === 0 && table.stdout.trim()) {
        const parsed = JSON.parse(table.stdout);
        partitions = parsed.partitiontable?.partitions ?? [];
        sectorSize = parsed.partitiontable?.sectorsize ?? 512;
    }
    const candidates = [
        ...partitions.map((p) => ({ offset: p.start * sectorSize, size: p.size * sectorSize })).reverse(),
        { offset: 0, size: diskBytes },
    ];
    const probe = (0,external_node_path_.join)(dir, 'probe.raw');
    try {
        for (const c of candidates) {
            if (c.offset + c.size > diskBytes || c.size < 2048)
                continue;
            await copyRange(image, format, c.offset, 4096, probe);
            if ((await (0,fs_magic/* filesystemAt */.vm)(probe, 0)) !== 'ext')
                continue;
            await copyRange(image, format, c.offset, c.size, out);
            return;
        }
    }
    finally {
        await (0,promises_.rm)(probe, { force: true });
        await (0,promises_.rm)(head, { force: true });
    }
    throw new errors/* DataError */.fL(`${image}: no ext2/3/4 root filesystem found (${partitions.length} partition(s), none with an ext superblock)`);
}
const shared = new Map();
async function makeCopy(image, workDir) {
    await (0,promises_.mkdir)(workDir, { recursive: true });
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(workDir, 'image-root-'));
    try {
        const raw = (0,external_node_path_.join)(dir, 'root.ext');
        await copyRootFilesystem(image, dir, raw);
        // A guest's last writes may still be in the journal: replay it on the private copy (only that).
        await (0,exec/* run */.eF)('e2fsck', ['-y', '-E', 'journal_only', raw], {
            okCodes: [1, 2],
            hint: `${image}: the root filesystem's journal could not be replayed`,
        });
        return { refs: 0, dir, device: { file: raw, offset: 0, scratch: dir } };
    }
    catch (e) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw e;
    }
}
/**
 * Opens the root filesystem of `image` (qcow2 or raw, with its backing
 * chain) for reading; the private copy goes under `workDir`. While a handle
 * on the same unchanged file is open, another open shares its copy.
 */
async function openImageRoot(image, workDir) {
    const real = await (0,promises_.realpath)(image).catch(() => {
        throw new errors/* DataError */.fL(`${image}: the image does not exist or cannot be read`);
    });
    const s = await (0,promises_.stat)(real);
    const key = `${real}\0${s.size}\0${s.mtimeMs}`;
    let pending = shared.get(key);
    if (!pending) {
        pending = makeCopy(real, workDir);
        shared.set(key, pending);
        pending.catch(() => shared.delete(key));
    }
    const copy = await pending;
    copy.refs++;
    let closed = false;
    return rootOn(image, copy.device, async () => {
        if (closed)
            return;
        closed = true;
        if (--copy.refs === 0) {
            shared.delete(key);
            await (0,promises_.rm)(copy.dir, { recursive: true, force: true });
        }
    });
}
function rootOn(image, device, release) {
    const statMany = async (paths) => (await debugfsBatch(device, paths.map((p) => `stat ${debugfsQuote(p)}`))).map(parseStat);
    let dumpCounter = 0;
    /** Dumps inodes' data to host files in one process; returns each one's bytes. */
    const dumpMany = async (paths) => {
        if (paths.length === 0)
            return [];
        const dir = (0,external_node_path_.join)(device.scratch, `dump-${++dumpCounter}`);
        await (0,promises_.mkdir)(dir);
        try {
            const targets = paths.map((_, i) => (0,external_node_path_.join)(dir, String(i)));
            await debugfsBatch(device, paths.map((p, i) => `dump ${debugfsQuote(p)} ${debugfsQuote(targets[i])}`));
            return await Promise.all(targets.map((t) => (0,promises_.readFile)(t).catch(() => undefined)));
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    };
    /** Symlink targets (fast ones from stat, slow ones from their data block). */
    const linkTargets = async (entries) => {
        const slow = entries.filter((e) => e.st.fastLink === undefined);
        const data = await dumpMany(slow.map((e) => e.path));
        const out = new Map();
        for (const e of entries)
            out.set(e.path, e.st.fastLink);
        slow.forEach((e, i) => out.set(e.path, data[i]?.toString('utf8')));
        return out;
    };
    /** Resolves each path's final symlinks (debugfs follows those in earlier components itself). */
    const resolveMany = async (paths) => {
        const result = new Map();
        let pending = paths.map((p) => ({ asked: p, path: imagePath(p), hops: 0 }));
        while (pending.length) {
            const stats = await statMany(pending.map((p) => p.path));
            const links = [];
            pending.forEach((p, i) => {
                const st = stats[i];
                if (st?.type === 'symlink')
                    links.push({ path: p.path, st });
                else
                    result.set(p.asked, st ? { path: p.path, st } : undefined);
            });
            const targets = await linkTargets(links);
            const next = [];
            for (const p of pending) {
                if (result.has(p.asked))
                    continue;
                const target = targets.get(p.path);
                if (target === undefined ||
                    target === '' ||
                    p.hops + 1 > MAX_SYMLINK_HOPS ||
                    /[\n\r\0]/.test(target)) {
                    result.set(p.asked, undefined);
                    continue;
                }
                const joined = target.startsWith('/') ? target : external_node_path_.posix.join(external_node_path_.posix.dirname(p.path), target);
                next.push({ asked: p.asked, path: external_node_path_.posix.normalize(joined), hops: p.hops + 1 });
            }
            pending = next;
        }
        return result;
    };
    const readMany = async (paths, options = {}) => {
        const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
        const unique = [...new Set(paths)];
        const resolved = await resolveMany(unique);
        const files = [];
        const out = new Map();
        for (const asked of unique) {
            const r = resolved.get(asked);
            if (r?.st.type !== 'file') {
                out.set(asked, undefined);
                continue;
            }
            if (r.st.size > max)
                throw new errors/* DataError */.fL(`${image}: ${asked} is ${r.st.size} bytes, more than the ${max} bytes read at most`);
            files.push({ asked, path: r.path });
        }
        const data = await dumpMany(files.map((f) => f.path));
        files.forEach((f, i) => {
            const d = data[i];
            if (d === undefined)
                throw new errors/* DataError */.fL(`${image}: ${f.asked} could not be read from the image`);
            out.set(f.asked, d);
        });
        return out;
    };
    const list = async (path) => {
        const r = (await resolveMany([path])).get(path);
        if (r?.st.type !== 'directory')
            return undefined;
        const [out] = await debugfsBatch(device, [`ls -p ${debugfsQuote(r.path)}`]);
        return parseLsP(out);
    };
    const root = {
        image,
        async cat(path, options) {
            return (await root.read(path, options))?.toString('utf8');
        },
        async read(path, options) {
            return (await readMany([path], options)).get(path);
        },
        readMany,
        async ls(path) {
            return (await list(path))?.map((e) => e.name);
        },
        list,
        async listTree(path = '/') {
            const start = (await resolveMany([path])).get(path);
            if (start?.st.type !== 'directory')
                return [];
            const out = [];
            let level = [start.path];
            while (level.length) {
                const listings = await debugfsBatch(device, level.map((d) => `ls -p ${debugfsQuote(d)}`));
                const next = [];
                level.forEach((dir, i) => {
                    for (const e of parseLsP(listings[i])) {
                        const p = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
                        out.push({ ...e, path: p });
                        // A directory whose name debugfs cannot be asked for is listed but not entered.
                        if (e.type === 'directory' && !/[\n\r\0]/.test(p))
                            next.push(p);
                    }
                });
                level = next;
            }
            return out;
        },
        async readlink(path) {
            const p = imagePath(path);
            const [st] = await statMany([p]);
            if (st?.type !== 'symlink')
                return undefined;
            return (await linkTargets([{ path: p, st }])).get(p);
        },
        async stat(path) {
            const [st] = await statMany([imagePath(path)]);
            if (!st)
                return undefined;
            const { fastLink: _, ...rest } = st;
            return rest;
        },
        async exists(path) {
            return (await root.stat(path)) !== undefined;
        },
        async resolve(path) {
            return (await resolveMany([path])).get(path)?.path;
        },
        close: release,
    };
    return root;
}


/***/ }),

/***/ 54556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ readInstalledPackages),
/* harmony export */   _e: () => (/* binding */ APK_INSTALLED),
/* harmony export */   ok: () => (/* binding */ DPKG_STATUS)
/* harmony export */ });
/* unused harmony exports parseOsRelease, parseDpkgStatus, parseApkInstalled, dep5Licenses, bzImageVersion */
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30427);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52005);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87406);
/**
 * What is installed in an image, read out of its own root filesystem: the
 * distribution (/etc/os-release), the package database (dpkg's
 * /var/lib/dpkg/status or apk's /lib/apk/db/installed) and the kernel in
 * /boot. Licenses come from the database where it has them: apk records an
 * `L:` field; dpkg has none, so a package's machine-readable (DEP-5)
 * /usr/share/doc/<pkg>/copyright is read for its `License:` fields, all of a
 * database's copyright files in one batch.
 *
 * A database that exists but cannot be read or parsed is a DataError naming
 * the image and the file; an image without any database (a plain rootfs) is
 * `manager: 'none'`, for the caller to accept or refuse.
 */



const DPKG_STATUS = '/var/lib/dpkg/status';
const APK_INSTALLED = '/lib/apk/db/installed';
/** /etc/os-release (or /usr/lib/os-release): KEY=value lines, values optionally quoted. */
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
        if (!m)
            continue;
        let v = m[2];
        const q = /^(["'])(.*)\1$/.exec(v);
        if (q)
            v = q[2].replace(/\\(["\\`$])/g, '$1');
        fields.set(m[1], v);
    }
    const codename = fields.get('VERSION_CODENAME') || undefined;
    const prettyName = fields.get('PRETTY_NAME') || undefined;
    return {
        id: (fields.get('ID') || 'unknown').toLowerCase(),
        versionId: fields.get('VERSION_ID') ?? '',
        ...(codename ? { codename } : {}),
        ...(prettyName ? { prettyName } : {}),
    };
}
/** RFC 822 paragraphs with continuation lines folded into their field (first line kept apart). */
function paragraphs(text) {
    const out = [];
    for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
        const fields = new Map();
        let last = null;
        for (const line of block.split('\n')) {
            if (line === '' || line.startsWith('#'))
                continue;
            if (/^[ \t]/.test(line)) {
                if (last !== null)
                    fields.set(last, `${fields.get(last)}\n${line.trim()}`);
                continue;
            }
            const m = /^([^:\s]+):[ \t]*(.*)$/.exec(line);
            if (!m)
                continue;
            last = m[1].toLowerCase();
            fields.set(last, m[2].trim());
        }
        if (fields.size)
            out.push(fields);
    }
    return out;
}
function sortPackages(packages) {
    return packages.sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
}
/**
 * dpkg's status file: a package counts when its Status is `<want> ok
 * installed` (install or hold). Source: is `name` or `name (version)`.
 */
function parseDpkgStatus(text, origin) {
    const out = [];
    for (const p of paragraphs(text)) {
        const name = p.get('package');
        if (!name)
            continue;
        if (!/^\S+ ok installed$/.test(p.get('status') ?? ''))
            continue;
        const version = p.get('version');
        const arch = p.get('architecture');
        if (!version || !arch)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${origin}: installed package '${name}' has no ${version ? 'Architecture' : 'Version'}`);
        const src = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(p.get('source') ?? '');
        out.push({
            name,
            version,
            arch,
            source: { name: src?.[1] ?? name, version: src?.[2] ?? version },
            licenses: [],
        });
    }
    return sortPackages(out);
}
/** apk's installed database: blocks of `X:value` lines (P name, V version, A arch, L license, o origin). */
function parseApkInstalled(text, origin) {
    const out = [];
    for (const block of text.split(/\n[ \t]*\n/)) {
        const fields = new Map();
        for (const line of block.split('\n')) {
            const m = /^([A-Za-z]):(.*)$/.exec(line);
            if (m && !fields.has(m[1]))
                fields.set(m[1], m[2].trim());
        }
        const name = fields.get('P');
        if (!name)
            continue;
        const version = fields.get('V');
        if (!version)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${origin}: installed package '${name}' has no version (V:)`);
        const license = fields.get('L');
        out.push({
            name,
            version,
            arch: fields.get('A') ?? '',
            source: { name: fields.get('o') || name, version },
            licenses: license ? [license] : [],
        });
    }
    return sortPackages(out);
}
/**
 * The `License:` short names of a machine-readable debian/copyright (DEP-5):
 * only when the first paragraph declares the format, so free-form copyright
 * files (most of Debian's older packages) give none rather than guesses.
 */
function dep5Licenses(text) {
    const ps = paragraphs(text);
    if (!/copyright-format|dep5/i.test(ps[0]?.get('format') ?? ''))
        return [];
    const names = new Set();
    for (const p of ps) {
        const license = p.get('license')?.split('\n')[0]?.trim();
        if (license)
            names.add(license);
    }
    return [...names].sort();
}
/** The kernel release an x86 bzImage names in its setup header (what `file` prints as "version"). */
function bzImageVersion(image) {
    if (image.length < 0x210 || image.toString('latin1', 0x202, 0x206) !== 'HdrS')
        return null;
    const at = image.readUInt16LE(0x20e) + 0x200;
    if (at >= image.length)
        return null;
    const end = image.indexOf(0, at);
    const text = image.toString('latin1', at, end < 0 ? Math.min(image.length, at + 256) : end);
    return /^(\d+\.\d+\S*)/.exec(text)?.[1] ?? null;
}
const KERNEL_NAME = /^(vmlinuz|vmlinux|bzImage|Image)(?:-(.+))?$/;
/**
 * Bytes of a kernel bzImageVersion may read: its version string starts at a 16-bit offset from 0x200
 * (the setup header's kernel_version) and is read for at most 256 bytes.
 */
const KERNEL_HEAD_BYTES = 0x200 + 0x10000 + 256;
/** The kernel in /boot: the newest versioned vmlinuz-<release>, else an unversioned one (vmlinuz-virt, vmlinuz). */
async function readKernelFile(root) {
    const entries = (await root.list('/boot')) ?? [];
    const candidates = entries
        .filter((e) => KERNEL_NAME.test(e.name) && (e.type === 'file' || e.type === 'symlink'))
        .map((e) => ({ name: e.name, suffix: KERNEL_NAME.exec(e.name)[2] ?? null }));
    if (candidates.length === 0)
        return null;
    const versioned = candidates
        .filter((c) => c.suffix !== null && /^\d/.test(c.suffix))
        .sort((a, b) => b.suffix.localeCompare(a.suffix, 'en', { numeric: true }));
    const pick = versioned[0] ?? candidates.sort((a, b) => a.name.localeCompare(b.name))[0];
    const path = `/boot/${pick.name}`;
    // A tree already hashed by the secret scan answers without reading the kernel whole again.
    if (root.digestWithHead) {
        const known = await root.digestWithHead(path, KERNEL_HEAD_BYTES);
        return known ? { path, suffix: pick.suffix, ...known } : null;
    }
    const bytes = await root.read(path);
    return bytes ? { path, suffix: pick.suffix, sha256: (0,_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(bytes), size: bytes.length, head: bytes } : null;
}
/** The kernel's release and the package that installed it. */
function describeKernel(file, packages) {
    const { path, suffix } = file;
    const version = suffix !== null && /^\d/.test(suffix) ? suffix : bzImageVersion(file.head);
    // Debian/Ubuntu: linux-image-<release>; Alpine: linux-<flavor> for vmlinuz-<flavor>.
    const owner = (version && packages.find((p) => p.name === `linux-image-${version}`)) ||
        (suffix && !/^\d/.test(suffix) && packages.find((p) => p.name === `linux-${suffix}`)) ||
        undefined;
    return {
        path,
        version,
        sha256: file.sha256,
        size: file.size,
        package: owner ? { name: owner.name, version: owner.version } : null,
    };
}
async function readDatabase(root, path) {
    const st = await root.stat(path);
    if (!st)
        return undefined;
    const text = await root.cat(path).catch((e) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${root.image}: the package database ${path} cannot be read: ${e.message}`);
    });
    if (text === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${root.image}: the package database ${path} is not a readable regular file (it is a ${st.type})`);
    return text;
}
/** Reads the distribution, the installed packages with their licenses, and the kernel of an image. */
async function readInstalledPackages(root) {
    // On an ImageRoot each read is a few debugfs rounds, one after another: the independent ones go at
    // once (all settled before an error is thrown: the caller closes the root after this returns). The
    // kernel's read reports its failure last, after the database's, as when it was read last.
    const kernelRead = readKernelFile(root).then((file) => () => file, (e) => () => {
        throw e;
    });
    const [osRelease, [apk, dpkg], kernelFile] = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .allSettledInOrder */ .W)([
        root.cat('/etc/os-release').then(async (text) => text ?? (await root.cat('/usr/lib/os-release'))),
        readDatabase(root, APK_INSTALLED).then(async (text) => text === undefined ? [text, await readDatabase(root, DPKG_STATUS)] : [text, undefined]),
        kernelRead,
    ]);
    const distro = osRelease !== undefined ? parseOsRelease(osRelease) : { id: 'unknown', versionId: '' };
    let manager = 'none';
    let database = null;
    let packages = [];
    try {
        if (apk !== undefined) {
            [manager, database, packages] = ['apk', APK_INSTALLED, parseApkInstalled(apk, APK_INSTALLED)];
        }
        else if (dpkg !== undefined) {
            [manager, database, packages] = ['dpkg', DPKG_STATUS, parseDpkgStatus(dpkg, DPKG_STATUS)];
        }
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${root.image}: ${e.message}`);
    }
    if (manager === 'dpkg') {
        // Multi-arch packages (libc6:amd64 and libc6:i386) share one doc directory.
        // Only Debian package names (policy 5.6.1) name a doc directory: anything else could point elsewhere.
        const names = [...new Set(packages.map((p) => p.name))].filter((n) => /^[a-z0-9][a-z0-9.+-]+$/.test(n));
        const copyright = await root.readMany(names.map((n) => `/usr/share/doc/${n}/copyright`), { maxBytes: 4 * 1024 * 1024 });
        for (const p of packages) {
            const text = copyright.get(`/usr/share/doc/${p.name}/copyright`);
            if (text)
                p.licenses = dep5Licenses(text.toString('utf8'));
        }
    }
    const file = kernelFile();
    const kernel = file ? describeKernel(file, packages) : null;
    return { distro, manager, database, packages, kernel };
}


/***/ }),

/***/ 64038:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ renderVulnerabilitySummary),
/* harmony export */   MJ: () => (/* binding */ vulnerabilityDocument),
/* harmony export */   aq: () => (/* binding */ vulnerabilityDocRel)
/* harmony export */ });
/* unused harmony export VULN_DIR */
const VULN_DIR = 'meta/vulnerabilities';
function vulnerabilityDocRel(variant) {
    return variant === null ? `${VULN_DIR}/base.cdx.json` : `${VULN_DIR}/variant-${variant}.cdx.json`;
}
function vulnerabilityDocument(args) {
    const { result } = args;
    return {
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        version: 1,
        metadata: {
            timestamp: args.timestamp,
            tools: { components: [{ type: 'application', name: args.tool.name, version: args.tool.version }] },
            component: {
                type: 'operating-system',
                'bom-ref': `image:${args.image.name}`,
                name: args.image.name,
                hashes: [{ alg: 'SHA-256', content: args.image.sha256 }],
            },
            properties: [
                { name: 'infrasim:vulnerabilities:ecosystem', value: result.ecosystem },
                { name: 'infrasim:vulnerabilities:data', value: args.data.source },
                { name: 'infrasim:vulnerabilities:data-sha256', value: args.data.sha256 },
                { name: 'infrasim:vulnerabilities:data-records', value: String(args.data.records) },
            ],
        },
        vulnerabilities: result.findings.map((f) => ({
            'bom-ref': `${f.id}:${f.source}`,
            id: f.id,
            source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(f.id)}` },
            references: f.aliases.map((a) => ({
                id: a,
                source: {
                    name: a.startsWith('CVE-') ? 'NVD' : 'OSV',
                    url: a.startsWith('CVE-')
                        ? `https://nvd.nist.gov/vuln/detail/${a}`
                        : `https://osv.dev/vulnerability/${a}`,
                },
            })),
            ratings: [{ source: { name: 'OSV' }, severity: f.severity }],
            description: f.summary || undefined,
            recommendation: f.fixed ? `upgrade ${f.source} to ${f.fixed} or later` : undefined,
            analysis: {
                state: 'exploitable',
                detail: `installed ${f.source} ${f.installed}; fixed in ${f.fixed ?? 'no release yet'}`,
            },
            affects: f.packages.map((p) => ({
                ref: p.purl,
                versions: [{ version: p.version, status: 'affected' }],
            })),
            properties: f.fixed ? [{ name: 'infrasim:vulnerabilities:fixed-version', value: f.fixed }] : [],
        })),
    };
}
const esc = (s) => s.replace(/\|/g, '\\|');
function renderVulnerabilitySummary(images, gate, data) {
    const lines = [
        `### Vulnerabilities (gate: ${gate.threshold}, ${gate.passed ? 'passed' : `**failed: ${gate.failing.length} finding(s)**`})`,
        '',
        `Data: ${esc(data.source)} (${data.records} records, sha256 \`${data.sha256}\`)`,
        '',
        '| image | ecosystem | packages | findings | fix available | no fix yet |',
        '|---|---|---:|---:|---:|---:|',
    ];
    for (const { image, result } of images)
        lines.push(`| ${esc(image)} | ${result.ecosystem} | ${result.packages} | ${result.findings.length} | ${result.findings.length - result.unfixed} | ${result.unfixed} |`);
    if (gate.failing.length || gate.allowed.length) {
        lines.push('', '| id | aliases | package | installed | fixed | severity | image | gate |', '|---|---|---|---|---|---|---|---|');
        for (const f of [...gate.failing, ...gate.allowed])
            lines.push(`| ${f.id} | ${f.aliases.join(' ')} | ${esc(f.source)} | ${f.installed} | ${f.fixed ?? '—'} | ${f.severity} | ${esc(f.image)} | ${f.allowedBy
                ? `allowed until ${f.allowedBy.expires}: ${esc(f.allowedBy.reason)}`
                : f.expiredEntry
                    ? `**fails: allow-list entry expired ${f.expiredEntry.expires}**`
                    : '**fails**'} |`);
    }
    const patch = images.flatMap(({ image, result }) => result.patchStatus.map((p) => ({ image, ...p })));
    if (patch.length) {
        lines.push('', '#### Patch status', '', '| image | package | installed | fixed in | updates behind | findings |', '|---|---|---|---|---:|---:|');
        for (const p of patch)
            lines.push(`| ${esc(p.image)} | ${esc(p.source)} | ${p.installed} | ${p.fixedIn} | ${p.versionsBehind} | ${p.findings} |`);
    }
    return lines.join('\n') + '\n';
}


/***/ })

};
