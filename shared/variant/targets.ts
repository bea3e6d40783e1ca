/**
 * What differs between provisioning targets: how packages are installed,
 * how a service is enabled (and how a check sees that it is), how the
 * package database is printed for provenance, and how the image is cleaned
 * before it is closed.
 */
import type { Target } from './definition.ts';
import { GENERIC_ENABLED_DIR, GENERIC_SERVICES_DIR } from './generic-rc.ts';

/** Single-quotes a word for sh; names are validated already, this keeps it true for anything. */
export function shQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * apt-get update that fails when any index cannot be fetched. By default apt
 * only warns and exits 0, and the install fails later with a misleading
 * "Unable to locate package". The option form (not `--error-on=any`) is
 * ignored by an apt too old to know it instead of stopping it.
 */
export const APT_UPDATE = 'apt-get -o APT::Update::Error-Mode=any update';

export function installPackages(target: Target, packages: string[]): string[] {
  if (packages.length === 0) return [];
  const list = packages.map(shQuote).join(' ');
  switch (target) {
    case 'alpine':
      // `apk update` exits non-zero when a repository's index cannot be fetched, where `apk add` would
      // only warn and then fail on "unable to select packages". The index lands on the tmpfs of
      // scratchSetup, never in the overlay.
      return ['apk update --no-progress', `apk add --no-progress ${list}`];
    case 'debian':
      return [
        APT_UPDATE,
        `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${list}`,
      ];
    case 'generic':
      // The schema refuses packages for generic; this is the last line of defence.
      throw new Error('the generic target has no package manager');
  }
}

export function enableService(target: Target, service: string): string {
  const s = shQuote(service);
  switch (target) {
    case 'alpine':
      return `rc-update add ${s} default`;
    case 'debian':
      return `systemctl enable ${s}`;
    case 'generic':
      return (
        `test -x ${GENERIC_SERVICES_DIR}/${s} || { echo "no executable ${GENERIC_SERVICES_DIR}/${service}" >&2; exit 1; }\n` +
        `ln -sf ../services/${s} ${GENERIC_ENABLED_DIR}/${s}`
      );
  }
}

/** A boot-verify check that the service is enabled (and, on generic, that it ran cleanly this boot). */
export function serviceCheck(target: Target, service: string): string {
  const s = shQuote(service);
  switch (target) {
    case 'alpine':
      return `rc-update show default | grep -qw ${s}`;
    case 'debian':
      return `systemctl is-enabled ${s}`;
    case 'generic':
      return `test -L ${GENERIC_ENABLED_DIR}/${s} && test "$(cat /run/infrasim-rc/${s})" = 0`;
  }
}

/**
 * Prints the installed packages as `name|version|arch` lines. apk's database
 * is read directly (P/V/A fields); dpkg-query lists only fully installed ones.
 */
export function listPackages(target: Target): string | undefined {
  switch (target) {
    case 'alpine':
      return `awk -F: '/^P:/{p=substr($0,3)} /^V:/{v=substr($0,3)} /^A:/{a=substr($0,3)} /^$/{if(p!="")print p"|"v"|"a; p=""} END{if(p!="")print p"|"v"|"a}' /lib/apk/db/installed`;
    case 'debian':
      return `dpkg-query -W -f='\${db:Status-Abbrev}|\${Package}|\${Version}|\${Architecture}\\n' | sed -n 's/^ii *|//p'`;
    case 'generic':
      return undefined;
  }
}

export function packageManager(target: Target): 'apk' | 'dpkg' | 'none' {
  return target === 'alpine' ? 'apk' : target === 'debian' ? 'dpkg' : 'none';
}

/** apt's package lists and caches: large, and useless in the image once the packages are installed. */
const APT_SCRATCH = ['/var/lib/apt/lists', '/var/cache/apt'];
/** apk's index and package cache. */
const APK_SCRATCH = ['/var/cache/apk'];

/**
 * Keeps the package manager's downloads out of the overlay: on Debian the
 * lists and .debs go to tmpfs for the provisioning boot (otherwise the deleted
 * lists' blocks stay allocated in the overlay: 90 % of its size in a test).
 */
export function scratchSetup(target: Target, hasPackages: boolean): string[] {
  if (!hasPackages) return [];
  switch (target) {
    case 'debian':
      return [
        ...APT_SCRATCH.map((d) => `mkdir -p ${d} && mount -t tmpfs -o mode=0755 infrasim-apt ${d}`),
        'mkdir -p /var/lib/apt/lists/partial /var/cache/apt/archives/partial',
      ];
    case 'alpine':
      return APK_SCRATCH.map((d) => `mkdir -p ${d} && mount -t tmpfs -o mode=0755 infrasim-apk ${d}`);
    case 'generic':
      return [];
  }
}

export function scratchTeardown(target: Target, hasPackages: boolean): string[] {
  if (!hasPackages) return [];
  switch (target) {
    case 'debian':
      return APT_SCRATCH.map((d) => `umount ${d}`);
    case 'alpine':
      return APK_SCRATCH.map((d) => `umount ${d}`);
    case 'generic':
      return [];
  }
}

/**
 * The package manager's own clean-up after provisioning. Host keys, machine
 * identity and every other per-instance file are reset afterwards by the
 * sysprep step every provisioning script ends with (shared/sysprep.ts), the
 * same list build-base applies.
 */
export function cleanupCommands(target: Target): string[] {
  switch (target) {
    case 'alpine':
      return [
        'rm -rf /var/cache/apk/*',
        'if command -v cloud-init >/dev/null; then cloud-init clean --logs; fi',
      ];
    case 'debian':
      return [
        'apt-get clean',
        'rm -rf /var/lib/apt/lists/*',
        'if command -v cloud-init >/dev/null; then cloud-init clean --logs; fi',
      ];
    case 'generic':
      return [];
  }
}
