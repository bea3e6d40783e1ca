/**
 * The runner toolkit keyless signing uses (shared/attest/keyless.ts), kept
 * at the action's edge: @actions/attest signs (GitHub OIDC → Fulcio, Rekor
 * or GitHub's TSA), @actions/github's Octokit with the retry plugin stores
 * the bundles through the repository's attestations API.
 *
 * Each library is imported on first use: key-mode signing and verification
 * never call them, and loading @actions/attest with Sigstore's signing stack
 * was a third of the step's start-up.
 */
import type { KeylessToolkit } from '../../shared/attest/keyless.ts';

export const keylessToolkit: KeylessToolkit = {
  attest: async (o) => (await import('@actions/attest')).attest(o),
  createAttestation: async (token, owner, repo, bundle) => {
    const [{ getOctokit }, { retry }] = await Promise.all([
      import('@actions/github'),
      import('@octokit/plugin-retry'),
    ]);
    return getOctokit(token, { retry: { retries: 3 } }, retry).request(
      'POST /repos/{owner}/{repo}/attestations',
      { owner, repo, bundle: bundle as never },
    );
  },
};
