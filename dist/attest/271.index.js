export const id = 271;
export const ids = [271];
export const modules = {

/***/ 63733:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ DigestMemo)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87406);
/* harmony import */ var _regular_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53019);
/**
 * Each artifact is hashed at most once per step: the first request for a
 * file hashes it and later requests (the image provenance, the per-artifact
 * statement, the combined statement, the check against the digest an earlier
 * action recorded) get the same result, as long as the file's identity,
 * size and modification time are unchanged. Every file is opened through
 * openRegularFile first, so a device or FIFO named by a document is refused
 * naming the document instead of being read forever.
 */




class DigestMemo {
    memo = new Map();
    /** Files actually read and hashed (tests and the benchmark assert "once"). */
    hashed = 0;
    /** `input` names what pointed at the file (an input or a document), for errors. */
    async digest(path, input) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
        await (0,_regular_file_js__WEBPACK_IMPORTED_MODULE_3__/* .checkRegularFile */ .l$)(abs, { input });
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(abs, { bigint: true });
        const key = `${abs}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
        let pending = this.memo.get(key);
        if (!pending) {
            this.hashed++;
            pending = (0,_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(abs).then((sha256) => ({ path: abs, sha256, size: Number(s.size) }));
            this.memo.set(key, pending);
        }
        return pending;
    }
}


/***/ }),

/***/ 34271:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAttest: () => (/* binding */ runAttest)
});

// UNUSED EXPORTS: ATTESTATIONS_DIR, RELEASE_NAME

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(52005);
// EXTERNAL MODULE: ./build/shared/hash.js
var hash = __webpack_require__(87406);
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
// EXTERNAL MODULE: ./build/shared/attest/digests.js
var digests = __webpack_require__(63733);
// EXTERNAL MODULE: ./build/shared/attest/image-provenance.js
var image_provenance = __webpack_require__(92373);
// EXTERNAL MODULE: ./build/shared/concurrency.js
var concurrency = __webpack_require__(30427);
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
/** The files under `tree`, the extracted root filesystem of `image`. */
function treeFiles(image, tree) {
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
    };
    return files;
}

;// CONCATENATED MODULE: ./build/shared/image-fs/installed-packages.js
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
            throw new errors/* DataError */.fL(`${origin}: installed package '${name}' has no ${version ? 'Architecture' : 'Version'}`);
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
            throw new errors/* DataError */.fL(`${origin}: installed package '${name}' has no version (V:)`);
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
    const bytes = await root.read(path);
    return bytes ? { path, suffix: pick.suffix, bytes } : null;
}
/** The kernel's release and the package that installed it. */
function describeKernel(file, packages) {
    const { path, suffix, bytes } = file;
    const version = suffix !== null && /^\d/.test(suffix) ? suffix : bzImageVersion(bytes);
    // Debian/Ubuntu: linux-image-<release>; Alpine: linux-<flavor> for vmlinuz-<flavor>.
    const owner = (version && packages.find((p) => p.name === `linux-image-${version}`)) ||
        (suffix && !/^\d/.test(suffix) && packages.find((p) => p.name === `linux-${suffix}`)) ||
        undefined;
    return {
        path,
        version,
        sha256: (0,hash/* sha256 */.sc)(bytes),
        size: bytes.length,
        package: owner ? { name: owner.name, version: owner.version } : null,
    };
}
async function readDatabase(root, path) {
    const st = await root.stat(path);
    if (!st)
        return undefined;
    const text = await root.cat(path).catch((e) => {
        throw new errors/* DataError */.fL(`${root.image}: the package database ${path} cannot be read: ${e.message}`);
    });
    if (text === undefined)
        throw new errors/* DataError */.fL(`${root.image}: the package database ${path} is not a readable regular file (it is a ${st.type})`);
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
    const [osRelease, [apk, dpkg], kernelFile] = await (0,concurrency/* allSettledInOrder */.W)([
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
        throw new errors/* DataError */.fL(`${root.image}: ${e.message}`);
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

// EXTERNAL MODULE: ./build/shared/sbom/image-sbom.js + 5 modules
var image_sbom = __webpack_require__(84551);
// EXTERNAL MODULE: ./build/shared/attest/statement.js
var statement = __webpack_require__(22113);
;// CONCATENATED MODULE: ./build/shared/attest/image-sboms.js
/**
 * attest's image SBOMs: for one output tree, the CycloneDX document of the
 * base image and of each variant (read from the overlay with its backing
 * chain, so it is what the variant's guests boot), built in memory for the
 * pipeline to bind into the statements (as byproducts) and write with
 * everything else.
 *
 * The package database must be there when the producer recorded one: a base
 * whose build-base provenance says dpkg (or apk), or a variant whose
 * provenance does, and whose image does not give it back, is an error naming
 * the image and the database file — never an SBOM that silently lists nothing.
 */











const SBOM_DIR = 'meta/sbom';
/** meta/sbom/base.cdx.json and meta/sbom/variant-<v>.cdx.json (variant names are [a-z0-9-]). */
function imageSbomRel(variant) {
    return variant === null ? `${SBOM_DIR}/base.cdx.json` : `${SBOM_DIR}/variant-${variant}.cdx.json`;
}
const DATABASE = { dpkg: DPKG_STATUS, apk: APK_INSTALLED };
/**
 * Each image's software as read from the secret gate's extracted root filesystem: pass
 * `onImageRootTree` to the gate, then this to buildTreeSboms, and every image is read
 * once for both.
 */
class SoftwareFromGate {
    byImage = new Map();
    /** The gate's callback: reads the image's software before its tree is removed. */
    onImageRootTree = async (image, tree) => {
        if (image.kind !== 'base-image' && image.kind !== 'overlay')
            return;
        const software = readInstalledPackages(treeFiles(image.path, tree));
        this.byImage.set(image.path, software);
        // A failure is buildTreeSboms' to report, after the gate's own verdict.
        await software.catch(() => { });
    };
    get(image) {
        return this.byImage.get(image.path);
    }
}
async function readFromImage(image, workDir) {
    const root = await (0,image_root/* openImageRoot */.Q_)(image.path, workDir);
    try {
        return await readInstalledPackages(root);
    }
    finally {
        await root.close();
    }
}
async function readSoftware(image, recorded, recordedIn, workDir, fromGate) {
    const software = await (fromGate?.get(image) ?? readFromImage(image, workDir));
    if (recorded !== 'none' && software.manager !== recorded)
        throw new errors/* DataError */.fL(`${image.path}: ${recordedIn} records a ${recorded} package database, but ${DATABASE[recorded]} ` +
            `cannot be read from the image (${software.manager === 'none' ? 'it is missing' : `found ${software.manager}'s instead`}): ` +
            'the SBOM would not list what is installed');
    return software;
}
function sbomImage(a) {
    return {
        name: a.rel,
        sha256: a.sha256,
        kind: a.variant ? 'variant' : 'base',
        variant: a.variant,
        arch: a.arch,
    };
}
/**
 * The SBOMs of one tree: the base first, then each variant's overlay. Images the gate
 * read (`fromGate`) are not read again; any other is opened here.
 */
async function buildTreeSboms(up, artifacts, fromGate) {
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP?.trim() || (0,external_node_os_.tmpdir)(), 'attest-sbom-'));
    try {
        const bp = up.buildProvenance;
        const epoch = bp.doc.source.source_date_epoch;
        const tool = { name: statement/* SUITE */.J3.name, version: statement/* SUITE */.J3.version };
        const base = artifacts.find((a) => a.kind === 'base-image');
        const overlays = artifacts.filter((a) => a.kind === 'overlay');
        // An image the gate did not read is read by its own processes (qemu-img, e2fsck, debugfs): two at once.
        const softwareOf = await (0,concurrency/* mapBounded */.y)([base, ...overlays], attest_artifacts/* IMAGES_READ_AT_ONCE */.Os, (image) => {
            if (image === base)
                return readSoftware(base, bp.doc.installed_packages.manager, bp.rel, work, fromGate);
            const v = up.variants.find((d) => d.doc.variant === image.variant);
            // A variant keeps its base's database: it is required whenever either provenance records one.
            const recorded = v.doc.installed_packages.manager !== 'none'
                ? v.doc.installed_packages.manager
                : bp.doc.installed_packages.manager;
            return readSoftware(image, recorded, v.rel, work, fromGate);
        });
        const baseSoftware = softwareOf[0];
        const out = [];
        const baseDoc = await (0,image_sbom/* imageSbomDocument */.GZ)({
            image: sbomImage(base),
            software: baseSoftware,
            sourceDateEpoch: epoch,
            tool,
        });
        out.push({ ...baseDoc, rel: imageSbomRel(null), image: base, software: baseSoftware });
        for (const [i, overlay] of overlays.entries()) {
            const software = softwareOf[i + 1];
            const doc = await (0,image_sbom/* imageSbomDocument */.GZ)({
                image: sbomImage(overlay),
                software,
                base: { image: sbomImage(base), software: baseSoftware },
                sourceDateEpoch: epoch,
                tool,
            });
            out.push({ ...doc, rel: imageSbomRel(overlay.variant), image: overlay, software });
        }
        return out;
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./build/shared/attest/secret-gate.js + 7 modules
var secret_gate = __webpack_require__(19531);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./build/shared/secrets/detectors.js
var detectors = __webpack_require__(92597);
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
    return { rel: SECRET_SCAN_RESULT, bytes, sha256: (0,hash/* sha256 */.sc)(bytes) };
}

// EXTERNAL MODULE: ./build/shared/attest/vulnerability-gate.js + 9 modules
var vulnerability_gate = __webpack_require__(49863);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var dist = __webpack_require__(15179);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
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
 * the key, packaged by @sigstore/sign's DSSEBundleBuilder as a Sigstore
 * bundle v0.3 with the public key's hint as verification material and no
 * witnesses (no Rekor or TSA: key mode is for offline and self-hosted use).
 * Keyless mode: keyless.ts.
 */




function keySigner(key) {
    return {
        mode: 'key',
        description: `key \`${key.hint}\``,
        sign: async (_name, payload) => ({ payload, bundle: await signStatementWithKey(payload, key) }),
        publish: async () => [],
    };
}
async function signStatementWithKey(payload, key) {
    const builder = new dist/* DSSEBundleBuilder */.VV({
        witnesses: [],
        signer: {
            sign: async (data) => ({
                signature: (0,signing_key/* signBytes */.b_)(key, data),
                key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint },
            }),
        },
    });
    const bundle = await builder.create({ data: payload, type: statement/* IN_TOTO_PAYLOAD_TYPE */.T4 });
    return (0,bundle_dist.bundleToJSON)(bundle);
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

// EXTERNAL MODULE: ./build/shared/attest/keyless.js
var attest_keyless = __webpack_require__(71734);
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
    return { rel, path, doc: await read(path), sha256: (0,hash/* sha256 */.sc)(bytes) };
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
async function prepareTree(tree, o, ctx, memo) {
    const up = await readUpstream(tree, o.variants);
    const artifacts = await (0,attest_artifacts/* collectArtifacts */.kx)(up, memo);
    if (o.bundle && !(0,external_node_path_.relative)(tree, o.bundle).startsWith('..'))
        artifacts.push(await (0,attest_artifacts/* inputArtifact */.Tt)(tree, o.bundle, 'bundle', up.buildProvenance.doc.distro.arch, memo));
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
        return { rel: (0,image_provenance/* imageProvenanceRel */.Sm)(image.variant), doc, bytes, sha256: (0,hash/* sha256 */.sc)(bytes) };
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
    const memo = new digests/* DigestMemo */.F();
    const work = [];
    for (const tree of o.trees)
        work.push(await prepareTree(tree, o, ctx, memo));
    // The secret gate runs before anything is signed or written: a finding throws and the tree stays as it was.
    // The image SBOMs' software is read from the same extracted trees (each image is read once); a gate
    // failure is reported before any error of those reads.
    const fromGate = new SoftwareFromGate();
    const secrets = await (0,secret_gate/* runSecretGate */.fx)({
        trees: work.map((w, i) => ({ tree: o.trees[i], artifacts: w.artifacts })),
        releaseRoot: o.releaseRoot,
        allowList: o.secretAllowList,
        workDir: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        onImageRootTree: fromGate.onImageRootTree,
    });
    // One tree at a time, so no more than IMAGES_READ_AT_ONCE images the gate did not read are read at once.
    for (const w of work)
        w.sboms = await buildTreeSboms(w.up, w.artifacts, fromGate);
    const gateLabel = (a) => (0,external_node_path_.relative)(o.releaseRoot, a.path).split(external_node_path_.sep).join('/');
    for (const w of work)
        w.secretScan = secretScanResultFor(secrets, w.artifacts, gateLabel);
    // The vulnerability gate decides before anything is signed; a failing gate throws and nothing is written.
    let vulnerabilities = null;
    if (o.vulnerability) {
        const trees = work.map((w, i) => ({ tree: o.trees[i], sboms: w.sboms }));
        vulnerabilities = await (0,vulnerability_gate/* runVulnerabilityGate */.vK)(o.vulnerability, trees, new Date());
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
            ? (0,attest_keyless/* keylessSigner */.ln)(o.keyless, keyless)
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


/***/ })

};
