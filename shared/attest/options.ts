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
import { parseSigningKey, parseTrustedKeys, type SigningKey, type TrustedKey } from './signing-key.ts';
import type { RunContext } from './context.ts';
import { defaultBuilderId } from './context.ts';
import type { SecretAllowList } from '../secrets/allow-list.ts';
import { readSecretAllowListInput } from '../secrets/allow-list-input.ts';
import {
  parseKeylessSignInputs,
  parseKeylessVerifyInputs,
  type RawKeylessInputs,
} from './keyless-options.ts';
import type { KeylessOptions } from './keyless.ts';
import type { KeylessPolicy } from './keyless-verify.ts';
import {
  parseVulnerabilityInputs,
  type RawVulnerabilityInputs,
  type VulnerabilityOptions,
} from './vulnerability-options.ts';

export interface RawAttestInputs extends RawKeylessInputs, RawVulnerabilityInputs {
  'secret-allow-list': string;
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
  /** Key mode: set when decision.sign and a private key is given. */
  key: SigningKey | null;
  /** Keyless mode: set when decision.sign and no private key is given. */
  keyless: KeylessOptions | null;
  /** The vulnerability gate; null when off (no vulnerability-data). */
  vulnerability: VulnerabilityOptions | null;
  /** Findings of the secret gate accepted on purpose (shared/attest/secret-gate.ts). */
  secretAllowList: SecretAllowList;
  requireBoot: boolean;
  snapshotVersion: string | null;
  builderId: string;
}

export interface VerifyOptions {
  command: 'verify';
  root: string;
  attestations: string[];
  artifacts: string[] | null;
  /** Key mode (public-key given); otherwise keyless is set. */
  trustedKeys: TrustedKey[] | null;
  keyless: KeylessPolicy | null;
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
    const keyMode = raw['public-key'].trim() !== '';
    if (keyMode && (raw['identity-repository'].trim() || raw['trusted-root'].trim()))
      throw new InputError(
        'public-key',
        'is given together with identity-repository/trusted-root',
        'public-key for key-signed attestations, or identity-* (and trusted-root) for keyless ones',
      );
    const artifacts = parseLines(raw.artifacts).map((a) => resolve(cwd, a));
    return {
      command,
      root: trees[0]!,
      attestations: parseLines(raw.attestations).map((a) => resolve(cwd, a)),
      artifacts: artifacts.length ? artifacts : null,
      trustedKeys: keyMode ? parseTrustedKeys(await pemOrFile('public-key', raw['public-key'])) : null,
      keyless: keyMode ? null : await parseKeylessVerifyInputs(raw, ctx, cwd),
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
  let keyless: KeylessOptions | null = null;
  if (decision.sign) {
    if (raw['private-key'].trim())
      key = parseSigningKey(raw['private-key'], raw['private-key-passphrase'] || undefined);
    else keyless = parseKeylessSignInputs(raw, ctx, decision.reason);
  }
  const vulnerability = await parseVulnerabilityInputs(raw, cwd);
  const secretAllowList = await readSecretAllowListInput('secret-allow-list', raw['secret-allow-list'], cwd);
  const runBuilderId = defaultBuilderId(ctx);
  const builderId = raw['builder-id'].trim() || runBuilderId;
  if (!builderId)
    throw new InputError(
      'builder-id',
      'is required outside GitHub Actions (GITHUB_WORKFLOW_REF is not set)',
      'a URI naming the build platform and workflow',
    );
  // Keyless, verify takes the builder from the Fulcio certificate: the workflow that runs this step.
  if (keyless && builderId !== runBuilderId)
    throw new InputError(
      'builder-id',
      `'${builderId}' cannot be claimed when signing keyless: the certificate names the workflow that runs, ${runBuilderId}, and verify refuses a statement whose builder is another`,
      'builder-id left empty, or signing with private-key',
    );
  if (
    parseLines(raw['public-key']).length ||
    parseLines(raw.attestations).length ||
    parseLines(raw.artifacts).length ||
    raw['max-risk-score'].trim() ||
    ['identity-repository', 'identity-workflow', 'identity-ref', 'identity-issuer', 'trusted-root'].some(
      (n) => raw[n as keyof RawKeylessInputs].trim(),
    )
  )
    throw new InputError(
      'command',
      'public-key, attestations, artifacts, max-risk-score, identity-* and trusted-root are inputs of command: verify',
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
    keyless,
    vulnerability,
    secretAllowList,
    requireBoot,
    snapshotVersion: raw['snapshot-version'].trim() || null,
    builderId,
  };
}
