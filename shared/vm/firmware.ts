/**
 * UEFI firmware for a boot: the code is used read-only from the system, the
 * variable store is copied per boot, so no boot ever writes /usr/share.
 */
import { constants } from 'node:fs';
import { access, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingToolError } from '../errors.ts';
import { FIRMWARE } from './qemu-command.ts';
import type { Arch } from './types.ts';

export interface FirmwareFiles {
  code: string;
  vars: string;
}

/** Copies the pristine variable store into `dir` and returns the pair QEMU needs. */
export async function prepareFirmware(arch: Arch, dir: string): Promise<FirmwareFiles> {
  const fw = FIRMWARE[arch];
  for (const f of [fw.code, fw.vars]) {
    try {
      await access(f, constants.R_OK);
    } catch {
      throw new MissingToolError(f, fw.debianPackage);
    }
  }
  const vars = join(dir, `vars-${arch}.fd`);
  await copyFile(fw.vars, vars);
  return { code: fw.code, vars };
}
