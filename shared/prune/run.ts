/**
 * One prune run: build the target, read the package whole, plan, write the
 * plan, and (unless dry-run) execute exactly that plan.
 */
import { RegistryClient } from '../oci/registry-client.ts';
import { addPublishedChannels } from './channels.ts';
import { DeleteBudget, executePlan } from './executor.ts';
import { GhcrTarget, type PackagesApi } from './ghcr-target.ts';
import type { PruneOptions } from './options.ts';
import { planPackage } from './planner.ts';
import { registryManifestSource, RegistryTarget } from './registry-target.ts';
import { writePlan } from './report.ts';
import type { DeletionResult, Plan, PruneTarget } from './types.ts';

export interface PruneHooks {
  log: (line: string) => void;
  /** Every secret the run obtains (registry bearer tokens) goes through here to be masked. */
  mask: (secret: string) => void;
  now?: () => Date;
  /** The GitHub REST client (target ghcr): built by the action, which alone touches the toolkit. */
  packagesApi?: (token: string, apiUrl: string) => Promise<PackagesApi>;
}

export interface PruneRun {
  plan: Plan;
  results?: DeletionResult[];
  requests: number;
  busiestMinute: number;
}

interface RegistryAccess {
  client: RegistryClient;
  /** owner/package on GHCR (registry paths are lower case), the package itself elsewhere. */
  repository: string;
  requests: () => number;
}

function registryAccess(o: PruneOptions, hooks: PruneHooks): RegistryAccess {
  let requests = 0;
  const credentials =
    o.target === 'ghcr'
      ? { username: o.owner, password: o.token }
      : o.username
        ? { username: o.username, password: o.password }
        : undefined;
  const client = new RegistryClient({
    registry: o.registry,
    ...(credentials ? { credentials } : {}),
    onToken: hooks.mask,
    idleTimeoutMs: o.requestTimeoutMs,
    onRequest: () => requests++,
    onRetry: (r) => hooks.log(`retrying ${r.what} in ${r.waitMs} ms (${r.reason})`),
    userAgent: 'infrasim-image-actions/prune-packages',
  });
  const repository = o.target === 'ghcr' ? `${o.owner.toLowerCase()}/${o.package}` : o.package;
  return { client, repository, requests: () => requests };
}

async function buildTarget(
  o: PruneOptions,
  hooks: PruneHooks,
  registry: RegistryAccess,
): Promise<PruneTarget> {
  if (o.target === 'ghcr') {
    if (!hooks.packagesApi) throw new Error('target ghcr needs a GitHub REST client');
    return new GhcrTarget({
      api: await hooks.packagesApi(o.token, o.apiUrl),
      owner: o.owner,
      package: o.package,
      ownerType: o.ownerType,
      manifests: registryManifestSource(registry.client, registry.repository),
      manifestRequests: registry.requests,
      log: hooks.log,
    });
  }
  return new RegistryTarget({
    client: registry.client,
    repository: registry.repository,
    requests: registry.requests,
    log: hooks.log,
  });
}

export async function runPrune(o: PruneOptions, hooks: PruneHooks): Promise<PruneRun> {
  const registry = registryAccess(o, hooks);
  const target = await buildTarget(o, hooks, registry);
  const inventory = await target.inventory();
  // What channels.json protects: the file the workflow passed, and the copy published beside the images.
  const protectedDigests = new Map(o.protectedDigests);
  await addPublishedChannels(registry.client, registry.repository, protectedDigests);
  const plan = planPackage(inventory, o.policy, {
    target: target.kind,
    refusesLastTaggedVersion: target.refusesLastTaggedVersion,
    protectedDigests,
    now: (hooks.now ?? (() => new Date()))(),
  });
  await writePlan(o.planFile, [plan]);
  if (o.dryRun || plan.blocked.length > 0) return { plan, requests: target.requestCount(), busiestMinute: 0 };
  const budget = new DeleteBudget(o.deletesPerMinute);
  const results = await executePlan(plan, target, { budget, log: hooks.log });
  return { plan, results, requests: target.requestCount(), busiestMinute: budget.busiestMinute() };
}
