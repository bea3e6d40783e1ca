/**
 * Lockfile path escapes: entries the parser left out of the graph because they
 * name a place outside where packages live (see npm-lock.ts). npm never writes
 * them, so each one means a hand-edited or forged lockfile: a package that
 * would be installed from, or claim to be, somewhere else than the lockfile
 * says. One finding per entry, whose subject is the key or name as written.
 */
import { finding, type Finding } from './findings.ts';
import type { DepGraph } from './model.ts';

export function findPathEscapes(graph: DepGraph): Finding[] {
  return (graph.pathEscapes ?? []).map((e) => {
    const what = e.dependent
      ? `${e.dependent} depends on '${e.path}', which ${e.reason}`
      : `package-lock key '${e.path}'${e.claimed ? ` (claiming ${e.claimed})` : ''} ${e.reason}`;
    return finding(
      'lockfile-path-escape',
      e.path,
      `${what}: npm never writes this; the entry is left out of the graph and the SBOM`,
      e.dependent ? [e.dependent] : [],
      [],
      { reason: e.reason, dependent: e.dependent, claimed: e.claimed },
    );
  });
}
