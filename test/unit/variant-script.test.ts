/** The provisioning script and reading its console output back. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { run, requireTool } from '../../shared/exec.ts';
import { ConsoleWatcher } from '../../shared/vm/console.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';
import {
  doneMarker,
  errorMarker,
  parsePackageLines,
  POWER_DOWN,
} from '../../shared/variant/provision-console.ts';
import {
  fileStep,
  provisioningSteps,
  renderProvisionScript,
  stepRunner,
} from '../../shared/variant/provision-script.ts';
import { sysprepScript } from '../../shared/variant/sysprep-script.ts';
import {
  enableService,
  installPackages,
  listPackages,
  serviceCheck,
  shQuote,
} from '../../shared/variant/targets.ts';
import { variantChecks } from '../../shared/variant/build.ts';

describe('provisioning script', () => {
  it('runs steps in order: prepare, packages, files, services, commands, record, clean up', async () => {
    const plan = await planVariant(await loadDefinition('dual-vpn'), 'debian');
    const whats = provisioningSteps(plan).map((s) => s.what);
    const first = (prefix: string) => whats.findIndex((w) => w.startsWith(prefix));
    assert.ok(first('prepare:') < first('packages:'));
    assert.ok(first('packages:') < first('write '));
    assert.ok(first('write ') < first('enable service'));
    assert.ok(first('enable service') < first('command:'));
    assert.equal(whats.at(-1), 'clean up (package caches, cloud-init state)');
    // apt's lists and .debs never reach the overlay: tmpfs first, unmounted last.
    assert.equal(whats[0], 'package downloads to tmpfs');
    assert.match(
      provisioningSteps(plan).at(-1)!.body,
      /umount \/var\/lib\/apt\/lists\numount \/var\/cache\/apt$/,
    );
  });

  /** Runs the step function on `bodies` with /tmp's role played by a scratch directory. */
  async function runSteps(bodies: string[]): Promise<{ output: string; workLeft: boolean }> {
    const dir = await mkdtemp(join(tmpdir(), 'variant-steps-'));
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const script = [
      "tag='T'",
      `mkdir -p ${dir}/tmp && work=$(mktemp -d ${dir}/tmp/infrasim-variant.XXXXXX)`,
      'INFRASIM_WORK=$work; export INFRASIM_WORK',
      ...stepRunner(),
      ...bodies.map((b, i) => `step ${i + 1} ${b64(`body ${i + 1}`)} ${b64(b)}`),
      'echo ALL-DONE',
    ].join('\n');
    const r = await run('sh', ['-c', script], {
      okCodes: [0, 1],
      env: { ...process.env, INFRASIM_SYSROOT: dir },
    });
    const workLeft = (await readdir(join(dir, 'tmp'))).some((f) => f.startsWith('infrasim-variant.'));
    await rm(dir, { recursive: true, force: true });
    return { output: r.stdout + r.stderr, workLeft };
  }

  it('fails a step closed when its exit status is lost (the step removed the work directory)', async () => {
    const { output } = await runSteps(['true', 'rm -rf "$INFRASIM_WORK"', 'true']);
    assert.match(output, /T STEP 1 OK/);
    assert.match(output, /T ERROR step 2 \(body 2\) exited with status 255; provisioning stopped/);
    // What the guest shows travels with the error: the work directory's fate and how / is mounted.
    assert.match(output, /T OUTPUT step 2 left no exit status\nT OUTPUT work directory \S+: gone\n/);
    assert.match(output, /T OUTPUT \S+ \/ \S+ \S*rw/);
    assert.doesNotMatch(output, /STEP 2 OK|STEP 3|ALL-DONE/);
  });

  it("keeps its work directory through the sysprep's emptying of /tmp, and reports a failing reset", async () => {
    const ok = await runSteps([sysprepScript()]);
    assert.match(ok.output, /T STEP 1 OK/);
    assert.ok(ok.workLeft, 'the work directory survives the tmp-files rule');
    const failing = await runSteps([
      sysprepScript().replace('reset_remove tmp-files', 'no-such-command tmp-files'),
    ]);
    assert.match(failing.output, /T OUTPUT .*no-such-command: not found/);
    assert.match(failing.output, /T ERROR step 1 \(body 1\) exited with status 127; provisioning stopped/);
  });

  it('is a sh script with the nonce-tagged markers and powers off (real distributions)', async () => {
    const plan = await planVariant(await loadDefinition('wireguard'), 'alpine');
    const script = renderProvisionScript(plan, 'c0ffee');
    assert.match(script, /^#!\/bin\/sh\n/);
    assert.match(script, /tag='INFRASIM-VARIANT c0ffee'/);
    // No service's stop action runs after the reset (shared/sysprep.ts): forced power-off, root read-only first.
    assert.match(
      script,
      /echo "\$tag DONE"\nif \[ -d \/run\/systemd\/system \]; then\n {2}systemctl poweroff --force\n {2}while :; do sleep 60; done\nfi\n/,
    );
    assert.match(script, /echo u > \/proc\/sysrq-trigger[^]*\npoweroff -f\n$/);
    assert.match(script, /\/lib\/apk\/db\/installed/);
    assert.match(script, /PKGCOUNT/);
  });

  it('remounts the root read-only before the marker on the generic target', async () => {
    const plan = await planVariant(await loadDefinition('no-vpn'), 'generic');
    const script = renderProvisionScript(plan, 'c0ffee');
    assert.match(script, /mount -o remount,ro \/ 2>\/dev\/null\nsync\necho "\$tag DONE"\nexit 0\n$/);
    assert.doesNotMatch(script, /PKGCOUNT/);
  });

  it('writes files through a temporary name with their mode and owner', () => {
    const step = fileStep({ path: "/etc/it's", mode: 0o640, owner: 'root:adm', content: Buffer.from('x') });
    assert.equal(step.what, "write /etc/it's (mode 0640, owner root:adm)");
    assert.match(step.body, /chmod 0640 '\/etc\/it'\\''s\.infrasim-tmp'/);
    assert.match(step.body, /chown 'root:adm' /);
    assert.match(step.body, /mv -f '\/etc\/it'\\''s\.infrasim-tmp' '\/etc\/it'\\''s'$/);
  });

  it('needs no user database for the default owner, and says what to write when a named owner is unknown', async () => {
    const plan = await planVariant(await loadDefinition('dual-vpn'), 'generic');
    assert.ok(plan.files.length > 0);
    for (const f of plan.files) {
      assert.equal(f.owner, '0:0', f.path);
      assert.match(fileStep(f).body, /^chown '0:0' \S+$/m);
    }
    // Every step of the provisioning script (and the sysprep after it) leaves user names alone.
    const script = renderProvisionScript(plan, 'c0ffee');
    const steps = provisioningSteps(plan)
      .map((s) => s.body)
      .join('\n');
    for (const text of [script, steps]) {
      assert.doesNotMatch(text, /\broot:root\b|\/etc\/passwd|\/etc\/group|getent|%U|%G/);
    }

    // A named owner the guest's user database lacks: the step fails, saying so and what to write instead.
    const dir = await mkdtemp(join(tmpdir(), 'variant-owner-'));
    const body = fileStep({
      path: join(dir, 'f'),
      mode: 0o644,
      owner: 'infrasim-no-such-user:infrasim-no-such-group',
      content: Buffer.from('x'),
    }).body;
    await writeFile(join(dir, 'step.sh'), body);
    const r = await run('sh', ['-e', join(dir, 'step.sh')], { okCodes: [1] });
    assert.match(
      r.stderr,
      /owner 'infrasim-no-such-user:infrasim-no-such-group' is not in this guest's user database \(\/etc\/passwd, \/etc\/group\): write the owner as numeric uid:gid, e\.g\. "0:0"/,
    );
  });

  it('uses each distribution’s tools', () => {
    assert.deepEqual(installPackages('alpine', ['curl']), [
      'apk update --no-progress',
      "apk add --no-progress 'curl'",
    ]);
    assert.match(
      installPackages('debian', ['hello'])[1]!,
      /apt-get install -y --no-install-recommends 'hello'/,
    );
    assert.throws(() => installPackages('generic', ['x']));
    assert.equal(enableService('alpine', 'sshd'), "rc-update add 'sshd' default");
    assert.equal(enableService('debian', 'ssh'), "systemctl enable 'ssh'");
    assert.match(enableService('generic', 'x'), /ln -sf \.\.\/services\/'x' \/etc\/infrasim\/rc\.d\/'x'/);
    assert.equal(serviceCheck('debian', 'ssh'), "systemctl is-enabled 'ssh'");
    assert.equal(listPackages('generic'), undefined);
    assert.equal(shQuote("a'b"), `'a'\\''b'`);
  });

  it('derives checks for files (mode, owner), services and the variant record', async () => {
    const plan = await planVariant(await loadDefinition('tailscale'), 'generic');
    const checks = variantChecks(plan);
    assert.equal(checks[0], "grep -qx 'tailscale' /etc/infrasim/variant");
    assert.ok(
      // Numeric ids by default: the check needs no user database in the guest either.
      checks.includes(`test "$(stat -c '%a %u:%g' '/etc/infrasim/tailscale/config.json')" = '644 0:0'`),
    );
    assert.ok(checks.some((c) => c.startsWith("test -L /etc/infrasim/rc.d/'infrasim-tailscale-up'")));
  });
});

describe('provisioning console', () => {
  it('reads the package list back and its announced count', () => {
    const lines = [
      'INFRASIM-VARIANT ab12 PKG hello|2.10-3|amd64',
      '[   3.1] some kernel line',
      'INFRASIM-VARIANT ab12 PKG base-files|12.4+deb12u8|amd64',
      'INFRASIM-VARIANT ffff PKG other|1|x',
      'INFRASIM-VARIANT ab12 PKGCOUNT 2',
    ];
    assert.deepEqual(parsePackageLines(lines, 'ab12'), {
      packages: [
        { name: 'base-files', version: '12.4+deb12u8', arch: 'amd64' },
        { name: 'hello', version: '2.10-3', arch: 'amd64' },
      ],
      announced: 2,
    });
  });

  it('decides on a whole error line only, and succeeds at power-off after the done marker', () => {
    const rules = { expect: POWER_DOWN, alsoExpect: [doneMarker('ab12')], failOn: [errorMarker('ab12')] };
    const w = new ConsoleWatcher(rules);
    assert.equal(w.push('INFRASIM-VARIANT ab12 ERROR st'), undefined, 'a partial line decides nothing');
    const d = w.push('ep 3 (command: false) exited with status 1; provisioning stopped\n');
    assert.equal(d?.verdict, 'failure');
    assert.equal(
      d.line,
      'INFRASIM-VARIANT ab12 ERROR step 3 (command: false) exited with status 1; provisioning stopped',
    );

    const ok = new ConsoleWatcher(rules);
    assert.equal(
      ok.push('[ 1.0] reboot: Power down\n'),
      undefined,
      'power-off without the done marker is no success',
    );
    const ok2 = new ConsoleWatcher(rules);
    ok2.push('INFRASIM-VARIANT ab12 DONE\n');
    assert.equal(ok2.push('[ 9.9] reboot: Power down\n')?.verdict, 'success');
  });
});

describe('package database read-back commands', () => {
  const asLines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((l) => `INFRASIM-VARIANT n1 PKG ${l}`);

  it("apk: reads name|version|arch from Alpine's installed database", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'variant-apk-'));
    const db = join(dir, 'installed');
    await writeFile(
      db,
      'C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\nS:1\n\nC:Q1def=\nP:wireguard-tools\nV:1.0.20210914-r4\nA:x86_64\nT:x: y\n',
    );
    const command = listPackages('alpine')!.replace('/lib/apk/db/installed', db);
    const out = (await run('sh', ['-c', command])).stdout;
    assert.deepEqual(parsePackageLines(asLines(out), 'n1').packages, [
      { name: 'musl', version: '1.2.5-r0', arch: 'x86_64' },
      { name: 'wireguard-tools', version: '1.0.20210914-r4', arch: 'x86_64' },
    ]);
  });

  it("dpkg: lists this host's installed packages with versions", async () => {
    await requireTool('dpkg-query');
    const out = (await run('sh', ['-c', listPackages('debian')!])).stdout;
    const packages = parsePackageLines(asLines(out), 'n1').packages;
    const dpkg = packages.find((p) => p.name === 'dpkg');
    assert.ok(dpkg && /^\d/.test(dpkg.version), 'dpkg itself is listed with its version');
  });
});
