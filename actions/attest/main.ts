/**
 * attest: thin adapter between the runner and shared/attest. The private key
 * is masked before anything else runs; inputs are validated (the key parsed)
 * before any file is read; then attest or verify runs and the outputs and the
 * job summary are written. Each command loads only its own half (signing
 * with Sigstore's signing stack, or verifying with its verifier).
 */
import type { AttestInputs, AttestOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parseAttestInputs } from '../../shared/attest/options.ts';
import { keylessToolkit } from './keyless-toolkit.ts';
import { readRunContext } from '../run-context.ts';
import {
  renderAttestSummary,
  renderVerifyFailure,
  renderVerifySummary,
} from '../../shared/attest/summary.ts';
import {
  describeGateFinding,
  renderSecretGateSummary,
  SecretGateFailure,
  type SecretGateResult,
} from '../../shared/attest/secret-gate.ts';
import { VulnerabilityGateFailure, type VulnerabilityRun } from '../../shared/attest/vulnerability-gate.ts';
import { renderVulnerabilitySummary } from '../../shared/vuln/report.ts';
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
          trustedKey: options.trustedKey,
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

  core.info(options.decision.reason);
  if (!options.vulnerability)
    core.notice(
      'vulnerability gate off: no vulnerability-data given (a local OSV copy, or `osv` to download)',
    );
  const { runAttest } = await import('../../shared/attest/pipeline.ts');
  let result;
  try {
    result = await runAttest(options, ctx, keylessToolkit);
  } catch (e) {
    if (e instanceof VulnerabilityGateFailure) await reportVulnerabilities(e.run);
    if (e instanceof SecretGateFailure) await reportSecrets(e.result);
    throw e;
  }
  if (result.vulnerabilities) await reportVulnerabilities(result.vulnerabilities);
  await reportSecrets(result.secrets);
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
      ? `signed ${result.perArtifact.length + 1} statement(s) with ${result.signer}` +
          (result.stored.length ? `; stored ${result.stored.length} in the repository's attestations` : '')
      : `wrote ${result.perArtifact.length + 1} unsigned statement(s): ${result.reason}`,
  );
});

/** The secret gate's table in the job summary and an annotation per finding (file, line, kind, fingerprint: never the secret). */
async function reportSecrets(r: SecretGateResult): Promise<void> {
  setOutputs<AttestOutputs>({ 'secret-findings': String(r.findings.length) });
  await writeSummary(renderSecretGateSummary(r));
  for (const f of r.findings) core.error(describeGateFinding(f), { title: `secret ${f.kind}` });
  for (const f of r.allowed)
    core.notice(`${describeGateFinding(f)} allowed: ${f.reason}`, { title: `secret allowed ${f.kind}` });
}

/** The vulnerability table in the job summary, and an annotation per finding the gate stopped or let through. */
async function reportVulnerabilities(run: VulnerabilityRun): Promise<void> {
  // Set on a failing gate too: a later step can read how many findings stopped the run.
  setOutputs<AttestOutputs>({
    vulnerabilities: String(run.images.reduce((n, i) => n + i.result.findings.length, 0)),
  });
  await writeSummary(renderVulnerabilitySummary(run.images, run.gate, run.data));
  for (const f of run.gate.failing)
    core.error(
      `${f.id} (${f.aliases.join(', ')}) in ${f.source} ${f.installed}: ${f.severity}, fixed in ${f.fixed ?? 'no release yet'}`,
      {
        title: `vulnerability: ${f.image}`,
      },
    );
  for (const f of run.gate.allowed)
    core.warning(
      `${f.id} in ${f.source} ${f.installed} allowed until ${f.allowedBy!.expires}: ${f.allowedBy!.reason}`,
      {
        title: `vulnerability allowed: ${f.image}`,
      },
    );
}
