/**
 * build-base: validated options → rootfs → disk → files in place + provenance.
 * `resolveBaseOptions` checks every input before any work; `buildBase` does
 * the work in a private directory beside the output and moves finished files
 * into place only at the end, so a failure leaves nothing half-written.
 */
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { arch as hostArch, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuildBaseInputs } from '../../action-types.d.ts';
import { writeJsonAtomic } from '../atomic.ts';
import { InputError } from '../errors.ts';
import { toolVersion } from '../exec.ts';
import { sourceFacts, type SourceFacts } from '../git.ts';
import { localRunContext, type RunContext } from '../run-context.ts';
import { resolveSourceDate, type SourceDate } from '../source-date.ts';
import type { CacheLog } from '../actions-cache.ts';
import {
  isUrl,
  parseBoolean,
  parseEnum,
  parseHttpUrl,
  parsePackageList,
  parseSha256,
  parseSize,
  requireReadablePath,
} from '../inputs.ts';
import { BuildProvenanceSchema, type BuildProvenance } from '../provenance/build-provenance.ts';
import { checkInputFile, checkRootfsPath, namedInputs, plannedOutputs } from './base-files.ts';
import { buildDisk, type BootMode, type BuildPhase } from './build.ts';
import { DownloadCache, type CacheOutcome } from './download-cache.ts';
import type { Arch } from './gpt.ts';
import { checkOutputPaths, outputRoots } from './output-paths.ts';
import type { Compression } from './qcow2.ts';
import { removeOnSignal } from './scratch-dir.ts';
import type { RootfsManifest } from './rootfs-manifest.ts';
import { describeSysprep, sysprepManifest, type SysprepReport } from './sysprep-manifest.ts';
import { basePackages, DEFAULT_MIRROR, DEFAULT_VERSION, produceRootfs, type RootfsSpec } from './sources.ts';

export const BUILDER = { name: 'infrasim-image-actions', version: '0.1.0', action: 'build-base' };

/** Everything build-base needs, validated: how to get the rootfs, and what to make of it. */
export interface BaseOptions extends Omit<RootfsSpec, 'workDir' | 'downloads'> {
  /** Input `cache`: keep the downloads in the Actions cache (only when the runner has a cache service). */
  cache: boolean;
  /** Packages as the caller asked them; `packages` adds the distribution's boot essentials. */
  requestedPackages: string[];
  kernel?: string;
  initrd?: string;
  /** Extra kernel arguments (input `kernel-args`, or its deprecated alias `cmdline`). */
  cmdline?: string;
  /** Deprecated inputs the step used, each with what to use instead (the action warns). */
  deprecations: string[];
  files?: string;
  userData?: string;
  metaData?: string;
  sizeBytes: number;
  boot: BootMode;
  compression: Compression;
  output: string;
  provenance: string;
  source: SourceFacts;
  /** Where sourceDateEpoch came from: input, SOURCE_DATE_EPOCH or the commit time (the action logs it). */
  sourceDate: SourceDate;
}

export function runnerArch(): Arch {
  return hostArch() === 'arm64' ? 'aarch64' : 'x86_64';
}

const MIN_SIZE = 128 * 1024 * 1024;
/** The raw disk is one sparse file on the build machine: well within ext4's 16 TiB file limit (runners use ext4). */
const MAX_SIZE = 8 * 1024 ** 4;
const MAX_SIZE_TEXT = '8T';

/**
 * `kernel-args`: the arguments added to the command line. The input used to
 * be called `cmdline`, the name of the output that carries the whole command
 * line; the old name still works, with a warning.
 */
function kernelArgs(raw: BuildBaseInputs, deprecations: string[]): string | undefined {
  const args = raw['kernel-args'].trim();
  const old = raw.cmdline.trim();
  if (args && old)
    throw new InputError(
      'cmdline',
      "is the deprecated name of 'kernel-args'; both are set",
      "set 'kernel-args' only",
    );
  if (old)
    deprecations.push(
      "input 'cmdline' is deprecated: name it 'kernel-args' (the output 'cmdline' is the whole command line)",
    );
  const name = old ? 'cmdline' : 'kernel-args';
  const value = args || old || undefined;
  if (value && /[\n\r]/.test(value))
    throw new InputError(name, 'must be a single line', 'kernel arguments on one line');
  return value;
}

/**
 * Validates every input; throws InputError naming the first bad one. `ctx` is
 * the run (commit, ref, repository, SOURCE_DATE_EPOCH); `env` gives only the
 * runner's directories the output may be written in (GITHUB_WORKSPACE, RUNNER_TEMP).
 */
export async function resolveBaseOptions(
  raw: BuildBaseInputs,
  cwd = process.cwd(),
  ctx: RunContext = localRunContext(),
  env = process.env,
): Promise<BaseOptions> {
  const deprecations: string[] = [];
  const distro = parseEnum('distro', raw.distro, ['alpine', 'debian', 'ubuntu', 'rootfs'] as const, 'alpine');
  const arch = parseEnum('arch', raw.arch, ['x86_64', 'aarch64'] as const, runnerArch());
  const boot = parseEnum('boot', raw.boot, ['uefi', 'kernel'] as const, 'uefi');
  const compression = parseEnum('compression', raw.compression, ['none', 'zlib', 'zstd'] as const, 'zstd');
  const cache = parseBoolean('cache', raw.cache, true);
  const version = raw.version.trim() || DEFAULT_VERSION[distro];
  if (distro === 'alpine' && !/^(\d+\.\d+(\.\d+)?|edge)$/.test(version)) {
    throw new InputError(
      'version',
      `'${version}' is not an Alpine release`,
      'a branch like 3.20, a point release like 3.20.3, or edge',
    );
  }
  if ((distro === 'debian' || distro === 'ubuntu') && !/^[a-z][a-z0-9-]*$/.test(version)) {
    throw new InputError(
      'version',
      `'${version}' is not a ${distro} suite name`,
      'a suite such as bookworm, trixie, noble',
    );
  }
  const mirror = (raw.mirror.trim() || DEFAULT_MIRROR[distro]).replace(/\/+$/, '');
  if (distro !== 'rootfs') parseHttpUrl('mirror', mirror);

  const sizeBytes = parseSize('size', raw.size.trim() || '2G');
  if (sizeBytes < MIN_SIZE) throw new InputError('size', `${raw.size} is too small`, 'at least 128M');
  if (sizeBytes > MAX_SIZE)
    throw new InputError('size', `${raw.size} is more than ${MAX_SIZE_TEXT}`, `128M to ${MAX_SIZE_TEXT}`);

  const rootfs = raw.rootfs.trim() || undefined;
  const rootfsSha256 = raw['rootfs-sha256'].trim()
    ? parseSha256('rootfs-sha256', raw['rootfs-sha256'])
    : undefined;
  if (distro === 'rootfs' && !rootfs) {
    throw new InputError(
      'rootfs',
      'is required when distro is rootfs',
      'a tarball path or URL, or a directory',
    );
  }
  if (rootfs && (distro === 'debian' || distro === 'ubuntu')) {
    throw new InputError(
      'rootfs',
      `is not used for distro ${distro} (mmdebstrap builds the rootfs)`,
      'leave it empty, or use distro: rootfs',
    );
  }
  if (rootfs && isUrl(rootfs)) {
    parseHttpUrl('rootfs', rootfs);
    if (distro === 'rootfs' && !rootfsSha256) {
      throw new InputError(
        'rootfs',
        `the URL ${rootfs} has no checksum`,
        "set 'rootfs-sha256' to the tarball's SHA-256",
      );
    }
  } else if (rootfs) {
    if (distro === 'alpine')
      throw new InputError(
        'rootfs',
        'for alpine it overrides the minirootfs URL and must be a URL',
        'http(s) URL',
      );
    await checkRootfsPath(rootfs, sizeBytes);
  }

  const kernel = raw.kernel.trim() || undefined;
  const initrd = raw.initrd.trim() || undefined;
  if (kernel) await checkInputFile('kernel', kernel);
  if (initrd) {
    if (!kernel)
      throw new InputError(
        'initrd',
        'needs the kernel input too',
        "set 'kernel' to the kernel image the initrd belongs to",
      );
    await checkInputFile('initrd', initrd);
  }
  const requestedPackages = parsePackageList('packages', raw.packages);
  if (distro === 'rootfs' && requestedPackages.length) {
    throw new InputError(
      'packages',
      'cannot be installed into a given rootfs',
      'install them into the tarball, or use distro alpine/debian/ubuntu',
    );
  }
  const packages = [...new Set([...basePackages(distro, arch, Boolean(kernel)), ...requestedPackages])];

  const apkStatic = raw['apk-static'].trim() || undefined;
  const apkStaticSha256 = raw['apk-static-sha256'].trim()
    ? parseSha256('apk-static-sha256', raw['apk-static-sha256'])
    : undefined;
  // Empty: the release's apk-tools-static package, verified against the signed index (apk-static.ts).
  if (distro === 'alpine' && packages.length && apkStatic) {
    if (isUrl(apkStatic)) {
      parseHttpUrl('apk-static', apkStatic);
      if (!apkStaticSha256)
        throw new InputError('apk-static', `the URL ${apkStatic} has no checksum`, "set 'apk-static-sha256'");
    } else await checkInputFile('apk-static', apkStatic);
  }

  const files = raw.files.trim() || undefined;
  if (files) await requireReadablePath('files', files, 'directory');
  const userData = raw['user-data'].trim() || undefined;
  const metaData = raw['meta-data'].trim() || undefined;
  if (userData) await checkInputFile('user-data', userData);
  if (metaData) await checkInputFile('meta-data', metaData);
  const cmdline = kernelArgs(raw, deprecations);

  const [source, sourceDate] = await Promise.all([
    sourceFacts(cwd, ctx),
    // No commit and no date given is an error: a base image is never dated by the wall clock.
    resolveSourceDate({
      ctx,
      input: { name: 'source-date-epoch', value: raw['source-date-epoch'] },
      checkout: cwd,
      otherwise: 'error',
    }),
  ]);
  const sourceDateEpoch = sourceDate.epoch;

  const output = resolve(cwd, raw.output.trim() || 'output/base.qcow2');
  // Nothing it writes may replace an input, a device or a directory, or land outside the workspace.
  await checkOutputPaths(
    plannedOutputs(output, boot),
    namedInputs(
      {
        rootfs,
        kernel,
        initrd,
        'apk-static': apkStatic,
        files,
        'user-data': userData,
        'meta-data': metaData,
      },
      cwd,
    ),
    outputRoots(cwd, env),
  );
  const provenance = join(dirname(output), 'meta', 'build-provenance.json');
  return {
    distro,
    version,
    arch,
    mirror,
    rootfs,
    rootfsSha256,
    requestedPackages,
    packages,
    apkStatic,
    apkStaticSha256,
    kernel,
    initrd,
    cmdline,
    deprecations,
    files,
    userData,
    metaData,
    sizeBytes,
    boot,
    compression,
    cache,
    sourceDateEpoch,
    output,
    provenance,
    source,
    sourceDate,
  };
}

export interface BaseResult {
  image: string;
  sha256: string;
  virtualSize: number;
  actualSize: number;
  provenance: string;
  kernel?: string;
  initrd?: string;
  cmdline: string;
  provenanceDoc: BuildProvenance;
  /** The build's steps with their durations, first the rootfs's production. */
  phases: BuildPhase[];
  /** What the Actions cache of downloads did (empty when it was off or there was no cache service). */
  cache: CacheOutcome[];
}

/** The version of every tool that made the image, for its provenance (all asked at once). */
async function toolVersions(rootfsTools: readonly string[]): Promise<Record<string, string>> {
  const [qemuImg, mke2fs, sfdisk, mkfsVfat, debugfs, mtools, mmdebstrap] = await Promise.all([
    toolVersion('qemu-img'),
    toolVersion('mke2fs', '-V'),
    toolVersion('sfdisk'),
    toolVersion('mkfs.vfat'),
    toolVersion('debugfs', '-V'),
    toolVersion('mcopy', '--version'),
    rootfsTools.includes('mmdebstrap') ? toolVersion('mmdebstrap') : undefined,
  ]);
  return {
    'qemu-img': qemuImg,
    mke2fs: mke2fs.replace(/\s+Using.*$/, ''),
    sfdisk,
    'mkfs.vfat': mkfsVfat,
    debugfs,
    mtools,
    node: process.version,
    ...(mmdebstrap !== undefined ? { mmdebstrap } : {}),
  };
}

/** Builds the base image; the output files appear only when everything succeeded. */
export async function buildBase(
  o: BaseOptions,
  cacheDir = join(tmpdir(), 'infrasim-cache'),
  log?: (message: string) => void,
  warn: (message: string) => void = (message) => log?.(`warning: ${message}`),
): Promise<BaseResult> {
  await mkdir(dirname(o.output), { recursive: true });
  const cacheLog: CacheLog = { info: (m) => log?.(m), warning: warn };
  // The same path on every run: the cache's version is a hash of the paths it holds.
  const downloads = DownloadCache.open(o.cache, join(cacheDir, 'infrasim-downloads'), cacheLog);
  // The work directory sits beside the output so the final renames stay on one filesystem.
  const work = await mkdtemp(join(dirname(o.output), `.build-base-`));
  const unwatchSignals = removeOnSignal(work);
  try {
    const t0 = performance.now();
    const rootfs = await produceRootfs({ ...o, workDir: work, downloads });
    const [first] = rootfs.sources;
    const produced: BuildPhase = {
      name: 'rootfs',
      detail: rootfs.tools.length
        ? `${first?.name} via ${rootfs.tools.join(', ')}`
        : `${first?.name} from ${first?.uri}`,
      ms: Math.round(performance.now() - t0),
    };
    log?.(`${produced.name}: ${produced.detail} (${(produced.ms / 1000).toFixed(1)} s)`);
    const identity = `${o.distro}:${o.version}:${o.sourceDateEpoch}`;
    // No image carries build-time secrets or identity, whatever its distribution and packages.
    const reset: { report?: SysprepReport } = {};
    const prepare = async (manifest: RootfsManifest) => {
      reset.report = await sysprepManifest(manifest, {
        workDir: join(work, 'sysprep'),
        mtime: o.sourceDateEpoch,
      });
      log?.(describeSysprep(reset.report));
    };
    // The tools' versions for the provenance, asked beside the build (each is a process start).
    const toolsUsed = toolVersions(rootfs.tools);
    // Awaited after the build; a build that fails first reports its own error.
    toolsUsed.catch(() => {});
    const disk = await buildDisk({
      arch: o.arch,
      rootfs: rootfs.path,
      rootfsOrigin: rootfs.origin,
      sizeBytes: o.sizeBytes,
      boot: o.boot,
      compression: o.compression,
      sourceDateEpoch: o.sourceDateEpoch,
      identity,
      title: `${o.distro} ${o.version} (${o.arch})`,
      workDir: work,
      cacheDir,
      kernel: o.kernel ? { kernel: o.kernel, initrd: o.initrd } : undefined,
      log,
      extraCmdline: o.cmdline,
      files: o.files,
      downloads,
      nocloud: { userData: o.userData, metaData: o.metaData },
      prepare,
    });
    const stem = o.output.replace(/\.qcow2$/, '');
    const kernelOut = o.boot === 'kernel' ? `${stem}.vmlinuz` : undefined;
    const initrdOut = o.boot === 'kernel' && disk.initrd ? `${stem}.initrd` : undefined;

    const tools = await toolsUsed;
    const provenanceDoc: BuildProvenance = BuildProvenanceSchema.parse({
      format_version: '1.0',
      build_type: `${o.distro}-base`,
      builder: BUILDER,
      source: {
        git_sha: o.source.sha,
        git_ref: o.source.ref,
        repository: o.source.repository,
        build_date: new Date(o.sourceDateEpoch * 1000).toISOString(),
        source_date_epoch: o.sourceDateEpoch,
      },
      distro: { name: o.distro, version: o.version, arch: o.arch },
      packages: o.packages,
      installed_packages: {
        manager: disk.packages.manager,
        count: disk.packages.packages.length,
        packages: disk.packages.packages,
      },
      inputs: [
        ...rootfs.sources,
        ...(o.kernel
          ? [
              {
                name: 'kernel',
                uri: o.kernel,
                sha256: disk.kernel.sha256,
                verification: 'local file (digest recorded)',
              },
            ]
          : []),
      ],
      boot: {
        mode: o.boot,
        cmdline: disk.cmdline,
        kernel: { rootfs_path: disk.kernel.rootfsPath ?? null, sha256: disk.kernel.sha256 },
        initrd: disk.initrd
          ? { rootfs_path: disk.initrd.rootfsPath ?? null, sha256: disk.initrd.sha256 }
          : null,
        partitions: {
          disk_guid: disk.layout.diskGuid,
          esp_guid: disk.layout.esp.guid,
          root_partuuid: disk.layout.root.guid,
        },
        bootloader: disk.bootloader && {
          name: 'systemd-boot',
          package: disk.bootloader.package,
          version: disk.bootloader.version,
          arch: disk.bootloader.arch,
          sha256: disk.bootloader.sha256,
        },
      },
      output: {
        path: basename(o.output),
        format: 'qcow2',
        compression: o.compression,
        sha256: disk.sha256,
        virtual_size: disk.virtualSize,
        actual_size: disk.actualSize,
        rootfs_entries: disk.entries,
        rootfs_content_sha256: disk.contentDigest,
      },
      tools,
      sysprep: reset.report && { reset: reset.report.reset, first_boot: reset.report.firstBoot },
    });

    // Everything is built: move it into place, the provenance last.
    await rename(disk.qcow2, o.output);
    if (kernelOut) await rename(await ownedCopy(disk.kernel.file, work), kernelOut);
    if (initrdOut) await rename(await ownedCopy(disk.initrd!.file, work), initrdOut);
    await writeJsonAtomic(o.provenance, provenanceDoc);
    // Every cached file was verified on its way into the image: only now is the entry worth keeping.
    await downloads?.saveAll();
    return {
      image: o.output,
      sha256: disk.sha256,
      virtualSize: disk.virtualSize,
      actualSize: disk.actualSize,
      provenance: o.provenance,
      kernel: kernelOut,
      initrd: initrdOut,
      cmdline: disk.cmdline,
      provenanceDoc,
      phases: [produced, ...disk.phases],
      cache: downloads?.outcomes() ?? [],
    };
  } finally {
    unwatchSignals();
    await rm(work, { recursive: true, force: true });
  }
}

/** A file outside the work directory (the caller's kernel, a rootfs directory's) is copied, never moved. */
async function ownedCopy(file: string, work: string): Promise<string> {
  if (file.startsWith(work + '/')) return file;
  const target = join(work, `copy-${basename(file)}`);
  await copyFile(file, target);
  return target;
}
