/**
 * shared/sysprep.ts rendered as POSIX sh for the provisioning boot's last
 * step: the same reset rules build-base applies to its manifest, run in the
 * guest just before it powers off, and the same first-boot units for a
 * daemon the variant installed whose own service does not make its keys.
 * busybox sh, Alpine and Debian alike.
 *
 * Every path is prefixed with `$r` (INFRASIM_SYSROOT, empty in the guest), so
 * a test can run the very same script against a directory tree and compare
 * it with the manifest rendering.
 */
import {
  FIRST_BOOT_KEYS,
  OPENRC_BINARIES,
  openrcPath,
  openrcRunlevelLink,
  openrcService,
  RESET_RULES,
  SYSTEMD_BINARIES,
  SYSTEMD_UNIT_DIRS,
  systemdUnit,
  unitPath,
  unitWantsLink,
  type FirstBootKeys,
} from '../sysprep.ts';
import { shQuote } from './targets.ts';

/** The patterns are fixed text of shared/sysprep.ts; this keeps them out of any shell syntax but globbing. */
const SAFE_PATTERN = /^\/[A-Za-z0-9_.*?[\]!/+-]+$/;

function pattern(p: string): string {
  if (!SAFE_PATTERN.test(p))
    throw new Error(`sysprep pattern '${p}' has characters the shell would interpret`);
  // The root prefix is quoted, the pattern is not: the shell expands it.
  return `"$r"${p}`;
}

const anyExists = (paths: readonly string[]) => paths.map((p) => `[ -e "$r"${shQuote(p)} ]`).join(' || ');

function writeFile(path: string, text: string, mode: string): string[] {
  return [
    `mkdir -p "$r"${shQuote(path.slice(0, path.lastIndexOf('/')))}`,
    `cat > "$r"${shQuote(path)} <<'INFRASIM_SYSPREP_FILE'`,
    text.replace(/\n$/, ''),
    'INFRASIM_SYSPREP_FILE',
    `chmod ${mode} "$r"${shQuote(path)}`,
  ];
}

function link(path: string, target: string): string[] {
  return [
    `mkdir -p "$r"${shQuote(path.slice(0, path.lastIndexOf('/')))}`,
    `ln -sfn ${shQuote(target)} "$r"${shQuote(path)}`,
  ];
}

function firstBoot(k: FirstBootKeys): string[] {
  const own = (files: string[]) =>
    k.selfMade
      ? [
          'own=no',
          `for f in ${files.map((f) => `"$r"${shQuote(f)}`).join(' ')}; do`,
          `  if [ -f "$f" ] && grep -Eqs ${shQuote(k.selfMade)} "$f"; then own=yes; fi`,
          'done',
        ]
      : ['own=no'];
  const systemdFiles = k.systemdUnits.flatMap((u) => SYSTEMD_UNIT_DIRS.map((d) => `${d}/${u}`));
  const openrcFiles = k.openrcServices.map((s) => `/etc/init.d/${s}`);
  // Not indented: a here-document's text and its end line must stay as they are.
  const indent = (lines: string[]) => lines;
  return [
    `if ${anyExists(k.daemon)}; then`,
    `  if ${anyExists(SYSTEMD_BINARIES)}; then`,
    ...own(systemdFiles).map((l) => `  ${l}`),
    `  if [ "$own" = no ] && [ ! -e "$r"${shQuote(unitPath(k))} ]; then`,
    ...indent(writeFile(unitPath(k), systemdUnit(k), '0644')),
    ...indent(link(unitWantsLink(k), unitPath(k))),
    `    echo "sysprep: added ${unitPath(k)} (${k.rule})"`,
    '  fi',
    `  elif ${anyExists(OPENRC_BINARIES)}; then`,
    ...own(openrcFiles).map((l) => `  ${l}`),
    `  if [ "$own" = no ] && [ ! -e "$r"${shQuote(openrcPath(k))} ]; then`,
    ...indent(writeFile(openrcPath(k), openrcService(k), '0755')),
    ...indent(link(openrcRunlevelLink(k), openrcPath(k))),
    `    echo "sysprep: added ${openrcPath(k)} (${k.rule})"`,
    '  fi',
    '  else',
    `    echo "sysprep: warning: ${k.daemon[0]} is installed but neither systemd nor OpenRC is: nothing makes its keys at boot"`,
    '  fi',
    'fi',
  ];
}

/**
 * The reset as a shell script (run it with `sh -e`). It prints one line per
 * path it resets. In a running guest it first moves journald off /var, so the
 * journal files it removes are not written again.
 */
export function sysprepScript(): string {
  const lines = [
    '# infrasim sysprep: no per-instance state leaves the provisioning boot (rules: shared/sysprep.ts).',
    'r=${INFRASIM_SYSROOT:-}',
    'if [ -z "$r" ] && command -v journalctl >/dev/null 2>&1; then journalctl --relinquish-var >/dev/null 2>&1 || :; fi',
    'removed=',
    'reset_remove() {',
    '  rule=$1; shift',
    '  for p in "$@"; do',
    // The provisioning script's own work directory (its step logs and statuses) goes after the last step.
    '    [ -n "${INFRASIM_WORK:-}" ] && [ "$p" = "$INFRASIM_WORK" ] && continue',
    '    if [ -e "$p" ] || [ -L "$p" ]; then',
    '      rm -rf -- "$p"',
    '      removed="$removed ${p##*/}"',
    '      echo "sysprep: removed ${p#"$r"} ($rule)"',
    '    fi',
    '  done',
    '}',
    'reset_truncate() {',
    '  rule=$1; shift',
    '  for p in "$@"; do',
    '    if [ -f "$p" ] && [ ! -L "$p" ] && [ -s "$p" ]; then',
    '      : > "$p"',
    '      echo "sysprep: emptied ${p#"$r"} ($rule)"',
    '    fi',
    '  done',
    '}',
    // Symlinks in a directory pointing at a file the rule removed (ssl-cert's hash links).
    'prune_links() {',
    '  rule=$1; dir=$2',
    '  [ -n "$removed" ] || return 0',
    '  for l in "$dir"/*; do',
    '    [ -L "$l" ] || continue',
    '    t=$(readlink "$l"); t=${t##*/}',
    '    for name in $removed; do',
    '      if [ "$t" = "$name" ]; then rm -f -- "$l"; echo "sysprep: removed ${l#"$r"} ($rule)"; break; fi',
    '    done',
    '  done',
    '}',
  ];
  for (const rule of RESET_RULES) {
    lines.push('removed=', `reset_${rule.action} ${rule.id} ${rule.paths.map(pattern).join(' ')}`);
    for (const dir of rule.linksIn ?? []) lines.push(`prune_links ${rule.id} "$r"${shQuote(dir)}`);
  }
  for (const k of FIRST_BOOT_KEYS) lines.push(...firstBoot(k));
  return lines.join('\n') + '\n';
}
