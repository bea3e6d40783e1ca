/**
 * prune-packages: thin adapter between the runner and shared/prune. Secrets
 * are masked first; every input is validated before any request; the plan is
 * written and summarised before anything is deleted.
 */
import type { PrunePackagesInputs, PrunePackagesOutputs } from '../../action-types.d.ts';
import { checkActionTools } from '../../shared/action-tools.ts';
import { parsePruneInputs } from '../../shared/prune/options.ts';
import { readRunContext } from '../run-context.ts';
import { renderSummary, tally } from '../../shared/prune/report.ts';
import { runPrune } from '../../shared/prune/run.ts';
import { core, readInputs, runAction, setOutputs, writeSummary } from '../runner.ts';

await runAction(async () => {
  const raw = readInputs<PrunePackagesInputs>({
    target: true,
    package: true,
    owner: true,
    'owner-type': true,
    registry: true,
    token: true,
    username: true,
    password: true,
    rules: true,
    'keep-tags': true,
    'channels-file': true,
    untagged: true,
    'untagged-grace': true,
    'deletes-per-minute': true,
    'request-timeout': true,
    'dry-run': true,
    'plan-file': true,
    'github-api-url': true,
  } satisfies Record<keyof PrunePackagesInputs, true>);
  for (const secret of [raw.token, raw.password]) if (secret.trim()) core.setSecret(secret);

  const options = await parsePruneInputs(raw, await readRunContext());
  await checkActionTools('prune-packages', undefined);
  // Tests shorten GitHub's Retry-After waits; production waits what GitHub asks.
  const base = Number(process.env.PRUNE_RETRY_AFTER_BASE_MS);
  const run = await runPrune(options, {
    log: (line) => core.info(line),
    mask: (s) => core.setSecret(s),
    // Octokit (and its HTTP client) loads only for target ghcr: a registry target never asks GitHub's API.
    packagesApi: async (token, apiUrl) =>
      (await import('./github-client.ts')).packagesApi(
        token,
        apiUrl,
        (line) => core.info(line),
        Number.isFinite(base) && base > 0 ? base : 1000,
      ),
  });
  const { plan, results } = run;
  const figures = tally(results ?? [], run.requests);
  setOutputs<PrunePackagesOutputs>({
    plan: options.planFile,
    'to-delete': String(plan.delete.length),
    kept: String(plan.keep.length),
    deleted: String(figures.deleted + figures.alreadyGone),
    refused: String(figures.refused),
    failed: String(figures.failed + figures.skipped),
    'api-calls': String(run.requests),
  });
  await writeSummary(renderSummary([plan], results, options.dryRun));
  for (const w of plan.warnings) core.warning(w, { title: 'prune-packages' });
  for (const r of results ?? [])
    if (r.outcome === 'refused')
      core.warning(`${r.digest}: ${r.message}`, { title: 'Deletion refused by the registry' });
  core.info(
    `${plan.package}: ${plan.delete.length} planned for deletion, ${plan.keep.length} kept; ` +
      (results
        ? `${figures.deleted} deleted, ${figures.alreadyGone} already gone, ${figures.refused} refused, ` +
          `${figures.failed} failed, ${figures.skipped} skipped; ${run.requests} requests`
        : `dry run: nothing deleted; ${run.requests} requests`),
  );
  if (plan.blocked.length > 0)
    throw new Error(
      `${plan.package} left alone: ${plan.blocked.map((b) => `manifest ${b.digest} (${b.via}) could not be read: ${b.reason}`).join('; ')}`,
    );
  const stoppedBy = results?.find((r) => r.stoppedBy)?.stoppedBy;
  if (stoppedBy)
    throw new Error(
      `deletions stopped: ${stoppedBy} (${figures.failed} failed, ${figures.skipped} not attempted or skipped)`,
    );
  if (figures.failed + figures.skipped > 0)
    throw new Error(
      `${figures.failed} deletion(s) failed and ${figures.skipped} were skipped to keep what remains whole; a rerun continues from here`,
    );
});
