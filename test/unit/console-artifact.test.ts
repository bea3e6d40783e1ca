/** shared/console-artifact.ts: the input, which logs a mode keeps, and artifact names. */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  artifactSite,
  consoleArtifactName,
  freeName,
  parseUploadConsole,
  renderConsoleArtifacts,
  selectConsoleLogs,
  uploadConsoleLogs,
} from '../../shared/console-artifact.ts';
import { localRunContext } from '../../shared/run-context.ts';

const site = artifactSite(localRunContext({ runAttempt: '3', runId: '7', repository: 'o/r', job: 'boot' }), {
  ACTIONS_RUNTIME_TOKEN: 't',
  ACTIONS_RESULTS_URL: 'https://results.example/',
});

describe('upload-console input', () => {
  it('defaults to on-failure and accepts the three modes', () => {
    assert.equal(parseUploadConsole(''), 'on-failure');
    assert.equal(parseUploadConsole(' always '), 'always');
    assert.equal(parseUploadConsole('never'), 'never');
  });
  it('refuses anything else, naming the input and the accepted values', () => {
    assert.throws(
      () => parseUploadConsole('true'),
      /input 'upload-console': unknown value 'true' \(accepted: on-failure \| always \| never\)/,
    );
  });
});

describe('which logs are kept', () => {
  const logs = [
    { subject: 'a', path: '/a', failed: true },
    { subject: 'b', path: '/b', failed: false },
  ];
  it('on-failure keeps the failed, always all, never none', () => {
    assert.deepEqual(
      selectConsoleLogs('on-failure', logs).map((l) => l.subject),
      ['a'],
    );
    assert.deepEqual(
      selectConsoleLogs('always', logs).map((l) => l.subject),
      ['a', 'b'],
    );
    assert.deepEqual(selectConsoleLogs('never', logs), []);
  });
  it('off Actions nothing is attempted, said or returned', async () => {
    const said: string[] = [];
    const off = artifactSite(localRunContext({ job: 'boot' }), {});
    assert.equal(off.available, false);
    // A URL without the token (or the other way round) is no service either.
    assert.equal(artifactSite(localRunContext(), { ACTIONS_RESULTS_URL: 'u' }).available, false);
    assert.equal(artifactSite(localRunContext(), { ACTIONS_RUNTIME_TOKEN: 't' }).available, false);
    const r = await uploadConsoleLogs(logs, {
      action: 'boot-verify',
      mode: 'always',
      site: off,
      info: (m) => said.push(m),
      warning: (m) => said.push(m),
      store: {
        names: () => assert.fail('listed off Actions'),
        upload: () => assert.fail('uploaded off Actions'),
      },
    });
    assert.deepEqual(r, { uploaded: [], failed: [] });
    assert.deepEqual(said, []);
    assert.equal(renderConsoleArtifacts(r), '');
  });
});

describe('artifact names', () => {
  it('name the action, the subject, the job and the attempt', () => {
    assert.equal(consoleArtifactName('boot-verify', 'base', site), 'boot-verify-console-base-boot-attempt3');
  });
  it('replace the characters the library refuses and whitespace', () => {
    assert.equal(
      consoleArtifactName('build-variant', 'a:b/c\\d "e" <f>|*?\n', site),
      'build-variant-console-a-b-c-d-e-f-boot-attempt3',
    );
  });
  it('leave out what the run does not know', () => {
    const local = artifactSite(localRunContext(), { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u' });
    assert.equal(consoleArtifactName('boot-verify', 'img', local), 'boot-verify-console-img');
  });
  it('a taken name gets the first free number', () => {
    assert.equal(freeName('x', new Set()), 'x');
    assert.equal(freeName('x', new Set(['x', 'x-2'])), 'x-3');
  });
});
