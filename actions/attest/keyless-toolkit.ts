/**
 * The runner toolkit keyless signing uses (shared/attest/keyless.ts), kept
 * at the action's edge: @actions/attest signs (GitHub OIDC → Fulcio, Rekor
 * or GitHub's TSA), @actions/github's Octokit with the retry plugin stores
 * the bundles through the repository's attestations API.
 */
import { attest } from '@actions/attest';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { KeylessToolkit } from '../../shared/attest/keyless.ts';

export const keylessToolkit: KeylessToolkit = {
  attest: (o) => attest(o),
  createAttestation: (token, owner, repo, bundle) =>
    getOctokit(token, { retry: { retries: 3 } }, retry).request('POST /repos/{owner}/{repo}/attestations', {
      owner,
      repo,
      bundle: bundle as never,
    }),
};
