/**
 * One script of runner calls (inputs, state, outputs, masks, annotations,
 * groups, a summary), made through the module named in argv[2]: the unit test
 * runs it once through @actions/core and once through
 * actions/workflow-commands.ts and compares what the runner would read.
 *
 *   node test/support/workflow-commands-child.ts <module specifier or file URL>
 */
type Core = typeof import('../../actions/workflow-commands.ts');

const core = (await import(process.argv[2]!)) as Core;

core.info('a plain line');
core.debug('100% debug\r\nacross lines');
core.notice('note: a, b', { title: 'T: x, y', file: 'src/a.ts', startLine: 3, endLine: 4 });
core.warning('warn 50%', { title: 'Download cache' });
core.warning('no properties');
core.error('failed\nsecond line', { title: 'Invalid input' });
core.startGroup('group: one');
core.info('inside one');
core.endGroup();
const inner = await core.group('group two', async () => {
  core.info('inside two');
  return 'returned';
});
core.info(`group returned ${inner}`);
core.setSecret('s3cr%t,value\n');
core.setOutput('image', '/out/base.qcow2');
core.setOutput('results', [{ variant: 'no-vpn', ok: true }]);
core.setOutput('multi-line', 'line 1\nline 2');
core.saveState('state-dir', '/tmp/state dir');
core.info(
  `input=${JSON.stringify(core.getInput('source dir'))} missing=${JSON.stringify(core.getInput('absent'))} ` +
    `state=${JSON.stringify(core.getState('kept'))} no-state=${JSON.stringify(core.getState('absent'))}`,
);
if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw('| a | b |\n|---|---|', true).write();
