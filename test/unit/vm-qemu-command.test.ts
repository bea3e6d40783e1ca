import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { defaultAppend, optionValue, qemuArgs } from '../../shared/vm/qemu-command.ts';
import { interpretOutcome } from '../../shared/vm/launch.ts';

describe('defaultAppend', () => {
  it('boots build-base images: root on partition 2 of the first NVMe disk, panics end the run', () => {
    assert.equal(defaultAppend('x86_64'), 'console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 no_timer_check');
    assert.equal(defaultAppend('aarch64'), 'console=ttyAMA0 root=/dev/nvme0n1p2 rw panic=-1');
  });
});

describe('qemuArgs', () => {
  const base = { memoryMiB: 512, cpus: 2, extraDrives: [], network: false };

  it('direct kernel boot on q35 with the disk on NVMe and no monitor', () => {
    const args = qemuArgs({
      ...base,
      arch: 'x86_64',
      accel: 'tcg',
      boot: 'kernel',
      kernel: '/k',
      disk: '/d.qcow2',
      diskFormat: 'qcow2',
    });
    const s = args.join(' ');
    assert.match(s, /-machine q35 -accel tcg/);
    assert.match(s, /-kernel \/k -append console=ttyS0 root=\/dev\/nvme0n1p2 rw panic=-1/);
    assert.match(
      s,
      /-drive if=none,id=disk0,file=\/d.qcow2,format=qcow2 -device nvme,serial=disk0,drive=disk0/,
    );
    assert.match(s, /-monitor none -serial stdio -no-reboot/);
    assert.ok(!s.includes('pflash'));
  });

  it('firmware boot: read-only code, writable vars copy, no -kernel; aarch64 uses virt and a fast max CPU', () => {
    const args = qemuArgs({
      ...base,
      arch: 'aarch64',
      accel: 'tcg',
      boot: 'uefi',
      firmwareCode: '/code.fd',
      firmwareVars: '/tmp/vars.fd',
      disk: '/d',
      diskFormat: 'raw',
      extraDrives: [{ path: '/seed,1.img', format: 'raw' }],
      network: true,
    });
    const s = args.join(' ');
    assert.match(s, /-machine virt -accel tcg -cpu max,pauth-impdef=on/);
    assert.match(s, /if=pflash,format=raw,unit=0,readonly=on,file=\/code.fd/);
    assert.match(s, /if=pflash,format=raw,unit=1,file=\/tmp\/vars.fd/);
    assert.ok(!args.includes('-kernel'));
    assert.match(s, /file=\/seed,,1.img,format=raw,readonly=on/);
    assert.match(s, /-netdev user,id=net0 -device virtio-net-pci,netdev=net0/);
  });

  it('a disk under test is opened with snapshot=on (its writes go to a temporary overlay); a disk to provision is not', () => {
    const drive = (diskSnapshot?: boolean) =>
      qemuArgs({
        ...base,
        arch: 'x86_64',
        accel: 'tcg',
        boot: 'kernel',
        kernel: '/k',
        disk: '/d.raw',
        diskFormat: 'raw',
        ...(diskSnapshot === undefined ? {} : { diskSnapshot }),
      }).find((a) => a.includes('id=disk0'));
    assert.equal(drive(true), 'if=none,id=disk0,file=/d.raw,format=raw,snapshot=on');
    assert.equal(drive(false), 'if=none,id=disk0,file=/d.raw,format=raw');
    assert.equal(drive(), 'if=none,id=disk0,file=/d.raw,format=raw');
  });

  it('KVM uses the host CPU', () => {
    const args = qemuArgs({ ...base, arch: 'x86_64', accel: 'kvm', boot: 'kernel', kernel: '/k' });
    assert.match(args.join(' '), /-accel kvm -cpu host/);
  });

  it('doubles commas in option values', () => {
    assert.equal(optionValue('a,b'), 'a,,b');
  });
});

describe('interpretOutcome', () => {
  const quiet = { exitCode: 0, exitSignal: null, stderr: '' };
  it('QEMU exiting 0 without the marker is a failure (panic=-1 makes a panic exit 0)', () => {
    const r = interpretOutcome({ ...quiet, end: { kind: 'exited' } }, 1000);
    assert.equal(r.verdict, 'failure');
    assert.match(r.reason, /exited \(status 0\) before the marker/);
  });
  it('a non-zero exit quotes QEMU stderr', () => {
    const r = interpretOutcome(
      { end: { kind: 'exited' }, exitCode: 1, exitSignal: null, stderr: 'could not open disk' },
      1000,
    );
    assert.match(r.reason, /could not open disk/);
  });
  it('timeout names the limit', () => {
    assert.equal(
      interpretOutcome({ ...quiet, end: { kind: 'timeout' } }, 5000).reason,
      'no marker within 5 s',
    );
  });
});
