/**
 * attest, end to end: read every upstream document and hash every artifact
 * (once), build each image's provenance and the statements, sign them when
 * the trigger policy says so, and only then write everything together. A
 * failure anywhere before the last step writes nothing, so there is never a
 * signature over a partial set of artifacts.
 */
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { DataError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { writeFilesTogether } from '../deps/write-set.ts';
import {
  hashArtifacts,
  locateArtifacts,
  locateInputArtifact,
  type Artifact,
  type LocatedArtifact,
} from './artifacts.ts';
import type { RunContext } from './context.ts';
import { DigestMemo } from '../digest-memo.ts';
import { buildImageProvenance, imageProvenanceRel, type ImageProvenance } from './image-provenance.ts';
import type { TreeSbom } from './image-sboms.ts';
import { SoftwareFromGate } from './software-from-gate.ts';
import type { AttestOptions } from './options.ts';
import { runSecretGate, type SecretGateResult } from './secret-gate.ts';
import { secretScanResultFor } from './secret-scan-result.ts';
import type { VulnerabilityDoc, VulnerabilityRun } from './vulnerability-run.ts';
import { keySigner, type PublishedAttestation, type StatementSigner } from './sign.ts';
import type { KeylessToolkit } from './keyless.ts';
import {
  buildProvenanceStatement,
  serializeStatement,
  type ProvenanceStatement,
  type TreeInput,
} from './statement.ts';
import { readUpstream, type UpstreamDocuments } from './upstream.ts';

export const ATTESTATIONS_DIR = 'meta/attestations';
/** The statement naming every artifact of the run, every architecture together. */
export const RELEASE_NAME = 'release';

export interface WrittenStatement {
  name: string;
  statement: string;
  bundle: string | null;
  subjects: { name: string; sha256: string }[];
}

export interface AttestResult {
  signed: boolean;
  reason: string;
  keyHint: string | null;
  /** Who signed (key or keyless, which Sigstore instance); null when not signed. */
  signer: string | null;
  /** Keyless: the bundles stored through the repository's attestations API, with their ids. */
  stored: PublishedAttestation[];
  artifacts: (Artifact & { tree: string })[];
  imageProvenance: { path: string; doc: ImageProvenance }[];
  /** The image SBOMs written (meta/sbom/*.cdx.json), bound into the statements as byproducts. */
  sboms: (TreeSbom & { path: string })[];
  release: WrittenStatement;
  perArtifact: WrittenStatement[];
  /** The vulnerability scan and gate; null when the gate is off. */
  vulnerabilities: VulnerabilityRun | null;
  /** Files hashed in this step (each artifact once). */
  hashed: number;
  /** The secret gate's scan (it passed: any finding fails the step before this result exists). */
  secrets: SecretGateResult;
}

interface TreeWork {
  up: UpstreamDocuments;
  artifacts: Artifact[];
  provenance: { rel: string; doc: ImageProvenance; bytes: string; sha256: string }[];
  /** The image SBOMs: filled in once the secret gate has read the images. */
  sboms: TreeSbom[];
  /** meta/vulnerabilities/*.cdx.json, when the vulnerability gate ran (bound like the SBOMs). */
  vulnerabilities?: VulnerabilityDoc[];
  /** meta/secret-scan.json: the secret gate's result for this tree, bound like the SBOMs. */
  secretScan?: { rel: string; bytes: string; sha256: string };
}

/** One tree's documents and the artifacts they name, before any is read. */
interface FoundTree {
  tree: string;
  up: UpstreamDocuments;
  located: LocatedArtifact[];
}

async function findTree(tree: string, o: AttestOptions): Promise<FoundTree> {
  const up = await readUpstream(tree, o.variants);
  const located = locateArtifacts(up);
  if (o.bundle && !relative(tree, o.bundle).startsWith('..'))
    located.push(locateInputArtifact(tree, o.bundle, 'bundle', up.buildProvenance.doc.distro.arch));
  return { tree, up, located };
}

async function prepareTree(
  { up, located }: FoundTree,
  o: AttestOptions,
  ctx: RunContext,
  memo: DigestMemo,
): Promise<TreeWork> {
  const artifacts = await hashArtifacts(located, memo);
  const base = artifacts.find((a) => a.kind === 'base-image')!;
  const images = artifacts.filter((a) => a.kind === 'base-image' || a.kind === 'overlay');
  const provenance = images.map((image) => {
    const flattened =
      image.kind === 'overlay'
        ? (artifacts.find((a) => a.kind === 'variant-image' && a.variant === image.variant) ?? null)
        : null;
    const doc = buildImageProvenance({
      up,
      image,
      flattened,
      baseSha256: image.kind === 'overlay' ? base.sha256 : null,
      ctx,
      snapshotVersion: o.snapshotVersion,
      requireBoot: o.requireBoot,
    });
    const bytes = JSON.stringify(doc, null, 2) + '\n';
    return { rel: imageProvenanceRel(image.variant), doc, bytes, sha256: sha256(bytes) };
  });
  return { up, artifacts, provenance, sboms: [] };
}

function treeInput(w: TreeWork, prefix: string, only?: Artifact): TreeInput {
  // A per-artifact statement binds the image provenance of its own image (the base's for kernel files).
  const provenance = only ? w.provenance.filter((p) => p.doc.image.variant === only.variant) : w.provenance;
  return {
    up: w.up,
    prefix,
    artifacts: only ? [only] : w.artifacts,
    imageProvenance: provenance.map((p) => ({ rel: p.rel, sha256: p.sha256 })),
    sboms: [...w.sboms, ...(w.vulnerabilities ?? [])]
      .filter((b) => !only || ('image' in b ? b.image.variant : b.variant) === only.variant)
      .map((b) => ({ rel: b.rel, sha256: b.sha256 })),
    // The gate's result covers the whole tree, so every statement of the tree binds it.
    reports: w.secretScan ? [{ rel: w.secretScan.rel, sha256: w.secretScan.sha256 }] : [],
  };
}

/** `keyless`: the runner toolkit keyless signing uses (the action passes it; key mode needs none). */
export async function runAttest(
  o: AttestOptions,
  ctx: RunContext,
  keyless?: KeylessToolkit,
): Promise<AttestResult> {
  const memo = new DigestMemo();
  const found: FoundTree[] = [];
  for (const tree of o.trees) found.push(await findTree(tree, o));
  // The secret gate runs before anything is signed or written: a finding throws and the tree stays as it was.
  // It starts as soon as the artifacts are found: its image reads run in child processes (qemu-img, e2fsck,
  // debugfs) while this thread hashes the artifacts. A file that fails its hash check is still refused
  // first: the gate is stopped and its verdict never reported. The image SBOMs' software is read from the
  // gate's extracted trees (each image is read once); a gate failure is reported before any error of those.
  const fromGate = new SoftwareFromGate();
  const stopGate = new AbortController();
  const gate = runSecretGate({
    trees: found.map((f) => ({ tree: f.tree, artifacts: f.located })),
    releaseRoot: o.releaseRoot,
    allowList: o.secretAllowList,
    workDir: process.env.RUNNER_TEMP || tmpdir(),
    onImageRootTree: fromGate.onImageRootTree,
    signal: stopGate.signal,
  });
  // Its failure is reported where it is awaited below; until then it must not count as unhandled.
  gate.catch(() => {});
  // What only runs after the gate (the SBOM writer with the CycloneDX library, the vulnerability gate, keyless
  // signing) loads while the gate's child processes read the images, not before they start.
  const sbomWriter = import('./image-sboms.ts');
  sbomWriter.catch(() => {});
  const work: TreeWork[] = [];
  try {
    for (const f of found) work.push(await prepareTree(f, o, ctx, memo));
  } catch (e) {
    stopGate.abort();
    // Settled before the error is thrown: no read of the gate still holds files in RUNNER_TEMP.
    await gate.catch(() => {});
    throw e;
  }
  const secrets = await gate;
  // One tree at a time, so no more than IMAGES_READ_AT_ONCE images the gate did not read are read at once.
  const { buildTreeSboms } = await sbomWriter;
  for (const w of work) w.sboms = await buildTreeSboms(w.up, w.artifacts, fromGate);
  const gateLabel = (a: Artifact) => relative(o.releaseRoot, a.path).split(sep).join('/');
  for (const w of work) w.secretScan = secretScanResultFor(secrets, w.artifacts, gateLabel);
  // The vulnerability gate decides before anything is signed; a failing gate throws and nothing is written.
  let vulnerabilities: VulnerabilityRun | null = null;
  if (o.vulnerability) {
    const trees = work.map((w, i) => ({ tree: o.trees[i]!, sboms: w.sboms }));
    const { runVulnerabilityGate } = await import('./vulnerability-gate.ts');
    vulnerabilities = await runVulnerabilityGate(o.vulnerability, trees, new Date());
    for (const [i, w] of work.entries()) w.vulnerabilities = vulnerabilities.docs[i];
  }

  const statements: { dir: string; name: string; statement: ProvenanceStatement }[] = [];
  for (const [i, w] of work.entries()) {
    for (const a of w.artifacts) {
      if (a.id === RELEASE_NAME)
        throw new DataError(
          `${a.path}: the artifact name '${RELEASE_NAME}' is reserved for the combined statement`,
        );
      const t = treeInput(w, '', a);
      statements.push({
        dir: join(o.trees[i]!, ATTESTATIONS_DIR),
        name: a.id,
        statement: buildProvenanceStatement({
          trees: [t],
          subjects: [{ tree: t, artifact: a }],
          ctx,
          builderId: o.builderId,
        }),
      });
    }
  }
  const prefixOf = (tree: string) =>
    o.trees.length === 1 ? '' : relative(o.releaseRoot, tree).split(sep).join('/') + '/';
  const releaseTrees = work.map((w, i) => treeInput(w, prefixOf(o.trees[i]!)));
  statements.push({
    dir: join(o.releaseRoot, ATTESTATIONS_DIR),
    name: RELEASE_NAME,
    statement: buildProvenanceStatement({
      trees: releaseTrees,
      subjects: releaseTrees.flatMap((t) => t.artifacts.map((artifact) => ({ tree: t, artifact }))),
      ctx,
      builderId: o.builderId,
    }),
  });

  // Sign everything in memory first: a signing failure leaves the tree as it was.
  if (o.keyless && !keyless)
    throw new Error('keyless signing needs the runner toolkit (runAttest keyless argument)');
  const signer: StatementSigner | null = o.key
    ? keySigner(o.key)
    : o.keyless
      ? (await import('./keyless.ts')).keylessSigner(o.keyless, keyless!)
      : null;
  const files: { path: string; content: string }[] = [];
  const stale: string[] = [];
  const written: WrittenStatement[] = [];
  for (const s of statements) {
    const payload = serializeStatement(s.statement);
    const statementPath = join(s.dir, `${s.name}.intoto.json`);
    const bundlePath = join(s.dir, `${s.name}.sigstore.json`);
    let bundle: SerializedBundle | null = null;
    let signedPayload = payload;
    if (signer) {
      ({ bundle, payload: signedPayload } = await signer.sign(s.name, payload));
      files.push({ path: bundlePath, content: JSON.stringify(bundle, null, 2) + '\n' });
    } else if (await stat(bundlePath).catch(() => null)) stale.push(bundlePath);
    // The statement file holds exactly the bytes the envelope signs.
    files.push({ path: statementPath, content: signedPayload.toString('utf8') });
    written.push({
      name: s.name,
      statement: statementPath,
      bundle: bundle ? bundlePath : null,
      subjects: s.statement.subject.map((x) => ({ name: x.name, sha256: x.digest.sha256 })),
    });
  }
  for (const [i, w] of work.entries())
    for (const p of [
      ...w.provenance,
      ...[...w.sboms, ...(w.vulnerabilities ?? [])].map((b) => ({ rel: b.rel, bytes: b.json })),
      ...(w.secretScan ? [w.secretScan] : []),
    ])
      files.push({ path: join(o.trees[i]!, p.rel), content: p.bytes });

  // Keyless: store the bundles in the repository only once all are signed, before anything is written.
  const stored = signer ? await signer.publish() : [];
  // A bundle of an earlier run beside a new unsigned statement would sign something else: remove it first.
  for (const path of stale) await rm(path, { force: true });
  await writeFilesTogether(files);

  return {
    signed: signer !== null,
    reason: o.decision.reason,
    keyHint: o.key?.hint ?? null,
    signer: signer?.description ?? null,
    stored,
    artifacts: work.flatMap((w, i) => w.artifacts.map((a) => ({ ...a, tree: o.trees[i]! }))),
    imageProvenance: work.flatMap((w, i) =>
      w.provenance.map((p) => ({ path: join(o.trees[i]!, p.rel), doc: p.doc })),
    ),
    sboms: work.flatMap((w, i) => w.sboms.map((b) => ({ ...b, path: join(o.trees[i]!, b.rel) }))),
    release: written[written.length - 1]!,
    perArtifact: written.slice(0, -1),
    vulnerabilities,
    hashed: memo.hashed,
    secrets,
  };
}
