/**
 * A workflow job as the runner executes it, for chains of the suite's actions
 * run outside GitHub (npm run pipeline, test/e2e): steps run one after the
 * other in one workspace with one RUNNER_TEMP, each sees the job's environment
 * plus what earlier steps exported (GITHUB_ENV, GITHUB_PATH); an action with a
 * `runs.post` gets its post step queued, and the queued post steps run when the
 * job completes, last registered first, each with its main step's inputs and
 * state and only when its `post-if` holds (default `always()`). Values a step
 * masks (`::add-mask::`) are replaced by *** in the log, as on GitHub.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { readActionManifest, runActionMain, type ActionRun } from './action-runner.ts';

export interface JobOptions {
  /** The steps' working directory (GITHUB_WORKSPACE). */
  workspace: string;
  /** The job's RUNNER_TEMP, shared by its steps as on a runner. */
  runnerTemp: string;
  /** The job's environment (GITHUB_SHA, GITHUB_REF, …); PATH and HOME come from this process. */
  env: NodeJS.ProcessEnv;
  /** Where each step's masked log goes (<dir>/<nn>-<step>.log). */
  logDir: string;
  /** Run the dist/ bundles (default) or the TypeScript sources. */
  bundle?: boolean;
}

export interface StepRun extends ActionRun {
  /** The step's id (unique in the job). */
  id: string;
  action: string;
  entry: 'main' | 'post';
  ok: boolean;
  seconds: number;
  /** The masked log of the step: stdout then stderr. */
  log: string;
  /** Where that log was written. */
  logFile: string;
}

interface QueuedPost {
  id: string;
  action: string;
  inputs: Record<string, string>;
  state: Record<string, string>;
  condition: string;
}

/** Whether a post step runs: the subset of status functions actions use in `post-if`. */
export function postCondition(expression: string, jobSucceeded: boolean): boolean {
  const e = expression
    .trim()
    .replace(/^\$\{\{\s*(.*?)\s*\}\}$/, '$1')
    .trim();
  if (e === 'always()') return true;
  if (e === 'success()') return jobSucceeded;
  if (e === 'failure()') return !jobSucceeded;
  if (e === 'cancelled()') return false;
  throw new Error(
    `post-if '${expression}' is not supported here: always(), success(), failure(), cancelled()`,
  );
}

/** Replaces every masked value (and each of its lines, as the runner does) with ***. */
export class Masker {
  private readonly secrets = new Set<string>();

  add(value: string): void {
    for (const v of [value, ...value.split('\n')]) if (v.trim().length > 0) this.secrets.add(v.trim());
  }

  /** Registers the step's ::add-mask:: commands, then returns its text masked, commands removed. */
  apply(text: string): string {
    for (const m of text.matchAll(/^::add-mask::(.*)$/gm)) this.add(m[1]!);
    let out = text.replace(/^::add-mask::.*\n?/gm, '');
    // Longest first, so a secret containing another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.replaceAll(s, '***');
    return out;
  }
}

export class Job {
  readonly masker = new Masker();
  private readonly exported: Record<string, string> = {};
  private readonly paths: string[] = [];
  private readonly posts: QueuedPost[] = [];
  private readonly ids = new Set<string>();
  private failed = false;
  private count = 0;

  private readonly o: JobOptions;

  constructor(options: JobOptions) {
    this.o = options;
  }

  /** Masks a value in every log from now on, as the runner masks `secrets.*` given to a step. */
  secret(value: string): void {
    this.masker.add(value);
  }

  /** True while every step so far succeeded. */
  get succeeded(): boolean {
    return !this.failed;
  }

  private env(): NodeJS.ProcessEnv {
    const base = { ...this.o.env, ...this.exported };
    const path = [...this.paths].reverse().concat(process.env.PATH ?? '');
    return {
      ...base,
      PATH: path.join(delimiter),
      GITHUB_WORKSPACE: this.o.workspace,
      RUNNER_TEMP: this.o.runnerTemp,
    };
  }

  private async execute(
    id: string,
    action: string,
    entry: 'main' | 'post',
    inputs: Record<string, string>,
    state: Record<string, string> = {},
  ): Promise<StepRun> {
    await mkdir(this.o.logDir, { recursive: true });
    await mkdir(this.o.runnerTemp, { recursive: true });
    const t0 = performance.now();
    const r = await runActionMain(action, inputs, {
      entry,
      bundle: this.o.bundle ?? true,
      cwd: this.o.workspace,
      env: this.env(),
      state,
    });
    const seconds = (performance.now() - t0) / 1000;
    const log = this.masker.apply(r.stdout) + (r.stderr ? this.masker.apply(r.stderr) : '');
    const file = join(this.o.logDir, `${String(++this.count).padStart(2, '0')}-${id}.log`);
    await writeFile(file, log);
    // What a step exports reaches the steps after it, as the runner applies GITHUB_ENV and GITHUB_PATH.
    Object.assign(this.exported, r.exported);
    this.paths.push(...r.path);
    const ok = r.code === 0;
    if (!ok) this.failed = true;
    await appendFile(join(this.o.logDir, 'steps.tsv'), `${id}\t${entry}\t${r.code}\t${seconds.toFixed(1)}\n`);
    return { ...r, id, action, entry, ok, seconds, log, logFile: file };
  }

  /**
   * Runs `action`'s main step under step id `id`; queues its post step when
   * action.yml has one. A failed step marks the job failed (the caller decides
   * whether later steps still run, as `if:` would).
   */
  async step(id: string, action: string, inputs: Record<string, string>): Promise<StepRun> {
    if (this.ids.has(id)) throw new Error(`step id '${id}' is used twice in the job`);
    this.ids.add(id);
    const manifest = await readActionManifest(action);
    const r = await this.execute(id, action, 'main', inputs);
    if (manifest.runs.post) {
      this.posts.push({
        id: `post-${id}`,
        action,
        inputs,
        state: r.state,
        condition: manifest.runs['post-if'] ?? 'always()',
      });
    }
    return r;
  }

  /** Runs the queued post steps, last registered first; returns those that ran. */
  async complete(): Promise<StepRun[]> {
    const ran: StepRun[] = [];
    while (this.posts.length > 0) {
      const p = this.posts.pop()!;
      if (!postCondition(p.condition, this.succeeded)) continue;
      ran.push(await this.execute(p.id, p.action, 'post', p.inputs, p.state));
    }
    return ran;
  }
}
