/**
 * The scripts and configuration the built-in variants install. They are
 * POSIX sh for busybox, Alpine and Debian alike, and every one of them runs
 * in the instance: nothing secret is ever generated at build time.
 */

/**
 * Renders /etc/wireguard/wg0.conf on the instance's first boot. The private
 * key is generated here, in the instance, so no two instances share it and
 * the golden image never carries one.
 */
export const WIREGUARD_FIRSTBOOT = `#!/bin/sh
# infrasim: render /etc/wireguard/wg0.conf with a key generated on this instance.
set -eu
conf=/etc/wireguard/wg0.conf
say() { echo "infrasim-wireguard-firstboot: $*"; }
if [ -s "$conf" ]; then
  say "$conf exists; nothing to do"
  exit 0
fi
umask 077
mkdir -p /etc/wireguard
if command -v wg >/dev/null 2>&1; then
  key=$(wg genkey)
else
  # No wireguard-tools in this image: 32 random bytes are a valid key too
  # (the kernel clamps a Curve25519 private key when it is set).
  key=$(head -c 32 /dev/urandom | base64)
fi
# Two random octets place the instance in 10.50.0.0/16; peers are added at run time.
set -- $(od -An -N2 -tu1 /dev/urandom)
address="10.50.$1.$(($2 % 254 + 1))/24"
tmp="$conf.tmp.$$"
{
  echo "[Interface]"
  echo "# Rendered on first boot by infrasim-wireguard-firstboot; peers are added at run time."
  echo "PrivateKey = $key"
  echo "Address = $address"
  echo "ListenPort = 51820"
} > "$tmp"
mv "$tmp" "$conf"
if command -v wg >/dev/null 2>&1; then
  say "generated wg0 key, public key $(printf '%s' "$key" | wg pubkey), address $address"
else
  say "generated wg0 key, address $address"
fi
`;

export const WIREGUARD_OPENRC = `#!/sbin/openrc-run
description="Render /etc/wireguard/wg0.conf with a key generated on this instance"
depend() {
  need localmount
  before net
}
start() {
  ebegin "Rendering WireGuard wg0 configuration"
  /usr/libexec/infrasim/wireguard-firstboot
  eend $?
}
`;

export const WIREGUARD_SYSTEMD = `[Unit]
Description=Render /etc/wireguard/wg0.conf with a key generated on this instance
ConditionPathExists=!/etc/wireguard/wg0.conf
After=local-fs.target
Before=network-pre.target wg-quick@wg0.service
Wants=network-pre.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/libexec/infrasim/wireguard-firstboot

[Install]
WantedBy=multi-user.target
`;

/**
 * The tailscale variant's settings. `tags` are the ACL tags the node
 * advertises: none unless the workflow names them (build-variant's
 * `tailscale-advertise-tags`), because a tag the tailnet's policy has no
 * tagOwners entry for makes `tailscale up` fail ("requested tags … are
 * invalid or not permitted"). Tags stay on one line: tailscale-up reads them
 * with sed.
 */
export function tailscaleConfig(tags: readonly string[]): string {
  return `{
  "advertise_exit_node": false,
  "accept_dns": true,
  "accept_routes": true,
  "ssh": true,
  "tags": ${JSON.stringify(tags).replaceAll(',', ', ')}
}
`;
}

/**
 * Joins the tailnet with the flags of config.json once an auth key was
 * provided at run time (by cloud-init, a secret store or an operator) at
 * /run/infrasim/tailscale/authkey or /etc/infrasim/tailscale/authkey. The key
 * is read from a file, never from the image, and removed after use.
 */
export const TAILSCALE_UP = `#!/bin/sh
# infrasim: join the tailnet with config.json's settings once an auth key is provided at run time.
set -eu
say() { echo "infrasim-tailscale-up: $*"; }
config=/etc/infrasim/tailscale/config.json
key=""
for f in /run/infrasim/tailscale/authkey /etc/infrasim/tailscale/authkey; do
  if [ -s "$f" ]; then key=$f; break; fi
done
if [ -z "$key" ]; then
  say "no auth key provided at run time; not joining (put one in /run/infrasim/tailscale/authkey)"
  exit 0
fi
if ! command -v tailscale >/dev/null 2>&1; then
  say "tailscale is not installed"
  exit 1
fi
flag() { if grep -Eq "\\"$1\\"[[:space:]]*:[[:space:]]*true" "$config"; then echo true; else echo false; fi; }
tags=$(sed -n 's/.*"tags"[[:space:]]*:[[:space:]]*\\[\\(.*\\)\\].*/\\1/p' "$config" | tr -d ' "')
tailscale up --auth-key="file:$key" \\
  --advertise-exit-node="$(flag advertise_exit_node)" \\
  --accept-dns="$(flag accept_dns)" \\
  --accept-routes="$(flag accept_routes)" \\
  --ssh="$(flag ssh)" \\
  \${tags:+--advertise-tags="$tags"}
rm -f "$key"
say "joined the tailnet"
`;

export const TAILSCALE_UP_OPENRC = `#!/sbin/openrc-run
description="Join the tailnet once an auth key was provided at run time"
depend() {
  need tailscale
  after net
}
start() {
  ebegin "Joining the tailnet"
  /usr/libexec/infrasim/tailscale-up
  eend $?
}
`;

export const TAILSCALE_UP_SYSTEMD = `[Unit]
Description=Join the tailnet once an auth key was provided at run time
After=tailscaled.service network-online.target
Wants=tailscaled.service network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/libexec/infrasim/tailscale-up

[Install]
WantedBy=multi-user.target
`;

/**
 * dual-vpn's nftables policy: control-plane traffic (SSH, telemetry,
 * management) is marked 0x100 and routed by table 100 via tailscale0;
 * data-plane traffic (VM traffic, storage replication, live migration) is
 * marked 0x200 and routed by table 200 via wg0; nothing is forwarded between
 * the two interfaces. The ip rules live in the routing script below.
 */
export const DUAL_VPN_NFT = `#!/usr/sbin/nft -f
# infrasim dual-vpn policy (generated by build-variant). Loading it replaces the table.
table inet infrasim_dual_vpn
delete table inet infrasim_dual_vpn

table inet infrasim_dual_vpn {
  # Control plane (tailscale0): SSH, telemetry (node exporter, OTLP), management API.
  set control_tcp {
    type inet_service
    elements = { 22, 4317, 4318, 9100, 8443 }
  }
  # Data plane (wg0): storage replication (DRBD, iSCSI, NBD), live migration (QEMU/libvirt).
  set data_tcp {
    type inet_service
    flags interval
    elements = { 3260, 7788-7799, 10809, 16509, 49152-49215 }
  }
  # VM traffic enters from the hypervisor's VM bridges.
  set vm_bridges {
    type ifname
    elements = { "br-vm0", "br-vm1" }
  }

  chain classify {
    meta mark 0x100 return
    meta mark 0x200 return
    tcp dport @control_tcp meta mark set 0x100
    tcp dport @data_tcp meta mark set 0x200
    ct mark set meta mark
  }

  chain prerouting {
    type filter hook prerouting priority mangle; policy accept;
    ct mark != 0x0 meta mark set ct mark
    iifname @vm_bridges meta mark set 0x200
    jump classify
  }

  chain output {
    type route hook output priority mangle; policy accept;
    ct mark != 0x0 meta mark set ct mark
    jump classify
  }

  chain forward {
    type filter hook forward priority filter; policy accept;
    # The planes never meet: nothing crosses between tailscale0 and wg0.
    iifname "tailscale0" oifname "wg0" counter drop
    iifname "wg0" oifname "tailscale0" counter drop
  }
}
`;

/** Loads the ruleset and the policy-routing rules for marks 0x100 (table 100) and 0x200 (table 200). */
export const DUAL_VPN_ROUTING = `#!/bin/sh
# infrasim: dual-vpn policy routing. Interfaces may come up later: routes are retried by their own services.
set -u
say() { echo "infrasim-dual-vpn-routing: $*"; }
if command -v nft >/dev/null 2>&1; then
  nft -f /etc/infrasim/nftables/dual-vpn.nft && say "nftables policy loaded"
else
  say "nft is not installed; policy not loaded"
fi
if command -v ip >/dev/null 2>&1; then
  ip rule del fwmark 0x100 table 100 2>/dev/null
  ip rule del fwmark 0x200 table 200 2>/dev/null
  ip rule add fwmark 0x100 table 100 priority 1000 && say "fwmark 0x100 -> table 100"
  ip rule add fwmark 0x200 table 200 priority 1001 && say "fwmark 0x200 -> table 200"
  ip route replace default dev tailscale0 table 100 2>/dev/null || say "tailscale0 not up yet (table 100 route deferred)"
  ip route replace default dev wg0 table 200 2>/dev/null || say "wg0 not up yet (table 200 route deferred)"
fi
exit 0
`;

export const DUAL_VPN_OPENRC = `#!/sbin/openrc-run
description="dual-vpn nftables policy and policy routing"
depend() {
  need net
  after tailscale
}
start() {
  ebegin "Loading the dual-vpn policy"
  /usr/libexec/infrasim/dual-vpn-routing
  eend $?
}
`;

export const DUAL_VPN_SYSTEMD = `[Unit]
Description=dual-vpn nftables policy and policy routing
After=network-online.target tailscaled.service
Wants=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/libexec/infrasim/dual-vpn-routing

[Install]
WantedBy=multi-user.target
`;

/** The generic target's service wrapper: a script run by the rc hook at boot (see generic-rc.ts). */
export function genericService(description: string, program: string): string {
  return `#!/bin/sh\n# ${description}\nexec ${program}\n`;
}
