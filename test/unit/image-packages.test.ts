import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseApkInstalled, parseDpkgStatus } from '../../shared/image/packages.ts';

describe('installed package databases', () => {
  it('reads Alpine apk db blocks', () => {
    const db = 'C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\n\nC:Q1def=\nP:busybox\nV:1.36.1-r29\nA:x86_64\n';
    assert.deepEqual(parseApkInstalled(db), [
      { name: 'busybox', version: '1.36.1-r29', arch: 'x86_64' },
      { name: 'musl', version: '1.2.5-r0', arch: 'x86_64' },
    ]);
  });
  it('reads dpkg status, keeping only installed packages', () => {
    const status =
      'Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b7\n\n' +
      'Package: old\nStatus: deinstall ok config-files\nVersion: 1\n\n' +
      'Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4+deb12u11\n';
    assert.deepEqual(
      parseDpkgStatus(status).map((p) => `${p.name}=${p.version}`),
      ['base-files=12.4+deb12u11', 'bash=5.2.15-2+b7'],
    );
  });
});
