import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7091:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*!
Copyright (c) the purl authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
*/


const {
  PackageURL,
  PurlComponent,
  PurlQualifierNames,
  PurlType
} = __nccwpck_require__(6686)

module.exports = {
  PackageURL,
  PurlComponent,
  PurlQualifierNames,
  PurlType
}


/***/ }),

/***/ 3779:
/***/ ((module) => {



const LOOP_SENTINEL = 1_000_000

const REUSED_SEARCH_PARAMS = new URLSearchParams()

const REUSED_SEARCH_PARAMS_KEY = '_'

const REUSED_SEARCH_PARAMS_OFFSET = 2 // '_='.length

module.exports = {
    LOOP_SENTINEL,
    REUSED_SEARCH_PARAMS,
    REUSED_SEARCH_PARAMS_KEY,
    REUSED_SEARCH_PARAMS_OFFSET
}


/***/ }),

/***/ 782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { PurlError } = __nccwpck_require__(616)

const { decodeURIComponent } = globalThis

function decodePurlComponent(comp, encodedURIComponent) {
    try {
        return decodeURIComponent(encodedURIComponent)
    } catch {}
    throw new PurlError(`unable to decode "${comp}" component`)
}

module.exports = {
    decodePurlComponent
}


/***/ }),

/***/ 5954:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const {
    REUSED_SEARCH_PARAMS,
    REUSED_SEARCH_PARAMS_KEY,
    REUSED_SEARCH_PARAMS_OFFSET
} = __nccwpck_require__(3779)
const { isObject } = __nccwpck_require__(7018)
const { isNonEmptyString } = __nccwpck_require__(2764)

const { encodeURIComponent } = globalThis

function encodeNamespace(namespace) {
    return isNonEmptyString(namespace)
        ? encodeURIComponent(namespace)
              .replace(/%3A/g, ':')
              .replace(/%2F/g, '/')
        : ''
}

function encodeQualifierParam(param) {
    if (isNonEmptyString(param)) {
        // Param key and value are encoded with `percentEncodeSet` of
        // 'application/x-www-form-urlencoded' and `spaceAsPlus` of `true`.
        // https://url.spec.whatwg.org/#urlencoded-serializing
        REUSED_SEARCH_PARAMS.set(REUSED_SEARCH_PARAMS_KEY, param)
        return replacePlusSignWithPercentEncodedSpace(
            REUSED_SEARCH_PARAMS.toString().slice(REUSED_SEARCH_PARAMS_OFFSET)
        )
    }
    return ''
}

function encodeQualifiers(qualifiers) {
    if (isObject(qualifiers)) {
        // Sort this list of qualifier strings lexicographically.
        const qualifiersKeys = Object.keys(qualifiers).sort()
        const searchParams = new URLSearchParams()
        for (let i = 0, { length } = qualifiersKeys; i < length; i += 1) {
            const key = qualifiersKeys[i]
            searchParams.set(key, qualifiers[key])
        }
        return replacePlusSignWithPercentEncodedSpace(searchParams.toString())
    }
    return ''
}

function encodeSubpath(subpath) {
    return isNonEmptyString(subpath)
        ? encodeURIComponent(subpath).replace(/%2F/g, '/')
        : ''
}

function encodeVersion(version) {
    return isNonEmptyString(version)
        ? encodeURIComponent(version).replace(/%3A/g, ':').replace(/%2B/g, '+')
        : ''
}

function replacePlusSignWithPercentEncodedSpace(str) {
    // Convert plus signs to %20 for better portability.
    return str.replace(/\+/g, '%20')
}

module.exports = {
    encodeNamespace,
    encodeVersion,
    encodeQualifiers,
    encodeQualifierParam,
    encodeSubpath,
    encodeURIComponent
}


/***/ }),

/***/ 616:
/***/ ((module) => {



function formatPurlErrorMessage(message = '') {
    const { length } = message
    let formatted = ''
    if (length) {
        // Lower case start of message.
        const code0 = message.charCodeAt(0)
        formatted =
            code0 >= 65 /*'A'*/ || code0 <= 90 /*'Z'*/
                ? `${message[0].toLowerCase()}${message.slice(1)}`
                : message
        // Remove period from end of message.
        if (
            length > 1 &&
            message.charCodeAt(length - 1) === 46 /*'.'*/ &&
            message.charCodeAt(length - 2) !== 46
        ) {
            formatted = formatted.slice(0, -1)
        }
    }
    return `Invalid purl: ${formatted}`
}

class PurlError extends Error {
    constructor(message) {
        super(formatPurlErrorMessage(message))
    }
}

module.exports = {
    formatPurlErrorMessage,
    PurlError
}


/***/ }),

/***/ 4947:
/***/ ((module) => {



function createHelpersNamespaceObject(helpers, options_ = {}) {
    const { comparator, ...defaults } = { __proto__: null, ...options_ }
    const helperNames = Object.keys(helpers).sort()
    const propNames = [
        ...new Set([...Object.values(helpers)].map(Object.keys).flat())
    ].sort(comparator)
    const nsObject = Object.create(null)
    for (let i = 0, { length } = propNames; i < length; i += 1) {
        const propName = propNames[i]
        const helpersForProp = Object.create(null)
        for (
            let j = 0, { length: length_j } = helperNames;
            j < length_j;
            j += 1
        ) {
            const helperName = helperNames[j]
            const helperValue =
                helpers[helperName][propName] ?? defaults[helperName]
            if (helperValue !== undefined) {
                helpersForProp[helperName] = helperValue
            }
        }
        nsObject[propName] = helpersForProp
    }
    return nsObject
}

module.exports = {
    createHelpersNamespaceObject
}


/***/ }),

/***/ 6808:
/***/ ((module) => {



function isNullishOrEmptyString(value) {
    return (
        value === null ||
        value === undefined ||
        (typeof value === 'string' && value.length === 0)
    )
}

module.exports = {
    isNullishOrEmptyString
}


/***/ }),

/***/ 4265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isObject } = __nccwpck_require__(7018)
const { isBlank } = __nccwpck_require__(2764)

function normalizeName(rawName) {
    return typeof rawName === 'string' ? rawName.trim() : undefined
}

function normalizeNamespace(rawNamespace) {
    return typeof rawNamespace === 'string'
        ? normalizePath(rawNamespace)
        : undefined
}

function normalizePath(pathname, callback) {
    let collapsed = ''
    let start = 0
    // Leading and trailing slashes, i.e. '/', are not significant and should be
    // stripped in the canonical form.
    while (pathname.charCodeAt(start) === 47 /*'/'*/) {
        start += 1
    }
    let nextIndex = pathname.indexOf('/', start)
    if (nextIndex === -1) {
        return pathname.slice(start)
    }
    // Discard any empty string segments by collapsing repeated segment
    // separator slashes, i.e. '/'.
    while (nextIndex !== -1) {
        const segment = pathname.slice(start, nextIndex)
        if (callback === undefined || callback(segment)) {
            collapsed =
                collapsed + (collapsed.length === 0 ? '' : '/') + segment
        }
        start = nextIndex + 1
        while (pathname.charCodeAt(start) === 47) {
            start += 1
        }
        nextIndex = pathname.indexOf('/', start)
    }
    const lastSegment = pathname.slice(start)
    if (
        lastSegment.length !== 0 &&
        (callback === undefined || callback(lastSegment))
    ) {
        collapsed = collapsed + '/' + lastSegment
    }
    return collapsed
}

function normalizeQualifiers(rawQualifiers) {
    let qualifiers
    for (const { 0: key, 1: value } of qualifiersToEntries(rawQualifiers)) {
        const strValue = typeof value === 'string' ? value : String(value)
        const trimmed = strValue.trim()
        // A key=value pair with an empty value is the same as no key/value
        // at all for this key.
        if (trimmed.length === 0) {
            continue
        }
        if (qualifiers === undefined) {
            qualifiers = { __proto__: null }
        }
        // A key is case insensitive. The canonical form is lowercase.
        qualifiers[key.toLowerCase()] = trimmed
    }
    return qualifiers
}

function normalizeSubpath(rawSubpath) {
    return typeof rawSubpath === 'string'
        ? normalizePath(rawSubpath, subpathFilter)
        : undefined
}

function normalizeType(rawType) {
    // The type must NOT be percent-encoded.
    // The type is case insensitive. The canonical form is lowercase.
    return typeof rawType === 'string'
        ? rawType.trim().toLowerCase()
        : undefined
}

function normalizeVersion(rawVersion) {
    return typeof rawVersion === 'string' ? rawVersion.trim() : undefined
}

function qualifiersToEntries(rawQualifiers) {
    if (isObject(rawQualifiers)) {
        return rawQualifiers instanceof URLSearchParams
            ? rawQualifiers.entries()
            : Object.entries(rawQualifiers)
    }
    return typeof rawQualifiers === 'string'
        ? new URLSearchParams(rawQualifiers).entries()
        : Object.entries({})
}

function subpathFilter(segment) {
    // When percent-decoded, a segment
    //   - must not be any of '.' or '..'
    //   - must not be empty
    const { length } = segment
    if (length === 1 && segment.charCodeAt(0) === 46 /*'.'*/) return false
    if (
        length === 2 &&
        segment.charCodeAt(0) === 46 &&
        segment.charCodeAt(1) === 46
    ) {
        return false
    }
    return !isBlank(segment)
}

module.exports = {
    normalizeName,
    normalizeNamespace,
    normalizePath,
    normalizeQualifiers,
    normalizeSubpath,
    normalizeType,
    normalizeVersion
}


/***/ }),

/***/ 7018:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { LOOP_SENTINEL } = __nccwpck_require__(3779)

function isObject(value) {
    return value !== null && typeof value === 'object'
}

function recursiveFreeze(value_) {
    if (
        value_ === null ||
        !(typeof value_ === 'object' || typeof value_ === 'function') ||
        Object.isFrozen(value_)
    ) {
        return value_
    }
    const queue = [value_]
    let { length: queueLength } = queue
    let pos = 0
    while (pos < queueLength) {
        if (pos === LOOP_SENTINEL) {
            throw new Error(
                'Detected infinite loop in object crawl of recursiveFreeze'
            )
        }
        const obj = queue[pos++]
        Object.freeze(obj)
        if (Array.isArray(obj)) {
            for (let i = 0, { length } = obj; i < length; i += 1) {
                const item = obj[i]
                if (
                    item !== null &&
                    (typeof item === 'object' || typeof item === 'function') &&
                    !Object.isFrozen(item)
                ) {
                    queue[queueLength++] = item
                }
            }
        } else {
            const keys = Reflect.ownKeys(obj)
            for (let i = 0, { length } = keys; i < length; i += 1) {
                const propValue = obj[keys[i]]
                if (
                    propValue !== null &&
                    (typeof propValue === 'object' ||
                        typeof propValue === 'function') &&
                    !Object.isFrozen(propValue)
                ) {
                    queue[queueLength++] = propValue
                }
            }
        }
    }
    return value_
}

module.exports = {
    isObject,
    recursiveFreeze
}


/***/ }),

/***/ 6686:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*!
Copyright (c) the purl authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
*/


const { decodePurlComponent } = __nccwpck_require__(782)
const { isObject, recursiveFreeze } = __nccwpck_require__(7018)
const { isBlank, isNonEmptyString, trimLeadingSlashes } = __nccwpck_require__(2764)

const { PurlComponent } = __nccwpck_require__(1487)
const { PurlQualifierNames } = __nccwpck_require__(7197)
const { PurlType } = __nccwpck_require__(8958)
const { PurlError } = __nccwpck_require__(616)

class PackageURL {
    static Component = recursiveFreeze(PurlComponent)
    static KnownQualifierNames = recursiveFreeze(PurlQualifierNames)
    static Type = recursiveFreeze(PurlType)

    constructor(
        rawType,
        rawNamespace,
        rawName,
        rawVersion,
        rawQualifiers,
        rawSubpath
    ) {
        const type = isNonEmptyString(rawType)
            ? PurlComponent.type.normalize(rawType)
            : rawType
        PurlComponent.type.validate(type, true)

        const namespace = isNonEmptyString(rawNamespace)
            ? PurlComponent.namespace.normalize(rawNamespace)
            : rawNamespace
        PurlComponent.namespace.validate(namespace, true)

        const name = isNonEmptyString(rawName)
            ? PurlComponent.name.normalize(rawName)
            : rawName
        PurlComponent.name.validate(name, true)

        const version = isNonEmptyString(rawVersion)
            ? PurlComponent.version.normalize(rawVersion)
            : rawVersion
        PurlComponent.version.validate(version, true)

        const qualifiers =
            typeof rawQualifiers === 'string' || isObject(rawQualifiers)
                ? PurlComponent.qualifiers.normalize(rawQualifiers)
                : rawQualifiers
        PurlComponent.qualifiers.validate(qualifiers, true)

        const subpath = isNonEmptyString(rawSubpath)
            ? PurlComponent.subpath.normalize(rawSubpath)
            : rawSubpath
        PurlComponent.subpath.validate(subpath, true)

        this.type = type
        this.name = name
        this.namespace = namespace ?? undefined
        this.version = version ?? undefined
        this.qualifiers = qualifiers ?? undefined
        this.subpath = subpath ?? undefined

        const typeHelpers = PurlType[type]
        if (typeHelpers) {
            typeHelpers.normalize(this)
            typeHelpers.validate(this, true)
        }
    }

    toString() {
        const { namespace, name, version, qualifiers, subpath, type } = this
        let purlStr = `pkg:${PurlComponent.type.encode(type)}/`
        if (namespace) {
            purlStr = `${purlStr}${PurlComponent.namespace.encode(namespace)}/`
        }
        purlStr = `${purlStr}${PurlComponent.name.encode(name)}`
        if (version) {
            purlStr = `${purlStr}@${PurlComponent.version.encode(version)}`
        }
        if (qualifiers) {
            purlStr = `${purlStr}?${PurlComponent.qualifiers.encode(qualifiers)}`
        }
        if (subpath) {
            purlStr = `${purlStr}#${PurlComponent.subpath.encode(subpath)}`
        }
        return purlStr
    }

    static fromString(purlStr) {
        return new PackageURL(...PackageURL.parseString(purlStr))
    }

    static parseString(purlStr) {
        // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#how-to-parse-a-purl-string-in-its-components
        if (typeof purlStr !== 'string') {
            throw new Error('A purl string argument is required.')
        }
        if (isBlank(purlStr)) {
            return [
                undefined,
                undefined,
                undefined,
                undefined,
                undefined,
                undefined
            ]
        }

        // Split the remainder once from left on ':'.
        const colonIndex = purlStr.indexOf(':')
        // Use WHATWG URL to split up the purl string.
        //   - Split the purl string once from right on '#'
        //   - Split the remainder once from right on '?'
        //   - Split the remainder once from left on ':'
        let url
        let maybeUrlWithAuth
        if (colonIndex !== -1) {
            try {
                // Since a purl never contains a URL Authority, its scheme
                // must not be suffixed with double slash as in 'pkg://'
                // and should use instead 'pkg:'. Purl parsers must accept
                // URLs such as 'pkg://' and must ignore the '//'
                const beforeColon = purlStr.slice(0, colonIndex)
                const afterColon = purlStr.slice(colonIndex + 1)
                const trimmedAfterColon = trimLeadingSlashes(afterColon)
                url = new URL(`${beforeColon}:${trimmedAfterColon}`)
                maybeUrlWithAuth =
                    afterColon.length === trimmedAfterColon.length
                        ? url
                        : new URL(purlStr)
            } catch (e) {
                throw new PurlError('failed to parse as URL', {
                    cause: e
                })
            }
        }
        // The scheme is a constant with the value "pkg".
        if (url?.protocol !== 'pkg:') {
            throw new PurlError('missing required "pkg" scheme component')
        }
        // A purl must NOT contain a URL Authority i.e. there is no support for
        // username, password, host and port components.
        if (
            maybeUrlWithAuth.username !== '' ||
            maybeUrlWithAuth.password !== ''
        ) {
            throw new PurlError('cannot contain a "user:pass@host:port"')
        }

        const { pathname } = url
        const firstSlashIndex = pathname.indexOf('/')
        const rawType = decodePurlComponent(
            'type',
            firstSlashIndex === -1
                ? pathname
                : pathname.slice(0, firstSlashIndex)
        )
        if (firstSlashIndex < 1) {
            return [
                rawType,
                undefined,
                undefined,
                undefined,
                undefined,
                undefined
            ]
        }

        let rawVersion
        let atSignIndex = pathname.lastIndexOf('@')
        // Handle unencoded leading '@' characters. This is a small break from
        // the specification to make parsing more forgiving so that users don't
        // have to deal with it.
        if (
            atSignIndex !== -1 &&
            pathname.charCodeAt(atSignIndex - 1) === 47 /*'/'*/
        ) {
            atSignIndex = -1
        }
        const beforeVersion = pathname.slice(
            rawType.length + 1,
            atSignIndex === -1 ? pathname.length : atSignIndex
        )
        if (atSignIndex !== -1) {
            // Split the remainder once from right on '@'.
            rawVersion = decodePurlComponent(
                'version',
                pathname.slice(atSignIndex + 1)
            )
        }

        let rawNamespace
        let rawName
        const lastSlashIndex = beforeVersion.lastIndexOf('/')
        if (lastSlashIndex === -1) {
            // Split the remainder once from right on '/'.
            rawName = decodePurlComponent('name', beforeVersion)
        } else {
            // Split the remainder once from right on '/'.
            rawName = decodePurlComponent(
                'name',
                beforeVersion.slice(lastSlashIndex + 1)
            )
            // Split the remainder on '/'.
            rawNamespace = decodePurlComponent(
                'namespace',
                beforeVersion.slice(0, lastSlashIndex)
            )
        }

        let rawQualifiers
        const { searchParams } = url
        if (searchParams.size !== 0) {
            searchParams.forEach((value) =>
                decodePurlComponent('qualifiers', value)
            )
            // Split the remainder once from right on '?'.
            rawQualifiers = searchParams
        }

        let rawSubpath
        const { hash } = url
        if (hash.length !== 0) {
            // Split the purl string once from right on '#'.
            rawSubpath = decodePurlComponent('subpath', hash.slice(1))
        }

        return [
            rawType,
            rawNamespace,
            rawName,
            rawVersion,
            rawQualifiers,
            rawSubpath
        ]
    }
}

for (const staticProp of ['Component', 'KnownQualifierNames', 'Type']) {
    Reflect.defineProperty(PackageURL, staticProp, {
        ...Reflect.getOwnPropertyDescriptor(PackageURL, staticProp),
        writable: false
    })
}

Reflect.setPrototypeOf(PackageURL.prototype, null)

module.exports = {
    PackageURL,
    PurlComponent,
    PurlQualifierNames,
    PurlType
}


/***/ }),

/***/ 1487:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const {
    encodeNamespace,
    encodeVersion,
    encodeQualifiers,
    encodeQualifierParam,
    encodeSubpath,
    encodeURIComponent
} = __nccwpck_require__(5954)

const { createHelpersNamespaceObject } = __nccwpck_require__(4947)

const {
    normalizeType,
    normalizeNamespace,
    normalizeName,
    normalizeVersion,
    normalizeQualifiers,
    normalizeSubpath
} = __nccwpck_require__(4265)

const { localeCompare, isNonEmptyString } = __nccwpck_require__(2764)

const {
    validateType,
    validateNamespace,
    validateName,
    validateVersion,
    validateQualifiers,
    validateQualifierKey,
    validateSubpath
} = __nccwpck_require__(3206)

const PurlComponentEncoder = (comp) =>
    isNonEmptyString(comp) ? encodeURIComponent(comp) : ''

const PurlComponentStringNormalizer = (comp) =>
    typeof comp === 'string' ? comp : undefined

const PurlComponentValidator = (_comp, _throws) => true

const componentSortOrderLookup = {
    __proto__: null,
    type: 0,
    namespace: 1,
    name: 2,
    version: 3,
    qualifiers: 4,
    qualifierKey: 5,
    qualifierValue: 6,
    subpath: 7
}

function componentSortOrder(comp) {
    return componentSortOrderLookup[comp] ?? comp
}

function componentComparator(compA, compB) {
    return localeCompare(componentSortOrder(compA), componentSortOrder(compB))
}

module.exports = {
    // Rules for each purl component:
    // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#rules-for-each-purl-component
    PurlComponent: createHelpersNamespaceObject(
        {
            encode: {
                namespace: encodeNamespace,
                version: encodeVersion,
                qualifiers: encodeQualifiers,
                qualifierKey: encodeQualifierParam,
                qualifierValue: encodeQualifierParam,
                subpath: encodeSubpath
            },
            normalize: {
                type: normalizeType,
                namespace: normalizeNamespace,
                name: normalizeName,
                version: normalizeVersion,
                qualifiers: normalizeQualifiers,
                subpath: normalizeSubpath
            },
            validate: {
                type: validateType,
                namespace: validateNamespace,
                name: validateName,
                version: validateVersion,
                qualifierKey: validateQualifierKey,
                qualifiers: validateQualifiers,
                subpath: validateSubpath
            }
        },
        {
            comparator: componentComparator,
            encode: PurlComponentEncoder,
            normalize: PurlComponentStringNormalizer,
            validate: PurlComponentValidator
        }
    )
}


/***/ }),

/***/ 7197:
/***/ ((module) => {



module.exports = {
    // Known qualifiers:
    // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#known-qualifiers-keyvalue-pairs
    PurlQualifierNames: {
        __proto__: null,
        RepositoryUrl: 'repository_url',
        DownloadUrl: 'download_url',
        VcsUrl: 'vcs_url',
        FileName: 'file_name',
        Checksum: 'checksum'
    }
}


/***/ }),

/***/ 8958:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isNullishOrEmptyString } = __nccwpck_require__(6808)

const { createHelpersNamespaceObject } = __nccwpck_require__(4947)

const {
    isSemverString,
    lowerName,
    lowerNamespace,
    lowerVersion,
    replaceDashesWithUnderscores,
    replaceUnderscoresWithDashes
} = __nccwpck_require__(2764)

const { validateEmptyByType, validateRequiredByType } = __nccwpck_require__(3206)
const { PurlError } = __nccwpck_require__(616)

const PurlTypNormalizer = (purl) => purl

const PurlTypeValidator = (_purl, _throws) => true

module.exports = {
    // PURL types:
    // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst
    PurlType: createHelpersNamespaceObject(
        {
            normalize: {
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#alpm
                alpm(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#apk
                apk(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitbucket
                bitbucket(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitnami
                bitnami(purl) {
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#composer
                composer(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#deb
                deb(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#other-candidate-types-to-define
                gitlab(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#github
                github(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
                // golang(purl) {
                //     // Ignore case-insensitive rule because go.mod are case-sensitive.
                //     // Pending spec change: https://github.com/package-url/purl-spec/pull/196
                //     lowerNamespace(purl)
                //     lowerName(purl)
                //     return purl
                // },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#hex
                hex(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#huggingface
                huggingface(purl) {
                    lowerVersion(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
                mlflow(purl) {
                    if (
                        purl.qualifiers?.repository_url?.includes('databricks')
                    ) {
                        lowerName(purl)
                    }
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#npm
                npm(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#luarocks
                luarocks(purl) {
                    lowerVersion(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
                oci(purl) {
                    lowerName(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
                pub(purl) {
                    lowerName(purl)
                    purl.name = replaceDashesWithUnderscores(purl.name)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pypi
                pypi(purl) {
                    lowerNamespace(purl)
                    lowerName(purl)
                    purl.name = replaceUnderscoresWithDashes(purl.name)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#qpkg
                qpkg(purl) {
                    lowerNamespace(purl)
                    return purl
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#rpm
                rpm(purl) {
                    lowerNamespace(purl)
                    return purl
                }
            },
            validate: {
                // TODO: cocoapods name validation
                // TODO: cpan namespace validation
                // TODO: swid qualifier validation
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#conan
                conan(purl, throws) {
                    if (isNullishOrEmptyString(purl.namespace)) {
                        if (purl.qualifiers?.channel) {
                            if (throws) {
                                throw new PurlError(
                                    'conan requires a "namespace" component when a "channel" qualifier is present'
                                )
                            }
                            return false
                        }
                    } else if (isNullishOrEmptyString(purl.qualifiers)) {
                        if (throws) {
                            throw new PurlError(
                                'conan requires a "qualifiers" component when a namespace is present'
                            )
                        }
                        return false
                    }
                    return true
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#cran
                cran(purl, throws) {
                    return validateRequiredByType(
                        'cran',
                        'version',
                        purl.version,
                        throws
                    )
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
                golang(purl) {
                    // Still being lenient here since the standard changes aren't official.
                    // Pending spec change: https://github.com/package-url/purl-spec/pull/196
                    const { version } = purl
                    const length =
                        typeof version === 'string' ? version.length : 0
                    // If the version starts with a "v" then ensure its a valid semver version.
                    // This, by semver semantics, also supports pseudo-version number.
                    // https://go.dev/doc/modules/version-numbers#pseudo-version-number
                    if (
                        length &&
                        version.charCodeAt(0) === 118 /*'v'*/ &&
                        !isSemverString(version.slice(1))
                    ) {
                        if (throws) {
                            throw new PurlError(
                                'golang "version" component starting with a "v" must be followed by a valid semver version'
                            )
                        }
                        return false
                    }
                    return true
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#maven
                maven(purl, throws) {
                    return validateRequiredByType(
                        'maven',
                        'namespace',
                        purl.namespace,
                        throws
                    )
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
                mlflow(purl, throws) {
                    return validateEmptyByType(
                        'mlflow',
                        'namespace',
                        purl.namespace,
                        throws
                    )
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
                oci(purl, throws) {
                    return validateEmptyByType(
                        'oci',
                        'namespace',
                        purl.namespace,
                        throws
                    )
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
                pub(purl, throws) {
                    const { name } = purl
                    for (let i = 0, { length } = name; i < length; i += 1) {
                        const code = name.charCodeAt(i)
                        // prettier-ignore
                        if (
                  !(
                      (
                          (code >= 48 && code <= 57)  || // 0-9
                          (code >= 97 && code <= 122) || // a-z
                          code === 95 // _
                      )
                  )
              ) {
                  if (throws) {
                      throw new PurlError(
                          'pub "name" component may only contain [a-z0-9_] characters'
                      )
                  }
                  return false
              }
                    }
                    return true
                },
                // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#swift
                swift(purl, throws) {
                    return (
                        validateRequiredByType(
                            'swift',
                            'namespace',
                            purl.namespace,
                            throws
                        ) &&
                        validateRequiredByType(
                            'swift',
                            'version',
                            purl.version,
                            throws
                        )
                    )
                }
            }
        },
        {
            normalize: PurlTypNormalizer,
            validate: PurlTypeValidator
        }
    )
}


/***/ }),

/***/ 2764:
/***/ ((module) => {



// Intl.Collator is faster than String#localeCompare
// https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/String/localeCompare:
// > When comparing large numbers of strings, such as in sorting large arrays,
// > it is better to create an Intl.Collator object and use the function provided
// > by its compare() method.
const { compare: localeCompare } = new Intl.Collator()

// This regexp is valid as of 2024-08-01.
// https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const regexSemverNumberedGroups =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

function isBlank(str) {
    for (let i = 0, { length } = str; i < length; i += 1) {
        const code = str.charCodeAt(i)
        // prettier-ignore
        if (
            !(
                // Whitespace characters according to ECMAScript spec:
                // https://tc39.es/ecma262/#sec-white-space
                (
                    code === 0x0020 || // Space
                    code === 0x0009 || // Tab
                    code === 0x000a || // Line Feed
                    code === 0x000b || // Vertical Tab
                    code === 0x000c || // Form Feed
                    code === 0x000d || // Carriage Return
                    code === 0x00a0 || // No-Break Space
                    code === 0x1680 || // Ogham Space Mark
                    code === 0x2000 || // En Quad
                    code === 0x2001 || // Em Quad
                    code === 0x2002 || // En Space
                    code === 0x2003 || // Em Space
                    code === 0x2004 || // Three-Per-Em Space
                    code === 0x2005 || // Four-Per-Em Space
                    code === 0x2006 || // Six-Per-Em Space
                    code === 0x2007 || // Figure Space
                    code === 0x2008 || // Punctuation Space
                    code === 0x2009 || // Thin Space
                    code === 0x200a || // Hair Space
                    code === 0x2028 || // Line Separator
                    code === 0x2029 || // Paragraph Separator
                    code === 0x202f || // Narrow No-Break Space
                    code === 0x205f || // Medium Mathematical Space
                    code === 0x3000 || // Ideographic Space
                    code === 0xfeff    // Byte Order Mark
                )
            )
        ) {
            return false
        }
    }
    return true
}

function isNonEmptyString(value) {
    return typeof value === 'string' && value.length > 0
}

function isSemverString(value) {
    return typeof value === 'string' && regexSemverNumberedGroups.test(value)
}

function lowerName(purl) {
    purl.name = purl.name.toLowerCase()
}

function lowerNamespace(purl) {
    const { namespace } = purl
    if (typeof namespace === 'string') {
        purl.namespace = namespace.toLowerCase()
    }
}

function lowerVersion(purl) {
    const { version } = purl
    if (typeof version === 'string') {
        purl.version = version.toLowerCase()
    }
}

function replaceDashesWithUnderscores(str) {
    // Replace all "-" with "_"
    let result = ''
    let fromIndex = 0
    let index = 0
    while ((index = str.indexOf('-', fromIndex)) !== -1) {
        result = result + str.slice(fromIndex, index) + '_'
        fromIndex = index + 1
    }
    return fromIndex ? result + str.slice(fromIndex) : str
}

function replaceUnderscoresWithDashes(str) {
    // Replace all "_" with "-"
    let result = ''
    let fromIndex = 0
    let index = 0
    while ((index = str.indexOf('_', fromIndex)) !== -1) {
        result = result + str.slice(fromIndex, index) + '-'
        fromIndex = index + 1
    }
    return fromIndex ? result + str.slice(fromIndex) : str
}

function trimLeadingSlashes(str) {
    let start = 0
    while (str.charCodeAt(start) === 47 /*'/'*/) {
        start += 1
    }
    return start === 0 ? str : str.slice(start)
}

module.exports = {
    isBlank,
    isNonEmptyString,
    isSemverString,
    localeCompare,
    lowerName,
    lowerNamespace,
    lowerVersion,
    replaceDashesWithUnderscores,
    replaceUnderscoresWithDashes,
    trimLeadingSlashes
}


/***/ }),

/***/ 3206:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { PurlError } = __nccwpck_require__(616)
const { isNullishOrEmptyString } = __nccwpck_require__(6808)
const { isNonEmptyString } = __nccwpck_require__(2764)

function validateEmptyByType(type, name, value, throws) {
    if (!isNullishOrEmptyString(value)) {
        if (throws) {
            throw new PurlError(`${type} "${name}" component must be empty`)
        }
        return false
    }
    return true
}

function validateName(name, throws) {
    return (
        validateRequired('name', name, throws) &&
        validateStrings('name', name, throws)
    )
}

function validateNamespace(namespace, throws) {
    return validateStrings('namespace', namespace, throws)
}

function validateQualifiers(qualifiers, throws) {
    if (qualifiers === null || qualifiers === undefined) {
        return true
    }
    if (typeof qualifiers !== 'object') {
        if (throws) {
            throw new PurlError('"qualifiers" must be an object')
        }
        return false
    }
    const keysIterable =
        // URL searchParams have an "keys" method that returns an iterator.
        typeof qualifiers.keys === 'function'
            ? qualifiers.keys()
            : Object.keys(qualifiers)
    for (const key of keysIterable) {
        if (!validateQualifierKey(key, throws)) {
            return false
        }
    }
    return true
}

function validateQualifierKey(key, throws) {
    // A key cannot start with a number.
    if (!validateStartsWithoutNumber('qualifier', key, throws)) {
        return false
    }
    // The key must be composed only of ASCII letters and numbers,
    // '.', '-' and '_' (period, dash and underscore).
    for (let i = 0, { length } = key; i < length; i += 1) {
        const code = key.charCodeAt(i)
        // prettier-ignore
        if (
            !(
                (
                    (code >= 48 && code <= 57)  || // 0-9
                    (code >= 65 && code <= 90)  || // A-Z
                    (code >= 97 && code <= 122) || // a-z
                    code === 46 || // .
                    code === 45 || // -
                    code === 95    // _
                )
            )
        ) {
            if (throws) {
                throw new PurlError(
                    `qualifier "${key}" contains an illegal character`
                )
            }
            return false
        }
    }
    return true
}

function validateRequired(name, value, throws) {
    if (isNullishOrEmptyString(value)) {
        if (throws) {
            throw new PurlError(`"${name}" is a required component`)
        }
        return false
    }
    return true
}

function validateRequiredByType(type, name, value, throws) {
    if (isNullishOrEmptyString(value)) {
        if (throws) {
            throw new PurlError(`${type} requires a "${name}" component`)
        }
        return false
    }
    return true
}

function validateStartsWithoutNumber(name, value, throws) {
    if (isNonEmptyString(value)) {
        const code = value.charCodeAt(0)
        if (code >= 48 /*'0'*/ && code <= 57 /*'9'*/) {
            if (throws) {
                throw new PurlError(
                    `${name} "${value}" cannot start with a number`
                )
            }
            return false
        }
    }
    return true
}

function validateStrings(name, value, throws) {
    if (value === null || value === undefined || typeof value === 'string') {
        return true
    }
    if (throws) {
        throw new PurlError(`"'${name}" must be a string`)
    }
    return false
}

function validateSubpath(subpath, throws) {
    return validateStrings('subpath', subpath, throws)
}

function validateType(type, throws) {
    // The type cannot be nullish, an empty string, or start with a number.
    if (
        !validateRequired('type', type, throws) ||
        !validateStrings('type', type, throws) ||
        !validateStartsWithoutNumber('type', type, throws)
    ) {
        return false
    }
    // The package type is composed only of ASCII letters and numbers,
    // '.', '+' and '-' (period, plus, and dash)
    for (let i = 0, { length } = type; i < length; i += 1) {
        const code = type.charCodeAt(i)
        // prettier-ignore
        if (
            !(
                (
                    (code >= 48 && code <= 57)  || // 0-9
                    (code >= 65 && code <= 90)  || // A-Z
                    (code >= 97 && code <= 122) || // a-z
                    code === 46 || // .
                    code === 43 || // +
                    code === 45    // -
                )
            )
        ) {
            if (throws) {
                throw new PurlError(
                    `type "${type}" contains an illegal character`
                )
            }
            return false
        }
    }
    return true
}

function validateVersion(version, throws) {
    return validateStrings('version', version, throws)
}

module.exports = {
    validateEmptyByType,
    validateName,
    validateNamespace,
    validateQualifiers,
    validateQualifierKey,
    validateRequired,
    validateRequiredByType,
    validateStartsWithoutNumber,
    validateStrings,
    validateSubpath,
    validateType,
    validateVersion
}


/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 4876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 1223:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _shared_action_tools_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3350);
/* harmony import */ var _shared_deps_options_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5356);
/* harmony import */ var _shared_deps_pipeline_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(457);
/* harmony import */ var _shared_source_date_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3124);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4659);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1626);






/** More annotations than this only bury the summary; the report has them all. */
const MAX_ANNOTATIONS = 20;
await (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runAction */ .Cs)(async () => {
    const raw = (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputs */ .Ko)({
        source: true,
        'source-type': true,
        binaries: true,
        version: true,
        name: true,
        'risk-threshold': true,
        'vendor-threshold': true,
        allow: true,
        'output-dir': true,
        'known-malicious': true,
        'known-malicious-sha256': true,
    });
    const options = await (0,_shared_deps_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnalyzeDepsInputs */ .Rr)(raw);
    const ctx = await (0,_run_context_js__WEBPACK_IMPORTED_MODULE_4__/* .readRunContext */ .$p)();
    (0,_shared_source_date_js__WEBPACK_IMPORTED_MODULE_3__/* .givenSourceDate */ .zE)(ctx); // a malformed SOURCE_DATE_EPOCH is rejected before any work
    await (0,_shared_action_tools_js__WEBPACK_IMPORTED_MODULE_0__/* .checkActionTools */ .m)('analyze-deps', undefined);
    const result = await (0,_shared_deps_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .runAnalyzeDeps */ .Q)(options, ctx);
    if (result.sourceDate.origin === 'wall clock')
        _runner_js__WEBPACK_IMPORTED_MODULE_5__/* .core.warning */ .I8.warning(`build_timestamp is ${result.buildInfo.build_timestamp}, from ${result.sourceDate.description}`, {
            title: 'analyze-deps: build time',
        });
    else
        _runner_js__WEBPACK_IMPORTED_MODULE_5__/* .core.info */ .I8.info(`build_timestamp ${result.buildInfo.build_timestamp} from ${result.sourceDate.description}`);
    const { analysis, files } = result;
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .setOutputs */ .n0)({
        'graph-sha256': analysis.graphSha256,
        'package-count': String(analysis.counts.packages),
        'has-duplicates': String(analysis.counts.duplicates > 0),
        'duplicate-count': String(analysis.counts.duplicates),
        'cycle-count': String(analysis.counts.cycles),
        'risk-score': String(analysis.risk.score),
        report: files.report,
        sbom: files.sbom,
        'build-info': files.buildInfo,
    });
    // Duplicates are common and individually minor: one line for all of them, a warning for each other finding.
    const scored = analysis.risk.findings.filter((f) => f.contribution > 0 && f.kind !== 'duplicate');
    scored.sort((a, b) => b.contribution - a.contribution);
    for (const f of scored.slice(0, MAX_ANNOTATIONS))
        _runner_js__WEBPACK_IMPORTED_MODULE_5__/* .core.warning */ .I8.warning(`${f.message} (+${f.contribution}, allow with '${f.id}')`, {
            title: `analyze-deps: ${f.kind}`,
        });
    if (analysis.counts.duplicates > 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_5__/* .core.notice */ .I8.notice(`${analysis.counts.duplicates} package names resolve to several versions; see ${files.report}`);
    await (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .writeSummary */ .Sy)(result.summary);
    const message = `risk score ${analysis.risk.score} (threshold ${options.riskThreshold}), ${analysis.counts.packages} packages, graph ${analysis.graphSha256}`;
    if (!result.passed)
        throw new Error(`dependency risk above the threshold: ${message}; see ${files.report}`);
    _runner_js__WEBPACK_IMPORTED_MODULE_5__/* .core.info */ .I8.info(message);
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $p: () => (/* binding */ readRunContext)
});

// UNUSED EXPORTS: runContextForEnv, runContextFrom

// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/context.js


class context_Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0,external_fs_.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0,external_fs_.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${external_os_.EOL}`);
            }
        }
        this.eventName = process.env.GITHUB_EVENT_NAME;
        this.sha = process.env.GITHUB_SHA;
        this.ref = process.env.GITHUB_REF;
        this.workflow = process.env.GITHUB_WORKFLOW;
        this.action = process.env.GITHUB_ACTION;
        this.actor = process.env.GITHUB_ACTOR;
        this.job = process.env.GITHUB_JOB;
        this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
        this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
        this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
        this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
        this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
        this.graphqlUrl =
            (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
    }
    get issue() {
        const payload = this.payload;
        return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
    }
    get repo() {
        if (process.env.GITHUB_REPOSITORY) {
            const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
            return { owner, repo };
        }
        if (this.payload.repository) {
            return {
                owner: this.payload.repository.owner.login,
                repo: this.payload.repository.name
            };
        }
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    }
}
//# sourceMappingURL=context.js.map
;// CONCATENATED MODULE: ./build/actions/run-context.js
/**
 * The one place the run's facts are read: @actions/github's context (event
 * name and payload, sha, ref, run id and attempt, job, actor, server and API
 * URLs) plus the few variables it does not expose (repository ids, workflow
 * ref, runner environment, the OIDC token request, SOURCE_DATE_EPOCH). Each
 * action's main builds the RunContext once and hands it to shared/ as a plain
 * value.
 *
 * The Context is constructed when the context is built, not when this module
 * loads: its constructor reads and parses the event payload, and a broken
 * payload must fail inside runAction (a step error naming it), not while the
 * bundle is still loading. The class comes from @actions/github's context
 * module, reached by path: the package's entry also loads Octokit and an HTTP
 * client (undici) for its getOctokit, which reading the run's facts does not
 * need, at every step's start (workflow-commands.ts says what that costs).
 */

function run_context_text(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(v) : null;
    if (typeof v !== 'string')
        return null;
    const t = v.trim();
    return t ? t : null;
}
function record(v) {
    return v !== null && typeof v === 'object' ? v : {};
}
/**
 * The RunContext of a @actions/github context and the job's environment.
 * Pure: everything it knows comes from its two arguments. The environment is
 * read first where it and the payload both know a value (the runner sets
 * both from the same run), the payload is the fallback.
 */
function runContextFrom(github, env) {
    const repo = record(github.payload.repository);
    const owner = record(repo.owner);
    const url = run_context_text(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    const token = run_context_text(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const repository = run_context_text(env.GITHUB_REPOSITORY) ?? run_context_text(repo.full_name);
    return {
        serverUrl: (run_context_text(github.serverUrl) ?? 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (run_context_text(github.apiUrl) ?? 'https://api.github.com').replace(/\/+$/, ''),
        repository,
        repositoryOwner: run_context_text(env.GITHUB_REPOSITORY_OWNER) ?? run_context_text(owner.login) ?? repository?.split('/')[0] ?? null,
        repositoryId: run_context_text(env.GITHUB_REPOSITORY_ID) ?? run_context_text(repo.id),
        repositoryOwnerId: run_context_text(env.GITHUB_REPOSITORY_OWNER_ID) ?? run_context_text(owner.id),
        sha: run_context_text(github.sha),
        ref: run_context_text(github.ref),
        eventName: run_context_text(github.eventName),
        runId: run_context_text(github.runId),
        runAttempt: run_context_text(github.runAttempt),
        job: run_context_text(github.job),
        workflowRef: run_context_text(env.GITHUB_WORKFLOW_REF),
        runnerEnvironment: run_context_text(env.RUNNER_ENVIRONMENT),
        actor: run_context_text(github.actor),
        repositoryVisibility: run_context_text(repo.visibility),
        oidcTokenRequest: url && token ? { url, token } : null,
        sourceDateEpoch: run_context_text(env.SOURCE_DATE_EPOCH),
    };
}
let built;
/** The step's RunContext, from @actions/github's context and process.env; built on the first call. */
async function readRunContext() {
    if (built)
        return built;
    built = runContextFrom(new context_Context(), process.env);
    return built;
}
/**
 * The RunContext a step would get in the environment `env`: a fresh
 * @actions/github Context constructed while process.env is `env`. For
 * scripts, benchmarks and tests that describe a run other than their own.
 */
async function runContextForEnv(env) {
    const saved = process.env;
    // The constructor reads process.env synchronously; nothing else runs before it is put back.
    process.env = { ...env };
    let fresh;
    try {
        fresh = new Context();
    }
    finally {
        process.env = saved;
    }
    return runContextFrom(fresh, env);
}


/***/ }),

/***/ 1626:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  I8: () => (/* reexport */ workflow_commands_namespaceObject),
  Ko: () => (/* binding */ readInputs),
  Cs: () => (/* binding */ runAction),
  n0: () => (/* binding */ setOutputs),
  Sy: () => (/* binding */ writeSummary)
});

// UNUSED EXPORTS: cancellationSignal

// NAMESPACE OBJECT: ./build/actions/workflow-commands.js
var workflow_commands_namespaceObject = {};
__nccwpck_require__.r(workflow_commands_namespaceObject);
__nccwpck_require__.d(workflow_commands_namespaceObject, {
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  getInput: () => (getInput),
  getState: () => (getState),
  group: () => (group),
  info: () => (info),
  notice: () => (notice),
  saveState: () => (saveState),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary),
  warning: () => (warning)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./build/actions/workflow-commands.js
/**
 * The runner's workflow commands and environment files, as @actions/core
 * issues them, without @actions/core's entry module.
 *
 * core.js imports its OIDC client when it loads, and with it an HTTP client
 * (undici: about 1 MB of every bundle, compiled and run at every step's start)
 * that none of these actions asks for: their OIDC tokens and uploads go through
 * @actions/attest, @actions/cache and @actions/artifact, loaded only when a
 * step uses them. Leaving it out starts every step ~60 ms sooner (with
 * run-context.ts's Context, 0.23 → 0.16 s from launch to the first input read).
 *
 * The commands themselves are core's own: its command, file-command, utils
 * and summary modules, reached by path because the package exports only its
 * entry. Each function below is the wrapper core.js puts around them, with
 * the same names and behaviour, for the calls the actions make. An upgrade
 * that moves those modules fails the typecheck and the bundle, not a run.
 */





/** An input as the runner passes it (INPUT_<NAME>), whitespace trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    // Where the runner names no file: the older command, on a line of its own.
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/** State for this action's post step (it reads it back with getState). */
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Masks `secret` in every later line of the job's log. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message);
}
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message);
}
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message);
}
function startGroup(title) {
    issue('group', title);
}
function endGroup() {
    issue('endgroup');
}
/** Runs `fn` inside a collapsible group of the log. */
async function group(title, fn) {
    startGroup(title);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}

// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __nccwpck_require__(2005);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
// EXTERNAL MODULE: ./build/shared/tools.js
var tools = __nccwpck_require__(9303);
;// CONCATENATED MODULE: ./build/shared/exec-stream.js
/**
 * Runs a long tool (mmdebstrap, apk, qemu-img convert) with its output
 * streamed into the step log as it comes, so a user watches progress instead
 * of minutes of silence. Failures stay ToolErrors naming the tool, its exit
 * code and the end of its output, as shared/exec.ts run() reports them.
 *
 * shared/ stays free of the runner toolkit: the action adapter plugs in a
 * ToolStreamer built on @actions/exec and @actions/core (actions/tool-streamer.ts).
 * Without one (library use, unit tests) a plain spawn runs the tool and the
 * output only feeds the error message.
 */




const quietStreamer = {
    exec: (path, args, o) => new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(path, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', o.stdout);
        child.stderr.on('data', o.stderr);
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
    }),
    info: () => { },
    startGroup: () => { },
    endGroup: () => { },
};
let streamer = (/* unused pure expression or super */ null && (quietStreamer));
/** Where streamed output goes from now on (the action adapter calls this once, at start); null: nowhere. */
function useToolStreamer(s) {
    streamer = s ?? quietStreamer;
}
/** Lines kept for the error message: the end of the output is where tools explain themselves. */
const TAIL_LINES = 40;
/**
 * Steps stream concurrently (build-variant flattens several images at once);
 * the runner's groups cannot nest or interleave, so only the first gets a
 * group and every line of a concurrent one carries its title.
 */
let streaming = 0;
/** Runs `command args…`, logging its output line by line; resolves with the tail of that output. */
async function runStreamed(command, args, options) {
    const env = options.env ?? process.env;
    const path = command.includes('/') ? command : await findTool(command, { path: env.PATH });
    if (!path)
        throw new MissingToolError(command, debianPackage(command));
    const tail = [];
    const grouped = streaming === 0;
    const prefix = grouped ? '' : `[${options.title}] `;
    const line = (raw) => {
        const text = raw.trimEnd();
        if (!text)
            return;
        tail.push(text);
        if (tail.length > TAIL_LINES)
            tail.shift();
        const shown = options.filter ? options.filter(text) : text;
        if (shown !== null)
            streamer.info(prefix + shown);
    };
    // Progress meters redraw with \r; each redraw is a line of the log.
    const splitter = () => {
        let pending = '';
        // A chunk can end inside a multi-byte character; the decoder keeps the partial bytes for the next.
        const decoder = new StringDecoder('utf8');
        return {
            data: (b) => {
                const parts = (pending + decoder.write(b)).split(/\r\n|\r|\n/);
                pending = parts.pop() ?? '';
                parts.forEach(line);
            },
            flush: () => {
                line(pending + decoder.end());
                pending = '';
            },
        };
    };
    const out = splitter();
    const err = splitter();
    streaming++;
    if (grouped)
        streamer.startGroup(options.title);
    try {
        streamer.info(`${prefix}$ ${[command, ...args].join(' ')}`);
        const code = await streamer.exec(path, [...args], {
            cwd: options.cwd,
            env: { ...stringEnv(env), PATH: pathWithSbin(env.PATH) },
            stdout: out.data,
            stderr: err.data,
        });
        out.flush();
        err.flush();
        if (code !== 0)
            throw new ToolError([command, ...args], code, tail.join('\n'), options.hint);
        return tail.join('\n');
    }
    catch (e) {
        // @actions/exec wraps a spawn failure in a plain Error; a vanished binary is still a missing tool.
        if (!(e instanceof ToolError) && /ENOENT/.test(e.message))
            throw new MissingToolError(command, debianPackage(command));
        throw e;
    }
    finally {
        if (grouped)
            streamer.endGroup();
        streaming--;
    }
}
/** A streamer takes string values only; an unset variable is left out, as spawn would. */
function stringEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./build/actions/tool-streamer.js
/**
 * The runner side of shared/exec-stream.ts: long tools start through
 * @actions/exec (argument arrays, no shell) and their lines land in the step
 * log through the workflow commands (workflow-commands.ts), inside a
 * collapsible group.
 */


const actionsToolStreamer = {
    exec: (path, args, o) => exec(path, args, {
        cwd: o.cwd,
        env: o.env,
        // shared/exec-stream.ts logs each line itself (split at progress redraws, filtered); exec's own
        // echo of the raw bytes would print everything twice.
        silent: true,
        // A failure becomes a ToolError with the tool's own output, not exec's "failed with exit code".
        ignoreReturnCode: true,
        listeners: { stdout: o.stdout, stderr: o.stderr },
    }),
    info: (line) => info(line),
    startGroup: (title) => startGroup(title),
    endGroup: () => endGroup(),
};

;// CONCATENATED MODULE: ./build/actions/runner.js
/**
 * The one place the actions meet the runner: typed input reading, outputs,
 * failures. Each actions/<name>/main.ts is `runAction(async () => …)` around a
 * call into shared/.
 */




/**
 * Reads every input of an action. `names` must list exactly the keys of the
 * generated Inputs interface (the `satisfies` at the call site enforces it).
 */
function readInputs(names) {
    const out = {};
    for (const name of Object.keys(names))
        out[name] = getInput(name);
    return out;
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value !== undefined)
            setOutput(name, value);
    }
}
/** Runs an action body; any error fails the step with its message and a non-zero exit. */
async function runAction(body) {
    // Long tools (mmdebstrap, apk, qemu-img convert) stream their output into the step log.
    useToolStreamer(actionsToolStreamer);
    try {
        await body();
    }
    catch (e) {
        const err = e;
        if (process.env.RUNNER_DEBUG === '1' && err.stack)
            debug(err.stack);
        // One annotation per failure; a rejected input says so in its title.
        error(err.message, { title: err instanceof errors/* InputError */.dz ? 'Invalid input' : `${err.name}` });
        process.exitCode = 1;
    }
}
/** Writes a job summary when the runner provides one (GITHUB_STEP_SUMMARY); a no-op elsewhere. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary.addRaw(markdown, true).write();
}

/** An AbortSignal that fires when the job is cancelled (the runner sends SIGINT, then SIGTERM). */
function cancellationSignal(action) {
    const cancel = new AbortController();
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.once(signal, () => {
            core.warning(`${action}: ${signal} received, stopping QEMU`);
            cancel.abort();
        });
    }
    return cancel.signal;
}


/***/ }),

/***/ 3350:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ checkActionTools)
/* harmony export */ });
/* unused harmony exports DISK_TOOLS, IMAGE_READ_TOOLS, SEED_TOOLS, qemuSystem, ACTION_TOOLS */
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9303);
/**
 * The external tools each action needs, from its validated options: each
 * action's main checks them all (shared/tools.ts checkTools) before any work,
 * so a runner missing three packages fails once, naming all three, instead of
 * minutes into a build. docs/tools.md lists the same table for users.
 */

/** Making a disk: ext4 written and checked, the GPT, the ESP, the qcow2 conversion. */
const DISK_TOOLS = [
    'mkfs.ext4',
    'mke2fs',
    'debugfs',
    'e2fsck',
    'sfdisk',
    'mkfs.vfat',
    'mmd',
    'mcopy',
    'qemu-img',
];
/** Reading an image's filesystems (secret scan, installed-package SBOMs). */
const IMAGE_READ_TOOLS = ['qemu-img', 'sfdisk', 'dumpe2fs', 'debugfs', 'e2fsck', 'mdir', 'mcopy'];
/** A NoCloud seed disk (cloud-init user-data for provisioning and boot checks). */
const SEED_TOOLS = ['mkfs.vfat', 'mcopy'];
function qemuSystem(arch) {
    return `qemu-system-${arch}`;
}
/** Action name → the tools it runs for these options. */
const ACTION_TOOLS = {
    'build-base': (o) => [
        ...DISK_TOOLS,
        ...(o.distro === 'debian' || o.distro === 'ubuntu' ? ['mmdebstrap'] : []),
        // apk runs in a script: tar unpacks the minirootfs and packs the result, unshare maps root for a non-root runner.
        ...(o.distro === 'alpine' && o.packages.length
            ? ['tar', ...(process.getuid?.() === 0 ? [] : ['unshare'])]
            : []),
        ...(o.rootfs && /\.(xz|txz)$/.test(o.rootfs) ? ['xz'] : []),
    ],
    'build-variant': (o) => ['qemu-img', qemuSystem(o.arch), ...SEED_TOOLS],
    'boot-verify': (o) => [
        'qemu-img',
        qemuSystem(o.arch),
        ...(o.checks.length ? SEED_TOOLS : []),
    ],
    // Signing reads every image of the trees (secret gate, SBOMs); verifying only hashes files.
    attest: (o) => (o.command === 'attest' ? IMAGE_READ_TOOLS : []),
    // cargo (only for a workspace directory) comes from a Rust toolchain more often than from Debian:
    // shared/deps/load.ts checks it before anything is written, with the message that says so.
    'analyze-deps': () => [],
    'tag-snapshot': (o) => (o.gitTag === 'git' ? ['git'] : []),
    'prune-packages': () => [],
};
/** Checks every tool `action` needs for `options`; throws one error listing all the missing ones. */
async function checkActionTools(action, options) {
    const needs = ACTION_TOOLS[action](options);
    await (0,_tools_js__WEBPACK_IMPORTED_MODULE_0__/* .checkTools */ .Gd)(action, needs);
}


/***/ }),

/***/ 55:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ EMPTY_ALLOW_LIST),
  j: () => (/* binding */ parseAllowList)
});

// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __nccwpck_require__(2005);
// EXTERNAL MODULE: ./build/shared/deps/findings.js
var findings = __nccwpck_require__(9585);
;// CONCATENATED MODULE: ./build/shared/deps/glob.js
/**
 * `*`-only glob matching in linear-ish time, for the allow-list. Translating
 * a pattern to a regular expression (`a*b*c` → /^a.*b.*c$/) gives a
 * backtracking matcher whose time grows with the text length to the power of
 * the number of stars: `*a*a*a*a*a*a*a*a*a*a*a*b` against forty `a`s runs for
 * minutes. A pattern is its literal pieces between stars instead: the first
 * must start the text, the last must end it, and each one between is found
 * left to right at its earliest place — the earliest place leaves the most
 * text for the pieces after it, so no choice is ever revisited. The cost is a
 * few substring searches: O(text × pattern) at worst, never exponential.
 */
function compileGlob(pattern) {
    const pieces = pattern.split('*');
    if (pieces.length === 1)
        return { pattern, matches: (text) => text === pattern };
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    const middle = pieces.slice(1, -1).filter((p) => p !== '');
    const fixed = first.length + last.length;
    return {
        pattern,
        matches(text) {
            if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last))
                return false;
            // The middle pieces must fit between the prefix and the suffix, without overlapping them.
            const end = text.length - last.length;
            let at = first.length;
            for (const piece of middle) {
                const found = text.indexOf(piece, at);
                if (found === -1 || found + piece.length > end)
                    return false;
                at = found + piece.length;
            }
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./build/shared/deps/allow-list.js
/**
 * The maintainer's allow-list: finding ids (`<kind>:<subject>`) they have
 * reviewed and accepted. `*` matches any run of characters, so
 * `duplicate:windows-*` or `dev-cycle:*` accept a family at once. Allowed
 * findings stay in the report but add nothing to the risk score. Patterns are
 * matched by glob.ts without backtracking, whatever their number of stars.
 */



function parseAllowList(inputName, lines) {
    const patterns = lines.map((line) => {
        const colon = line.indexOf(':');
        const kind = line.slice(0, colon);
        if (colon < 1 || !findings/* FINDING_KINDS */.mH.includes(kind) || colon === line.length - 1) {
            throw new errors/* InputError */.dz(inputName, `'${line}' is not a finding id`, `one '<kind>:<subject>' per line, kind one of ${findings/* FINDING_KINDS */.mH.join(' | ')}, '*' as wildcard`);
        }
        return compileGlob(line);
    });
    return { entries: lines, matches: (id) => patterns.some((p) => p.matches(id)) };
}
const EMPTY_ALLOW_LIST = { entries: [], matches: () => false };


/***/ }),

/***/ 9585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ byId),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   mH: () => (/* binding */ FINDING_KINDS)
/* harmony export */ });
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
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}


/***/ }),

/***/ 1459:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sm: () => (/* binding */ MAX_SOURCE_FILE_BYTES),
  m7: () => (/* binding */ SOURCE_TYPES),
  fq: () => (/* binding */ detectSourceType),
  f6: () => (/* binding */ loadGraph),
  uj: () => (/* binding */ readSourceFile)
});

// UNUSED EXPORTS: runCargoMetadata

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __nccwpck_require__(2005);
// EXTERNAL MODULE: ./build/shared/exec.js
var exec = __nccwpck_require__(7239);
// EXTERNAL MODULE: ./build/shared/regular-file.js
var regular_file = __nccwpck_require__(3019);
// EXTERNAL MODULE: ./build/shared/deps/model.js
var model = __nccwpck_require__(1314);
// EXTERNAL MODULE: ./build/shared/deps/sources.js
var deps_sources = __nccwpck_require__(8985);
;// CONCATENATED MODULE: ./build/shared/deps/cargo-lock-canonical.js
/** The keys Cargo writes in a [[package]] table; any other sends the file to the general parser. */
const PACKAGE_KEYS = ['name', 'version', 'source', 'checksum', 'dependencies'];
const QUOTE = 0x22;
/**
 * The text between the quotes of `"…"` at [start, end) of `text`; null if not exactly one string
 * without another quote inside (backslashes are ruled out for the whole text up front): then the
 * general parser reads the same characters.
 */
function plainString(text, start, end) {
    if (end - start < 2 || text.charCodeAt(start) !== QUOTE || text.indexOf('"', start + 1) !== end - 1)
        return null;
    return text.slice(start + 1, end - 1);
}
/** The key of a `key = ` line at `pos` among those Cargo writes in a [[package]], without slicing it out. */
function packageKey(text, pos) {
    for (const key of PACKAGE_KEYS)
        if (text.startsWith(key, pos) && text.startsWith(' = ', pos + key.length))
            return key;
    return null;
}
/** The table parseTomlSubset gives for `text` when it is in Cargo's own form, else null. */
function readCanonicalCargoLock(text) {
    // No escapes and no CR (CRLF) anywhere: every string is the characters between its quotes.
    if (text.includes('\r') || text.includes('\\'))
        return null;
    const root = {};
    const packages = [];
    let table = null; // the current [[package]], null at top level
    let deps = null; // the open `dependencies = [` array
    const n = text.length;
    for (let pos = 0; pos < n;) {
        let end = text.indexOf('\n', pos);
        if (end === -1)
            end = n;
        const first = text.charCodeAt(pos);
        if (deps !== null) {
            // Inside the array: ` "item",` lines, then `]` alone.
            if (first === 0x5d /* ] */ && end === pos + 1)
                deps = null;
            else {
                if (first !== 0x20 || text.charCodeAt(end - 1) !== 0x2c /* , */)
                    return null;
                const item = plainString(text, pos + 1, end - 1);
                if (item === null)
                    return null;
                deps.push(item);
            }
        }
        else if (end === pos || first === 0x23 /* # */) {
            // A blank line, or a comment line (the general parser skips both the same way).
        }
        else if (first === 0x5b /* [ */) {
            if (end - pos !== 11 || !text.startsWith('[[package]]', pos))
                return null;
            packages.push((table = {}));
        }
        else {
            if (table === null) {
                // Top level: the format version only, once.
                if (end - pos !== 11 || !text.startsWith('version = ', pos) || 'version' in root)
                    return null;
                const digit = text.charCodeAt(pos + 10) - 0x30;
                if (digit !== 3 && digit !== 4)
                    return null;
                root.version = digit;
            }
            else {
                const key = packageKey(text, pos);
                if (key === null || key in table)
                    return null;
                const valueStart = pos + key.length + 3;
                if (key === 'dependencies') {
                    if (end - valueStart !== 1 || text.charCodeAt(valueStart) !== 0x5b)
                        return null;
                    table.dependencies = deps = [];
                }
                else {
                    const value = plainString(text, valueStart, end);
                    if (value === null)
                        return null;
                    table[key] = value;
                }
            }
        }
        pos = end + 1;
    }
    // A file ending inside an array is truncated: the general parser says so.
    if (deps !== null)
        return null;
    if (packages.length > 0)
        root.package = packages;
    return root;
}

;// CONCATENATED MODULE: ./build/shared/deps/toml-subset.js
/**
 * A strict parser for the subset of TOML that Cargo writes into Cargo.lock.
 *
 * Why by hand: no TOML library is a dependency of this project, and Cargo.lock
 * is machine-written with a tiny grammar — comments, `[table]` and
 * `[[array-of-tables]]` headers (dotted names), and `key = value` lines whose
 * values are strings, integers, booleans or (possibly multi-line) arrays of
 * those. Anything outside that subset is rejected with the file and line, so
 * a hand-edited or truncated lockfile is reported, never half-read.
 */

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
/**
 * Reads by character code, and counts lines only when a message needs one
 * (every newline is consumed through `next`/`skipBlank`/`endLine`, so the
 * line is the newlines before `pos`, plus one).
 */
class Cursor {
    text;
    pos = 0;
    file;
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    get line() {
        return lineAt(this.text, this.pos);
    }
    fail(problem, at = this.pos) {
        throw new errors/* DataError */.fL(`${this.file}:${lineAt(this.text, at)}: ${problem}`);
    }
    /** The character code at the cursor; NaN at the end. */
    code() {
        return this.text.charCodeAt(this.pos);
    }
    peek() {
        return this.text[this.pos] ?? '';
    }
    atEnd() {
        return this.pos >= this.text.length;
    }
    next() {
        return this.text[this.pos++] ?? '';
    }
    /** Skips spaces and tabs (not newlines). */
    skipInline() {
        for (let c = this.code(); c === SPACE || c === TAB; c = this.code())
            this.pos++;
    }
    skipComment() {
        if (this.code() !== HASH)
            return;
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.text.length : end;
    }
    /** Ends a line: optional spaces and comment, then a newline or the end of the file. */
    endLine() {
        this.skipInline();
        this.skipComment();
        if (this.code() === CR)
            this.pos++;
        if (this.atEnd())
            return;
        if (this.code() !== LF)
            this.fail(`unexpected '${this.peek()}' after the value`);
        this.pos++;
    }
    /** Skips whitespace, newlines and comments (inside arrays and between statements). */
    skipBlank() {
        for (;;) {
            const c = this.code();
            if (c === SPACE || c === TAB || c === CR || c === LF)
                this.pos++;
            else if (c === HASH)
                this.skipComment();
            else
                return;
        }
    }
}
function lineAt(text, pos) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** [A-Za-z0-9_-] */
function isBareKeyChar(c) {
    return ((c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x5f ||
        c === 0x2d);
}
function parseKey(cur) {
    const c = cur.peek();
    if (c === '"' || c === "'")
        return parseString(cur);
    const start = cur.pos;
    while (isBareKeyChar(cur.code()))
        cur.pos++;
    if (cur.pos === start)
        cur.fail(c ? `expected a key, found '${c}'` : 'expected a key, found the end of the file');
    return cur.text.slice(start, cur.pos);
}
function parseDottedKey(cur) {
    const parts = [parseKey(cur)];
    cur.skipInline();
    while (cur.peek() === '.') {
        cur.next();
        cur.skipInline();
        parts.push(parseKey(cur));
        cur.skipInline();
    }
    return parts;
}
const ESCAPES = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
function parseString(cur) {
    const quote = cur.next();
    // Fast path: Cargo's strings rarely hold escapes, so take the whole run at once.
    const end = cur.text.indexOf(quote, cur.pos);
    if (end !== -1) {
        const run = cur.text.slice(cur.pos, end);
        if (!run.includes('\n') && (quote === "'" || !run.includes('\\'))) {
            cur.pos = end + 1;
            return run;
        }
    }
    let out = '';
    for (;;) {
        if (cur.atEnd() || cur.peek() === '\n')
            cur.fail('unterminated string');
        const c = cur.next();
        if (c === quote)
            return out;
        if (c === '\\' && quote === '"') {
            const e = cur.next();
            if (e === 'u' || e === 'U') {
                const hex = cur.text.slice(cur.pos, cur.pos + (e === 'u' ? 4 : 8));
                if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== (e === 'u' ? 4 : 8))
                    cur.fail('bad unicode escape');
                cur.pos += hex.length;
                out += String.fromCodePoint(parseInt(hex, 16));
            }
            else if (ESCAPES[e] !== undefined)
                out += ESCAPES[e];
            else
                cur.fail(`unknown escape '\\${e}' in a string`);
        }
        else
            out += c;
    }
}
function parseValue(cur) {
    const c = cur.peek();
    if (c === '"' || c === "'") {
        if (cur.text[cur.pos + 1] === c && cur.text[cur.pos + 2] === c)
            cur.fail('multi-line strings are not used in Cargo.lock');
        return parseString(cur);
    }
    if (c === '[') {
        cur.next();
        const items = [];
        for (;;) {
            cur.skipBlank();
            if (cur.atEnd())
                cur.fail('unterminated array (the file ends inside it: truncated?)');
            if (cur.peek() === ']') {
                cur.next();
                return items;
            }
            items.push(parseValue(cur));
            cur.skipBlank();
            if (cur.peek() === ',')
                cur.next();
            else if (cur.peek() !== ']')
                cur.fail(`expected ',' or ']' in an array, found '${cur.peek() || 'end'}'`);
        }
    }
    const word = /^[A-Za-z0-9_+.-]+/.exec(cur.text.slice(cur.pos, cur.pos + 64))?.[0] ?? '';
    cur.pos += word.length;
    if (word === 'true')
        return true;
    if (word === 'false')
        return false;
    if (/^[+-]?\d+$/.test(word))
        return Number(word);
    return cur.fail(word ? `unsupported value '${word}'` : `expected a value, found '${c || 'end of file'}'`);
}
function descend(cur, root, path, forArray) {
    let table = root;
    path.forEach((part, i) => {
        const last = i === path.length - 1;
        let next = table[part];
        if (last && forArray) {
            if (next === undefined)
                table[part] = next = [];
            if (!Array.isArray(next))
                cur.fail(`'${path.join('.')}' is not an array of tables`);
            const fresh = {};
            next.push(fresh);
            table = fresh;
            return;
        }
        if (next === undefined)
            table[part] = next = {};
        if (Array.isArray(next))
            next = next[next.length - 1];
        if (typeof next !== 'object' || next === null || Array.isArray(next))
            cur.fail(`'${path.slice(0, i + 1).join('.')}' is not a table`);
        table = next;
    });
    return table;
}
/** Parses the Cargo.lock TOML subset; throws DataError naming `file` and the line. */
function parseTomlSubset(text, file) {
    const cur = new Cursor(text, file);
    const root = {};
    let current = root;
    for (;;) {
        cur.skipBlank();
        if (cur.atEnd())
            return root;
        if (cur.peek() === '[') {
            cur.next();
            const isArray = cur.peek() === '[';
            if (isArray)
                cur.next();
            cur.skipInline();
            const path = parseDottedKey(cur);
            for (let i = isArray ? 2 : 1; i > 0; i--) {
                if (cur.peek() !== ']')
                    cur.fail('malformed table header');
                cur.next();
            }
            current = descend(cur, root, path, isArray);
            cur.endLine();
            continue;
        }
        const path = parseDottedKey(cur);
        if (cur.peek() !== '=')
            cur.fail(`expected '=' after key '${path.join('.')}'`);
        cur.next();
        cur.skipInline();
        const start = cur.pos;
        const value = parseValue(cur);
        const target = path.length > 1 ? descend(cur, current, path.slice(0, -1), false) : current;
        const key = path[path.length - 1];
        if (key in target)
            cur.fail(`duplicate key '${path.join('.')}'`, start);
        target[key] = value;
        cur.endLine();
    }
}

// EXTERNAL MODULE: ./build/shared/deps/multimap.js
var multimap = __nccwpck_require__(4606);
;// CONCATENATED MODULE: ./build/shared/deps/cargo-lock.js
/**
 * Cargo.lock (format versions 3 and 4) → DepGraph.
 *
 * A lockfile records neither edge kinds (dev-dependencies are listed like
 * normal ones) nor where path packages live, so: edges are `unknown`, and every
 * package without a `source` is treated as a workspace member.
 */






const SUPPORTED_CARGO_LOCK_VERSIONS = [3, 4];
/** Where a message points: built only for a message (a string per package is measurable on 100,000). */
const entry = (file, index) => `${file}: [[package]] #${index + 1}`;
function stringField(file, index, t, key, required) {
    const v = t[key];
    if (v === undefined && !required)
        return undefined;
    if (typeof v !== 'string' || v === '')
        throw new errors/* DataError */.fL(`${entry(file, index)}: '${key}' must be a non-empty string`);
    return v;
}
function readLockPackage(file, raw, index) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new errors/* DataError */.fL(`${entry(file, index)} is not a table`);
    const t = raw;
    const deps = t.dependencies ?? [];
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string'))
        throw new errors/* DataError */.fL(`${entry(file, index)}: 'dependencies' must be an array of strings`);
    return {
        name: stringField(file, index, t, 'name', true),
        version: stringField(file, index, t, 'version', true),
        source: stringField(file, index, t, 'source', false),
        checksum: stringField(file, index, t, 'checksum', false),
        dependencies: deps,
    };
}
function parseCargoLock(text, file) {
    // Cargo's own output takes the line reader; anything else (and every error) the general parser.
    const doc = readCanonicalCargoLock(text) ?? parseTomlSubset(text, file);
    const version = doc.version;
    if (version === undefined)
        throw new errors/* DataError */.fL(`${file}: no 'version' key: this is a Cargo.lock of format 1 or 2 (accepted: ${SUPPORTED_CARGO_LOCK_VERSIONS.join(', ')}; regenerate it with cargo 1.53 or newer)`);
    if (typeof version !== 'number' || !SUPPORTED_CARGO_LOCK_VERSIONS.includes(version))
        throw new errors/* DataError */.fL(`${file}: unsupported Cargo.lock version ${JSON.stringify(version)} (accepted: ${SUPPORTED_CARGO_LOCK_VERSIONS.join(', ')})`);
    const rawPackages = doc.package;
    if (!Array.isArray(rawPackages) || rawPackages.length === 0)
        throw new errors/* DataError */.fL(`${file}: no [[package]] entries (empty or truncated lockfile?)`);
    const lockPackages = rawPackages.map((p, i) => readLockPackage(file, p, i));
    const builder = new model/* GraphBuilder */.Q();
    const byName = new Map();
    const inOrder = [];
    // A lockfile names a handful of sources for thousands of packages: each is parsed once (and never mutated).
    const sources = new Map();
    for (const lp of lockPackages) {
        let source;
        if (lp.source === undefined)
            source = { kind: 'path', path: null, outsideWorkspace: null };
        else if ((source = sources.get(lp.source)) === undefined)
            sources.set(lp.source, (source = (0,deps_sources/* parseCargoSource */.Hv)(lp.source)));
        if (!source)
            throw new errors/* DataError */.fL(`${file}: package ${lp.name} ${lp.version} has an unknown source '${lp.source}'`);
        const pkg = {
            id: (0,model/* packageId */.sG)(lp.name, lp.version, source),
            name: lp.name,
            version: lp.version,
            source,
            workspaceMember: lp.source === undefined,
            repository: null,
            license: null,
            checksum: lp.checksum ?? null,
        };
        if (builder.packages.has(pkg.id))
            throw new errors/* DataError */.fL(`${file}: package ${pkg.id} is listed twice`);
        builder.addPackage(pkg);
        inOrder.push(pkg);
        (0,multimap/* pushTo */.I)(byName, lp.name, pkg);
    }
    // A package's edges all come from its own list (a package is listed once), so a repeated reference
    // is found within that short list: the builder's edge map (a map per package) is not needed.
    const edges = [];
    const targets = [];
    lockPackages.forEach((lp, i) => {
        const from = inOrder[i];
        targets.length = 0;
        for (const ref of lp.dependencies) {
            const to = resolveReference(file, from, ref, byName);
            if (targets.includes(to))
                continue;
            targets.push(to);
            edges.push({ from: from.id, to, kind: 'unknown' });
        }
    });
    const graph = builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file, edgeKindsKnown: false });
    graph.edges = edges;
    return graph;
}
/** Whether a reference's `(source)` names the package's source (git: same repository and commit). */
function sameSource(pkg, source) {
    const parsed = (0,deps_sources/* parseCargoSource */.Hv)(source);
    if (!parsed)
        return false;
    return (0,model/* packageId */.sG)(pkg.name, pkg.version, parsed) === pkg.id;
}
/** `name` or `name version`: no source, no other whitespace (test() allocates nothing, exec() would). */
const SIMPLE_REFERENCE = /^[^\s()]+(?: [^\s()]+)?$/;
/** A dependency reference is `name`, `name version` or `name version (source)`: the shortest unique form. */
function resolveReference(file, from, ref, byName) {
    // The common forms, `name` and `name version`, one package of that name: no captures, no filtering.
    if (SIMPLE_REFERENCE.test(ref)) {
        const space = ref.indexOf(' ');
        const candidates = byName.get(space === -1 ? ref : ref.slice(0, space));
        if (candidates?.length === 1 && (space === -1 || candidates[0].version === ref.slice(space + 1)))
            return candidates[0].id;
    }
    const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(ref);
    const candidates = m ? (byName.get(m[1]) ?? []) : [];
    // The common case, a bare name with one package of that name: nothing to filter.
    if (m && m[2] === undefined && m[3] === undefined && candidates.length === 1)
        return candidates[0].id;
    let matches = candidates.filter((p) => (m?.[2] === undefined || p.version === m[2]) && (m?.[3] === undefined || sameSource(p, m[3])));
    // Cargo omits the source of path packages, so an unqualified reference that
    // still matches several packages means the path one (e.g. cargo's own
    // workspace has cargo-platform both as a member and from crates.io) — when
    // exactly one of them is a path package; otherwise the reference is ambiguous.
    if (matches.length > 1 && m?.[3] === undefined) {
        const paths = matches.filter((p) => p.source.kind === 'path');
        if (paths.length === 1)
            matches = paths;
    }
    if (matches.length === 0)
        throw new errors/* DataError */.fL(`${file}: dependency '${ref}' of ${from.name} ${from.version} is not a package of the lockfile` +
            (candidates.length > 0
                ? ` (it has ${candidates.map((p) => `${p.name} ${p.version}`).join(', ')})`
                : ''));
    if (matches.length > 1)
        throw new errors/* DataError */.fL(`${file}: dependency '${ref}' of ${from.name} ${from.version} is ambiguous: it matches ${matches.length} packages ` +
            `(${matches.map((p) => p.id).join(', ')}); cargo names the version (and source) of a package whose name has several`);
    return matches[0].id;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __nccwpck_require__(2857);
;// CONCATENATED MODULE: ./build/shared/deps/cargo-metadata.js
/**
 * `cargo metadata --format-version 1` JSON → DepGraph. The schema below is
 * the part of cargo's documented output this action reads; anything else in
 * the document is ignored, anything missing is a DataError naming the file.
 */





const depKindSchema = schemas/* enum */.k5n(['dev', 'build']).nullable();
const cargoMetadataSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1, { message: 'format version must be 1 (run cargo metadata --format-version 1)' }),
    workspace_root: schemas/* string */.YjP(),
    workspace_members: schemas/* array */.YOg(schemas/* string */.YjP()),
    packages: schemas/* array */.YOg(schemas/* object */.Ikc({
        name: schemas/* string */.YjP().min(1),
        version: schemas/* string */.YjP().min(1),
        id: schemas/* string */.YjP().min(1),
        source: schemas/* string */.YjP().nullable(),
        license: schemas/* string */.YjP().nullable().optional(),
        repository: schemas/* string */.YjP().nullable().optional(),
        manifest_path: schemas/* string */.YjP(),
        dependencies: schemas/* array */.YOg(schemas/* object */.Ikc({
            name: schemas/* string */.YjP(),
            source: schemas/* string */.YjP().nullable().optional(),
            req: schemas/* string */.YjP(),
            kind: depKindSchema.optional(),
            path: schemas/* string */.YjP().optional(),
        })),
    })),
    resolve: schemas/* object */.Ikc({
        root: schemas/* string */.YjP().nullable().optional(),
        nodes: schemas/* array */.YOg(schemas/* object */.Ikc({
            id: schemas/* string */.YjP(),
            dependencies: schemas/* array */.YOg(schemas/* string */.YjP()),
            deps: schemas/* array */.YOg(schemas/* object */.Ikc({
                pkg: schemas/* string */.YjP(),
                dep_kinds: schemas/* array */.YOg(schemas/* object */.Ikc({ kind: depKindSchema })).optional(),
            }))
                .optional(),
        })),
    })
        .nullable(),
});
/** Parses and validates the JSON text; errors name the file and the first schema problem. */
function readCargoMetadata(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* DataError */.fL(`${file}: not valid JSON (truncated?): ${e.message}`);
    }
    const parsed = cargoMetadataSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors/* DataError */.fL(`${file}: not cargo metadata format 1: ${issue.path.join('.') || '(document)'}: ${issue.message}`);
    }
    return parsed.data;
}
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
function parseCargoMetadata(text, file) {
    const meta = readCargoMetadata(text, file);
    if (!meta.resolve)
        throw new errors/* DataError */.fL(`${file}: 'resolve' is null: the metadata was produced with --no-deps; run without it`);
    const members = new Set(meta.workspace_members);
    const builder = new model/* GraphBuilder */.Q();
    const idOf = new Map();
    for (const p of meta.packages) {
        let source;
        if (p.source === null) {
            const dir = (0,external_node_path_.dirname)(p.manifest_path);
            // Relative to the workspace root, so the canonical form is the same on every machine.
            const rel = (0,external_node_path_.relative)(meta.workspace_root, dir).split(external_node_path_.sep).join('/') || '.';
            source = { kind: 'path', path: rel, outsideWorkspace: !isInside(meta.workspace_root, dir) };
        }
        else
            source = (0,deps_sources/* parseCargoSource */.Hv)(p.source);
        if (!source)
            throw new errors/* DataError */.fL(`${file}: package ${p.name} ${p.version} has an unknown source '${p.source}'`);
        const pkg = {
            id: (0,model/* packageId */.sG)(p.name, p.version, source),
            name: p.name,
            version: p.version,
            source,
            workspaceMember: members.has(p.id),
            repository: p.repository ?? null,
            license: p.license ?? null,
            checksum: null,
        };
        idOf.set(p.id, pkg.id);
        builder.addPackage(pkg);
        for (const d of p.dependencies) {
            builder.declarations.push({ from: pkg.id, name: d.name, requirement: d.req, kind: d.kind ?? 'normal' });
        }
    }
    for (const m of members) {
        if (!idOf.has(m))
            throw new errors/* DataError */.fL(`${file}: workspace member '${m}' is not in 'packages'`);
    }
    const lookup = (id, context) => {
        const canonical = idOf.get(id);
        if (!canonical)
            throw new errors/* DataError */.fL(`${file}: ${context} refers to '${id}', which is not in 'packages'`);
        return canonical;
    };
    for (const node of meta.resolve.nodes) {
        const from = lookup(node.id, 'a resolve node');
        if (node.deps) {
            for (const dep of node.deps) {
                const to = lookup(dep.pkg, `a dependency of ${from}`);
                const kinds = dep.dep_kinds?.length
                    ? dep.dep_kinds.map((k) => k.kind ?? 'normal')
                    : ['unknown'];
                for (const kind of new Set(kinds))
                    builder.addEdge({ from, to, kind });
            }
        }
        else {
            // cargo before 1.41 wrote only `dependencies` (no kinds).
            for (const dep of node.dependencies)
                builder.addEdge({ from, to: lookup(dep, `a dependency of ${from}`), kind: 'unknown' });
        }
    }
    const edgeKindsKnown = meta.resolve.nodes.every((n) => n.deps !== undefined);
    return builder.build({ ecosystem: 'cargo', origin: 'cargo-metadata', file, edgeKindsKnown });
}

;// CONCATENATED MODULE: ./build/shared/deps/npm-lock.js
/**
 * npm package-lock.json (lockfileVersion 2 and 3) → DepGraph.
 *
 * The `packages` map is keyed by install path (`node_modules/a/node_modules/b`);
 * a dependency is found the way Node finds it at run time: the nearest
 * `node_modules/<name>` walking up from the dependent's folder. Copies of the
 * same name@version at several paths are one package in the graph.
 *
 * Keys are paths, and a hand-edited lockfile can make them point anywhere:
 * `node_modules/../../evil`, `../../x` that no link points at, a dependency
 * named `../x`. npm never writes these; they are left out of the graph (and
 * so out of the SBOM) and recorded as path escapes, which analysis reports.
 */





const SUPPORTED_NPM_LOCK_VERSIONS = [2, 3];
const specMap = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional();
const entrySchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().optional(),
    version: schemas/* string */.YjP().optional(),
    resolved: schemas/* string */.YjP().optional(),
    integrity: schemas/* string */.YjP().optional(),
    license: schemas/* unknown */.L5J().optional(),
    link: schemas/* boolean */.zMY().optional(),
    dependencies: specMap,
    optionalDependencies: specMap,
    peerDependencies: specMap,
    devDependencies: specMap,
});
const lockSchema = schemas/* object */.Ikc({
    lockfileVersion: schemas/* number */.aig(),
    packages: schemas/* record */.g1P(schemas/* string */.YjP(), entrySchema),
});
const KIND_OF_FIELD = [
    ['dependencies', 'normal'],
    ['optionalDependencies', 'optional'],
    ['peerDependencies', 'peer'],
    ['devDependencies', 'dev'],
];
function nameFromPath(path) {
    const at = path.lastIndexOf('node_modules/');
    return at === -1 ? path.split('/').pop() || 'root' : path.slice(at + 'node_modules/'.length);
}
/** `name` or `@scope/name`, without `.`/`..`/empty parts: a dependency name that stays one folder. */
function isPackageName(name) {
    const parts = name.split('/');
    if (parts.length > 2 || (parts.length === 2 && !parts[0].startsWith('@')))
        return false;
    return parts.every((p) => p !== '' && p !== '.' && p !== '..' && p !== '@');
}
/** Whether a folder path leaves the project's directory (absolute, or `..` after normalising). */
function leavesProject(path) {
    const normal = external_node_path_.posix.normalize(path);
    return external_node_path_.posix.isAbsolute(path) || normal === '..' || normal.startsWith('../');
}
/**
 * Why a key of `packages` is not a place npm installs to, or null. Install
 * paths (with a node_modules part) must be plain: no `..`, `.` or empty parts,
 * ending in node_modules/<package name>. Folders outside the project appear
 * only as the target of a `link` entry (a `file:../x` dependency).
 */
function keyEscape(key, linkTargets) {
    if (key === '')
        return null;
    const parts = key.split('/');
    if (parts.includes('node_modules')) {
        if (external_node_path_.posix.isAbsolute(key) || parts.includes('..'))
            return 'climbs out of node_modules';
        if (parts.some((p) => p === '' || p === '.'))
            return "is not a plain install path (an empty or '.' part)";
        if (!isPackageName(nameFromPath(key)))
            return 'does not end in node_modules/<package name>';
        return null;
    }
    if (leavesProject(key) && !linkTargets.has(key))
        return 'is a folder outside the project that no link entry points at';
    return null;
}
function parseNpmLock(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* DataError */.fL(`${file}: not valid JSON (truncated?): ${e.message}`);
    }
    const version = json?.lockfileVersion;
    if (typeof version !== 'number' || !SUPPORTED_NPM_LOCK_VERSIONS.includes(version))
        throw new errors/* DataError */.fL(`${file}: unsupported package-lock lockfileVersion ${JSON.stringify(version)} (accepted: ${SUPPORTED_NPM_LOCK_VERSIONS.join(', ')}; npm 7 or newer writes them)`);
    const parsed = lockSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors/* DataError */.fL(`${file}: malformed package-lock: ${issue.path.join('.')}: ${issue.message}`);
    }
    const entries = parsed.data.packages;
    if (!entries[''])
        throw new errors/* DataError */.fL(`${file}: 'packages' has no root entry ("")`);
    const builder = new model/* GraphBuilder */.Q();
    const packageAt = new Map();
    const linkTargets = new Set(Object.entries(entries)
        .filter(([key, e]) => e.link && e.resolved !== undefined && keyEscape(key, new Set()) === null)
        .map(([, e]) => e.resolved));
    for (const [path, entry] of Object.entries(entries)) {
        const escape = keyEscape(path, linkTargets);
        if (escape) {
            const claimed = entry.version === undefined ? null : `${entry.name ?? nameFromPath(path)}@${entry.version}`;
            builder.pathEscapes.push({ path, reason: escape, dependent: null, claimed });
            continue;
        }
        if (entry.link)
            continue; // resolved below to the folder it points at
        const name = entry.name ?? nameFromPath(path);
        const inNodeModules = path.startsWith('node_modules/') || path.includes('/node_modules/');
        let source;
        let member = false;
        if (!inNodeModules) {
            const outside = leavesProject(path);
            source = { kind: 'path', path: path || '.', outsideWorkspace: outside };
            member = !outside;
        }
        else {
            if (entry.version === undefined)
                throw new errors/* DataError */.fL(`${file}: packages["${path}"] has no version`);
            source = (0,deps_sources/* parseNpmResolved */.pm)(entry.resolved);
        }
        const version = entry.version ?? '0.0.0';
        const pkg = {
            id: (0,model/* packageId */.sG)(name, version, source),
            name,
            version,
            source,
            workspaceMember: member,
            repository: null,
            license: typeof entry.license === 'string' ? entry.license : null,
            checksum: entry.integrity ?? null,
        };
        builder.addPackage(pkg);
        packageAt.set(path, builder.packages.get(pkg.id));
    }
    const resolvePath = (fromPath, dep) => {
        const parts = fromPath ? fromPath.split('/') : [];
        for (let i = parts.length; i >= 0; i--) {
            const prefix = parts.slice(0, i).join('/');
            const candidate = `${prefix ? prefix + '/' : ''}node_modules/${dep}`;
            const entry = entries[candidate];
            if (!entry)
                continue;
            if (entry.link)
                return entry.resolved === undefined ? undefined : packageAt.get(entry.resolved);
            return packageAt.get(candidate);
        }
        return undefined;
    };
    for (const [path, entry] of Object.entries(entries)) {
        const from = packageAt.get(path);
        if (!from)
            continue;
        for (const [field, kind] of KIND_OF_FIELD) {
            // Only the root's and workspaces' devDependencies are installed.
            if (kind === 'dev' && !from.workspaceMember)
                continue;
            for (const [dep, spec] of Object.entries(entry[field] ?? {})) {
                if (!isPackageName(dep)) {
                    // Looked up as node_modules/<dep>, such a name would reach outside node_modules.
                    builder.pathEscapes.push({
                        path: dep,
                        reason: 'is a dependency name that is not a package name and would resolve outside node_modules',
                        dependent: from.id,
                        claimed: null,
                    });
                    continue;
                }
                builder.declarations.push({ from: from.id, name: dep, requirement: spec, kind });
                const target = resolvePath(path, dep);
                if (!target) {
                    // Optional dependencies are skipped on platforms they do not support; peers are the host's to provide.
                    if (kind === 'optional' || kind === 'peer')
                        continue;
                    throw new errors/* DataError */.fL(`${file}: ${path || 'the root package'} depends on '${dep}' (${spec}), which is not in the lockfile (incomplete lockfile: run npm install)`);
                }
                builder.addEdge({ from: from.id, to: target.id, kind });
            }
        }
    }
    return builder.build({ ecosystem: 'npm', origin: 'npm-lock', file, edgeKindsKnown: true });
}

;// CONCATENATED MODULE: ./build/shared/deps/load.js
/**
 * Reads the dependency graph from what the workflow points at: a cargo
 * workspace (runs `cargo metadata`), a cargo-metadata JSON file, a Cargo.lock
 * or an npm package-lock.json.
 */








const SOURCE_TYPES = ['auto', 'cargo-workspace', 'cargo-metadata', 'cargo-lock', 'npm-lock'];
/**
 * Largest lockfile or cargo-metadata JSON read as `source`: the metadata of
 * the largest public Rust workspaces is a few tens of MiB. The text is parsed
 * in memory, so the limit also bounds what a hostile `source` can make us hold.
 */
const MAX_SOURCE_FILE_BYTES = 128 * 1024 * 1024;
/** The text of a `source` file: a regular file of at most MAX_SOURCE_FILE_BYTES, errors naming the input. */
async function readSourceFile(path) {
    return (await (0,regular_file/* readRegularFile */.XF)(path, { input: 'source', maxBytes: MAX_SOURCE_FILE_BYTES })).toString('utf8');
}
/** Decides the source type of a file from its name, then its content. */
function detectSourceType(path, isDirectory, text) {
    if (isDirectory)
        return 'cargo-workspace';
    const name = (0,external_node_path_.basename)(path);
    if (name === 'Cargo.lock' || name.endsWith('.Cargo.lock'))
        return 'cargo-lock';
    if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json')
        return 'npm-lock';
    if (text === null)
        return null;
    if (/^\s*\{/.test(text)) {
        if (/"workspace_root"\s*:/.test(text))
            return 'cargo-metadata';
        if (/"lockfileVersion"\s*:/.test(text))
            return 'npm-lock';
    }
    else if (/^\s*(#.*\n\s*)*(version\s*=|\[\[package\]\])/.test(text))
        return 'cargo-lock';
    return null;
}
/** Runs `cargo metadata` for the workspace in `dir` (honours CARGO_NET_OFFLINE for offline builders). */
async function runCargoMetadata(dir) {
    const cargo = await (0,exec/* requireTool */.Y0)('cargo').catch(() => {
        throw new Error(`cargo is not on PATH: install a Rust toolchain before this step (e.g. dtolnay/rust-toolchain or apt-get install cargo), or give a cargo-metadata JSON or Cargo.lock as 'source'`);
    });
    const r = await (0,exec/* run */.eF)(cargo, ['metadata', '--format-version', '1', '--all-features', '--manifest-path', (0,deps_sources/* cargoManifest */.YM)((0,external_node_path_.resolve)(dir))], {
        // cargo reads .cargo/config.toml from the working directory upwards, not from the manifest's.
        cwd: dir,
        hint: `cargo metadata failed for the workspace in ${dir}`,
    });
    return r.stdout;
}
async function loadGraph(path, type) {
    if (type === 'cargo-workspace') {
        const json = await runCargoMetadata(path);
        return { graph: parseCargoMetadata(json, `cargo metadata of ${path}`), cargoMetadataJson: json };
    }
    const text = await readSourceFile(path);
    if (text.trim() === '')
        throw new errors/* DataError */.fL(`${path}: the file is empty`);
    switch (type) {
        case 'cargo-metadata':
            return { graph: parseCargoMetadata(text, path), cargoMetadataJson: text };
        case 'cargo-lock':
            return { graph: parseCargoLock(text, path), cargoMetadataJson: null };
        case 'npm-lock':
            return { graph: parseNpmLock(text, path), cargoMetadataJson: null };
    }
}


/***/ }),

/***/ 1314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ GraphBuilder),
/* harmony export */   rD: () => (/* binding */ DEFAULT_CARGO_REGISTRIES),
/* harmony export */   sG: () => (/* binding */ packageId)
/* harmony export */ });
/**
 * The one dependency-graph model every parser produces and every analysis
 * reads: packages identified by a canonical id that does not depend on the
 * machine (no absolute paths) or on the input format's own id syntax.
 */
const DEFAULT_CARGO_REGISTRIES = new Set([
    'registry+https://github.com/rust-lang/crates.io-index',
    'sparse+https://index.crates.io/',
]);
/** The canonical id of a package: stable across machines and input formats. */
function packageId(name, version, source) {
    const base = `${name}@${version}`;
    switch (source.kind) {
        case 'registry':
            return source.isDefault ? base : `${base} (registry ${source.url})`;
        case 'git':
            return `${base} (git ${source.url}#${source.commit ?? source.reference.value})`;
        case 'path':
            return `${base} (path)`;
    }
}
/** Collects packages and edges, dropping exact repeats (npm installs one package at several paths). */
class GraphBuilder {
    packages = new Map();
    /** Each distinct edge once, in the order first added. */
    edges = [];
    /**
     * from → to → the kind seen (a list once there are several): finds a repeat
     * without building a key string, or a list, per edge.
     */
    seen = new Map();
    declarations = [];
    pathEscapes = [];
    addPackage(pkg) {
        const existing = this.packages.get(pkg.id);
        if (existing) {
            existing.workspaceMember ||= pkg.workspaceMember;
            return;
        }
        this.packages.set(pkg.id, pkg);
    }
    addEdge(edge) {
        let targets = this.seen.get(edge.from);
        if (!targets)
            this.seen.set(edge.from, (targets = new Map()));
        const kinds = targets.get(edge.to);
        if (kinds === undefined)
            targets.set(edge.to, edge.kind);
        else if (typeof kinds === 'string') {
            if (kinds === edge.kind)
                return;
            targets.set(edge.to, [kinds, edge.kind]);
        }
        else if (kinds.includes(edge.kind))
            return;
        else
            kinds.push(edge.kind);
        this.edges.push(edge);
    }
    build(meta) {
        return {
            ...meta,
            packages: [...this.packages.values()],
            edges: [...this.edges],
            declarations: this.declarations,
            pathEscapes: this.pathEscapes,
        };
    }
}


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ pushTo),
/* harmony export */   h: () => (/* binding */ pushIndex)
/* harmony export */ });
/** Appends to the list under `key` in place (copying the list each time would make grouping quadratic). */
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/**
 * Records index `i` under `key`: the number alone while the key has one, a list from its second. Most keys
 * of a large input are seen once, and a list for each would be mostly garbage.
 */
function pushIndex(map, key, i) {
    const seen = map.get(key);
    if (seen === undefined)
        map.set(key, i);
    else if (typeof seen === 'number')
        map.set(key, [seen, i]);
    else
        seen.push(i);
}


/***/ }),

/***/ 5356:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Rh: () => (/* binding */ MAX_BINARY_BYTES),
  Rr: () => (/* binding */ parseAnalyzeDepsInputs)
});

// UNUSED EXPORTS: DEFAULT_RISK_THRESHOLD, DIRECTORY_SOURCES, parseBinaries, parseKnownMalicious, parseRiskThreshold, parseVendorThreshold

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __nccwpck_require__(2005);
;// CONCATENATED MODULE: ./build/shared/inputs.js
/**
 * Parsers for action inputs. Each returns a typed value or throws an
 * InputError naming the input, what was wrong and what is accepted, so every
 * action validates everything before it starts any work.
 */



function parseEnum(name, raw, allowed, fallback) {
    const value = raw.trim() || fallback;
    if (value === undefined)
        throw new errors/* InputError */.dz(name, 'is required', allowed.join(' | '));
    if (!allowed.includes(value)) {
        throw new errors/* InputError */.dz(name, `unknown value '${value}'`, allowed.join(' | '));
    }
    return value;
}
const SIZE_UNITS = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };
/** "2G", "512M", "1536MiB", "1073741824" → bytes. */
function parseSize(name, raw) {
    const m = /^\s*(\d+)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(raw);
    if (!m)
        throw new InputError(name, `'${raw}' is not a size`, 'a number of bytes or a number with K, M, G or T, e.g. 2G');
    const bytes = Number(m[1]) * SIZE_UNITS[m[2].toUpperCase()];
    if (!Number.isSafeInteger(bytes) || bytes <= 0)
        throw new InputError(name, `'${raw}' is not a positive size`);
    return bytes;
}
function parsePositiveNumber(name, raw, fallback) {
    if (raw.trim() === '' && fallback !== undefined)
        return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0)
        throw new InputError(name, `'${raw}' is not a positive number`);
    return n;
}
/**
 * Node's timers hold a delay in a signed 32-bit count of milliseconds: a
 * longer one fires at once (with a warning), so "wait 30 years" would mean
 * "give up now". Every timeout input stays within this.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
/** A timeout in seconds: positive, at least a millisecond and at most MAX_TIMEOUT_SECONDS (about 24.8 days). */
function parseTimeoutSeconds(name, raw, fallback) {
    const accepted = `a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}`;
    const seconds = parsePositiveNumber(name, raw, fallback);
    if (seconds > MAX_TIMEOUT_SECONDS) {
        throw new InputError(name, `${raw.trim()} seconds is more than the maximum of ${MAX_TIMEOUT_SECONDS} seconds (about 24 days; a longer timer would fire at once)`, accepted);
    }
    if (seconds < 0.001)
        throw new InputError(name, `${raw.trim()} seconds is less than a millisecond`, accepted);
    return seconds;
}
function parseBoolean(name, raw, fallback) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new InputError(name, `'${raw}' is not a boolean`, 'true | false');
}
/**
 * A newline list; blank lines and comment lines are dropped. A `#` starts a
 * comment only at the start of a line (docker/metadata-action's rule): inside
 * a line it is data — a console pattern, a URL fragment, a shell command.
 */
function parseLines(raw) {
    return raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** Distribution package names: one per line, each a plain name with an optional version constraint. */
function parsePackageList(name, raw) {
    const lines = parseLines(raw);
    for (const line of lines) {
        // apk: name, name=1.2-r0, name>1; dpkg: name, name=1.2-1, name:arm64
        if (!/^[A-Za-z0-9][A-Za-z0-9+._:-]*(?:(?:=|>=|<=|~|>|<)[A-Za-z0-9+._:~-]+)?$/.test(line)) {
            throw new InputError(name, `'${line}' is not a package name`, 'one package per line: a name made of letters, digits and + . _ - :, optionally =version');
        }
    }
    return lines;
}
function parseRegex(name, raw) {
    try {
        return new RegExp(raw);
    }
    catch (e) {
        throw new InputError(name, `'${raw}' is not a valid regular expression: ${e.message}`);
    }
}
function parseHttpUrl(name, raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new errors/* InputError */.dz(name, `'${raw}' is not a URL`, 'http:// or https:// URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.dz(name, `unsupported URL scheme '${url.protocol}'`, 'http:// or https://');
    }
    return url;
}
function parseSha256(name, raw) {
    const v = raw
        .trim()
        .toLowerCase()
        .replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(v))
        throw new errors/* InputError */.dz(name, `'${raw}' is not a SHA-256 digest`, '64 hex digits');
    return v;
}
function isUrl(raw) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim());
}
/** Checks that a path exists, is readable and is of the expected kind. */
async function requireReadablePath(name, path, kind = 'any') {
    let st;
    try {
        st = await (0,promises_.stat)(path);
        await (0,promises_.access)(path, external_node_fs_.constants.R_OK);
    }
    catch (e) {
        const code = e.code;
        throw new errors/* InputError */.dz(name, `'${path}' cannot be read (${code === 'ENOENT' ? 'no such file or directory' : code})`);
    }
    const actual = st.isDirectory() ? 'directory' : 'file';
    if (kind !== 'any' && kind !== actual)
        throw new errors/* InputError */.dz(name, `'${path}' is a ${actual}, expected a ${kind}`);
    return actual;
}

// EXTERNAL MODULE: ./build/shared/regular-file.js
var regular_file = __nccwpck_require__(3019);
// EXTERNAL MODULE: ./build/shared/deps/allow-list.js + 1 modules
var allow_list = __nccwpck_require__(55);
// EXTERNAL MODULE: ./build/shared/deps/load.js + 5 modules
var load = __nccwpck_require__(1459);
// EXTERNAL MODULE: ./build/shared/deps/vendors.js
var vendors = __nccwpck_require__(9136);
// EXTERNAL MODULE: ./build/shared/deps/sources.js
var sources = __nccwpck_require__(8985);
;// CONCATENATED MODULE: ./build/shared/deps/options.js
/**
 * analyze-deps inputs, validated all at once before any work: each problem is
 * an InputError naming the input and what it accepts.
 */










const DEFAULT_RISK_THRESHOLD = 50;
/**
 * Largest binary hashed for `binaries`: release builds with debug info stay
 * well below it; a device or a runaway file is refused instead of hashed forever.
 */
const MAX_BINARY_BYTES = 4 * 1024 ** 3;
function parseRiskThreshold(raw) {
    const v = raw.trim();
    if (v === '')
        return DEFAULT_RISK_THRESHOLD;
    if (!/^\d+$/.test(v) || Number(v) > 100)
        throw new errors/* InputError */.dz('risk-threshold', `'${raw}' is not a score`, 'an integer from 0 to 100; the step fails when the risk score is above it');
    return Number(v);
}
function parseVendorThreshold(raw) {
    const v = raw.trim();
    if (v === '')
        return vendors/* DEFAULT_VENDOR_OPTIONS */.O_.threshold;
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(v);
    const n = percent ? Number(percent[1]) / 100 : Number(v);
    if (!/^(\d+(\.\d+)?%|0?\.\d+|1(\.0+)?)$/.test(v) || !(n > 0 && n <= 1))
        throw new errors/* InputError */.dz('vendor-threshold', `'${raw}' is not a share`, 'a fraction in (0, 1] such as 0.3, or a percentage such as 30%');
    return n;
}
async function parseBinaries(raw) {
    const out = [];
    for (const line of parseLines(raw)) {
        const eq = line.indexOf('=');
        const name = eq === -1 ? (0,external_node_path_.basename)(line) : line.slice(0, eq).trim();
        const path = eq === -1 ? line : line.slice(eq + 1).trim();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
            throw new errors/* InputError */.dz('binaries', `'${name}' is not a binary name`, "one 'name=path' or 'path' per line; names of letters, digits, '.', '_' and '-'");
        if (out.some((b) => b.name === name))
            throw new errors/* InputError */.dz('binaries', `the name '${name}' is given twice`);
        await (0,regular_file/* checkRegularFile */.l$)(path, { input: 'binaries', maxBytes: MAX_BINARY_BYTES });
        out.push({ name, path });
    }
    return out;
}
/**
 * A workspace directory (readable and searchable), or a lockfile/metadata file
 * that is a regular file of at most MAX_SOURCE_FILE_BYTES: a device such as
 * /dev/zero would otherwise be read until memory runs out.
 */
async function sourceKind(source) {
    const s = await (0,promises_.stat)(source).catch(() => null);
    if (s?.isDirectory()) {
        await (0,promises_.access)(source, external_node_fs_.constants.R_OK | external_node_fs_.constants.X_OK).catch((e) => {
            throw new errors/* InputError */.dz('source', `the directory '${source}' cannot be read (${(0,regular_file/* fsErrorReason */.Ws)(e)})`);
        });
        return 'directory';
    }
    await (0,regular_file/* checkRegularFile */.l$)(source, { input: 'source', maxBytes: load/* MAX_SOURCE_FILE_BYTES */.sm });
    return 'file';
}
/**
 * What a directory given as `source` may hold, in the order it is looked for:
 * a Cargo.toml makes it a cargo workspace (cargo metadata knows the most);
 * otherwise the one lockfile in it is read.
 */
const DIRECTORY_SOURCES = [
    { file: 'Cargo.toml', type: 'cargo-workspace' },
    { file: 'Cargo.lock', type: 'cargo-lock' },
    { file: 'package-lock.json', type: 'npm-lock' },
    { file: 'npm-shrinkwrap.json', type: 'npm-lock' },
];
const isFile = (path) => (0,promises_.stat)(path).then((s) => s.isFile(), () => false);
/** The source a directory holds: its workspace, or its one lockfile (of `type` when one is asked for). */
async function sourceInDirectory(dir, type) {
    const wanted = DIRECTORY_SOURCES.filter((s) => type === 'auto' || s.type === type);
    const present = [];
    for (const s of wanted) {
        const path = s.type === 'cargo-workspace' ? (0,sources/* cargoManifest */.YM)((0,external_node_path_.resolve)(dir)) : (0,external_node_path_.join)(dir, s.file);
        if (await isFile(path))
            present.push({ source: s.type === 'cargo-workspace' ? dir : path, type: s.type });
    }
    if (present[0]?.type === 'cargo-workspace')
        return present[0];
    if (present.length === 1)
        return present[0];
    const lookedFor = wanted.map((s) => s.file).join(', ');
    if (present.length === 0)
        throw new errors/* InputError */.dz('source', `the directory '${dir}' has none of ${lookedFor}`, 'a directory holding one of them, or the path of a cargo-metadata JSON file, a Cargo.lock or a package-lock.json');
    throw new errors/* InputError */.dz('source', `the directory '${dir}' has several lockfiles (${present.map((p) => (0,external_node_path_.basename)(p.source)).join(', ')}) and no Cargo.toml`, 'the path of the one to analyse');
}
async function parseSource(rawSource, rawType) {
    const given = rawSource.trim() || '.';
    const type = parseEnum('source-type', rawType, load/* SOURCE_TYPES */.m7, 'auto');
    const kind = await sourceKind(given);
    if (type === 'cargo-workspace' && kind !== 'directory')
        throw new errors/* InputError */.dz('source', `'${given}' is a file; source-type cargo-workspace needs the workspace directory`);
    if (kind === 'directory' && type === 'cargo-metadata')
        throw new errors/* InputError */.dz('source', `'${given}' is a directory; source-type cargo-metadata needs the JSON file`);
    if (kind === 'directory') {
        const found = await sourceInDirectory(given, type);
        if (found.type === 'cargo-workspace')
            return found;
        await (0,regular_file/* checkRegularFile */.l$)(found.source, { input: 'source', maxBytes: load/* MAX_SOURCE_FILE_BYTES */.sm });
        return found;
    }
    const source = given;
    if (type !== 'auto')
        return { source, type };
    // The whole text: cargo prints "workspace_root" after the (long) package list.
    const text = await (0,load/* readSourceFile */.uj)(source);
    const detected = (0,load/* detectSourceType */.fq)(source, false, text);
    if (!detected)
        throw new errors/* InputError */.dz('source', `cannot tell what '${source}' is`, 'a cargo workspace directory, a cargo-metadata JSON file, a Cargo.lock or a package-lock.json; or set source-type');
    return { source, type: detected };
}
/**
 * `known-malicious`: a path (an advisory-db or OSV checkout, or one file) or
 * an http(s) URL, which must come with `known-malicious-sha256` — a database
 * that decides whether the build fails is never taken unpinned from the network.
 */
async function parseKnownMalicious(rawSource, rawSha) {
    const source = rawSource.trim();
    const sha = rawSha.trim();
    if (!source) {
        if (sha)
            throw new errors/* InputError */.dz('known-malicious-sha256', 'given without known-malicious', 'set both, or neither');
        return null;
    }
    if (isUrl(source)) {
        const url = parseHttpUrl('known-malicious', source);
        if (!sha)
            throw new errors/* InputError */.dz('known-malicious-sha256', `is required with the URL ${url.href}`, 'the SHA-256 (64 hex digits) of the file the URL serves');
        return { kind: 'url', url: url.href, sha256: parseSha256('known-malicious-sha256', sha) };
    }
    if (sha)
        throw new errors/* InputError */.dz('known-malicious-sha256', 'only applies to a URL', 'leave it empty for a path');
    await requireReadablePath('known-malicious', source);
    return { kind: 'path', path: source };
}
async function parseAnalyzeDepsInputs(raw) {
    const riskThreshold = parseRiskThreshold(raw['risk-threshold']);
    const vendorThreshold = parseVendorThreshold(raw['vendor-threshold']);
    const allow = (0,allow_list/* parseAllowList */.j)('allow', parseLines(raw.allow));
    const outputDir = raw['output-dir'].trim() || 'output';
    const version = raw.version.trim() || null;
    if (version !== null && /[\s]/.test(version))
        throw new errors/* InputError */.dz('version', `'${version}' contains whitespace`, 'a version such as v0.1.0 or the output of git describe');
    const name = raw.name.trim() || null;
    if (name !== null && !/^[A-Za-z0-9@][A-Za-z0-9@/._-]*$/.test(name))
        throw new errors/* InputError */.dz('name', `'${name}' is not a product name`, "letters, digits, '@', '/', '.', '_' and '-'");
    const { source, type } = await parseSource(raw.source, raw['source-type']);
    const binaries = await parseBinaries(raw.binaries);
    const knownMalicious = await parseKnownMalicious(raw['known-malicious'] ?? '', raw['known-malicious-sha256'] ?? '');
    return {
        source,
        sourceType: type,
        binaries,
        version,
        name,
        riskThreshold,
        vendor: { ...vendors/* DEFAULT_VENDOR_OPTIONS */.O_, threshold: vendorThreshold },
        allow,
        outputDir,
        knownMalicious,
    };
}


/***/ }),

/***/ 457:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ runAnalyzeDeps)
});

// UNUSED EXPORTS: ATTESTATIONS_DIR

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __nccwpck_require__(2005);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./build/shared/regular-file.js
var regular_file = __nccwpck_require__(3019);
;// CONCATENATED MODULE: ./build/shared/hash.js
/**
 * SHA-256 of files and buffers. Large reads (4 MiB) into two alternating
 * buffers let the next read run in the thread pool while the current chunk is
 * hashed; that keeps Node's hashing at or above `openssl dgst` (see
 * bench/build-base.ts), where default 64 KiB stream chunks halve it.
 */




const CHUNK = 4 * 1024 * 1024;
/** Below this, a file's two buffers are sized to it (small allocations come from memory already in use). */
const POOLED_FROM = 64 * 1024;
/** Pairs kept per chunk size: as many as are read at once in a step (images and artifacts side by side). */
const POOL_PAIRS = 4;
const pool = new Map();
/**
 * Two buffers of `length`: a kept pair when there is one. A fresh large buffer costs a page fault per
 * 4 KiB at its first fill (as much time as hashing it, on a VM); a pair taken back costs nothing.
 */
function takeBuffers(length) {
    return pool.get(length)?.pop() ?? [Buffer.allocUnsafeSlow(length), Buffer.allocUnsafeSlow(length)];
}
function giveBack(length, buffers) {
    const kept = pool.get(length) ?? [];
    pool.set(length, kept);
    if (kept.length < POOL_PAIRS)
        kept.push(buffers);
}
/**
 * Reads an open file from its current position to its end, handing each
 * chunk to `onChunk` while the next read runs. A file under POOLED_FROM is
 * read into two buffers no larger than it (plus the byte that shows its end):
 * a tree of small files would otherwise take 2 × `maxChunk` per file. Larger
 * files share pairs of `maxChunk` buffers between calls. `onChunk` must not
 * keep the chunk: its buffer is read into again, here or by a later call.
 */
async function readChunks(handle, onChunk, maxChunk = CHUNK) {
    const { size } = await handle.stat();
    const pooled = size + 1 >= POOLED_FROM && maxChunk >= POOLED_FROM;
    const length = pooled ? maxChunk : Math.max(1, Math.min(maxChunk, size + 1));
    const buffers = pooled ? takeBuffers(length) : [Buffer.allocUnsafe(length), Buffer.allocUnsafe(length)];
    let current = 0;
    let pending = handle.read(buffers[current], 0, length, null);
    try {
        for (;;) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                return;
            const filled = buffers[current];
            current ^= 1;
            // The other buffer is free: start the next read before handling this one.
            pending = handle.read(buffers[current], 0, length, null);
            onChunk(filled.subarray(0, bytesRead));
        }
    }
    finally {
        if (pooled) {
            // A read still under way writes into the pair: it is given back only once that read is over.
            await pending.catch(() => { });
            giveBack(length, buffers);
        }
    }
}
/** Hashes an open file from its current position to its end; `limit` bounds a file that grows while read. */
async function sha256Handle(handle, limit) {
    let total = 0;
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    await readChunks(handle, (chunk) => {
        total += chunk.length;
        if (limit && total > limit.maxBytes)
            throw new errors/* InputError */.dz(limit.input, `'${limit.path}' grew past the limit of ${limit.maxBytes} bytes while it was read`);
        hash.update(chunk);
    });
    return hash.digest('hex');
}
async function sha256File(path) {
    const handle = await open(path, 'r');
    try {
        return await sha256Handle(handle);
    }
    finally {
        await handle.close();
    }
}
/**
 * The hash of a file an input names: only a regular file (a device such as
 * /dev/zero would be read forever), errors naming the input.
 */
async function sha256RegularFile(path, rule) {
    const handle = await (0,regular_file/* openRegularFile */.ZU)(path, rule);
    try {
        return await sha256Handle(handle, rule.maxBytes === undefined ? undefined : { input: rule.input, path, maxBytes: rule.maxBytes });
    }
    finally {
        await handle.close();
    }
}
function sha256(data) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex');
}
const SHA256_HEX = /^[0-9a-f]{64}$/;

// EXTERNAL MODULE: ./build/shared/deps/allow-list.js + 1 modules
var allow_list = __nccwpck_require__(55);
// EXTERNAL MODULE: ./build/shared/deps/findings.js
var deps_findings = __nccwpck_require__(9585);
;// CONCATENATED MODULE: ./build/shared/deps/graph-index.js
/**
 * Remembered with the arrays it was built from and their lengths, so a graph given new packages or edges
 * (new arrays, or more of them pushed) is indexed again. A graph is not edited in place once parsed: an id
 * or an edge end changed where it stands would not be seen.
 */
const built = new WeakMap();
function graphIndex(graph) {
    const known = built.get(graph);
    if (known &&
        known.packages === graph.packages &&
        known.edges === graph.edges &&
        known.packageCount === graph.packages.length &&
        known.edgeCount === graph.edges.length)
        return known.index;
    const indexOf = new Map();
    graph.packages.forEach((p, i) => indexOf.set(p.id, i));
    const from = new Int32Array(graph.edges.length);
    const to = new Int32Array(graph.edges.length);
    graph.edges.forEach((e, i) => {
        const f = indexOf.get(e.from);
        const t = indexOf.get(e.to);
        // Every parser adds an edge's ends as packages; an edge that does not is a bug, not a finding.
        if (f === undefined || t === undefined)
            throw new Error(`${graph.file}: the edge ${e.from} -> ${e.to} names a package the graph does not list`);
        from[i] = f;
        to[i] = t;
    });
    const index = { indexOf, from, to };
    built.set(graph, {
        packages: graph.packages,
        edges: graph.edges,
        packageCount: graph.packages.length,
        edgeCount: graph.edges.length,
        index,
    });
    return index;
}

;// CONCATENATED MODULE: ./build/shared/deps/tarjan.js
/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit
 * stack instead of recursion, so a 50k-package chain cannot overflow the call
 * stack) and linear in nodes + edges: adjacency is packed into typed arrays
 * (compressed sparse rows).
 */
/**
 * Returns every component with more than one node, plus single nodes with an
 * edge to themselves: exactly the components that contain a cycle.
 */
function cyclicComponents(nodeCount, edges) {
    const m = edges.from.length;
    const offsets = new Int32Array(nodeCount + 1);
    for (let i = 0; i < m; i++)
        offsets[edges.from[i] + 1]++;
    for (let v = 0; v < nodeCount; v++)
        offsets[v + 1] += offsets[v];
    const targets = new Int32Array(m);
    const fill = offsets.slice(0, nodeCount);
    const selfLoop = new Uint8Array(nodeCount);
    for (let i = 0; i < m; i++) {
        const f = edges.from[i];
        const t = edges.to[i];
        targets[fill[f]++] = t;
        if (f === t)
            selfLoop[f] = 1;
    }
    const index = new Int32Array(nodeCount).fill(-1);
    const low = new Int32Array(nodeCount);
    const onStack = new Uint8Array(nodeCount);
    const stack = new Int32Array(nodeCount);
    let stackTop = 0;
    // The DFS call stack: the node and the position of its next outgoing edge.
    const callNode = new Int32Array(nodeCount);
    const callEdge = new Int32Array(nodeCount);
    let nextIndex = 0;
    const components = [];
    for (let start = 0; start < nodeCount; start++) {
        if (index[start] !== -1)
            continue;
        let depth = 0;
        callNode[0] = start;
        callEdge[0] = offsets[start];
        index[start] = low[start] = nextIndex++;
        stack[stackTop++] = start;
        onStack[start] = 1;
        while (depth >= 0) {
            const v = callNode[depth];
            const e = callEdge[depth];
            if (e < offsets[v + 1]) {
                callEdge[depth] = e + 1;
                const w = targets[e];
                if (index[w] === -1) {
                    index[w] = low[w] = nextIndex++;
                    stack[stackTop++] = w;
                    onStack[w] = 1;
                    depth++;
                    callNode[depth] = w;
                    callEdge[depth] = offsets[w];
                }
                else if (onStack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            // All edges of v done: v is a root of a component, or passes its low link up.
            if (low[v] === index[v] && stack[stackTop - 1] === v && !selfLoop[v]) {
                // A component of one node without a self-loop (most of them): no cycle, nothing to allocate.
                onStack[v] = 0;
                stackTop--;
            }
            else if (low[v] === index[v]) {
                const component = [];
                let w;
                do {
                    w = stack[--stackTop];
                    onStack[w] = 0;
                    component.push(w);
                } while (w !== v);
                if (component.length > 1 || selfLoop[v])
                    components.push(component);
            }
            depth--;
            if (depth >= 0) {
                const parent = callNode[depth];
                if (low[v] < low[parent])
                    low[parent] = low[v];
            }
        }
    }
    return components;
}

;// CONCATENATED MODULE: ./build/shared/deps/cycles.js
/**
 * Dependency cycles as strongly connected components, kept in two groups:
 * cycles over normal/build edges (a real problem: nothing in them can be
 * built or upgraded alone) and cycles that need a dev-dependency edge (normal
 * in Rust workspaces: a crate's tests depend on a helper that depends on it).
 * npm peer edges count with dev edges: a peer dependency names the host a
 * plugin extends (eslint-utils → eslint → eslint-utils), which is the same
 * kind of expected loop.
 *
 * Cargo.lock does not record edge kinds, but Cargo refuses cycles over
 * normal/build edges, so every cycle of a Cargo.lock is a dev cycle; those
 * findings say the classification was inferred.
 */



function isStrongEdge(graph, edge) {
    if (edge.kind === 'dev' || edge.kind === 'peer')
        return false;
    if (edge.kind === 'unknown' && graph.ecosystem === 'cargo')
        return false;
    return true;
}
function findCycles(graph) {
    const { from, to } = graphIndex(graph);
    const strong = [];
    graph.edges.forEach((e, i) => {
        if (isStrongEdge(graph, e))
            strong.push(i);
    });
    const strongComponents = cyclicComponents(graph.packages.length, {
        from: strong.map((i) => from[i]),
        to: strong.map((i) => to[i]),
    });
    const allComponents = cyclicComponents(graph.packages.length, { from, to });
    /** Edges inside each component, found in one pass over the edges (linear, not per component). */
    const edgesWithin = (components, keep) => {
        const componentOf = new Int32Array(graph.packages.length).fill(-1);
        components.forEach((c, ci) => c.forEach((n) => (componentOf[n] = ci)));
        const buckets = components.map(() => []);
        graph.edges.forEach((e, i) => {
            const c = componentOf[from[i]];
            if (c !== -1 && c === componentOf[to[i]] && keep(e))
                buckets[c].push(e);
        });
        return buckets;
    };
    const toFinding = (kind, members, edges) => {
        const ids = members.map((m) => graph.packages[m].id).sort();
        const names = [...new Set(members.map((m) => graph.packages[m].name))].sort();
        const label = kind === 'cycle' ? 'dependency cycle' : 'dev/peer-dependency cycle';
        return (0,deps_findings/* finding */.gk)(kind, names.join('+'), `${label} of ${ids.length} package(s): ${names.join(', ')}`, ids, edges, {
            inferredFromLockfile: !graph.edgeKindsKnown && kind === 'dev-cycle',
        });
    };
    const key = (c) => [...c].sort((a, b) => a - b).join(',');
    const strongKeys = new Set(strongComponents.map(key));
    const devComponents = allComponents.filter((c) => !strongKeys.has(key(c)));
    const strongEdges = edgesWithin(strongComponents, (e) => isStrongEdge(graph, e));
    const devEdges = edgesWithin(devComponents, () => true);
    return {
        cycles: strongComponents.map((c, i) => toFinding('cycle', c, strongEdges[i])),
        devCycles: devComponents.map((c, i) => toFinding('dev-cycle', c, devEdges[i])),
    };
}

;// CONCATENATED MODULE: ./build/shared/deps/data/known-malicious.json
const known_malicious_namespaceObject = /*#__PURE__*/JSON.parse('{"schema":"infrasim-known-malicious/1","generated":"2026-12-02","sources":[{"name":"RustSec advisories with category \\"malicious\\"","repository":"github:rustsec/advisory-db","commit":"bf5c0d245a92671908518d7e765914d437954ed6","date":"2026-08-21","entries":73},{"name":"OSV malware records (MAL-) of npm and crates.io","repository":"github:ossf/malicious-packages","commit":"3756070c75e569305e5dc00b7b7bdc80306fe1fa","date":"2025-11-04","entries":4}],"entries":[{"ecosystem":"cargo","name":"acceptxmr-rs","id":"RUSTSEC-2023-0115","aliases":[],"summary":"acceptxmr-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"append-only-vec","id":"RUSTSEC-2026-0262","aliases":[],"summary":"append-only-vec 0.1.9 was removed from crates.io due to a malicious dependency","affected":{"kind":"rustsec","unaffected":["<= 0.1.8"],"patched":[]}},{"ecosystem":"cargo","name":"arrayref","id":"RUSTSEC-2026-0260","aliases":[],"summary":"arrayref 0.3.10 was removed from crates.io due to a malicious dependency","affected":{"kind":"rustsec","unaffected":["<= 0.3.9"],"patched":[]}},{"ecosystem":"cargo","name":"bit-flags","id":"RUSTSEC-2023-0124","aliases":[],"summary":"bit-flags was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"chrono_anchor","id":"RUSTSEC-2026-0039","aliases":[],"summary":"chrono_anchor was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"clob-sdk","id":"RUSTSEC-2026-0017","aliases":[],"summary":"clob-sdk was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"custom-req-on-workers","id":"RUSTSEC-2025-0160","aliases":[],"summary":"custom-req-on-workers was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"npm","name":"discordi.js","id":"MAL-2025-18484","aliases":[],"summary":"Malicious code in discordi.js (npm)","affected":{"kind":"osv","versions":[],"ranges":[{"introduced":"0"}]}},{"ecosystem":"cargo","name":"dnp3times","id":"RUSTSEC-2026-0032","aliases":["GHSA-xhw7-jhmp-j62j"],"summary":"dnp3times was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"envlogger","id":"RUSTSEC-2023-0099","aliases":[],"summary":"envlogger was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"evm-units","id":"RUSTSEC-2025-0147","aliases":["GHSA-6662-54xr-8423"],"summary":"evm-units was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"exploration","id":"RUSTSEC-2026-0155","aliases":["GHSA-99j7-fhr2-xfj4"],"summary":"exploration was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"finch-rst","id":"RUSTSEC-2025-0150","aliases":["GHSA-xp79-9mxw-878j"],"summary":"finch-rst was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"finch-rust","id":"RUSTSEC-2025-0148","aliases":["GHSA-f8h5-x737-x4xr"],"summary":"finch-rust was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"finch_cli_rust","id":"RUSTSEC-2025-0152","aliases":["GHSA-6v2j-vr4h-f632"],"summary":"finch_cli_rust was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"npm","name":"flatmap-stream","id":"MAL-2025-20690","aliases":[],"summary":"Malicious code in flatmap-stream (npm)","affected":{"kind":"osv","versions":[],"ranges":[{"introduced":"0"}]}},{"ecosystem":"cargo","name":"hann-rs-service","id":"RUSTSEC-2023-0123","aliases":[],"summary":"hann-rs-service was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"if-cfg","id":"RUSTSEC-2023-0098","aliases":[],"summary":"if-cfg was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"internment","id":"RUSTSEC-2026-0266","aliases":[],"summary":"internment 0.8.7 was removed from crates.io due to a malicious dependency","affected":{"kind":"rustsec","unaffected":["<= 0.8.6"],"patched":[]}},{"ecosystem":"cargo","name":"jfrog_quotes","id":"RUSTSEC-2025-0158","aliases":[],"summary":"jfrog_quotes was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"lasso-rs","id":"RUSTSEC-2023-0107","aliases":[],"summary":"lasso-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"lazystatic","id":"RUSTSEC-2023-0097","aliases":[],"summary":"lazystatic was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"lfest-main","id":"RUSTSEC-2023-0106","aliases":[],"summary":"lfest-main was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"libusb1-main","id":"RUSTSEC-2023-0121","aliases":[],"summary":"libusb1-main was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"littest","id":"RUSTSEC-2023-0104","aliases":[],"summary":"littest was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"logflux","id":"RUSTSEC-2026-0171","aliases":[],"summary":"logflux was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"logtrace","id":"RUSTSEC-2026-0081","aliases":[],"summary":"logtrace was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"microsoftsystem64","id":"RUSTSEC-2026-0102","aliases":[],"summary":"microsoftsystem64 was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"monero-api","id":"RUSTSEC-2023-0111","aliases":[],"summary":"monero-api was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"monero-rpc-rs","id":"RUSTSEC-2023-0112","aliases":[],"summary":"monero-rpc-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"mysten-metrics","id":"RUSTSEC-2026-0107","aliases":["GHSA-g38r-8gmr-ghrf"],"summary":"mysten-metrics was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"oncecell","id":"RUSTSEC-2023-0101","aliases":[],"summary":"oncecell was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"onering","id":"RUSTSEC-2026-0175","aliases":[],"summary":"onering 1.4.1 was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":["< 1.4.1","> 1.4.1"],"patched":[]}},{"ecosystem":"cargo","name":"openvpn-plugin-rs","id":"RUSTSEC-2023-0119","aliases":[],"summary":"openvpn-plugin-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"polymarket-client-sdks","id":"RUSTSEC-2026-0011","aliases":["GHSA-p5vf-5754-x7p3"],"summary":"polymarket-client-sdks was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"polymarket-clients-sdk","id":"RUSTSEC-2026-0010","aliases":["GHSA-382q-fpqh-29f7"],"summary":"polymarket-clients-sdk was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"polymarkets-client-sdk","id":"RUSTSEC-2026-0015","aliases":[],"summary":"polymarkets-client-sdk was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"polymarkets-rs-clob-client","id":"RUSTSEC-2026-0016","aliases":[],"summary":"polymarkets-rs-clob-client was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"postgresderive","id":"RUSTSEC-2023-0110","aliases":[],"summary":"postgresderive was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"postgress","id":"RUSTSEC-2023-0103","aliases":[],"summary":"postgress was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"pretty-changelog-logger","id":"RUSTSEC-2026-0100","aliases":[],"summary":"pretty-changelog-logger was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"proc-macro-en","id":"RUSTSEC-2026-0264","aliases":[],"summary":"proc-macro-en was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"proc-macro1","id":"RUSTSEC-2026-0265","aliases":[],"summary":"proc-macro1 was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"rands","id":"RUSTSEC-2025-0155","aliases":[],"summary":"rands was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"registry-win","id":"RUSTSEC-2023-0116","aliases":[],"summary":"registry-win was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"replit_ruspty","id":"MAL-2025-49350","aliases":[],"summary":"Malicious code in replit_ruspty (crates.io)","affected":{"kind":"osv","versions":["1.0.0"],"ranges":[]}},{"ecosystem":"cargo","name":"replit_ruspty","id":"RUSTSEC-2025-0154","aliases":["GHSA-943g-w75h-8v9h","MAL-2025-49350"],"summary":"replit_ruspty was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"rpc-check","id":"RUSTSEC-2026-0014","aliases":[],"summary":"rpc-check was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"rpc-check","id":"RUSTSEC-2026-0018","aliases":[],"summary":"rpc-check was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"rustdecimal","id":"RUSTSEC-2022-0042","aliases":["GHSA-7pwq-f4pq-78gm","MAL-2022-1"],"summary":"malicious crate rustdecimal","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"safe-agent-rs","id":"RUSTSEC-2026-0101","aliases":[],"summary":"safe-agent-rs was removed from crates.io for being affiliated with malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"serd","id":"RUSTSEC-2023-0102","aliases":[],"summary":"serd was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"sha-rst","id":"RUSTSEC-2025-0151","aliases":["GHSA-vgr2-r5hm-f6gf"],"summary":"sha-rst was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"sha-rust","id":"RUSTSEC-2025-0146","aliases":["GHSA-3mmg-7c2q-8938"],"summary":"sha-rust was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"sophosfirewall-python","id":"RUSTSEC-2025-0159","aliases":[],"summary":"sophosfirewall-python was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"statsrelay-protobuf","id":"RUSTSEC-2025-0157","aliases":[],"summary":"statsrelay-protobuf was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"sui-execution-cut","id":"RUSTSEC-2026-0108","aliases":["GHSA-qprh-m6p3-hwxc"],"summary":"sui-execution-cut was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tauri-win-rt-notification","id":"RUSTSEC-2023-0108","aliases":[],"summary":"tauri-win-rt-notification was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tauri-winrt-notifications","id":"RUSTSEC-2023-0117","aliases":[],"summary":"tauri-winrt-notifications was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"time-sync","id":"RUSTSEC-2026-0036","aliases":["GHSA-mh23-rw7f-v5pq"],"summary":"time-sync was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"time_calibrator","id":"RUSTSEC-2026-0030","aliases":["GHSA-77xj-rrh3-wx3v"],"summary":"time_calibrator was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"time_calibrators","id":"RUSTSEC-2026-0031","aliases":["GHSA-wf45-3gpw-vrqv"],"summary":"time_calibrators was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tiny-server","id":"RUSTSEC-2023-0114","aliases":[],"summary":"tiny-server was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tracing-check","id":"RUSTSEC-2026-0019","aliases":["GHSA-5pmp-jpcf-pwx6"],"summary":"tracing-check was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tracing-ethers","id":"RUSTSEC-2026-0040","aliases":[],"summary":"tracing-ethers was removed from crates.io due to malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tracing_checks","id":"RUSTSEC-2026-0028","aliases":[],"summary":"tracing_checks was removed from crates.io for transitively including malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tracings","id":"RUSTSEC-2026-0027","aliases":[],"summary":"tracings was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"tree-sitter-pkl","id":"RUSTSEC-2025-0156","aliases":[],"summary":"tree-sitter-pkl was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"npm","name":"twilio-npm","id":"MAL-2025-37375","aliases":[],"summary":"Malicious code in twilio-npm (npm)","affected":{"kind":"osv","versions":[],"ranges":[{"introduced":"0"}]}},{"ecosystem":"cargo","name":"uniswap-utils","id":"RUSTSEC-2025-0145","aliases":["GHSA-x468-phr8-h3p3"],"summary":"uniswap-utils was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"win-base64-rs","id":"RUSTSEC-2023-0113","aliases":[],"summary":"win-base64-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"win-crypto","id":"RUSTSEC-2023-0109","aliases":[],"summary":"win-crypto was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"win_run_rs","id":"RUSTSEC-2023-0118","aliases":[],"summary":"win_run_rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"windows-service-rs","id":"RUSTSEC-2023-0120","aliases":[],"summary":"windows-service-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"windowsservice","id":"RUSTSEC-2023-0105","aliases":[],"summary":"windowsservice was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"winx-rs","id":"RUSTSEC-2023-0122","aliases":[],"summary":"winx-rs was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}},{"ecosystem":"cargo","name":"xrvrv","id":"RUSTSEC-2023-0100","aliases":[],"summary":"xrvrv was removed from crates.io for malicious code","affected":{"kind":"rustsec","unaffected":[],"patched":[]}}]}');
;// CONCATENATED MODULE: ./build/shared/deps/versions.js
/**
 * Semantic versions and the two ways advisory databases write version sets:
 * Cargo requirements (RustSec's `unaffected`/`patched`, e.g. `>= 1.2, < 2`,
 * `^0.8`, `<= 0.3.9`) and OSV range events (`introduced`/`fixed`/`last_affected`).
 */
function parseSemver(v) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
    if (!m)
        return null;
    return { parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ? m[4].split('.') : [] };
}
function compareSemver(a, b) {
    for (let i = 0; i < 3; i++)
        if (a.parts[i] !== b.parts[i])
            return a.parts[i] - b.parts[i];
    // A pre-release sorts before its release; identifiers compare numerically when both are numbers.
    if (a.pre.length === 0 || b.pre.length === 0)
        return b.pre.length - a.pre.length;
    for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
        const x = a.pre[i];
        const y = b.pre[i];
        if (x === y)
            continue;
        const nx = /^\d+$/.test(x);
        const ny = /^\d+$/.test(y);
        if (nx && ny)
            return Number(x) - Number(y);
        if (nx !== ny)
            return nx ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return a.pre.length - b.pre.length;
}
/** Whether `version` meets one Cargo requirement (comparators joined by commas). Null: unparsable. */
function satisfiesCargoReq(version, req) {
    const v = parseSemver(version);
    if (!v)
        return null;
    for (const raw of req.split(',')) {
        const m = /^\s*(>=|<=|>|<|=|\^|~)?\s*v?(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?(-[0-9A-Za-z.-]+)?\s*$/.exec(raw);
        if (!m)
            return null;
        const op = m[1] ?? '^';
        const given = [m[2], m[3], m[4]].filter((p) => p !== undefined && p !== '*').length;
        const base = parseSemver(`${m[2]}.${m[3] && m[3] !== '*' ? m[3] : 0}.${m[4] && m[4] !== '*' ? m[4] : 0}${m[5] ?? ''}`);
        const c = compareSemver(v, base);
        const [major, minor, patch] = base.parts;
        /** The first version above what a partial or caret/tilde requirement allows. */
        const upper = () => {
            if (op === '~' || (op === '=' && given === 2))
                return { parts: given === 1 ? [major + 1, 0, 0] : [major, minor + 1, 0], pre: ['0'] };
            if (op === '=' && given === 1)
                return { parts: [major + 1, 0, 0], pre: ['0'] };
            if (major > 0 || given === 1)
                return { parts: [major + 1, 0, 0], pre: ['0'] };
            if (minor > 0 || given === 2)
                return { parts: [0, minor + 1, 0], pre: ['0'] };
            return { parts: [0, 0, patch + 1], pre: ['0'] };
        };
        let ok;
        switch (op) {
            case '>=':
                ok = c >= 0;
                break;
            case '>':
                ok = c > 0;
                break;
            case '<':
                ok = c < 0;
                break;
            case '<=':
                // `<= 1.2` means every 1.2.x.
                ok = given === 3 ? c <= 0 : compareSemver(v, upper()) < 0;
                break;
            case '=':
                ok = given === 3 ? c === 0 : c >= 0 && compareSemver(v, upper()) < 0;
                break;
            default:
                ok = c >= 0 && compareSemver(v, upper()) < 0;
        }
        if (!ok)
            return false;
    }
    return true;
}
/** Whether `version` is inside one OSV range. Null: a version that cannot be compared. */
function inOsvRange(version, range) {
    const v = parseSemver(version);
    if (!v)
        return null;
    if (range.introduced !== '0') {
        const from = parseSemver(range.introduced);
        if (!from)
            return null;
        if (compareSemver(v, from) < 0)
            return false;
    }
    if (range.fixed) {
        const to = parseSemver(range.fixed);
        if (!to)
            return null;
        return compareSemver(v, to) < 0;
    }
    if (range.lastAffected) {
        const last = parseSemver(range.lastAffected);
        if (!last)
            return null;
        return compareSemver(v, last) <= 0;
    }
    return true;
}

;// CONCATENATED MODULE: ./build/shared/deps/known-malicious.js
/**
 * Known-malicious packages: names (and versions) that public advisory
 * databases record as malware — RustSec advisories with the `malicious`
 * category, OSV records such as OpenSSF's MAL- entries (npm, crates.io) and
 * GitHub's malware advisories in OSV form. A snapshot ships with the action
 * (data/known-malicious.json, made by scripts/refresh-deps-data.ts); the
 * `known-malicious` input adds a newer database: a RustSec advisory-db or OSV
 * checkout, one OSV/snapshot file, or a URL pinned by SHA-256.
 */








const SHIPPED_SNAPSHOT = known_malicious_namespaceObject;
/** Largest single advisory or snapshot file read (the shipped snapshot is a few KB). */
const MAX_DB_FILE_BYTES = 64 * 1024 * 1024;
const key = (ecosystem, name) => `${ecosystem}\u0000${name}`;
function buildMaliciousDb(entries, sources) {
    const byName = new Map();
    const seen = new Set();
    for (const e of entries) {
        const k = key(e.ecosystem, e.name);
        if (seen.has(`${k}\u0000${e.id}`))
            continue;
        seen.add(`${k}\u0000${e.id}`);
        let list = byName.get(k);
        if (!list)
            byName.set(k, (list = []));
        list.push(e);
    }
    return { byName, sources, size: seen.size };
}
/** A RustSec advisory (Markdown with a ```toml front matter); null unless its categories include `malicious`. */
function parseRustsecAdvisory(text, file) {
    const front = /^```toml\n([\s\S]*?)\n```/.exec(text);
    if (!front)
        return null;
    const toml = front[1];
    const str = (k) => new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, 'm').exec(toml)?.[1];
    const list = (k) => {
        const m = new RegExp(`^${k}\\s*=\\s*\\[([^\\]]*)\\]`, 'm').exec(toml);
        return m ? [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]) : [];
    };
    if (!list('categories').includes('malicious'))
        return null;
    const id = str('id');
    const name = str('package');
    if (!id || !name)
        throw new errors/* DataError */.fL(`${file}: a malicious-category advisory without id or package`);
    const title = /^# (.+)$/m.exec(text.slice(front[0].length))?.[1]?.replace(/`/g, '') ?? `malicious crate ${name}`;
    return {
        ecosystem: 'cargo',
        name,
        id,
        aliases: list('aliases'),
        summary: title,
        affected: { kind: 'rustsec', unaffected: list('unaffected'), patched: list('patched') },
    };
}
const OSV_ECOSYSTEMS = { npm: 'npm', 'crates.io': 'cargo' };
/**
 * The malware entries of one OSV record: OpenSSF's MAL- ids, or an advisory
 * (e.g. GitHub's GHSA) whose summary calls the package malicious. Other
 * vulnerabilities are not this analysis's business; withdrawn records count for nothing.
 */
function parseOsvRecord(record, file) {
    if (typeof record.id !== 'string' || !Array.isArray(record.affected))
        throw new errors/* DataError */.fL(`${file}: not an OSV record (no id or affected)`);
    if (record.withdrawn)
        return [];
    const summary = typeof record.summary === 'string' ? record.summary : '';
    if (!record.id.startsWith('MAL-') && !/malicious|malware/i.test(summary))
        return [];
    const aliases = Array.isArray(record.aliases) ? record.aliases.filter((a) => typeof a === 'string') : [];
    const out = [];
    for (const a of record.affected) {
        const ecosystem = OSV_ECOSYSTEMS[String(a.package?.ecosystem)];
        if (!ecosystem || typeof a.package?.name !== 'string')
            continue;
        const ranges = [];
        for (const r of a.ranges ?? []) {
            if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM')
                continue;
            let open = null;
            for (const e of r.events ?? []) {
                if (typeof e.introduced === 'string')
                    ranges.push((open = { introduced: e.introduced }));
                else if (open && typeof e.fixed === 'string')
                    open.fixed = e.fixed;
                else if (open && typeof e.last_affected === 'string')
                    open.lastAffected = e.last_affected;
            }
        }
        const versions = Array.isArray(a.versions) ? a.versions.filter((v) => typeof v === 'string') : [];
        out.push({
            ecosystem,
            name: a.package.name,
            id: record.id,
            aliases,
            summary: summary || `malicious package ${a.package.name}`,
            affected: { kind: 'osv', versions, ranges },
        });
    }
    return out;
}
/** The entries of one JSON text: a snapshot of ours, one OSV record, or an array of OSV records. */
function parseMaliciousJson(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* DataError */.fL(`${file}: not JSON (${e.message})`);
    }
    if (doc && typeof doc === 'object' && doc.schema === SHIPPED_SNAPSHOT.schema) {
        const entries = doc.entries;
        if (!Array.isArray(entries))
            throw new errors/* DataError */.fL(`${file}: a snapshot without entries`);
        return entries;
    }
    const records = Array.isArray(doc) ? doc : [doc];
    return records.flatMap((r, i) => parseOsvRecord(r, records.length > 1 ? `${file}[${i}]` : file));
}
async function filesUnder(dir) {
    return (await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && /\.(json|md)$/.test(e.name) && !e.name.startsWith('.'))
        .map((e) => (0,external_node_path_.join)(e.parentPath, e.name))
        .sort();
}
/** Entries from a directory tree (RustSec's crates/<name>/RUSTSEC-*.md, OSV *.json) or one file. */
async function readMaliciousPath(path) {
    const s = await (0,promises_.stat)(path);
    const files = s.isDirectory() ? await filesUnder(path) : [path];
    const out = [];
    for (const file of files) {
        const text = (await (0,regular_file/* readRegularFile */.XF)(file, { input: 'known-malicious', maxBytes: MAX_DB_FILE_BYTES })).toString('utf8');
        if (file.endsWith('.md')) {
            if (!/^RUSTSEC-\d{4}-\d{4}\.md$/.test((0,external_node_path_.basename)(file)))
                continue;
            const e = parseRustsecAdvisory(text, file);
            if (e)
                out.push(e);
        }
        else if (s.isDirectory() && !/"(affected|entries)"\s*:/.test(text)) {
            continue; // Other JSON in a checkout (package.json, schemas) is not an advisory.
        }
        else
            out.push(...parseMaliciousJson(text, file));
    }
    return out;
}
/** Downloads a database file and checks its SHA-256 before reading a byte of it. */
async function readMaliciousUrl(url, expected) {
    let response;
    try {
        response = await fetch(url, { redirect: 'follow' });
    }
    catch (e) {
        throw new errors/* DataError */.fL(`download of ${url} failed: ${String(e.cause ?? e.message)}`);
    }
    if (!response.ok)
        throw new errors/* DataError */.fL(`download of ${url} failed: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_DB_FILE_BYTES)
        throw new errors/* DataError */.fL(`${url}: larger than ${MAX_DB_FILE_BYTES} bytes`);
    const actual = sha256(bytes);
    if (actual !== expected)
        throw new errors/* InputError */.dz('known-malicious-sha256', `${url} has SHA-256 ${actual}, not the pinned ${expected}`, 'the SHA-256 of the file the URL serves');
    return parseMaliciousJson(Buffer.from(bytes).toString('utf8'), url);
}
/** The shipped snapshot, plus the newer database the workflow points at. */
async function loadMaliciousDb(extra) {
    const sources = SHIPPED_SNAPSHOT.sources.map((s) => `${s.name} (${s.repository}@${s.commit.slice(0, 12)}, ${s.date})`);
    if (!extra)
        return buildMaliciousDb(SHIPPED_SNAPSHOT.entries, sources);
    const more = extra.kind === 'path'
        ? await readMaliciousPath(extra.path)
        : await readMaliciousUrl(extra.url, extra.sha256);
    return buildMaliciousDb([...SHIPPED_SNAPSHOT.entries, ...more], [...sources, `${extra.kind === 'path' ? extra.path : extra.url} (${more.length} entries)`]);
}
/** Whether `version` is one the entry marks malicious; a version that cannot be compared counts as affected. */
function isAffected(entry, version) {
    const a = entry.affected;
    if (a.kind === 'rustsec') {
        const safe = [...a.unaffected, ...a.patched].some((req) => satisfiesCargoReq(version, req) === true);
        return !safe;
    }
    if (a.versions.length === 0 && a.ranges.length === 0)
        return true;
    return a.versions.includes(version) || a.ranges.some((r) => inOsvRange(version, r) !== false);
}
let shippedDb = null;
function shippedMaliciousDb() {
    return (shippedDb ??= buildMaliciousDb(SHIPPED_SNAPSHOT.entries, []));
}
/** One finding per package of the graph that an advisory names, with the advisory's id. */
function findKnownMalicious(graph, db = shippedMaliciousDb()) {
    const out = [];
    for (const p of graph.packages) {
        if (p.workspaceMember || p.source.kind === 'path')
            continue;
        // Nearly every name has no entry: no list to filter, nothing allocated for it.
        const entries = db.byName.get(key(graph.ecosystem, p.name));
        if (entries === undefined)
            continue;
        const hits = entries.filter((e) => isAffected(e, p.version));
        if (hits.length === 0)
            continue;
        const ids = [...new Set(hits.map((h) => h.id))].sort();
        out.push((0,deps_findings/* finding */.gk)('known-malicious', `${p.name}@${p.version}`, `${p.name} ${p.version} is a known malicious package (${ids.join(', ')}: ${hits[0].summary})`, [p.id], [], {
            advisories: hits.map((h) => ({ id: h.id, aliases: h.aliases, summary: h.summary })),
        }));
    }
    return out;
}

// EXTERNAL MODULE: ./build/shared/deps/multimap.js
var multimap = __nccwpck_require__(4606);
;// CONCATENATED MODULE: ./build/shared/deps/duplicates.js
/**
 * Duplicates: one name resolved to several packages (versions, or the same
 * version from different sources), each listed with the dependents that pull
 * it in, which is what a maintainer needs to unify them.
 */



function findDuplicates(graph) {
    // Package numbers by name: a number for a name seen once (most), a list once it is seen again, so a
    // large graph allocates no list per name. Names keep their first-seen order.
    const byName = new Map();
    graph.packages.forEach((p, i) => (0,multimap/* pushIndex */.h)(byName, p.name, i));
    // Incoming edges of the duplicated packages only, found by number.
    const incoming = new Map();
    byName.forEach((seen) => {
        if (typeof seen !== 'number')
            for (const i of seen)
                incoming.set(i, []);
    });
    if (incoming.size === 0)
        return [];
    const { to } = graphIndex(graph);
    graph.edges.forEach((e, i) => incoming.get(to[i])?.push(e));
    const out = [];
    byName.forEach((seen, name) => {
        if (typeof seen === 'number')
            return;
        const pkgs = seen.map((i) => ({ p: graph.packages[i], edges: incoming.get(i) }));
        pkgs.sort((a, b) => (a.p.id < b.p.id ? -1 : 1));
        const variants = pkgs.map(({ p, edges }) => ({
            package: p.id,
            version: p.version,
            dependents: [...new Set(edges.map((e) => e.from))].sort(),
        }));
        out.push((0,deps_findings/* finding */.gk)('duplicate', name, `${name} is resolved ${pkgs.length} times: ${pkgs.map(({ p }) => p.id.slice(name.length + 1)).join(', ')}`, pkgs.map(({ p }) => p.id), pkgs.flatMap(({ edges }) => edges), { variants }));
    });
    return out;
}

;// CONCATENATED MODULE: ./build/shared/deps/graph-hash.js
/**
 * graph_sha256: SHA-256 over a canonical form of the graph, so the same graph
 * hashes the same whatever the key order, whitespace or package order of the
 * input, and on whatever machine (ids carry no absolute paths). The form is
 * JSON of sorted package ids (with checksum when known) and sorted
 * `from -> to (kind)` edges, tagged with its own version so a future change
 * of form cannot be mistaken for a change of graph:
 *
 *   JSON.stringify({ form, ecosystem, packages: [...].sort(), edges: [...].sort() })
 *
 * That text is what is hashed, byte for byte, but the edge strings are
 * neither built nor sorted as strings: an edge's string is decided by its
 * source's id, then its target's, then its kind, so the edges are sorted as
 * numbers (the ids' ranks in the ids' sorted order, then the kind) and their
 * bytes are copied out of the ids' bytes in that order. Where the ids' order
 * is not the edge strings' order (an id followed in another id by a character
 * that sorts no later than a space — a space or a C0 control character — e.g.
 * `x@1` beside `x@1 (path)`: what follows it in an edge string decides), the
 * strings are built and sorted as written.
 */


const CANONICAL_FORM_VERSION = 'infrasim-dep-graph/1';
/** The kinds in the order of their text in an edge string (`kind)`: none is a prefix of another). */
const KINDS = ['build', 'dev', 'normal', 'optional', 'peer', 'unknown'];
const KIND_RANK = new Map(KINDS.map((k, i) => [k, i]));
/**
 * Each package's rank in the sorted order of ids, when that is also the order of every id followed by
 * ` -> ` and by ` (` (as in an edge string); null when it is not. Among the ids that begin with an id
 * `a`, the first in sorted order comes right after `a` and has the smallest character after it: when
 * that character sorts after a space, `a` followed by either text sorts before all of them too.
 */
function idRanks(graph) {
    const { indexOf } = graphIndex(graph);
    const sorted = graph.packages.map((p) => p.id).sort();
    const rank = new Int32Array(sorted.length);
    for (let k = 0; k < sorted.length; k++) {
        const id = sorted[k];
        if (k > 0) {
            const before = sorted[k - 1];
            if (id === before || (id.startsWith(before) && id.charCodeAt(before.length) <= 0x20))
                return null;
        }
        rank[indexOf.get(id)] = k;
    }
    return rank;
}
/** The edges' sort keys, (source rank, target rank, kind rank) as one exact integer each, sorted. */
function sortedEdgeKeys(graph, rank) {
    const n = graph.packages.length;
    if (n * n * KINDS.length >= Number.MAX_SAFE_INTEGER)
        return null;
    const { from, to } = graphIndex(graph);
    const keys = new Float64Array(from.length);
    for (let i = 0; i < keys.length; i++) {
        const kind = KIND_RANK.get(graph.edges[i].kind);
        if (kind === undefined)
            return null;
        keys[i] = (rank[from[i]] * n + rank[to[i]]) * KINDS.length + kind;
    }
    return keys.sort();
}
const utf8 = (text) => Buffer.from(text, 'utf8');
/**
 * The edges' part of the text, `"a -> b (kind)","…"`, as UTF-8: each id's bytes as it stands inside a
 * JSON string are encoded once, and every edge is copied together from them.
 */
function edgeBytes(graph, rank, keys) {
    const n = graph.packages.length;
    const byRank = new Int32Array(n);
    rank.forEach((r, i) => (byRank[r] = i));
    const quoted = graph.packages.map((p) => JSON.stringify(p.id).slice(1, -1));
    const ids = utf8(quoted.join(''));
    // Where each package's bytes start in `ids` (and, at n, where they end).
    const start = new Int32Array(n + 1);
    quoted.forEach((q, i) => (start[i + 1] = start[i] + Buffer.byteLength(q)));
    const arrow = utf8(' -> ');
    const kinds = KINDS.map((k) => utf8(` (${k})"`));
    let size = 0;
    const pieces = new Int32Array(keys.length * 3);
    for (let e = 0; e < keys.length; e++) {
        const key = keys[e];
        const kind = key % KINDS.length;
        const pair = (key - kind) / KINDS.length;
        const t = byRank[pair % n];
        const f = byRank[(pair - (pair % n)) / n];
        pieces[3 * e] = f;
        pieces[3 * e + 1] = t;
        pieces[3 * e + 2] = kind;
        size +=
            (e > 0 ? 2 : 1) +
                start[f + 1] -
                start[f] +
                arrow.length +
                start[t + 1] -
                start[t] +
                kinds[kind].length;
    }
    const out = new Uint8Array(size);
    let at = 0;
    const copy = (from, begin, end) => {
        for (let b = begin; b < end; b++)
            out[at++] = from[b];
    };
    for (let e = 0; e < keys.length; e++) {
        if (e > 0)
            out[at++] = 0x2c; // ,
        out[at++] = 0x22; // "
        const f = pieces[3 * e];
        const t = pieces[3 * e + 1];
        const kind = kinds[pieces[3 * e + 2]];
        copy(ids, start[f], start[f + 1]);
        copy(arrow, 0, arrow.length);
        copy(ids, start[t], start[t + 1]);
        copy(kind, 0, kind.length);
    }
    return out;
}
/** Hands the canonical text to `sink` in order, in parts (strings or UTF-8 bytes). */
function writeCanonicalGraph(graph, sink) {
    const packages = graph.packages.map((p) => (p.checksum ? `${p.id} ${p.checksum}` : p.id)).sort();
    const rank = idRanks(graph);
    const keys = rank && sortedEdgeKeys(graph, rank);
    const edges = keys ? [] : graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort();
    const text = JSON.stringify({ form: CANONICAL_FORM_VERSION, ecosystem: graph.ecosystem, packages, edges });
    if (!keys)
        return sink(text);
    // The text up to the edges' closing `]}`, the edges, the end.
    sink(text.slice(0, -2));
    sink(edgeBytes(graph, rank, keys));
    sink(']}');
}
function canonicalGraph(graph) {
    const parts = [];
    writeCanonicalGraph(graph, (part) => parts.push(Buffer.from(part)));
    return Buffer.concat(parts).toString('utf8');
}
function graphSha256(graph) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    writeCanonicalGraph(graph, (part) => hash.update(part));
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./build/shared/deps/path-escapes.js
/**
 * Lockfile path escapes: entries the parser left out of the graph because they
 * name a place outside where packages live (see npm-lock.ts). npm never writes
 * them, so each one means a hand-edited or forged lockfile: a package that
 * would be installed from, or claim to be, somewhere else than the lockfile
 * says. One finding per entry, whose subject is the key or name as written.
 */

function findPathEscapes(graph) {
    return (graph.pathEscapes ?? []).map((e) => {
        const what = e.dependent
            ? `${e.dependent} depends on '${e.path}', which ${e.reason}`
            : `package-lock key '${e.path}'${e.claimed ? ` (claiming ${e.claimed})` : ''} ${e.reason}`;
        return (0,deps_findings/* finding */.gk)('lockfile-path-escape', e.path, `${what}: npm never writes this; the entry is left out of the graph and the SBOM`, e.dependent ? [e.dependent] : [], [], { reason: e.reason, dependent: e.dependent, claimed: e.claimed });
    });
}

// EXTERNAL MODULE: ./build/shared/deps/sources.js
var sources = __nccwpck_require__(8985);
;// CONCATENATED MODULE: ./build/shared/deps/pins.js
/**
 * Unusual pins — ways a dependency escapes the registry's normal versioning:
 *   - git dependencies whose manifest does not pin a full commit hash (a
 *     branch, a tag or the default branch can move under the same manifest);
 *   - exact `=` requirements declared by the workspace (they block security
 *     updates; crates pinning their own proc-macro twin, as serde does, are
 *     the crate authors' business and not reported);
 *   - path dependencies outside the workspace (the build depends on files the
 *     repository does not contain);
 *   - registries other than the default one.
 * Cargo.lock records no requirements and no paths, so the `=` and
 * outside-path checks need cargo metadata or a package-lock.
 */



const NPM_GIT_SPEC = /^(git\+|git:|github:|gitlab:|bitbucket:|[\w.-]+\/[\w.-]+(#.*)?$)/;
function findUnusualPins(graph) {
    const out = [];
    const members = new Set(graph.packages.filter((p) => p.workspaceMember).map((p) => p.id));
    for (const p of graph.packages) {
        const s = p.source;
        if (s.kind === 'git' && !(s.reference.type === 'rev' && sources/* FULL_COMMIT */.eI.test(s.reference.value))) {
            // npm's resolved URL always carries the commit; the spec is checked below.
            if (graph.ecosystem === 'cargo') {
                const how = s.reference.type === 'default'
                    ? 'the default branch'
                    : `${s.reference.type} '${s.reference.value}'`;
                out.push((0,deps_findings/* finding */.gk)('git-unpinned', p.name, `${p.name} comes from git ${s.url} following ${how}, not a full commit hash`, [p.id], [], {
                    url: s.url,
                    reference: s.reference,
                    resolvedCommit: s.commit,
                }));
            }
        }
        if (s.kind === 'path' && s.outsideWorkspace === true) {
            out.push((0,deps_findings/* finding */.gk)('path-outside-workspace', p.name, `${p.name} is a path dependency outside the workspace (${s.path})`, [p.id], [], {
                path: s.path,
            }));
        }
        if (s.kind === 'registry' && !s.isDefault) {
            out.push((0,deps_findings/* finding */.gk)('non-default-registry', p.name, `${p.name} comes from ${s.url}, not the default registry`, [p.id], [], {
                registry: s.url,
            }));
        }
    }
    const exact = new Map();
    for (const d of graph.declarations) {
        if (!members.has(d.from))
            continue;
        if (/^\s*=\s*\S/.test(d.requirement))
            (0,multimap/* pushTo */.I)(exact, d.name, d);
        if (graph.ecosystem === 'npm' && NPM_GIT_SPEC.test(d.requirement)) {
            const ref = d.requirement.split('#')[1] ?? '';
            if (!sources/* FULL_COMMIT */.eI.test(ref)) {
                out.push((0,deps_findings/* finding */.gk)('git-unpinned', d.name, `${d.name} is declared as '${d.requirement}', not pinned to a full commit hash`, [d.from], [], {
                    spec: d.requirement,
                }));
            }
        }
    }
    for (const [name, declarations] of exact) {
        const where = declarations.map((d) => `${d.from}: ${d.requirement}`);
        const dependents = [...new Set(declarations.map((d) => d.from))].sort();
        out.push((0,deps_findings/* finding */.gk)('exact-pin', name, `${name} is pinned exactly (${where.join('; ')})`, dependents, [], {
            declarations: where,
        }));
    }
    return out;
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
    const scored = [...findings].sort(deps_findings/* byId */.$H).map((f) => {
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./build/shared/deps/deletion-index.js
/**
 * A symmetric-delete index over a fixed list of names, for "which names are
 * one edit from this one?" in time linear in the names' lengths.
 *
 * Two strings are at most one insert, delete, substitution or swap of
 * neighbours apart only if they share a one-character deletion, or one is a
 * deletion of the other. Instead of a Map from every deletion *string* (tens
 * of thousands of popular names × their length: a quarter of a million
 * strings and arrays to allocate and collect, which was most of a run), each
 * deletion is keyed by a 32-bit polynomial hash computed from prefix and
 * suffix hashes without building the string, in typed arrays. A hash that
 * collides only adds a candidate, and every candidate is confirmed by the
 * caller with the real edit distance, so the answers are exactly those of
 * the string index.
 */
const BASE = 0x01000193; // odd, so multiplying by it is a bijection modulo 2^32
/** The polynomial hash of `s` (UTF-16 code units) modulo 2^32. */
function stringHash(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++)
        h = (Math.imul(h, BASE) + s.charCodeAt(i)) >>> 0;
    return h;
}
/** Scratch space reused by every call (allocating typed arrays per name costs more than the hashing). */
let suffix = new Uint32Array(64);
let power = new Uint32Array(64);
let powersKnown = 0;
function reserve(n) {
    if (n + 1 > suffix.length) {
        let size = suffix.length;
        while (size < n + 1)
            size *= 2;
        suffix = new Uint32Array(size);
        const grown = new Uint32Array(size);
        grown.set(power);
        power = grown;
    }
    if (powersKnown === 0) {
        power[0] = 1;
        powersKnown = 1;
    }
    for (; powersKnown <= n; powersKnown++)
        power[powersKnown] = Math.imul(power[powersKnown - 1], BASE);
}
let deletions = new Uint32Array(64);
/**
 * The hash of every string obtained by deleting one character of `s` (the
 * i-th deletion at index i), the same value stringHash gives that string.
 * The array is scratch space, valid until the next call: callers loop over
 * it instead of passing a callback per deletion (hundreds of thousands of
 * calls on a large graph, through one call site shared by every caller).
 */
function deletionHashes(s) {
    const n = s.length;
    reserve(n);
    if (deletions.length < n)
        deletions = new Uint32Array(suffix.length);
    // suffix[i] = hash(s[i..n)), power[k] = BASE^k.
    suffix[n] = 0;
    for (let i = n - 1; i >= 0; i--)
        suffix[i] = (Math.imul(s.charCodeAt(i), power[n - 1 - i]) + suffix[i + 1]) >>> 0;
    let prefix = 0; // hash(s[0..i))
    for (let i = 0; i < n; i++) {
        // s without s[i] = prefix (i chars) followed by the n-1-i chars of suffix[i+1].
        deletions[i] = (Math.imul(prefix, power[n - 1 - i]) + suffix[i + 1]) >>> 0;
        prefix = (Math.imul(prefix, BASE) + s.charCodeAt(i)) >>> 0;
    }
    return deletions.subarray(0, n);
}
/** Calls `visit` with each of deletionHashes(s). */
function forEachDeletionHash(s, visit) {
    const hashes = deletionHashes(s);
    for (let i = 0; i < hashes.length; i++)
        visit(hashes[i]);
}
/** An odd constant (2^32 / the golden ratio) that mixes a hash's bits up into its high bits, for the filter. */
const FILTER_MIX = 0x9e3779b1;
/**
 * A multimap from 32-bit hashes to numbers (name indexes), in typed arrays: no per-entry allocation.
 * Nearly every lookup is a miss (a dependency name is rarely one edit from a popular one), and the
 * bucket arrays of the popular-names index are megabytes: each miss was a cache miss. A bit per
 * (mixed) hash, eight times fewer bytes than the bucket heads, answers most misses from cache.
 */
class HashMultimap {
    /** Bucket heads (entry number + 1; 0 = empty) by hash & mask. */
    heads;
    mask;
    /** Bit `present(hash)` set for every hash added; a clear bit means no entry has that hash. */
    bits;
    bitShift;
    entryHash;
    entryValue;
    entryNext;
    size = 0;
    constructor(capacity) {
        let buckets = 16;
        while (buckets < capacity * 2)
            buckets *= 2;
        this.heads = new Int32Array(buckets);
        this.mask = buckets - 1;
        // 4 bits per bucket (8 per entry or more): a miss passes the filter about once in eight.
        this.bits = new Int32Array(buckets / 8);
        this.bitShift = 32 - Math.log2(buckets * 4);
        this.entryHash = new Uint32Array(capacity);
        this.entryValue = new Int32Array(capacity);
        this.entryNext = new Int32Array(capacity);
    }
    /** The filter bit of `hash`: its mixed high bits, so it is independent of the bucket (the low bits). */
    bit(hash) {
        return Math.imul(hash, FILTER_MIX) >>> this.bitShift;
    }
    add(hash, value) {
        const e = this.size++;
        const bucket = hash & this.mask;
        this.entryHash[e] = hash;
        this.entryValue[e] = value;
        this.entryNext[e] = this.heads[bucket];
        this.heads[bucket] = e + 1;
        const b = this.bit(hash);
        this.bits[b >>> 5] |= 1 << (b & 31);
    }
    /**
     * The pairs added, in order (views of the map's arrays, not copies), and the capacity it was made with:
     * all `replay` needs to make the same map again. The bucket heads, chains and filter are left out: they
     * are four times the pairs' bytes, and the replay rebuilds them without hashing any string again.
     */
    added() {
        return {
            capacity: this.entryHash.length,
            hashes: this.entryHash.subarray(0, this.size),
            values: this.entryValue.subarray(0, this.size),
        };
    }
    /** The map `new HashMultimap(capacity)` is after add(hashes[i], values[i]) for every i in order. */
    static replay(capacity, hashes, values) {
        const map = new HashMultimap(capacity);
        const { heads, mask, bits, bitShift, entryNext } = map;
        map.entryHash.set(hashes);
        map.entryValue.set(values);
        // add()'s chaining and filter bit, in one loop over locals: a call per pair was most of a load.
        for (let e = 0; e < hashes.length; e++) {
            const hash = hashes[e];
            const bucket = hash & mask;
            entryNext[e] = heads[bucket];
            heads[bucket] = e + 1;
            const b = Math.imul(hash, FILTER_MIX) >>> bitShift;
            bits[b >>> 5] |= 1 << (b & 31);
        }
        map.size = hashes.length;
        return map;
    }
    /** Adds to `out` every value stored under `hash`. */
    collect(hash, out) {
        const b = this.bit(hash);
        if ((this.bits[b >>> 5] & (1 << (b & 31))) === 0)
            return;
        for (let e = this.heads[hash & this.mask]; e !== 0; e = this.entryNext[e - 1])
            if (this.entryHash[e - 1] === hash)
                out.add(this.entryValue[e - 1]);
    }
}
/** How many deletions deletionIndex adds for `keys`: one per character of each key of `minLength` or more. */
function deletionCount(keys, minLength) {
    let total = 0;
    for (const k of keys)
        if (k.length >= minLength)
            total += k.length;
    return total;
}
/** The hash of every one-character deletion of each key (keys shorter than `minLength` left out), under the key's index. */
function deletionIndex(keys, minLength) {
    const index = new HashMultimap(deletionCount(keys, minLength));
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key.length < minLength)
            continue;
        const hashes = deletionHashes(key);
        for (let d = 0; d < hashes.length; d++)
            index.add(hashes[d], i);
    }
    return index;
}
/**
 * What deletionIndex(keys, minLength) adds under the hashes it adds (each key's index once per
 * character), so a precomputed index ships its hashes alone: see HashMultimap.replay.
 */
function deletionIndexValues(keys, minLength) {
    const values = new Int32Array(deletionCount(keys, minLength));
    let e = 0;
    for (let i = 0; i < keys.length; i++) {
        const length = keys[i].length;
        if (length >= minLength)
            for (const end = e + length; e < end; e++)
                values[e] = i;
    }
    return values;
}

;// CONCATENATED MODULE: ./build/shared/deps/edit-distance.js
/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions: `sered` is one edit from `serde`), with an early exit once
 * the distance exceeds `limit`, since callers only ask "is it 1?".
 */
function osaDistance(a, b, limit = Infinity) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    const rows = [
        new Array(b.length + 1),
        new Array(b.length + 1),
        new Array(b.length + 1),
    ];
    for (let j = 0; j <= b.length; j++)
        rows[1][j] = j;
    for (let i = 1; i <= a.length; i++) {
        const [twoBack, prev, cur] = [rows[0], rows[1], rows[2]];
        cur[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, twoBack[j - 2] + 1);
            cur[j] = d;
            if (d < rowMin)
                rowMin = d;
        }
        if (rowMin > limit)
            return limit + 1;
        rows.push(rows.shift());
    }
    return rows[1][b.length];
}
/** Every string obtained by deleting one character (the "symmetric delete" index key set). */
function oneDeletions(s) {
    const out = [];
    for (let i = 0; i < s.length; i++)
        out.push(s.slice(0, i) + s.slice(i + 1));
    return out;
}

;// CONCATENATED MODULE: ./build/shared/deps/typosquat.js
/**
 * Typosquat suspects: dependencies whose name is close to a popular package's
 * name without being that package (or another popular one). Closeness, from
 * the most to the least specific:
 *   - separator/case variant: `serde-json` for `serde_json`;
 *   - homoglyphs: `rnemchr` for `memchr`, `l0dash` or Cyrillic `а` for `lodash`,
 *     and invisible characters (zero-width space/joiners, word joiner, BOM,
 *     soft hyphen…) that make `lo\u200bdash` print as `lodash`;
 *   - an added affix: `tokio-rs`, `node-lodash`, `lodash-js`;
 *   - one edit (insert, delete, substitute, swap two neighbours) from a
 *     popular name of at least MIN_EDIT_LENGTH characters — short names are
 *     so dense that one edit mostly lands on another real package.
 * Edit-distance candidates come from a symmetric-delete index (every popular
 * name minus one character, kept as hashes: ./deletion-index.ts), so the
 * check is linear in the number of names instead of comparing every pair.
 *
 * The popular names are real ranked data (data/README.md): the top 20,000
 * crates by downloads and npm's 10,000 highest-impact packages. crates.io
 * holds one crate per name up to case and `-`/`_`, and the downloads index
 * writes every separator as `_`: a crate whose real spelling is not known is
 * popular under any spelling (`anySpelling`), so only the crates of
 * data/spellings.json take part in the separator-variant check.
 *
 * Building an index from those names (their normal forms, skeletons and
 * deletion hashes) is ~100 ms of un-optimised code for the crates, every run.
 * The bundle does not: scripts/precompile-popular-index.ts serialises each
 * built index at bundle time into a file beside the bundle, which
 * popularIndex reads. A source run has no such file and builds the index.
 */





const MIN_EDIT_LENGTH = 5;
const PREFIXES = ['rust-', 'rs-', 'node-', 'js-'];
const SUFFIXES = ['-rs', '-rust', '-node', '-js', '.js'];
const HOMOGLYPHS = {
    '0': 'o',
    '1': 'l',
    i: 'l',
    '|': 'l',
    '5': 's',
    '\u0430': 'a',
    '\u0435': 'e',
    '\u043e': 'o',
    '\u0440': 'p',
    '\u0441': 'c',
    '\u0445': 'x',
    '\u0443': 'y',
    '\u0456': 'l',
    '\u0455': 's',
    '\u0501': 'd',
    '\u0261': 'g',
    '\u03bf': 'o',
    '\u03b1': 'a',
};
/** Names already in normal form (most are) are returned as they are, without two new strings each. */
const NEEDS_NORMALIZING = /[^a-z0-9.-]/;
function normalizeName(name) {
    return NEEDS_NORMALIZING.test(name) ? name.toLowerCase().replace(/_/g, '-') : name;
}
/**
 * Characters that print as nothing: Unicode's default-ignorable code points
 * (U+200B..U+200F, U+2060..U+2064, U+FEFF, U+00AD, variation selectors…) and
 * the other format characters (U+061C, U+180E, bidi controls). No registry
 * name needs one; in a package name each is a way to look like another name.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
function hasInvisible(name) {
    return name.search(INVISIBLE) !== -1;
}
/** Printable ASCII: a control character takes the full path (it is no registry name anyway). */
const ASCII = /^[\x20-\x7e]*$/;
/** What the ASCII skeleton changes: a homoglyph, or a pair that prints as one letter. */
const ASCII_LOOKALIKE = /[015i|]|rn|vv/;
/**
 * The skeleton of a normalised printable-ASCII name in one pass: homoglyphs
 * folded, then `rn` → `m` and `vv` → `w` left to right. Folding makes no `r`,
 * `n` or `v`, and the two pairs share no letter, so one pass gives what the
 * three replacements in turn give.
 */
function asciiSkeleton(n) {
    if (!ASCII_LOOKALIKE.test(n))
        return n;
    // Most names change in one or two places (an `i`): copy the runs between them as slices, not per character.
    let out = '';
    let from = 0;
    for (let i = 0; i < n.length; i++) {
        const c = n[i];
        let replacement;
        let width = 1;
        if (c === 'r' && n[i + 1] === 'n') {
            replacement = 'm';
            width = 2;
        }
        else if (c === 'v' && n[i + 1] === 'v') {
            replacement = 'w';
            width = 2;
        }
        else
            replacement = HOMOGLYPHS[c];
        if (replacement === undefined)
            continue;
        out += n.slice(from, i) + replacement;
        i += width - 1;
        from = i + 1;
    }
    return out + n.slice(from);
}
/** The name as it looks: invisible characters dropped, confusable ones folded onto one representative. */
function skeleton(name) {
    // ASCII (nearly every name) is its own NFKC form and holds no invisible character: skip both passes.
    if (ASCII.test(name))
        return asciiSkeleton(normalizeName(name));
    return [...normalizeName(name.normalize('NFKC')).replace(INVISIBLE, '')]
        .map((c) => HOMOGLYPHS[c] ?? c)
        .join('')
        .replace(/rn/g, 'm')
        .replace(/vv/g, 'w');
}
/**
 * What strings are to the popular names. The four questions a name asks
 * (popular itself? popular under any spelling? whose normal form? whose
 * skeleton?) are asked of one map, from the string to an entry number whose
 * answers are in typed arrays: a name in normal form that looks like itself
 * (most names) is one lookup instead of four in four tables (on a
 * 20,000-package graph the lookups were most of the check), and building it
 * allocates no object per entry.
 */
const EXACT = 1;
const ANY_SPELLING = 2;
function buildPopularIndex(names, anySpelling = []) {
    const entries = new Map();
    const entry = (key) => {
        let e = entries.get(key);
        if (e === undefined)
            entries.set(key, (e = entries.size));
        return e;
    };
    // At most three strings per name and one per any-spelling name.
    const capacity = names.length * 3 + anySpelling.length;
    const flags = new Uint8Array(capacity);
    const normalizedOf = new Int32Array(capacity).fill(-1);
    const skeletonOf = new Int32Array(capacity).fill(-1);
    const normalized = names.map(normalizeName);
    // A later name of the same normal form or skeleton wins (as Map.set did when these were maps).
    for (let i = 0; i < names.length; i++) {
        const name = names[i];
        const n = normalized[i];
        // Most names are their own normal form and skeleton: one entry, looked up once.
        const ofName = entry(name);
        const ofN = n === name ? ofName : entry(n);
        const look = ASCII.test(name) ? asciiSkeleton(n) : skeleton(name);
        flags[ofName] |= EXACT;
        normalizedOf[ofN] = i;
        skeletonOf[look === n ? ofN : entry(look)] = i;
    }
    for (const name of anySpelling)
        flags[entry(normalizeName(name))] |= ANY_SPELLING;
    const byWholeName = new HashMultimap(names.length);
    for (let i = 0; i < names.length; i++) {
        const n = normalized[i];
        if (n.length >= MIN_EDIT_LENGTH && normalizedOf[entries.get(n)] === i)
            byWholeName.add(stringHash(n), i);
    }
    // Only the first entries.size are used: the rest need not be kept, nor serialised.
    return {
        entries,
        flags: flags.slice(0, entries.size),
        normalizedOf: normalizedOf.slice(0, entries.size),
        skeletonOf: skeletonOf.slice(0, entries.size),
        names,
        normalized,
        byDeletion: deletionIndex(normalized, MIN_EDIT_LENGTH),
        byWholeName,
    };
}
/** The popular name whose normal form `key` is, if any. */
function normalFormOf(index, key) {
    const e = index.entries.get(key);
    return e === undefined || index.normalizedOf[e] < 0 ? undefined : index.names[index.normalizedOf[e]];
}
/*
 * The popular names are read only when an index is built, not imported: the bundle reads its precomputed
 * index file, which holds every name, so the JSON would only be parsed for nothing there (ncc still copies
 * the files beside the bundle: without its index file, a bundle builds the index from them).
 */
/** The crates index: known spellings exactly, the other names under any spelling. */
function popularCratesIndex() {
    const popularCrates = JSON.parse((0,external_node_fs_.readFileSync)(__nccwpck_require__.ab + "popular-crates.json", 'utf8'));
    const spelled = new Set(popularCrates.spelled.map(normalizeName));
    const unknown = popularCrates.names.filter((n) => !spelled.has(normalizeName(n)));
    return buildPopularIndex([...popularCrates.spelled, ...unknown], unknown);
}
/** The npm index: every name as written. */
function popularNpmIndex() {
    const popularNpm = JSON.parse((0,external_node_fs_.readFileSync)(__nccwpck_require__.ab + "popular-npm.json", 'utf8'));
    return buildPopularIndex(popularNpm.names);
}
/** The index built from the names in data/: what a source run uses and the bundle step serialises. */
function builtPopularIndex(ecosystem) {
    return ecosystem === 'cargo' ? popularCratesIndex() : popularNpmIndex();
}
const indexes = new Map();
/** The index of `ecosystem`'s popular names, once per run: the bundle's precomputed one, else built here. */
function popularIndex(ecosystem) {
    let index = indexes.get(ecosystem);
    if (!index) {
        const data = precomputedIndex(ecosystem);
        index = (data && deserializePopularIndex(data)) ?? builtPopularIndex(ecosystem);
        indexes.set(ecosystem, index);
    }
    return index;
}
/*
 * A PopularIndex as bytes, for the file the bundle carries: its typed arrays as they are in memory, then
 * every entry's string (UTF-8, joined by KEY_SEPARATOR). What is quick to derive again is left out: each
 * popular name and its normal form and skeleton are entry numbers (normalizedOf and skeletonOf follow from
 * them), the deletion index is its hashes (the values are each name's number once per character). Read
 * back, the arrays are views of the file's bytes: no text to parse, no base64 to decode.
 *
 * Layout: MAGIC, then the header's Uint32 fields (HEADER below) in the writer's byte order, then the
 * Int32/Uint32 sections (names, normalized, skeletons, deletion hashes, whole-name hashes and values),
 * the Uint8 flags and the keys. A file of the other byte order reads as another magic.
 */
const MAGIC = 0x31584950; // "PIX1" read as a little-endian Uint32
const HEADER = ['keys', 'keyBytes', 'names', 'deletions', 'wholeNameCapacity', 'wholeNames'];
/** No popular name, normal form or skeleton holds a newline; serializePopularIndex checks it. */
const KEY_SEPARATOR = '\n';
function serializePopularIndex(index) {
    const keys = [...index.entries.keys()];
    const bad = keys.find((k) => k.includes(KEY_SEPARATOR));
    if (bad !== undefined)
        throw new Error(`a popular-index key holds the separator: ${JSON.stringify(bad)}`);
    const entryOf = (key) => index.entries.get(key);
    const wholeName = index.byWholeName.added();
    const deletions = index.byDeletion.added().hashes;
    const keyBytes = Buffer.from(keys.join(KEY_SEPARATOR), 'utf8');
    const fields = {
        keys: keys.length,
        keyBytes: keyBytes.length,
        names: index.names.length,
        deletions: deletions.length,
        wholeNameCapacity: wholeName.capacity,
        wholeNames: wholeName.hashes.length,
    };
    const header = Uint32Array.of(MAGIC, ...HEADER.map((f) => fields[f]));
    const words = [
        header,
        Int32Array.from(index.names, entryOf),
        Int32Array.from(index.normalized, entryOf),
        Int32Array.from(index.names, (name) => entryOf(skeleton(name))),
        deletions,
        wholeName.hashes,
        wholeName.values,
    ];
    return Buffer.concat([
        ...words.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)),
        index.flags,
        keyBytes,
    ]);
}
/** The index serializePopularIndex wrote in `bytes`; null when they are not one (another byte order). */
function deserializePopularIndex(bytes) {
    // Typed-array views need their element size's alignment; a file read into its own buffer has it.
    const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    let at = data.byteOffset;
    const take = (Type, length) => {
        if (at - data.byteOffset + length * Type.BYTES_PER_ELEMENT > data.byteLength)
            throw new Error('the popular-names index file is truncated');
        const view = new Type(data.buffer, at, length);
        at += length * Type.BYTES_PER_ELEMENT;
        return view;
    };
    if (data.byteLength < 4 || take(Uint32Array, 1)[0] !== MAGIC)
        return null;
    const h = take(Uint32Array, HEADER.length);
    const field = (name) => h[HEADER.indexOf(name)];
    const nameEntries = take(Int32Array, field('names'));
    const normalizedEntries = take(Int32Array, field('names'));
    const skeletonEntries = take(Int32Array, field('names'));
    const hashes = take(Uint32Array, field('deletions'));
    const wholeNameHashes = take(Uint32Array, field('wholeNames'));
    const wholeNameValues = take(Int32Array, field('wholeNames'));
    const flags = take(Uint8Array, field('keys'));
    const keys = Buffer.from(take(Uint8Array, field('keyBytes')))
        .toString('utf8')
        .split(KEY_SEPARATOR);
    const entries = new Map();
    for (let e = 0; e < keys.length; e++)
        entries.set(keys[e], e);
    const names = new Array(nameEntries.length);
    const normalized = new Array(nameEntries.length);
    const normalizedOf = new Int32Array(keys.length).fill(-1);
    const skeletonOf = new Int32Array(keys.length).fill(-1);
    // In name order, so a later name of the same normal form or skeleton wins, as in buildPopularIndex.
    for (let i = 0; i < nameEntries.length; i++) {
        names[i] = keys[nameEntries[i]];
        normalized[i] = keys[normalizedEntries[i]];
        normalizedOf[normalizedEntries[i]] = i;
        skeletonOf[skeletonEntries[i]] = i;
    }
    return {
        entries,
        flags,
        normalizedOf,
        skeletonOf,
        names,
        normalized,
        byDeletion: HashMultimap.replay(hashes.length, hashes, deletionIndexValues(normalized, MIN_EDIT_LENGTH)),
        byWholeName: HashMultimap.replay(field('wholeNameCapacity'), wholeNameHashes, wholeNameValues),
    };
}
/** The file scripts/precompile-popular-index.ts writes the serialised index of `ecosystem` to. */
const precomputedIndexFile = (ecosystem) => `popular-index-${ecosystem}.bin`;
/**
 * The serialised index of `ecosystem` when this runs from the bundle (the file beside it); null in a source
 * run, which has no such file.
 */
function precomputedIndex(ecosystem) {
    // Literal paths, so ncc copies both files beside the bundle.
    const file = ecosystem === 'cargo' ? __nccwpck_require__.ab + "popular-index-cargo.bin" : __nccwpck_require__.ab + "popular-index-npm.bin";
    try {
        return (0,external_node_fs_.readFileSync)(file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null;
        throw e;
    }
}
/** Reused by every call (one Set per name was a measurable share of the garbage on large graphs). */
const scratchCandidates = new Set();
/** How `name` resembles a popular name, or null when it does not (or is popular itself). */
function resemblance(name, index) {
    const { entries, flags, names } = index;
    const asWritten = entries.get(name);
    if (asWritten !== undefined && flags[asWritten] & EXACT)
        return null;
    const normalized = normalizeName(name);
    // A string equal to one already looked up reuses its entry (a name in normal form, a skeleton unchanged).
    const ofNormalized = normalized === name ? asWritten : entries.get(normalized);
    if (ofNormalized !== undefined && flags[ofNormalized] & ANY_SPELLING)
        return null;
    const ascii = ASCII.test(name);
    // Printable ASCII holds no invisible character.
    const hidden = !ascii && hasInvisible(name);
    // The rest of the checks read the name as it prints.
    const n = hidden ? normalizeName(name.replace(INVISIBLE, '')) : normalized;
    const ofN = n === normalized ? ofNormalized : entries.get(n);
    const variant = ofN === undefined ? -1 : index.normalizedOf[ofN];
    // An invisible character is a look-alike trick, whatever else differs.
    if (variant >= 0)
        return { popular: names[variant], technique: hidden ? 'homoglyph' : 'separator-or-case' };
    const skeletonKey = ascii ? asciiSkeleton(normalized) : skeleton(name);
    const ofSkeleton = skeletonKey === n ? ofN : entries.get(skeletonKey);
    const look = ofSkeleton === undefined ? -1 : index.skeletonOf[ofSkeleton];
    if (look >= 0)
        return { popular: names[look], technique: 'homoglyph' };
    for (let k = 0; k < PREFIXES.length; k++) {
        const p = PREFIXES[k];
        const base = n.startsWith(p) ? normalFormOf(index, n.slice(p.length)) : undefined;
        if (base && base.length >= 3)
            return { popular: base, technique: 'affix' };
    }
    for (let k = 0; k < SUFFIXES.length; k++) {
        const s = SUFFIXES[k];
        const base = n.endsWith(s) ? normalFormOf(index, n.slice(0, -s.length)) : undefined;
        if (base && base.length >= 3)
            return { popular: base, technique: 'affix' };
    }
    if (n.length < MIN_EDIT_LENGTH - 1)
        return null;
    // Candidates: popular names n is a deletion of, that are a deletion of n, or that share a deletion
    // with n. Hash collisions only add candidates; the distance check below keeps the real ones.
    const candidates = scratchCandidates;
    // Clearing a Set allocates a new table even when it is empty, and it nearly always is.
    if (candidates.size !== 0)
        candidates.clear();
    index.byDeletion.collect(stringHash(n), candidates);
    const hashes = deletionHashes(n);
    for (let d = 0; d < hashes.length; d++) {
        index.byWholeName.collect(hashes[d], candidates);
        index.byDeletion.collect(hashes[d], candidates);
    }
    if (candidates.size === 0)
        return null;
    let best;
    for (const i of candidates) {
        const c = index.names[i];
        if ((best === undefined || c < best) && osaDistance(n, index.normalized[i], 1) === 1)
            best = c;
    }
    return best !== undefined ? { popular: best, technique: 'edit-distance' } : null;
}
function findTyposquats(graph, index = popularIndex(graph.ecosystem)) {
    // Each name once, in first-seen order; the ids are gathered for the few names that resemble one.
    const verdicts = new Map();
    const ids = new Map();
    // forEach, not for-of: a loop that runs once (on 20,000 packages) allocates an iterator result per step
    // until it is optimised.
    graph.packages.forEach((p) => {
        if (p.workspaceMember)
            return;
        let r = verdicts.get(p.name);
        if (r === undefined)
            verdicts.set(p.name, (r = resemblance(p.name, index)));
        if (r)
            (0,multimap/* pushTo */.I)(ids, p.name, p.id);
    });
    const out = [];
    verdicts.forEach((r, name) => {
        if (!r)
            return;
        out.push((0,deps_findings/* finding */.gk)('typosquat', name, `${name} resembles the popular package ${r.popular} (${r.technique})`, ids.get(name).sort(), [], {
            resembles: r.popular,
            technique: r.technique,
        }));
    });
    return out;
}

// EXTERNAL MODULE: ./build/shared/deps/vendors.js
var deps_vendors = __nccwpck_require__(9136);
;// CONCATENATED MODULE: ./build/shared/deps/analyze.js
/**
 * Runs every analysis over one graph and scores the result: the single entry
 * point the action (and the benchmark) call. Pure: no I/O.
 */











function analyzeGraph(graph, options = { allow: allow_list/* EMPTY_ALLOW_LIST */.t, vendor: deps_vendors/* DEFAULT_VENDOR_OPTIONS */.O_ }) {
    const duplicates = findDuplicates(graph);
    const { cycles, devCycles } = findCycles(graph);
    const vendors = (0,deps_vendors/* findVendorConcentration */.vp)(graph, options.vendor);
    const typosquats = findTyposquats(graph);
    const pins = findUnusualPins(graph);
    const escapes = findPathEscapes(graph);
    const malicious = findKnownMalicious(graph, options.malicious ?? shippedMaliciousDb());
    const all = [
        ...duplicates,
        ...cycles,
        ...devCycles,
        ...vendors,
        ...typosquats,
        ...pins,
        ...escapes,
        ...malicious,
    ];
    const risk = scoreRisk(all, options.allow);
    const mostDependedOn = topDependedOn(graph, 10);
    return {
        graphSha256: graphSha256(graph),
        counts: {
            packages: graph.packages.length,
            workspaceMembers: graph.packages.filter((p) => p.workspaceMember).length,
            edges: graph.edges.length,
            duplicates: duplicates.length,
            cycles: cycles.length,
            devCycles: devCycles.length,
            vendorConcentration: vendors.length,
            typosquatSuspects: typosquats.length,
            unusualPins: pins.length,
            pathEscapes: escapes.length,
            knownMalicious: malicious.length,
            allowed: risk.findings.filter((f) => f.allowed).length,
        },
        risk,
        mostDependedOn,
        vendorShares: (0,deps_vendors/* vendorShares */.DE)(graph).shares.slice(0, 10),
    };
}
/**
 * The `limit` packages with the most distinct dependents (ties by id). Edges
 * are bucketed by their source (counting sort), and a target counts a source
 * once: the source stamps it. No set per package (20,000 of them on a
 * 20,000-package graph) and no set of pairs.
 */
function topDependedOn(graph, limit) {
    const { from, to } = graphIndex(graph);
    const m = from.length;
    const n = graph.packages.length;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < m; i++)
        start[from[i] + 1]++;
    for (let v = 0; v < n; v++)
        start[v + 1] += start[v];
    const fill = start.slice(0, n);
    const targets = new Int32Array(m);
    for (let i = 0; i < m; i++)
        targets[fill[from[i]]++] = to[i];
    const stamp = new Int32Array(n).fill(-1);
    const count = new Int32Array(n);
    for (let v = 0; v < n; v++)
        for (let k = start[v]; k < start[v + 1]; k++) {
            const t = targets[k];
            if (stamp[t] !== v) {
                stamp[t] = v;
                count[t]++;
            }
        }
    const top = [];
    count.forEach((c, i) => {
        if (c > 0)
            top.push({ id: graph.packages[i].id, dependents: c });
    });
    return top.sort((a, b) => b.dependents - a.dependents || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

// EXTERNAL MODULE: ./build/shared/git.js
var git = __nccwpck_require__(772);
;// CONCATENATED MODULE: ./build/shared/run-context.js
/**
 * The workflow run an action step belongs to, as one plain value. The action
 * layer builds it once (actions/run-context.ts, from @actions/github's
 * context), the way docker/metadata-action builds its context at the edge;
 * every module in shared/ takes it as a parameter and never reads the
 * runner's GITHUB_* variables itself, so each is a function of its arguments.
 * A value the runner does not give is null, never invented.
 */
/** A run with nothing known: a local run outside GitHub Actions, and the default for library callers. */
function localRunContext(overrides = {}) {
    return {
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        repository: null,
        repositoryOwner: null,
        repositoryId: null,
        repositoryOwnerId: null,
        sha: null,
        ref: null,
        eventName: null,
        runId: null,
        runAttempt: null,
        job: null,
        workflowRef: null,
        runnerEnvironment: null,
        actor: null,
        repositoryVisibility: null,
        oidcTokenRequest: null,
        sourceDateEpoch: null,
        ...overrides,
    };
}
/** The workflow file's path inside the repository, from the workflow ref (`owner/name/<path>@<ref>`). */
function workflowPath(ctx) {
    if (!ctx.workflowRef || !ctx.repository)
        return null;
    const prefix = `${ctx.repository}/`;
    const at = ctx.workflowRef.lastIndexOf('@');
    const withoutRef = at > 0 ? ctx.workflowRef.slice(0, at) : ctx.workflowRef;
    return withoutRef.startsWith(prefix) ? withoutRef.slice(prefix.length) : null;
}
/** The builder id GitHub's own attestations use: `<server>/<owner>/<name>/<workflow path>@<ref>`. */
function defaultBuilderId(ctx) {
    return ctx.workflowRef ? `${ctx.serverUrl}/${ctx.workflowRef}` : null;
}
/** The run's URL, per attempt (SLSA runDetails.metadata.invocationId). */
function invocationId(ctx) {
    if (!ctx.repository || !ctx.runId)
        return null;
    return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt ?? '1'}`;
}
/**
 * The version the runner implies, for a build outside a git checkout (a
 * workflow that downloaded the sources as an artifact, a container job
 * without .git): the tag for a tag push (`refs/tags/v1.2.3` → `v1.2.3`), else
 * the commit abbreviated as `git describe --always` would (7 hex digits).
 * Null when the runner says nothing.
 */
function versionFromRun(ctx) {
    const tag = /^refs\/tags\/(\S+)$/.exec(ctx.ref ?? '');
    if (tag)
        return tag[1];
    const sha = ctx.sha ?? '';
    return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha.slice(0, 7) : null;
}

// EXTERNAL MODULE: ./build/shared/source-date.js
var source_date = __nccwpck_require__(3124);
// EXTERNAL MODULE: ./build/shared/exec.js
var exec = __nccwpck_require__(7239);
;// CONCATENATED MODULE: ./build/shared/deps/build-context.js
/**
 * Where and with what the builder was built: the commit and ref (the run's,
 * else git's, through shared/git.ts), the GitHub run, rustc and cargo
 * versions. Null when nothing knows a value (a record never invents one).
 */


async function toolLine(cmd, cwd) {
    try {
        return (await (0,exec/* run */.eF)(cmd, ['--version'], { cwd })).stdout.split('\n')[0]?.trim() || null;
    }
    catch {
        return null;
    }
}
async function readBuildContext(cwd, ctx) {
    const [source, rustVersion, cargoVersion] = await Promise.all([
        (0,git/* sourceFacts */.tp)(cwd, ctx),
        toolLine('rustc', cwd),
        toolLine('cargo', cwd),
    ]);
    return { gitCommit: source.sha, gitRef: source.ref, githubRunId: ctx.runId, rustVersion, cargoVersion };
}

// EXTERNAL MODULE: ./build/shared/deps/load.js + 5 modules
var load = __nccwpck_require__(1459);
// EXTERNAL MODULE: ./build/shared/deps/options.js + 1 modules
var deps_options = __nccwpck_require__(5356);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __nccwpck_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __nccwpck_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
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
    build_timestamp: datetime(),
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
    kind: schemas/* enum */.k5n(deps_findings/* FINDING_KINDS */.mH),
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

;// CONCATENATED MODULE: ./build/shared/deps/report.js


function buildReport(graph, analysis, context) {
    const { threshold, allowList } = context;
    const byKind = Object.fromEntries(Object.entries(analysis.risk.byKind).map(([kind, t]) => {
        const w = RISK_WEIGHTS[kind];
        return [kind, { ...t, severity: w.severity, weight: w.perFinding, cap: w.cap }];
    }));
    return depsReportSchema.parse({
        schema: 'infrasim-deps-report/1',
        source: {
            file: graph.file,
            origin: graph.origin,
            ecosystem: graph.ecosystem,
            edge_kinds_known: graph.edgeKindsKnown,
        },
        graph_sha256: analysis.graphSha256,
        risk: {
            score: analysis.risk.score,
            threshold,
            passed: analysis.risk.score <= threshold,
            by_kind: byKind,
        },
        counts: { ...analysis.counts },
        allow_list: allowList,
        known_malicious: context.knownMalicious,
        sbom: context.sbom,
        findings: analysis.risk.findings,
        most_depended_on: analysis.mostDependedOn,
        vendor_shares: analysis.vendorShares.map((s) => ({ ...s, share: Number(s.share.toFixed(4)) })),
    });
}

// EXTERNAL MODULE: ./build/shared/deps/sbom-validator.js + 1 modules
var sbom_validator = __nccwpck_require__(3345);
// EXTERNAL MODULE: ./build/shared/deps/sbom-parts.js
var sbom_parts = __nccwpck_require__(9377);
;// CONCATENATED MODULE: ./build/shared/deps/sbom-writer.js
/**
 * The CycloneDX 1.6 JSON of a dependency graph, written directly: the very
 * document that buildSbom + serializeSbom (./sbom.ts, through
 * @cyclonedx/cyclonedx-library's models and normalizer) produce, byte for
 * byte (test/unit/deps-sbom-writer.test.ts compares them on the fixture
 * lockfiles), without building a model object, a sortable set and a
 * normalised copy per package: on 100,000 packages those were seconds of
 * allocation and garbage collection.
 *
 * What the library does, and this module does the same way:
 *   - keys in the normaliser's order, absent values left out;
 *   - components sorted by bom-ref with `localeCompare` (ties: purl, then
 *     group/name/version), dependencies by ref, each dependsOn list by ref;
 *   - a component's dependsOn is its distinct targets minus itself;
 *   - a hash whose value is not one the spec accepts is dropped (the list stays);
 *   - metadata.component lists the workspace members it depends on.
 * Bom-refs that are empty or repeated (the library would invent new ones)
 * cannot come from a graph, whose ids are unique; they are refused here and
 * the caller keeps the library's path for them.
 */


/** The hash values CycloneDX accepts (the library's Spec hashValuePattern). */
const HASH_VALUE = /^([a-fA-F0-9]{32})$|^([a-fA-F0-9]{40})$|^([a-fA-F0-9]{64})$|^([a-fA-F0-9]{96})$|^([a-fA-F0-9]{128})$/;
/** `localeCompare` without locales or options is this collator's compare (ECMA-402), without a lookup per call. */
const collator = new Intl.Collator();
const compareText = (a, b) => collator.compare(a, b);
function componentOf(pkg, ecosystem) {
    // Filled key by key: JSON.stringify writes keys in the order they were added, the normaliser's order.
    const c = { type: pkg.workspaceMember ? 'application' : 'library', name: pkg.name };
    if (pkg.version !== '')
        c.version = pkg.version;
    c['bom-ref'] = pkg.id;
    const hash = (0,sbom_parts/* hashOf */.qQ)(pkg.checksum);
    if (hash)
        c.hashes = HASH_VALUE.test(hash[1]) ? [{ alg: hash[0], content: hash[1] }] : [];
    const license = (0,sbom_parts/* licenseOf */.L3)(pkg.license);
    if (license)
        c.licenses = [
            license.kind === 'expression' ? { expression: license.value } : { license: { name: license.value } },
        ];
    const purl = (0,sbom_parts/* purlOf */.VA)(pkg, ecosystem);
    if (purl !== undefined)
        c.purl = purl;
    return c;
}
/** The library's Component.compare after equal bom-refs, on the fields these components have. */
function compareComponents(a, b) {
    if (a.purl !== undefined && b.purl !== undefined)
        return compareText(a.purl, b.purl);
    return compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '');
}
/**
 * No two refs the collator takes as equal (the usual case): every ref has
 * its own position, so components and dependencies are placed at theirs and
 * each dependsOn list is a numeric sort of positions, deduplicated.
 */
function orderByPosition(graph, sorted, 
/** The position of the product (at 0) and of package i (at i + 1). */
positionOf) {
    const placed = new Array(sorted.length);
    graph.packages.forEach((p, i) => (placed[positionOf[i + 1]] = componentOf(p, graph.ecosystem)));
    const productAt = positionOf[0];
    const components = placed.filter((c, i) => i !== productAt);
    // Targets by source position; the product depends on the workspace members.
    const targets = new Array(sorted.length);
    const add = (from, to) => {
        if (from !== to)
            (targets[from] ??= []).push(to);
    };
    graph.packages.forEach((p, i) => {
        if (p.workspaceMember)
            add(productAt, positionOf[i + 1]);
    });
    const { from, to } = graphIndex(graph);
    for (let i = 0; i < from.length; i++)
        add(positionOf[from[i] + 1], positionOf[to[i] + 1]);
    const dependencies = sorted.map((ref, i) => {
        const to = targets[i];
        if (!to)
            return { ref };
        const order = Int32Array.from(to).sort();
        const dependsOn = [];
        for (let k = 0; k < order.length; k++)
            if (k === 0 || order[k] !== order[k - 1])
                dependsOn.push(sorted[order[k]]);
        return { ref, dependsOn };
    });
    return { components, dependencies };
}
/**
 * Some refs compare equal (canonically equivalent Unicode, ignorable
 * characters): the library's comparator sorts, stable, so equal refs keep
 * the order they came in, and components fall back to purl, name, version.
 */
function orderWithTies(graph, productRef, sorted) {
    const rank = new Map();
    let r = 0;
    sorted.forEach((ref, i) => {
        if (i > 0 && compareText(sorted[i - 1], ref) !== 0)
            r = i;
        rank.set(ref, r);
    });
    const byRank = (a, b) => rank.get(a) - rank.get(b);
    // Targets by source, first-seen order, each once (the library's dependency sets).
    const targets = new Map();
    targets.set(productRef, new Set());
    for (const p of graph.packages) {
        targets.set(p.id, new Set());
        if (p.workspaceMember)
            targets.get(productRef).add(p.id);
    }
    for (const e of graph.edges)
        targets.get(e.from).add(e.to);
    const dependencies = [];
    for (const [ref, to] of targets) {
        to.delete(ref);
        dependencies.push(to.size > 0 ? { ref, dependsOn: [...to].sort(byRank) } : { ref });
    }
    dependencies.sort((a, b) => byRank(a.ref, b.ref));
    const components = graph.packages
        .map((p) => componentOf(p, graph.ecosystem))
        .sort((a, b) => byRank(a['bom-ref'], b['bom-ref']) || compareComponents(a, b));
    return { components, dependencies };
}
/** The document, or null when a bom-ref is empty or repeated (see the module comment). */
function sbomDocument(graph, options) {
    const productRef = `product:${options.name}`;
    // Ids numbered once each are unique; the product's ref and the empty ref must not be among them.
    const { indexOf } = graphIndex(graph);
    if (indexOf.size !== graph.packages.length || indexOf.has('') || indexOf.has(productRef))
        return null;
    const product = { type: 'application', name: options.name };
    if (options.version !== '')
        product.version = options.version;
    product['bom-ref'] = productRef;
    // Every order below is the collator's order of bom-refs: sort them once (stable: ties keep the product
    // first, then the packages' order), then place by position.
    const refs = [productRef, ...graph.packages.map((p) => p.id)];
    const order = Array.from(refs.keys()).sort((a, b) => compareText(refs[a], refs[b]));
    const sorted = order.map((r) => refs[r]);
    const positionOf = new Int32Array(refs.length);
    let tied = false;
    order.forEach((r, k) => {
        positionOf[r] = k;
        if (k > 0 && compareText(sorted[k - 1], sorted[k]) === 0)
            tied = true;
    });
    const { components, dependencies } = tied
        ? orderWithTies(graph, productRef, sorted)
        : orderByPosition(graph, sorted, positionOf);
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        serialNumber: (0,sbom_parts/* serialNumber */.wz)(options.graphSha256),
        metadata: { timestamp: options.timestamp.toISOString(), component: product },
        components,
        dependencies,
    };
}
/** The SBOM text as serializeSbom(buildSbom(graph, options)) writes it, or null as sbomDocument. */
function writeSbomJson(graph, options) {
    const document = sbomDocument(graph, options);
    return document && { json: JSON.stringify(document, null, 2) + '\n', document };
}

;// CONCATENATED MODULE: ./build/shared/deps/summary.js
const MAX_TABLE_ROWS = 50;
const MAX_DIAGRAM_EDGES = 60;
/** Markdown table cells: no pipes or newlines. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** Mermaid labels are quoted; quotes inside become an entity. */
function label(text) {
    return `"${text.replace(/"/g, '#quot;')}"`;
}
function mermaidDiagram(analysis) {
    const ids = new Map();
    const node = (pkgId) => {
        let id = ids.get(pkgId);
        if (!id)
            ids.set(pkgId, (id = `n${ids.size}`));
        return id;
    };
    const lines = ['flowchart LR'];
    const cycles = analysis.risk.findings.filter((f) => f.kind === 'cycle' || f.kind === 'dev-cycle');
    const edges = cycles.flatMap((f) => f.edges).slice(0, MAX_DIAGRAM_EDGES);
    if (edges.length) {
        lines.push('  subgraph cycles');
        for (const e of edges) {
            const arrow = e.kind === 'dev' || e.kind === 'unknown' ? '-.->' : '-->';
            lines.push(`    ${node(e.from)}${arrow}|${e.kind}|${node(e.to)}`);
        }
        lines.push('  end');
    }
    // A mermaid node belongs to one subgraph: packages already drawn in a cycle stay there.
    const inCycles = new Set(ids.keys());
    const others = analysis.mostDependedOn.filter((top) => !inCycles.has(top.id));
    if (others.length) {
        lines.push('  subgraph most_depended_on["most depended on"]');
        for (const top of others)
            lines.push(`    ${node(top.id)}`);
        lines.push('  end');
    }
    const counts = new Map(analysis.mostDependedOn.map((t) => [t.id, t.dependents]));
    for (const [pkgId, id] of ids) {
        const n = counts.get(pkgId);
        lines.splice(1, 0, `  ${id}[${label(n === undefined ? pkgId : `${pkgId} · dependents: ${n}`)}]`);
    }
    return lines.join('\n');
}
function findingRow(f) {
    const points = f.allowed ? 'allowed' : `+${f.contribution}`;
    return `| ${f.kind} | ${cell(f.subject)} | ${points} | ${cell(f.message)} |`;
}
function summaryMarkdown(analysis, threshold) {
    const c = analysis.counts;
    const passed = analysis.risk.score <= threshold;
    const out = [
        `## Dependency analysis: risk ${analysis.risk.score}/100 ${passed ? '✅' : '❌'} (threshold ${threshold})`,
        '',
        '| packages | duplicates | cycles | dev cycles | vendor concentration | typosquat suspects | unusual pins | lockfile path escapes | allowed |',
        '|---|---|---|---|---|---|---|---|---|',
        `| ${c.packages} | ${c.duplicates} | ${c.cycles} | ${c.devCycles} | ${c.vendorConcentration} | ${c.typosquatSuspects} | ${c.unusualPins} | ${c.pathEscapes} | ${c.allowed} |`,
        '',
        `graph_sha256: \`${analysis.graphSha256}\``,
        '',
    ];
    const findings = [...analysis.risk.findings].sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : 1));
    if (findings.length) {
        out.push('### Findings', '', '| kind | subject | score | detail |', '|---|---|---|---|');
        out.push(...findings.slice(0, MAX_TABLE_ROWS).map(findingRow));
        if (findings.length > MAX_TABLE_ROWS)
            out.push('', `…and ${findings.length - MAX_TABLE_ROWS} more in deps-report.json.`);
        out.push('');
    }
    else
        out.push('No findings.', '');
    out.push('### Cycles and most depended-on packages', '', '```mermaid', mermaidDiagram(analysis), '```', '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./build/shared/atomic.js
/**
 * Atomic outputs: every file is written under a temporary name beside its
 * target and renamed into place, so a failure never leaves half a file.
 */



/** A temporary path in the same directory as `target` (same filesystem, so rename is atomic). */
function tempPathFor(target) {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.tmp-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
}
async function writeFileAtomic(target, data) {
    await mkdir(dirname(target), { recursive: true });
    const tmp = tempPathFor(target);
    try {
        await writeFile(tmp, data);
        await rename(tmp, target);
    }
    catch (e) {
        await rm(tmp, { force: true });
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
            const tmp = tempPathFor(f.path);
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

;// CONCATENATED MODULE: ./build/shared/deps/pipeline.js
/**
 * analyze-deps from validated options to files on disk: load the graph,
 * analyse and score it, build the report, SBOM and infrasim-build.json, write
 * them together. Returns what the action sets as outputs; the caller decides
 * the step's fate from `passed`.
 */


















const ATTESTATIONS_DIR = (0,external_node_path_.join)('meta', 'attestations');
function productName(options, graph) {
    if (options.name)
        return options.name;
    const members = graph.packages.filter((p) => p.workspaceMember);
    if (members.length === 1)
        return members[0].name;
    const dir = options.sourceType === 'cargo-workspace' ? (0,external_node_path_.resolve)(options.source) : (0,external_node_path_.dirname)((0,external_node_path_.resolve)(options.source));
    return (0,external_node_path_.basename)(dir) || 'builder';
}
async function runAnalyzeDeps(options, ctx = localRunContext()) {
    const sourceDir = options.sourceType === 'cargo-workspace' ? options.source : (0,external_node_path_.dirname)(options.source);
    // The facts about the build (git, rustc, cargo, the binaries' hashes) are started before the lockfile
    // is parsed: their child processes then run beside the parse instead of after it, and they are spawned
    // while the heap is still small (a spawn's cost grows with it).
    // No wall clock unless nothing else knows the time: then it is returned as such and the action warns.
    const facts = Promise.all([
        readBuildContext(sourceDir, ctx),
        (0,source_date/* resolveSourceDate */.My)({ ctx, checkout: sourceDir, otherwise: 'wall clock' }),
        Promise.all(options.binaries.map(async (b) => [
            b.name,
            { sha256: await sha256RegularFile(b.path, { input: 'binaries', maxBytes: deps_options/* MAX_BINARY_BYTES */.Rh }) },
        ])),
    ]);
    // A missing version or a failed parse must not leave the facts' rejection unhandled.
    facts.catch(() => { });
    // The version waits for `git describe` (a child process beside the facts'), before any work on the lockfile.
    const version = options.version ?? (await (0,git/* gitDescribe */.u9)(sourceDir)) ?? versionFromRun(ctx);
    if (!version)
        throw new errors/* InputError */.dz('version', `not given, 'git describe' found no commit in ${sourceDir}, and GITHUB_SHA is not set`, 'a version such as v0.1.0, or run in a git checkout or on a GitHub runner');
    const { graph, cargoMetadataJson } = await (0,load/* loadGraph */.f6)(options.source, options.sourceType);
    const [context, sourceDate, binaries] = await facts;
    const malicious = await loadMaliciousDb(options.knownMalicious ?? null);
    const analysis = analyzeGraph(graph, { allow: options.allow, vendor: options.vendor, malicious });
    const timestamp = new Date(sourceDate.epoch * 1000);
    const dir = (0,external_node_path_.join)(options.outputDir, ATTESTATIONS_DIR);
    const files = {
        buildInfo: (0,external_node_path_.join)(dir, 'infrasim-build.json'),
        report: (0,external_node_path_.join)(dir, 'deps-report.json'),
        sbom: (0,external_node_path_.join)(dir, 'deps-sbom.cdx.json'),
        cargoMetadata: cargoMetadataJson === null ? null : (0,external_node_path_.join)(dir, 'cargo-metadata.json'),
    };
    const sbomOptions = {
        name: productName(options, graph),
        version,
        timestamp,
        graphSha256: analysis.graphSha256,
    };
    // The direct writer gives the library's bytes in a fraction of the time; a graph it refuses takes the
    // library's path, loaded only then (loading the CycloneDX library is a share of a short run).
    // The direct writer's document is validated as it is in memory (its text is JSON.stringify of it).
    const written = writeSbomJson(graph, sbomOptions);
    let sbomJson;
    let sbomValidation;
    if (written) {
        sbomJson = written.json;
        sbomValidation = await (0,sbom_validator/* validateSbomDocument */.fW)(written.document);
    }
    else {
        const library = await Promise.all(/* import() */[__nccwpck_require__.e(761), __nccwpck_require__.e(74)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2074));
        sbomJson = library.serializeSbom(library.buildSbom(graph, sbomOptions));
        sbomValidation = await (0,sbom_validator/* validateSbom */.AU)(sbomJson);
    }
    const report = buildReport(graph, analysis, {
        threshold: options.riskThreshold,
        allowList: options.allow.entries,
        knownMalicious: { sources: malicious.sources, entries: malicious.size },
        sbom: {
            file: (0,external_node_path_.basename)(files.sbom),
            spec_version: sbom_validator/* SBOM_SPEC_VERSION */.nt,
            schema_validation: sbomValidation.status,
        },
    });
    const c = analysis.counts;
    const buildInfo = infrasimBuildSchema.parse({
        version,
        git_commit: context.gitCommit,
        git_ref: context.gitRef,
        build_timestamp: timestamp.toISOString().replace('.000Z', 'Z'),
        github_run_id: context.githubRunId,
        rust_version: context.rustVersion,
        cargo_version: context.cargoVersion,
        binaries: Object.fromEntries(binaries),
        dependencies: {
            graph_sha256: analysis.graphSha256,
            package_count: c.packages,
            has_duplicates: c.duplicates > 0,
            ecosystem: graph.ecosystem,
            source: graph.origin,
            canonical_form: CANONICAL_FORM_VERSION,
        },
        analysis: {
            risk_score: analysis.risk.score,
            risk_threshold: options.riskThreshold,
            cycle_count: c.cycles,
            dev_cycle_count: c.devCycles,
            duplicate_count: c.duplicates,
            vendor_concentration_count: c.vendorConcentration,
            typosquat_suspect_count: c.typosquatSuspects,
            unusual_pin_count: c.unusualPins,
            lockfile_path_escape_count: c.pathEscapes,
            known_malicious_count: c.knownMalicious,
            allowed_finding_count: c.allowed,
            report: (0,external_node_path_.basename)(files.report),
            sbom: (0,external_node_path_.basename)(files.sbom),
        },
    });
    await writeFilesTogether([
        { path: files.buildInfo, content: JSON.stringify(buildInfo, null, 2) + '\n' },
        { path: files.report, content: JSON.stringify(report, null, 2) + '\n' },
        { path: files.sbom, content: sbomJson },
        ...(files.cargoMetadata && cargoMetadataJson !== null
            ? [{ path: files.cargoMetadata, content: cargoMetadataJson }]
            : []),
    ]);
    return {
        passed: analysis.risk.score <= options.riskThreshold,
        analysis,
        graph,
        summary: summaryMarkdown(analysis, options.riskThreshold),
        buildInfo,
        sourceDate,
        sbomValidation,
        files,
    };
}


/***/ }),

/***/ 9377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ licenseOf),
/* harmony export */   VA: () => (/* binding */ purlOf),
/* harmony export */   qQ: () => (/* binding */ hashOf),
/* harmony export */   wz: () => (/* binding */ serialNumber)
/* harmony export */ });
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7091);
/**
 * The pieces of a component both SBOM writers share (./sbom.ts through the
 * CycloneDX library's models, ./sbom-writer.ts directly): package URL, hash,
 * license and serial number, decided in one place so the two cannot drift.
 */

/** Characters encodeURIComponent leaves as they are (and `+`, which packageurl-js puts back in versions). */
const PLAIN_NAME = /^[A-Za-z0-9._~-]+$/;
const PLAIN_VERSION = /^[A-Za-z0-9._~+-]+$/;
function purlOf(pkg, ecosystem) {
    if (pkg.source.kind === 'path')
        return undefined;
    // Nearly every crate: crates.io, a plain name and version, which packageurl-js writes unchanged
    // (it lowercases npm names, not cargo's). Skipping its object per package is a tenth of the SBOM's time.
    if (ecosystem === 'cargo' &&
        pkg.source.kind === 'registry' &&
        pkg.source.isDefault &&
        PLAIN_NAME.test(pkg.name) &&
        PLAIN_VERSION.test(pkg.version))
        return `pkg:cargo/${pkg.name}@${pkg.version}`;
    const qualifiers = {};
    if (pkg.source.kind === 'git')
        qualifiers.vcs_url = `git+${pkg.source.url}${pkg.source.commit ? '@' + pkg.source.commit : ''}`;
    if (pkg.source.kind === 'registry' && !pkg.source.isDefault)
        qualifiers.repository_url = pkg.source.url;
    if (ecosystem === 'npm') {
        const [scope, bare] = pkg.name.startsWith('@') ? pkg.name.split('/', 2) : [undefined, pkg.name];
        return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('npm', scope ?? null, bare ?? pkg.name, pkg.version, qualifiers, null).toString();
    }
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('cargo', null, pkg.name, pkg.version, qualifiers, null).toString();
}
/** [CycloneDX algorithm name, hex] of a Cargo sha256 or an npm sha512 SRI integrity. */
function hashOf(checksum) {
    if (!checksum)
        return undefined;
    if (/^[0-9a-f]{64}$/.test(checksum))
        return ['SHA-256', checksum];
    const sri = /^sha512-([A-Za-z0-9+/=]+)$/.exec(checksum);
    if (sri)
        return ['SHA-512', Buffer.from(sri[1], 'base64').toString('hex')];
    return undefined;
}
function licenseOf(license) {
    if (!license)
        return undefined;
    // Cargo's legacy `MIT/Apache-2.0` is not an SPDX expression: keep it as a named license.
    if (/^[A-Za-z0-9.+\-() ]+$/.test(license) && !license.includes('/'))
        return { kind: 'expression', value: license };
    return { kind: 'named', value: license };
}
/** A UUID derived from the graph hash, so the same graph gives the same serial number. */
function serialNumber(graphSha256) {
    const h = graphSha256;
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}


/***/ }),

/***/ 3345:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nt: () => (/* binding */ SBOM_SPEC_VERSION),
  AU: () => (/* binding */ validateSbom),
  fW: () => (/* binding */ validateSbomDocument)
});

// UNUSED EXPORTS: BUILD_HELPERS, UNIQUE_BY_HASH, VALIDATED_SPEC_VERSIONS, assertValidatedSpecVersion, canonicalJson, compileSbomValidator, firstDuplicate, isValidatedSpecVersion, precompiledFile, prepareSchema, sbomValidator, schemaErrors

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./build/shared/errors.js
var shared_errors = __nccwpck_require__(2005);
;// CONCATENATED MODULE: ./build/shared/deps/generated-module.js
/**
 * Modules that scripts/bundle.ts generates beside the compiled sources (build/shared/deps) after tsc: work
 * done once at bundle time instead of in every run of the action. ncc bundles each because its caller
 * imports it with a literal specifier. A source tree has none, so a source run (the tests, `node` on the .ts
 * files) gets null here and computes the same thing itself.
 */
async function generatedModule(file, load) {
    try {
        return await load();
    }
    catch (e) {
        if (
        // Node's loader says ERR_MODULE_NOT_FOUND; jest's resolver (under the test runner) MODULE_NOT_FOUND.
        ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes(String(e.code)) &&
            String(e).includes(file))
            return null;
        throw e;
    }
}

// EXTERNAL MODULE: ./build/shared/deps/unique-items.js
var unique_items = __nccwpck_require__(897);
;// CONCATENATED MODULE: ./build/shared/deps/sbom-validator.js





const UNIQUE_BY_HASH = 'uniqueItemsByHash';
/** The CycloneDX versions whose schema files this module finds. */
const VALIDATED_SPEC_VERSIONS = ['1.6'];
/**
 * What the library's own JSON validator passes to ajv (cyclonedx-library
 * _optPlug.node/__jsonValidators/ajv), plus two code-generation settings that
 * change how fast the validator compiles, not what it accepts: no inlining of
 * $refs and no optimisation passes over the generated code.
 */
const AJV_OPTIONS = {
    inlineRefs: false,
    useDefaults: false,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    allErrors: false,
    loadSchema: (uri) => {
        throw new Error(`Remote schemas are disabled: ${uri}`);
    },
};
/** Beside the compiled sources (build/shared/deps), where the bundle step writes the generated code. */
const BUILD_HELPERS = { formats: './sbom-formats.js', unique: './unique-items.js' };
/** Keywords that annotate a schema and never change whether a document is valid (draft-07, and CycloneDX's own). */
const ANNOTATIONS = new Set([
    'title',
    'description',
    '$comment',
    'examples',
    'default',
    'deprecated',
    'meta:enum',
]);
/** Keywords whose value maps names to subschemas: their keys are names (a property may be called `description`). */
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is data, copied as it is. */
const DATA = new Set(['enum', 'const']);
/**
 * A copy of the schema ready to compile: each `uniqueItems: true` replaced by `uniqueItemsByHash: true`
 * (returns how many), and the annotations left out. The generated validator embeds schema objects it
 * reads at run time (an object's property names, for `additionalProperties: false`): without the
 * CycloneDX schema's descriptions it is less than half the code for every action that loads it.
 */
function prepareSchema(schema) {
    let replaced = 0;
    const walk = (node) => {
        if (Array.isArray(node))
            return node.map(walk);
        if (node === null || typeof node !== 'object')
            return node;
        const out = {};
        for (const [k, v] of Object.entries(node)) {
            if (ANNOTATIONS.has(k))
                continue;
            if (k === 'uniqueItems' && v === true) {
                out[UNIQUE_BY_HASH] = true;
                replaced++;
            }
            else if (DATA.has(k))
                out[k] = v;
            else if (SUBSCHEMA_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v))
                out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, walk(sub)]));
            else
                out[k] = walk(v);
        }
        return out;
    };
    return { schema: walk(schema), replaced };
}
/**
 * The library's schema files, found through its resources module, which reads
 * them relative to its own directory: node_modules in a source run,
 * dist/res/schema beside a bundle (scripts/bundle.ts copies them there).
 */
async function schemaFiles(version) {
    // The resources module is exported (as _Resources) but not typed.
    const lib = (await Promise.all(/* import() */[__nccwpck_require__.e(745), __nccwpck_require__.e(761), __nccwpck_require__.e(463), __nccwpck_require__.e(567)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4567, 19)));
    const R = lib._Resources;
    const bom = R.FILES.CDX.JSON_STRICT_SCHEMA[version];
    if (!bom)
        throw new Error(`no CycloneDX ${version} JSON schema in the library`);
    return {
        bom,
        refs: {
            'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': R.FILES.SPDX.JSON_SCHEMA,
            'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': R.FILES.CryptoDefs.JSON_SCHEMA,
            'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': R.FILES.JSF.JSON_SCHEMA,
        },
    };
}
const readJson = async (path) => JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
/**
 * Compiles the strict CycloneDX schema of `version` with hashed uniqueness.
 * With `standalone`, also returns the code of a CommonJS module exporting
 * the same validator, calling its helpers through those specifiers. Throws
 * when the files cannot load.
 */
async function compileSbomValidator(version, standalone) {
    // ajv's compiler is loaded only here: the bundle carries the precompiled validator and never loads it.
    const [{ Ajv, _, str }, { SBOM_FORMATS }] = await Promise.all([__nccwpck_require__.e(/* import() */ 463).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2463, 19)), Promise.all(/* import() */[__nccwpck_require__.e(745), __nccwpck_require__.e(379)]).then(__nccwpck_require__.bind(__nccwpck_require__, 379))]);
    const helpers = standalone ?? BUILD_HELPERS;
    const files = await schemaFiles(version);
    let replaced = 0;
    const load = async (path) => {
        const r = prepareSchema(await readJson(path));
        replaced += r.replaced;
        return r.schema;
    };
    const [bom, ...refs] = await Promise.all([files.bom, ...Object.values(files.refs)].map(load));
    const ajv = new Ajv({
        ...AJV_OPTIONS,
        formats: SBOM_FORMATS,
        code: {
            optimize: standalone !== undefined,
            source: standalone !== undefined,
            formats: _ `require(${helpers.formats}).SBOM_FORMATS`,
        },
        schemas: Object.fromEntries(Object.keys(files.refs).map((id, i) => [id, refs[i]])),
    });
    ajv.addKeyword({
        keyword: UNIQUE_BY_HASH,
        type: 'array',
        schemaType: 'boolean',
        // The message ajv's uniqueItems gives, so errors read as before.
        error: {
            message: ({ params }) => str `must NOT have duplicate items (items ## ${params.i} and ${params.j} are identical)`,
            params: ({ params }) => _ `{i: ${params.i}, j: ${params.j}}`,
        },
        code(cxt) {
            if (cxt.schema !== true)
                return;
            const check = cxt.gen.scopeValue('func', {
                ref: unique_items/* firstDuplicate */.Ue,
                code: _ `require(${helpers.unique}).firstDuplicate`,
            });
            const dup = cxt.gen.const('dup', _ `${check}(${cxt.data})`);
            cxt.setParams({ i: _ `${dup}[1]`, j: _ `${dup}[0]` });
            cxt.fail(_ `${dup} !== null`);
        },
    });
    const validate = ajv.compile(bom);
    if (standalone === undefined)
        return { validate, uniqueItemsReplaced: replaced };
    const standaloneCode = (await __nccwpck_require__.e(/* import() */ 398).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1398, 19))).default;
    const code = `${standaloneCode(ajv, validate)}\nmodule.exports.uniqueItemsReplaced = ${replaced};\n`;
    return { validate, uniqueItemsReplaced: replaced, standalone: code };
}
/** The file name scripts/precompile-sbom-validator.ts writes the generated module of `version` under. */
const precompiledFile = (version) => `sbom-validator-${version}.generated.cjs`;
/** The generated validator when this runs from the bundle; null in a source run, which has none. */
async function precompiledValidator(version) {
    if (version !== '1.6')
        return null;
    // A literal specifier, so ncc bundles the file scripts/bundle.ts generated (precompiledFile('1.6')).
    const validate = await generatedModule(precompiledFile(version), async () => (await Promise.all(/* import() */[__nccwpck_require__.e(745), __nccwpck_require__.e(624)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4624, 19))).default);
    return validate && { validate, uniqueItemsReplaced: validate.uniqueItemsReplaced };
}
const compiled = new Map();
/** The validator of `version`: the precompiled one when bundled, else compiled once per process. */
function sbomValidator(version) {
    let v = compiled.get(version);
    if (!v) {
        v = precompiledValidator(version).then((p) => p ?? compileSbomValidator(version));
        compiled.set(version, v);
        // A failed load is not cached: the next call tries again and reports its own error.
        v.catch(() => compiled.delete(version));
    }
    return v;
}
/** Null when `doc` (parsed JSON) is valid CycloneDX `version`, else ajv's errors. */
async function schemaErrors(doc, version) {
    const { validate } = await sbomValidator(version);
    return validate(doc) ? null : (validate.errors ?? []);
}
function isValidatedSpecVersion(v) {
    return VALIDATED_SPEC_VERSIONS.includes(v);
}
function assertValidatedSpecVersion(v) {
    if (!isValidatedSpecVersion(v))
        throw new shared_errors/* DataError */.fL(`CycloneDX ${v} cannot be validated: schemas of ${VALIDATED_SPEC_VERSIONS.join(', ')} are available`);
    return v;
}
/** The CycloneDX version analyze-deps writes (the CycloneDX library's Spec1dot6). */
const SBOM_SPEC_VERSION = '1.6';
/**
 * Validates against the strict CycloneDX JSON schema of `version` (by
 * default the spec analyze-deps writes), in time linear in the document.
 * Throws DataError listing the problems when the
 * document is invalid, and DataError too when the validator cannot load.
 */
async function validateSbom(json, version = SBOM_SPEC_VERSION) {
    assertValidatedSpecVersion(version);
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch (e) {
        throw new shared_errors/* DataError */.fL(`the generated SBOM is not JSON: ${e.message}`);
    }
    return validateSbomDocument(doc, version);
}
/**
 * validateSbom for a document still in memory, the one its JSON text is
 * `JSON.stringify` of (no parse of megabytes back). The document is plain
 * data, so the text holds exactly what is validated, with one difference
 * that only makes this stricter: a property whose value is `undefined`,
 * which the text leaves out, still counts against `additionalProperties`.
 */
async function validateSbomDocument(doc, version = SBOM_SPEC_VERSION) {
    const spec = assertValidatedSpecVersion(version);
    let errors;
    try {
        errors = await schemaErrors(doc, spec);
    }
    catch (e) {
        throw new shared_errors/* DataError */.fL(`the CycloneDX ${spec} schema validator could not run, so the SBOM is not written unchecked: ${e.message}`);
    }
    if (errors !== null)
        throw new shared_errors/* DataError */.fL(`the generated SBOM is not valid CycloneDX ${spec}: ${JSON.stringify(errors).slice(0, 2000)}`);
    return { status: 'passed' };
}


/***/ }),

/***/ 8985:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hv: () => (/* binding */ parseCargoSource),
/* harmony export */   YM: () => (/* binding */ cargoManifest),
/* harmony export */   eI: () => (/* binding */ FULL_COMMIT),
/* harmony export */   i7: () => (/* binding */ ownerOfRepositoryUrl),
/* harmony export */   pm: () => (/* binding */ parseNpmResolved)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1314);
/**
 * Source strings of Cargo (`registry+URL`, `sparse+URL`, `git+URL?branch=x#commit`)
 * and npm (`resolved` URLs, git specs) turned into PackageSource values.
 */

const FULL_COMMIT = /^[0-9a-f]{40}$/;
/**
 * A workspace's manifest, built from parts: ncc's asset relocator treats a
 * literal `resolve(dir, 'Cargo.toml')` as a file to ship and copies every
 * Cargo.toml it can find into the bundle.
 */
function cargoManifest(dir) {
    return `${dir.replace(/\/+$/, '')}/${['Cargo', 'toml'].join('.')}`;
}
/** Parses a Cargo source string; returns null when the string is not one Cargo writes. */
function parseCargoSource(source) {
    if (source.startsWith('registry+') || source.startsWith('sparse+')) {
        return { kind: 'registry', url: source, isDefault: _model_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CARGO_REGISTRIES */ .rD.has(source) };
    }
    if (source.startsWith('git+')) {
        const hash = source.indexOf('#');
        const withoutCommit = hash === -1 ? source.slice(4) : source.slice(4, hash);
        const commit = hash === -1 ? null : source.slice(hash + 1);
        let url;
        try {
            url = new URL(withoutCommit);
        }
        catch {
            return null;
        }
        let reference = {
            type: 'default',
            value: '',
        };
        for (const type of ['rev', 'branch', 'tag']) {
            const value = url.searchParams.get(type);
            if (value !== null)
                reference = { type, value };
        }
        url.search = '';
        return { kind: 'git', url: url.toString(), reference, commit };
    }
    if (source.startsWith('path+'))
        return { kind: 'path', path: null, outsideWorkspace: null };
    return null;
}
/** `https://github.com/org/repo.git` → `github.com/org`; null when the URL has no owner part. */
function ownerOfRepositoryUrl(raw) {
    const scp = /^(?:[\w.-]+@)?([\w.-]+):([\w.-]+)\//.exec(raw); // git@github.com:org/repo
    if (scp && !raw.includes('://'))
        return `${scp[1].toLowerCase()}/${scp[2].toLowerCase()}`;
    try {
        const url = new URL(raw.replace(/^git\+/, ''));
        const owner = url.pathname.split('/').filter(Boolean)[0];
        return owner ? `${url.hostname.toLowerCase()}/${owner.toLowerCase()}` : null;
    }
    catch {
        return null;
    }
}
const NPM_DEFAULT_HOSTS = new Set(['registry.npmjs.org', 'registry.yarnpkg.com']);
/**
 * An npm `resolved` value: a registry tarball URL, a git URL with `#commit`, or
 * a `file:` path. Absent `resolved` means the default registry (npm omits it
 * with `omit-lockfile-registry-resolved`).
 */
function parseNpmResolved(resolved) {
    if (resolved === undefined) {
        return { kind: 'registry', url: 'https://registry.npmjs.org/', isDefault: true };
    }
    if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(resolved)) {
        const hash = resolved.indexOf('#');
        const url = (hash === -1 ? resolved : resolved.slice(0, hash)).replace(/^git\+/, '');
        const ref = hash === -1 ? '' : resolved.slice(hash + 1);
        return {
            kind: 'git',
            url,
            reference: FULL_COMMIT.test(ref) ? { type: 'rev', value: ref } : { type: 'default', value: ref },
            commit: FULL_COMMIT.test(ref) ? ref : null,
        };
    }
    if (resolved.startsWith('file:')) {
        const path = resolved.slice(5);
        return { kind: 'path', path, outsideWorkspace: path.startsWith('../') || path.startsWith('/') };
    }
    try {
        const url = new URL(resolved);
        return {
            kind: 'registry',
            url: `${url.protocol}//${url.host}/`,
            isDefault: NPM_DEFAULT_HOSTS.has(url.hostname),
        };
    }
    catch {
        return { kind: 'path', path: resolved, outsideWorkspace: null };
    }
}


/***/ }),

/***/ 897:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ue: () => (/* binding */ firstDuplicate)
/* harmony export */ });
/* unused harmony exports fingerprint, jsonEqual, canonicalJson */
/* harmony import */ var _multimap_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4606);
/**
 * JSON Schema's `uniqueItems` in time linear in the array's size.
 *
 * ajv compares the items of an array of objects pairwise with a deep
 * equality: quadratic, tens of seconds on a 20,000-component SBOM. Here each
 * item gets a 32-bit fingerprint that deep-equal JSON values share whatever
 * their key order (a key's entry is combined by addition, which does not
 * depend on order); items are bucketed by it, and only items whose
 * fingerprints are equal are compared with a real deep equality. A collision
 * costs a comparison, never a wrong answer. Strings are their own keys.
 * Objects with different strings under one key are never equal, so most are
 * told apart by such a key before any fingerprint, and short arrays (a
 * `dependsOn` list) are compared pair by pair. The generated validator (./sbom-validator.ts) calls
 * firstDuplicate, so this module is loaded by it at run time: no I/O, no
 * dependency but the small ./multimap.ts.
 */

/** FNV-1a over UTF-16 code units, from `seed`. */
function textHash(s, seed) {
    let h = seed;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
}
const NULL = 0x6e756c6c;
const TRUE = 0x74727565;
const FALSE = 0x66616c73;
const STRING_SEED = 0x811c9dc5;
const NUMBER_SEED = 0x2545f491;
const KEY_SEED = 0x5bd1e995;
/** A fingerprint of a JSON value: deep-equal values (any key order) give the same number. */
function fingerprint(value) {
    if (value === null)
        return NULL;
    switch (typeof value) {
        case 'string':
            return textHash(value, STRING_SEED);
        // Equal JSON numbers print the same (0 and -0 both as "0", which deep equality also takes as equal).
        case 'number':
            return textHash(String(value), NUMBER_SEED);
        case 'boolean':
            return value ? TRUE : FALSE;
    }
    if (Array.isArray(value)) {
        let h = 0x41525259 ^ value.length;
        for (let i = 0; i < value.length; i++)
            h = Math.imul(h, 31) + fingerprint(value[i]);
        return h | 0;
    }
    const obj = value;
    let h = 0x4f424a45;
    // for-in allocates no key list (Object.keys would, per object of a 100,000-component SBOM).
    for (const k in obj) {
        if (!Object.hasOwn(obj, k))
            continue;
        // Mixed per entry, summed over entries: the sum does not depend on the order of the keys.
        const e = Math.imul(textHash(k, KEY_SEED) ^ fingerprint(obj[k]), 0x9e3779b1);
        h = (h + (e ^ (e >>> 15))) | 0;
    }
    return h;
}
/** Deep equality of JSON values (object key order ignored), as ajv's `uniqueItems` decides it. */
function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a)) {
        const bb = b;
        if (a.length !== bb.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!jsonEqual(a[i], bb[i]))
                return false;
        return true;
    }
    const x = a;
    const y = b;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length)
        return false;
    for (const k of keys)
        if (!Object.hasOwn(y, k) || !jsonEqual(x[k], y[k]))
            return false;
    return true;
}
/** The same value, written one way: object keys sorted, no whitespace. Deep-equal JSON values give equal texts. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return '[' + value.map(canonicalJson).join(',') + ']';
    const obj = value;
    const keys = Object.keys(obj).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}
/** Arrays up to this long are checked pair by pair (at most 120 comparisons). */
const PAIRWISE_AT_MOST = 16;
/** A plain object (not an array, not null): the items a key can tell apart. */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** How many of the first items telling() samples for each key. */
const SAMPLED = 8;
/**
 * The key, among the first item's keys with a string value, whose strings
 * differ most over the first items (a component's `name` or `bom-ref`, not
 * its `type`, which is `library` for nearly all), or null when none differs.
 * Two objects that hold different strings under one key are not deep-equal,
 * so only items whose string under it repeats need a fingerprint.
 */
function telling(items) {
    const first = items[0];
    if (!isObject(first))
        return null;
    let best = null;
    let bestCount = 1;
    const seen = new Set();
    for (const k in first) {
        if (!Object.hasOwn(first, k) || typeof first[k] !== 'string')
            continue;
        seen.clear();
        for (let i = 0; i < SAMPLED && i < items.length; i++) {
            const item = items[i];
            if (isObject(item) && Object.hasOwn(item, k) && typeof item[k] === 'string')
                seen.add(item[k]);
        }
        if (seen.size > bestCount)
            [best, bestCount] = [k, seen.size];
    }
    return best;
}
/**
 * The index pair [j, i] of the first item i equal to an earlier item j, or
 * null when all items differ: one pass, the same answer as comparing every pair.
 *
 * An object whose string under the telling key no earlier item held equals
 * no earlier item: it is only remembered by that string. One whose string
 * repeats is fingerprinted, with the first item of that string (at most one
 * earlier item can equal it, or the pass would have stopped there).
 */
function firstDuplicate(items) {
    if (items.length < 2)
        return null;
    // Most arrays are short (a package's dependsOn, a component's hashes): comparing every pair costs less
    // than the maps, which every one of 20,000 calls would allocate.
    if (items.length <= PAIRWISE_AT_MOST) {
        for (let i = 1; i < items.length; i++)
            for (let j = 0; j < i; j++)
                if (jsonEqual(items[j], items[i]))
                    return [j, i];
        return null;
    }
    const strings = new Map();
    const key = telling(items);
    // The telling key's value → the first index with it, or -1 once that item is fingerprinted.
    const byKey = new Map();
    // Fingerprint → the first index with it, or every index with it once two share it.
    const others = new Map();
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string') {
            const j = strings.get(item);
            if (j !== undefined)
                return [j, i];
            strings.set(item, i);
            continue;
        }
        if (key !== null && isObject(item) && Object.hasOwn(item, key) && typeof item[key] === 'string') {
            const value = item[key];
            const j = byKey.get(value);
            if (j === undefined) {
                byKey.set(value, i);
                continue;
            }
            if (j >= 0) {
                (0,_multimap_js__WEBPACK_IMPORTED_MODULE_0__/* .pushIndex */ .h)(others, fingerprint(items[j]), j);
                byKey.set(value, -1);
            }
        }
        const h = fingerprint(item);
        const seen = others.get(h);
        if (seen !== undefined)
            for (const j of typeof seen === 'number' ? [seen] : seen)
                if (jsonEqual(items[j], item))
                    return [j, i];
        (0,_multimap_js__WEBPACK_IMPORTED_MODULE_0__/* .pushIndex */ .h)(others, h, i);
    }
    return null;
}


/***/ }),

/***/ 9136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ vendorShares),
/* harmony export */   O_: () => (/* binding */ DEFAULT_VENDOR_OPTIONS),
/* harmony export */   vp: () => (/* binding */ findVendorConcentration)
/* harmony export */ });
/* unused harmony exports UNATTRIBUTED, publisherOf */
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9585);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8985);
/* harmony import */ var _multimap_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4606);
/**
 * Vendor concentration: the share of the graph's third-party packages that
 * come from one publisher. The publisher is what the input actually states —
 * never guessed from name prefixes:
 *   - git sources: the host and organisation (`github.com/tokio-rs`);
 *   - a registry other than the default: that registry;
 *   - path dependencies outside the workspace: `local paths`;
 *   - default-registry packages: the `repository` organisation (cargo
 *     metadata) or the npm scope (`@types`); otherwise `unattributed`, which is
 *     counted in the total but never flagged (it is not one publisher).
 * Workspace members are the builder's own code and are left out.
 */



const UNATTRIBUTED = 'unattributed';
const DEFAULT_VENDOR_OPTIONS = { threshold: 0.3, minimumPackages: 10 };
function publisherOf(pkg) {
    switch (pkg.source.kind) {
        case 'git':
            return (0,_sources_js__WEBPACK_IMPORTED_MODULE_0__/* .ownerOfRepositoryUrl */ .i7)(pkg.source.url) ?? pkg.source.url;
        case 'path':
            return 'local paths';
        case 'registry':
            if (!pkg.source.isDefault)
                return `registry ${pkg.source.url}`;
    }
    if (pkg.repository) {
        const owner = (0,_sources_js__WEBPACK_IMPORTED_MODULE_0__/* .ownerOfRepositoryUrl */ .i7)(pkg.repository);
        if (owner)
            return owner;
    }
    if (pkg.name.startsWith('@'))
        return `npm ${pkg.name.split('/')[0]}`;
    return UNATTRIBUTED;
}
function vendorShares(graph) {
    const counts = new Map();
    let total = 0;
    for (const p of graph.packages) {
        if (p.workspaceMember)
            continue;
        total++;
        const publisher = publisherOf(p);
        (0,_multimap_js__WEBPACK_IMPORTED_MODULE_1__/* .pushTo */ .I)(counts, publisher, p.id);
    }
    const shares = [...counts.entries()]
        .map(([publisher, ids]) => ({ publisher, packages: ids.length, share: total ? ids.length / total : 0 }))
        .sort((a, b) => b.packages - a.packages || (a.publisher < b.publisher ? -1 : 1));
    return { total, shares };
}
function findVendorConcentration(graph, options = DEFAULT_VENDOR_OPTIONS) {
    const { total, shares } = vendorShares(graph);
    if (total < options.minimumPackages)
        return [];
    const out = [];
    for (const s of shares) {
        if (s.publisher === UNATTRIBUTED || s.share <= options.threshold)
            continue;
        const ids = graph.packages
            .filter((p) => !p.workspaceMember && publisherOf(p) === s.publisher)
            .map((p) => p.id);
        out.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)('vendor-concentration', s.publisher, `${s.publisher} publishes ${s.packages} of ${total} third-party packages (${(s.share * 100).toFixed(1)}%, threshold ${(options.threshold * 100).toFixed(0)}%)`, ids.sort(), [], { share: Number(s.share.toFixed(4)), packages: s.packages, total, threshold: options.threshold }));
    }
    return out;
}


/***/ }),

/***/ 2005:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ MissingToolError),
/* harmony export */   KQ: () => (/* binding */ MissingToolsError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   fL: () => (/* binding */ DataError),
/* harmony export */   v4: () => (/* binding */ ToolError)
/* harmony export */ });
/**
 * Errors the suite raises on purpose. Each one carries enough context for a
 * maintainer to fix the problem without reading the source.
 */
/** A user-supplied input was rejected before any work started. */
class InputError extends Error {
    input;
    constructor(input, problem, accepted) {
        super(`input '${input}': ${problem}${accepted ? ` (accepted: ${accepted})` : ''}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/** An external tool failed; the message quotes its command and the end of its stderr. */
class ToolError extends Error {
    command;
    exitCode;
    stderr;
    constructor(command, exitCode, stderr, hint) {
        const tail = stderr.trim().split('\n').slice(-12).join('\n');
        super(`${command[0]} failed (exit ${exitCode ?? 'signal'}): ${command.join(' ')}` +
            (tail ? `\n${tail}` : '') +
            (hint ? `\n${hint}` : ''));
        this.name = 'ToolError';
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** A required external program is not installed. */
class MissingToolError extends Error {
    constructor(tool, debianPackage) {
        super(`'${tool}' is not installed: install the Debian package '${debianPackage}' (apt-get install ${debianPackage})`);
        this.name = 'MissingToolError';
    }
}
/** Tools a step needs are not installed: all of them named at once, with the packages that provide them. */
class MissingToolsError extends Error {
    missing;
    constructor(step, missing, searched) {
        const packages = [...new Set(missing.map((m) => m.package))];
        super(`${step} needs ${missing.length === 1 ? 'a tool that is' : `${missing.length} tools that are`} not installed: ` +
            missing.map((m) => `${m.tool} (package ${m.package})`).join(', ') +
            `.\nInstall with: sudo apt-get install -y ${packages.join(' ')}` +
            `\n(looked in ${searched.join(':') || 'no directory'})`);
        this.name = 'MissingToolsError';
        this.missing = missing;
    }
}
/** Input data (a tarball, a lockfile, a JSON document) is malformed or unsafe. */
class DataError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DataError';
    }
}


/***/ }),

/***/ 7239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y0: () => (/* binding */ requireTool),
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony export toolVersion */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2005);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9303);
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
    const path = await (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .findTool */ .SG)(tool);
    if (!path)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingToolError */ .BM(tool, (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .debianPackage */ .Q5)(tool));
    return path;
}
/** The first line a tool prints for `--version` (or the given flag), for provenance records. */
async function toolVersion(tool, flag = '--version') {
    const r = await run(tool, [flag], { okCodes: [1] });
    return (r.stdout || r.stderr).split('\n')[0]?.trim() ?? '';
}


/***/ }),

/***/ 772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ gitCommitTime),
/* harmony export */   tp: () => (/* binding */ sourceFacts),
/* harmony export */   u9: () => (/* binding */ gitDescribe)
/* harmony export */ });
/* unused harmony exports gitCommit, gitSymbolicRef */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7239);
/**
 * Facts about a source checkout, read from git in this one module: the
 * commit, its ref and committer time, `git describe`. What the run says (the
 * RunContext's sha and ref, from the runner) is preferred where both know a
 * value; git is the fallback for a local run. Each reader gives null when git
 * cannot tell (no git, not a checkout, no commits): a record never invents a
 * value, and the caller decides whether null is an error.
 */

/** git's first line of output in `cwd`, or null when git fails or prints nothing. */
async function gitLine(cwd, args) {
    try {
        return (await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)('git', args, { cwd })).stdout.split('\n')[0]?.trim() || null;
    }
    catch {
        return null;
    }
}
/** The commit `rev` (default HEAD) names in the checkout at `cwd`. */
function gitCommit(cwd, rev = 'HEAD') {
    return gitLine(cwd, ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`]);
}
/** The branch HEAD is on (refs/heads/…), null for a detached HEAD. */
function gitSymbolicRef(cwd) {
    return gitLine(cwd, ['symbolic-ref', '-q', 'HEAD']);
}
/** The committer time (Unix seconds) of `rev` (default HEAD); present even in a depth-1 clone. */
async function gitCommitTime(cwd, rev = 'HEAD') {
    const line = await gitLine(cwd, ['log', '-1', '--format=%ct', '--end-of-options', rev, '--']);
    return line && /^\d+$/.test(line) ? Number(line) : null;
}
/** `git describe --tags --always --dirty`: the nearest tag, else the abbreviated commit. */
function gitDescribe(cwd) {
    return gitLine(cwd, ['describe', '--tags', '--always', '--dirty']);
}
/** The commit a build records: the run's sha and ref when it has them, git's otherwise. */
async function sourceFacts(cwd, ctx) {
    const [sha, ref] = await Promise.all([ctx.sha ?? gitCommit(cwd), ctx.ref ?? gitSymbolicRef(cwd)]);
    return { sha, ref, repository: ctx.repository };
}


/***/ }),

/***/ 3019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ws: () => (/* binding */ fsErrorReason),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   ZU: () => (/* binding */ openRegularFile),
/* harmony export */   l$: () => (/* binding */ checkRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2005);
/**
 * Files an input names are read only when they are regular files of a bounded
 * size. A device (/dev/zero, /dev/urandom), a FIFO or a directory named by an
 * input would otherwise be read or hashed forever, or fail later with a raw
 * errno that does not say which input caused it.
 */



/** What a path turned out to be, for an error message. */
function describeKind(s) {
    if (s.isDirectory())
        return 'a directory';
    if (s.isCharacterDevice())
        return 'a character device';
    if (s.isBlockDevice())
        return 'a block device';
    if (s.isFIFO())
        return 'a FIFO';
    if (s.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * Why a file-system call on an input's path failed, in words rather than a
 * bare errno (EACCES, ENOTDIR), for messages that name the input.
 */
function fsErrorReason(e) {
    const code = e.code;
    switch (code) {
        case 'ENOENT':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOTDIR':
            return 'a path component is not a directory';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        case 'ENAMETOOLONG':
            return 'the path is too long';
        case 'EISDIR':
            return 'it is a directory';
        default:
            return code ? `error ${code}` : e.message;
    }
}
function nameOf(path, rule) {
    return rule.label ?? `'${path}'`;
}
/**
 * Resolves (following symlinks) and checks `path`: it must exist, be a
 * regular file and be no larger than `maxBytes`. Returns its size.
 */
async function checkRegularFile(path, rule) {
    let s;
    try {
        s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
    }
    catch (e) {
        const code = e.code;
        const why = code === 'ENOENT'
            ? 'does not exist'
            : code === 'EACCES'
                ? 'is not readable (permission denied)'
                : code === 'ENOTDIR'
                    ? 'has a path component that is not a directory'
                    : `cannot be read (${code ?? e.message})`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} ${why}`);
    }
    if (!s.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
    if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${s.size} bytes, more than the limit of ${rule.maxBytes}`, `a regular file of at most ${rule.maxBytes} bytes`);
    }
    return s.size;
}
/**
 * Opens a checked regular file without following a FIFO's open-blocking
 * semantics (O_NONBLOCK) and re-checks the opened descriptor, so a path swapped
 * for a device between the check and the open is still refused.
 */
async function openRegularFile(path, rule) {
    await checkRegularFile(path, rule);
    // stat() needs no read permission: an unreadable file fails only here.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK).catch((e) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} cannot be read (${fsErrorReason(e)})`);
    });
    try {
        const s = await handle.stat();
        if (!s.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
        if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} grew past the limit of ${rule.maxBytes} bytes`);
        }
        return handle;
    }
    catch (e) {
        await handle.close();
        throw e;
    }
}
/** Reads a whole regular file of at most `maxBytes`. */
async function readRegularFile(path, rule) {
    const handle = await openRegularFile(path, rule);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(handle);
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 3124:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   My: () => (/* binding */ resolveSourceDate),
/* harmony export */   zE: () => (/* binding */ givenSourceDate)
/* harmony export */ });
/* unused harmony exports MAX_EPOCH, ENVIRONMENT_NAME, parseSourceDateEpoch, commitSourceDate */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2005);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(772);
/**
 * The time a build is dated with (SOURCE_DATE_EPOCH, reproducible-builds.org),
 * resolved the same way by every action: the action's input when it has one,
 * else SOURCE_DATE_EPOCH from the job's environment (carried in the
 * RunContext), else the committer time of the checkout's commit. When none
 * of them gives a time the caller chose what happens: an error, or the wall
 * clock — returned with origin 'wall clock' so the step reports it and the
 * record says so. Nothing here falls back to the clock unasked.
 */


/** 9999-12-31T23:59:59Z: the last second an ISO 8601 year of four digits can name. */
const MAX_EPOCH = 253402300799;
/** The name an error gives SOURCE_DATE_EPOCH taken from the environment. */
const ENVIRONMENT_NAME = 'SOURCE_DATE_EPOCH (environment)';
/** Whole seconds since the epoch, or an InputError naming `name` (an input, or the environment variable). */
function parseSourceDateEpoch(name, raw) {
    const v = raw.trim();
    const n = Number(v);
    if (!/^\d{1,12}$/.test(v) || n > MAX_EPOCH)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not a Unix time`, 'whole seconds since 1970-01-01 UTC up to 9999-12-31, e.g. 1735689600 or $(git log -1 --format=%ct)');
    return n;
}
/**
 * The date given explicitly — the input, else SOURCE_DATE_EPOCH — parsed;
 * null when neither is set. Synchronous, so input validation can reject a
 * malformed value before any work starts.
 */
function givenSourceDate(ctx, input) {
    if (input?.value.trim())
        return {
            epoch: parseSourceDateEpoch(input.name, input.value),
            origin: 'input',
            description: `input '${input.name}'`,
        };
    const env = ctx.sourceDateEpoch?.trim();
    if (env)
        return {
            epoch: parseSourceDateEpoch(ENVIRONMENT_NAME, env),
            origin: 'SOURCE_DATE_EPOCH',
            description: 'SOURCE_DATE_EPOCH',
        };
    return null;
}
/** The committer time of `rev` (default HEAD) in `checkout`; null when git cannot tell (no git, no commit). */
async function commitSourceDate(checkout, rev = 'HEAD') {
    const epoch = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .gitCommitTime */ .J5)(checkout, rev);
    if (epoch === null)
        return null;
    const name = /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 12) : rev;
    return { epoch, origin: 'commit time', description: `the committer time of ${name} in ${checkout}` };
}
async function resolveSourceDate(req) {
    const given = givenSourceDate(req.ctx, req.input);
    if (given)
        return given;
    const committed = req.checkout === null ? null : await commitSourceDate(req.checkout, req.commit);
    if (committed)
        return committed;
    const where = req.checkout === null ? 'no checkout' : `no git commit in ${req.checkout}`;
    if (req.otherwise === 'error')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(req.input?.name ?? 'SOURCE_DATE_EPOCH', `is not set and there is ${where} to take the date from`, 'seconds since 1970-01-01 UTC, e.g. $(git log -1 --format=%ct)');
    const now = Math.floor((req.now ?? Date.now)() / 1000);
    return {
        epoch: now,
        origin: 'wall clock',
        description: `the wall clock: SOURCE_DATE_EPOCH is not set and there is ${where}, so the date is not reproducible`,
    };
}


/***/ }),

/***/ 9303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ checkTools),
/* harmony export */   Q5: () => (/* binding */ debianPackage),
/* harmony export */   SG: () => (/* binding */ findTool),
/* harmony export */   us: () => (/* binding */ pathWithSbin)
/* harmony export */ });
/* unused harmony exports TOOL_PACKAGES, SBIN_DIRS, toolSearchDirs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2005);
/**
 * Finding external tools, and checking before any work that a step has all it
 * needs. The search is PATH plus the sbin directories: e2fsprogs, fdisk and
 * dosfstools install into /usr/sbin or /sbin, which a non-root self-hosted
 * runner usually leaves off PATH, so every lookup (the up-front check and each
 * run) uses the same list.
 */




/** Which Debian/Ubuntu package provides each tool the suite runs. */
const TOOL_PACKAGES = {
    'qemu-img': 'qemu-utils',
    'qemu-system-x86_64': 'qemu-system-x86',
    'qemu-system-aarch64': 'qemu-system-arm',
    'mkfs.ext4': 'e2fsprogs',
    mke2fs: 'e2fsprogs',
    debugfs: 'e2fsprogs',
    dumpe2fs: 'e2fsprogs',
    e2fsck: 'e2fsprogs',
    sfdisk: 'fdisk',
    'mkfs.vfat': 'dosfstools',
    mcopy: 'mtools',
    mmd: 'mtools',
    mdir: 'mtools',
    mmdebstrap: 'mmdebstrap',
    openssl: 'openssl',
    git: 'git',
    cargo: 'cargo',
    objcopy: 'binutils',
    'dpkg-deb': 'dpkg',
    'dpkg-query': 'dpkg',
    'apt-get': 'apt',
    'docker-registry': 'docker-registry',
    skopeo: 'skopeo',
    nft: 'nftables',
    xz: 'xz-utils',
    tar: 'tar',
    unshare: 'util-linux',
};
/** Searched after PATH, in this order (the FHS order a root shell's PATH has). */
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];
/** The directories a tool is looked for in: PATH's entries, then the sbin directories PATH lacks. */
function toolSearchDirs(search = {}) {
    const fromPath = (search.path ?? process.env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean);
    return [...new Set([...fromPath, ...(search.sbinDirs ?? SBIN_DIRS)])];
}
/** PATH with the sbin directories appended, for the tools' own children (mmdebstrap runs mke2fs-like helpers). */
function pathWithSbin(path) {
    return toolSearchDirs({ path: path ?? '' }).join(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter);
}
/** The absolute path of an executable `tool`, or null when no searched directory has one. */
async function findTool(tool, search = {}) {
    if (tool.includes('/'))
        return (await isExecutable(tool)) ? tool : null;
    for (const dir of toolSearchDirs(search)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, tool);
        if (await isExecutable(candidate))
            return candidate;
    }
    return null;
}
async function isExecutable(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        // A directory is "executable" too; only a file runs.
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
function debianPackage(tool) {
    return TOOL_PACKAGES[tool] ?? tool;
}
/**
 * Resolves every tool `step` needs, or throws one MissingToolsError naming
 * each missing tool with its package and the apt-get line that installs them
 * all: a user fixes the runner once instead of once per tool.
 */
async function checkTools(step, tools, search = {}) {
    const found = new Map();
    const missing = [];
    for (const tool of new Set(tools)) {
        const path = await findTool(tool, search);
        if (path)
            found.set(tool, path);
        else
            missing.push(tool);
    }
    if (missing.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MissingToolsError */ .KQ(step, missing.map((tool) => ({ tool, package: debianPackage(tool) })), toolSearchDirs(search));
    return found;
}


/***/ }),

/***/ 2857:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  You: () => (/* binding */ ZodISODateTime),
  YOg: () => (/* binding */ array),
  zMY: () => (/* binding */ schemas_boolean),
  k5n: () => (/* binding */ _enum),
  euz: () => (/* binding */ literal),
  aig: () => (/* binding */ number),
  Ikc: () => (/* binding */ object),
  g1P: () => (/* binding */ record),
  YjP: () => (/* binding */ string),
  L5J: () => (/* binding */ unknown)
});

// UNUSED EXPORTS: ZodAny, ZodArray, ZodBase64, ZodBase64URL, ZodBigInt, ZodBigIntFormat, ZodBoolean, ZodCIDRv4, ZodCIDRv6, ZodCUID, ZodCUID2, ZodCatch, ZodCodec, ZodCreditCard, ZodCustom, ZodCustomStringFormat, ZodDate, ZodDefault, ZodDiscriminatedUnion, ZodE164, ZodEmail, ZodEmoji, ZodEnum, ZodExactOptional, ZodFile, ZodFunction, ZodGUID, ZodIBAN, ZodIPv4, ZodIPv6, ZodISODate, ZodISODuration, ZodISOTime, ZodInstanceOf, ZodIntersection, ZodJWT, ZodKSUID, ZodLazy, ZodLiteral, ZodMAC, ZodMap, ZodNaN, ZodNanoID, ZodNever, ZodNonOptional, ZodNull, ZodNullable, ZodNumber, ZodNumberFormat, ZodObject, ZodOptional, ZodPipe, ZodPrefault, ZodPreprocess, ZodPromise, ZodReadonly, ZodRecord, ZodSet, ZodString, ZodStringFormat, ZodSuccess, ZodSymbol, ZodTemplateLiteral, ZodTransform, ZodTuple, ZodType, ZodULID, ZodURL, ZodUUID, ZodUndefined, ZodUnion, ZodUnknown, ZodVoid, ZodXID, ZodXor, _ZodString, _default, _function, any, base64, base64url, bigint, catch, check, cidrv4, cidrv6, codec, creditCard, cuid, cuid2, currencyCode, custom, date, describe, discriminatedUnion, e164, email, emoji, exactOptional, file, float32, float64, function, guid, hash, hex, hostname, httpUrl, iban, instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6, json, jwt, keyof, ksuid, lazy, looseObject, looseRecord, mac, map, meta, nan, nanoid, nativeEnum, never, nonoptional, null, nullable, nullish, optional, partialRecord, pipe, prefault, preprocess, promise, readonly, refine, set, strictObject, stringFormat, stringbool, success, superRefine, symbol, templateLiteral, transform, tuple, uint32, uint64, ulid, undefined, union, url, uuid, uuidv4, uuidv6, uuidv7, void, xid, xor

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __nccwpck_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/util.js
var core_util = __nccwpck_require__(4723);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/memoizer.js

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack, resolve);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (spread && !desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = core_util/* rawShape */.MO(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw, true) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a new built-in kind becomes a compile error here
            kind;
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
/**
 * Whether one parse can re-enter this schema, i.e. its subtree contains a cycle.
 * Exported for `z.compile`, which refuses to compile such a schema: cycle
 * breaking is driven from here off state keyed on the parse context, and a
 * generated fast path has no context to key on.
 */
function isRecursiveSchema(inst) {
    // z.compile never parses, so nothing would ever resolve a lazy for it; it runs once and already treats a throw here as recursive
    return isRecursive(inst, new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const memoizer_open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        memoizer_open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set(), false);
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = memoizer_open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = memoizer_open.length > depth ? memoizer_open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/checks.js
var core_checks = __nccwpck_require__(4890);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/doc.js
class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/regexes.js
var core_regexes = __nccwpck_require__(3908);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = core_util/* aborted */.QH(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (core_util/* explicitlyAborted */.rL(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new core_core/* $ZodAsyncError */.GT();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = core_util/* aborted */.QH(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = core_util/* aborted */.QH(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (core_util/* aborted */.QH(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? core_regexes/* anyString */.gp;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    core_checks/* $ZodCheckStringFormat */.ql.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* guid */.Os);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = core_regexes/* uuid */.uR(v));
    }
    else
        def.pattern ?? (def.pattern = core_regexes/* uuid */.uR());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* email */.Rp);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === core_regexes/* httpProtocol */.F.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* emoji */.Zg());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? core_regexes/* nanoid */.Ak : core_regexes/* nanoidOfLength */.D2(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* cuid */.gF);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* cuid2 */.Gl);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* ulid */.Z0);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* xid */.kM);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* ksuid */.fO);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* datetime */.w$(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* date */.p6);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* time */.kB(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* duration */.p0);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* ipv4 */.uX);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* ipv6 */.ug);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* cidrv4 */.zr);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* cidrv6 */.l7); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = core_regexes/* e164 */.hQ);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = core_regexes/* number */.ai;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumberFormat", (inst, def) => {
    core_checks/* $ZodCheckNumberFormat */.KH.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = core_regexes/* boolean */.zM;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = core_regexes/* bigint */.o;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = core_util/* sizeCaps */.hi(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of core_util/* sizeCaps */.hi(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    core_util/* attachSchema */.d3(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && core_util/* aborted */.QH(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = core_util/* optionalKeys */.NM(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (core_util/* aborted */.QH(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    core_util/* assignProp */.Vy(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = core_util/* isObject */.Gv;
    const catchall = def.catchall;
    let value;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (core_util/* aborted */.QH(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    const memo = core_core/* globalConfig */.cr.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : core_util/* esc */.UQ(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = core_util/* isObject */.Gv;
    const jit = !core_core/* globalConfig */.cr.jitless;
    const allowsEval = core_util/* allowsEval */.hI;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !core_util/* aborted */.QH(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => core_util/* cleanRegex */.p6(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (core_util/* isPlainObject */.Qd(a) && core_util/* isPlainObject */.Qd(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (core_util/* aborted */.QH(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = core_util/* aborted */.QH(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (core_util/* aborted */.QH(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...core_util/* prefixIssues */.lQ(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!core_util/* isPlainObject */.Qd(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && core_regexes/* number */.ai.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = core_util/* getEnumValues */.w5(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const patternValues = core_util/* getEnumValues */.w5(zod.def.entries).filter((k) => core_util/* propertyKeyTypes */.qQ.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => core_util/* escapeRegex */.sD(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? core_util/* escapeRegex */.sD(o) : o ? core_util/* escapeRegex */.sD(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_core/* globalConfig */.cr.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)}|null)$`) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.in._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.in._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.out._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCustom", (inst, def) => {
    core_checks/* $ZodCheck */.QP.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(core_util/* issue */.sn(_iss));
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/registries.js
var registries = __nccwpck_require__(9396);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __nccwpck_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/to-json-schema.js


function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                (0,core_util/* assignProp */.Vy)(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function to_json_schema_initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? registries/* globalRegistry */.fd,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function to_json_schema_processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            to_json_schema_processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
/** @deprecated Renamed to `processSchema`. An export alias declares no binding, so it is safe to keep. */

// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function to_json_schema_extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            (0,core_util/* assignProp */.Vy)(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function to_json_schema_finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") {
        // OpenAPI 3.0 schema objects should not include a $schema property
    }
    else {
        // Arbitrary string values are allowed but won't have a $schema property set
    }
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                (0,core_util/* assignProp */.Vy)(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) {
    }
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = to_json_schema_initializeContext({ ...params, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = to_json_schema_initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/json-schema-processors.js




const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(core_util/* NUMBER_FORMAT_RANGES */.zH),
    bigint_format: formatContributor(core_util/* BIGINT_FORMAT_RANGES */.NR),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, core_regexes/* base64 */.K3],
    [base64urlCharset, core_regexes/* base64url */.r0],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = (0,core_util/* getEnumValues */.w5)(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) {
        // do nothing (an undefined literal was stripped)
    }
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = to_json_schema_processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        (0,core_util/* assignProp */.Vy)(json.properties, key, to_json_schema_processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = to_json_schema_processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = to_json_schema_processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = to_json_schema_processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? to_json_schema_processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? core_regexes/* number */.ai : core_regexes/* integer */.nd).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            (0,core_util/* assignProp */.Vy)(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = to_json_schema_processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = core_util/* parsedType */.GW(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${core_util/* stringifyPrimitive */.B7(issue.values[0])}`;
                return `Invalid option: expected one of ${core_util/* joinValues */.jw(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${core_util/* joinValues */.jw(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, core_util/* jsonStringifyReplacer */.k8, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = (0,core_core/* $constructor */.xI)("$ZodError", initializer);
const $ZodRealError = (0,core_core/* $constructor */.xI)("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/errors.js



/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const errors_initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, core_util/* jsonStringifyReplacer */.k8, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, core_util/* jsonStringifyReplacer */.k8, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodError = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodError", errors_initializer)));
const ZodRealError = /*@__PURE__*/ core_core/* $constructor */.xI("ZodError", errors_initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/parse.js


const classic_parse_parse = /* @__PURE__ */ _parse(ZodRealError);
const classic_parse_parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const parse_safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const parse_safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);

// Codec functions
const parse_encode = /* @__PURE__ */ _encode(ZodRealError);
const parse_decode = /* @__PURE__ */ _decode(ZodRealError);
const parse_encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const parse_decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const parse_safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const parse_safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const parse_safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const parse_safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/schemas.js








// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!core_core/* globalConfig */.cr.localeError)
        core_core/* config */.$W(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!core_core/* globalConfig */.cr.memoizer)
        core_core/* config */.$W({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(core_util/* mergeDefs */.zM(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return core_util/* clone */.o8(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(api/* _overwrite */.bS(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return _default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return _catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        registries/* globalRegistry */.fd.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return registries/* globalRegistry */.fd.get(this);
        const cl = this.clone();
        registries/* globalRegistry */.fd.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return classic_parse_parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await classic_parse_parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return parse_safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return parse_safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        core_util/* own */.qh(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return parse_validateAsync(this, data, params);
    },
    encode: function _encode(data, params) {
        return parse_encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return parse_decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await parse_encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await parse_decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return parse_safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return parse_safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return parse_safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return parse_safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return registries/* globalRegistry */.fd.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(api/* _regex */.Fk(...args));
    },
    includes(...args) {
        return this.check(api/* _includes */.dR(...args));
    },
    startsWith(...args) {
        return this.check(api/* _startsWith */.$S(...args));
    },
    endsWith(...args) {
        return this.check(api/* _endsWith */.ER(...args));
    },
    min(...args) {
        return this.check(api/* _minLength */.m9(...args));
    },
    max(...args) {
        return this.check(api/* _maxLength */.Eb(...args));
    },
    length(...args) {
        return this.check(api/* _length */.YA(...args));
    },
    nonempty(...args) {
        return this.check(api/* _minLength */.m9(1, ...args));
    },
    lowercase(params) {
        return this.check(api/* _lowercase */.hH(params));
    },
    uppercase(params) {
        return this.check(api/* _uppercase */.qF(params));
    },
    trim() {
        return this.check(api/* _trim */.WN());
    },
    normalize(...args) {
        return this.check(api/* _normalize */.lo(...args));
    },
    toLowerCase() {
        return this.check(api/* _toLowerCase */.Il());
    },
    toUpperCase() {
        return this.check(api/* _toUpperCase */.xY());
    },
    slugify() {
        return this.check(api/* _slugify */.TL());
    },
}));
const ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(api/* _email */.Mu(ZodEmail, params));
    },
    url(params) {
        return this.check(api/* _url */.Fn(ZodURL, params));
    },
    jwt(params) {
        return this.check(api/* _jwt */.rk(ZodJWT, params));
    },
    emoji(params) {
        return this.check(api/* _emoji */.aC(ZodEmoji, params));
    },
    guid(params) {
        return this.check(api/* _guid */.tB(ZodGUID, params));
    },
    uuid(params) {
        return this.check(api/* _uuid */.Be(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(api/* _uuidv4 */.nA(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(api/* _uuidv6 */.pY(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(api/* _uuidv7 */.wA(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(api/* _nanoid */.Dl(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(api/* _cuid */.fs(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(api/* _cuid2 */.Bj(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(api/* _ulid */.Ct(ZodULID, params));
    },
    base64(params) {
        return this.check(api/* _base64 */.rt(ZodBase64, params));
    },
    base64url(params) {
        return this.check(api/* _base64url */.cU(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(api/* _xid */.Pw(ZodXID, params));
    },
    ksuid(params) {
        return this.check(api/* _ksuid */._z(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(api/* _ipv4 */.Ny(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(api/* _ipv6 */.$O(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(api/* _cidrv4 */.Uy(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(api/* _cidrv6 */.gP(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(api/* _e164 */.KB(ZodE164, params));
    },
    datetime(params) {
        return this.check(api/* _isoDateTime */.G1(ZodISODateTime, params));
    },
    date(params) {
        return this.check(api/* _isoDate */.db(ZodISODate, params));
    },
    time(params) {
        return this.check(api/* _isoTime */.Kn(ZodISOTime, params));
    },
    duration(params) {
        return this.check(api/* _isoDuration */.f2(ZodISODuration, params));
    },
});
function string(params) {
    return api/* _string */.Rl(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function email(params) {
    return core._email(ZodEmail, params);
}
const ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function guid(params) {
    return core._guid(ZodGUID, params);
}
const ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function uuid(params) {
    return core._uuid(ZodUUID, params);
}
function uuidv4(params) {
    return core._uuidv4(ZodUUID, params);
}
// ZodUUIDv6
function uuidv6(params) {
    return core._uuidv6(ZodUUID, params);
}
// ZodUUIDv7
function uuidv7(params) {
    return core._uuidv7(ZodUUID, params);
}
const ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return core._url(ZodURL, params);
}
function httpUrl(params) {
    return core._url(ZodURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function emoji(params) {
    return core._emoji(ZodEmoji, params);
}
const ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function nanoid(params) {
    return core._nanoid(ZodNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
function cuid(params) {
    return core._cuid(ZodCUID, params);
}
const ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function cuid2(params) {
    return core._cuid2(ZodCUID2, params);
}
const ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function ulid(params) {
    return core._ulid(ZodULID, params);
}
const ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function xid(params) {
    return core._xid(ZodXID, params);
}
const ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function ksuid(params) {
    return core._ksuid(ZodKSUID, params);
}
const ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function ipv4(params) {
    return core._ipv4(ZodIPv4, params);
}
const ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMAC", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodMAC.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function mac(params) {
    return core._mac(ZodMAC, params);
}
const ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function ipv6(params) {
    return core._ipv6(ZodIPv6, params);
}
const ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function cidrv4(params) {
    return core._cidrv4(ZodCIDRv4, params);
}
const ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function cidrv6(params) {
    return core._cidrv6(ZodCIDRv6, params);
}
const ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function base64(params) {
    return core._base64(ZodBase64, params);
}
const ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function base64url(params) {
    return core._base64url(ZodBase64URL, params);
}
const ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function e164(params) {
    return core._e164(ZodE164, params);
}
const ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function creditCard(params) {
    return core._creditCard(ZodCreditCard, params);
}
const ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function iban(params) {
    return core._iban(ZodIBAN, params);
}
const ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function jwt(params) {
    return core._jwt(ZodJWT, params);
}
const ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCustomStringFormat", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodCustomStringFormat.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function hostname(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hostname", regexes.hostname, _params);
}
function hex(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hex", regexes.hex, _params);
}
function currencyCode(_params) {
    return core._stringFormat(ZodCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodCustomStringFormat, format, regex, params);
}
const ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(api/* _gt */.Tx(value, params));
    },
    gte(value, params) {
        return this.check(api/* _gte */.qm(value, params));
    },
    min(value, params) {
        return this.check(api/* _gte */.qm(value, params));
    },
    lt(value, params) {
        return this.check(api/* _lt */.Au(value, params));
    },
    lte(value, params) {
        return this.check(api/* _lte */.Zm(value, params));
    },
    max(value, params) {
        return this.check(api/* _lte */.Zm(value, params));
    },
    int(params) {
        return this.check(schemas_int(params));
    },
    safe(params) {
        return this.check(schemas_int(params));
    },
    positive(params) {
        return this.check(api/* _gt */.Tx(0, params));
    },
    nonnegative(params) {
        return this.check(api/* _gte */.qm(0, params));
    },
    negative(params) {
        return this.check(api/* _lt */.Au(0, params));
    },
    nonpositive(params) {
        return this.check(api/* _lte */.Zm(0, params));
    },
    multipleOf(value, params) {
        return this.check(api/* _multipleOf */.Hi(value, params));
    },
    step(value, params) {
        return this.check(api/* _multipleOf */.Hi(value, params));
    },
    finite() {
        return this;
    },
}));
function number(params) {
    return api/* _number */.F7(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function schemas_int(params) {
    return api/* _int */.LK(ZodNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
});
function schemas_boolean(params) {
    return api/* _boolean */._L(ZodBoolean, params);
}
const ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBigInt", (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gte(value, params) {
        return this.check(api/* _gte */.qm(value, params));
    },
    min(value, params) {
        return this.check(api/* _gte */.qm(value, params));
    },
    gt(value, params) {
        return this.check(api/* _gt */.Tx(value, params));
    },
    lt(value, params) {
        return this.check(api/* _lt */.Au(value, params));
    },
    lte(value, params) {
        return this.check(api/* _lte */.Zm(value, params));
    },
    max(value, params) {
        return this.check(api/* _lte */.Zm(value, params));
    },
    positive(params) {
        return this.check(api/* _gt */.Tx(BigInt(0), params));
    },
    negative(params) {
        return this.check(api/* _lt */.Au(BigInt(0), params));
    },
    nonpositive(params) {
        return this.check(api/* _lte */.Zm(BigInt(0), params));
    },
    nonnegative(params) {
        return this.check(api/* _gte */.qm(BigInt(0), params));
    },
    multipleOf(value, params) {
        return this.check(api/* _multipleOf */.Hi(value, params));
    },
}));
function bigint(params) {
    return core._bigint(ZodBigInt, params);
}
const ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodBigIntFormat, params);
}
const ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.symbolProcessor(inst, ctx, json, params);
})));
function symbol(params) {
    return core._symbol(ZodSymbol, params);
}
const ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.undefinedProcessor(inst, ctx, json, params);
})));
function _undefined(params) {
    return core._undefined(ZodUndefined, params);
}

const ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nullProcessor(inst, ctx, json, params);
})));
function _null(params) {
    return core._null(ZodNull, params);
}

const ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.anyProcessor(inst, ctx, json, params);
})));
function any() {
    return core._any(ZodAny);
}
const ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function unknown() {
    return api/* _unknown */.em(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
    return api/* _never */.G8(ZodNever, params);
}
const ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.voidProcessor(inst, ctx, json, params);
})));
function _void(params) {
    return core._void(ZodVoid, params);
}

const ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDate", (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(api/* _gte */.qm(value, params));
    inst.max = (value, params) => inst.check(api/* _lte */.Zm(value, params));
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minDate: (inst) => {
        const { minimum } = aggregateChecks(inst);
        return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
        const { maximum } = aggregateChecks(inst);
        return maximum ? new Date(maximum) : null;
    },
}, {}));
function date(params) {
    return core._date(ZodDate, params);
}
const ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(api/* _minLength */.m9(n, params));
    },
    nonempty(params) {
        return this.check(api/* _minLength */.m9(1, params));
    },
    max(n, params) {
        return this.check(api/* _maxLength */.Eb(n, params));
    },
    length(n, params) {
        return this.check(api/* _length */.YA(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return api/* _array */.dZ(ZodArray, element, params);
}
// .keyof
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return _enum(Object.keys(shape));
}
const ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    core_util/* installLazyProp */.X(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return _enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return core_util/* extend */.X$(this, incoming);
    },
    safeExtend(incoming) {
        return core_util/* safeExtend */.W0(this, incoming);
    },
    merge(other) {
        return core_util/* merge */.h1(this, other);
    },
    pick(mask) {
        return core_util/* pick */.Up(this, mask);
    },
    omit(mask) {
        return core_util/* omit */.cJ(this, mask);
    },
    partial(...args) {
        return core_util/* partial */.OH(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return core_util/* partial */.OH(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return core_util/* required */.mw(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...core_util/* normalizeParams */.A2(params),
    };
    return new ZodObject(def);
}
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...util.normalizeParams(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...util.normalizeParams(params),
    });
}
const ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodXor", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodDiscriminatedUnion.init(inst, def);
})));
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...core_util/* normalizeParams */.A2(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMap", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodMap.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.mapProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function map(keyType, valueType, params) {
    return new ZodMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSet", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodSet.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.setProcessor(inst, ctx, json, params);
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function set(valueType, params) {
    return new ZodSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
});
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...core_util/* normalizeParams */.A2(params),
    });
}

/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.fileProcessor(inst, ctx, json, params);
    inst.min = (size, params) => inst.check(core._minSize(size, params));
    inst.max = (size, params) => inst.check(core._maxSize(size, params));
    inst.mime = (types, params) => inst.check(core._mime(Array.isArray(types) ? types : [types], params));
})));
function file(params) {
    return core._file(ZodFile, params);
}
const ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(core_util/* issue */.sn(issue, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(core_util/* issue */.sn(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
function nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.successProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function success(innerType) {
    return new ZodSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : core_util/* constantCatch */.SS(catchValue)),
    });
}

const ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nanProcessor(inst, ctx, json, params);
})));
function nan(params) {
    return core._nan(ZodNaN, params);
}
const ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCodec", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
function codec(in_, out, params) {
    return new ZodCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPreprocess", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodPreprocess.init(inst, def);
})));
const ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.templateLiteralProcessor(inst, ctx, json, params);
})));
function templateLiteral(parts, params) {
    return new ZodTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.lazyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.getter();
})));
function lazy(getter) {
    return new ZodLazy({
        type: "lazy",
        getter: getter,
    });
}
const ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.promiseProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function promise(innerType) {
    return new ZodPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.functionProcessor(inst, ctx, json, params);
})));
function _function(params) {
    return new ZodFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}

const ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
// custom checks
function check(fn) {
    const ch = new core.$ZodCheck({
        check: "custom",
        // ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
function custom(fn, _params) {
    return core._custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return api/* _refine */.fU(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return api/* _superRefine */.MB(fn, params);
}
// Re-export describe and meta from core
const describe = api/* describe */.q0;
const meta = api/* meta */.mI;
const ZodInstanceOf = /*@__PURE__*/ core_core/* $constructor */.xI("ZodInstanceOf", (inst, def) => {
    ZodCustom.init(inst, def);
}, {
    properties(shape, params) {
        // asserts in place, so the narrowed output type is truthful without a wrapper
        return this.check(api/* _properties */.T2(shape, params));
    },
});
function _instanceof(cls, params = {}) {
    const inst = new ZodInstanceOf({
        type: "custom",
        check: "custom",
        fn: (data) => data instanceof cls,
        abort: true,
        ...util.normalizeParams(params),
    });
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodCodec,
    Boolean: ZodBoolean,
    String: ZodString,
}, ...args);
function json(params) {
    const jsonSchema = lazy(() => {
        return union([string(params), number(), schemas_boolean(), _null(), array(jsonSchema), record(string(), jsonSchema)]);
    });
    return jsonSchema;
}
// preprocess
function preprocess(fn, schema) {
    return new ZodPreprocess({
        type: "pipe",
        in: transform(fn),
        out: schema,
    });
}


/***/ }),

/***/ 3759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ _ipv6),
/* harmony export */   $S: () => (/* binding */ _startsWith),
/* harmony export */   Au: () => (/* binding */ _lt),
/* harmony export */   Be: () => (/* binding */ _uuid),
/* harmony export */   Bj: () => (/* binding */ _cuid2),
/* harmony export */   Ct: () => (/* binding */ _ulid),
/* harmony export */   Dl: () => (/* binding */ _nanoid),
/* harmony export */   ER: () => (/* binding */ _endsWith),
/* harmony export */   Eb: () => (/* binding */ _maxLength),
/* harmony export */   F7: () => (/* binding */ _number),
/* harmony export */   Fk: () => (/* binding */ _regex),
/* harmony export */   Fn: () => (/* binding */ _url),
/* harmony export */   G1: () => (/* binding */ _isoDateTime),
/* harmony export */   G8: () => (/* binding */ _never),
/* harmony export */   Hi: () => (/* binding */ _multipleOf),
/* harmony export */   Il: () => (/* binding */ _toLowerCase),
/* harmony export */   KB: () => (/* binding */ _e164),
/* harmony export */   Kn: () => (/* binding */ _isoTime),
/* harmony export */   LK: () => (/* binding */ _int),
/* harmony export */   MB: () => (/* binding */ _superRefine),
/* harmony export */   Mu: () => (/* binding */ _email),
/* harmony export */   Ny: () => (/* binding */ _ipv4),
/* harmony export */   Pw: () => (/* binding */ _xid),
/* harmony export */   Rl: () => (/* binding */ _string),
/* harmony export */   T2: () => (/* binding */ _properties),
/* harmony export */   TL: () => (/* binding */ _slugify),
/* harmony export */   Tx: () => (/* binding */ _gt),
/* harmony export */   Uy: () => (/* binding */ _cidrv4),
/* harmony export */   WN: () => (/* binding */ _trim),
/* harmony export */   YA: () => (/* binding */ _length),
/* harmony export */   Zm: () => (/* binding */ _lte),
/* harmony export */   _L: () => (/* binding */ _boolean),
/* harmony export */   _z: () => (/* binding */ _ksuid),
/* harmony export */   aC: () => (/* binding */ _emoji),
/* harmony export */   bS: () => (/* binding */ _overwrite),
/* harmony export */   cU: () => (/* binding */ _base64url),
/* harmony export */   dR: () => (/* binding */ _includes),
/* harmony export */   dZ: () => (/* binding */ _array),
/* harmony export */   db: () => (/* binding */ _isoDate),
/* harmony export */   em: () => (/* binding */ _unknown),
/* harmony export */   f2: () => (/* binding */ _isoDuration),
/* harmony export */   fU: () => (/* binding */ _refine),
/* harmony export */   fs: () => (/* binding */ _cuid),
/* harmony export */   gP: () => (/* binding */ _cidrv6),
/* harmony export */   hH: () => (/* binding */ _lowercase),
/* harmony export */   lo: () => (/* binding */ _normalize),
/* harmony export */   m9: () => (/* binding */ _minLength),
/* harmony export */   mI: () => (/* binding */ meta),
/* harmony export */   nA: () => (/* binding */ _uuidv4),
/* harmony export */   pY: () => (/* binding */ _uuidv6),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   qF: () => (/* binding */ _uppercase),
/* harmony export */   qm: () => (/* binding */ _gte),
/* harmony export */   rk: () => (/* binding */ _jwt),
/* harmony export */   rt: () => (/* binding */ _base64),
/* harmony export */   tB: () => (/* binding */ _guid),
/* harmony export */   wA: () => (/* binding */ _uuidv7),
/* harmony export */   xY: () => (/* binding */ _toUpperCase)
/* harmony export */ });
/* unused harmony exports _coercedString, _mac, _creditCard, _iban, TimePrecision, _coercedNumber, _float32, _float64, _int32, _uint32, _coercedBoolean, _bigint, _coercedBigint, _int64, _uint64, _symbol, _undefined, _null, _any, _void, _date, _coercedDate, _nan, _max, _min, _positive, _negative, _nonpositive, _nonnegative, _maxSize, _minSize, _size, _property, _mime, _union, _xor, _discriminatedUnion, _intersection, _tuple, _record, _map, _set, _enum, _nativeEnum, _literal, _file, _transform, _optional, _nullable, _default, _nonoptional, _success, _catch, _pipe, _readonly, _templateLiteral, _lazy, _promise, _custom, _check, _stringbool, _stringFormat */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4890);
/* harmony import */ var _registries_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9396);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4723);




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckLessThan */ .sm({
        check: "less_than",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckLessThan */ .sm({
        check: "less_than",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckGreaterThan */ .J_({
        check: "greater_than",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckGreaterThan */ .J_({
        check: "greater_than",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckMultipleOf */ .Jk({
        check: "multiple_of",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckMaxLength */ .Yk({
        check: "max_length",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckMinLength */ .Kk({
        check: "min_length",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckLengthEquals */ .RM({
        check: "length_equals",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckRegex */ .DG({
        check: "string_format",
        format: "regex",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckLowerCase */ .NI({
        check: "string_format",
        format: "lowercase",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckUpperCase */ .kH({
        check: "string_format",
        format: "uppercase",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckIncludes */ .Tt({
        check: "string_format",
        format: "includes",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckStartsWith */ .J({
        check: "string_format",
        format: "starts_with",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckEndsWith */ .E6({
        check: "string_format",
        format: "ends_with",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckProperties */ .nJ({
        check: "properties",
        shape,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheckOverwrite */ .v$({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => _util_js__WEBPACK_IMPORTED_MODULE_0__/* .slugify */ .Yv(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(_util_js__WEBPACK_IMPORTED_MODULE_0__/* .issue */ .sn(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(_util_js__WEBPACK_IMPORTED_MODULE_0__/* .issue */ .sn(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheck */ .QP({
        check: "custom",
        ..._util_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeParams */ .A2(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheck */ .QP({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = _registries_js__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.get(inst) ?? {};
            _registries_js__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new _checks_js__WEBPACK_IMPORTED_MODULE_1__/* .$ZodCheck */ .QP({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = _registries_js__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.get(inst) ?? {};
            _registries_js__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}


/***/ }),

/***/ 4890:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ $ZodCheckRegex),
/* harmony export */   E6: () => (/* binding */ $ZodCheckEndsWith),
/* harmony export */   J: () => (/* binding */ $ZodCheckStartsWith),
/* harmony export */   J_: () => (/* binding */ $ZodCheckGreaterThan),
/* harmony export */   Jk: () => (/* binding */ $ZodCheckMultipleOf),
/* harmony export */   KH: () => (/* binding */ $ZodCheckNumberFormat),
/* harmony export */   Kk: () => (/* binding */ $ZodCheckMinLength),
/* harmony export */   NI: () => (/* binding */ $ZodCheckLowerCase),
/* harmony export */   QP: () => (/* binding */ $ZodCheck),
/* harmony export */   RM: () => (/* binding */ $ZodCheckLengthEquals),
/* harmony export */   Tt: () => (/* binding */ $ZodCheckIncludes),
/* harmony export */   Yk: () => (/* binding */ $ZodCheckMaxLength),
/* harmony export */   kH: () => (/* binding */ $ZodCheckUpperCase),
/* harmony export */   nJ: () => (/* binding */ $ZodCheckProperties),
/* harmony export */   ql: () => (/* binding */ $ZodCheckStringFormat),
/* harmony export */   sm: () => (/* binding */ $ZodCheckLessThan),
/* harmony export */   v$: () => (/* binding */ $ZodCheckOverwrite)
/* harmony export */ });
/* unused harmony exports $ZodCheckBigIntFormat, $ZodCheckMaxSize, $ZodCheckMinSize, $ZodCheckSizeEquals, $ZodCheckProperty, $ZodCheckMimeType */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8532);
/* harmony import */ var _regexes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3908);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4723);
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !_util_js__WEBPACK_IMPORTED_MODULE_1__/* .nullish */ .cl(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : _util_js__WEBPACK_IMPORTED_MODULE_1__/* .floatSafeRemainder */ .LG(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = _util_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER_FORMAT_RANGES */ .zH[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? _util_js__WEBPACK_IMPORTED_MODULE_1__/* .codePointLength */ .O7(input) : units;
        if (length <= def.maximum)
            return;
        const origin = _util_js__WEBPACK_IMPORTED_MODULE_1__/* .getLengthableOrigin */ .Rc(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? _util_js__WEBPACK_IMPORTED_MODULE_1__/* .codePointLength */ .O7(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = _util_js__WEBPACK_IMPORTED_MODULE_1__/* .getLengthableOrigin */ .Rc(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? _util_js__WEBPACK_IMPORTED_MODULE_1__/* .codePointLength */ .O7(input)
            : units;
        if (length === def.length)
            return;
        const origin = _util_js__WEBPACK_IMPORTED_MODULE_1__/* .getLengthableOrigin */ .Rc(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = _regexes_js__WEBPACK_IMPORTED_MODULE_2__/* .lowercase */ .AC);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = _regexes_js__WEBPACK_IMPORTED_MODULE_2__/* .uppercase */ .Zv);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = _util_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegex */ .sD(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${_util_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegex */ .sD(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${_util_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegex */ .sD(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(..._util_js__WEBPACK_IMPORTED_MODULE_1__/* .prefixIssues */ .lQ(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    _util_js__WEBPACK_IMPORTED_MODULE_1__/* .hide */ .jD(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
});
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ _core_js__WEBPACK_IMPORTED_MODULE_0__/* .$constructor */ .xI("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});


/***/ }),

/***/ 8532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ config),
/* harmony export */   GT: () => (/* binding */ $ZodAsyncError),
/* harmony export */   cV: () => (/* binding */ $ZodEncodeError),
/* harmony export */   cr: () => (/* binding */ globalConfig),
/* harmony export */   xI: () => (/* binding */ $constructor)
/* harmony export */ });
/* unused harmony exports NEVER, $brand */
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4723);
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .members */ .ol)(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}


/***/ }),

/***/ 3908:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ lowercase),
/* harmony export */   Ak: () => (/* binding */ nanoid),
/* harmony export */   D2: () => (/* binding */ nanoidOfLength),
/* harmony export */   F: () => (/* binding */ httpProtocol),
/* harmony export */   Gl: () => (/* binding */ cuid2),
/* harmony export */   K3: () => (/* binding */ base64),
/* harmony export */   Os: () => (/* binding */ guid),
/* harmony export */   Rp: () => (/* binding */ email),
/* harmony export */   Z0: () => (/* binding */ ulid),
/* harmony export */   Zg: () => (/* binding */ emoji),
/* harmony export */   Zv: () => (/* binding */ uppercase),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   fO: () => (/* binding */ ksuid),
/* harmony export */   gF: () => (/* binding */ cuid),
/* harmony export */   gp: () => (/* binding */ anyString),
/* harmony export */   hQ: () => (/* binding */ e164),
/* harmony export */   kB: () => (/* binding */ time),
/* harmony export */   kM: () => (/* binding */ xid),
/* harmony export */   l7: () => (/* binding */ cidrv6),
/* harmony export */   nd: () => (/* binding */ integer),
/* harmony export */   o: () => (/* binding */ bigint),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   p6: () => (/* binding */ date),
/* harmony export */   r0: () => (/* binding */ base64url),
/* harmony export */   uR: () => (/* binding */ uuid),
/* harmony export */   uX: () => (/* binding */ ipv4),
/* harmony export */   ug: () => (/* binding */ ipv6),
/* harmony export */   w$: () => (/* binding */ datetime),
/* harmony export */   zM: () => (/* binding */ boolean),
/* harmony export */   zr: () => (/* binding */ cidrv4)
/* harmony export */ });
/* unused harmony exports extendedDuration, uuid4, uuid6, uuid7, html5Email, rfc5322Email, unicodeEmail, idnEmail, browserEmail, mac, hostname, domain, creditCard, currencyCode, iban, string, null, undefined, hex, md5_hex, md5_base64, md5_base64url, sha1_hex, sha1_base64, sha1_base64url, sha256_hex, sha256_base64, sha256_base64url, sha384_hex, sha384_base64, sha384_base64url, sha512_hex, sha512_base64, sha512_base64url */

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));


/***/ }),

/***/ 9396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fd: () => (/* binding */ globalRegistry)
/* harmony export */ });
/* unused harmony exports $output, $input, $ZodRegistry, registry */
var _a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;


/***/ }),

/***/ 4723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ normalizeParams),
/* harmony export */   B7: () => (/* binding */ stringifyPrimitive),
/* harmony export */   GW: () => (/* binding */ parsedType),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   LG: () => (/* binding */ floatSafeRemainder),
/* harmony export */   MO: () => (/* binding */ rawShape),
/* harmony export */   NM: () => (/* binding */ optionalKeys),
/* harmony export */   NR: () => (/* binding */ BIGINT_FORMAT_RANGES),
/* harmony export */   O7: () => (/* binding */ codePointLength),
/* harmony export */   OH: () => (/* binding */ partial),
/* harmony export */   PO: () => (/* binding */ cached),
/* harmony export */   QH: () => (/* binding */ aborted),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Rc: () => (/* binding */ getLengthableOrigin),
/* harmony export */   SS: () => (/* binding */ constantCatch),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   Vy: () => (/* binding */ assignProp),
/* harmony export */   W0: () => (/* binding */ safeExtend),
/* harmony export */   X: () => (/* binding */ installLazyProp),
/* harmony export */   X$: () => (/* binding */ extend),
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   cJ: () => (/* binding */ omit),
/* harmony export */   cl: () => (/* binding */ nullish),
/* harmony export */   d3: () => (/* binding */ attachSchema),
/* harmony export */   gx: () => (/* binding */ captureStackTrace),
/* harmony export */   h1: () => (/* binding */ merge),
/* harmony export */   hI: () => (/* binding */ allowsEval),
/* harmony export */   hi: () => (/* binding */ sizeCaps),
/* harmony export */   iR: () => (/* binding */ finalizeIssue),
/* harmony export */   jD: () => (/* binding */ hide),
/* harmony export */   jw: () => (/* binding */ joinValues),
/* harmony export */   k8: () => (/* binding */ jsonStringifyReplacer),
/* harmony export */   lQ: () => (/* binding */ prefixIssues),
/* harmony export */   mw: () => (/* binding */ required),
/* harmony export */   o8: () => (/* binding */ clone),
/* harmony export */   ol: () => (/* binding */ members),
/* harmony export */   p6: () => (/* binding */ cleanRegex),
/* harmony export */   qQ: () => (/* binding */ propertyKeyTypes),
/* harmony export */   qh: () => (/* binding */ own),
/* harmony export */   rL: () => (/* binding */ explicitlyAborted),
/* harmony export */   sD: () => (/* binding */ escapeRegex),
/* harmony export */   sn: () => (/* binding */ issue),
/* harmony export */   un: () => (/* binding */ derived),
/* harmony export */   v5: () => (/* binding */ defineLazyInternal),
/* harmony export */   w5: () => (/* binding */ getEnumValues),
/* harmony export */   yG: () => (/* binding */ shallowClone),
/* harmony export */   zH: () => (/* binding */ NUMBER_FORMAT_RANGES),
/* harmony export */   zM: () => (/* binding */ mergeDefs)
/* harmony export */ });
/* unused harmony exports assertEqual, assertNotEqual, toZod, assertIs, assertNever, assert, defineLazy, objectClone, cloneDef, getElementAtPath, promiseAllObject, randomString, numKeys, getParsedType, primitiveTypes, createTransparentProxy, unwrapMessage, getSizableOrigin, cleanEnum, base64ToUint8Array, uint8ArrayToBase64, base64urlToUint8Array, uint8ArrayToBase64url, hexToUint8Array, uint8ArrayToHex, Class, CONSTANT_CATCH */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8532);

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (_core_js__WEBPACK_IMPORTED_MODULE_0__/* .globalConfig */ .cr.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(1223);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
