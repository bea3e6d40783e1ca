/**
 * Firmware boots (one per architecture): build-base's GPT images with an EFI
 * System Partition, started by OVMF / AAVMF with no -kernel, through the
 * action from source. Direct kernel boots of aarch64 are here too.
 */
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { afterAll, describe, it } from '@jest/globals';
import { readBootReport } from '../../shared/vm/report-schema.ts';
import { FIRMWARE } from '../../shared/vm/qemu-command.ts';
import { sha256File } from '../../shared/hash.ts';
import { runBootVerify, type BootVerifyRun } from '../support/boot-verify-action.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { needTools } from '../support/tools.ts';

const MARKER = 'INFRASIM-TEST-IMAGE: BOOT OK';
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function explain(r: BootVerifyRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

for (const arch of ['x86_64', 'aarch64'] as const) {
  describe(`boot-verify ${arch}`, () => {
    it(`uefi: the firmware boots the image on its own to the marker, firmware files untouched`, async () => {
      await needTools(`qemu-system-${arch}`, 'qemu-img');
      const base = await cachedTestBase(arch, 'uefi');
      const varsBefore = await sha256File(FIRMWARE[arch].vars);
      const r = await runBootVerify({ images: base.image, arch, boot: 'uefi', accel: 'tcg', timeout: '180' });
      dirs.push(r.cwd);
      assert.equal(r.code, 0, explain(r));
      assert.equal(r.outputs.status, 'success');
      assert.equal(r.outputs['matched-line'], MARKER);
      const report = await readBootReport(r.outputs.report!);
      assert.ok(!report.command.includes('-kernel'));
      assert.ok(report.command.some((a) => a.startsWith('if=pflash') && a.includes('readonly=on')));
      assert.equal(
        await sha256File(FIRMWARE[arch].vars),
        varsBefore,
        'the system VARS file is never written',
      );
      assert.equal(await sha256File(base.image), base.sha256, 'the image under test is never written');
    });

    it('kernel: direct boot with the default append, a check reporting the guest architecture', async () => {
      await needTools(`qemu-system-${arch}`, 'qemu-img', 'mkfs.vfat', 'mcopy');
      const base = await cachedTestBase(arch, 'kernel');
      const r = await runBootVerify({
        images: base.image,
        arch,
        boot: 'kernel',
        kernel: base.kernel!,
        accel: 'tcg',
        timeout: '120',
        checks: 'uname -m',
      });
      dirs.push(r.cwd);
      assert.equal(r.code, 0, explain(r));
      const report = await readBootReport(r.outputs.report!);
      assert.equal(report.checks[0]!.output[0], arch);
      const append = report.command[report.command.indexOf('-append') + 1];
      assert.equal(
        append,
        arch === 'x86_64'
          ? 'console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 no_timer_check'
          : 'console=ttyAMA0 root=/dev/nvme0n1p2 rw panic=-1',
      );
      assert.match(await readFile(r.outputs['console-log']!, 'utf8'), new RegExp(MARKER));
    });
  });
}
