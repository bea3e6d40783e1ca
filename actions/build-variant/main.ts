/**
 * build-variant: validate every input and definition → build the overlays
 * (bounded parallelism) → outputs and job summary. SIGTERM/SIGINT (a
 * cancelled job) abort the provisioning boots, which kill their QEMU and
 * remove their temporary overlays; the post step catches anything a harder
 * kill leaves behind.
 */
import { rm } from 'node:fs/promises';
import type { BuildVariantInputs, BuildVariantOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parseUploadConsole } from '../../shared/console-artifact.ts';
import { buildVariants, provisioningFailures } from '../../shared/variant/build.ts';
import { resolveVariantInputs } from '../../shared/variant/options.ts';
import { renderVariantSummary, resultsJson } from '../../shared/variant/summary.ts';
import { createStateDir, recordPid } from '../../shared/vm/leftovers.ts';
import { keepConsoleLogs } from '../console-artifact.ts';
import { readRunContext } from '../run-context.ts';
import { cancellationSignal, core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

const cancelled = cancellationSignal('build-variant');

await runAction(async () => {
  const raw = readInputs<BuildVariantInputs>({
    variants: true,
    base: true,
    'base-provenance': true,
    'base-sha256': true,
    target: true,
    arch: true,
    boot: true,
    kernel: true,
    initrd: true,
    append: true,
    'output-dir': true,
    flatten: true,
    compression: true,
    timeout: true,
    memory: true,
    cpus: true,
    accel: true,
    network: true,
    'tailscale-repository': true,
    'tailscale-advertise-tags': true,
    parallel: true,
    'upload-console': true,
  } satisfies Record<keyof BuildVariantInputs, true>);
  const uploadConsole = parseUploadConsole(raw['upload-console']);
  const { plans, options, sourceDate } = await resolveVariantInputs(
    raw,
    process.cwd(),
    await readRunContext(),
  );
  await checkActionTools('build-variant', options);
  core.info(
    `Building ${plans.map((p) => p.name).join(', ')} on ${options.base} (target ${plans[0]!.target}, ` +
      `${options.arch}, ${options.boot} boot, ${options.parallel} at once)`,
  );
  const dated = `build_date ${options.source.buildDate} from ${sourceDate.description}`;
  if (sourceDate.origin === 'wall clock') core.warning(dated, { title: 'build-variant: build date' });
  else core.info(dated);
  const stateDir = await createStateDir('build-variant');
  core.saveState('state-dir', stateDir);
  const results = await buildVariants(plans, {
    ...options,
    workDir: stateDir,
    signal: cancelled,
    onLaunch: (pid) => void recordPid(stateDir, pid),
    log: (m) => core.info(m),
  })
    .catch(async (e: unknown) => {
      // The failed provisionings' consoles are kept before the error fails the step.
      const failed = provisioningFailures(e).map((p) => ({
        subject: p.variant,
        path: p.consoleLog,
        failed: true,
      }));
      await keepConsoleLogs('build-variant', failed, uploadConsole);
      throw e;
    })
    .finally(() => rm(stateDir, { recursive: true, force: true }));
  const first = results[0]!;
  setOutputs<BuildVariantOutputs>({
    overlay: first.overlay,
    'overlay-sha256': first.overlaySha256,
    image: first.image ?? '',
    'image-sha256': first.imageSha256 ?? '',
    provenance: first.provenance,
    'console-log': first.consoleLog,
    checks: first.checks.join('\n'),
    results: resultsJson(results),
  });
  for (const r of results) core.info(`${r.variant}: ${r.overlay} sha256 ${r.overlaySha256}`);
  await writeSummary(renderVariantSummary(results));
  await keepConsoleLogs(
    'build-variant',
    results.map((r) => ({ subject: r.variant, path: r.consoleLog, failed: false })),
    uploadConsole,
  );
});
