/**
 * boot-verify: boots each image, gives it a verdict, writes its report and
 * the job summary. SIGTERM/SIGINT (a cancelled job) abort the boots, which
 * kill their QEMU and remove their files; the post step catches anything a
 * harder kill leaves behind.
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BootVerifyInputs, BootVerifyOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parseUploadConsole } from '../../shared/console-artifact.ts';
import { createStateDir, recordPid } from '../../shared/vm/leftovers.ts';
import { failureAnnotations, renderSummary } from '../../shared/vm/summary.ts';
import { parseVerifyInputs } from '../../shared/vm/verify-inputs.ts';
import { verifyImages, type VerifyRun } from '../../shared/vm/verify.ts';
import { keepConsoleLogs } from '../console-artifact.ts';
import { cancellationSignal, core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

/** One image's outputs as the `json` output carries them (the newline-joined outputs, per image). */
function imageOutput(r: VerifyRun['results'][number]) {
  return {
    image: r.image,
    status: r.report.verdict,
    reason: r.report.reason,
    'boot-seconds': r.report.timings ? Number((r.report.timings.verdictMs / 1000).toFixed(3)) : null,
    'matched-line': r.report.matchedLine ?? null,
    'console-log': r.report.consoleLog ?? null,
    report: r.reportPath,
    accel: r.report.accel ?? null,
  };
}

const cancelled = cancellationSignal('boot-verify');

await runAction(async () => {
  const raw = readInputs<BootVerifyInputs>({
    images: true,
    arch: true,
    boot: true,
    kernel: true,
    initrd: true,
    append: true,
    expect: true,
    'fail-on': true,
    timeout: true,
    memory: true,
    cpus: true,
    accel: true,
    checks: true,
    'base-sha256': true,
    parallel: true,
    'output-dir': true,
    network: true,
    'backing-roots': true,
    'upload-console': true,
  } satisfies Record<keyof BootVerifyInputs, true>);
  const uploadConsole = parseUploadConsole(raw['upload-console']);
  const options = await parseVerifyInputs(raw);
  await checkActionTools('boot-verify', options);

  const stateDir = await createStateDir('boot-verify');
  core.saveState('state-dir', stateDir);
  try {
    const run = await verifyImages({
      ...options,
      workDir: stateDir,
      signal: cancelled,
      onLaunch: (pid) => void recordPid(stateDir, pid),
      log: (m) => core.info(m),
    });
    const reports = run.results.map((r) => r.report);
    const slowest = Math.max(0, ...reports.map((r) => r.timings?.verdictMs ?? 0));
    setOutputs<BootVerifyOutputs>({
      status: run.status,
      'boot-seconds': (slowest / 1000).toFixed(3),
      'matched-line': reports.find((r) => r.matchedLine !== undefined)?.matchedLine ?? '',
      'console-log': reports.map((r) => r.consoleLog ?? '').join('\n'),
      report: run.results.map((r) => r.reportPath).join('\n'),
      accel: reports.map((r) => r.accel ?? '').join('\n'),
      json: JSON.stringify(run.results.map(imageOutput)),
    });
    for (const a of failureAnnotations(run)) core.error(a.message, { title: a.title });
    await writeSummary(renderSummary(run));
    // Each booted image's console (a refused image never booted and has none), kept before the verdict fails the step.
    await keepConsoleLogs(
      'boot-verify',
      run.results.flatMap((r) =>
        r.report.consoleLog
          ? [
              {
                subject: basename(r.reportPath, '.json'),
                path: r.report.consoleLog,
                failed: r.report.verdict !== 'success',
              },
            ]
          : [],
      ),
      uploadConsole,
    );
    if (run.status !== 'success') {
      const bad = run.results.filter((r) => r.report.verdict !== 'success');
      throw new Error(
        `boot-verify: ${run.status}: ${bad.map((r) => `${r.image}: ${r.report.reason}`).join('; ')}`,
      );
    }
  } finally {
    // Every QEMU has exited and every boot removed its files by now; the directory goes too.
    await rm(stateDir, { recursive: true, force: true });
  }
});
