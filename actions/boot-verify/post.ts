/**
 * boot-verify's post step (runs always, also after a cancelled job): kills
 * any QEMU the main step started that is still running and removes its
 * temporary files.
 */
import { cleanLeftovers } from '../../shared/vm/leftovers.ts';
import { core, runAction } from '../runner.ts';

await runAction(async () => {
  const stateDir = core.getState('state-dir');
  if (!stateDir) return;
  const killed = await cleanLeftovers(stateDir);
  if (killed.length) core.warning(`boot-verify post: killed leftover QEMU process(es) ${killed.join(', ')}`);
});
