/**
 * Golden-image hygiene ("sysprep"): what must never travel from a build into
 * every instance made from the image — private keys, machine identity,
 * random seeds, the state of the boot that provisioned it, logs stamped at
 * build time — as data in one place, each entry with its reason. build-base
 * applies it to the rootfs manifest (shared/image/sysprep-manifest.ts);
 * build-variant renders it into the provisioning boot's last step
 * (shared/variant/sysprep-script.ts). What was removed and is needed is made
 * again on the instance's first boot (FIRST_BOOT_KEYS below).
 *
 * Compared with the tools of the field (libguestfs virt-sysprep's operations,
 * mkosi's install cleanup, mmdebstrap's cleanup/reproducible,
 * systemd's "Safely Building Images"):
 *
 * | rule here            | virt-sysprep op         | mkosi / mmdebstrap / systemd doc                    |
 * |----------------------|-------------------------|-----------------------------------------------------|
 * | ssh-hostkeys         | ssh-hostkeys            | (neither removes them; mkosi never runs postinsts that make them for sshd-keygen distros) |
 * | dropbear-hostkeys    | —                       | —                                                   |
 * | ssl-snakeoil         | —                       | —  (Debian's ssl-cert makes a key pair in postinst)  |
 * | machine-id           | machine-id (truncates)  | mkosi "uninitialized" when absent; mmdebstrap empties it; systemd doc: remove or "uninitialized" |
 * | dbus-machine-id      | machine-id              | mkosi and mmdebstrap remove it                      |
 * | machine-info         | —                       | mkosi removes it; systemd doc suggests it           |
 * | random-seed          | random-seed (writes a fresh seed: not reproducible, so removed here) | mkosi removes it; systemd doc item 2 |
 * | credential-secret    | —                       | mkosi removes it; systemd doc item 5                |
 * | cloud-init-state     | — (cloud-init clean)    | —                                                   |
 * | dhcp-client-state    | dhcp-client-state       | —                                                   |
 * | resolv-conf          | —                       | mmdebstrap copies the build host's file in and leaves it ("use a customize hook") |
 * | network-identity     | net-nmconn (partly)     | —                                                   |
 * | udev-persistent-net  | udev-persistent-net     | —                                                   |
 * | logfiles             | logfiles                | mmdebstrap removes dpkg/apt/alternatives logs       |
 * | login-records        | utmp, logfiles          | —                                                   |
 * | package-manager-cache| package-manager-cache   | mkosi CleanPackageMetadata (also the databases: not here, the image keeps its package manager) |
 * | ldconfig-aux-cache   | —                       | mmdebstrap removes it (build-time stamps)           |
 * | tmp-files            | tmp-files               | mmdebstrap cleanup/tmp, cleanup/run                 |
 * | shell-history        | bash-history            | —                                                   |
 * | crash-data           | crash-data, abrt-data   | —                                                   |
 * | boot-loader-seed     | —                       | systemd doc item 3 (/loader/random-seed on the ESP) |
 *
 * Left out on purpose: virt-sysprep's user-account, ssh-userdir and
 * customize (an image's users and authorized keys are configuration, and
 * public); fs-uuids and lvm-uuids (the image is one disk file whose
 * identifiers are fixed for reproducibility, like any cloud image's);
 * /etc/hostname in general (build-base writes `localhost` for Debian and
 * Ubuntu; a given rootfs's or `files` hostname is the caller's
 * configuration). The one hostname that is instance state — the name
 * cloud-init gave build-variant's provisioning boot — is put back by
 * build-variant (shared/variant/sysprep-script.ts).
 *
 * /etc/machine-id is emptied, not written `uninitialized`: machine-id(5)
 * advises an empty file for images (a bind-mount target for read-only roots),
 * systemd then makes a fresh id on every instance without treating the boot
 * as a "first boot" — which on a Debian image would run systemd-firstboot's
 * prompts and a preset-all that re-enables units the image disabled.
 *
 * Patterns are absolute and use POSIX sh pathname expansion (`*`, `?`,
 * `[...]` within one path component, never matching a leading dot), so the
 * manifest and the guest's shell read them alike.
 */

export type ResetAction = 'remove' | 'truncate';

export interface ResetRule {
  /** Name of the rule (virt-sysprep's operation name where one matches). */
  id: string;
  /** Absolute glob patterns. `remove` takes a matched directory with everything in it. */
  paths: readonly string[];
  action: ResetAction;
  reason: string;
  /**
   * Directories whose symlinks pointing at a file this rule removed go too
   * (ssl-cert links `/etc/ssl/certs/<hash>.0` to its snakeoil certificate).
   */
  linksIn?: readonly string[];
}

export const RESET_RULES: readonly ResetRule[] = [
  {
    id: 'ssh-hostkeys',
    paths: ['/etc/ssh/ssh_host_*'],
    action: 'remove',
    reason:
      "SSH host private keys, made by openssh-server's install script: every instance would share them and could impersonate the others",
  },
  {
    id: 'dropbear-hostkeys',
    paths: ['/etc/dropbear/dropbear_*_host_key'],
    action: 'remove',
    reason: "Dropbear host private keys, made by Debian's dropbear install script: shared by every instance",
  },
  {
    id: 'ssl-snakeoil',
    paths: ['/etc/ssl/private/ssl-cert-snakeoil.key', '/etc/ssl/certs/ssl-cert-snakeoil.pem'],
    action: 'remove',
    linksIn: ['/etc/ssl/certs'],
    reason:
      "the self-signed TLS key pair Debian's ssl-cert makes at install (web and mail servers use it by default): shared by every instance",
  },
  {
    id: 'machine-id',
    paths: ['/etc/machine-id'],
    action: 'truncate',
    reason:
      'the machine identity (network identifiers, journal, DHCP client ids derive from it); empty, systemd makes one per instance at boot',
  },
  {
    id: 'dbus-machine-id',
    paths: ['/var/lib/dbus/machine-id'],
    action: 'remove',
    reason:
      "D-Bus's copy of the machine identity; systemd-tmpfiles links it to /etc/machine-id again, dbus-uuidgen --ensure makes it elsewhere",
  },
  {
    id: 'machine-info',
    paths: ['/etc/machine-info'],
    action: 'remove',
    reason: "the build machine's pretty hostname, location and deployment (hostnamectl)",
  },
  {
    id: 'random-seed',
    paths: [
      '/var/lib/systemd/random-seed',
      '/var/lib/random-seed',
      '/var/lib/urandom/random-seed',
      '/var/lib/seedrng/seed.*',
    ],
    action: 'remove',
    reason:
      "seeds the kernel's random pool at boot: every instance would start from the same seed (systemd-random-seed and seedrng start without one)",
  },
  {
    id: 'credential-secret',
    paths: ['/var/lib/systemd/credential.secret'],
    action: 'remove',
    reason: 'the host key systemd-creds encrypts service credentials with: made on first use, per instance',
  },
  {
    id: 'cloud-init-state',
    paths: [
      '/var/lib/cloud/instance',
      '/var/lib/cloud/instances',
      '/var/lib/cloud/data',
      '/var/lib/cloud/sem',
      '/var/lib/cloud/handlers',
    ],
    action: 'remove',
    reason:
      "cloud-init's record of the instance that ran (the seed and scripts directories are the image's and stay): left behind, an instance would skip its per-instance setup",
  },
  {
    id: 'dhcp-client-state',
    paths: [
      '/var/lib/dhcp/*.leases',
      '/var/lib/dhclient/*',
      '/var/lib/dhcpcd/*',
      '/var/lib/NetworkManager/*.lease',
      '/var/lib/NetworkManager/timestamps',
    ],
    action: 'remove',
    reason: "leases the build or provisioning boot got: an instance would ask for another machine's address",
  },
  {
    id: 'resolv-conf',
    paths: ['/etc/resolv.conf'],
    action: 'truncate',
    reason:
      "the build machine's DNS servers (mmdebstrap copies the host's file); an instance gets its own from DHCP or its resolver (a symlink, systemd-resolved's, is kept)",
  },
  {
    id: 'network-identity',
    paths: ['/var/lib/NetworkManager/secret_key', '/etc/dhcpcd.duid'],
    action: 'remove',
    reason:
      'per-machine secrets and DHCP unique ids (stable-privacy IPv6 addresses, DHCPv6 DUID): instances would present the same identity',
  },
  {
    id: 'udev-persistent-net',
    paths: ['/etc/udev/rules.d/70-persistent-net.rules'],
    action: 'remove',
    reason: "binds interface names to the build machine's MAC addresses",
  },
  {
    id: 'logfiles',
    paths: [
      '/var/log/dpkg.log*',
      '/var/log/apt/history.log*',
      '/var/log/apt/term.log*',
      '/var/log/apt/eipp.log.xz',
      '/var/log/alternatives.log*',
      '/var/log/bootstrap.log',
      '/var/log/installer',
      '/var/log/apk.log',
      '/var/log/cloud-init.log',
      '/var/log/cloud-init-output.log',
      '/var/log/journal/*',
      '/var/log/syslog*',
      '/var/log/messages*',
      '/var/log/auth.log*',
      '/var/log/kern.log*',
      '/var/log/daemon.log*',
      '/var/log/dmesg*',
      '/var/log/boot.log*',
    ],
    action: 'remove',
    reason:
      'logs of the package manager, the installer, cloud-init and the provisioning boot: build-time stamps and the build machine identity, and a different image every build',
  },
  {
    id: 'login-records',
    paths: ['/var/log/wtmp', '/var/log/btmp', '/var/log/lastlog', '/var/log/faillog'],
    action: 'truncate',
    reason:
      "boot and login records of the build or provisioning boot (emptied: the files' owner and mode stay)",
  },
  {
    id: 'package-manager-cache',
    paths: ['/var/cache/apt/*.bin', '/var/cache/apt/archives/*.deb', '/var/cache/apk/*'],
    action: 'remove',
    reason: 'downloaded packages and binary caches with build-time stamps; the package manager remakes them',
  },
  {
    id: 'ldconfig-aux-cache',
    paths: ['/var/cache/ldconfig/aux-cache'],
    action: 'remove',
    reason: "ldconfig's cache of file times: differs every build, and ldconfig remakes it",
  },
  {
    id: 'tmp-files',
    paths: ['/tmp/*', '/var/tmp/*'],
    action: 'remove',
    reason: 'temporary files of the build or provisioning boot',
  },
  {
    id: 'shell-history',
    paths: ['/root/.bash_history', '/root/.ash_history', '/home/*/.bash_history', '/home/*/.ash_history'],
    action: 'remove',
    reason: 'commands typed on the build machine',
  },
  {
    id: 'crash-data',
    paths: ['/var/lib/systemd/coredump/*', '/var/crash/*'],
    action: 'remove',
    reason: "core dumps hold the memory of the build's processes",
  },
  {
    id: 'boot-loader-seed',
    paths: ['/boot/efi/loader/random-seed', '/efi/loader/random-seed', '/boot/loader/random-seed'],
    action: 'remove',
    reason: "systemd-boot's random seed on an ESP kept in the rootfs: shared by every instance",
  },
];

/**
 * What makes a removed key on the instance's first boot. Added to an image
 * only when the daemon is in it and its own service does not make the key
 * already (Alpine's sshd and dropbear init scripts run ssh-keygen -A and
 * dropbearkey; Fedora's sshd.service wants sshd-keygen; Debian's and Ubuntu's
 * ssh.service and dropbear.service do not: there only cloud-init does).
 */
export interface FirstBootKeys {
  /** The reset rule whose files this makes again. */
  rule: string;
  /** Name of the unit / OpenRC service the image carries. */
  service: string;
  description: string;
  /** The daemon's programs: any of them in the image means it is installed. */
  daemon: readonly string[];
  /** The daemon's own systemd units, read to see whether they make the keys themselves. */
  systemdUnits: readonly string[];
  /** The daemon's own OpenRC services (also ordered after ours). */
  openrcServices: readonly string[];
  /** Extended regular expression that, found in the daemon's own service file, shows it makes the keys itself. */
  selfMade?: string;
  /** When any path matches this glob the keys exist and nothing runs. */
  present: string;
  /** Commands (absolute programs, no shell syntax) that make them. */
  commands: readonly string[];
}

export const FIRST_BOOT_KEYS: readonly FirstBootKeys[] = [
  {
    rule: 'ssh-hostkeys',
    service: 'infrasim-ssh-hostkeys',
    description: 'Generate the SSH host keys of this instance',
    daemon: ['/usr/sbin/sshd'],
    systemdUnits: ['ssh.service', 'sshd.service'],
    openrcServices: ['sshd'],
    selfMade: 'keygen|genkeys',
    present: '/etc/ssh/ssh_host_*_key',
    commands: ['/usr/bin/ssh-keygen -A'],
  },
  {
    rule: 'dropbear-hostkeys',
    service: 'infrasim-dropbear-hostkeys',
    description: 'Generate the Dropbear host keys of this instance',
    daemon: ['/usr/sbin/dropbear'],
    systemdUnits: ['dropbear.service'],
    openrcServices: ['dropbear'],
    selfMade: 'dropbearkey|dropbear .*-R',
    present: '/etc/dropbear/dropbear_*_host_key',
    commands: ['rsa', 'ecdsa', 'ed25519'].map(
      (t) => `/usr/bin/dropbearkey -t ${t} -f /etc/dropbear/dropbear_${t}_host_key`,
    ),
  },
  {
    rule: 'ssl-snakeoil',
    service: 'infrasim-ssl-snakeoil',
    description: 'Generate the self-signed TLS key pair (ssl-cert snakeoil) of this instance',
    daemon: ['/usr/sbin/make-ssl-cert'],
    systemdUnits: [],
    openrcServices: [],
    present: '/etc/ssl/private/ssl-cert-snakeoil.key',
    commands: ['/usr/sbin/make-ssl-cert generate-default-snakeoil --force-overwrite'],
  },
];

/** Where an image's systemd units live, the administrator's first. */
export const SYSTEMD_UNIT_DIRS = ['/etc/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];
/** PID 1 of a systemd image. */
export const SYSTEMD_BINARIES = ['/usr/lib/systemd/systemd', '/lib/systemd/systemd'];
/** OpenRC's service runner. */
export const OPENRC_BINARIES = ['/sbin/openrc-run', '/usr/sbin/openrc-run', '/sbin/openrc'];

export const unitPath = (k: FirstBootKeys) => `/etc/systemd/system/${k.service}.service`;
/** Enabled early: before sysinit.target, so before every normal service that may use the key. */
export const unitWantsLink = (k: FirstBootKeys) =>
  `/etc/systemd/system/sysinit.target.wants/${k.service}.service`;
export const openrcPath = (k: FirstBootKeys) => `/etc/init.d/${k.service}`;
export const openrcRunlevelLink = (k: FirstBootKeys) => `/etc/runlevels/default/${k.service}`;

/**
 * The systemd unit. It runs before sysinit.target (so before any service that
 * reads the key) and after cloud-init.service, which on a cloud image makes
 * SSH host keys itself (its ssh module, honouring keys given in user-data);
 * it does nothing when a key is already there.
 */
export function systemdUnit(k: FirstBootKeys): string {
  const before = ['sysinit.target', 'shutdown.target', ...k.systemdUnits].join(' ');
  return [
    '# infrasim build-base: keys are made on the instance, never in the image (shared/sysprep.ts).',
    '[Unit]',
    `Description=${k.description}`,
    'DefaultDependencies=no',
    'After=local-fs.target cloud-init.service',
    `Before=${before}`,
    'Conflicts=shutdown.target',
    `ConditionPathExistsGlob=!${k.present}`,
    '',
    '[Service]',
    'Type=oneshot',
    ...k.commands.map((c) => `ExecStart=${c}`),
    '',
    '[Install]',
    'WantedBy=sysinit.target',
    '',
  ].join('\n');
}

/** The OpenRC service, for images whose daemon's own init script does not make the key. */
export function openrcService(k: FirstBootKeys): string {
  const before = k.openrcServices.length ? `\tbefore ${k.openrcServices.join(' ')}\n` : '';
  return [
    '#!/sbin/openrc-run',
    '# infrasim build-base: keys are made on the instance, never in the image (shared/sysprep.ts).',
    `description="${k.description}"`,
    'depend() {',
    '\tneed localmount',
    '\tafter cloud-init',
    `${before}}`,
    'start() {',
    `\tfor f in ${k.present}; do [ -e "$f" ] && return 0; done`,
    `\tebegin "${k.description}"`,
    `\t${k.commands.join(' && ')}`,
    '\teend $?',
    '}',
    '',
  ].join('\n');
}

/**
 * A POSIX sh pathname pattern as a regular expression over paths without
 * their leading `/`: `*` and `?` stay within one component and, like the
 * shell, never match a leading dot; `[...]` is a bracket expression (`[!...]`
 * negates).
 */
export function globToRegExp(pattern: string): RegExp {
  if (!pattern.startsWith('/')) throw new Error(`sysprep pattern '${pattern}' is not absolute`);
  const body = pattern.slice(1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const componentStart = i === 0 || body[i - 1] === '/';
    const noDot = componentStart ? '(?!\\.)' : '';
    if (c === '*') out += `${noDot}[^/]*`;
    else if (c === '?') out += `${noDot}[^/]`;
    else if (c === '[') {
      const end = body.indexOf(']', i + 2);
      if (end < 0) throw new Error(`sysprep pattern '${pattern}' has an unclosed '['`);
      let set = body.slice(i + 1, end);
      if (set.startsWith('!')) set = '^' + set.slice(1);
      out += `${noDot}[${set.replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
