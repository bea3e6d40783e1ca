/**
 * The retention planner: a pure function from what a package holds
 * (Inventory), what the user wants (Policy) and what must never go
 * (channels.json digests) to a Plan naming, for every version, whether it
 * stays or goes and why.
 *
 * What it guarantees, whatever the policy says:
 *  - everything a kept manifest reaches is kept: the children of a kept index,
 *    every referrer of a kept manifest (by `subject`, and by the `sha256-<hex>`
 *    fallback tag with the referrers listed in that tag's index), recursively;
 *  - keep-N counts images (tagged top-level manifests), never tags or children
 *    (a tagged platform manifest of a kept tagged index stays with it);
 *  - an image goes only when every one of its tags is governed by a rule that
 *    lets it go (a tag no rule names keeps its image);
 *  - a package with a manifest that could not be read deletes nothing;
 *  - on GHCR, the last tagged version is never planned for deletion (GHCR
 *    refuses it with a 400);
 *  - deletions are ordered so a manifest goes only after everything that
 *    references it (referrers, fallback tags, children): a run stopped midway
 *    leaves every remaining manifest findable, and a rerun finishes the job.
 */
import { createdTime } from './manifest-facts.ts';
import type { Policy, RetentionRule } from './policy.ts';
import type { Decision, Inventory, PackageVersion, Plan } from './types.ts';

/** The referrers fallback tag (OCI distribution-spec 1.1), and cosign's older `sha256-<hex>.sig/.att/.sbom`. */
const FALLBACK_TAG = /^sha256-([0-9a-f]{64})(?:\.[A-Za-z0-9_.-]+)?$/;

export function fallbackSubject(tag: string): string | undefined {
  const m = FALLBACK_TAG.exec(tag);
  return m ? `sha256:${m[1]}` : undefined;
}

export interface PlanOptions {
  target: 'ghcr' | 'registry';
  refusesLastTaggedVersion: boolean;
  /** Digests channels.json points at or records in its history, with why. */
  protectedDigests: Map<string, string>;
  now: Date;
}

interface Mark {
  reason: string;
  via?: string;
}

function timeOf(created: string | undefined): number {
  // Unknown creation time sorts as newest: failing closed keeps it rather than guessing it old.
  return (created !== undefined ? createdTime(created) : undefined) ?? Number.POSITIVE_INFINITY;
}

function describeRule(rule: RetentionRule): string {
  const parts: string[] = [];
  if (rule.keep !== undefined) parts.push(`keep ${rule.keep}`);
  if (rule.youngerThan !== undefined) parts.push(`younger-than ${rule.youngerThan}`);
  return `rule '${rule.pattern.source}' (${parts.join(', ')})`;
}

export function planPackage(inv: Inventory, policy: Policy, options: PlanOptions): Plan {
  const now = options.now.getTime();
  const byDigest = new Map<string, PackageVersion>();
  for (const v of inv.versions) byDigest.set(v.digest, v);

  // Relations, both ways.
  const children = new Map<string, string[]>(); // index → children
  const parents = new Map<string, string[]>(); // child → indexes
  const referrers = new Map<string, string[]>(); // subject → referrers (by subject field)
  const fallbackOf = new Map<string, string[]>(); // subject → versions holding its fallback tag
  const add = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const m of inv.manifests.values()) {
    for (const c of m.children) {
      add(children, m.digest, c);
      add(parents, c, m.digest);
    }
    if (m.subject) add(referrers, m.subject, m.digest);
  }
  for (const v of inv.versions) {
    for (const t of v.tags) {
      const s = fallbackSubject(t);
      if (s) add(fallbackOf, s, v.digest);
    }
  }
  const dependents = (d: string): [string, string][] => [
    ...(referrers.get(d) ?? []).map((r): [string, string] => [r, `referrer of ${d} (subject)`]),
    ...(fallbackOf.get(d) ?? []).map((r): [string, string] => [r, `fallback tag of ${d}`]),
    ...(children.get(d) ?? []).map((r): [string, string] => [r, `child of index ${d}`]),
  ];

  // Per-version facts used in sorts and loops, computed once (10,000 versions plan in well under a second).
  const normal = new Map<PackageVersion, string[]>();
  const times = new Map<PackageVersion, number>();
  for (const v of inv.versions)
    normal.set(
      v,
      v.tags.filter((t) => !fallbackSubject(t)),
    );
  const normalTags = (v: PackageVersion) => normal.get(v)!;
  // The image's own time when it says a real one; else the registry's (GHCR's push time).
  const createdOf = (v: PackageVersion) => {
    const own = inv.manifests.get(v.digest)?.created;
    return own !== undefined && createdTime(own) !== undefined ? own : v.createdAt;
  };
  for (const v of inv.versions) times.set(v, timeOf(createdOf(v)));
  const timeOfVersion = (v: PackageVersion) => times.get(v)!;
  const kindOf = (v: PackageVersion): Decision['kind'] => {
    if (normalTags(v).length > 0) return 'image';
    if (v.tags.length > 0) return 'fallback-tag';
    if (inv.manifests.get(v.digest)?.subject) return 'referrer';
    if (parents.has(v.digest)) return 'index-child';
    return 'untagged';
  };

  const kept = new Map<string, Mark>();
  const doomed = new Map<string, Mark>();
  const warnings: string[] = [];

  const decide = (): Plan => {
    const decision = (v: PackageVersion, action: 'keep' | 'delete', mark: Mark): Decision => ({
      id: v.id,
      digest: v.digest,
      tags: [...v.tags].sort(),
      kind: kindOf(v),
      ...(createdOf(v) ? { created: createdOf(v) } : {}),
      action,
      reason: mark.reason,
      ...(mark.via ? { via: mark.via } : {}),
    });
    const keep: Decision[] = [];
    for (const v of inv.versions) {
      const k = kept.get(v.digest);
      if (k) keep.push(decision(v, 'keep', k));
    }
    // Deletion order. Each entry lists in `after` the doomed manifests that must be gone before it (the
    // executor skips it otherwise), and comes after them; oldest images first, each one's group together.
    //  - A registry lists only tags: what hangs on a manifest (children, referrers, fallback tags) goes
    //    first, so a run stopped by a fault never leaves a manifest that no tag leads to any more (it could
    //    never be found, nor deleted, again).
    //  - GHCR lists every version, untagged ones too: a manifest goes before what hangs on it. When GHCR
    //    refuses an index or a subject (a public version past 5,000 downloads), or a fault stops the run,
    //    what stays is whole (never an index without its children, an image without its signatures), and
    //    the next run lists what is left over and finishes the job.
    const roots = inv.versions
      .filter((v) => doomed.has(v.digest))
      .sort((a, b) => timeOfVersion(a) - timeOfVersion(b) || (a.digest < b.digest ? -1 : 1))
      .map((v) => v.digest);
    const ordered: Decision[] = [];
    const push = (d: string, after: Iterable<string>) => {
      const entry = decision(byDigest.get(d)!, 'delete', doomed.get(d)!);
      const list = [...new Set(after)];
      ordered.push(list.length ? { ...entry, after: list } : entry);
    };
    const doomedDependents = (d: string) =>
      dependents(d)
        .map(([x]) => x)
        .filter((x) => doomed.has(x));
    const visited = new Set<string>();
    if (options.target === 'ghcr') {
      // Pre-order, each dependent once every doomed manifest it hangs on has gone before it.
      const referring = new Map<string, Set<string>>();
      for (const d of roots)
        for (const dep of doomedDependents(d)) referring.set(dep, (referring.get(dep) ?? new Set()).add(d));
      const waiting = new Map(roots.map((d) => [d, referring.get(d)?.size ?? 0]));
      for (const root of roots) {
        if (waiting.get(root) !== 0) continue;
        const stack = [root];
        while (stack.length) {
          const d = stack.pop()!;
          if (visited.has(d)) continue;
          visited.add(d);
          push(d, referring.get(d) ?? []);
          const ready: string[] = [];
          for (const dep of new Set(doomedDependents(d))) {
            if (!waiting.has(dep)) continue;
            const left = waiting.get(dep)! - 1;
            waiting.set(dep, left);
            if (left === 0) ready.push(dep);
          }
          stack.push(...ready.reverse());
        }
      }
      // Only a cycle of references (which content addressing rules out) is left: each after the others.
      for (const d of roots) if (!visited.has(d)) push(d, referring.get(d) ?? []);
    } else {
      // Post-order over dependents.
      const visit = (d: string) => {
        const stack: [string, number][] = [[d, 0]];
        visited.add(d);
        while (stack.length) {
          const top = stack[stack.length - 1]!;
          const deps = dependents(top[0]);
          if (top[1] < deps.length) {
            const next = deps[top[1]++]![0];
            if (doomed.has(next) && !visited.has(next)) {
              visited.add(next);
              stack.push([next, 0]);
            }
            continue;
          }
          stack.pop();
          push(top[0], doomedDependents(top[0]));
        }
      };
      for (const d of roots) if (!visited.has(d)) visit(d);
    }
    return {
      schema: 'infrasim.prune-plan/v1',
      package: inv.package,
      target: options.target,
      generatedAt: options.now.toISOString(),
      blocked: inv.unreadable.map((u) => ({ digest: u.digest, via: u.via, reason: u.reason })),
      warnings,
      delete: ordered,
      keep,
    };
  };

  // Fail closed: one unreadable manifest and the package is left exactly as it is.
  if (inv.unreadable.length > 0) {
    const names = inv.unreadable.map((u) => `${u.digest} (${u.via}: ${u.reason})`).join('; ');
    for (const v of inv.versions)
      kept.set(v.digest, { reason: `package left alone: unreadable manifest ${names}` });
    return decide();
  }

  const keepRoot = (d: string, mark: Mark) => {
    if (kept.has(d)) return;
    kept.set(d, mark);
    const queue = [d];
    while (queue.length) {
      const cur = queue.pop()!;
      for (const [dep, why] of dependents(cur)) {
        if (kept.has(dep) || !byDigest.has(dep)) continue;
        kept.set(dep, {
          reason: `kept with its ${why.startsWith('child') ? 'parent' : 'subject'}: ${why}`,
          via: cur,
        });
        queue.push(dep);
      }
    }
  };

  // 1. Images (versions with ordinary tags): channels.json, keep-tags, then the rules.
  const images = inv.versions.filter((v) => normalTags(v).length > 0);
  const ruleOf = (tag: string) => policy.rules.find((r) => r.pattern.test(tag));
  const verdicts = new Map<string, Mark>(); // digest → why it is kept
  const perRule = new Map<RetentionRule, Set<PackageVersion>>();
  for (const v of images) {
    const channel = options.protectedDigests.get(v.digest);
    if (channel) verdicts.set(v.digest, { reason: `channels.json: ${channel}` });
    for (const tag of normalTags(v)) {
      const k = policy.keepTags.find((p) => p.test(tag));
      const rule = k ? undefined : ruleOf(tag);
      if (!verdicts.has(v.digest)) {
        if (k) verdicts.set(v.digest, { reason: `keep-tags '${k.source}' (tag ${tag})` });
        else if (!rule) verdicts.set(v.digest, { reason: `tag '${tag}' matches no rule` });
      }
      // Every image carrying a rule's tag counts toward its keep-N, whatever else keeps it.
      if (rule) {
        const set = perRule.get(rule) ?? new Set();
        set.add(v);
        perRule.set(rule, set);
      }
    }
  }
  const fixed = new Map(verdicts);
  /** The rules' verdicts with `follows` taking no place among the N; returns what they keep and delete. */
  const applyRules = (follows: Set<string>) => {
    const keepWhy = new Map<string, Mark>();
    const deleteWhy = new Map<string, string[]>();
    for (const [rule, set] of perRule) {
      const list = [...set].filter((v) => !follows.has(v.digest));
      list.sort((a, b) => timeOfVersion(b) - timeOfVersion(a) || (b.digest < a.digest ? -1 : 1));
      // keep-N ranks the images whose time is known. One of unknown time is kept but takes no place among
      // the N (a config that failed to read must not push a recent image out): a known image outside the N
      // known ones is outside the N wherever the unknown ones stand, so nothing the rule keeps is deleted;
      // at worst more are kept.
      let known = 0;
      list.forEach((v) => {
        const t = timeOfVersion(v);
        const rank = t === Number.POSITIVE_INFINITY ? -1 : known++;
        if (fixed.has(v.digest) || keepWhy.has(v.digest)) return;
        if (t === Number.POSITIVE_INFINITY) {
          keepWhy.set(v.digest, { reason: `${describeRule(rule)}: creation time unknown` });
        } else if (rule.keep !== undefined && rank < rule.keep) {
          keepWhy.set(v.digest, { reason: `${describeRule(rule)}: #${rank + 1} most recent image` });
        } else if (rule.youngerThanMs !== undefined && now - t < rule.youngerThanMs) {
          keepWhy.set(v.digest, { reason: `${describeRule(rule)}: younger than ${rule.youngerThan}` });
        } else {
          const why = deleteWhy.get(v.digest) ?? [];
          why.push(
            `${describeRule(rule)}: ` +
              [
                rule.keep !== undefined ? `#${rank + 1} most recent (past ${rule.keep})` : '',
                rule.youngerThan !== undefined ? `older than ${rule.youngerThan}` : '',
              ]
                .filter(Boolean)
                .join(', '),
          );
          deleteWhy.set(v.digest, why);
        }
      });
    }
    return { keepWhy, deleteWhy };
  };
  // A tagged platform manifest of a tagged index (`dev-5-amd64` under `dev-5`) is part of that image: while
  // the index stays, it takes no place among the N and stays with it. Whether the index stays is known once
  // the rules ran without such manifests; those whose every tagged index goes are images of their own and
  // are ranked again with the rest (an index one of them follows stays, at worst one more kept).
  const tagged = new Set(images.map((v) => v.digest));
  const taggedParents = (v: PackageVersion) => (parents.get(v.digest) ?? []).filter((p) => tagged.has(p));
  const platformChildren = new Set(images.filter((v) => taggedParents(v).length > 0).map((v) => v.digest));
  const first = applyRules(platformChildren);
  const stays = (d: string) => fixed.has(d) || first.keepWhy.has(d) || options.protectedDigests.has(d);
  const follows = new Set([...platformChildren].filter((d) => taggedParents(byDigest.get(d)!).some(stays)));
  const second = follows.size === platformChildren.size ? first : applyRules(follows);
  // The second ranking decides; of the first, only the keeps that platform manifests follow still hold.
  const followed = new Set([...follows].flatMap((d) => taggedParents(byDigest.get(d)!)));
  for (const [d, mark] of second.keepWhy) verdicts.set(d, mark);
  for (const [d, mark] of first.keepWhy) if (followed.has(d) && !verdicts.has(d)) verdicts.set(d, mark);
  const deleteWhy = new Map([...second.deleteWhy].filter(([d]) => !verdicts.has(d) && !follows.has(d)));
  // Other digests channels.json protects (an untagged rollback target, a child) are roots too.
  for (const [digest, channel] of options.protectedDigests) {
    if (byDigest.has(digest) && !verdicts.has(digest))
      verdicts.set(digest, { reason: `channels.json: ${channel}` });
  }
  for (const [digest, mark] of verdicts) keepRoot(digest, mark);

  // 2. Untagged versions nothing references, within the grace period or when untagged pruning is off.
  for (const v of inv.versions) {
    if (v.tags.length > 0 || kept.has(v.digest)) continue;
    const m = inv.manifests.get(v.digest);
    const orphan = !parents.has(v.digest) && !(m?.subject && byDigest.has(m.subject));
    if (!orphan) continue;
    if (!policy.deleteUntagged) keepRoot(v.digest, { reason: 'untagged: keep' });
    else {
      const t = v.createdAt ? Date.parse(v.createdAt) : NaN;
      if (!Number.isNaN(t) && now - t < policy.untaggedGraceMs)
        keepRoot(v.digest, { reason: 'untagged, within untagged-grace (a push may be in progress)' });
    }
  }
  // An orphaned fallback tag (its subject is gone) only goes when untagged leftovers go.
  for (const v of inv.versions) {
    if (kept.has(v.digest) || normalTags(v).length > 0 || v.tags.length === 0) continue;
    const subjects = v.tags.map(fallbackSubject).filter((s): s is string => Boolean(s));
    if (subjects.every((s) => !byDigest.has(s)) && !policy.deleteUntagged)
      keepRoot(v.digest, { reason: 'fallback tag of a missing subject; untagged: keep' });
  }

  const markDoomed = () => {
    doomed.clear();
    for (const v of inv.versions) {
      if (kept.has(v.digest)) continue;
      const why = deleteWhy.get(v.digest);
      if (why) {
        doomed.set(v.digest, { reason: why.join('; ') });
        continue;
      }
      const m = inv.manifests.get(v.digest);
      const parent = (parents.get(v.digest) ?? []).find((p) => byDigest.has(p));
      const subject = m?.subject ?? v.tags.map(fallbackSubject).find(Boolean);
      if (parent) doomed.set(v.digest, { reason: `child of index ${parent}, which goes`, via: parent });
      else if (subject && byDigest.has(subject))
        doomed.set(v.digest, { reason: `referrer of ${subject}, which goes`, via: subject });
      else if (subject)
        doomed.set(v.digest, { reason: `referrer of ${subject}, which no longer exists`, via: subject });
      else doomed.set(v.digest, { reason: 'untagged, nothing kept references it' });
    }
  };
  markDoomed();

  // 3. GHCR will not delete a package's last tagged version: keep the newest one rather than fail on it.
  if (options.refusesLastTaggedVersion) {
    const tagged = inv.versions.filter((v) => v.tags.length > 0);
    if (tagged.length > 0 && tagged.every((v) => doomed.has(v.digest))) {
      const newest = [...tagged].sort(
        (a, b) =>
          Number(normalTags(b).length > 0) - Number(normalTags(a).length > 0) ||
          timeOfVersion(b) - timeOfVersion(a),
      )[0]!;
      keepRoot(newest.digest, {
        reason: "GHCR refuses to delete a package's last tagged version: the newest tagged version stays",
      });
      deleteWhy.delete(newest.digest);
      markDoomed();
    }
  }

  // A kept image that already lacks a child or referrer is broken before this run: say so.
  for (const miss of inv.missing) {
    if (kept.has(miss.via))
      warnings.push(`kept ${miss.via} references ${miss.digest}, which the registry does not have`);
  }
  return decide();
}
