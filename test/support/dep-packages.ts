/** Packages for hand-built dependency graphs in the unit tests. */
import { packageId, type Package, type PackageSource } from '../../shared/deps/model.ts';

const CRATES_IO: PackageSource = {
  kind: 'registry',
  url: 'registry+https://github.com/rust-lang/crates.io-index',
  isDefault: true,
};

/** A crates.io package as a parser makes it (id `name@version`), with no repository, license or checksum. */
export function cratesIoPackage(name: string, version = '1.0.0'): Package {
  return {
    id: packageId(name, version, CRATES_IO),
    name,
    version,
    source: CRATES_IO,
    workspaceMember: false,
    repository: null,
    license: null,
    checksum: null,
  };
}
