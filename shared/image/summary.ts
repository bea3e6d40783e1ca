/** The build-base job summary: what was built, from what, and how to check it. */
import type { BaseResult } from './base.ts';

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

export function renderBaseSummary(r: BaseResult): string {
  const p = r.provenanceDoc;
  const rows = [
    ['Image', `\`${r.image}\``],
    ['SHA-256', `\`${r.sha256}\``],
    ['Distribution', `${[p.distro.name, p.distro.version].filter(Boolean).join(' ')} (${p.distro.arch})`],
    ['Boot', `${p.boot.mode} — \`${p.boot.cmdline}\``],
    ['Size', `${mib(r.virtualSize)} virtual, ${mib(r.actualSize)} on disk (${p.output.compression})`],
    ['Packages installed', `${p.installed_packages.count} (${p.installed_packages.manager})`],
    ['Source date', `${p.source.build_date} (SOURCE_DATE_EPOCH=${p.source.source_date_epoch})`],
  ];
  const phases = r.phases.map((ph) => `| ${ph.name} | ${ph.detail} | ${(ph.ms / 1000).toFixed(1)} s |`);
  const inputs = p.inputs.map(
    (i) =>
      `| ${i.name} | ${i.uri} | ${i.sha256 ? `\`${i.sha256.slice(0, 16)}…\`` : '—'} | ${i.verification} |`,
  );
  return [
    '## build-base',
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '### Steps',
    '',
    '| step | what | time |',
    '|---|---|---|',
    ...phases,
    '',
    ...(r.cache.length
      ? [
          '### Download cache',
          '',
          '| downloads | result | key |',
          '|---|---|---|',
          ...r.cache.map(
            (c) =>
              `| ${c.name} | ${c.hit === 'partial' ? `partial hit (${c.matchedKey})` : c.hit === 'exact' ? 'hit' : 'miss'}${c.saved ? ', saved' : ''} | \`${c.key}\` |`,
          ),
          '',
          'Restored files are verified as downloads are before they are used.',
          '',
        ]
      : []),
    '### Inputs',
    '',
    '| input | from | sha256 | verified by |',
    '|---|---|---|---|',
    ...inputs,
    '',
    `Verify: \`jq -r '.output.sha256' ${r.provenance}\` equals \`sha256sum ${r.image}\`.`,
    '',
  ].join('\n');
}
