/**
 * boot-verify's inputs, from the strings the runner hands over to typed
 * options. Everything is validated here, before any image is touched, and
 * every rejection names its input.
 */
import { constants } from 'node:fs';
import { access, glob, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import {
  parseBoolean,
  parseEnum,
  parseLines,
  parsePositiveNumber,
  parseSha256,
  parseTimeoutSeconds,
} from '../inputs.ts';
import { fsErrorReason } from '../regular-file.ts';
import { hostArch } from './accel.ts';
import { readBackingChain } from './backing-chain.ts';
import { parseConsolePattern } from './console-pattern.ts';
import { checkInitrdFile, checkKernelFile, requireInputFile } from './input-files.ts';
import { parseCheckLine } from './nocloud.ts';
import { defaultAppend } from './qemu-command.ts';
import { ARCHES, type Arch } from './types.ts';
import type { VerifyOptions } from './verify.ts';

/** The raw inputs, as action.yml names them. */
export interface RawVerifyInputs {
  images: string;
  arch: string;
  boot: string;
  kernel: string;
  initrd: string;
  append: string;
  expect: string;
  'fail-on': string;
  timeout: string;
  memory: string;
  cpus: string;
  accel: string;
  checks: string;
  'base-sha256': string;
  parallel: string;
  'output-dir': string;
  network: string;
  'backing-roots': string;
}

/** The test image's marker, a login prompt (getty prints "host login:" without a newline) and cloud-init's final line. */
export const DEFAULT_EXPECT = String.raw`INFRASIM-TEST-IMAGE: BOOT OK|\S login: *$|Cloud-init v\. \S+ finished at`;

/** Lines after which a boot can no longer succeed. */
export const DEFAULT_FAIL_ON = [
  String.raw`Kernel panic - not syncing`,
  String.raw`Attempted to kill init`,
  String.raw`No working init found`,
  String.raw`(You are in|Entering) emergency mode`,
  String.raw`You are in rescue mode`,
  String.raw`Give root password for maintenance`,
  String.raw`systemd\[1\]: (Freezing execution|Caught <[A-Z]+>)`,
  String.raw`cloud-init\[\d+\]: .*(Traceback|ERROR|Failed to run module)`,
];

const GLOB_CHARS = /[*?[\]{}]/;

/** Each line a path or a glob; globs must match at least one file, paths must be readable regular files. */
export async function resolveImages(raw: string, cwd = process.cwd()): Promise<string[]> {
  const lines = parseLines(raw);
  if (lines.length === 0) throw new InputError('images', 'is required', 'one image path or glob per line');
  const out: string[] = [];
  for (const line of lines) {
    if (GLOB_CHARS.test(line)) {
      const matches: string[] = [];
      for await (const m of glob(line, { cwd })) matches.push(isAbsolute(m) ? m : resolve(cwd, m));
      const files: string[] = [];
      for (const m of matches.sort()) {
        const s = await stat(m).catch((e: unknown) => {
          throw new InputError(
            'images',
            `'${m}' (matched by '${line}') cannot be read (${fsErrorReason(e)})`,
          );
        });
        if (s.isFile()) files.push(m);
      }
      if (files.length === 0) throw new InputError('images', `the glob '${line}' matches no file`);
      out.push(...files);
    } else {
      out.push(resolve(cwd, line));
    }
  }
  const images = [...new Set(out)];
  for (const image of images) await requireInputFile('images', image);
  return images;
}

/**
 * Where backing files may live: the workspace (the working directory and
 * GITHUB_WORKSPACE), the directories `backing-roots` lists and, added per
 * image by readBackingChain, the image's own directory. All as real paths,
 * so a symlink cannot stand in for a directory outside them. The file-system
 * root counts only when listed on purpose.
 */
export async function resolveBackingRoots(raw: string, cwd = process.cwd()): Promise<string[]> {
  const roots = new Set<string>();
  for (const implicit of [cwd, process.env.GITHUB_WORKSPACE]) {
    if (!implicit) continue;
    const real = await realpath(implicit).catch(() => undefined);
    if (real && real !== '/') roots.add(real);
  }
  for (const line of parseLines(raw)) {
    const dir = resolve(cwd, line);
    const real = await realpath(dir).catch((e: unknown) => {
      throw new InputError('backing-roots', `'${dir}' cannot be read (${fsErrorReason(e)})`);
    });
    if (!(await stat(real)).isDirectory()) {
      throw new InputError('backing-roots', `'${dir}' is not a directory`, 'directories, one per line');
    }
    roots.add(real);
  }
  return [...roots];
}

/** What a backing-file refusal suggests. */
export const BACKING_ROOTS_HINT =
  "list the directory in the input 'backing-roots' if the image is meant to use a backing file there";

/**
 * The output directory must be a directory we can write, or creatable: found
 * now, not as a raw ENOTDIR / EACCES once the first report is written.
 */
export async function checkOutputDir(input: string, dir: string): Promise<void> {
  for (let p = dir; ; p = dirname(p)) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) continue;
      throw new InputError(input, `'${dir}' cannot be created (${fsErrorReason(e)} at '${p}')`);
    }
    if (!isDir) {
      throw new InputError(
        input,
        p === dir
          ? `'${dir}' exists and is not a directory`
          : `'${dir}' cannot be created: '${p}' is not a directory`,
        'a directory, created when missing',
      );
    }
    try {
      await access(p, constants.W_OK | constants.X_OK);
    } catch (e) {
      throw new InputError(
        input,
        `'${p}' is not writable (${fsErrorReason(e)})`,
        'a directory this step can write',
      );
    }
    return;
  }
}

function positiveInteger(name: string, raw: string, fallback: number): number {
  const n = parsePositiveNumber(name, raw, fallback);
  if (!Number.isInteger(n)) throw new InputError(name, `'${raw}' is not a whole number`);
  return n;
}

export async function parseVerifyInputs(raw: RawVerifyInputs, cwd = process.cwd()): Promise<VerifyOptions> {
  // Cheap, pure checks first, so a typo is reported before any file is looked at.
  const arch = parseEnum<Arch>('arch', raw.arch, ARCHES, hostArch());
  const bootMode = parseEnum('boot', raw.boot, ['uefi', 'kernel'] as const, 'uefi');
  const accel = parseEnum('accel', raw.accel, ['auto', 'kvm', 'tcg'] as const, 'auto');
  // Linear-time patterns: a console line can never freeze the action (console-pattern.ts).
  const expect = parseConsolePattern('expect', raw.expect.trim() || DEFAULT_EXPECT);
  const failOnLines = raw['fail-on'].trim() ? parseLines(raw['fail-on']) : DEFAULT_FAIL_ON;
  const failOn = failOnLines.map((l) => parseConsolePattern('fail-on', l));
  const timeoutS = parseTimeoutSeconds('timeout', raw.timeout, 300);
  const memoryMiB = positiveInteger('memory', raw.memory, 1024);
  const cpus = positiveInteger('cpus', raw.cpus, 1);
  const parallel = positiveInteger('parallel', raw.parallel, availableParallelism());
  const network = parseBoolean('network', raw.network, false);
  const baseSha256 = raw['base-sha256'].trim() ? parseSha256('base-sha256', raw['base-sha256']) : undefined;
  const checks = parseLines(raw.checks).map(parseCheckLine);
  if (memoryMiB < 128)
    throw new InputError('memory', `${memoryMiB} MiB is too little to boot a kernel`, 'at least 128');
  // Checks travel on a NoCloud seed; checks with a base64'd empty command make no sense.
  for (const c of checks) if (!c.command) throw new InputError('checks', 'a check has no command');

  let kernel: string | undefined;
  let initrd: string | undefined;
  if (raw.kernel.trim()) {
    kernel = resolve(cwd, raw.kernel.trim());
    await checkKernelFile(kernel, arch);
  }
  if (raw.initrd.trim()) {
    initrd = resolve(cwd, raw.initrd.trim());
    await checkInitrdFile(initrd);
  }
  if (bootMode === 'kernel' && !kernel) throw new InputError('kernel', 'is required when boot is kernel');
  if (bootMode === 'uefi' && raw.append.trim()) {
    throw new InputError(
      'append',
      'applies to boot: kernel only (firmware boot takes the command line from the image)',
    );
  }
  const outputDir = resolve(cwd, raw['output-dir'].trim() || 'output');
  await checkOutputDir('output-dir', outputDir);
  const backingRoots = await resolveBackingRoots(raw['backing-roots'], cwd);
  const images = await resolveImages(raw.images, cwd);
  // Every chain is read now, from the headers alone: a backing file outside the
  // roots is refused before any file of it is opened, hashed or booted.
  for (const image of images) {
    await readBackingChain(image, { roots: backingRoots, input: 'images', rootsHint: BACKING_ROOTS_HINT });
  }
  return {
    images,
    arch,
    boot: bootMode,
    ...(kernel ? { kernel } : {}),
    ...(initrd ? { initrd } : {}),
    ...(bootMode === 'kernel' ? { append: raw.append.trim() || defaultAppend(arch) } : {}),
    expect,
    failOn,
    timeoutMs: Math.round(timeoutS * 1000),
    memoryMiB,
    cpus,
    accel,
    checks,
    ...(baseSha256 ? { baseSha256 } : {}),
    parallel,
    outputDir,
    network,
    backingRoots,
  };
}
