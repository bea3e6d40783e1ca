/**
 * The provisioning user-data: a shell script, because both the test image's
 * init and real cloud-init run `#!` user-data as a script. Each step's body
 * travels base64-encoded (no quoting can break the script) and runs in its
 * own `sh -e`, so the first failing command ends its step; the script then
 * prints an error marker naming the step and stops. On success it prints the
 * package database and a completion marker between tagged lines, and powers
 * the machine off.
 */
import type { PlannedFile, VariantPlan } from './plan.ts';
import { installGenericRc } from './generic-rc.ts';
import { networkSetup, networkTeardown } from './provision-network.ts';
import { sysprepScript } from './sysprep-script.ts';
import {
  cleanupCommands,
  enableService,
  installPackages,
  listPackages,
  scratchSetup,
  scratchTeardown,
  shQuote,
} from './targets.ts';

export function provisionTag(nonce: string): string {
  return `INFRASIM-VARIANT ${nonce}`;
}

export interface Step {
  /** What the step does, as the error marker quotes it. */
  what: string;
  body: string;
}

function b64(text: string | Buffer): string {
  return Buffer.from(text).toString('base64');
}

/** base64 wrapped at 76 columns for a here-document. */
function b64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

/**
 * Numeric owners need nothing from the guest; a name is looked up in the
 * guest's user database, which a busybox or distroless rootfs may not have:
 * then the step says so and what to write instead, rather than chown's bare
 * "unknown user".
 */
function chown(owner: string, file: string): string[] {
  if (/^\d/.test(owner)) return [`chown ${shQuote(owner)} ${file}`];
  return [
    `chown ${shQuote(owner)} ${file} || {`,
    `  echo ${shQuote(`owner '${owner}' is not in this guest's user database (/etc/passwd, /etc/group): write the owner as numeric uid:gid, e.g. "0:0"`)} >&2`,
    '  exit 1',
    '}',
  ];
}

/** Writes a file atomically in the guest (temporary name, then rename), with its mode and owner. */
export function fileStep(f: PlannedFile): Step {
  const path = shQuote(f.path);
  const tmp = shQuote(`${f.path}.infrasim-tmp`);
  const body = [
    `mkdir -p "$(dirname ${path})"`,
    `base64 -d > ${tmp} <<'INFRASIM_B64'`,
    b64Lines(f.content),
    'INFRASIM_B64',
    // chown before chmod: the kernel clears setuid/setgid on a chown, which would drop
    // the 4000/2000 bits of a mode such as 4755 that the provenance records.
    ...chown(f.owner, tmp),
    `chmod ${octal(f.mode)} ${tmp}`,
    `mv -f ${tmp} ${path}`,
  ].join('\n');
  return { what: `write ${f.path} (mode ${octal(f.mode)}, owner ${f.owner})`, body };
}

/** First line of a command, shortened, for the error marker. */
function describeCommand(command: string): string {
  const first = command.trim().split('\n')[0]!;
  const short = first.length > 160 ? first.slice(0, 157) + '...' : first;
  return command.trim().includes('\n') ? `${short} (...)` : short;
}

export interface ProvisionScriptOptions {
  /** The provisioning boot has QEMU's user-mode network: make sure the guest can use it. */
  network: boolean;
  /** Exported to every step: values that vary by run reach the guest as data, never as script text. */
  environment?: Readonly<Record<string, string>>;
}

/** The provisioning steps in order: (network), (scratch), prepare, packages, files, services, commands, record, clean up. */
export function provisioningSteps(
  plan: VariantPlan,
  options: ProvisionScriptOptions = { network: false },
): Step[] {
  const steps: Step[] = [];
  if (options.network) steps.push({ what: 'network for the provisioning run', body: networkSetup() });
  const installs = plan.packages.length > 0 || plan.prepare.length > 0;
  const setup = scratchSetup(plan.target, installs);
  if (setup.length) steps.push({ what: 'package downloads to tmpfs', body: setup.join('\n') });
  for (const c of plan.prepare) steps.push({ what: `prepare: ${describeCommand(c)}`, body: c });
  for (const c of installPackages(plan.target, plan.packages))
    steps.push({ what: `packages: ${describeCommand(c)}`, body: c });
  for (const f of plan.files) steps.push(fileStep(f));
  if (plan.target === 'generic' && plan.services.length > 0) {
    steps.push({ what: 'install the infrasim rc hook (generic target)', body: installGenericRc(b64) });
  }
  for (const s of plan.services)
    steps.push({ what: `enable service ${s}`, body: enableService(plan.target, s) });
  for (const c of plan.commands) steps.push({ what: `command: ${describeCommand(c)}`, body: c });
  steps.push({
    what: 'record the variant in /etc/infrasim/variant',
    body: `mkdir -p /etc/infrasim\nprintf '%s\\n' ${shQuote(plan.name)} > /etc/infrasim/variant`,
  });
  steps.push({
    what: 'clean up (package caches, cloud-init state)',
    body: [
      ...(options.network ? [networkTeardown()] : []),
      ...cleanupCommands(plan.target),
      ...scratchTeardown(plan.target, installs),
    ].join('\n'),
  });
  return steps;
}

/** How many of a failed step's last output lines travel, tagged, to the error message. */
const FAILED_STEP_LINES = 12;

/** The sysprep step's name in its markers and errors. */
export const SYSPREP_STEP = 'sysprep (reset per-instance state)';

/**
 * The `step` shell function: runs one base64-encoded step body in its own
 * `sh -e`, its output to the console and a log, and stops the script with a
 * tagged error (quoting the output's end) unless the body exited 0. Expects
 * `$tag` and `$work`.
 */
export function stepRunner(): string[] {
  return [
    // What the guest shows when a step's status is lost, tagged so the error message carries it:
    // whether the work directory is still there, how / and /tmp are mounted (an ext4 error
    // remounts read-only), free space, and the kernel's last words.
    'lostStatus() {',
    '  {',
    '    echo "step $1 left no exit status"',
    '    if [ -d "$work" ]; then echo "work directory $work: present"; else echo "work directory $work: gone"; fi',
    '    grep -E "^[^ ]+ /(tmp)? " /proc/mounts',
    '    df -k / /tmp',
    '    dmesg 2>/dev/null | tail -n 6',
    '  } 2>&1 | sed "s/^/$tag OUTPUT /"',
    '}',
    'step() {',
    '  what=$(echo "$2" | base64 -d)',
    '  echo "$tag STEP $1 BEGIN $what"',
    '  echo "$3" | base64 -d > "$work/step-$1.sh"',
    '  rm -f "$work/status"',
    // The step's output goes to the console as it runs and to a log; its status travels through a file
    // because a pipeline's status is tee's.
    '  { sh -e "$work/step-$1.sh" < /dev/null 2>&1; echo $? > "$work/status"; } | tee "$work/step-$1.log"',
    // Fail closed: a step that removed the status file (or the work directory) has not succeeded.
    '  status=$(cat "$work/status" 2>/dev/null) || status=',
    '  case $status in',
    '    "" | *[!0-9]*) status=255; lostStatus "$1" ;;',
    '  esac',
    '  if [ "$status" -ne 0 ]; then',
    // The failing step's last lines (apt's "E: Failed to fetch …") are quoted in the step's error.
    `    tail -n ${FAILED_STEP_LINES} "$work/step-$1.log" | sed "s/^/$tag OUTPUT /"`,
    // The fixed ending lets the console watcher match only a whole line, never a partial one.
    '    echo "$tag ERROR step $1 ($what) exited with status $status; provisioning stopped"',
    '    rm -rf "$work"',
    '    exit 1',
    '  fi',
    '  echo "$tag STEP $1 OK"',
    '}',
  ];
}

export function renderProvisionScript(
  plan: VariantPlan,
  nonce: string,
  options: ProvisionScriptOptions = { network: false },
): string {
  const tag = provisionTag(nonce);
  const list = listPackages(plan.target);
  const steps = provisioningSteps(plan, options);
  const lines = [
    '#!/bin/sh',
    `# infrasim build-variant: provisioning of variant ${plan.name} (target ${plan.target}); generated.`,
    '[ -c /dev/console ] && [ -w /dev/console ] && exec >/dev/console 2>&1',
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'export PATH',
    ...Object.entries(options.environment ?? {}).map(([k, v]) => `${k}=${shQuote(v)}; export ${k}`),
    `tag=${shQuote(tag)}`,
    'work=$(mktemp -d /tmp/infrasim-variant.XXXXXX) || exit 1',
    // The sysprep step empties /tmp: it leaves the directory its own runner needs (sysprep-script.ts).
    'INFRASIM_WORK=$work; export INFRASIM_WORK',
    ...stepRunner(),
    ...steps.map((s, i) => `step ${i + 1} ${b64(s.what)} ${b64(s.body)}`),
  ];
  if (list) {
    // Read back what is really installed, for the provenance; the count tells a truncated list.
    lines.push(
      `${list} > /tmp/infrasim-packages.txt`,
      'sed "s/^/$tag PKG /" /tmp/infrasim-packages.txt',
      'echo "$tag PKGCOUNT $(wc -l < /tmp/infrasim-packages.txt)"',
      'rm -f /tmp/infrasim-packages.txt',
    );
  }
  // Last, after every step: nothing of this boot that is per instance (host keys, machine id, seeds,
  // cloud-init state, leases, logs) stays in the overlay: the reset rules build-base applies (shared/sysprep.ts).
  // It runs as a step, so a failure quotes its own output (the command and line that failed).
  lines.push(`step ${steps.length + 1} ${b64(SYSPREP_STEP)} ${b64(sysprepScript())}`, 'rm -rf "$work"');
  lines.push('sync');
  if (plan.target === 'generic') {
    // Nothing else runs on the generic target: a read-only root is fully on disk
    // (journal checkpointed) before the marker, whatever the init does next.
    lines.push('mount -o remount,ro / 2>/dev/null', 'sync', 'echo "$tag DONE"', 'exit 0');
  } else {
    // Power off without stopping services: their stop actions (systemd-random-seed, seedrng saving a
    // seed, dhclient releasing its lease, wtmp, logs) would write instance state again after the reset.
    // systemd's forced power-off still kills every process and unmounts (or remounts read-only) every
    // filesystem; elsewhere the root is remounted read-only first. The kernel's "Power down" line ends the boot.
    lines.push(
      'echo "$tag DONE"',
      'if [ -d /run/systemd/system ]; then',
      '  systemctl poweroff --force',
      // Never return to cloud-init, which runs this script: its next modules would write their
      // semaphores (instance state) again before the power-off kills it.
      '  while :; do sleep 60; done',
      'fi',
      'sync',
      'echo u > /proc/sysrq-trigger 2>/dev/null',
      'i=0',
      'while [ $i -lt 10 ] && ! awk \'$2 == "/" && $4 ~ /^ro(,|$)/ { ro = 1 } END { exit !ro }\' /proc/mounts; do',
      '  sleep 1; i=$((i + 1))',
      'done',
      'poweroff -f',
    );
  }
  return lines.join('\n') + '\n';
}
