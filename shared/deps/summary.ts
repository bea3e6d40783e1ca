/**
 * The job summary: scores, a findings table and a mermaid diagram (GitHub
 * renders mermaid code blocks in summaries) of the cycles and the most
 * depended-on packages. Pure string building; the action writes it.
 */
import type { Analysis } from './analyze.ts';
import type { Edge } from './model.ts';
import type { ScoredFinding } from './risk.ts';

const MAX_TABLE_ROWS = 50;
const MAX_DIAGRAM_EDGES = 60;

/** Markdown table cells: no pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Mermaid labels are quoted; quotes inside become an entity. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

export function mermaidDiagram(analysis: Analysis): string {
  const ids = new Map<string, string>();
  const node = (pkgId: string): string => {
    let id = ids.get(pkgId);
    if (!id) ids.set(pkgId, (id = `n${ids.size}`));
    return id;
  };
  const lines = ['flowchart LR'];
  const cycles = analysis.risk.findings.filter((f) => f.kind === 'cycle' || f.kind === 'dev-cycle');
  const edges: Edge[] = cycles.flatMap((f) => f.edges).slice(0, MAX_DIAGRAM_EDGES);
  if (edges.length) {
    lines.push('  subgraph cycles');
    for (const e of edges) {
      const arrow = e.kind === 'dev' || e.kind === 'unknown' ? '-.->' : '-->';
      lines.push(`    ${node(e.from)}${arrow}|${e.kind}|${node(e.to)}`);
    }
    lines.push('  end');
  }
  // A mermaid node belongs to one subgraph: packages already drawn in a cycle stay there.
  const inCycles = new Set(ids.keys());
  const others = analysis.mostDependedOn.filter((top) => !inCycles.has(top.id));
  if (others.length) {
    lines.push('  subgraph most_depended_on["most depended on"]');
    for (const top of others) lines.push(`    ${node(top.id)}`);
    lines.push('  end');
  }
  const counts = new Map(analysis.mostDependedOn.map((t) => [t.id, t.dependents]));
  for (const [pkgId, id] of ids) {
    const n = counts.get(pkgId);
    lines.splice(1, 0, `  ${id}[${label(n === undefined ? pkgId : `${pkgId} · dependents: ${n}`)}]`);
  }
  return lines.join('\n');
}

function findingRow(f: ScoredFinding): string {
  const points = f.allowed ? 'allowed' : `+${f.contribution}`;
  return `| ${f.kind} | ${cell(f.subject)} | ${points} | ${cell(f.message)} |`;
}

export function summaryMarkdown(analysis: Analysis, threshold: number): string {
  const c = analysis.counts;
  const passed = analysis.risk.score <= threshold;
  const out = [
    `## Dependency analysis: risk ${analysis.risk.score}/100 ${passed ? '✅' : '❌'} (threshold ${threshold})`,
    '',
    '| packages | duplicates | cycles | dev cycles | vendor concentration | typosquat suspects | unusual pins | lockfile path escapes | allowed |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${c.packages} | ${c.duplicates} | ${c.cycles} | ${c.devCycles} | ${c.vendorConcentration} | ${c.typosquatSuspects} | ${c.unusualPins} | ${c.pathEscapes} | ${c.allowed} |`,
    '',
    `graph_sha256: \`${analysis.graphSha256}\``,
    '',
  ];
  const findings = [...analysis.risk.findings].sort(
    (a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : 1),
  );
  if (findings.length) {
    out.push('### Findings', '', '| kind | subject | score | detail |', '|---|---|---|---|');
    out.push(...findings.slice(0, MAX_TABLE_ROWS).map(findingRow));
    if (findings.length > MAX_TABLE_ROWS)
      out.push('', `…and ${findings.length - MAX_TABLE_ROWS} more in deps-report.json.`);
    out.push('');
  } else out.push('No findings.', '');
  out.push('### Cycles and most depended-on packages', '', '```mermaid', mermaidDiagram(analysis), '```', '');
  return out.join('\n');
}
