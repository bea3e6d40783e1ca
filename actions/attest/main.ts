/**
 * attest: thin adapter between the runner and shared/attest. The private key
 * is masked before anything else runs; inputs are validated (the key parsed)
 * before any file is read; then attest or verify runs and the outputs and the
 * job summary are written. Each command loads only its own half (sign.ts:
 * the gates, the SBOMs and Sigstore's signing stack; or the verifier), so a
 * verify step does not load and evaluate the signing half's code.
 */
import type { AttestInputs, AttestOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parseAttestInputs } from '../../shared/attest/options.ts';
import { readRunContext } from '../run-context.ts';
import { renderVerifyFailure, renderVerifySummary } from '../../shared/attest/summary.ts';
import { core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

await runAction(async () => {
  const raw = readInputs<AttestInputs>({
    command: true,
    'output-dir': true,
    variants: true,
    bundle: true,
    sign: true,
    'default-branch': true,
    'private-key': true,
    'private-key-passphrase': true,
    'require-boot': true,
    'snapshot-version': true,
    'builder-id': true,
    'public-key': true,
    attestations: true,
    artifacts: true,
    'max-risk-score': true,
    'secret-allow-list': true,
    'vulnerability-data': true,
    'vulnerability-threshold': true,
    'vulnerability-allow-list': true,
    sigstore: true,
    'github-token': true,
    'store-attestations': true,
    'identity-repository': true,
    'identity-workflow': true,
    'identity-ref': true,
    'identity-issuer': true,
    'trusted-root': true,
  } satisfies Record<keyof AttestInputs, true>);
  // Masked whole and line by line: the runner matches secrets per line of output.
  for (const secret of [raw['private-key'], raw['private-key-passphrase'], raw['github-token']]) {
    if (!secret.trim()) continue;
    core.setSecret(secret);
    for (const line of secret.split('\n'))
      if (line.trim() && !line.startsWith('-----')) core.setSecret(line.trim());
  }

  const ctx = await readRunContext();
  const options = await parseAttestInputs(raw, ctx);
  await checkActionTools('attest', options);
  if (options.command === 'verify') {
    const { VerificationFailure, verifyAttestations } = await import('../../shared/attest/verify.ts');
    try {
      const result = await verifyAttestations({
        root: options.root,
        attestations: options.attestations,
        artifacts: options.artifacts,
        policy: {
          trustedKeys: options.trustedKeys,
          keyless: options.keyless,
          builderId: options.builderId,
          maxRiskScore: options.maxRiskScore,
          requireBoot: options.requireBoot,
        },
      });
      setOutputs<AttestOutputs>({ verified: 'true' });
      await writeSummary(renderVerifySummary(result));
      core.info(
        `verified ${result.statements.length} attestation(s); ${result.covered.length} artifact file(s) covered`,
      );
    } catch (e) {
      if (e instanceof VerificationFailure) {
        setOutputs<AttestOutputs>({ verified: 'false', 'failed-check': e.check });
        await writeSummary(renderVerifyFailure(e.check, e.target, e.message));
      }
      throw e;
    }
    return;
  }

  const { attestAndReport } = await import('./sign.ts');
  await attestAndReport(options, ctx);
});
