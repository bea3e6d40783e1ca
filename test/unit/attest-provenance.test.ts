import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { runContextForEnv } from '../../actions/run-context.ts';
import { defaultBuilderId, invocationId, workflowPath } from '../../shared/attest/context.ts';
import { imageProvenanceRel, snapshotVersion } from '../../shared/attest/image-provenance.ts';
import { commonParent, parseMaxRiskScore } from '../../shared/attest/options.ts';
import {
  ProvenanceStatementSchema,
  SLSA_PROVENANCE_V1,
  StatementSchema,
} from '../../shared/attest/statement.ts';

const SNAPSHOTS: [string | null, string, string | null, string][] = [
  ['refs/heads/main', '2024-12-19T10:30:00Z', 'a1b2c3d4e5f6', 'dev-20241219-a1b2c3d'],
  ['refs/tags/v1.2.3', '2024-12-19T10:30:00Z', 'a1b2c3d4e5f6', 'v1.2.3'],
  [
    'refs/tags/image-alpine-20241219-dev-a1b2-c3d4e5f6',
    '2024-12-19T00:00:00Z',
    'ff',
    'image-alpine-20241219-dev-a1b2-c3d4e5f6',
  ],
  [null, '2025-01-01T00:00:00.000Z', null, 'dev-20250101'],
];
for (const [ref, ts, commit, expected] of SNAPSHOTS) {
  test(`snapshot version of ${ref ?? '(no ref)'} at ${ts} → ${expected}`, () => {
    assert.equal(snapshotVersion(ref, ts, commit), expected);
  });
}

test('image provenance paths: the seed path for the base, one per variant that no variant-provenance glob matches', () => {
  assert.equal(imageProvenanceRel(null), 'meta/image-provenance.json');
  assert.equal(imageProvenanceRel('wireguard'), 'meta/image-provenance-wireguard.json');
  assert.doesNotMatch(imageProvenanceRel('wireguard'), /^meta\/variant-.+-provenance\.json$/);
});

test('workflow path, builder id and invocation id come from the GitHub environment', async () => {
  const ctx = await runContextForEnv({
    GITHUB_REPOSITORY: 'acme/images',
    GITHUB_WORKFLOW_REF: 'acme/images/.github/workflows/release.yml@refs/tags/v1.0.0',
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '2',
  });
  assert.equal(workflowPath(ctx), '.github/workflows/release.yml');
  assert.equal(
    defaultBuilderId(ctx),
    'https://github.com/acme/images/.github/workflows/release.yml@refs/tags/v1.0.0',
  );
  assert.equal(invocationId(ctx), 'https://github.com/acme/images/actions/runs/7/attempts/2');
  const none = await runContextForEnv({});
  assert.equal(defaultBuilderId(none), null);
  assert.equal(invocationId(none), null);
  assert.equal(workflowPath(none), null);
});

test('max-risk-score: empty is "not checked", 0-100 accepted, anything else named', () => {
  assert.equal(parseMaxRiskScore(''), null);
  assert.equal(parseMaxRiskScore(' 30 '), 30);
  assert.equal(parseMaxRiskScore('0'), 0);
  for (const bad of ['101', '-1', '1.5', 'high'])
    assert.throws(
      () => parseMaxRiskScore(bad),
      /input 'max-risk-score': .* is not a score \(accepted: an integer from 0 to 100/,
    );
});

test('several trees share their common parent, where the combined statement goes', () => {
  assert.equal(commonParent(['/w/out-x86_64', '/w/out-aarch64']), '/w');
  assert.equal(commonParent(['/w/a/out', '/w/b/out']), '/w');
  assert.equal(commonParent(['/x', '/y']), '/');
});

test('the statement schemas: in-toto v1 needs a subject with a sha256; SLSA v1 needs a builder id', () => {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'base.qcow2', digest: { sha256: 'a'.repeat(64) } }],
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: { buildType: 'x', externalParameters: {} },
      runDetails: { builder: { id: 'b' } },
    },
  };
  assert.ok(ProvenanceStatementSchema.safeParse(statement).success);
  assert.ok(!StatementSchema.safeParse({ ...statement, subject: [] }).success);
  assert.ok(
    !StatementSchema.safeParse({ ...statement, subject: [{ name: 'x', digest: { sha1: 'ab' } }] }).success,
  );
  assert.ok(!StatementSchema.safeParse({ ...statement, _type: 'https://in-toto.io/Statement/v0.1' }).success);
  assert.ok(
    !ProvenanceStatementSchema.safeParse({
      ...statement,
      predicate: { ...statement.predicate, runDetails: { builder: {} } },
    }).success,
  );
});
