/**
 * Verifies attest's signed provenance outside GitHub Actions, with the same
 * code the action's `command: verify` runs. Fails closed: exit 1 naming the
 * first check that did not hold, exit 2 on a usage error, 0 only when every
 * check held.
 *
 *   node scripts/verify.ts --public-key attest.pub.pem --root output \
 *     [--attestation output/meta/attestations/base.sigstore.json ...] \
 *     [--artifact output/base.qcow2 ...] [--builder-id 'https://github.com/acme/images/*'] \
 *     [--max-risk-score 30] [--require-boot]
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../shared/errors.ts';
import { parseMaxRiskScore } from '../shared/attest/options.ts';
import { parseTrustedKey } from '../shared/attest/signing-key.ts';
import { VerificationFailure, verifyAttestations } from '../shared/attest/verify.ts';

const USAGE = `usage: node scripts/verify.ts --public-key <pem file> [--root <dir>] [--attestation <bundle>]...
       [--artifact <file>]... [--builder-id <id or prefix*>] [--max-risk-score <0-100>] [--require-boot]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'public-key': { type: 'string' },
        root: { type: 'string', default: 'output' },
        attestation: { type: 'string', multiple: true, default: [] },
        artifact: { type: 'string', multiple: true, default: [] },
        'builder-id': { type: 'string' },
        'max-risk-score': { type: 'string', default: '' },
        'require-boot': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (!values['public-key'])
      throw new InputError('--public-key', 'is required', "the signer's public key (PEM file)");
    const pem = await readFile(values['public-key'], 'utf8').catch((e: Error) => {
      throw new InputError('--public-key', `cannot read ${values['public-key']}: ${e.message}`);
    });
    const result = await verifyAttestations({
      root: resolve(values.root),
      attestations: values.attestation.map((a) => resolve(a)),
      artifacts: values.artifact.length ? values.artifact.map((a) => resolve(a)) : null,
      policy: {
        trustedKey: parseTrustedKey(pem, '--public-key'),
        builderId: values['builder-id'] ?? null,
        maxRiskScore: parseMaxRiskScore(values['max-risk-score']),
        requireBoot: values['require-boot'],
      },
    });
    for (const c of result.checks) console.log(`ok  ${c.check.padEnd(14)} ${c.target}: ${c.detail}`);
    console.log(
      `VERIFIED: ${result.statements.length} attestation(s), ${result.covered.length} artifact file(s) covered`,
    );
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof VerificationFailure) {
      console.error(`FAILED ${e.check}: ${e.message}`);
      return 1;
    }
    console.error(`FAILED: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
