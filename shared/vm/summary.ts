/**
 * What boot-verify tells a person: the job summary (a verdict table, then
 * per image its checks and the console's last lines in a collapsible block)
 * and the annotations that quote the console line deciding a failure.
 * Pure: the action passes the strings to the runner.
 */
import { codeFence } from '../markdown.ts';
import type { VerifyRun } from './verify.ts';

const TAIL_IN_SUMMARY = 25;
/**
 * A console line can be 64 KiB: the summary shows the start of each. The
 * runner refuses a job summary over 1 MiB, and 25 full lines would pass that.
 */
const LINE_IN_SUMMARY = 500;

function clip(text: string): string {
  return text.length > LINE_IN_SUMMARY
    ? `${text.slice(0, LINE_IN_SUMMARY)}… (${text.length} characters)`
    : text;
}

function cell(text: string): string {
  return clip(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

/** A fenced block that no console line can close early. */
function fence(lines: string[]): string {
  const text = lines.join('\n');
  const f = codeFence(text);
  return `${f}text\n${text}\n${f}`;
}

const ICON = { success: '✅', failure: '❌', timeout: '⏱️' } as const;

export function renderSummary(run: VerifyRun): string {
  const out: string[] = [];
  out.push(`## boot-verify: ${ICON[run.status]} ${run.status}`, '');
  out.push('| image | verdict | accel | first byte | verdict after | exit after | decided by |');
  out.push('|---|---|---|---|---|---|---|');
  for (const { image, report } of run.results) {
    const t = report.timings;
    out.push(
      `| ${cell(image)} | ${ICON[report.verdict]} ${report.verdict} | ${report.accel ?? '–'} | ${seconds(t?.firstByteMs)} | ${seconds(t?.verdictMs)} | ${seconds(t?.exitMs)} | ${cell(report.matchedLine ?? report.reason)} |`,
    );
  }
  for (const { image, report } of run.results) {
    out.push('', `### ${image}`, '', `${report.verdict}: ${report.reason}`, '');
    if (report.checks.length) {
      out.push('| check | expected | status | output |', '|---|---|---|---|');
      for (const c of report.checks) {
        out.push(
          `| \`${cell(c.command)}\` | ${c.expectStatus} | ${c.status ?? 'none'} ${c.passed ? '✅' : '❌'} | ${cell(c.output.slice(-3).join(' / '))} |`,
        );
      }
      out.push('');
    }
    if (report.consoleTail.length) {
      const tail = report.consoleTail.slice(-TAIL_IN_SUMMARY).map(clip);
      out.push(
        '<details><summary>console: last lines</summary>',
        '',
        fence(tail),
        '',
        `Full log: \`${report.consoleLog ?? ''}\``,
        '</details>',
      );
    }
  }
  return out.join('\n') + '\n';
}

export interface Annotation {
  title: string;
  message: string;
}

/** One annotation per image that did not pass, quoting the line that decided it. */
export function failureAnnotations(run: VerifyRun): Annotation[] {
  return run.results
    .filter((r) => r.report.verdict !== 'success')
    .map(({ image, report }) => ({
      title: `boot-verify: ${report.verdict} of ${image}`,
      message: report.matchedLine
        ? `${report.reason}\nconsole: ${clip(report.matchedLine)}`
        : `${report.reason}${report.consoleTail.length ? `\nlast console line: ${clip(report.consoleTail[report.consoleTail.length - 1]!)}` : ''}`,
    }));
}
