/**
 * actions/workflow-commands.ts against @actions/core itself: the same script
 * of calls (test/support/workflow-commands-child.ts) through each, in a child
 * process with the runner's files, must leave the runner the same stdout, the
 * same GITHUB_OUTPUT and GITHUB_STATE records and the same job summary — and,
 * with no runner files, the same stdout commands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, test } from '@jest/globals';

const CHILD = new URL('../support/workflow-commands-child.ts', import.meta.url).pathname;
const OURS = pathToFileURL(new URL('../../actions/workflow-commands.ts', import.meta.url).pathname).href;

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

/** Each file command's record delimiter is random: the same for both once named. */
const sameDelimiters = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');

interface RunnerView {
  stdout: string;
  files: Record<string, string>;
}

async function runScript(module: string, withFiles: boolean): Promise<RunnerView> {
  const dir = await mkdtemp(join(tmpdir(), 'workflow-commands-'));
  scratch.push(dir);
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    INPUT_SOURCE_DIR: '  ./images \n',
    STATE_kept: 'from the main step',
  };
  if (withFiles) {
    for (const [variable, name] of Object.entries(files)) {
      env[variable] = join(dir, name);
      await writeFile(env[variable]!, '');
    }
  }
  const r = spawnSync(process.execPath, [CHILD, module], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, `${module}: ${r.stderr}`);
  const view: RunnerView = { stdout: sameDelimiters(r.stdout), files: {} };
  if (withFiles)
    for (const [variable, name] of Object.entries(files))
      view.files[variable] = sameDelimiters(await readFile(join(dir, name), 'utf8'));
  return view;
}

test('with the runner files, the runner reads the same stdout, outputs, state and summary as from @actions/core', async () => {
  const core = await runScript('@actions/core', true);
  const ours = await runScript(OURS, true);
  assert.deepEqual(ours, core);
  // The comparison is of something: each kind of record is there.
  assert.match(
    ours.files.GITHUB_OUTPUT!,
    /^results<<ghadelimiter_<uuid>\n\[\{"variant":"no-vpn","ok":true\}\]\n/m,
  );
  assert.match(ours.files.GITHUB_STATE!, /^state-dir<<ghadelimiter_<uuid>\n\/tmp\/state dir\n/m);
  assert.match(ours.files.GITHUB_STEP_SUMMARY!, /\| a \| b \|/);
  assert.match(ours.stdout, /^::add-mask::s3cr%25t,value%0A$/m);
  assert.match(ours.stdout, /^::notice title=T%3A x%2C y,file=src\/a.ts,line=3,endLine=4::note: a, b$/m);
  assert.match(ours.stdout, /^::error title=Invalid input::failed%0Asecond line$/m);
  assert.match(ours.stdout, /^::group::group: one\ninside one\n::endgroup::$/m);
  assert.match(ours.stdout, /^input="\.\/images" missing="" state="from the main step" no-state=""$/m);
});

test('without the runner files, the same stdout commands as @actions/core (set-output, save-state)', async () => {
  const core = await runScript('@actions/core', false);
  const ours = await runScript(OURS, false);
  assert.deepEqual(ours, core);
  assert.match(ours.stdout, /^::set-output name=image::\/out\/base.qcow2$/m);
  assert.match(ours.stdout, /^::save-state name=state-dir::\/tmp\/state dir$/m);
});
