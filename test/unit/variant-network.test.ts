/**
 * The provisioning run's resolver configuration, run for real by sh in a mount
 * namespace whose /etc is a scratch tmpfs: set up for the run, then the base's
 * own state (none, a file, a dangling symlink) back exactly as it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import { resolverSetup, resolverTeardown, SLIRP } from '../../shared/variant/provision-network.ts';
import { needTools } from '../support/tools.ts';

await needTools('unshare', 'sh');

/** Runs `script` in a private mount namespace with an empty tmpfs on /etc; returns its stdout. */
async function inScratchEtc(script: string): Promise<string> {
  const r = await run('unshare', [
    '--mount',
    '--propagation',
    'private',
    'sh',
    '-ec',
    `mount -t tmpfs scratch /etc\n${script}`,
  ]);
  return r.stdout;
}

/** Prints what /etc/resolv.conf is: absent, a symlink and its target, or a file with its mode and text. */
const DESCRIBE = `
if [ -L /etc/resolv.conf ]; then echo "symlink $(readlink /etc/resolv.conf)"
elif [ -e /etc/resolv.conf ]; then echo "file $(stat -c %a /etc/resolv.conf) $(cat /etc/resolv.conf)"
else echo absent; fi
ls -A /etc | tr '\\n' ' '; echo`;

const table: { name: string; base: string; during?: string; expected: string }[] = [
  { name: 'no resolver configuration', base: '', expected: 'absent' },
  {
    name: 'a regular file',
    base: "printf 'nameserver 192.0.2.53\\n' > /etc/resolv.conf; chmod 640 /etc/resolv.conf",
    expected: 'file 640 nameserver 192.0.2.53',
  },
  {
    name: "a dangling symlink to systemd-resolved's stub",
    base: 'ln -s ../run/systemd/resolve/stub-resolv.conf /etc/resolv.conf',
    expected: 'symlink ../run/systemd/resolve/stub-resolv.conf',
  },
  {
    name: 'a file a DHCP client rewrote during the run',
    base: "printf 'nameserver 192.0.2.53\\n' > /etc/resolv.conf",
    during: "printf 'search lan\\nnameserver 10.0.2.3\\n' > /etc/resolv.conf",
    expected: 'file 644 nameserver 192.0.2.53',
  },
];

describe('provisioning resolver', () => {
  for (const c of table) {
    it(`uses QEMU's DNS during the run and leaves ${c.name} as it was`, async () => {
      const out = await inScratchEtc(
        [
          'umask 022',
          c.base,
          resolverSetup(),
          DESCRIBE,
          // Running the setup twice (a retried step) must not lose the base's file.
          resolverSetup(),
          c.during ?? ':',
          resolverTeardown(),
          DESCRIBE,
        ].join('\n'),
      );
      const [during, duringEtc, after, afterEtc] = out.trim().split('\n');
      assert.equal(during, `file 644 nameserver ${SLIRP.dns}`);
      assert.match(duringEtc!, /\.resolv\.conf\.infrasim-replaced/);
      assert.equal(after, c.expected);
      // Nothing of the provisioning run is left in /etc.
      assert.doesNotMatch(afterEtc ?? '', /infrasim/);
    });
  }
});
