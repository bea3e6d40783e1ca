/**
 * attest's and verify's job summaries: what was signed (or why not), one row
 * per artifact with its digest and statement, and the checks verify ran.
 * Pure string building; the action writes it.
 */
import { relative } from 'node:path';
import type { AttestResult } from './pipeline.ts';
import type { VerifyResult } from './verify.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderAttestSummary(r: AttestResult, cwd = process.cwd()): string {
  const lines = ['## attest', ''];
  lines.push(
    r.signed ? `**Signed** with ${r.signer} — ${cell(r.reason)}` : `**Not signed** — ${cell(r.reason)}`,
  );
  lines.push('', '| artifact | kind | arch | sha256 | statement | signature |', '|---|---|---|---|---|---|');
  for (const a of r.artifacts) {
    const s = r.perArtifact.find((w) =>
      w.subjects.some((x) => x.sha256 === a.sha256 && x.name.endsWith(a.rel)),
    );
    lines.push(
      `| ${cell(relative(cwd, a.path))} | ${a.kind}${a.variant ? ` (${a.variant})` : ''} | ${a.arch} | \`${a.sha256.slice(0, 16)}…\` | ${s ? cell(relative(cwd, s.statement)) : '—'} | ${s?.bundle ? cell(relative(cwd, s.bundle)) : 'unsigned'} |`,
    );
  }
  lines.push(
    '',
    `Combined statement: \`${relative(cwd, r.release.statement)}\` (${r.release.subjects.length} subjects)${r.release.bundle ? `, signature \`${relative(cwd, r.release.bundle)}\`` : ', unsigned'}.`,
  );
  lines.push('', '| image provenance | risk score | cycles | boot | snapshot |', '|---|---|---|---|---|');
  for (const p of r.imageProvenance)
    lines.push(
      `| ${cell(relative(cwd, p.path))} | ${p.doc.analysis.risk_score} | ${p.doc.analysis.cycle_count} | ${p.doc.boot.status} | ${cell(p.doc.build.snapshot_version)} |`,
    );
  if (r.stored.length)
    lines.push(
      '',
      `Stored in the repository's attestations: ${r.stored.map((x) => `${cell(x.name)} (id ${x.id})`).join(', ')}.`,
    );
  lines.push('', `${r.hashed} file(s) hashed, each once.`);
  return lines.join('\n') + '\n';
}

export function renderVerifySummary(r: VerifyResult, cwd = process.cwd()): string {
  const lines = [
    '## attest: verify',
    '',
    `**Verified** ${r.statements.length} attestation(s), ${r.covered.length} artifact file(s) covered.`,
    '',
  ];
  lines.push('| check | target | result |', '|---|---|---|');
  for (const c of r.checks)
    lines.push(`| ${c.check} | ${cell(relative(cwd, c.target))} | ${cell(c.detail)} |`);
  return lines.join('\n') + '\n';
}

export function renderVerifyFailure(check: string, target: string, message: string): string {
  return [
    '## attest: verify',
    '',
    `**Verification failed** at check \`${check}\` for \`${cell(target)}\``,
    '',
    cell(message),
    '',
  ].join('\n');
}
