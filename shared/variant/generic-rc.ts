/**
 * Services on the generic target, which has no service manager (the suite's
 * busybox test image, or any minimal image whose /sbin/init is a script).
 *
 * A service is an executable in /etc/infrasim/services/; enabling it links it
 * into /etc/infrasim/rc.d/. A small /sbin/init hook runs every enabled
 * service once at boot, then execs the image's own init (moved to
 * /sbin/init.infrasim-real), so the image boots exactly as before plus the
 * variant's services. Installing the hook twice is a no-op.
 */

export const GENERIC_SERVICES_DIR = '/etc/infrasim/services';
export const GENERIC_ENABLED_DIR = '/etc/infrasim/rc.d';
/** Each service that ran at this boot leaves its exit status here (a check can read it). */
export const GENERIC_STATE_DIR = '/run/infrasim-rc';

export const GENERIC_RC = `#!/bin/sh
# infrasim rc: run each enabled service (${GENERIC_ENABLED_DIR}/*) once at boot.
rm -rf ${GENERIC_STATE_DIR}
mkdir -p ${GENERIC_STATE_DIR}
for svc in ${GENERIC_ENABLED_DIR}/*; do
  [ -x "$svc" ] || continue
  name=\${svc##*/}
  "$svc" start </dev/null
  status=$?
  echo "$status" > "${GENERIC_STATE_DIR}/$name"
  echo "infrasim-rc: $name exited with status $status"
done
`;

/** The init hook: the API filesystems the services need, the services, then the real init with a clean slate. */
export const GENERIC_INIT_HOOK = `#!/bin/sh
# infrasim init hook (build-variant, generic target): run the enabled services, then the image's own init.
PATH=/sbin:/bin:/usr/sbin:/usr/bin
export PATH
mount -t proc proc /proc 2>/dev/null
mount -t sysfs sysfs /sys 2>/dev/null
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -o remount,rw / 2>/dev/null
/etc/infrasim/rc
# The real init mounts these itself.
umount /dev 2>/dev/null
umount /sys 2>/dev/null
umount /proc 2>/dev/null
exec /sbin/init.infrasim-real "$@"
`;

/** Shell that installs the rc and the init hook (run as a provisioning step). */
export function installGenericRc(b64: (text: string) => string): string {
  return [
    `mkdir -p ${GENERIC_SERVICES_DIR} ${GENERIC_ENABLED_DIR}`,
    `echo '${b64(GENERIC_RC)}' | base64 -d > /etc/infrasim/rc`,
    'chmod 0755 /etc/infrasim/rc',
    'if ! grep -q "infrasim init hook" /sbin/init 2>/dev/null; then',
    '  mv /sbin/init /sbin/init.infrasim-real',
    `  echo '${b64(GENERIC_INIT_HOOK)}' | base64 -d > /sbin/init`,
    '  chmod 0755 /sbin/init',
    'fi',
  ].join('\n');
}
