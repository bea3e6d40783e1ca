/**
 * Loaded into an action's own process (NODE_OPTIONS=--import <this file>)
 * when a test runs attest keyless as the runner does (a child process,
 * source or dist bundle): @actions/attest hard-codes Sigstore's hosts, so the
 * fake Fulcio, Rekor and TSA must answer inside that process. The GitHub side
 * (OIDC token endpoint, attestations API) stays a real loopback server in the
 * test. KEYLESS_FAKES_DIR carries the OIDC issuer's public key in, and the
 * trusted roots (to verify what was signed) and the request counts out.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSigstoreFakes } from './attest-keyless-fakes.ts';

const dir = process.env.KEYLESS_FAKES_DIR;
if (!dir) throw new Error('attest-keyless-preload: KEYLESS_FAKES_DIR is not set');
const issuerKey = createPublicKey({
  key: JSON.parse(readFileSync(join(dir, 'issuer.jwk.json'), 'utf8')) as import('node:crypto').JsonWebKey,
  format: 'jwk',
});
const fakes = await startSigstoreFakes(issuerKey);
for (const instance of ['public-good', 'github'] as const)
  writeFileSync(join(dir, `${instance}.trusted_root.json`), JSON.stringify(fakes.trustedRoot(instance)));
process.on('exit', () => writeFileSync(join(dir, 'requests.json'), JSON.stringify(fakes.requests)));
