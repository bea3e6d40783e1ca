/**
 * Tests that need a real tool fail, with what to install, when it is missing:
 * they never pass silently.
 */
import assert from 'node:assert/strict';
import { requireTool } from '../../shared/exec.ts';

export async function needTools(...tools: string[]): Promise<void> {
  for (const tool of tools) {
    try {
      await requireTool(tool);
    } catch (e) {
      assert.fail(`${(e as Error).message} — run 'bash .ci/install-system.sh'`);
    }
  }
}
