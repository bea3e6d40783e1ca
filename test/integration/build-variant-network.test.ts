/**
 * The provisioning boot's network, whatever the base carries (issue 17), on the
 * test image (busybox, no DHCP client, no resolver configuration): the bundled
 * build-variant brings up QEMU's user-mode addresses, reaches an HTTP server on
 * the host through the gateway, resolves through QEMU's DNS, and leaves none of
 * it in the overlay. A failing step's last output lines are quoted in the error.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { BaseResult } from '../../shared/image/base.ts';
import { readVariantProvenance } from '../../shared/variant/provenance.ts';
import { SLIRP } from '../../shared/variant/provision-network.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { variantOutputTree, verifyWithChecks } from '../support/variant-tree.ts';

let base: BaseResult;
let root: string;
let server: Server;
let port: number;
const requests: string[] = [];

beforeAll(async () => {
  await needTools('qemu-system-x86_64', 'qemu-img', 'mkfs.vfat', 'mcopy', 'debugfs', 'e2fsck', 'sfdisk');
  base = await cachedTestBase('x86_64', 'kernel');
  root = await mkdtemp(join(tmpdir(), 'build-variant-network-'));
  // QEMU's user-mode gateway (10.0.2.2) is the host's loopback: the guest reaches this server there.
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('probe-ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const outputTree = (name: string) => variantOutputTree(base, root, name);

async function variant(out: string, yaml: string): Promise<ActionRun> {
  const definition = join(out, '..', 'variant.yaml');
  await writeFile(definition, yaml);
  return runActionMain(
    'build-variant',
    { variants: definition, base: join(out, 'base.qcow2'), accel: 'tcg', timeout: '180', flatten: 'false' },
    { bundle: true },
  );
}

const explain = (r: ActionRun) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

describe('build-variant: network for the provisioning boot', () => {
  it('reaches the host through the user-mode gateway and DNS, and leaves the base its own resolver state', async () => {
    const out = await outputTree('reach');
    const r = await variant(
      out,
      [
        'name: net-probe',
        'description: fetches a file from the host during provisioning',
        'commands:',
        `  - grep -qx 'nameserver ${SLIRP.dns}' /etc/resolv.conf`,
        `  - wget -q -O /etc/infrasim-probe http://${SLIRP.gateway}:${port}/probe`,
        // QEMU's DNS answers through the host's resolver: Debian's mirror is reachable wherever CI runs.
        '  - nslookup deb.debian.org',
        'checks:',
        '  - grep -qx probe-ok /etc/infrasim-probe',
        '  - test ! -e /etc/resolv.conf && test ! -L /etc/resolv.conf',
        '  - "! ls -A /etc | grep -q resolv"',
        '',
      ].join('\n'),
    );
    assert.equal(r.code, 0, explain(r));
    assert.deepEqual(requests, ['/probe']);
    const p = await readVariantProvenance(r.outputs.provenance!);
    const consoleText = await readFile(join(out, p.provisioning.console_log), 'utf8');
    assert.match(consoleText, /network: eth0 configured with QEMU user-mode addresses for provisioning/);
    const run = await verifyWithChecks(base, out, r.outputs.overlay!, p.checks);
    const report = run.results[0]!.report;
    assert.equal(run.status, 'success', `${report.reason}\n${JSON.stringify(report.checks, null, 1)}`);
    assert.ok(report.checks.length >= 3 && report.checks.every((c) => c.passed));
  });

  it("fails a step on the package manager's error and quotes its last output lines", async () => {
    const out = await outputTree('quote');
    const r = await variant(
      out,
      [
        'name: mirror-down',
        'description: a command failing the way apt does when the mirror is unreachable',
        'commands:',
        '  - |',
        "    echo 'Hit:1 http://deb.debian.org/debian bookworm InRelease'",
        '    echo "E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving \'deb.debian.org\'"',
        '    exit 100',
        '',
      ].join('\n'),
    );
    assert.notEqual(r.code, 0, explain(r));
    // The annotation encodes newlines as %0A; a person reads them as lines.
    const message = r.stdout.replaceAll('%0A', '\n');
    assert.match(message, /exited with status 100; provisioning stopped/);
    assert.match(
      message,
      /the step's last output:\n(.*\n)*\s+E: Failed to fetch .*Temporary failure resolving 'deb\.debian\.org'/,
    );
  });
});
