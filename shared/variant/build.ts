/**
 * build-variant's core: for each variant, a qcow2 overlay on the base
 * (backing path relative, format pinned), provisioned by booting it once
 * with a NoCloud seed that carries the provisioning script; then a private
 * key scan, an optional flattened image and the provenance. The overlay
 * appears under its final name only when all of that succeeded.
 */
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempPathFor, writeJsonAtomic } from '../atomic.ts';
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';
import { DigestMemo } from '../digest-memo.ts';
import { sha256, sha256File } from '../hash.ts';
import { convertImage, imageInfo, type Compression } from '../image/qcow2.ts';
import { boot } from '../vm/launch.ts';
import { createSeed, newNonce } from '../vm/nocloud.ts';
import type { AccelChoice, Arch, BootMode } from '../vm/types.ts';
import { DEFAULT_FAIL_ON } from '../vm/verify-inputs.ts';
import { allSettledInOrder, mapBounded } from '../concurrency.ts';
import { EMPTY_ALLOW_LIST } from '../secrets/allow-list.ts';
import { withKnownPublicKeys } from '../secrets/known-public.ts';
import type { SecretFinding } from '../secrets/scan-file.ts';
import { scanImageForSecrets, type ImageScanResult } from '../secrets/scan-image.ts';
import type { VariantPlan } from './plan.ts';
import {
  doneMarker,
  errorMarker,
  failedStepOutput,
  parsePackageLines,
  POWER_DOWN,
  USER_DATA_FAILED,
} from './provision-console.ts';
import { provisionTag, renderProvisionScript } from './provision-script.ts';
import { VariantProvenanceSchema, type VariantProvenance } from './provenance.ts';
import { packageManager, serviceCheck, shQuote } from './targets.ts';

export interface VariantBuildOptions {
  /** The base image (absolute path). */
  base: string;
  /** The sha256 the base must have (pinned input or the base's own provenance). */
  expectedBaseSha256?: string;
  /** The base's check before the boot (checkBase), shared by the variants of one run; made here when absent. */
  baseChecked?: Promise<string>;
  /**
   * The run's digest of the base (shared/digest-memo.ts): each variant's check after its boot reads the
   * base again only if it changed since (its identity, size or times); made here when absent.
   */
  baseDigests?: DigestMemo;
  baseDistro: string;
  arch: Arch;
  boot: BootMode;
  kernel?: string;
  initrd?: string;
  append?: string;
  /** The output tree: variants/<v>/ and meta/ are written under it. */
  outputDir: string;
  flatten: boolean;
  compression: Compression;
  timeoutMs: number;
  memoryMiB: number;
  cpus: number;
  accel: AccelChoice;
  network: boolean;
  /** Directories the base's backing chain may use (the workspace and the base's own directory). */
  backingRoots?: string[];
  /** Base URL of Tailscale's apt repository, for the built-in tailscale variants on Debian. */
  tailscaleRepository: string;
  parallel: number;
  /**
   * Whether the base's secret scan runs beside the provisioning boot (default) or after it. buildVariants
   * decides: beside only while a core is left over from the boots at once.
   */
  scanBaseBesideBoot?: boolean;
  source: { gitSha: string | null; buildDate: string };
  workDir?: string;
  signal?: AbortSignal;
  onLaunch?: (pid: number) => void;
  log?: (message: string) => void;
}

export interface VariantResult {
  variant: string;
  overlay: string;
  overlaySha256: string;
  overlayActualSize: number;
  baseActualSize: number;
  image?: string;
  imageSha256?: string;
  provenance: string;
  consoleLog: string;
  provisionSeconds: number;
  /** Checks for boot-verify (its `checks` input format) that confirm the variant in a later boot. */
  checks: string[];
  installedPackages: number;
}

/** Provisioning failed in the guest: the message quotes the console line that decided it. */
export class ProvisioningError extends Error {
  readonly variant: string;
  readonly consoleLine: string | undefined;
  readonly consoleLog: string;
  constructor(
    variant: string,
    reason: string,
    consoleLine: string | undefined,
    consoleLog: string,
    stepOutput: readonly string[] = [],
  ) {
    super(
      `provisioning variant ${variant} failed: ${reason}` +
        (consoleLine !== undefined ? `\nconsole: ${consoleLine}` : '') +
        (stepOutput.length
          ? `\nthe step's last output:\n${stepOutput.map((l) => `  ${l}`).join('\n')}`
          : '') +
        `\n(console log: ${consoleLog})`,
    );
    this.name = 'ProvisioningError';
    this.variant = variant;
    this.consoleLine = consoleLine;
    this.consoleLog = consoleLog;
  }
}

/** The provisioning failures among what buildVariants threw (one error, or several in an AggregateError). */
export function provisioningFailures(e: unknown): ProvisioningError[] {
  const all = e instanceof AggregateError ? (e.errors as unknown[]) : [e];
  return all.filter((x): x is ProvisioningError => x instanceof ProvisioningError);
}

export function overlayPath(outputDir: string, variant: string): string {
  return join(outputDir, 'variants', variant, `overlay-${variant}.qcow2`);
}

export function flattenedPath(outputDir: string, variant: string, distro: string): string {
  return join(outputDir, 'variants', variant, `${distro}-${variant}.qcow2`);
}

export function provenancePath(outputDir: string, variant: string): string {
  return join(outputDir, 'meta', `variant-${variant}-provenance.json`);
}

export function consoleLogPath(outputDir: string, variant: string): string {
  return join(outputDir, 'meta', `variant-${variant}-provision.console.log`);
}

/** Checks that confirm the variant in a later boot: files (mode, owner), services, the variant's own checks. */
export function variantChecks(plan: VariantPlan): string[] {
  const checks = [`grep -qx ${shQuote(plan.name)} /etc/infrasim/variant`];
  for (const f of plan.files) {
    const mode = f.mode.toString(8);
    // Owners are compared as written: by id when given as ids, by name otherwise.
    const format = /^\d/.test(f.owner) ? '%a %u:%g' : '%a %U:%G';
    const owner = f.owner.includes(':') ? f.owner : `${f.owner}:${f.owner}`;
    checks.push(`test "$(stat -c '${format}' ${shQuote(f.path)})" = ${shQuote(`${mode} ${owner}`)}`);
  }
  for (const s of plan.services) checks.push(serviceCheck(plan.target, s));
  return [...checks, ...plan.checks];
}

/** Refuses a base that is not the expected one, naming both hashes. */
export async function checkBase(
  base: string,
  expected: string | undefined,
  digests: DigestMemo = new DigestMemo(),
): Promise<string> {
  const actual = (await digests.digest(base, { input: 'base' })).sha256;
  if (expected && actual !== expected) {
    throw new DataError(
      `the base ${base} has sha256 ${actual}, expected ${expected}: the base changed since it was built or pinned; ` +
        'an overlay is only valid on the exact base it is made on',
    );
  }
  return actual;
}

/** qemu-img create with the backing file written RELATIVE to the overlay's directory and its format pinned. */
export async function createRelativeOverlay(
  base: string,
  target: string,
  signal?: AbortSignal,
): Promise<string> {
  const backing = relative(dirname(target), base);
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', backing, '-F', 'qcow2', basename(target)], {
    cwd: dirname(target),
    signal,
  });
  return backing;
}

/**
 * `mkdir -p dir`, and the directories it made, deepest first (none when `dir` existed): what a failed
 * build may remove again (removeIfEmpty) without touching a directory that was there before it.
 */
async function makeDirectories(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  const made: string[] = [];
  if (first === undefined) return made;
  for (let d = resolve(dir); ; d = dirname(d)) {
    made.push(d);
    if (d === resolve(first) || d === dirname(d)) return made;
  }
}

/** Removes each directory, deepest first, that is empty; leaves the others. */
async function removeIfEmpty(dirs: readonly string[]): Promise<void> {
  for (const d of dirs) await rmdir(d).catch(() => {});
}

async function flatten(overlay: string, target: string, compression: Compression): Promise<void> {
  await convertImage(overlay, 'qcow2', target, compression);
}

/** Keys distribution packages publish on purpose (shared/secrets/known-public.ts); reported as allowed. */
const SECRET_ALLOW_LIST = withKnownPublicKeys(EMPTY_ALLOW_LIST);

/** One scan per base per process: several variants on one base share it (and its file manifest). */
const baseScans = new Map<string, Promise<ImageScanResult>>();

function baseSecretScan(
  base: string,
  baseSha256: string,
  workDir: string,
  signal?: AbortSignal,
): Promise<ImageScanResult> {
  let scan = baseScans.get(baseSha256);
  if (!scan) {
    scan = scanImageForSecrets(base, workDir, { allowList: SECRET_ALLOW_LIST, signal });
    baseScans.set(baseSha256, scan);
    scan.catch(() => baseScans.delete(baseSha256));
  }
  return scan;
}

function describeFindings(findings: SecretFinding[]): string {
  return findings
    .map((f) => `${f.path} line ${f.line} (${f.kind}, fingerprint sha256:${f.fingerprint})`)
    .join(', ');
}

export async function buildVariant(plan: VariantPlan, o: VariantBuildOptions): Promise<VariantResult> {
  const log = o.log ?? (() => {});
  const baseDigests = o.baseDigests ?? new DigestMemo();
  const baseChecked = o.baseChecked ?? checkBase(o.base, o.expectedBaseSha256, baseDigests);
  // The overlay made beside the check reads the base: a refused base stops it (a base that is no longer
  // a regular file, a FIFO say, would keep qemu-img waiting for ever).
  const refused = new AbortController();
  baseChecked.catch(() => refused.abort());
  const overlay = overlayPath(o.outputDir, plan.name);
  const provenanceFile = provenancePath(o.outputDir, plan.name);
  const consoleLog = resolve(consoleLogPath(o.outputDir, plan.name));
  const image = o.flatten ? flattenedPath(o.outputDir, plan.name, o.baseDistro) : undefined;
  // A refused base is the error reported, whatever else failed while it was being checked.
  const afterBaseCheck = async (e: unknown): Promise<never> => {
    await baseChecked;
    throw e;
  };
  const madeDirectories = await makeDirectories(dirname(overlay)).catch(afterBaseCheck);

  // The overlay is provisioned under a temporary name in its final directory,
  // so its relative backing path is already right and the rename is atomic.
  const tmpOverlay = tempPathFor(overlay);
  const work = await mkdtemp(join(o.workDir ?? tmpdir(), `infrasim-variant-${plan.name}-`)).catch(
    async (e: unknown) => {
      await removeIfEmpty(madeDirectories);
      return afterBaseCheck(e);
    },
  );
  const written: string[] = [];
  let baseScan: Promise<ImageScanResult> | undefined;
  try {
    const nonce = newNonce();
    const userData = renderProvisionScript(plan, nonce, {
      network: o.network,
      environment: { INFRASIM_TAILSCALE_REPOSITORY: o.tailscaleRepository },
    });
    const seed = join(work, 'seed.img');
    // The overlay and its seed are made while the base is hashed (qemu-img and mkfs.vfat in their own
    // processes); nothing boots until the base is the expected one. Every part settles before an error
    // is thrown (a refused base first), so the cleanup below finds nothing still being written.
    const [baseSha256, backing] = await allSettledInOrder([
      baseChecked,
      createRelativeOverlay(
        o.base,
        tmpOverlay,
        o.signal ? AbortSignal.any([o.signal, refused.signal]) : refused.signal,
      ),
      // No hostname: cloud-init would write the provisioning boot's name into the overlay's /etc/hostname.
      createSeed(seed, userData, `infrasim-variant-${plan.name}-${nonce}`, null),
    ]);
    // The base's scan needs nothing the boot makes: with a core to spare it runs beside the boot. When the
    // boots take every core it starts once this boot is done (the first variant done starts it, the others
    // share it): two TCG boots on two cores with the scan beside them ran 0.5–0.8 s longer, more than the
    // scan itself takes.
    const startBaseScan = () => baseSecretScan(o.base, baseSha256, o.workDir ?? tmpdir(), o.signal);
    if (o.scanBaseBesideBoot ?? true) baseScan = startBaseScan();
    await mkdir(dirname(provenanceFile), { recursive: true }); // the console log goes there during the boot

    const tag = provisionTag(nonce);
    const tagged: string[] = [];
    log(
      `${plan.name}: provisioning (${plan.target}, ${plan.packages.length} packages, ${plan.files.length} files, ${plan.services.length} services, ${plan.commands.length} commands)`,
    );
    const started = performance.now();
    const result = await boot({
      image: tmpOverlay,
      writable: true,
      ...(o.backingRoots ? { backingRoots: o.backingRoots } : {}),
      arch: o.arch,
      boot: o.boot,
      kernel: o.kernel,
      initrd: o.initrd,
      append: o.append,
      // Done only when the script said so AND the kernel powered off: the disk is written.
      expect: POWER_DOWN,
      alsoExpect: [doneMarker(nonce)],
      failOn: [errorMarker(nonce), USER_DATA_FAILED, ...DEFAULT_FAIL_ON.map((p) => new RegExp(p))],
      timeoutMs: o.timeoutMs,
      memoryMiB: o.memoryMiB,
      cpus: o.cpus,
      accel: o.accel,
      extraDrives: [{ path: seed, format: 'raw', readonly: true }],
      network: o.network,
      consoleLog,
      signal: o.signal,
      workDir: work,
      onLaunch: o.onLaunch,
      onLine: (line) => {
        if (line.includes(tag)) tagged.push(line);
      },
    });
    const provisionSeconds = (performance.now() - started) / 1000;
    if (result.verdict !== 'success') {
      throw new ProvisioningError(
        plan.name,
        result.reason,
        result.matchedLine ?? result.tail.at(-1),
        consoleLog,
        failedStepOutput(tagged, nonce),
      );
    }
    log(`${plan.name}: provisioned in ${provisionSeconds.toFixed(1)} s (${result.accel})`);

    const readback = parsePackageLines(tagged, nonce);
    if (readback.announced !== null && readback.announced !== readback.packages.length) {
      throw new ProvisioningError(
        plan.name,
        `the guest listed ${readback.announced} installed packages but ${readback.packages.length} arrived intact on the console`,
        undefined,
        consoleLog,
      );
    }
    const missing = plan.packages
      .map((p) => p.replace(/[=<>~].*$/, ''))
      .filter((p) => !readback.packages.some((i) => i.name === p));
    if (packageManager(plan.target) !== 'none' && missing.length > 0) {
      throw new ProvisioningError(
        plan.name,
        `not installed in the guest: ${missing.join(', ')}`,
        undefined,
        consoleLog,
      );
    }

    // The base is the overlay's backing file: it must still be the bytes we started from (read again only
    // if the file changed since it was hashed: a rewrite, even in place, moves its status-change time).
    await checkBase(o.base, baseSha256, baseDigests);
    // The variant answers for what it adds; what the base carries is reported, not blamed on the variant.
    // The secret scan (shared/secrets): every file the overlay adds or changes over the base, whole. The
    // overlay's files are extracted while the base's scan (shared by the variants) may still be running;
    // they are compared with the base's manifest once it is done.
    const baseScanned = (baseScan ??= startBaseScan());
    const baseManifest = baseScanned.then((b) => b.manifest);
    baseManifest.catch(() => {}); // the base scan's own failure is the one reported, below
    const [{ findings: baseFindings }, scan] = await allSettledInOrder([
      baseScanned,
      scanImageForSecrets(tmpOverlay, work, {
        base: baseManifest,
        allowList: SECRET_ALLOW_LIST,
        signal: o.signal,
      }),
    ]);
    if (baseFindings.length > 0) {
      log(`warning: the base itself carries secrets: ${describeFindings(baseFindings)}`);
    }
    for (const f of scan.allowed) log(`secret allowed: ${describeFindings([f])}: ${f.reason}`);
    if (scan.findings.length > 0) {
      throw new DataError(
        `variant ${plan.name}: secrets in the provisioned image: ${describeFindings(scan.findings)}. ` +
          'A golden image must not carry a private key or credential: generate keys on the instance at first boot.',
      );
    }

    await rename(tmpOverlay, overlay);
    written.push(overlay);
    const [overlaySha256, overlayInfo, baseInfo] = await Promise.all([
      sha256File(overlay),
      imageInfo(overlay),
      imageInfo(o.base),
    ]);

    let imageFacts: VariantProvenance['image'] = null;
    if (image) {
      const tmpImage = tempPathFor(image);
      try {
        await flatten(overlay, tmpImage, o.compression);
        await rename(tmpImage, image);
      } finally {
        await rm(tmpImage, { force: true });
      }
      written.push(image);
      imageFacts = {
        path: relative(o.outputDir, image),
        sha256: await sha256File(image),
        actual_size: (await imageInfo(image)).actualSize,
      };
    }

    const checks = variantChecks(plan);
    const provenance: VariantProvenance = VariantProvenanceSchema.parse({
      format_version: '1.0',
      build_type: `${o.baseDistro}-variant`,
      variant: plan.name,
      description: plan.description,
      base_image: {
        path: relative(o.outputDir, o.base),
        sha256: baseSha256,
        distro: o.baseDistro,
        arch: o.arch,
      },
      source: { git_sha: o.source.gitSha, build_date: o.source.buildDate },
      packages: plan.packages,
      services: plan.services,
      definition: { origin: plan.origin, sha256: plan.definitionSha256, target: plan.target },
      files: plan.files.map((f) => ({
        path: f.path,
        mode: f.mode.toString(8).padStart(4, '0'),
        owner: f.owner,
        sha256: sha256(f.content),
      })),
      commands: plan.commands,
      checks,
      overlay: {
        path: relative(o.outputDir, overlay),
        sha256: overlaySha256,
        backing_file: backing,
        backing_format: 'qcow2',
        virtual_size: overlayInfo.virtualSize,
        actual_size: overlayInfo.actualSize,
      },
      image: imageFacts,
      user_data: { sha256: sha256(userData) },
      installed_packages: {
        manager: packageManager(plan.target),
        count: readback.packages.length,
        packages: readback.packages,
      },
      provisioning: {
        console_log: relative(o.outputDir, consoleLog),
        seconds: Math.round(provisionSeconds * 10) / 10,
        accel: result.accel,
        qemu_version: result.qemuVersion,
        matched_line: result.matchedLine ?? null,
        private_key_scan: { files_flagged: 0 },
      },
    });
    await writeJsonAtomic(provenanceFile, provenance);
    return {
      variant: plan.name,
      overlay,
      overlaySha256,
      overlayActualSize: overlayInfo.actualSize,
      baseActualSize: baseInfo.actualSize,
      ...(image && imageFacts ? { image, imageSha256: imageFacts.sha256 } : {}),
      provenance: provenanceFile,
      consoleLog,
      provisionSeconds,
      checks,
      installedPackages: readback.packages.length,
    };
  } catch (e) {
    // Nothing half-made stays behind: no overlay, image or provenance of a failed variant.
    // A previous build's overlay and provenance stay untouched unless this build
    // already replaced the overlay, which would leave that provenance stale.
    for (const f of written) await rm(f, { force: true });
    if (written.length > 0) await rm(provenanceFile, { force: true });
    await rm(tmpOverlay, { force: true });
    // The directories this build made go too when it left them empty.
    await removeIfEmpty(madeDirectories);
    throw e;
  } finally {
    // A failed boot leaves the base's scan running: it ends (and removes its copy) before this returns.
    await baseScan?.catch(() => {});
    await rm(tmpOverlay, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

export interface VariantsRun {
  results: VariantResult[];
}

/**
 * Several variants from one base with bounded parallelism. Every variant is
 * attempted; the first failure is rethrown after the others finished, so no
 * QEMU is left running and every failed variant left nothing behind.
 */
export async function buildVariants(plans: VariantPlan[], o: VariantBuildOptions): Promise<VariantResult[]> {
  const errors: Error[] = [];
  // Each provisioning boot keeps a core busy (all of one under TCG): the base's scan goes beside them
  // only while one is left over.
  const scanBaseBesideBoot = Math.min(o.parallel, plans.length) < availableParallelism();
  // The base is hashed once before the boots, not once per variant (each checks it again after its boot).
  const baseDigests = o.baseDigests ?? new DigestMemo();
  const baseChecked = o.baseChecked ?? checkBase(o.base, o.expectedBaseSha256, baseDigests);
  baseChecked.catch(() => {}); // each variant reports a refused base as its own error
  const results = await mapBounded(plans, o.parallel, async (plan) => {
    try {
      return await buildVariant(plan, { scanBaseBesideBoot, ...o, baseChecked, baseDigests });
    } catch (e) {
      errors.push(e as Error);
      return undefined;
    }
  });
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) {
    // Each variant's own error stays reachable (its ProvisioningError names its console log).
    const err = new AggregateError(errors, errors.map((e) => e.message).join('\n\n'));
    err.name = errors[0]!.name;
    throw err;
  }
  return results.filter((r): r is VariantResult => r !== undefined);
}
