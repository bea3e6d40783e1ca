/** build-base: read and validate inputs → shared/image → outputs and job summary. */
import type { BuildBaseInputs, BuildBaseOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { buildBase, resolveBaseOptions } from '../../shared/image/base.ts';
import { renderBaseSummary } from '../../shared/image/summary.ts';
import { readRunContext } from '../run-context.ts';
import { core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

await runAction(async () => {
  const inputs = readInputs<BuildBaseInputs>({
    distro: true,
    version: true,
    arch: true,
    rootfs: true,
    'rootfs-sha256': true,
    mirror: true,
    packages: true,
    'apk-static': true,
    'apk-static-sha256': true,
    kernel: true,
    initrd: true,
    'kernel-args': true,
    cmdline: true,
    files: true,
    'user-data': true,
    'meta-data': true,
    size: true,
    boot: true,
    compression: true,
    'source-date-epoch': true,
    cache: true,
    output: true,
  } satisfies Record<keyof BuildBaseInputs, true>);
  const options = await resolveBaseOptions(inputs, process.cwd(), await readRunContext());
  await checkActionTools('build-base', options);
  for (const message of options.deprecations) core.warning(message, { title: 'Deprecated input' });
  core.info(
    `Building ${[options.distro, options.version, options.arch].filter(Boolean).join(' ')} (${options.boot} boot) → ${options.output}`,
  );
  core.info(`SOURCE_DATE_EPOCH ${options.sourceDateEpoch} from ${options.sourceDate.description}`);
  // Not one group around the build: mmdebstrap, apk and qemu-img convert each stream into a group of
  // their own (shared/exec-stream.ts), and the runner's groups do not nest.
  const result = await buildBase(
    options,
    process.env.RUNNER_TEMP,
    (message) => core.info(message),
    (message) => core.warning(message, { title: 'Download cache' }),
  );
  setOutputs<BuildBaseOutputs>({
    image: result.image,
    sha256: result.sha256,
    'virtual-size': String(result.virtualSize),
    'actual-size': String(result.actualSize),
    provenance: result.provenance,
    kernel: result.kernel,
    initrd: result.initrd,
    cmdline: result.cmdline,
  });
  core.info(`image ${result.image} sha256 ${result.sha256}`);
  core.info(`provenance ${result.provenance}`);
  await writeSummary(renderBaseSummary(result));
});
