/**
 * The post step of the actions that start QEMU (runs always, also after a
 * cancelled job): kills any QEMU the main step recorded that is still
 * running and removes the main step's temporary files.
 */
import { cleanLeftovers } from '../shared/vm/leftovers.ts';
import { core, runAction } from './runner.ts';

export async function runQemuPost(action: string): Promise<void> {
  await runAction(async () => {
    const stateDir = core.getState('state-dir');
    if (!stateDir) return;
    const killed = await cleanLeftovers(stateDir);
    if (killed.length) core.warning(`${action} post: killed leftover QEMU process(es) ${killed.join(', ')}`);
  });
}
