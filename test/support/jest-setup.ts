/**
 * Runs in every jest test file before its tests: applies the project's test
 * timeout (jest.config.ts passes it as a global, since jest 30 ignores a
 * per-project testTimeout).
 */
import { jest } from '@jest/globals';

const ms = (globalThis as { __TEST_TIMEOUT_MS__?: unknown }).__TEST_TIMEOUT_MS__;
if (typeof ms === 'number') jest.setTimeout(ms);
