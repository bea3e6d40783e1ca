/** The job summary of tag-snapshot: what was named, written and published, and the gates. */
import type { SnapshotResult } from './pipeline.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderSnapshotSummary(r: SnapshotResult): string {
  const lines = [
    `## tag-snapshot: \`${r.tag}\``,
    '',
    `Commit \`${r.facts.commit}\`, dated from ${r.facts.epochSource}; tag ${r.tagAction}${r.pushed ? ' and pushed' : ''}.`,
    '',
    '| image | sha256 | provenance |',
    '|---|---|---|',
    ...[r.images.base, ...r.images.variants].map(
      (i) => `| ${cell(i.rel)} | \`${i.sha256}\` | ${cell(i.provenance.rel)} |`,
    ),
  ];
  if (r.bundle)
    lines.push(
      '',
      `Bundle \`${r.bundle.name}\` (${r.bundle.size} bytes, ${r.bundle.manifest.files.length} files): sha256 \`${r.bundle.sha256}\``,
    );
  lines.push('', '| gate | result |', '|---|---|');
  for (const c of r.gates.checks) lines.push(`| ${c.gate} | ✅ ${cell(c.detail)} |`);
  for (const f of r.gates.failures) lines.push(`| ${f.gate} | ❌ ${cell(f.detail.split('\n')[0]!)} |`);
  if (r.release) {
    lines.push(
      '',
      `Release ${r.release.action}: ${r.release.url}`,
      '',
      '| asset | action | sha256 |',
      '|---|---|---|',
    );
    for (const a of r.release.assets) lines.push(`| ${cell(a.name)} | ${a.action} | \`${a.sha256}\` |`);
  }
  if (r.oci) {
    lines.push('', `Registry: \`${r.oci.repository}@${r.oci.digest}\``, '', '| tag | kind |', '|---|---|');
    lines.push(`| ${r.oci.immutableTag} | immutable |`);
    for (const t of r.oci.channelTags) lines.push(`| ${t} | channel (gates passed) |`);
  }
  return lines.join('\n') + '\n';
}

export function renderChannelSummary(
  o: { command: 'promote' | 'rollback'; channel: string; oci: { registry: string; repository: string } },
  r: {
    digest: string;
    channels: { channels: Record<string, { history: { digest: string; action: string; time: string }[] }> };
  },
): string {
  const history = r.channels.channels[o.channel]?.history ?? [];
  return [
    `## tag-snapshot ${o.command}: \`${o.channel}\` → \`${r.digest}\``,
    '',
    `${o.oci.registry}/${o.oci.repository}`,
    '',
    '| time | action | digest |',
    '|---|---|---|',
    ...history.slice(-10).map((h) => `| ${h.time} | ${h.action} | \`${h.digest}\` |`),
    '',
  ].join('\n');
}
