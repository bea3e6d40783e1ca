/**
 * What the vulnerability scan writes: a CycloneDX 1.5 document per image
 * holding only a `vulnerabilities` section (VEX-style: each finding's
 * analysis state and the bom-refs — package URLs — of the packages it
 * affects, the same purls the image SBOM lists), kept apart from the SBOM so
 * either can be regenerated alone; and the job-summary markdown.
 */
import type { GateResult } from './gate.ts';
import type { ImageVulnerabilities } from './match.ts';

export const VULN_DIR = 'meta/vulnerabilities';

export function vulnerabilityDocRel(variant: string | null): string {
  return variant === null ? `${VULN_DIR}/base.cdx.json` : `${VULN_DIR}/variant-${variant}.cdx.json`;
}

export interface DataSource {
  source: string;
  sha256: string;
  records: number;
}

export function vulnerabilityDocument(args: {
  image: { name: string; sha256: string };
  result: ImageVulnerabilities;
  data: DataSource;
  timestamp: string;
  tool: { name: string; version: string };
}): Record<string, unknown> {
  const { result } = args;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: {
      timestamp: args.timestamp,
      tools: { components: [{ type: 'application', name: args.tool.name, version: args.tool.version }] },
      component: {
        type: 'operating-system',
        'bom-ref': `image:${args.image.name}`,
        name: args.image.name,
        hashes: [{ alg: 'SHA-256', content: args.image.sha256 }],
      },
      properties: [
        { name: 'infrasim:vulnerabilities:ecosystem', value: result.ecosystem },
        { name: 'infrasim:vulnerabilities:data', value: args.data.source },
        { name: 'infrasim:vulnerabilities:data-sha256', value: args.data.sha256 },
        { name: 'infrasim:vulnerabilities:data-records', value: String(args.data.records) },
      ],
    },
    vulnerabilities: result.findings.map((f) => ({
      'bom-ref': `${f.id}:${f.source}`,
      id: f.id,
      source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(f.id)}` },
      references: f.aliases.map((a) => ({
        id: a,
        source: {
          name: a.startsWith('CVE-') ? 'NVD' : 'OSV',
          url: a.startsWith('CVE-')
            ? `https://nvd.nist.gov/vuln/detail/${a}`
            : `https://osv.dev/vulnerability/${a}`,
        },
      })),
      ratings: [{ source: { name: 'OSV' }, severity: f.severity }],
      description: f.summary || undefined,
      recommendation: f.fixed ? `upgrade ${f.source} to ${f.fixed} or later` : undefined,
      analysis: {
        state: 'exploitable',
        detail: `installed ${f.source} ${f.installed}; fixed in ${f.fixed ?? 'no release yet'}`,
      },
      affects: f.packages.map((p) => ({
        ref: p.purl,
        versions: [{ version: p.version, status: 'affected' }],
      })),
      properties: f.fixed ? [{ name: 'infrasim:vulnerabilities:fixed-version', value: f.fixed }] : [],
    })),
  };
}

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function renderVulnerabilitySummary(
  images: { image: string; result: ImageVulnerabilities }[],
  gate: GateResult,
  data: DataSource,
): string {
  const lines = [
    `### Vulnerabilities (gate: ${gate.threshold}, ${gate.passed ? 'passed' : `**failed: ${gate.failing.length} finding(s)**`})`,
    '',
    `Data: ${esc(data.source)} (${data.records} records, sha256 \`${data.sha256}\`)`,
    '',
    '| image | ecosystem | packages | findings | fix available | no fix yet |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const { image, result } of images)
    lines.push(
      `| ${esc(image)} | ${result.ecosystem} | ${result.packages} | ${result.findings.length} | ${result.findings.length - result.unfixed} | ${result.unfixed} |`,
    );
  if (gate.failing.length || gate.allowed.length) {
    lines.push(
      '',
      '| id | aliases | package | installed | fixed | severity | image | gate |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const f of [...gate.failing, ...gate.allowed])
      lines.push(
        `| ${f.id} | ${f.aliases.join(' ')} | ${esc(f.source)} | ${f.installed} | ${f.fixed ?? '—'} | ${f.severity} | ${esc(f.image)} | ${
          f.allowedBy
            ? `allowed until ${f.allowedBy.expires}: ${esc(f.allowedBy.reason)}`
            : f.expiredEntry
              ? `**fails: allow-list entry expired ${f.expiredEntry.expires}**`
              : '**fails**'
        } |`,
      );
  }
  const patch = images.flatMap(({ image, result }) => result.patchStatus.map((p) => ({ image, ...p })));
  if (patch.length) {
    lines.push(
      '',
      '#### Patch status',
      '',
      '| image | package | installed | fixed in | updates behind | findings |',
      '|---|---|---|---|---:|---:|',
    );
    for (const p of patch)
      lines.push(
        `| ${esc(p.image)} | ${esc(p.source)} | ${p.installed} | ${p.fixedIn} | ${p.versionsBehind} | ${p.findings} |`,
      );
  }
  return lines.join('\n') + '\n';
}
