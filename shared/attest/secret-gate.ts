/**
 * attest's secret gate (seed 003: "if a secret is found, the pipeline fails"):
 * before anything is signed or written, every file of every image of the run
 * is scanned — the base whole, each overlay and flattened image for what it
 * adds or changes over that base — plus the exported kernel/initrd and the
 * snapshot bundle's entries. A finding not on the allow-list fails the step
 * naming the artifact, the file, the line and the kind; the secret itself is
 * never printed (its sha256 is, to allow it on purpose by fingerprint).
 */
import { createReadStream } from 'node:fs';
import { relative, sep } from 'node:path';
import { allSettledInOrder, mapBounded } from '../concurrency.ts';
import { DataError } from '../errors.ts';
import { applyAllowList, type SecretAllowList } from '../secrets/allow-list.ts';
import { withKnownPublicKeys } from '../secrets/known-public.ts';
import { scanTarGzForSecrets } from '../secrets/scan-archive.ts';
import { scanStreamForSecrets, type SecretFinding } from '../secrets/scan-file.ts';
import { scanImageForSecrets } from '../secrets/scan-image.ts';
import type { TreeManifest } from '../secrets/scan-tree.ts';
import { IMAGES_READ_AT_ONCE, type Artifact } from './artifacts.ts';

export interface GateFinding extends SecretFinding {
  /** The artifact holding the file, relative to the release root. */
  artifact: string;
}

export interface SecretGateResult {
  findings: GateFinding[];
  allowed: (GateFinding & { reason: string })[];
  scanned: { artifact: string; files: number; bytes: number; unchanged: number }[];
}

/** The gate's refusal: each finding by artifact, file, line and kind, with its fingerprint. */
export class SecretGateFailure extends DataError {
  readonly result: SecretGateResult;
  constructor(result: SecretGateResult) {
    super(
      `secret gate: ${result.findings.length} secret(s) in the artifacts; nothing was signed or written:\n` +
        result.findings.map((f) => `  ${describeGateFinding(f)}`).join('\n') +
        '\nRemove them from the image (generate keys and credentials on the instance), or allow one on purpose ' +
        'with the secret-allow-list input (its fingerprint or path, and a reason).',
    );
    this.name = 'SecretGateFailure';
    this.result = result;
  }
}

export function describeGateFinding(f: GateFinding): string {
  return `${f.artifact}: ${f.path} line ${f.line}: ${f.kind} (fingerprint sha256:${f.fingerprint})`;
}

/** What the gate reads of an artifact: found, not yet hashed (the gate runs while attest hashes). */
export type GateArtifact = Pick<Artifact, 'kind' | 'path' | 'rel'>;

export interface SecretGateInput {
  trees: { tree: string; artifacts: GateArtifact[] }[];
  releaseRoot: string;
  allowList: SecretAllowList;
  workDir: string;
  log?: (message: string) => void;
  signal?: AbortSignal;
  /** Called with each image's extracted root filesystem before it is removed (see scanImageForSecrets). */
  onImageRootTree?: (image: GateArtifact, tree: string, digests: TreeManifest) => Promise<void>;
}

async function scanPlainFile(path: string, name: string) {
  return scanStreamForSecrets(name, createReadStream(path, { highWaterMark: 1024 * 1024 }));
}

/** Scans every artifact; returns the findings and the allowed ones (the caller fails on findings). */
export async function scanArtifactsForSecrets(input: SecretGateInput): Promise<SecretGateResult> {
  const allowList = withKnownPublicKeys(input.allowList);
  const result: SecretGateResult = { findings: [], allowed: [], scanned: [] };
  const label = (a: GateArtifact) => relative(input.releaseRoot, a.path).split(sep).join('/');
  const add = (artifact: string, findings: SecretFinding[], files: number, bytes: number, unchanged = 0) => {
    const split = applyAllowList(
      findings.map((f) => ({ ...f, artifact })),
      allowList,
    );
    result.findings.push(...split.findings);
    result.allowed.push(...split.allowed);
    result.scanned.push({ artifact, files, bytes, unchanged });
    input.log?.(
      `secret scan: ${artifact}: ${files} file(s), ${bytes} bytes scanned${unchanged ? `, ${unchanged} unchanged from the base` : ''}; ` +
        `${split.findings.length} finding(s), ${split.allowed.length} allowed`,
    );
  };
  for (const { artifacts } of input.trees) {
    // The base first, and the other images beside it: each image in its own processes (qemu-img, e2fsck,
    // debugfs), two at once. An overlay or flattened image is extracted while the base is scanned and
    // then scanned for what it changes over the base: it waits for the base's manifest only then.
    // The plain files (kernel, initrd, bundle) are read by this process, one after another, beside the
    // images: they take no image's turn.
    const base = artifacts.find((a) => a.kind === 'base-image');
    const ordered = base ? [base, ...artifacts.filter((a) => a !== base)] : artifacts;
    let baseManifest: Promise<TreeManifest> | undefined;
    const [imageScans, fileScans] = await allSettledInOrder([
      mapBounded(ordered.filter(isImage), IMAGES_READ_AT_ONCE, (a) => {
        if (a !== base) return scanArtifact(a, baseManifest, input);
        const scan = scanArtifact(a, undefined, input);
        baseManifest = scan.then((r) => r.manifest!);
        // Its failure is the base's scan's to report; an overlay that failed first never awaits it.
        baseManifest.catch(() => {});
        return scan;
      }),
      mapBounded(
        ordered.filter((a) => !isImage(a)),
        1,
        (a) => scanArtifact(a, undefined, input),
      ),
    ]);
    // Reported in one order whichever finished first: the base, then the artifacts as found.
    const scans = new Map([...imageScans, ...fileScans].map((r) => [r.artifact, r]));
    for (const a of ordered) {
      const r = scans.get(a)!;
      add(label(a), r.findings, r.files, r.bytes, r.unchanged);
    }
  }
  return result;
}

const isImage = (a: GateArtifact) =>
  a.kind === 'base-image' || a.kind === 'overlay' || a.kind === 'variant-image';

interface ArtifactScan {
  artifact: GateArtifact;
  findings: SecretFinding[];
  files: number;
  bytes: number;
  unchanged: number;
  /** An image's files with their digests (the base's is what its overlays are compared with). */
  manifest?: TreeManifest;
}

async function scanArtifact(
  a: GateArtifact,
  baseManifest: Promise<TreeManifest> | undefined,
  input: SecretGateInput,
): Promise<ArtifactScan> {
  input.signal?.throwIfAborted();
  if (isImage(a)) {
    const r = await scanImageForSecrets(a.path, input.workDir, {
      base: a.kind === 'base-image' ? undefined : baseManifest,
      signal: input.signal,
      onRootTree: input.onImageRootTree && ((tree, digests) => input.onImageRootTree!(a, tree, digests)),
    });
    return { artifact: a, ...r };
  }
  if (a.kind === 'bundle') return { artifact: a, unchanged: 0, ...(await scanTarGzForSecrets(a.path)) };
  const r = await scanPlainFile(a.path, a.rel.split('/').pop()!);
  return { artifact: a, findings: r.findings, files: 1, bytes: r.bytes, unchanged: 0 };
}

/** The gate: scans, and throws SecretGateFailure when any finding is not allowed. */
export async function runSecretGate(input: SecretGateInput): Promise<SecretGateResult> {
  const result = await scanArtifactsForSecrets(input);
  if (result.findings.length > 0) throw new SecretGateFailure(result);
  return result;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The job summary's section: findings and allowed findings by file and kind (fingerprints, never secrets). */
export function renderSecretGateSummary(r: SecretGateResult): string {
  const files = r.scanned.reduce((n, s) => n + s.files, 0);
  const bytes = r.scanned.reduce((n, s) => n + s.bytes, 0);
  const lines = ['### Secret gate', ''];
  lines.push(
    r.findings.length
      ? `**Failed**: ${r.findings.length} secret(s) found; nothing was signed or written.`
      : `**Passed**: ${files} file(s), ${(bytes / 1048576).toFixed(1)} MiB scanned in ${r.scanned.length} artifact(s); no secret outside the allow-list.`,
  );
  const rows = [
    ...r.findings.map((f) => ({ ...f, status: 'finding', reason: '' })),
    ...r.allowed.map((f) => ({ ...f, status: 'allowed' })),
  ];
  if (rows.length) {
    lines.push(
      '',
      '| status | artifact | file | line | kind | fingerprint (sha256) | reason |',
      '|---|---|---|---|---|---|---|',
    );
    for (const f of rows)
      lines.push(
        `| ${f.status} | ${cell(f.artifact)} | ${cell(f.path)} | ${f.line} | ${f.kind} | \`${f.fingerprint}\` | ${cell(f.reason)} |`,
      );
  }
  return lines.join('\n') + '\n';
}
