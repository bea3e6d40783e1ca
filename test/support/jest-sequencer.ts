/**
 * The order test files start in. jest's own sequencer runs the files it has
 * timed before longest first, but a fresh clone (every CI run) has no
 * timings, and then it orders by file size: the Debian tests (systemd and
 * cloud-init booted under TCG, 4–23 minutes each) started late and the run
 * ended with one of them alone on a core. Here they go first, then every
 * other file by size as jest would; the order is the same on every machine.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Test } from '@jest/test-result';

const BOOTS_DEBIAN = /debian/;

export default class DebianFirstSequencer {
  sort(tests: Test[]): Test[] {
    const size = new Map(tests.map((t) => [t.path, statSync(t.path).size]));
    const rank = (t: Test) => (BOOTS_DEBIAN.test(basename(t.path)) ? 0 : 1);
    return [...tests].sort(
      (a, b) => rank(a) - rank(b) || size.get(b.path)! - size.get(a.path)! || (a.path < b.path ? -1 : 1),
    );
  }

  /** jest hands every run's results here to time the next run; this order does not use them. */
  cacheResults(): void {}
}
