/**
 * The four built-in variants of seed 002 (no-vpn, wireguard, tailscale,
 * dual-vpn), written in the same YAML a user's own definition file uses and
 * validated by the same schema. They live in a module rather than in .yaml
 * files beside it so the ncc bundle carries them.
 *
 * Per target: alpine (apk + OpenRC), debian (apt + systemd) and generic (no
 * package manager, no service manager: files, commands and the rc hook of
 * generic-rc.ts — what the suite's busybox test image can run).
 *
 * What a tailnet or a site decides (the ACL tags a node advertises) is not
 * written into a definition: it comes from the workflow as BuiltinSettings,
 * and the definition text rendered with it is what is hashed into the
 * provenance.
 */
import {
  DUAL_VPN_NFT,
  DUAL_VPN_OPENRC,
  DUAL_VPN_ROUTING,
  DUAL_VPN_SYSTEMD,
  genericService,
  tailscaleConfig,
  TAILSCALE_UP,
  TAILSCALE_UP_OPENRC,
  TAILSCALE_UP_SYSTEMD,
  WIREGUARD_FIRSTBOOT,
  WIREGUARD_OPENRC,
  WIREGUARD_SYSTEMD,
} from './scripts.ts';
import { APT_UPDATE } from './targets.ts';

/** A YAML block scalar holding `text`, indented to sit under a key at `indent` spaces. */
function block(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return (
    '|\n' +
    text
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l ? pad + l : ''))
      .join('\n')
  );
}

const NO_VPN = `
name: no-vpn
description: The base only, for isolated or air-gapped networks and custom VPN setups.
checks:
  - "[1] test -e /etc/wireguard/wg0.conf"
  - "[1] test -e /etc/infrasim/tailscale/config.json"
`;

const WIREGUARD = `
name: wireguard
description: >-
  WireGuard peer-to-peer mesh. wg0 is rendered on the instance's first boot with a private key
  generated there (ListenPort 51820, an address in 10.50.0.0/16); avahi announces peers over mDNS.
files:
  - path: /usr/libexec/infrasim/wireguard-firstboot
    mode: "0755"
    content: ${block(WIREGUARD_FIRSTBOOT, 6)}
  - path: /etc/modules-load.d/wireguard.conf
    mode: "0644"
    content: |
      # Load WireGuard kernel support at boot (built in or a module of the distribution's kernel).
      wireguard
commands:
  # The key is written on first boot into a directory only root can read.
  - mkdir -p /etc/wireguard && chmod 0700 /etc/wireguard
  - test ! -e /etc/wireguard/wg0.conf
checks:
  - test "$(stat -c %a /etc/wireguard)" = 700
  - test "$(stat -c %a /etc/wireguard/wg0.conf)" = 600
  - grep -Eq '^PrivateKey = [A-Za-z0-9+/]{43}=$' /etc/wireguard/wg0.conf
  - grep -Eq '^Address = 10\\.50\\.[0-9]{1,3}\\.[0-9]{1,3}/24$' /etc/wireguard/wg0.conf
  - grep -q '^ListenPort = 51820$' /etc/wireguard/wg0.conf
distros:
  alpine:
    # linux-virt/linux-lts carry WireGuard; wireguard-lts is no longer a separate package.
    packages: [wireguard-tools, avahi, avahi-tools, libqrencode]
    services: [avahi-daemon, infrasim-wireguard-firstboot]
    files:
      - path: /etc/init.d/infrasim-wireguard-firstboot
        mode: "0755"
        content: ${block(WIREGUARD_OPENRC, 10)}
    checks:
      - wg --version
  debian:
    packages: [wireguard-tools, avahi-daemon, avahi-utils, libqrencode4]
    services: [avahi-daemon, infrasim-wireguard-firstboot]
    files:
      - path: /etc/systemd/system/infrasim-wireguard-firstboot.service
        mode: "0644"
        content: ${block(WIREGUARD_SYSTEMD, 10)}
    checks:
      - wg --version
  generic:
    services: [infrasim-wireguard-firstboot]
    files:
      - path: /etc/infrasim/services/infrasim-wireguard-firstboot
        mode: "0755"
        content: ${block(genericService('WireGuard first-boot key', '/usr/libexec/infrasim/wireguard-firstboot'), 10)}
`;

/** Choices the workflow makes for the built-in definitions (build-variant's inputs). */
export interface BuiltinSettings {
  /** ACL tags the tailscale node advertises (`tag:<name>`, validated); none by default. */
  tailscaleTags: readonly string[];
}

export const DEFAULT_BUILTIN_SETTINGS: BuiltinSettings = { tailscaleTags: [] };

const TAILSCALE = (settings: BuiltinSettings) => `
name: tailscale
description: >-
  Tailscale control plane. The client and its service are installed with
  /etc/infrasim/tailscale/config.json; the auth key is provided only at run time.
files:
  - path: /etc/infrasim/tailscale/config.json
    mode: "0644"
    content: ${block(tailscaleConfig(settings.tailscaleTags), 6)}
  - path: /usr/libexec/infrasim/tailscale-up
    mode: "0755"
    content: ${block(TAILSCALE_UP, 6)}
commands:
  # The auth key must never be baked in: fail the build if one slipped into the image.
  - test ! -e /etc/infrasim/tailscale/authkey
checks:
  - grep -q '"ssh":[[:space:]]*true' /etc/infrasim/tailscale/config.json
  - "[1] test -e /etc/infrasim/tailscale/authkey"
distros:
  alpine:
    packages: [tailscale, tailscale-openrc]
    services: [tailscale, infrasim-tailscale-up]
    files:
      - path: /etc/init.d/infrasim-tailscale-up
        mode: "0755"
        content: ${block(TAILSCALE_UP_OPENRC, 10)}
    checks:
      - tailscale version
  debian:
    # Tailscale is not in Debian's archive: its own repository is added first.
    prepare:
      - ${APT_UPDATE}
      - DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl
      # The repository is build-variant's tailscale-repository input (default: Tailscale's own).
      - curl -fsSL -o /usr/share/keyrings/tailscale-archive-keyring.gpg "$INFRASIM_TAILSCALE_REPOSITORY/$(. /etc/os-release; echo $ID)/$(. /etc/os-release; echo $VERSION_CODENAME).noarmor.gpg"
      - echo "deb [signed-by=/usr/share/keyrings/tailscale-archive-keyring.gpg] $INFRASIM_TAILSCALE_REPOSITORY/$(. /etc/os-release; echo $ID) $(. /etc/os-release; echo $VERSION_CODENAME) main" > /etc/apt/sources.list.d/tailscale.list
    packages: [tailscale]
    services: [tailscaled, infrasim-tailscale-up]
    files:
      - path: /etc/systemd/system/infrasim-tailscale-up.service
        mode: "0644"
        content: ${block(TAILSCALE_UP_SYSTEMD, 10)}
    checks:
      - tailscale version
  generic:
    services: [infrasim-tailscale-up]
    files:
      - path: /etc/infrasim/services/infrasim-tailscale-up
        mode: "0755"
        content: ${block(genericService('Join the tailnet once an auth key is provided', '/usr/libexec/infrasim/tailscale-up'), 10)}
`;

const DUAL_VPN = `
name: dual-vpn
description: >-
  Tailscale control plane (mark 0x100, table 100: SSH, telemetry, management) and WireGuard data
  plane (mark 0x200, table 200: VM traffic, storage replication, live migration); nftables drops
  forwarding between tailscale0 and wg0.
extends: [wireguard, tailscale]
files:
  - path: /etc/infrasim/nftables/dual-vpn.nft
    mode: "0644"
    content: ${block(DUAL_VPN_NFT, 6)}
  - path: /usr/libexec/infrasim/dual-vpn-routing
    mode: "0755"
    content: ${block(DUAL_VPN_ROUTING, 6)}
checks:
  - grep -q 'meta mark set 0x100' /etc/infrasim/nftables/dual-vpn.nft
  - grep -q 'iifname "tailscale0" oifname "wg0" counter drop' /etc/infrasim/nftables/dual-vpn.nft
distros:
  alpine:
    packages: [nftables, iproute2]
    services: [infrasim-dual-vpn-routing]
    files:
      - path: /etc/init.d/infrasim-dual-vpn-routing
        mode: "0755"
        content: ${block(DUAL_VPN_OPENRC, 10)}
    checks:
      - nft -c -f /etc/infrasim/nftables/dual-vpn.nft
  debian:
    packages: [nftables, iproute2]
    services: [infrasim-dual-vpn-routing]
    files:
      - path: /etc/systemd/system/infrasim-dual-vpn-routing.service
        mode: "0644"
        content: ${block(DUAL_VPN_SYSTEMD, 10)}
    checks:
      - nft -c -f /etc/infrasim/nftables/dual-vpn.nft
  generic:
    services: [infrasim-dual-vpn-routing]
    files:
      - path: /etc/infrasim/services/infrasim-dual-vpn-routing
        mode: "0755"
        content: ${block(genericService('dual-vpn policy routing', '/usr/libexec/infrasim/dual-vpn-routing'), 10)}
`;

const BUILTIN_DEFINITIONS: Readonly<Record<string, (settings: BuiltinSettings) => string>> = {
  'no-vpn': () => NO_VPN,
  wireguard: () => WIREGUARD,
  tailscale: TAILSCALE,
  'dual-vpn': () => DUAL_VPN,
};

export const BUILTIN_NAMES = Object.keys(BUILTIN_DEFINITIONS);

/** The YAML text of the built-in `name`, rendered with the workflow's settings. */
export function builtinDefinition(
  name: string,
  settings: BuiltinSettings = DEFAULT_BUILTIN_SETTINGS,
): string {
  const render = BUILTIN_DEFINITIONS[name];
  if (!render) throw new Error(`'${name}' is not a built-in variant`);
  return render(settings);
}
