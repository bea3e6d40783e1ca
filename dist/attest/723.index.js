export const id = 723;
export const ids = [723];
export const modules = {

/***/ 1723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVulnerabilityGate: () => (/* binding */ runVulnerabilityGate)
});

// UNUSED EXPORTS: OSV_EXPORT, downloadOsvExport

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./build/shared/actions-cache.js
/**
 * The GitHub Actions cache (@actions/cache), used only to save downloads:
 * nothing restored is trusted (callers verify every restored byte as they
 * would a download), and nothing about the cache can fail a step. Without a
 * cache service (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL: a local run, a
 * runner without one) the library is never loaded and nothing is logged.
 */
const quiet = { info: () => undefined, warning: () => undefined };
/**
 * Whether the runner's results service (cache v2 and artifacts) can be
 * reached: the runner gives every job its URL and a token for it. The one
 * test of this for both @actions/cache and @actions/artifact users.
 */
function resultsServiceAvailable(env = process.env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN?.trim() && env.ACTIONS_RESULTS_URL?.trim());
}
/**
 * Whether a cache service is there to talk to: the results service, or the
 * older cache service some GitHub Enterprise Server runners still give
 * (ACTIONS_CACHE_URL); the library itself decides which protocol (v1/v2).
 */
function actionsCacheAvailable(env = process.env) {
    return (resultsServiceAvailable(env) ||
        Boolean(env.ACTIONS_RUNTIME_TOKEN?.trim() && env.ACTIONS_CACHE_URL?.trim()));
}
// Loaded on first use: a step without a cache service never pays for (or trips over) the library.
async function library() {
    return actionsCacheAvailable() ? Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(215), __webpack_require__.e(322)]).then(__webpack_require__.bind(__webpack_require__, 68322)) : undefined;
}
/**
 * Restores `paths` from the entry `key`, else the newest entry whose key starts
 * with one of `restoreKeys`. Returns the key that matched, or undefined for a
 * miss, no service, or a failure (logged as a warning).
 */
async function restoreActionsCache(paths, key, restoreKeys = [], log = quiet) {
    const cache = await library();
    if (!cache)
        return undefined;
    try {
        return (await cache.restoreCache(paths, key, restoreKeys)) ?? undefined;
    }
    catch (e) {
        log.warning(`cache restore of ${key} failed (continuing without it): ${e.message}`);
        return undefined;
    }
}
/**
 * Saves `paths` under `key`. True when the entry was stored; false with no
 * service, when another job stored the key first, or on a failure (logged as
 * a warning).
 */
async function saveActionsCache(paths, key, log = quiet) {
    const cache = await library();
    if (!cache)
        return false;
    try {
        // The library returns -1 when it logged why it did not save (e.g. the key is taken).
        return (await cache.saveCache(paths, key)) !== -1;
    }
    catch (e) {
        if (e.name === 'ReserveCacheError') {
            log.info(`cache ${key} was saved by another job`);
            return false;
        }
        log.warning(`cache save of ${key} failed (the build is unaffected): ${e.message}`);
        return false;
    }
}

// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(52005);
// EXTERNAL MODULE: ./build/shared/hash.js
var hash = __webpack_require__(87406);
// EXTERNAL MODULE: ./build/shared/atomic.js
var atomic = __webpack_require__(14275);
;// CONCATENATED MODULE: ./build/shared/vuln/apk-version.js
/**
 * Alpine version ordering, ported from apk-tools' src/version.c (tokenizer,
 * token_cmp and apk_version_compare_fuzzy): `digit{.digit}…{letter}
 * {_suffix{#}}…{~hash}{-r#}`. Pre-release suffixes (_alpha, _beta, _pre,
 * _rc) sort before the bare version, post-release ones (_cvs, _svn, _git,
 * _hg, _p) after; a component with a leading zero compares as a string
 * (the Gentoo rule); an invalid version compares by what parsed before the
 * invalid part. Tested against apk-tools' own test vectors
 * (test/unit/version.data).
 */
// Token kinds in apk-tools' order: later kinds may only follow earlier ones.
const Token = {
    InitialDigit: 0,
    Digit: 1,
    Letter: 2,
    Suffix: 3,
    SuffixNo: 4,
    CommitHash: 5,
    RevisionNo: 6,
    End: 7,
    Invalid: 8,
};
// apk-tools' suffix order: INVALID, alpha, beta, pre, rc, NONE, cvs, svn, git, hg, p.
const SUFFIX_NONE = 5;
const SUFFIXES = {
    alpha: 1,
    beta: 2,
    pre: 3,
    rc: 4,
    cvs: 6,
    svn: 7,
    git: 8,
    hg: 9,
    p: 10,
};
class Cursor {
    pos = 0;
    s;
    constructor(s) {
        this.s = s;
    }
    get done() {
        return this.pos >= this.s.length;
    }
    peek() {
        return this.s[this.pos];
    }
}
function parseDigits(t, c) {
    const start = c.pos;
    while (!c.done && c.peek() >= '0' && c.peek() <= '9')
        c.pos++;
    t.value = c.s.slice(start, c.pos);
    t.number = t.value ? BigInt(t.value) : 0n;
    if (!t.value)
        t.token = Token.Invalid;
}
function first(c) {
    const t = { token: Token.InitialDigit, suffix: 0, number: 0n, value: '' };
    parseDigits(t, c);
    return t;
}
function next(t, c) {
    if (c.done) {
        t.token = Token.End;
        return;
    }
    const ch = c.peek();
    if (ch >= 'a' && ch <= 'z') {
        if (t.token > Token.Digit)
            return void (t.token = Token.Invalid);
        t.value = ch;
        t.token = Token.Letter;
        c.pos++;
    }
    else if (ch === '.' || (ch >= '0' && ch <= '9')) {
        if (ch === '.') {
            if (t.token > Token.Digit)
                return void (t.token = Token.Invalid);
            c.pos++;
        }
        if (t.token === Token.InitialDigit || t.token === Token.Digit)
            t.token = Token.Digit;
        else if (t.token === Token.Suffix)
            t.token = Token.SuffixNo;
        else
            return void (t.token = Token.Invalid);
        parseDigits(t, c);
    }
    else if (ch === '_') {
        if (t.token > Token.SuffixNo)
            return void (t.token = Token.Invalid);
        c.pos++;
        const start = c.pos;
        while (!c.done && c.peek() >= 'a' && c.peek() <= 'z')
            c.pos++;
        t.value = c.s.slice(start, c.pos);
        t.suffix = SUFFIXES[t.value] ?? 0;
        if (!t.suffix)
            return void (t.token = Token.Invalid);
        t.token = Token.Suffix;
    }
    else if (ch === '~') {
        if (t.token >= Token.CommitHash)
            return void (t.token = Token.Invalid);
        c.pos++;
        const start = c.pos;
        while (!c.done && /[0-9a-f]/.test(c.peek()))
            c.pos++;
        t.value = c.s.slice(start, c.pos);
        if (!t.value)
            return void (t.token = Token.Invalid);
        t.token = Token.CommitHash;
    }
    else if (ch === '-') {
        if (t.token >= Token.RevisionNo)
            return void (t.token = Token.Invalid);
        if (c.s[c.pos + 1] !== 'r')
            return void (t.token = Token.Invalid);
        c.pos += 2;
        t.token = Token.RevisionNo;
        parseDigits(t, c);
    }
    else
        t.token = Token.Invalid;
}
/** apk_blob_sort: bytewise, then the shorter first. */
function blobSort(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++)
        if (a.charCodeAt(i) !== b.charCodeAt(i))
            return a.charCodeAt(i) - b.charCodeAt(i);
    return a.length - b.length;
}
function tokenCmp(a, b) {
    let x;
    let y;
    switch (a.token) {
        case Token.Digit:
            // A leading zero on either side: string order (the Gentoo rule), else numeric as below.
            if (a.value[0] === '0' || b.value[0] === '0')
                return Math.sign(blobSort(a.value, b.value));
            x = a.number;
            y = b.number;
            break;
        case Token.InitialDigit:
        case Token.SuffixNo:
        case Token.RevisionNo:
            x = a.number;
            y = b.number;
            break;
        case Token.Letter:
            x = a.value.charCodeAt(0);
            y = b.value.charCodeAt(0);
            break;
        case Token.Suffix:
            x = a.suffix;
            y = b.suffix;
            break;
        default:
            return Math.sign(blobSort(a.value, b.value));
    }
    return x < y ? -1 : x > y ? 1 : 0;
}
/** True when apk-tools accepts `v` as a version. */
function isValidApkVersion(v) {
    const c = new Cursor(v);
    const t = first(c);
    while (t.token < Token.End)
        next(t, c);
    return t.token === Token.End;
}
/**
 * -1, 0 or 1 as `a` sorts before, equal to or after `b`. `fuzzy` is apk's `~`
 * operator: `b` matches when it is a prefix of `a` by components.
 */
function compareApkVersions(a, b, fuzzy = false) {
    const ca = new Cursor(a);
    const cb = new Cursor(b);
    const ta = first(ca);
    const tb = first(cb);
    while (ta.token === tb.token && ta.token < Token.End) {
        const r = tokenCmp(ta, tb);
        if (r !== 0)
            return r;
        next(ta, ca);
        next(tb, cb);
    }
    if (ta.token === tb.token)
        return 0;
    if (tb.token === Token.End && fuzzy)
        return 0;
    // Equal so far: the longer one is greater, unless what it has more of is a pre-release suffix.
    if (ta.token === Token.Suffix && ta.suffix < SUFFIX_NONE)
        return -1;
    if (tb.token === Token.Suffix && tb.suffix < SUFFIX_NONE)
        return 1;
    if (ta.token > tb.token)
        return -1;
    if (tb.token > ta.token)
        return 1;
    return 0;
}

;// CONCATENATED MODULE: ./build/shared/vuln/dpkg-version.js
/**
 * Debian version ordering, ported from dpkg's lib/dpkg/version.c
 * (dpkg_version_compare and verrevcmp): epoch numerically, then upstream
 * version and revision each by verrevcmp — alternating runs of non-digits
 * (compared character by character, letters before non-letters, `~` before
 * everything, even the end of the string) and runs of digits (compared as
 * numbers). Written here because no maintained npm package implements it;
 * tested against `dpkg --compare-versions` on real version pairs.
 */
/** Parses `[epoch:]upstream[-revision]` the way dpkg's parseversion does (the last hyphen splits). */
function parseDpkgVersion(raw) {
    const v = raw.trim();
    if (!v || /\s/.test(v))
        return null;
    let epoch = 0;
    let rest = v;
    const colon = v.indexOf(':');
    if (colon >= 0) {
        const e = v.slice(0, colon);
        if (!/^\d+$/.test(e))
            return null;
        epoch = Number(e);
        rest = v.slice(colon + 1);
    }
    const hyphen = rest.lastIndexOf('-');
    const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
    const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
    if (!upstream || !/^[0-9]/.test(upstream))
        return null;
    if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision))
        return null;
    return { epoch, upstream, revision };
}
const isDigit = (c) => c >= 48 && c <= 57;
const isAlpha = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** dpkg's order(): `~` sorts first, then the end of a part, then letters, then everything else. */
function order(c) {
    if (isDigit(c))
        return 0;
    if (isAlpha(c))
        return c;
    if (c === 126 /* ~ */)
        return -1;
    if (c)
        return c + 256;
    return 0;
}
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let firstDiff = 0;
        while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
            const ac = i < a.length ? order(a.charCodeAt(i)) : 0;
            const bc = j < b.length ? order(b.charCodeAt(j)) : 0;
            if (ac !== bc)
                return ac - bc;
            i++;
            j++;
        }
        while (i < a.length && a.charCodeAt(i) === 48)
            i++;
        while (j < b.length && b.charCodeAt(j) === 48)
            j++;
        while (i < a.length && isDigit(a.charCodeAt(i)) && j < b.length && isDigit(b.charCodeAt(j))) {
            if (!firstDiff)
                firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if (i < a.length && isDigit(a.charCodeAt(i)))
            return 1;
        if (j < b.length && isDigit(b.charCodeAt(j)))
            return -1;
        if (firstDiff)
            return firstDiff;
    }
    return 0;
}
/** Negative, zero or positive as `a` sorts before, equal to or after `b`; throws on a malformed version. */
function compareDpkgVersions(a, b) {
    const va = parseDpkgVersion(a);
    const vb = parseDpkgVersion(b);
    if (!va)
        throw new RangeError(`'${a}' is not a Debian version`);
    if (!vb)
        throw new RangeError(`'${b}' is not a Debian version`);
    if (va.epoch !== vb.epoch)
        return va.epoch - vb.epoch;
    return verrevcmp(va.upstream, vb.upstream) || verrevcmp(va.revision, vb.revision);
}

;// CONCATENATED MODULE: ./build/shared/vuln/ecosystem.js
/**
 * Which OSV ecosystem an image's release belongs to, and how that ecosystem
 * orders versions. An unknown distribution or release is an error naming it:
 * matching with a guessed ecosystem would report "no findings" for data that
 * was never consulted.
 */



const DEBIAN_CODENAMES = {
    buster: '10',
    bullseye: '11',
    bookworm: '12',
    trixie: '13',
    forky: '14',
};
const UBUNTU_LTS = new Set(['14.04', '16.04', '18.04', '20.04', '22.04', '24.04', '26.04']);
function ecosystemFor(distro) {
    const v = distro.versionId.trim();
    if (distro.id === 'debian') {
        const major = DEBIAN_CODENAMES[v] ?? DEBIAN_CODENAMES[distro.codename ?? ''] ?? /^(\d+)(?:\.\d+)*$/.exec(v)?.[1];
        if (!major || Number(major) < 7)
            throw new errors/* DataError */.fL(`unknown Debian release '${v}' (known: 7 and later, or ${Object.keys(DEBIAN_CODENAMES).join(', ')})`);
        return { name: `Debian:${major}`, exportFolder: 'Debian', compare: compareDpkgVersions };
    }
    if (distro.id === 'ubuntu') {
        const m = /^(\d{2}\.\d{2})/.exec(v);
        if (!m)
            throw new errors/* DataError */.fL(`unknown Ubuntu release '${v}' (a version such as 24.04)`);
        const name = `Ubuntu:${m[1]}${UBUNTU_LTS.has(m[1]) ? ':LTS' : ''}`;
        return { name, exportFolder: 'Ubuntu', compare: compareDpkgVersions };
    }
    if (distro.id === 'alpine') {
        const m = /^v?(\d+\.\d+)/.exec(v);
        if (!m)
            throw new errors/* DataError */.fL(`unknown Alpine release '${v}' (a version such as 3.20 or 3.20.3)`);
        return { name: `Alpine:v${m[1]}`, exportFolder: 'Alpine', compare: compareApkVersions };
    }
    throw new errors/* DataError */.fL(`no vulnerability data for distribution '${distro.id}' (supported: debian, ubuntu, alpine)`);
}

// EXTERNAL MODULE: ./build/shared/vuln/gate.js
var vuln_gate = __webpack_require__(91699);
// EXTERNAL MODULE: ./build/shared/sbom/image-sbom.js + 5 modules
var image_sbom = __webpack_require__(84551);
;// CONCATENATED MODULE: ./build/shared/vuln/match.js
/**
 * Matches an image's installed packages against OSV data for its release.
 * Distribution data names source packages (Debian's `Source:`, Alpine's
 * origin), so each package is looked up by its source name and compared by
 * its source version (a binNMU `+b1` binary carries its source's fixes).
 * A version is affected by an ECOSYSTEM range per the OSV schema's rule:
 * events in version order, `introduced` opens, `fixed` closes at that
 * version, `last_affected` closes after it.
 */



const isZero = (v) => v === '0';
function sortEvents(events, cmp) {
    const key = (e) => (e.introduced ?? e.fixed ?? e.last_affected ?? e.limit);
    return [...events].sort((a, b) => {
        if (isZero(a.introduced))
            return isZero(b.introduced) ? 0 : -1;
        if (isZero(b.introduced))
            return 1;
        return cmp(key(a), key(b));
    });
}
/** Whether `version` is in the range, and the fixed version that closes its interval (if any). */
function evaluateRange(version, events, cmp) {
    let affected = false;
    let fixed = null;
    for (const e of sortEvents(events, cmp)) {
        if (e.introduced !== undefined) {
            if (isZero(e.introduced) || cmp(version, e.introduced) >= 0)
                affected = true;
        }
        else if (e.fixed !== undefined) {
            if (cmp(version, e.fixed) >= 0)
                affected = false;
            else if (affected && fixed === null)
                fixed = e.fixed;
        }
        else if (e.last_affected !== undefined) {
            if (cmp(version, e.last_affected) > 0)
                affected = false;
        }
        else if (e.limit !== undefined && cmp(version, e.limit) >= 0)
            affected = false;
        if (affected && fixed !== null)
            break;
    }
    return { affected, fixed: affected ? fixed : null };
}
function entryFixedVersions(entry) {
    return entry.ranges.flatMap((r) => r.flatMap((e) => (e.fixed ? [e.fixed] : [])));
}
/**
 * The package URL an affected package is referred to by: exactly the image
 * SBOM's (shared/sbom/image-sbom.ts packagePurl, its components' bom-ref), so
 * the vulnerabilities document's `affects[].ref` joins the SBOM's components.
 */
function purlOf(distro, ecosystem, p) {
    return (0,image_sbom/* packagePurl */.YM)(distro, ecosystem.startsWith('Alpine:') ? 'apk' : 'dpkg', p);
}
function matchPackages(distro, packages, db) {
    const eco = ecosystemFor(distro);
    if (!db.index.has(eco.name))
        throw new errors/* DataError */.fL(`the vulnerability data holds no records for ${eco.name} (it has: ${db.ecosystems().join(', ') || 'none'}); ` +
            `give the ${eco.exportFolder} export`);
    // Binary packages grouped by their source package and source version.
    const bySource = new Map();
    for (const p of packages) {
        const source = p.source?.name || p.name;
        const version = p.source?.version || p.version;
        const key = `${source}\u0000${version}`;
        const g = bySource.get(key) ?? { source, version, binaries: [] };
        g.binaries.push(p);
        bySource.set(key, g);
    }
    const findings = [];
    const patchStatus = [];
    const unparsable = [];
    for (const g of bySource.values()) {
        const entries = db.lookup(eco.name, g.source);
        if (entries.length === 0)
            continue;
        const mine = [];
        const newerFixes = new Set();
        for (const entry of entries) {
            try {
                let hit = entry.versions.includes(g.version);
                let fixed = null;
                for (const events of entry.ranges) {
                    const r = evaluateRange(g.version, events, eco.compare);
                    if (r.affected) {
                        hit = true;
                        if (r.fixed && (fixed === null || eco.compare(r.fixed, fixed) < 0))
                            fixed = r.fixed;
                    }
                }
                for (const f of entryFixedVersions(entry))
                    if (eco.compare(f, g.version) > 0)
                        newerFixes.add(f);
                if (!hit)
                    continue;
                mine.push({
                    id: entry.id,
                    aliases: entry.aliases,
                    summary: entry.summary,
                    severity: entry.severity,
                    source: g.source,
                    installed: g.version,
                    fixed,
                    packages: g.binaries.map((b) => ({
                        name: b.name,
                        version: b.version,
                        arch: b.arch,
                        purl: purlOf(distro, eco.name, b),
                    })),
                });
            }
            catch (e) {
                if (!(e instanceof RangeError))
                    throw e;
                unparsable.push(`${entry.id} (${g.source}): ${e.message}`);
            }
        }
        findings.push(...mine);
        const fixes = mine.flatMap((f) => (f.fixed ? [f.fixed] : [])).sort(eco.compare);
        if (fixes.length)
            patchStatus.push({
                source: g.source,
                installed: g.version,
                fixedIn: fixes.at(-1),
                versionsBehind: [...newerFixes].filter((f) => eco.compare(f, fixes.at(-1)) <= 0).length,
                findings: mine.length,
            });
    }
    findings.sort((a, b) => a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
    patchStatus.sort((a, b) => a.source.localeCompare(b.source));
    return {
        ecosystem: eco.name,
        packages: packages.length,
        findings,
        patchStatus,
        unfixed: findings.filter((f) => f.fixed === null).length,
        unparsable,
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./build/shared/regular-file.js
var regular_file = __webpack_require__(53019);
// EXTERNAL MODULE: ./build/shared/vuln/severity.js
var severity = __webpack_require__(79531);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./build/shared/vuln/zip-reader.js
/**
 * Reads the entries of a zip archive held in memory (OSV's `all.zip`
 * export): the central directory is located from the end record, each entry
 * is read from its local header and inflated with zlib's inflateRaw. Nothing
 * is written to disk, so an entry name cannot escape anywhere; sizes are
 * bounded so a hostile archive cannot exhaust memory. Written here because
 * the suite needs only this read path, and the npm zip readers either write
 * files or pull in a stream stack for what is 80 lines over Buffer.
 */


const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
function findEndRecord(zip) {
    // The end record is 22 bytes plus a comment of at most 65535 bytes.
    const stop = Math.max(0, zip.length - 22 - 0xffff);
    for (let i = zip.length - 22; i >= stop; i--)
        if (zip.readUInt32LE(i) === EOCD)
            return i;
    throw new errors/* DataError */.fL('not a zip archive: no end of central directory record');
}
function readZipEntries(zip, limits, label = 'zip archive') {
    if (zip.length < 22)
        throw new errors/* DataError */.fL(`${label}: too short to be a zip archive`);
    const end = findEndRecord(zip);
    const count = zip.readUInt16LE(end + 10);
    const cdSize = zip.readUInt32LE(end + 12);
    const cdOffset = zip.readUInt32LE(end + 16);
    if (count === 0xffff || cdOffset === 0xffffffff)
        throw new errors/* DataError */.fL(`${label}: zip64 archives are not supported`);
    if (cdOffset + cdSize > end)
        throw new errors/* DataError */.fL(`${label}: central directory lies outside the archive`);
    if (count > (limits.maxEntries ?? 2_000_000))
        throw new errors/* DataError */.fL(`${label}: too many entries (${count})`);
    const maxTotal = limits.maxTotalBytes ?? 4 * 1024 ** 3;
    const entries = [];
    let total = 0;
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
        if (p + 46 > end || zip.readUInt32LE(p) !== CENTRAL)
            throw new errors/* DataError */.fL(`${label}: central directory entry ${n} is malformed`);
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
        if (name.endsWith('/'))
            continue;
        if (flags & 1)
            throw new errors/* DataError */.fL(`${label}: ${name} is encrypted`);
        if (size > limits.maxEntryBytes)
            throw new errors/* DataError */.fL(`${label}: ${name} is ${size} bytes, more than the ${limits.maxEntryBytes} accepted`);
        total += size;
        if (total > maxTotal)
            throw new errors/* DataError */.fL(`${label}: more than ${maxTotal} bytes uncompressed`);
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
            throw new errors/* DataError */.fL(`${label}: ${name}: local header is missing`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        if (start + compressed > zip.length)
            throw new errors/* DataError */.fL(`${label}: ${name} runs past the end of the archive`);
        const raw = zip.subarray(start, start + compressed);
        let data;
        if (method === 0)
            data = Buffer.from(raw);
        else if (method === 8) {
            try {
                data = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: Math.max(1, size) });
            }
            catch (e) {
                throw new errors/* DataError */.fL(`${label}: ${name} does not inflate: ${e.message}`);
            }
        }
        else
            throw new errors/* DataError */.fL(`${label}: ${name} uses compression method ${method} (only stored and deflate)`);
        if (data.length !== size)
            throw new errors/* DataError */.fL(`${label}: ${name} inflates to ${data.length} bytes, the directory says ${size}`);
        entries.push({ name, data });
    }
    return entries;
}

;// CONCATENATED MODULE: ./build/shared/vuln/osv.js
/**
 * OSV data loaded into memory and indexed by (ecosystem, package name): a
 * directory of OSV records, a single record, OSV's `all.zip` export of an
 * ecosystem, or the `{ records: [...] }` subsets scripts/refresh-osv-subset.ts
 * writes. Each record is checked against the parts of the OSV schema the
 * matcher relies on; a malformed record fails the load naming its file and id
 * (a gate that silently skipped data would pass images it never checked).
 */








const EventSchema = schemas/* object */.Ikc({
    introduced: schemas/* string */.YjP().optional(),
    fixed: schemas/* string */.YjP().optional(),
    last_affected: schemas/* string */.YjP().optional(),
    limit: schemas/* string */.YjP().optional(),
})
    .refine((e) => [e.introduced, e.fixed, e.last_affected, e.limit].filter((x) => x !== undefined).length === 1, {
    message: 'an event has exactly one of introduced, fixed, last_affected, limit',
});
const AffectedSchema = schemas/* object */.Ikc({
    package: schemas/* object */.Ikc({ ecosystem: schemas/* string */.YjP(), name: schemas/* string */.YjP(), purl: schemas/* string */.YjP().optional() }).optional(),
    ranges: schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* string */.YjP(), repo: schemas/* string */.YjP().optional(), events: schemas/* array */.YOg(EventSchema).min(1) }))
        .optional(),
    versions: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    ecosystem_specific: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    database_specific: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});
const OsvRecordSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().min(1),
    modified: schemas/* string */.YjP().optional(),
    published: schemas/* string */.YjP().optional(),
    withdrawn: schemas/* string */.YjP().optional(),
    aliases: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    upstream: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    related: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    summary: schemas/* string */.YjP().optional(),
    severity: schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* string */.YjP(), score: schemas/* string */.YjP() })).optional(),
    affected: schemas/* array */.YOg(AffectedSchema).optional(),
    database_specific: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});
const MAX_RECORD_BYTES = 16 << 20;
const MAX_FILE_BYTES = 2 * 1024 ** 3;
class Index {
    index = new Map();
    records = 0;
    source = '';
    sha256 = '';
    add(record) {
        this.records++;
        if (record.withdrawn)
            return;
        const aliases = [...new Set([...(record.aliases ?? []), ...(record.upstream ?? [])])].filter((a) => a !== record.id);
        for (const a of record.affected ?? []) {
            if (!a.package)
                continue;
            const ranges = (a.ranges ?? []).filter((r) => r.type === 'ECOSYSTEM').map((r) => r.events);
            if (ranges.length === 0 && !a.versions?.length)
                continue;
            let byName = this.index.get(a.package.ecosystem);
            if (!byName)
                this.index.set(a.package.ecosystem, (byName = new Map()));
            const list = byName.get(a.package.name) ?? [];
            list.push({
                id: record.id,
                aliases,
                summary: record.summary ?? '',
                published: record.published ?? null,
                severity: (0,severity/* severityOf */.xJ)({
                    severity: record.severity,
                    database_specific: record.database_specific,
                    affectedEcosystemSpecific: a.ecosystem_specific,
                    affectedDatabaseSpecific: a.database_specific,
                }),
                ranges,
                versions: a.versions ?? [],
            });
            byName.set(a.package.name, list);
        }
    }
    ecosystems() {
        return [...this.index.keys()].sort();
    }
    lookup(ecosystem, name) {
        return this.index.get(ecosystem)?.get(name) ?? [];
    }
}
function parseRecords(text, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* DataError */.fL(`${where}: not JSON (${e.message})`);
    }
    const list = doc && typeof doc === 'object' && Array.isArray(doc.records)
        ? doc.records
        : Array.isArray(doc)
            ? doc
            : [doc];
    return list.map((r, i) => {
        const parsed = OsvRecordSchema.safeParse(r);
        if (!parsed.success) {
            const id = r?.id;
            const issue = parsed.error.issues[0];
            throw new errors/* DataError */.fL(`${where}${list.length > 1 ? ` record ${i}` : ''}${typeof id === 'string' ? ` (${id})` : ''}: not an OSV record: ${issue.path.join('.') || 'record'}: ${issue.message}`);
        }
        return parsed.data;
    });
}
/**
 * Loads every OSV file under `paths` (files: .json or .zip; directories: their
 * .json and .zip files, not recursing). Throws DataError naming the file on
 * anything unreadable or malformed.
 */
async function loadOsvDatabase(paths, input = 'vulnerability-data') {
    const db = new Index();
    const digests = [];
    const files = [];
    for (const path of Array.isArray(paths) ? paths : [paths]) {
        let st;
        try {
            st = await (0,promises_.stat)(path);
        }
        catch (e) {
            throw new errors/* DataError */.fL(`${input}: '${path}' cannot be read (${(0,regular_file/* fsErrorReason */.Ws)(e)})`);
        }
        if (st.isDirectory()) {
            const names = (await (0,promises_.readdir)(path)).filter((n) => n.endsWith('.json') || n.endsWith('.zip')).sort();
            if (names.length === 0)
                throw new errors/* DataError */.fL(`${input}: '${path}' holds no .json or .zip OSV files`);
            files.push(...names.map((n) => (0,external_node_path_.join)(path, n)));
        }
        else
            files.push(path);
    }
    for (const file of files) {
        const bytes = await (0,regular_file/* readRegularFile */.XF)(file, { input, maxBytes: MAX_FILE_BYTES });
        digests.push(`${(0,hash/* sha256 */.sc)(bytes)}  ${(0,external_node_path_.basename)(file)}`);
        if (file.endsWith('.zip')) {
            for (const entry of readZipEntries(bytes, { maxEntryBytes: MAX_RECORD_BYTES }, file))
                if (entry.name.endsWith('.json'))
                    for (const r of parseRecords(entry.data.toString('utf8'), `${file}:${entry.name}`))
                        db.add(r);
        }
        else
            for (const r of parseRecords(bytes.toString('utf8'), file))
                db.add(r);
    }
    db.source = files.join(', ');
    db.sha256 = files.length === 1 ? digests[0].split(' ')[0] : (0,hash/* sha256 */.sc)(digests.join('\n') + '\n');
    return db;
}

// EXTERNAL MODULE: ./build/shared/vuln/report.js
var report = __webpack_require__(64038);
// EXTERNAL MODULE: ./build/shared/attest/statement.js + 1 modules
var statement = __webpack_require__(77635);
// EXTERNAL MODULE: ./build/shared/attest/vulnerability-run.js
var vulnerability_run = __webpack_require__(9954);
;// CONCATENATED MODULE: ./build/shared/attest/vulnerability-gate.js
/**
 * attest's vulnerability gate: every image's installed packages (read once,
 * for the SBOM) are matched against OSV data for its release, the threshold
 * and allow-list decide, and only a passing gate lets attest go on to sign.
 * A failing gate throws before anything is signed or written, naming the
 * findings. Each image gets meta/vulnerabilities/<image>.cdx.json (CycloneDX
 * vulnerabilities, bound into the statements like the SBOM).
 *
 * The gate is off unless `vulnerability-data` is given: a local path (an
 * export, a directory of records; air-gapped runners) or `osv` (the current
 * export downloaded from OSV, cached per day with @actions/cache). Off by
 * default because attest also runs offline, where a gate that needs the
 * network would fail every run; the job says it did not scan.
 */















const OSV_EXPORT = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Downloads <folder>/all.zip from OSV once a day (restored from @actions/cache when the cache service exists). */
async function downloadOsvExport(folder, now, dir = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()) {
    const day = now.toISOString().slice(0, 10);
    const target = (0,external_node_path_.join)(dir, 'osv-export', day, folder, 'all.zip');
    const key = `osv-${folder}-${day}`;
    if (await (0,promises_.stat)(target).catch(() => null))
        return target;
    if (await restoreActionsCache([target], key))
        return target;
    const url = `${OSV_EXPORT}/${encodeURIComponent(folder)}/all.zip`;
    let response;
    try {
        response = await fetch(url);
    }
    catch (e) {
        throw new errors/* DataError */.fL(`vulnerability-data: osv: cannot download ${url} (${e.cause ?? e.message}); give a local copy for air-gapped runners`);
    }
    if (!response.ok)
        throw new errors/* DataError */.fL(`vulnerability-data: osv: ${url} answered HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    // Google Cloud Storage sends the object's MD5 (x-goog-hash: md5=<base64>): the only checksum OSV publishes.
    const md5 = /md5=([A-Za-z0-9+/=]+)/.exec(response.headers.get('x-goog-hash') ?? '')?.[1];
    if (md5 && (0,external_node_crypto_.createHash)('md5').update(bytes).digest('base64') !== md5)
        throw new errors/* DataError */.fL(`vulnerability-data: osv: ${url} does not match its x-goog-hash md5`);
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'osv-export', day, folder), { recursive: true });
    await (0,atomic/* writeFileAtomic */.Zf)(target, bytes);
    await saveActionsCache([target], key);
    return target;
}
/** Matches every image of every tree and evaluates the gate; throws VulnerabilityGateFailure when it fails. */
async function runVulnerabilityGate(o, trees, now, loaded) {
    let db = loaded;
    if (!db) {
        if (o.data === 'osv') {
            const folders = new Set(trees.flatMap((t) => t.sboms.map((s) => ecosystemFor(s.software.distro).exportFolder)));
            const paths = [];
            for (const f of [...folders].sort())
                paths.push(await downloadOsvExport(f, now));
            db = await loadOsvDatabase(paths);
        }
        else
            db = await loadOsvDatabase(o.data);
    }
    const data = { source: db.source, sha256: db.sha256, records: db.records };
    const images = [];
    const docs = [];
    for (const { tree, sboms } of trees) {
        const treeDocs = [];
        for (const s of sboms) {
            if (s.software.manager === 'none')
                continue;
            let result;
            try {
                result = matchPackages(s.software.distro, s.software.packages, db);
            }
            catch (e) {
                if (e instanceof errors/* DataError */.fL)
                    throw new errors/* DataError */.fL(`${s.image.rel}: ${e.message}`);
                throw e;
            }
            images.push({ image: s.image.rel, tree, result });
            const json = JSON.stringify((0,report/* vulnerabilityDocument */.MJ)({
                image: { name: s.image.rel, sha256: s.image.sha256 },
                result,
                data,
                timestamp: now.toISOString(),
                tool: statement/* SUITE */.J3,
            }), null, 2) + '\n';
            treeDocs.push({
                rel: (0,report/* vulnerabilityDocRel */.aq)(s.image.variant),
                variant: s.image.variant,
                json,
                sha256: (0,hash/* sha256 */.sc)(json),
            });
        }
        docs.push(treeDocs);
    }
    const gate = (0,vuln_gate/* evaluateGate */.DR)(images, { threshold: o.threshold, allowList: o.allowList, now });
    const run = { data, images, gate, docs };
    if (!gate.passed)
        throw new vulnerability_run/* VulnerabilityGateFailure */.e(run);
    return run;
}


/***/ })

};
