import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from '@jest/globals';
import { planPackage, type PlanOptions } from '../../shared/prune/planner.ts';
import { parsePolicy, type PolicyInputs } from '../../shared/prune/policy.ts';
import type { Inventory, ManifestFacts, PackageVersion, Plan } from '../../shared/prune/types.ts';

const d = (name: string) => `sha256:${createHash('sha256').update(name).digest('hex')}`;
const fb = (subject: string) => `sha256-${subject.slice(7)}`;
const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** A small package builder: images with children and referrers, as buildx and cosign push them. */
class Pkg {
  versions: PackageVersion[] = [];
  manifests = new Map<string, ManifestFacts>();
  private id = 0;
  add(name: string, tags: string[], facts: Partial<ManifestFacts> = {}, createdAt?: string): string {
    const digest = d(name);
    this.versions.push({ id: String(++this.id), digest, tags, ...(createdAt ? { createdAt } : {}) });
    this.manifests.set(digest, { digest, mediaType: 'x', children: [], ...facts });
    return digest;
  }
  /** A two-architecture index with an attestation referrer (subject) and a fallback-tag index. */
  image(
    name: string,
    tags: string[],
    ageDays: number,
  ): { index: string; amd64: string; arm64: string; att: string; fallback: string } {
    const created = daysAgo(ageDays);
    const amd64 = this.add(`${name}/amd64`, [], { created }, created);
    const arm64 = this.add(`${name}/arm64`, [], { created }, created);
    const index = this.add(name, tags, { children: [amd64, arm64], created }, created);
    const att = this.add(`${name}/att`, [], { subject: index }, created);
    const fallback = this.add(`${name}/referrers`, [fb(index)], { children: [att] }, created);
    return { index, amd64, arm64, att, fallback };
  }
  inventory(extra: Partial<Inventory> = {}): Inventory {
    return {
      package: 'test/pkg',
      versions: this.versions,
      manifests: this.manifests,
      unreadable: [],
      missing: [],
      requests: 0,
      ...extra,
    };
  }
}

function policy(p: Partial<PolicyInputs> = {}) {
  return parsePolicy({
    rules: '',
    'keep-tags': 'prod\n@semver',
    untagged: 'delete',
    'untagged-grace': '0',
    ...p,
  });
}
const opts = (o: Partial<PlanOptions> = {}): PlanOptions => ({
  target: 'registry',
  refusesLastTaggedVersion: false,
  protectedDigests: new Map(),
  now: NOW,
  ...o,
});
const deleted = (plan: Plan) => new Set(plan.delete.map((x) => x.digest));
const keptSet = (plan: Plan) => new Set(plan.keep.map((x) => x.digest));

describe('prune planner', () => {
  test('keep-N counts images, not tags or child manifests; children and referrers follow their image', () => {
    const p = new Pkg();
    const imgs = [1, 2, 3, 4].map((i) => p.image(`dev${i}`, [`dev-${i}`, `sha-${i}`], 10 - i));
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  keep: 2\n- tags: 'sha-*'\n  keep: 2" }),
      opts(),
    );
    const gone = deleted(plan);
    const kept = keptSet(plan);
    // The two newest images (dev-4, dev-3) with every manifest they reach.
    for (const img of imgs.slice(2)) for (const m of Object.values(img)) assert.ok(kept.has(m), `kept ${m}`);
    for (const img of imgs.slice(0, 2))
      for (const m of Object.values(img)) assert.ok(gone.has(m), `deleted ${m}`);
    assert.equal(plan.delete.length + plan.keep.length, p.versions.length);
    const reason = plan.keep.find((x) => x.digest === imgs[3]!.index)!.reason;
    assert.match(reason, /rule 'dev-\*' \(keep 2\): #1 most recent image/);
    const child = plan.keep.find((x) => x.digest === imgs[3]!.amd64)!;
    assert.equal(child.via, imgs[3]!.index);
    assert.equal(child.kind, 'index-child');
  });

  test('a tagged platform manifest (dev-N-amd64) takes no place among the N and follows its index', () => {
    const p = new Pkg();
    const imgs = [1, 2, 3].map((i) => p.image(`dev${i}`, [`dev-${i}`], 10 - i));
    // docker buildx-style per-platform tags on the children, matching the same rule.
    for (const [i, img] of imgs.entries()) {
      const v = p.versions.find((x) => x.digest === img.amd64)!;
      v.tags = [`dev-${i + 1}-amd64`];
    }
    const plan = planPackage(p.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 2" }), opts());
    const gone = deleted(plan);
    const kept = keptSet(plan);
    // The two newest images stay whole; the oldest goes with its tagged child.
    for (const img of imgs.slice(1))
      for (const x of [img.index, img.amd64, img.arm64]) assert.ok(kept.has(x));
    for (const x of [imgs[0]!.index, imgs[0]!.amd64, imgs[0]!.arm64]) assert.ok(gone.has(x));
    assert.match(
      plan.keep.find((k) => k.digest === imgs[1]!.index)!.reason,
      /#2 most recent image/,
      'the index of dev-2 is the second image, its child took no place',
    );
    // A tagged child whose index carries no tag of its own is the image.
    const q = new Pkg();
    const lone = q.add('lone/amd64', ['dev-9-amd64'], { created: daysAgo(1) }, daysAgo(1));
    q.add('lone', [], { children: [lone], created: daysAgo(1) }, daysAgo(1));
    const plan2 = planPackage(q.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 1" }), opts());
    assert.match(plan2.keep.find((k) => k.digest === lone)!.reason, /#1 most recent image/);
  });

  test('a tagged manifest an index that goes happens to list is an image of its own, under every rule it has', () => {
    // dev-9 is the newest image; an old index (dev-1, reproducible bytes reused) also lists it.
    const p = new Pkg();
    const dev9 = p.add('dev9', ['dev-9'], { created: daysAgo(1) }, daysAgo(1));
    const dev8 = p.add('dev8', ['dev-8'], { created: daysAgo(5) }, daysAgo(5));
    const dev1 = p.add('dev1', ['dev-1'], { children: [dev9], created: daysAgo(30) }, daysAgo(30));
    const plan = planPackage(p.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 1" }), opts());
    assert.match(plan.keep.find((k) => k.digest === dev9)!.reason, /#1 most recent image/);
    assert.deepEqual(deleted(plan), new Set([dev8, dev1]), 'keep: 1 keeps one image');
    // A tag of it that another rule keeps keeps it, whatever its index does.
    const q = new Pkg();
    const child = q.add('c', ['release-1-amd64'], { created: daysAgo(20) }, daysAgo(20));
    const old = q.add('old', ['dev-1'], { children: [child], created: daysAgo(20) }, daysAgo(20));
    q.add('new', ['dev-2'], { created: daysAgo(1) }, daysAgo(1));
    const plan2 = planPackage(
      q.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  keep: 1\n- tags: 'release-*'\n  keep: 5" }),
      opts(),
    );
    assert.ok(deleted(plan2).has(old));
    assert.match(plan2.keep.find((k) => k.digest === child)!.reason, /release-\*.*#1 most recent image/);
  });

  test('deletion order on GHCR: a manifest before what hangs on it, each of which waits for it (after)', () => {
    const p = new Pkg();
    const img = p.image('old', ['dev-1'], 30);
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  keep: 0" }),
      opts({ target: 'ghcr' }),
    );
    const pos = (x: string) => plan.delete.findIndex((e) => e.digest === x);
    const after = (x: string) => [...(plan.delete[pos(x)]!.after ?? [])].sort();
    assert.equal(plan.delete.length, 5);
    // GHCR refusing the index (a public version past 5,000 downloads) leaves its children and referrers.
    assert.equal(pos(img.index), 0);
    assert.ok(pos(img.index) < pos(img.amd64) && pos(img.index) < pos(img.arm64));
    assert.ok(pos(img.index) < pos(img.fallback), 'the subject before its fallback tag');
    assert.ok(pos(img.fallback) < pos(img.att), 'the referrers index before the attestation it lists');
    assert.deepEqual(after(img.index), []);
    assert.deepEqual(after(img.amd64), [img.index]);
    assert.deepEqual(after(img.fallback), [img.index]);
    assert.deepEqual(after(img.att), [img.fallback, img.index].sort());
  });

  test('deletion order on a registry: what hangs on a manifest goes first (only tags lead to it)', () => {
    const p = new Pkg();
    const img = p.image('old', ['dev-1'], 30);
    const plan = planPackage(p.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 0" }), opts());
    const pos = (x: string) => plan.delete.findIndex((e) => e.digest === x);
    assert.equal(plan.delete.length, 5);
    assert.ok(pos(img.att) < pos(img.fallback), 'attestation before the referrers index listing it');
    assert.ok(pos(img.fallback) < pos(img.index));
    assert.ok(pos(img.amd64) < pos(img.index) && pos(img.arm64) < pos(img.index));
    assert.deepEqual(
      [...plan.delete[pos(img.index)]!.after!].sort(),
      [img.amd64, img.arm64, img.att, img.fallback].sort(),
    );
  });

  test('on GHCR a child two deleted indexes share goes after both', () => {
    const p = new Pkg();
    const shared = p.add('shared', [], {}, daysAgo(40));
    const a = p.add('a', ['dev-1'], { children: [shared], created: daysAgo(40) });
    const b = p.add('b', ['dev-2'], { children: [shared], created: daysAgo(30) });
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  keep: 0" }),
      opts({ target: 'ghcr' }),
    );
    assert.deepEqual(
      plan.delete.map((e) => e.digest),
      [a, b, shared],
    );
    assert.deepEqual([...plan.delete[2]!.after!].sort(), [a, b].sort());
  });

  test('a child shared by a kept and a deleted index is kept', () => {
    const p = new Pkg();
    const shared = p.add('shared-arm64', [], {}, daysAgo(40));
    const oldAmd = p.add('old-amd64', [], {}, daysAgo(40));
    const oldIdx = p.add('old', ['dev-1'], { children: [oldAmd, shared], created: daysAgo(40) });
    const newAmd = p.add('new-amd64', [], {}, daysAgo(1));
    const newIdx = p.add('new', ['dev-2'], { children: [newAmd, shared], created: daysAgo(1) });
    const plan = planPackage(p.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 1" }), opts());
    assert.deepEqual([...deleted(plan)].sort(), [oldAmd, oldIdx].sort());
    assert.ok(keptSet(plan).has(shared) && keptSet(plan).has(newIdx));
  });

  const cases: {
    name: string;
    rules: string;
    keepTags?: string;
    tags: string[];
    age: number;
    expect: 'keep' | 'delete';
    reason: RegExp;
  }[] = [
    {
      name: 'keep-tags literal',
      rules: "- tags: '*'\n  keep: 0",
      tags: ['prod'],
      age: 900,
      expect: 'keep',
      reason: /keep-tags 'prod'/,
    },
    {
      name: 'semver keyword',
      rules: "- tags: '*'\n  keep: 0",
      tags: ['v1.2.3'],
      age: 900,
      expect: 'keep',
      reason: /keep-tags '@semver'/,
    },
    {
      name: 'a tag no rule names keeps its image',
      rules: "- tags: 'dev-*'\n  keep: 0",
      tags: ['dev-1', 'feature-x'],
      age: 900,
      expect: 'keep',
      reason: /'feature-x' matches no rule/,
    },
    {
      name: 'younger-than keeps',
      rules: "- tags: 'dev-*'\n  keep: 0\n  younger-than: 30d",
      tags: ['dev-1'],
      age: 3,
      expect: 'keep',
      reason: /younger than 30d/,
    },
    {
      name: 'older than younger-than goes',
      rules: "- tags: 'dev-*'\n  younger-than: 30d",
      tags: ['dev-1'],
      age: 31,
      expect: 'delete',
      reason: /older than 30d/,
    },
    {
      name: 'regex pattern',
      rules: "- tags: '/^nightly-\\d{8}$/'\n  keep: 0",
      tags: ['nightly-20260101'],
      age: 100,
      expect: 'delete',
      reason: /nightly/,
    },
    {
      name: 'first matching rule governs',
      rules: "- tags: 'dev-keep*'\n  keep: 5\n- tags: 'dev-*'\n  keep: 0",
      tags: ['dev-keepme'],
      age: 100,
      expect: 'keep',
      reason: /dev-keep\*/,
    },
  ];
  for (const c of cases) {
    test(`rule table: ${c.name}`, () => {
      const p = new Pkg();
      const idx = p.add('img', c.tags, { created: daysAgo(c.age) });
      p.add('newer', ['other'], { created: daysAgo(0) }); // keeps GHCR's last-tagged rule out of the way
      const plan = planPackage(
        p.inventory(),
        policy({ rules: c.rules, ...(c.keepTags ? { 'keep-tags': c.keepTags } : {}) }),
        opts(),
      );
      const x = [...plan.keep, ...plan.delete].find((e) => e.digest === idx)!;
      assert.equal(x.action, c.expect);
      assert.match(x.reason, c.reason);
    });
  }

  test('creation time: annotation or config created, else the version created_at, else kept', () => {
    const p = new Pkg();
    const a = p.add('a', ['dev-a'], { created: daysAgo(1) }, daysAgo(100)); // manifest time wins
    const b = p.add('b', ['dev-b'], {}, daysAgo(50)); // version time
    const c = p.add('c', ['dev-c'], {}); // unknown: kept
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  younger-than: 10d" }),
      opts(),
    );
    assert.ok(keptSet(plan).has(a));
    assert.ok(deleted(plan).has(b));
    assert.match(plan.keep.find((x) => x.digest === c)!.reason, /creation time unknown/);
  });

  test('keep-N ranks the images of known time: one whose time could not be read is kept without taking a place', () => {
    const p = new Pkg();
    const older = p.add('older', ['dev-1'], { created: daysAgo(30) });
    const recent = p.add('recent', ['dev-2'], { created: daysAgo(2) });
    const newest = p.add('newest', ['dev-3'], { created: daysAgo(1) });
    const unread = p.add('unread', ['dev-4'], {}); // its config failed to read: time unknown
    const plan = planPackage(p.inventory(), policy({ rules: "- tags: 'dev-*'\n  keep: 2" }), opts());
    assert.deepEqual([...deleted(plan)], [older]);
    for (const kept of [recent, newest, unread]) assert.ok(keptSet(plan).has(kept));
    assert.match(plan.keep.find((x) => x.digest === unread)!.reason, /creation time unknown/);
  });

  test('a created value that is not an RFC 3339 time, or a placeholder time, is no time', () => {
    const p = new Pkg();
    // Date.parse reads "1" and "release 5" as dates in 2001: they would rank as the oldest and go.
    const one = p.add('one', ['dev-1'], { created: '1' }, daysAgo(1));
    const words = p.add('words', ['dev-2'], { created: 'release 5' }, daysAgo(1));
    // The epoch of SOURCE_DATE_EPOCH=0 builds and Go's zero time: the registry's push time counts instead.
    const epoch = p.add('epoch', ['dev-3'], { created: '1970-01-01T00:00:00Z' }, daysAgo(2));
    const zero = p.add('zero', ['dev-4'], { created: '0001-01-01T00:00:00Z' }, daysAgo(40));
    const real = p.add('real', ['dev-5'], { created: daysAgo(30) });
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  younger-than: 7d" }),
      opts({ target: 'ghcr' }),
    );
    for (const kept of [one, words, epoch]) assert.ok(keptSet(plan).has(kept));
    for (const gone of [zero, real]) assert.ok(deleted(plan).has(gone));
  });

  test('channels.json digests and their rollback history are kept, with the channel named', () => {
    const p = new Pkg();
    const old = p.image('old', ['dev-1'], 200);
    const older = p.image('older', [], 300); // untagged rollback target
    const plan = planPackage(
      p.inventory(),
      policy({ rules: "- tags: 'dev-*'\n  keep: 0" }),
      opts({
        protectedDigests: new Map([
          [old.index, 'prod (current)'],
          [older.index, 'prod (history #1)'],
        ]),
      }),
    );
    assert.equal(plan.delete.length, 0);
    assert.match(
      plan.keep.find((x) => x.digest === older.index)!.reason,
      /channels.json: prod \(history #1\)/,
    );
    assert.ok(keptSet(plan).has(older.att), 'the rollback target keeps its attestation');
  });

  test('untagged: leftovers go, grace keeps recent ones, referrers of a missing subject go with their fallback tag', () => {
    const p = new Pkg();
    p.image('current', ['prod'], 1);
    const leftover = p.add('leftover', [], {}, daysAgo(20));
    const fresh = p.add('fresh', [], {}, new Date(NOW.getTime() - 60_000).toISOString());
    const ghost = d('deleted-long-ago');
    const orphanAtt = p.add('orphan-att', [], { subject: ghost }, daysAgo(20));
    const orphanFb = p.add('orphan-fb', [fb(ghost)], { children: [orphanAtt] }, daysAgo(20));
    const plan = planPackage(p.inventory(), policy({ 'untagged-grace': '1h' }), opts());
    assert.deepEqual([...deleted(plan)].sort(), [leftover, orphanAtt, orphanFb].sort());
    assert.match(plan.keep.find((x) => x.digest === fresh)!.reason, /untagged-grace/);
    assert.match(plan.delete.find((x) => x.digest === orphanAtt)!.reason, /no longer exists|goes/);
    const keepAll = planPackage(p.inventory(), policy({ untagged: 'keep' }), opts());
    assert.equal(keepAll.delete.length, 0);
  });

  test('fail closed: one unreadable manifest and nothing in the package is deleted', () => {
    const p = new Pkg();
    p.image('old', ['dev-1'], 100);
    const plan = planPackage(
      p.inventory({ unreadable: [{ digest: d('broken'), via: 'child of dev-1', reason: 'HTTP 500' }] }),
      policy({ rules: "- tags: 'dev-*'\n  keep: 0" }),
      opts(),
    );
    assert.equal(plan.delete.length, 0);
    assert.equal(plan.blocked.length, 1);
    assert.match(plan.keep[0]!.reason, /unreadable manifest .*HTTP 500/);
  });

  test('GHCR: the last tagged version is never planned for deletion', () => {
    const p = new Pkg();
    const a = p.image('a', ['dev-1'], 100);
    const b = p.image('b', ['dev-2'], 50);
    const rules = policy({ rules: "- tags: 'dev-*'\n  keep: 0" });
    const onRegistry = planPackage(p.inventory(), rules, opts());
    assert.equal(onRegistry.keep.length, 0, 'a registry may be emptied');
    const onGhcr = planPackage(
      p.inventory(),
      rules,
      opts({ target: 'ghcr', refusesLastTaggedVersion: true }),
    );
    assert.match(onGhcr.keep.find((x) => x.digest === b.index)!.reason, /last tagged version/);
    for (const m of Object.values(b)) assert.ok(keptSet(onGhcr).has(m));
    for (const m of Object.values(a)) assert.ok(deleted(onGhcr).has(m));
  });

  test('a kept image that already lacks a child is reported', () => {
    const p = new Pkg();
    const img = p.image('x', ['prod'], 1);
    const plan = planPackage(
      p.inventory({ missing: [{ digest: d('gone'), via: img.index }] }),
      policy(),
      opts(),
    );
    assert.match(plan.warnings[0]!, /does not have/);
  });
});
