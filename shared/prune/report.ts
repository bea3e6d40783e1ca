/**
 * What a run tells the maintainer: the plan as JSON (the exact list a real
 * run executes) and as a job-summary table, then each deletion's outcome.
 */
import { writeJsonAtomic } from '../atomic.ts';
import type { Decision, DeletionResult, Plan } from './types.ts';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export async function writePlan(path: string, plans: Plan[]): Promise<void> {
  await writeJsonAtomic(path, plans.length === 1 ? plans[0] : { schema: 'infrasim.prune-plans/v1', plans });
}

function row(d: Decision, outcome?: DeletionResult): string {
  const tags = d.tags.length ? d.tags.map((t) => `\`${t}\``).join(' ') : '—';
  const via = d.via ? ` (via \`${short(d.via)}\`)` : '';
  const result = outcome ? ` | ${outcome.outcome}${outcome.message ? `: ${cell(outcome.message)}` : ''}` : '';
  return `| \`${short(d.digest)}\` | ${cell(tags)} | ${d.kind} | ${d.created?.slice(0, 10) ?? '—'} | ${cell(d.reason)}${via}${result} |`;
}

export function renderSummary(plans: Plan[], results: DeletionResult[] | undefined, dryRun: boolean): string {
  const byDigest = new Map((results ?? []).map((r) => [r.digest, r]));
  let md = `## prune-packages${dryRun ? ' (dry run: nothing deleted)' : ''}\n\n`;
  for (const plan of plans) {
    md += `### ${plan.package}\n\n`;
    if (plan.blocked.length) {
      md += `**Left alone:** ${plan.blocked.length} manifest(s) could not be read, so nothing in this package was deleted:\n\n`;
      for (const b of plan.blocked) md += `- \`${b.digest}\` (${cell(b.via)}): ${cell(b.reason)}\n`;
      md += '\n';
    }
    for (const w of plan.warnings) md += `> ⚠️ ${cell(w)}\n\n`;
    md += `${plan.delete.length} to delete, ${plan.keep.length} kept.\n\n`;
    if (plan.delete.length) {
      md += `<details open><summary>Delete (in this order)</summary>\n\n| digest | tags | kind | created | why${results ? ' | outcome' : ''} |\n|---|---|---|---|---${results ? '|---' : ''}|\n`;
      for (const d of plan.delete) md += row(d, results ? byDigest.get(d.digest) : undefined) + '\n';
      md += '\n</details>\n\n';
    }
    if (plan.keep.length) {
      md +=
        '<details><summary>Keep</summary>\n\n| digest | tags | kind | created | why |\n|---|---|---|---|---|\n';
      for (const d of plan.keep) md += row(d) + '\n';
      md += '\n</details>\n\n';
    }
  }
  return md;
}

export interface RunFigures {
  deleted: number;
  alreadyGone: number;
  refused: number;
  failed: number;
  skipped: number;
  requests: number;
}

export function tally(results: DeletionResult[], requests: number): RunFigures {
  const n = (o: DeletionResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return {
    deleted: n('deleted'),
    alreadyGone: n('already-gone'),
    refused: n('refused'),
    failed: n('failed'),
    skipped: n('skipped'),
    requests,
  };
}
