/**
 * analyze-deps: thin adapter between the runner and shared/deps. Reads and
 * validates every input, runs the analysis, sets outputs, writes the job
 * summary and surfaces scored findings as warnings.
 */
import type { AnalyzeDepsInputs, AnalyzeDepsOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parseAnalyzeDepsInputs } from '../../shared/deps/options.ts';
import { runAnalyzeDeps } from '../../shared/deps/pipeline.ts';
import { givenSourceDate } from '../../shared/source-date.ts';
import { readRunContext } from '../run-context.ts';
import { core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

/** More annotations than this only bury the summary; the report has them all. */
const MAX_ANNOTATIONS = 20;

await runAction(async () => {
  const raw = readInputs<AnalyzeDepsInputs>({
    source: true,
    'source-type': true,
    binaries: true,
    version: true,
    name: true,
    'risk-threshold': true,
    'vendor-threshold': true,
    allow: true,
    'output-dir': true,
    'known-malicious': true,
    'known-malicious-sha256': true,
  } satisfies Record<keyof AnalyzeDepsInputs, true>);
  const options = await parseAnalyzeDepsInputs(raw);
  const ctx = await readRunContext();
  givenSourceDate(ctx); // a malformed SOURCE_DATE_EPOCH is rejected before any work
  await checkActionTools('analyze-deps', undefined);
  const result = await runAnalyzeDeps(options, ctx);
  if (result.sourceDate.origin === 'wall clock')
    core.warning(
      `build_timestamp is ${result.buildInfo.build_timestamp}, from ${result.sourceDate.description}`,
      {
        title: 'analyze-deps: build time',
      },
    );
  else core.info(`build_timestamp ${result.buildInfo.build_timestamp} from ${result.sourceDate.description}`);
  const { analysis, files } = result;

  setOutputs<AnalyzeDepsOutputs>({
    'graph-sha256': analysis.graphSha256,
    'package-count': String(analysis.counts.packages),
    'has-duplicates': String(analysis.counts.duplicates > 0),
    'duplicate-count': String(analysis.counts.duplicates),
    'cycle-count': String(analysis.counts.cycles),
    'risk-score': String(analysis.risk.score),
    report: files.report,
    sbom: files.sbom,
    'build-info': files.buildInfo,
  });
  // Duplicates are common and individually minor: one line for all of them, a warning for each other finding.
  const scored = analysis.risk.findings.filter((f) => f.contribution > 0 && f.kind !== 'duplicate');
  scored.sort((a, b) => b.contribution - a.contribution);
  for (const f of scored.slice(0, MAX_ANNOTATIONS))
    core.warning(`${f.message} (+${f.contribution}, allow with '${f.id}')`, {
      title: `analyze-deps: ${f.kind}`,
    });
  if (analysis.counts.duplicates > 0)
    core.notice(
      `${analysis.counts.duplicates} package names resolve to several versions; see ${files.report}`,
    );
  await writeSummary(result.summary);

  const message = `risk score ${analysis.risk.score} (threshold ${options.riskThreshold}), ${analysis.counts.packages} packages, graph ${analysis.graphSha256}`;
  if (!result.passed) throw new Error(`dependency risk above the threshold: ${message}; see ${files.report}`);
  core.info(message);
});
