/**
 * attest's signing half, loaded only by the attest command: the secret and
 * vulnerability gates, the statements and SBOMs (shared/attest/pipeline.ts),
 * their outputs, job summary and annotations.
 */
import type { AttestOutputs } from '../../action-types.d.ts';
import type { RunContext } from '../../shared/attest/context.ts';
import type { AttestOptions } from '../../shared/attest/options.ts';
import { runAttest } from '../../shared/attest/pipeline.ts';
import {
  describeGateFinding,
  renderSecretGateSummary,
  SecretGateFailure,
  type SecretGateResult,
} from '../../shared/attest/secret-gate.ts';
import { renderAttestSummary } from '../../shared/attest/summary.ts';
import { VulnerabilityGateFailure, type VulnerabilityRun } from '../../shared/attest/vulnerability-run.ts';
import { renderVulnerabilitySummary } from '../../shared/vuln/report.ts';
import { keylessToolkit } from './keyless-toolkit.ts';
import { core, setOutputs, writeSummary } from '../runner.ts';

/** Runs the gates, signs (or writes unsigned) statements, and reports. */
export async function attestAndReport(options: AttestOptions, ctx: RunContext): Promise<void> {
  core.info(options.decision.reason);
  if (!options.vulnerability)
    core.notice(
      'vulnerability gate off: no vulnerability-data given (a local OSV copy, or `osv` to download)',
    );
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
}

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
