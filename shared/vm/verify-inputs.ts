/**
 * boot-verify's inputs, from the strings the runner hands over to typed
 * options. Everything is validated here, before any image is touched, and
 * every rejection names its input.
 */
import { glob, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import {
  parseBoolean,
  parseEnum,
  parseLines,
  parsePositiveNumber,
  parseRegex,
  parseSha256,
  requireReadablePath,
} from '../inputs.ts';
import { hostArch } from './accel.ts';
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

/** Each line a path or a glob; globs must match at least one file, paths must be readable files. */
export async function resolveImages(raw: string, cwd = process.cwd()): Promise<string[]> {
  const lines = parseLines(raw);
  if (lines.length === 0) throw new InputError('images', 'is required', 'one image path or glob per line');
  const out: string[] = [];
  for (const line of lines) {
    if (GLOB_CHARS.test(line)) {
      const matches: string[] = [];
      for await (const m of glob(line, { cwd })) matches.push(isAbsolute(m) ? m : resolve(cwd, m));
      const files: string[] = [];
      for (const m of matches.sort()) if ((await stat(m)).isFile()) files.push(m);
      if (files.length === 0) throw new InputError('images', `the glob '${line}' matches no file`);
      out.push(...files);
    } else {
      const path = resolve(cwd, line);
      await requireReadablePath('images', path, 'file');
      out.push(path);
    }
  }
  return [...new Set(out)];
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
  const expect = parseRegex('expect', raw.expect.trim() || DEFAULT_EXPECT);
  const failOnLines = raw['fail-on'].trim() ? parseLines(raw['fail-on']) : DEFAULT_FAIL_ON;
  const failOn = failOnLines.map((l) => parseRegex('fail-on', l));
  const timeoutS = parsePositiveNumber('timeout', raw.timeout, 300);
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
    await requireReadablePath('kernel', kernel, 'file');
  }
  if (raw.initrd.trim()) {
    initrd = resolve(cwd, raw.initrd.trim());
    await requireReadablePath('initrd', initrd, 'file');
  }
  if (bootMode === 'kernel' && !kernel) throw new InputError('kernel', 'is required when boot is kernel');
  if (bootMode === 'uefi' && raw.append.trim()) {
    throw new InputError(
      'append',
      'applies to boot: kernel only (firmware boot takes the command line from the image)',
    );
  }
  const images = await resolveImages(raw.images, cwd);
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
    outputDir: resolve(cwd, raw['output-dir'].trim() || 'output'),
    network,
  };
}
