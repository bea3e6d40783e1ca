/**
 * Private keys that distribution packages publish on purpose, allowed by
 * default — each by the path it ships at AND its fingerprint, so the same
 * key anywhere else, or another key at that path, is still a finding. They
 * are reported as allowed, with these reasons, never hidden. Found by
 * scanning Debian 12 images built by this suite; a newer package with other
 * keys fails the gate until a maintainer allows them by fingerprint.
 */
import { secretAllowListFrom, type SecretAllowList } from './allow-list.ts';

const GNUTLS_SELF_TEST = [
  '87e288dc7dbc29a24241b596ec8c84f949d9f09f34fc0cf69242481fb2274770',
  'd245e52c341a76645e1b0e56c58dc964cd4f3ecaea64a9c6d6db9897d4948a8a',
  '0294b4406902e33bb02f89eaf4c691328790d7a9cd01b873d68edac994f310a1',
  '458022ddcb5598b39253bc027eb02c4f3dba00e2bdbaef239a35bc91c9bd4f3a',
  '09f1c1a4680df80b9e8e6e587d3a787de7402a919e366426ad807a1c0f8c98c1',
  '2859ff03b44c8f0e4f96604b8cced325ef4d01ca935422b2041d88d8809f8fa1',
];
const CLOUD_INIT_EXAMPLES = [
  '0c94d1074880baffa5ed6354192cf23c24cc2278cd3377cd7419a4e72160e501',
  '960280ab389c4a8020cbec21b257d62486f415cd90876c5036588086ff3592e1',
];

export const KNOWN_PUBLIC_KEYS: SecretAllowList = secretAllowListFrom(
  [
    ...GNUTLS_SELF_TEST.map((fingerprint) => ({
      path: '/usr/lib/**/libgnutls.so.*',
      fingerprint,
      reason: "GnuTLS's public FIPS self-test key, compiled into the library (lib/crypto-selftests-pk.c)",
    })),
    ...CLOUD_INIT_EXAMPLES.map((fingerprint) => ({
      path: '/usr/share/doc/cloud-init/examples/*',
      fingerprint,
      reason: "an example key in cloud-init's published documentation",
    })),
  ],
  'built-in allow-list',
);

/** The built-in entries, then the maintainer's. */
export function withKnownPublicKeys(list: SecretAllowList): SecretAllowList {
  return { entries: [...KNOWN_PUBLIC_KEYS.entries, ...list.entries] };
}
