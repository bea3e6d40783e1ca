/**
 * attest: thin adapter between the runner and shared/attest. The private key
 * is masked before anything else runs; inputs are validated (the key parsed)
 * before any file is read; then attest or verify runs and the outputs and the
 * job summary are written.
 */
import type { AttestInputs, AttestOutputs } from '../../action-types.d.ts';
import { readRunContext } from '../../shared/attest/context.ts';
import { parseAttestInputs } from '../../shared/attest/options.ts';
import { runAttest } from '../../shared/attest/pipeline.ts';
import {
  renderAttestSummary,
  renderVerifyFailure,
  renderVerifySummary,
} from '../../shared/attest/summary.ts';
import { VerificationFailure, verifyAttestations } from '../../shared/attest/verify.ts';
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
  } satisfies Record<keyof AttestInputs, true>);
  // Masked whole and line by line: the runner matches secrets per line of output.
  for (const secret of [raw['private-key'], raw['private-key-passphrase']]) {
    if (!secret.trim()) continue;
    core.setSecret(secret);
    for (const line of secret.split('\n'))
      if (line.trim() && !line.startsWith('-----')) core.setSecret(line.trim());
  }

  const options = await parseAttestInputs(raw, readRunContext());
  if (options.command === 'verify') {
    try {
      const result = await verifyAttestations({
        root: options.root,
        attestations: options.attestations,
        artifacts: options.artifacts,
        policy: {
          trustedKey: options.trustedKey,
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

  core.info(options.decision.reason);
  const result = await runAttest(options, readRunContext());
  setOutputs<AttestOutputs>({
    signed: String(result.signed),
    'sign-reason': result.reason,
    'image-provenance': result.imageProvenance[0]?.path,
    statement: result.release.statement,
    attestations: [...result.perArtifact, result.release]
      .map((w) => w.bundle)
      .filter((b): b is string => b !== null)
      .join('\n'),
    'subject-count': String(result.release.subjects.length),
  });
  await writeSummary(renderAttestSummary(result));
  for (const a of result.artifacts) core.info(`${a.rel}: sha256 ${a.sha256}`);
  core.info(
    result.signed
      ? `signed ${result.perArtifact.length + 1} statement(s) with key ${result.keyHint}`
      : `wrote ${result.perArtifact.length + 1} unsigned statement(s): ${result.reason}`,
  );
});
