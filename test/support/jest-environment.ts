/**
 * jest's node environment, changed where these tests rely on running in a
 * plain Node process (which is what node:test gave each file):
 *
 * - process.env is the real one. jest hands each file a copy, so a test that
 *   puts a stand-in tool on PATH (test/unit/vm-accel.test.ts) would not reach
 *   the child processes Node starts, which read the real environment. The
 *   environment is restored after the file, as a fresh process would start
 *   clean.
 * - Each file has its own temporary directory (TMPDIR), removed after the
 *   file: a test run leaves nothing in /tmp.
 * - Node's own node:assert, and this realm's error classes (those of the
 *   errors Node's own code throws), are handed to
 *   test/support/jest-assert-realm.ts, which wraps node:assert (the test
 *   files' node:assert imports are mapped there (jest-assert.cjs), so the real module cannot
 *   be imported by name inside the test's context).
 */
import nodeAssert from 'node:assert';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { STEP_SCRATCH_ENV } from '../../scripts/lib/action-runner.ts';
import { OUTER_REALM, type OuterRealm } from './jest-environment-keys.ts';

export default class NodeProcessEnvironment extends TestEnvironment {
  private readonly savedEnv = { ...process.env };

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.process.env = process.env;
    const outer: OuterRealm = {
      assert: nodeAssert,
      errors: {
        Error,
        TypeError,
        RangeError,
        SyntaxError,
        ReferenceError,
        URIError,
        EvalError,
        AggregateError,
      },
    };
    (this.global as unknown as Record<symbol, unknown>)[OUTER_REALM] = outer;
  }

  /**
   * This file's temporary directory: TMPDIR while it runs, so whatever its tests make with
   * os.tmpdir() — and the runner files and working directories of its steps
   * (scripts/lib/action-runner.ts) — goes when it ends. Sticky and writable by all, as /tmp is:
   * some steps run as another user.
   */
  private readonly fileTmp = mkdtempSync(join(tmpdir(), 'jest-file-'));

  override async setup(): Promise<void> {
    chmodSync(this.fileTmp, 0o1777);
    process.env.TMPDIR = this.fileTmp;
    process.env[STEP_SCRATCH_ENV] = this.fileTmp;
    await super.setup();
  }

  override async teardown(): Promise<void> {
    try {
      rmSync(this.fileTmp, { recursive: true, force: true });
    } catch (e) {
      // A step killed part-way can leave a read-only tree a non-root user cannot remove: say so, not fail.
      console.warn(`could not remove the test file's directory ${this.fileTmp}: ${(e as Error).message}`);
    }
    for (const k of Object.keys(process.env)) if (!(k in this.savedEnv)) delete process.env[k];
    Object.assign(process.env, this.savedEnv);
    await super.teardown();
  }
}
