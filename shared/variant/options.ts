/**
 * build-variant's inputs, from the runner's strings to typed options. Every
 * input — each definition file included — is validated here, before any
 * overlay is created; every rejection names its input (and file and key).
 */
import { realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { sourceFacts } from '../git.ts';
import { localRunContext, type RunContext } from '../run-context.ts';
import { resolveSourceDate, type SourceDate } from '../source-date.ts';
import type { Compression } from '../image/qcow2.ts';
import {
  parseBoolean,
  parseEnum,
  parseLines,
  parsePositiveNumber,
  parseSha256,
  parseTimeoutSeconds,
  requireReadablePath,
} from '../inputs.ts';
import { readBuildProvenance, type BuildProvenance } from '../provenance/build-provenance.ts';
import { hostArch } from '../vm/accel.ts';
import { readBackingChain } from '../vm/backing-chain.ts';
import { resolveBackingRoots } from '../vm/verify-inputs.ts';
import { ARCHES, type Arch, type BootMode } from '../vm/types.ts';
import type { VariantBuildOptions } from './build.ts';
import type { BuiltinSettings } from './builtins.ts';
import { TARGETS, type Target } from './definition.ts';
import { loadDefinition, planVariant, type VariantPlan } from './plan.ts';

/** The raw inputs, as action.yml names them. */
export interface RawVariantInputs {
  variants: string;
  base: string;
  'base-provenance': string;
  'base-sha256': string;
  target: string;
  arch: string;
  boot: string;
  kernel: string;
  initrd: string;
  append: string;
  'output-dir': string;
  flatten: string;
  compression: string;
  timeout: string;
  memory: string;
  cpus: string;
  accel: string;
  network: string;
  'tailscale-repository': string;
  'tailscale-advertise-tags': string;
  parallel: string;
}

export interface ResolvedVariants {
  plans: VariantPlan[];
  options: VariantBuildOptions;
  /** Where options.source.buildDate came from; 'wall clock' when nothing else knew (the action warns). */
  sourceDate: SourceDate;
}

/** Variants are separated by newlines, commas or spaces (a matrix passes one). */
export function splitVariants(raw: string): string[] {
  return raw
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join(' ')
    .split(/[,\s]+/)
    .filter(Boolean);
}

const DEFAULT_TAILSCALE_REPOSITORY = 'https://pkgs.tailscale.com/stable';

/**
 * A package repository's base URL: http(s), no credentials, no characters a
 * shell or apt's sources.list would read specially. It reaches the guest as
 * an environment variable, never as script text.
 */
export function parseRepositoryUrl(name: string, raw: string): string {
  const value = raw.trim().replace(/\/+$/, '') || DEFAULT_TAILSCALE_REPOSITORY;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(name, `'${value}' is not a URL`, 'an http:// or https:// URL');
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new InputError(name, `'${value}' uses ${url.protocol}`, 'an http:// or https:// URL');
  if (url.username || url.password)
    throw new InputError(name, 'carries credentials', 'a URL without user:password (apt reads auth.conf)');
  if (!/^[A-Za-z0-9:/._~%+@=-]+$/.test(value))
    throw new InputError(name, `'${value}' has characters apt's sources.list cannot hold`, 'a plain URL');
  return value;
}

/** Tailscale's own rule for an ACL tag (tailcfg.CheckTag): `tag:`, a letter, then letters, digits or dashes. */
const TAILSCALE_TAG = /^tag:[A-Za-z][A-Za-z0-9-]*$/;

/**
 * The ACL tags the built-in tailscale node advertises: none when empty (the
 * node is then owned by the auth key's user, which every tailnet accepts).
 * Separated by commas, spaces or newlines, as tailscale's --advertise-tags
 * takes them comma-separated.
 */
export function parseTailscaleTags(name: string, raw: string): string[] {
  const tags = parseLines(raw).flatMap((l) => l.split(/[,\s]+/).filter(Boolean));
  for (const tag of tags) {
    if (!TAILSCALE_TAG.test(tag))
      throw new InputError(
        name,
        `'${tag}' is not a Tailscale ACL tag`,
        'tag:<name> — a letter, then letters, digits or dashes — separated by commas, spaces or newlines; empty for none',
      );
  }
  return [...new Set(tags)];
}

/** Which provisioning target a base calls for, from its build provenance. */
export function targetFromProvenance(p: BuildProvenance): Target {
  if (p.distro.name === 'alpine') return 'alpine';
  if (p.distro.name === 'debian' || p.distro.name === 'ubuntu') return 'debian';
  if (p.installed_packages.manager === 'apk') return 'alpine';
  if (p.installed_packages.manager === 'dpkg') return 'debian';
  return 'generic';
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** The base's kernel command line with panic=-1, so a panic ends the provisioning boot at once. */
export function provisioningAppend(cmdline: string): string {
  return /(^|\s)panic=/.test(cmdline) ? cmdline : `${cmdline} panic=-1`.trim();
}

export async function resolveVariantInputs(
  raw: RawVariantInputs,
  cwd = process.cwd(),
  ctx: RunContext = localRunContext(),
): Promise<ResolvedVariants> {
  const specs = splitVariants(raw.variants);
  if (specs.length === 0) {
    throw new InputError(
      'variants',
      'is required',
      'built-in names (no-vpn, wireguard, tailscale, dual-vpn) or definition files',
    );
  }
  const duplicate = specs.find((s, i) => specs.indexOf(s) !== i);
  if (duplicate) throw new InputError('variants', `'${duplicate}' is listed twice`);

  const base = resolve(cwd, raw.base.trim() || 'output/base.qcow2');
  await requireReadablePath('base', base, 'file');
  // The base's own backing chain stays inside the workspace or the base's directory, as boot-verify's
  // does: a base whose header names a host file (/etc/shadow, a device) is refused before any boot.
  const backingRoots = [...new Set([...(await resolveBackingRoots('', cwd)), await realpath(dirname(base))])];
  await readBackingChain(base, { roots: backingRoots, input: 'base' });
  const baseSha = raw['base-sha256'].trim() ? parseSha256('base-sha256', raw['base-sha256']) : undefined;

  // The base's own provenance tells its distro, arch, boot mode and command line.
  const explicitProvenance = raw['base-provenance'].trim();
  const provenancePath = explicitProvenance
    ? resolve(cwd, explicitProvenance)
    : join(dirname(base), 'meta', 'build-provenance.json');
  let provenance: BuildProvenance | undefined;
  if (explicitProvenance || (await exists(provenancePath))) {
    await requireReadablePath('base-provenance', provenancePath, 'file');
    try {
      provenance = await readBuildProvenance(provenancePath);
    } catch (e) {
      throw new InputError('base-provenance', (e as Error).message);
    }
  }

  const targetRaw = parseEnum('target', raw.target, ['auto', ...TARGETS] as const, 'auto');
  const target: Target =
    targetRaw !== 'auto' ? targetRaw : provenance ? targetFromProvenance(provenance) : 'generic';
  const arch = parseEnum<Arch>(
    'arch',
    raw.arch,
    ARCHES,
    (provenance?.distro.arch as Arch | undefined) ?? hostArch(),
  );
  if (provenance && provenance.distro.arch !== arch) {
    throw new InputError('arch', `'${arch}' differs from the base's architecture ${provenance.distro.arch}`);
  }
  const bootMode = parseEnum<BootMode>('boot', raw.boot, ['uefi', 'kernel'], provenance?.boot.mode ?? 'uefi');

  let kernel: string | undefined;
  let initrd: string | undefined;
  let append: string | undefined;
  if (bootMode === 'kernel') {
    const stem = base.replace(/\.qcow2$/, '');
    kernel = raw.kernel.trim() ? resolve(cwd, raw.kernel.trim()) : `${stem}.vmlinuz`;
    await requireReadablePath('kernel', kernel, 'file').catch((e: Error) => {
      throw raw.kernel.trim()
        ? e
        : new InputError(
            'kernel',
            `boot=kernel needs the base's kernel: ${stem}.vmlinuz is missing; set 'kernel'`,
          );
    });
    if (raw.initrd.trim()) initrd = resolve(cwd, raw.initrd.trim());
    else if (await exists(`${stem}.initrd`)) initrd = `${stem}.initrd`;
    if (initrd) await requireReadablePath('initrd', initrd, 'file');
    const cmdline = raw.append.trim() || provenance?.boot.cmdline;
    if (!cmdline)
      throw new InputError('append', 'is required for boot=kernel when the base has no build provenance');
    if (/[\n\r]/.test(cmdline)) throw new InputError('append', 'must be a single line');
    append = provisioningAppend(cmdline);
  } else if (raw.kernel.trim() || raw.append.trim()) {
    throw new InputError(raw.kernel.trim() ? 'kernel' : 'append', 'only applies to boot=kernel');
  }

  const outputDir = resolve(cwd, raw['output-dir'].trim() || dirname(base));
  const timeoutS = parseTimeoutSeconds('timeout', raw.timeout, 900);
  const memoryMiB = parsePositiveNumber('memory', raw.memory, 1024);
  const cpus = parsePositiveNumber('cpus', raw.cpus, 1);
  const parallel = parsePositiveNumber('parallel', raw.parallel, availableParallelism());
  for (const [name, n] of [
    ['memory', memoryMiB],
    ['cpus', cpus],
    ['parallel', parallel],
  ] as const) {
    if (!Number.isInteger(n)) throw new InputError(name, `'${n}' is not a whole number`);
  }
  const compression = parseEnum<Compression>(
    'compression',
    raw.compression,
    ['none', 'zlib', 'zstd'],
    'zstd',
  );
  const accel = parseEnum('accel', raw.accel, ['auto', 'kvm', 'tcg'] as const, 'auto');
  const flatten = parseBoolean('flatten', raw.flatten, false);
  const network = parseBoolean('network', raw.network, true);
  const tailscaleRepository = parseRepositoryUrl('tailscale-repository', raw['tailscale-repository']);
  const builtins: BuiltinSettings = {
    tailscaleTags: parseTailscaleTags('tailscale-advertise-tags', raw['tailscale-advertise-tags']),
  };

  // Every definition is read, validated and planned before any work starts.
  const plans: VariantPlan[] = [];
  for (const spec of specs)
    plans.push(await planVariant(await loadDefinition(spec, cwd, 'variants', builtins), target));
  const names = plans.map((p) => p.name);
  const clash = names.find((n, i) => names.indexOf(n) !== i);
  if (clash) throw new InputError('variants', `two definitions are both named '${clash}'`);

  const [facts, sourceDate] = await Promise.all([
    sourceFacts(cwd, ctx),
    resolveSourceDate({ ctx, checkout: cwd, otherwise: 'wall clock' }),
  ]);
  return {
    plans,
    sourceDate,
    options: {
      base,
      expectedBaseSha256: baseSha ?? provenance?.output.sha256,
      baseDistro: provenance?.distro.name ?? target,
      arch,
      boot: bootMode,
      kernel,
      initrd,
      append,
      outputDir,
      flatten,
      compression,
      timeoutMs: timeoutS * 1000,
      memoryMiB,
      cpus,
      accel,
      network,
      backingRoots,
      tailscaleRepository,
      parallel,
      source: {
        gitSha: facts.sha,
        buildDate: new Date(sourceDate.epoch * 1000).toISOString(),
      },
    },
  };
}
