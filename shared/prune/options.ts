/**
 * prune-packages inputs → validated options, before any request is made.
 * Every rejection is an InputError naming the input.
 */
import type { RunContext } from '../run-context.ts';
import type { PrunePackagesInputs } from '../../action-types.d.ts';
import { InputError } from '../errors.ts';
import {
  parseBoolean,
  parseEnum,
  parsePositiveNumber,
  parseTimeoutSeconds,
  requireReadablePath,
} from '../inputs.ts';
import { checkRepository, registryBaseUrl } from '../oci/reference.ts';
import { readChannelsFile } from './channels.ts';
import { parsePolicy, type Policy } from './policy.ts';

export interface PruneOptions {
  target: 'ghcr' | 'registry';
  package: string;
  owner: string;
  ownerType: 'auto' | 'org' | 'user';
  registry: string;
  token: string;
  username: string;
  password: string;
  policy: Policy;
  protectedDigests: Map<string, string>;
  deletesPerMinute: number;
  requestTimeoutMs: number;
  dryRun: boolean;
  planFile: string;
  apiUrl: string;
}

/** GitHub package names: lower-case letters, digits, . _ - and / (nested names such as kas/kas). */
const GHCR_PACKAGE = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export async function parsePruneInputs(
  raw: PrunePackagesInputs,
  ctx: Pick<RunContext, 'repositoryOwner' | 'apiUrl'>,
): Promise<PruneOptions> {
  const target = parseEnum('target', raw.target, ['ghcr', 'registry'] as const, 'ghcr');
  const pkg = raw.package.trim();
  if (!pkg)
    throw new InputError('package', 'is required', 'the package (ghcr) or repository (registry) to prune');
  if (target === 'ghcr' && !GHCR_PACKAGE.test(pkg))
    throw new InputError(
      'package',
      `'${pkg}' is not a GitHub container package name`,
      'lower-case letters, digits, . _ - and /',
    );
  if (target === 'registry') checkRepository(pkg, 'package');

  const owner = raw.owner.trim() || (ctx.repositoryOwner ?? '');
  const ownerType = parseEnum('owner-type', raw['owner-type'], ['auto', 'org', 'user'] as const, 'auto');
  if (target === 'ghcr') {
    if (!owner)
      throw new InputError('owner', 'is required for target ghcr (and GITHUB_REPOSITORY_OWNER is not set)');
    if (!GITHUB_OWNER.test(owner))
      throw new InputError('owner', `'${owner}' is not a GitHub user or organization name`);
    if (!raw.token.trim())
      throw new InputError('token', 'is empty', 'a token with packages read (and delete for real runs)');
  }
  const registry = raw.registry.trim() || 'ghcr.io';
  registryBaseUrl(registry, 'registry');
  if (target === 'registry' && registry === 'ghcr.io')
    throw new InputError(
      'registry',
      "target 'registry' with ghcr.io: GHCR answers manifest DELETE with 405",
      'target: ghcr for GHCR, or the address of another registry',
    );
  if (raw.username.trim() && !raw.password)
    throw new InputError('password', 'is empty while username is set');
  if (raw.password && !raw.username.trim())
    throw new InputError('username', 'is empty while password is set');

  const policy = parsePolicy(raw);
  const deletesPerMinute = parsePositiveNumber('deletes-per-minute', raw['deletes-per-minute'], 60);
  if (deletesPerMinute > 6000)
    throw new InputError(
      'deletes-per-minute',
      `${deletesPerMinute} is more than 6000`,
      'a number from 1 to 6000',
    );

  let protectedDigests = new Map<string, string>();
  const channelsFile = raw['channels-file'].trim();
  if (channelsFile) {
    await requireReadablePath('channels-file', channelsFile, 'file');
    protectedDigests = await readChannelsFile('channels-file', channelsFile);
  }
  const apiUrl = (raw['github-api-url'].trim() || ctx.apiUrl).replace(/\/+$/, '');
  try {
    new URL(apiUrl);
  } catch {
    throw new InputError('github-api-url', `'${apiUrl}' is not a URL`);
  }
  return {
    target,
    package: pkg,
    owner,
    ownerType,
    registry,
    token: raw.token,
    username: raw.username.trim(),
    password: raw.password,
    policy,
    protectedDigests,
    deletesPerMinute,
    requestTimeoutMs: parseTimeoutSeconds('request-timeout', raw['request-timeout'], 60) * 1000,
    dryRun: parseBoolean('dry-run', raw['dry-run'], false),
    planFile: raw['plan-file'].trim() || 'output/meta/prune-plan.json',
    apiUrl,
  };
}
