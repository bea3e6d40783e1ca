/**
 * Reading the provisioning boot's console: the markers that decide the
 * verdict, and the package database the guest printed between tagged lines.
 */
import type { InstalledPackage } from '../image/packages.ts';
import { provisionTag } from './provision-script.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function doneMarker(nonce: string): RegExp {
  return new RegExp(`${escape(provisionTag(nonce))} DONE`);
}

export function errorMarker(nonce: string): RegExp {
  // Anchored on the line's fixed ending: the console watcher also judges partial lines.
  return new RegExp(`${escape(provisionTag(nonce))} ERROR .*; provisioning stopped$`);
}

/** The kernel's last line on power-off: the provisioning boot is over and the disk is written. */
export const POWER_DOWN = /reboot: Power down/;

/** The test image's init reports a user-data script that died before its own error marker. */
export const USER_DATA_FAILED = /user-data exited with status [1-9]\d*/;

/** The last output lines of a failed step, as the script tagged them, for the error message. */
export function failedStepOutput(lines: readonly string[], nonce: string): string[] {
  const prefix = `${provisionTag(nonce)} OUTPUT `;
  return lines.flatMap((l) => {
    const at = l.indexOf(prefix);
    return at === -1 ? [] : [l.slice(at + prefix.length)];
  });
}

export interface PackageReadback {
  packages: InstalledPackage[];
  /** The count the guest announced; a mismatch means console lines were lost. */
  announced: number | null;
}

export function parsePackageLines(lines: readonly string[], nonce: string): PackageReadback {
  const tag = provisionTag(nonce);
  const pkg = new RegExp(`${escape(tag)} PKG ([^|\\s]+)\\|([^|]*)\\|([^|]*)$`);
  const count = new RegExp(`${escape(tag)} PKGCOUNT (\\d+)`);
  const packages: InstalledPackage[] = [];
  let announced: number | null = null;
  for (const line of lines) {
    const m = pkg.exec(line);
    if (m) {
      packages.push({ name: m[1]!, version: m[2]!.trim(), ...(m[3]!.trim() ? { arch: m[3]!.trim() } : {}) });
      continue;
    }
    const c = count.exec(line);
    if (c) announced = Number(c[1]);
  }
  packages.sort((a, b) => a.name.localeCompare(b.name));
  return { packages, announced };
}
