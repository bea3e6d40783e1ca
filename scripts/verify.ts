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
 *
 * Keyless (signed through GitHub OIDC), instead of --public-key:
 *   node scripts/verify.ts --identity-repository acme/images \
 *     [--identity-workflow .github/workflows/release.yml] [--identity-ref 'refs/tags/v*'] \
 *     [--identity-issuer https://token.actions.githubusercontent.com] [--trusted-root trusted_root.json] ...
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../shared/errors.ts';
import { readRunContext } from '../actions/run-context.ts';
import { parseKeylessVerifyInputs } from '../shared/attest/keyless-options.ts';
import { parseMaxRiskScore } from '../shared/attest/options.ts';
import { parseTrustedKeys } from '../shared/attest/signing-key.ts';
import { VerificationFailure, verifyAttestations } from '../shared/attest/verify.ts';

const USAGE = `usage: node scripts/verify.ts --public-key <pem file: one key, or several> [--root <dir>] [--attestation <bundle>]...
       [--artifact <file>]... [--builder-id <id or prefix*>] [--max-risk-score <0-100>] [--require-boot]
   or: node scripts/verify.ts --identity-repository <owner/name> [--identity-workflow <.github/workflows/x.yml>]
       [--identity-ref <ref, * matches anything>] [--identity-issuer <url>] [--trusted-root <trusted_root.json>] …`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'public-key': { type: 'string' },
        'identity-repository': { type: 'string', default: '' },
        'identity-workflow': { type: 'string', default: '' },
        'identity-ref': { type: 'string', default: '' },
        'identity-issuer': { type: 'string', default: '' },
        'trusted-root': { type: 'string', default: '' },
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
    const keyless = !values['public-key'] && values['identity-repository'] !== '';
    if (!values['public-key'] && !keyless)
      throw new InputError(
        '--public-key',
        'is required (or --identity-repository for keyless signatures)',
        "the signer's public key (PEM file)",
      );
    if (values['public-key'] && (values['identity-repository'] || values['trusted-root']))
      throw new InputError(
        '--public-key',
        'is given together with --identity-repository/--trusted-root',
        'one of them',
      );
    const pem = keyless
      ? null
      : await readFile(values['public-key']!, 'utf8').catch((e: Error) => {
          throw new InputError('--public-key', `cannot read ${values['public-key']}: ${e.message}`);
        });
    const keylessPolicy = keyless
      ? await parseKeylessVerifyInputs(
          {
            'identity-repository': values['identity-repository'],
            'identity-workflow': values['identity-workflow'],
            'identity-ref': values['identity-ref'],
            'identity-issuer': values['identity-issuer'],
            'trusted-root': values['trusted-root'],
          },
          await readRunContext(),
        ).catch((e: unknown) => {
          // The same checks as the action's inputs, named as this command's flags.
          if (e instanceof InputError)
            throw new InputError(`--${e.input}`, e.message.replace(/^input '[^']+': /, ''));
          throw e;
        })
      : null;
    const result = await verifyAttestations({
      root: resolve(values.root),
      attestations: values.attestation.map((a) => resolve(a)),
      artifacts: values.artifact.length ? values.artifact.map((a) => resolve(a)) : null,
      policy: {
        trustedKeys: pem === null ? null : parseTrustedKeys(pem, '--public-key'),
        keyless: keylessPolicy,
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
