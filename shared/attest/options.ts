/**
 * attest's inputs, validated all at once before any file is read or hashed:
 * each problem is an InputError naming the input and what it accepts. The
 * private key is parsed here, so a bad key fails before the (long) hashing.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.ts';
import { parseBoolean, parseEnum, parseLines, requireReadablePath } from '../inputs.ts';
import { decideSigning, type SignOverride, type SigningDecision } from './trigger-policy.ts';
import { parseSigningKey, parseTrustedKey, type SigningKey, type TrustedKey } from './signing-key.ts';
import type { RunContext } from './context.ts';
import { defaultBuilderId } from './context.ts';

export interface RawAttestInputs {
  command: string;
  'output-dir': string;
  variants: string;
  bundle: string;
  sign: string;
  'default-branch': string;
  'private-key': string;
  'private-key-passphrase': string;
  'require-boot': string;
  'snapshot-version': string;
  'builder-id': string;
  'public-key': string;
  attestations: string;
  artifacts: string;
  'max-risk-score': string;
}

export interface AttestOptions {
  command: 'attest';
  trees: string[];
  /** Where the combined statement goes: the single tree, or the trees' common parent. */
  releaseRoot: string;
  variants: string[] | null;
  bundle: string | null;
  decision: SigningDecision;
  /** Set exactly when decision.sign. */
  key: SigningKey | null;
  requireBoot: boolean;
  snapshotVersion: string | null;
  builderId: string;
}

export interface VerifyOptions {
  command: 'verify';
  root: string;
  attestations: string[];
  artifacts: string[] | null;
  trustedKey: TrustedKey;
  builderId: string | null;
  maxRiskScore: number | null;
  requireBoot: boolean;
}

const VARIANT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function commonParent(paths: string[]): string {
  const parts = paths.map((p) => resolve(p).split(sep));
  const first = parts[0]!;
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

export function parseMaxRiskScore(raw: string): number | null {
  const v = raw.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v) || Number(v) > 100)
    throw new InputError('max-risk-score', `'${raw}' is not a score`, 'an integer from 0 to 100, or empty');
  return Number(v);
}

/** A PEM given inline, or the path of a file holding it. */
async function pemOrFile(input: string, raw: string): Promise<string> {
  const v = raw.trim();
  if (v.startsWith('-----BEGIN')) return raw;
  await requireReadablePath(input, v, 'file');
  return readFile(v, 'utf8');
}

export async function parseAttestInputs(
  raw: RawAttestInputs,
  ctx: RunContext,
  cwd = process.cwd(),
): Promise<AttestOptions | VerifyOptions> {
  const command = parseEnum('command', raw.command, ['attest', 'verify'] as const, 'attest');
  const dirs = parseLines(raw['output-dir']);
  const trees = (dirs.length ? dirs : ['output']).map((d) => resolve(cwd, d));
  if (new Set(trees).size !== trees.length) throw new InputError('output-dir', 'names a directory twice');
  for (const t of trees) await requireReadablePath('output-dir', t, 'directory');
  const requireBoot = parseBoolean('require-boot', raw['require-boot'], command === 'attest');

  if (command === 'verify') {
    if (trees.length > 1)
      throw new InputError(
        'output-dir',
        'verify takes one root directory',
        "the tree (or the trees' common parent) the subjects are named under",
      );
    if (!raw['public-key'].trim())
      throw new InputError(
        'public-key',
        'is required to verify',
        "the signer's ECDSA P-256 public key in PEM, or the path of a .pem file",
      );
    const artifacts = parseLines(raw.artifacts).map((a) => resolve(cwd, a));
    return {
      command,
      root: trees[0]!,
      attestations: parseLines(raw.attestations).map((a) => resolve(cwd, a)),
      artifacts: artifacts.length ? artifacts : null,
      trustedKey: parseTrustedKey(await pemOrFile('public-key', raw['public-key'])),
      builderId: raw['builder-id'].trim() || null,
      maxRiskScore: parseMaxRiskScore(raw['max-risk-score']),
      requireBoot,
    };
  }

  const variantList = parseLines(raw.variants);
  for (const v of variantList)
    if (!VARIANT_NAME.test(v))
      throw new InputError('variants', `'${v}' is not a variant name`, 'lower-case letters, digits and -');
  const bundle = raw.bundle.trim() ? resolve(cwd, raw.bundle.trim()) : null;
  if (bundle) {
    await requireReadablePath('bundle', bundle, 'file');
    if (!trees.some((t) => !relative(t, bundle).startsWith('..')))
      throw new InputError('bundle', `'${bundle}' is outside the output tree`, 'a file inside output-dir');
  }
  const override = parseEnum<SignOverride>('sign', raw.sign, ['auto', 'always', 'never'], 'auto');
  const branch = raw['default-branch'].trim() || 'main';
  const decision = decideSigning({ eventName: ctx.eventName, ref: ctx.ref, defaultBranch: branch }, override);
  let key: SigningKey | null = null;
  if (decision.sign) {
    if (!raw['private-key'].trim())
      throw new InputError(
        'private-key',
        `is required to sign (${decision.reason}); keyless signing through GitHub OIDC is not available in this version`,
        "an ECDSA P-256 private key in PEM from a secret, or sign: 'never'",
      );
    key = parseSigningKey(raw['private-key'], raw['private-key-passphrase'] || undefined);
  }
  const builderId = raw['builder-id'].trim() || defaultBuilderId(ctx);
  if (!builderId)
    throw new InputError(
      'builder-id',
      'is required outside GitHub Actions (GITHUB_WORKFLOW_REF is not set)',
      'a URI naming the build platform and workflow',
    );
  if (
    parseLines(raw['public-key']).length ||
    parseLines(raw.attestations).length ||
    parseLines(raw.artifacts).length ||
    raw['max-risk-score'].trim()
  )
    throw new InputError(
      'command',
      'public-key, attestations, artifacts and max-risk-score are inputs of command: verify',
      'command: verify, or remove them',
    );
  return {
    command,
    trees,
    releaseRoot: trees.length === 1 ? trees[0]! : commonParent(trees),
    variants: variantList.length ? variantList : null,
    bundle,
    decision,
    key,
    requireBoot,
    snapshotVersion: raw['snapshot-version'].trim() || null,
    builderId,
  };
}
