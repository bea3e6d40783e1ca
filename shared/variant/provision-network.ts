/**
 * Networking for the provisioning boot, whatever the base carries. A base
 * without a DHCP client (or whose cloud-init renders networkd files but has no
 * resolver, like Debian 12 with only openssh-server and cloud-init) boots with
 * no usable network, and apt fails with "Temporary failure resolving". QEMU's
 * user-mode network has fixed, documented addresses, so the provisioning run
 * configures them itself when the guest has none: an address and a default
 * route (runtime state only, gone at power-off) and a resolver configuration
 * that is moved back out of the way before the overlay is closed, so the
 * instance keeps the base's own network configuration.
 */

/** QEMU user-mode networking (slirp) defaults: guest, gateway and DNS addresses. */
export const SLIRP = { guest: '10.0.2.15/24', gateway: '10.0.2.2', dns: '10.0.2.3' } as const;

/** Where the base's resolv.conf waits (same directory: a rename keeps it exactly, symlink or file). */
const SAVED_RESOLV = '/etc/.resolv.conf.infrasim-base';
/** Marks that the provisioning run wrote /etc/resolv.conf and must restore the base's. */
const REPLACED = '/etc/.resolv.conf.infrasim-replaced';

/**
 * Brings up the first NIC with the user-mode addresses unless the guest has a
 * default route already. `ip` is iproute2's or busybox's. Runtime state only.
 */
export function addressSetup(): string {
  return [
    'ipcmd() { if command -v ip >/dev/null 2>&1; then ip "$@"; else busybox ip "$@"; fi; }',
    // /proc/net/route lists the default route as destination 00000000.
    'if ! awk \'NR > 1 && $2 == "00000000" { found = 1 } END { exit !found }\' /proc/net/route; then',
    '  dev=',
    '  for d in /sys/class/net/*; do',
    '    n=${d##*/}',
    '    [ "$n" != lo ] && [ -e "$d/device" ] && { dev=$n; break; }',
    '  done',
    // No NIC is not an error by itself (a variant may need no network); what needs it fails quoting why.
    '  if [ -z "$dev" ]; then',
    '    echo "network: no network interface in the guest (virtio-net driver missing?); continuing without" >&2',
    '  else',
    '    ipcmd link set "$dev" up',
    `    ipcmd addr add ${SLIRP.guest} dev "$dev"`,
    `    ipcmd route add default via ${SLIRP.gateway} dev "$dev"`,
    '    echo "network: $dev configured with QEMU user-mode addresses for provisioning"',
    '  fi',
    'fi',
  ].join('\n');
}

/** Points the resolver at the user-mode DNS for this run, keeping the base's configuration aside. */
export function resolverSetup(): string {
  return [
    `if [ ! -e ${REPLACED} ]; then`,
    `  if [ -e /etc/resolv.conf ] || [ -L /etc/resolv.conf ]; then mv -f /etc/resolv.conf ${SAVED_RESOLV}; fi`,
    `  : > ${REPLACED}`,
    'fi',
    `printf 'nameserver %s\\n' ${SLIRP.dns} > /etc/resolv.conf`,
  ].join('\n');
}

/**
 * Puts the base's resolver configuration (or its absence) back, whatever the
 * provisioning run left there (a DHCP client may have rewritten it): the
 * instance's resolver is the base's. A variant sets its own through its
 * resolver's configuration (resolved, resolvconf), not /etc/resolv.conf.
 */
export function resolverTeardown(): string {
  return [
    `if [ -e ${REPLACED} ]; then`,
    '  rm -f /etc/resolv.conf',
    `  if [ -e ${SAVED_RESOLV} ] || [ -L ${SAVED_RESOLV} ]; then mv -f ${SAVED_RESOLV} /etc/resolv.conf; fi`,
    `  rm -f ${REPLACED}`,
    'fi',
  ].join('\n');
}

export function networkSetup(): string {
  return `${addressSetup()}\n${resolverSetup()}`;
}

export const networkTeardown = resolverTeardown;
