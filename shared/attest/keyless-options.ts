/**
 * attest's keyless inputs, validated with the others before any work:
 * signing (`sigstore`, `github-token`, `store-attestations`) and verifying
 * (`identity-*`, `trusted-root`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { parseBoolean, parseEnum, requireReadablePath } from '../inputs.ts';
import type { RunContext } from './context.ts';
import {
  defaultTrustedRoots,
  GITHUB_ACTIONS_ISSUER,
  parseTrustedRoots,
  type KeylessPolicy,
} from './keyless-verify.ts';
import {
  chooseSigstoreInstance,
  requireOidcToken,
  type KeylessOptions,
  type SigstoreChoice,
} from './keyless.ts';

/** The inputs naming the identity keyless signatures must carry (attest's verify, tag-snapshot's gates). */
export interface RawKeylessIdentityInputs {
  'identity-repository': string;
  'identity-workflow': string;
  'identity-ref': string;
  'identity-issuer': string;
  'trusted-root': string;
}

export interface RawKeylessInputs extends RawKeylessIdentityInputs {
  sigstore: string;
  'github-token': string;
  'store-attestations': string;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** Keyless signing's options, for a run that signs without a private key. */
export function parseKeylessSignInputs(
  raw: RawKeylessInputs,
  ctx: RunContext,
  reason: string,
): KeylessOptions {
  const choice = parseEnum<SigstoreChoice>(
    'sigstore',
    raw.sigstore,
    ['auto', 'public-good', 'github'],
    'auto',
  );
  const oidc = requireOidcToken(ctx.oidcTokenRequest, reason);
  if (!ctx.repository)
    throw new InputError(
      'private-key',
      'is empty, so the run signs keyless, which needs GITHUB_REPOSITORY (GitHub Actions)',
      'an ECDSA P-256 private-key outside GitHub Actions',
    );
  const store = parseBoolean('store-attestations', raw['store-attestations'], true);
  const token = raw['github-token'].trim();
  if (store && !token)
    throw new InputError(
      'github-token',
      'is empty, and storing the attestations in the repository needs a token with `attestations: write`',
      '${{ github.token }} (the default) with permissions `attestations: write`, or store-attestations: false',
    );
  const { instance, reason: instanceReason } = chooseSigstoreInstance(choice, ctx.repositoryVisibility);
  return { oidc, instance, instanceReason, repository: ctx.repository, token: store ? token : null };
}

/** The identity a keyless signature must carry, and the roots it must chain to. */
export async function parseKeylessVerifyInputs(
  raw: RawKeylessIdentityInputs,
  ctx: RunContext,
  cwd = process.cwd(),
): Promise<KeylessPolicy> {
  let repository = raw['identity-repository'].trim();
  let serverUrl = ctx.serverUrl;
  if (!repository)
    throw new InputError(
      'identity-repository',
      'is required to verify keyless signatures (or give public-key for key-signed ones)',
      'owner/name of the repository whose workflow signed, e.g. acme/images',
    );
  const url = /^(https?:\/\/[^/]+)\/(.+)$/.exec(repository);
  if (url) [, serverUrl, repository] = url as unknown as [string, string, string];
  if (!REPOSITORY.test(repository))
    throw new InputError(
      'identity-repository',
      `'${raw['identity-repository']}' is not a repository`,
      'owner/name',
    );
  const workflow = raw['identity-workflow'].trim().replace(/^\/+/, '') || null;
  if (workflow !== null && (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(workflow) || workflow.includes('..')))
    throw new InputError(
      'identity-workflow',
      `'${workflow}' is not a workflow file`,
      'the path of the workflow inside the repository, e.g. .github/workflows/release.yml',
    );
  const ref = raw['identity-ref'].trim() || null;
  if (ref !== null && !/^refs\/[^\s]+$/.test(ref))
    throw new InputError(
      'identity-ref',
      `'${ref}' is not a ref pattern`,
      'a full ref, `*` matching anything: refs/heads/main, refs/tags/v*',
    );
  let issuer = raw['identity-issuer'].trim();
  if (!issuer) {
    if (new URL(serverUrl).hostname !== 'github.com')
      throw new InputError(
        'identity-issuer',
        `is required for ${serverUrl} (the default is GitHub.com's ${GITHUB_ACTIONS_ISSUER})`,
        "your server's Actions OIDC issuer URL",
      );
    issuer = GITHUB_ACTIONS_ISSUER;
  }
  if (!/^https:\/\/\S+$/.test(issuer))
    throw new InputError('identity-issuer', `'${issuer}' is not an https URL`, 'the OIDC issuer URL');
  const rootPath = raw['trusted-root'].trim() ? resolve(cwd, raw['trusted-root'].trim()) : '';
  let trustedRoots;
  if (rootPath) {
    await requireReadablePath('trusted-root', rootPath, 'file');
    try {
      trustedRoots = parseTrustedRoots(await readFile(rootPath, 'utf8'), rootPath);
    } catch (e) {
      throw new InputError(
        'trusted-root',
        (e as Error).message,
        'a Sigstore trusted_root.json, or `gh attestation trusted-root` output',
      );
    }
  } else trustedRoots = defaultTrustedRoots();
  return { identity: { serverUrl, repository, workflow, ref, issuer }, trustedRoots };
}
