export const id = 539;
export const ids = [539];
export const modules = {

/***/ 18456:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toMessageSignatureBundle = toMessageSignatureBundle;
exports.toDSSEBundle = toDSSEBundle;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const protobuf_specs_1 = __webpack_require__(19654);
const bundle_1 = __webpack_require__(37742);
// Message signature bundle - $case: 'messageSignature'
function toMessageSignatureBundle(options) {
    return {
        mediaType: options.certificateChain
            ? bundle_1.BUNDLE_V02_MEDIA_TYPE
            : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
            $case: 'messageSignature',
            messageSignature: {
                messageDigest: {
                    algorithm: protobuf_specs_1.HashAlgorithm.SHA2_256,
                    digest: options.digest,
                },
                signature: options.signature,
            },
        },
        verificationMaterial: toVerificationMaterial(options),
    };
}
// DSSE envelope bundle - $case: 'dsseEnvelope'
function toDSSEBundle(options) {
    return {
        mediaType: options.certificateChain
            ? bundle_1.BUNDLE_V02_MEDIA_TYPE
            : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
            $case: 'dsseEnvelope',
            dsseEnvelope: toEnvelope(options),
        },
        verificationMaterial: toVerificationMaterial(options),
    };
}
function toEnvelope(options) {
    return {
        payloadType: options.artifactType,
        payload: options.artifact,
        signatures: [toSignature(options)],
    };
}
function toSignature(options) {
    return {
        keyid: options.keyHint || '',
        sig: options.signature,
    };
}
// Verification material
function toVerificationMaterial(options) {
    return {
        content: toKeyContent(options),
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] },
    };
}
function toKeyContent(options) {
    if (options.certificate) {
        if (options.certificateChain) {
            return {
                $case: 'x509CertificateChain',
                x509CertificateChain: {
                    certificates: [{ rawBytes: options.certificate }],
                },
            };
        }
        else {
            return {
                $case: 'certificate',
                certificate: { rawBytes: options.certificate },
            };
        }
    }
    else {
        return {
            $case: 'publicKey',
            publicKey: {
                hint: options.keyHint || '',
            },
        };
    }
}


/***/ }),

/***/ 37742:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = void 0;
exports.isBundleWithCertificateChain = isBundleWithCertificateChain;
exports.isBundleWithPublicKey = isBundleWithPublicKey;
exports.isBundleWithMessageSignature = isBundleWithMessageSignature;
exports.isBundleWithDsseEnvelope = isBundleWithDsseEnvelope;
exports.BUNDLE_V01_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
exports.BUNDLE_V02_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.2';
exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.3';
exports.BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
// Type guards for bundle variants.
function isBundleWithCertificateChain(b) {
    return b.verificationMaterial.content.$case === 'x509CertificateChain';
}
function isBundleWithPublicKey(b) {
    return b.verificationMaterial.content.$case === 'publicKey';
}
function isBundleWithMessageSignature(b) {
    return b.content.$case === 'messageSignature';
}
function isBundleWithDsseEnvelope(b) {
    return b.content.$case === 'dsseEnvelope';
}


/***/ }),

/***/ 47714:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValidationError = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
class ValidationError extends Error {
    fields;
    constructor(message, fields) {
        super(message);
        this.fields = fields;
    }
}
exports.ValidationError = ValidationError;


/***/ }),

/***/ 61040:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = exports.ev = exports.vw = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = exports.HM = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = exports.PR = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
var build_1 = __webpack_require__(18456);
Object.defineProperty(exports, "PR", ({ enumerable: true, get: function () { return build_1.toDSSEBundle; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return build_1.toMessageSignatureBundle; } });
var bundle_1 = __webpack_require__(37742);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V01_MEDIA_TYPE; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V02_MEDIA_TYPE; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V03_LEGACY_MEDIA_TYPE; } });
Object.defineProperty(exports, "HM", ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V03_MEDIA_TYPE; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.isBundleWithCertificateChain; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.isBundleWithDsseEnvelope; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.isBundleWithMessageSignature; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return bundle_1.isBundleWithPublicKey; } });
var error_1 = __webpack_require__(47714);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return error_1.ValidationError; } });
var serialized_1 = __webpack_require__(23404);
Object.defineProperty(exports, "vw", ({ enumerable: true, get: function () { return serialized_1.bundleFromJSON; } }));
Object.defineProperty(exports, "ev", ({ enumerable: true, get: function () { return serialized_1.bundleToJSON; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return serialized_1.envelopeFromJSON; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return serialized_1.envelopeToJSON; } });
var validate_1 = __webpack_require__(9352);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return validate_1.assertBundle; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return validate_1.assertBundleLatest; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return validate_1.assertBundleV01; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return validate_1.assertBundleV02; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return validate_1.isBundleV01; } });


/***/ }),

/***/ 23404:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const protobuf_specs_1 = __webpack_require__(19654);
const bundle_1 = __webpack_require__(37742);
const validate_1 = __webpack_require__(9352);
const bundleFromJSON = (obj) => {
    const bundle = protobuf_specs_1.Bundle.fromJSON(obj);
    switch (bundle.mediaType) {
        case bundle_1.BUNDLE_V01_MEDIA_TYPE:
            (0, validate_1.assertBundleV01)(bundle);
            break;
        case bundle_1.BUNDLE_V02_MEDIA_TYPE:
            (0, validate_1.assertBundleV02)(bundle);
            break;
        default:
            (0, validate_1.assertBundleLatest)(bundle);
            break;
    }
    return bundle;
};
exports.bundleFromJSON = bundleFromJSON;
const bundleToJSON = (bundle) => {
    return protobuf_specs_1.Bundle.toJSON(bundle);
};
exports.bundleToJSON = bundleToJSON;
const envelopeFromJSON = (obj) => {
    return protobuf_specs_1.Envelope.fromJSON(obj);
};
exports.envelopeFromJSON = envelopeFromJSON;
const envelopeToJSON = (envelope) => {
    return protobuf_specs_1.Envelope.toJSON(envelope);
};
exports.envelopeToJSON = envelopeToJSON;


/***/ }),

/***/ 9352:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assertBundle = assertBundle;
exports.assertBundleV01 = assertBundleV01;
exports.isBundleV01 = isBundleV01;
exports.assertBundleV02 = assertBundleV02;
exports.assertBundleLatest = assertBundleLatest;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const error_1 = __webpack_require__(47714);
// Performs basic validation of a Sigstore bundle to ensure that all required
// fields are populated. This is not a complete validation of the bundle, but
// rather a check that the bundle is in a valid state to be processed by the
// rest of the code.
function assertBundle(b) {
    const invalidValues = validateBundleBase(b);
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid bundle', invalidValues);
    }
}
// Asserts that the given bundle conforms to the v0.1 bundle format.
function assertBundleV01(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionPromise(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid v0.1 bundle', invalidValues);
    }
}
// Type guard to determine if Bundle is a v0.1 bundle.
function isBundleV01(b) {
    try {
        assertBundleV01(b);
        return true;
    }
    catch (e) {
        return false;
    }
}
// Asserts that the given bundle conforms to the v0.2 bundle format.
function assertBundleV02(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionProof(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid v0.2 bundle', invalidValues);
    }
}
// Asserts that the given bundle conforms to the newest (0.3) bundle format.
function assertBundleLatest(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionProof(b));
    invalidValues.push(...validateNoCertificateChain(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid bundle', invalidValues);
    }
}
function validateBundleBase(b) {
    const invalidValues = [];
    // Media type validation
    if (b.mediaType === undefined ||
        (!b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\+json;version=\d\.\d/) &&
            !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\.v\d\.\d\+json/))) {
        invalidValues.push('mediaType');
    }
    // Content-related validation
    if (b.content === undefined) {
        invalidValues.push('content');
    }
    else {
        switch (b.content.$case) {
            case 'messageSignature':
                if (b.content.messageSignature.messageDigest === undefined) {
                    invalidValues.push('content.messageSignature.messageDigest');
                }
                else {
                    if (b.content.messageSignature.messageDigest.digest.length === 0) {
                        invalidValues.push('content.messageSignature.messageDigest.digest');
                    }
                }
                if (b.content.messageSignature.signature.length === 0) {
                    invalidValues.push('content.messageSignature.signature');
                }
                break;
            case 'dsseEnvelope':
                if (b.content.dsseEnvelope.payload.length === 0) {
                    invalidValues.push('content.dsseEnvelope.payload');
                }
                if (b.content.dsseEnvelope.signatures.length !== 1) {
                    invalidValues.push('content.dsseEnvelope.signatures');
                }
                else {
                    if (b.content.dsseEnvelope.signatures[0].sig.length === 0) {
                        invalidValues.push('content.dsseEnvelope.signatures[0].sig');
                    }
                }
                break;
        }
    }
    // Verification material-related validation
    if (b.verificationMaterial === undefined) {
        invalidValues.push('verificationMaterial');
    }
    else {
        if (b.verificationMaterial.content === undefined) {
            invalidValues.push('verificationMaterial.content');
        }
        else {
            switch (b.verificationMaterial.content.$case) {
                case 'x509CertificateChain':
                    if (b.verificationMaterial.content.x509CertificateChain.certificates
                        .length === 0) {
                        invalidValues.push('verificationMaterial.content.x509CertificateChain.certificates');
                    }
                    b.verificationMaterial.content.x509CertificateChain.certificates.forEach((cert, i) => {
                        if (cert.rawBytes.length === 0) {
                            invalidValues.push(`verificationMaterial.content.x509CertificateChain.certificates[${i}].rawBytes`);
                        }
                    });
                    break;
                case 'certificate':
                    if (b.verificationMaterial.content.certificate.rawBytes.length === 0) {
                        invalidValues.push('verificationMaterial.content.certificate.rawBytes');
                    }
                    break;
            }
        }
        if (b.verificationMaterial.tlogEntries === undefined) {
            invalidValues.push('verificationMaterial.tlogEntries');
        }
        else {
            if (b.verificationMaterial.tlogEntries.length > 0) {
                b.verificationMaterial.tlogEntries.forEach((entry, i) => {
                    if (entry.logId === undefined) {
                        invalidValues.push(`verificationMaterial.tlogEntries[${i}].logId`);
                    }
                    if (entry.kindVersion === undefined) {
                        invalidValues.push(`verificationMaterial.tlogEntries[${i}].kindVersion`);
                    }
                });
            }
        }
    }
    return invalidValues;
}
// Necessary for V01 bundles
function validateInclusionPromise(b) {
    const invalidValues = [];
    if (b.verificationMaterial &&
        b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
            if (entry.inclusionPromise === undefined) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionPromise`);
            }
        });
    }
    return invalidValues;
}
// Necessary for V02 and later bundles
function validateInclusionProof(b) {
    const invalidValues = [];
    if (b.verificationMaterial &&
        b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
            if (entry.inclusionProof === undefined) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof`);
            }
            else {
                if (entry.inclusionProof.checkpoint === undefined) {
                    invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof.checkpoint`);
                }
            }
        });
    }
    return invalidValues;
}
// Necessary for V03 and later bundles
function validateNoCertificateChain(b) {
    const invalidValues = [];
    /* istanbul ignore next */
    if (b.verificationMaterial?.content?.$case === 'x509CertificateChain') {
        invalidValues.push('verificationMaterial.content.$case');
    }
    return invalidValues;
}


/***/ }),

/***/ 59539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VerificationFailure: () => (/* binding */ VerificationFailure),
/* harmony export */   verifyAttestations: () => (/* binding */ verifyAttestations)
/* harmony export */ });
/* unused harmony exports BUNDLE_SUFFIX, STATEMENT_SUFFIX, bundleVerifier */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54187);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87406);
/* harmony import */ var _regular_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53019);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(81487);
/* harmony import */ var _digest_memo_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47521);
/* harmony import */ var _image_provenance_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(92373);
/* harmony import */ var _keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(10136);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(77635);
/**
 * Verification that fails closed: an attestation is accepted only when every
 * check below holds, and the first that does not is named in the error
 * (VerificationFailure.check), with the file it concerns.
 *
 *   attestation     the Sigstore bundle exists and is a v0.3 bundle holding a DSSE envelope
 *   signature       the envelope carries a signature and it verifies against the trusted key
 *                   (@sigstore/verify's Verifier; thresholds 0: key mode has no log or TSA),
 *                   or, keyless, against a Sigstore trusted root (keyless-verify.ts)
 *   identity        keyless: the certificate names the expected issuer, repository, workflow and ref
 *   statement       the signed payload is an in-toto v1 statement, and the .intoto.json beside
 *                   the bundle (what people read) is byte for byte the signed payload
 *   predicate-type  the predicate is SLSA Provenance v1 and valid
 *   builder-id      runDetails.builder.id matches the policy
 *   subjects        every subject names a file under the root whose sha256 is the subject's
 *   byproducts      every file bound as a byproduct (image provenance, SBOMs, secret scan,
 *                   upstream documents) is present with the digest that was signed
 *   risk-score      every bound image provenance has analysis.risk_score ≤ the threshold
 *   boot            every bound image provenance says boot-verify passed
 *   coverage        every artifact file that must be covered is a subject of a verified statement
 *
 * DSSE verification alone never looks at the files: the subject check is
 * what binds the signature to the bytes a consumer is about to run.
 */












class VerificationFailure extends Error {
    check;
    target;
    constructor(check, target, detail) {
        super(`verification failed at check '${check}' for ${target}: ${detail}`);
        this.name = 'VerificationFailure';
        this.check = check;
        this.target = target;
    }
}
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** The files verify must find covered when no artifacts are named: images and kernels, whatever the case. */
const ARTIFACT_FILE = /\.(qcow2|vmlinuz|initrd)$/i;
const BUNDLE_SUFFIX = '.sigstore.json';
const STATEMENT_SUFFIX = '.intoto.json';
function trustMaterial(key) {
    const emptyRoot = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.TrustedRoot.fromJSON({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [],
        certificateAuthorities: [],
        ctlogs: [],
        timestampAuthorities: [],
    });
    const der = key.key.export({ type: 'spki', format: 'der' });
    return (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_4__/* .toTrustMaterial */ .jO)(emptyRoot, {
        [key.hint]: { rawBytes: der, keyDetails: _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256 },
    });
}
async function findAttestations(root) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'meta', 'attestations');
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir).catch(() => []);
    const bundles = names.filter((n) => n.endsWith(BUNDLE_SUFFIX)).sort();
    const unsigned = names
        .filter((n) => n.endsWith(STATEMENT_SUFFIX))
        .filter((n) => !bundles.includes(n.slice(0, -STATEMENT_SUFFIX.length) + BUNDLE_SUFFIX))
        .sort();
    return { bundles: bundles.map((n) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, n)), unsigned: unsigned.map((n) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, n)) };
}
/**
 * Every artifact file of the tree outside its own meta/ (a variant may be called `meta`), hidden or not,
 * and symbolic links by those names (hashed through the link, so what they point at must be signed under
 * their name). A symbolic link to a directory is refused: the images under it would go unchecked.
 */
async function findArtifactFiles(root) {
    const out = [];
    const walk = async (dir) => {
        for (const e of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true })) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
            if (e.isDirectory()) {
                if (dir !== root || e.name !== 'meta')
                    await walk(path);
            }
            else if (e.isSymbolicLink() && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => null))?.isDirectory()) {
                throw new VerificationFailure('coverage', path, 'a symbolic link to a directory in the artifact tree: the files under it cannot be checked');
            }
            else if (ARTIFACT_FILE.test(e.name))
                out.push(path);
        }
    };
    await walk(root);
    return out.sort();
}
function builderMatches(id, policy) {
    return policy.endsWith('*') ? id.startsWith(policy.slice(0, -1)) : id === policy;
}
class Checker {
    checks = [];
    target;
    constructor(target) {
        this.target = target;
    }
    pass(check, detail) {
        this.checks.push({ check, target: this.target, detail });
    }
    fail(check, detail) {
        throw new VerificationFailure(check, this.target, detail);
    }
}
async function readBundle(c, path) {
    let bytes;
    try {
        bytes = await (0,_regular_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularFile */ .XF)(path, { input: 'attestation', maxBytes: MAX_BUNDLE_BYTES });
    }
    catch (e) {
        c.fail('attestation', `missing attestation: ${e.message}`);
    }
    return parseBundle(c, bytes);
}
function parseBundle(c, bytes) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        c.fail('attestation', `not JSON (${e.message})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        c.fail('attestation', 'not a Sigstore bundle: the JSON is not an object');
    if (json.mediaType !== _sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__/* .BUNDLE_V03_MEDIA_TYPE */ .HM)
        c.fail('attestation', `media type ${JSON.stringify(json.mediaType)}, expected ${_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__/* .BUNDLE_V03_MEDIA_TYPE */ .HM}`);
    if (!json.dsseEnvelope)
        c.fail('attestation', 'the bundle holds no DSSE envelope');
    if (!Array.isArray(json.dsseEnvelope.signatures) || json.dsseEnvelope.signatures.length === 0)
        c.fail('signature', 'no signature: the DSSE envelope carries no signatures');
    try {
        return (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__/* .bundleFromJSON */ .vw)(json);
    }
    catch (e) {
        c.fail('attestation', `not a valid Sigstore bundle (${e.message})`);
    }
}
function signatureCheck(policy) {
    if (policy.keyless) {
        const verifiers = (0,_keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .keylessVerifiers */ .ay)(policy.keyless.trustedRoots);
        const want = policy.keyless.identity;
        return (bundle) => {
            const { identity, root } = (0,_keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .verifyKeyless */ .Qm)((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_4__/* .toSignedEntity */ .DC)(bundle), verifiers, want);
            const workflow = identity.buildConfigUri ?? identity.subjectAlternativeName;
            return {
                passed: [
                    { check: 'signature', detail: `Fulcio certificate chained to ${root}, signing time witnessed` },
                    { check: 'identity', detail: `${identity.issuer}: ${workflow} on ${identity.sourceRepositoryRef}` },
                ],
                certifiedBuilder: workflow,
            };
        };
    }
    const keys = policy.trustedKeys;
    if (!keys?.length)
        throw new Error('verify needs a trusted key or a keyless policy');
    const trusted = `the trusted key${keys.length > 1 ? 's' : ''} ${keys.map((k) => k.hint).join(', ')}`;
    const verifiers = new Map(keys.map((key) => [
        key.hint,
        new _sigstore_verify__WEBPACK_IMPORTED_MODULE_4__/* .Verifier */ .BL(trustMaterial(key), { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }),
    ]));
    return (bundle) => {
        const material = bundle.verificationMaterial.content;
        // Key mode trusts a key, never a certificate the bundle brings along.
        if (material.$case !== 'publicKey')
            throw new _keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .KeylessCheckFailure */ .Pw('signature', `the bundle carries a ${material.$case}, not a key hint: key mode verifies only signatures by ${trusted}`);
        const hint = material.publicKey.hint;
        const verifier = verifiers.get(hint);
        if (!verifier) {
            // The hint is the bundle's word: shown quoted unless it is a key hint's 64 hex (no log commands in it).
            const named = /^[0-9a-f]{64}$/.test(hint) ? hint : JSON.stringify(hint.slice(0, 80));
            throw new _keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .KeylessCheckFailure */ .Pw('signature', `the bundle was signed by the key ${named}, not by ${trusted}`);
        }
        try {
            verifier.verify((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_4__/* .toSignedEntity */ .DC)(bundle));
        }
        catch (e) {
            const code = e.code;
            throw new _keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .KeylessCheckFailure */ .Pw('signature', `${e.message}${code ? ` (${code})` : ''}; ${trusted}`);
        }
        return {
            passed: [
                {
                    check: 'signature',
                    detail: `ECDSA P-256 signature by the trusted key ${hint}`,
                },
            ],
            certifiedBuilder: null,
        };
    };
}
/**
 * The statement file beside a bundle is what people read: when it is there it must be the signed payload,
 * byte for byte. Only its absence is allowed (the bundle is the record); a file that cannot be read and
 * compared fails the check like one that differs.
 */
async function checkStatementFile(c, sibling, payload) {
    const differs = `${sibling} differs from the statement the bundle signs: the statement was changed after signing`;
    const unreadable = (e) => c.fail('statement', `${sibling} cannot be compared with the statement the bundle signs: ${e.message}`);
    let size;
    try {
        size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(sibling)).size;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return;
        return unreadable(e);
    }
    if (size !== payload.length)
        c.fail('statement', differs);
    const onDisk = await (0,_regular_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularFile */ .XF)(sibling, { input: 'attestation', maxBytes: payload.length }).catch(unreadable);
    if (!onDisk.equals(payload))
        c.fail('statement', differs);
}
/**
 * The checks that need only the bundle (attestation, signature, identity, statement, predicate-type,
 * builder-id); `payloadFile` compares the signed payload with the statement file people read, when there is one.
 */
async function verifySignedStatement(c, bundle, policy, checkSignature, payloadFile) {
    const content = bundle.content;
    if (content.$case !== 'dsseEnvelope')
        return c.fail('attestation', 'the bundle holds no DSSE envelope');
    const envelope = content.dsseEnvelope;
    c.pass('attestation', `Sigstore bundle v0.3 with a DSSE envelope`);
    let signed;
    try {
        signed = checkSignature(bundle);
    }
    catch (e) {
        if (e instanceof _keyless_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .KeylessCheckFailure */ .Pw)
            c.fail(e.check, e.message);
        throw e;
    }
    for (const r of signed.passed)
        c.pass(r.check, r.detail);
    if (envelope.payloadType !== _statement_js__WEBPACK_IMPORTED_MODULE_11__/* .IN_TOTO_PAYLOAD_TYPE */ .T4)
        c.fail('statement', `payload type ${envelope.payloadType}, expected ${_statement_js__WEBPACK_IMPORTED_MODULE_11__/* .IN_TOTO_PAYLOAD_TYPE */ .T4}`);
    const payload = Buffer.from(envelope.payload);
    let parsed;
    try {
        parsed = JSON.parse(payload.toString('utf8'));
    }
    catch {
        c.fail('statement', 'the signed payload is not JSON');
    }
    const statement = _statement_js__WEBPACK_IMPORTED_MODULE_11__/* .StatementSchema */ .XZ.safeParse(parsed);
    if (!statement.success)
        c.fail('statement', `not an in-toto v1 statement (${statement.error.issues[0].message} at '${statement.error.issues[0].path.join('.')}')`);
    await payloadFile(payload);
    c.pass('statement', `in-toto v1 statement with ${statement.data.subject.length} subject(s)`);
    if (statement.data.predicateType !== _statement_js__WEBPACK_IMPORTED_MODULE_11__/* .SLSA_PROVENANCE_V1 */ .us)
        c.fail('predicate-type', `predicate type ${statement.data.predicateType}, expected ${_statement_js__WEBPACK_IMPORTED_MODULE_11__/* .SLSA_PROVENANCE_V1 */ .us}`);
    const provenance = _statement_js__WEBPACK_IMPORTED_MODULE_11__/* .ProvenanceStatementSchema */ ._4.safeParse(parsed);
    if (!provenance.success)
        c.fail('predicate-type', `invalid SLSA v1 predicate at '${provenance.error.issues[0].path.join('.')}': ${provenance.error.issues[0].message}`);
    c.pass('predicate-type', _statement_js__WEBPACK_IMPORTED_MODULE_11__/* .SLSA_PROVENANCE_V1 */ .us);
    const builderId = provenance.data.predicate.runDetails.builder.id;
    // Keyless, the builder is not the signer's to claim: it is the workflow the certificate was issued to.
    if (signed.certifiedBuilder !== null && builderId !== signed.certifiedBuilder)
        c.fail('builder-id', `the statement claims the builder ${builderId}, but its certificate was issued to the workflow ${signed.certifiedBuilder}`);
    if (policy.builderId !== null && !builderMatches(builderId, policy.builderId))
        c.fail('builder-id', `builder id ${builderId} does not match the policy ${policy.builderId}`);
    c.pass('builder-id', builderId);
    return provenance.data;
}
/**
 * Verifies bundles that are not files in a tree (tag-snapshot reads them back from a registry): every
 * check up to builder-id. What the subjects and byproducts name is the caller's to compare, by digest.
 */
function bundleVerifier(policy) {
    const checkSignature = signatureCheck(policy);
    return (bytes, target) => {
        const c = new Checker(target);
        return verifySignedStatement(c, parseBundle(c, bytes), policy, checkSignature, async () => undefined);
    };
}
async function verifyOne(bundlePath, req, checkSignature, memo, root, 
/** Collects the size of each subject file, for the coverage check. */
signedSizes) {
    const c = new Checker(bundlePath);
    const sibling = bundlePath.endsWith(BUNDLE_SUFFIX)
        ? bundlePath.slice(0, -BUNDLE_SUFFIX.length) + STATEMENT_SUFFIX
        : null;
    const statement = await verifySignedStatement(c, await readBundle(c, bundlePath), req.policy, checkSignature, async (payload) => {
        if (sibling)
            await checkStatementFile(c, sibling, payload);
    });
    for (const subject of statement.subject) {
        let path;
        try {
            path = (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_7__/* .insideTree */ .vJ)(root, subject.name, bundlePath);
        }
        catch (e) {
            c.fail('subjects', e.message);
        }
        let actual;
        try {
            const d = await memo.digest(path, { input: `subject ${subject.name}` });
            signedSizes.add(d.size);
            actual = d.sha256;
        }
        catch (e) {
            c.fail('subjects', `subject ${subject.name}: ${e.message}`);
        }
        if (actual !== subject.digest.sha256)
            c.fail('subjects', `${path} has sha256 ${actual}, the statement says ${subject.digest.sha256}: the file is not the one that was signed`);
    }
    c.pass('subjects', `${statement.subject.length} file(s) match their signed sha256`);
    const docs = await boundByproducts(c, statement, root, memo);
    if (req.policy.maxRiskScore !== null || req.policy.requireBoot) {
        for (const { name, doc } of docs) {
            if (req.policy.maxRiskScore !== null && doc.analysis.risk_score > req.policy.maxRiskScore)
                c.fail('risk-score', `${name}: risk_score ${doc.analysis.risk_score} is above the threshold ${req.policy.maxRiskScore}`);
            if (req.policy.requireBoot && doc.boot.status !== 'success')
                c.fail('boot', `${name}: ${doc.image.path} has no passing boot-verify report (status ${doc.boot.status})`);
        }
        if (req.policy.maxRiskScore !== null)
            c.pass('risk-score', `≤ ${req.policy.maxRiskScore} in ${docs.length} image provenance(s)`);
        if (req.policy.requireBoot)
            c.pass('boot', `boot-verify passed for ${docs.length} image(s)`);
    }
    return { statement, checks: c.checks };
}
/**
 * Every file the statement binds as a byproduct (image provenance, SBOMs, the
 * secret gate's result, the upstream documents) must be present and carry the
 * signed digest; the image provenance documents are also read, for the policy.
 */
async function boundByproducts(c, statement, root, memo) {
    const refs = (statement.predicate.runDetails.byproducts ?? []).filter((b) => b.name);
    if (!refs.some((b) => b.mediaType === _image_provenance_js__WEBPACK_IMPORTED_MODULE_9__/* .IMAGE_PROVENANCE_MEDIA_TYPE */ .EB))
        c.fail('byproducts', 'the statement binds no image provenance, which the policy (risk score, boot) reads');
    const out = [];
    for (const ref of refs) {
        const name = ref.name;
        const isProvenance = ref.mediaType === _image_provenance_js__WEBPACK_IMPORTED_MODULE_9__/* .IMAGE_PROVENANCE_MEDIA_TYPE */ .EB;
        let bytes = null;
        let digest;
        try {
            const path = (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_7__/* .insideTree */ .vJ)(root, name, 'statement');
            if (isProvenance) {
                bytes = await (0,_regular_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularFile */ .XF)(path, { input: name, maxBytes: MAX_DOCUMENT_BYTES });
                digest = (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256 */ .sc)(bytes);
            }
            else
                digest = (await memo.digest(path, { input: name })).sha256;
        }
        catch (e) {
            c.fail('byproducts', `${name}: ${e.message}`);
        }
        if (digest !== ref.digest?.sha256)
            c.fail('byproducts', `${name} has sha256 ${digest}, the statement bound ${ref.digest?.sha256}: it was changed after signing`);
        if (!bytes)
            continue;
        const doc = _image_provenance_js__WEBPACK_IMPORTED_MODULE_9__/* .ImageProvenanceSchema */ .Sf.safeParse(JSON.parse(bytes.toString('utf8')));
        if (!doc.success)
            c.fail('byproducts', `${name} is not a valid image provenance`);
        out.push({ name, doc: doc.data });
    }
    c.pass('byproducts', `${refs.length} bound file(s) match their signed digests, ${out.length} of them image provenance`);
    return out;
}
async function verifyAttestations(req) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(req.root);
    const memo = req.digests ?? new _digest_memo_js__WEBPACK_IMPORTED_MODULE_8__/* .DigestMemo */ .F();
    const hashedBefore = memo.hashed;
    const checkSignature = signatureCheck(req.policy);
    let bundles = req.attestations.map((a) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(a));
    if (bundles.length === 0) {
        const found = await findAttestations(root);
        const [unsigned] = found.unsigned;
        if (unsigned)
            throw new VerificationFailure('signature', unsigned, `no signature: there is no ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(unsigned.slice(0, -STATEMENT_SUFFIX.length))}${BUNDLE_SUFFIX} beside it`);
        bundles = found.bundles;
        if (bundles.length === 0)
            throw new VerificationFailure('attestation', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'meta', 'attestations'), `missing attestation: no *${BUNDLE_SUFFIX} found`);
    }
    const statements = [];
    const checks = [];
    const signedSizes = new Set();
    for (const bundle of bundles) {
        const r = await verifyOne(bundle, req, checkSignature, memo, root, signedSizes);
        statements.push({ bundle, statement: r.statement });
        checks.push(...r.checks);
    }
    const required = req.artifacts?.map((a) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(a)) ?? (await findArtifactFiles(root));
    const covered = [];
    for (const path of required) {
        const rel = (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_7__/* .toRel */ .lH)(root, path);
        // A file no statement names is read only to say whether its bytes were signed under another name, and
        // only when its size is one a signed file has: a large file dropped into the tree fails unread.
        if (!statements.some((s) => s.statement.subject.some((sub) => sub.name === rel))) {
            const size = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then((st) => st.size, () => -1);
            if (!signedSizes.has(size))
                throw new VerificationFailure('coverage', path, `missing attestation: no verified statement names ${rel}, and no signed file has its size`);
        }
        let d;
        try {
            d = await memo.digest(path, { input: 'artifact' });
        }
        catch (e) {
            throw new VerificationFailure('coverage', path, e.message);
        }
        const hit = statements.some((s) => s.statement.subject.some((sub) => sub.name === rel && sub.digest.sha256 === d.sha256));
        if (!hit) {
            const byDigest = statements.some((s) => s.statement.subject.some((sub) => sub.digest.sha256 === d.sha256));
            throw new VerificationFailure('coverage', path, byDigest
                ? `missing attestation: its sha256 ${d.sha256} is signed, but under another name than ${rel}`
                : `missing attestation: no verified statement names ${rel} with its sha256 ${d.sha256}`);
        }
        covered.push({ path, sha256: d.sha256 });
    }
    checks.push({ check: 'coverage', target: root, detail: `${covered.length} artifact file(s) covered` });
    return { statements, checks, covered, hashed: memo.hashed - hashedBefore };
}


/***/ })

};
