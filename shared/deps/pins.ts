/**
 * Unusual pins — ways a dependency escapes the registry's normal versioning:
 *   - git dependencies whose manifest does not pin a full commit hash (a
 *     branch, a tag or the default branch can move under the same manifest);
 *   - exact `=` requirements declared by the workspace (they block security
 *     updates; crates pinning their own proc-macro twin, as serde does, are
 *     the crate authors' business and not reported);
 *   - path dependencies outside the workspace (the build depends on files the
 *     repository does not contain);
 *   - registries other than the default one.
 * Cargo.lock records no requirements and no paths, so the `=` and
 * outside-path checks need cargo metadata or a package-lock.
 */
import { finding, type Finding } from './findings.ts';
import type { Declaration, DepGraph } from './model.ts';
import { FULL_COMMIT } from './sources.ts';
import { pushTo } from './multimap.ts';

const NPM_GIT_SPEC = /^(git\+|git:|github:|gitlab:|bitbucket:|[\w.-]+\/[\w.-]+(#.*)?$)/;

export function findUnusualPins(graph: DepGraph): Finding[] {
  const out: Finding[] = [];
  const members = new Set(graph.packages.filter((p) => p.workspaceMember).map((p) => p.id));

  for (const p of graph.packages) {
    const s = p.source;
    if (s.kind === 'git' && !(s.reference.type === 'rev' && FULL_COMMIT.test(s.reference.value))) {
      // npm's resolved URL always carries the commit; the spec is checked below.
      if (graph.ecosystem === 'cargo') {
        const how =
          s.reference.type === 'default'
            ? 'the default branch'
            : `${s.reference.type} '${s.reference.value}'`;
        out.push(
          finding(
            'git-unpinned',
            p.name,
            `${p.name} comes from git ${s.url} following ${how}, not a full commit hash`,
            [p.id],
            [],
            {
              url: s.url,
              reference: s.reference,
              resolvedCommit: s.commit,
            },
          ),
        );
      }
    }
    if (s.kind === 'path' && s.outsideWorkspace === true) {
      out.push(
        finding(
          'path-outside-workspace',
          p.name,
          `${p.name} is a path dependency outside the workspace (${s.path})`,
          [p.id],
          [],
          {
            path: s.path,
          },
        ),
      );
    }
    if (s.kind === 'registry' && !s.isDefault) {
      out.push(
        finding(
          'non-default-registry',
          p.name,
          `${p.name} comes from ${s.url}, not the default registry`,
          [p.id],
          [],
          {
            registry: s.url,
          },
        ),
      );
    }
  }

  const exact = new Map<string, Declaration[]>();
  for (const d of graph.declarations) {
    if (!members.has(d.from)) continue;
    if (/^\s*=\s*\S/.test(d.requirement)) pushTo(exact, d.name, d);
    if (graph.ecosystem === 'npm' && NPM_GIT_SPEC.test(d.requirement)) {
      const ref = d.requirement.split('#')[1] ?? '';
      if (!FULL_COMMIT.test(ref)) {
        out.push(
          finding(
            'git-unpinned',
            d.name,
            `${d.name} is declared as '${d.requirement}', not pinned to a full commit hash`,
            [d.from],
            [],
            {
              spec: d.requirement,
            },
          ),
        );
      }
    }
  }
  for (const [name, declarations] of exact) {
    const where = declarations.map((d) => `${d.from}: ${d.requirement}`);
    const dependents = [...new Set(declarations.map((d) => d.from))].sort();
    out.push(
      finding('exact-pin', name, `${name} is pinned exactly (${where.join('; ')})`, dependents, [], {
        declarations: where,
      }),
    );
  }
  return out;
}
