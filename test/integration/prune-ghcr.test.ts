/**
 * prune-packages against GHCR's recorded contracts (test/fixtures/ghcr-api):
 * more than 1,000 versions over many Link-header pages, secondary and primary
 * rate-limit answers and a 500 retried, GHCR's refusals (the last tagged
 * version, a stand-in download-limit refusal) reported and not retried, and
 * bad inputs named. Runs the bundled action, as the runner does.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { OCI_INDEX, OCI_MANIFEST } from '../../shared/oci/media-types.ts';
import { planSchema } from '../../shared/prune/types.ts';
import { runActionMain } from '../support/run-action.ts';
import {
  manifestBytes,
  startGhcrFake,
  type FakeVersion,
  type GhcrFake,
} from '../fixtures/ghcr-api/server.ts';

const BUNDLE = process.env.PRUNE_FROM_SOURCE !== '1';
const hour = 3_600_000;
const iso = (hoursAgo: number) => new Date(Date.now() - hoursAgo * hour).toISOString();
const cfg = {
  mediaType: 'application/vnd.oci.image.config.v1+json',
  digest: `sha256:${'c'.repeat(64)}`,
  size: 2,
};

/** A package as buildx + attest leave it: 2-arch indexes (newest first by id), an attestation, leftovers. */
function buildPackage(releases: number) {
  const versions: FakeVersion[] = [];
  const manifests = new Map<string, Buffer>();
  let id = 1_000_000;
  const add = (doc: object, tags: string[], hoursAgo: number) => {
    const m = manifestBytes(doc);
    manifests.set(m.digest, m.bytes);
    versions.push({ id: ++id, digest: m.digest, tags, createdAt: iso(hoursAgo) });
    return { ...m, id };
  };
  const image = (name: string, hoursAgo: number) =>
    add(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: cfg, layers: [], annotations: { n: name } },
      [],
      hoursAgo,
    );
  const leftovers = [image('leftover-a', 5000), image('leftover-b', 5000)];
  const byRelease: { index: ReturnType<typeof add>; children: ReturnType<typeof add>[] }[] = [];
  for (let n = releases - 1; n >= 0; n--) {
    const amd = image(`r${n}-amd64`, n + 1);
    const arm = image(`r${n}-arm64`, n + 1);
    const desc = (x: { digest: string; bytes: Buffer }) => ({
      mediaType: OCI_MANIFEST,
      digest: x.digest,
      size: x.bytes.length,
    });
    const index = add(
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [desc(amd), desc(arm)],
        annotations: { 'org.opencontainers.image.created': iso(n + 1) },
      },
      n === 0 ? [`sha-${n}`, 'prod'] : [`sha-${n}`],
      n + 1,
    );
    byRelease[n] = { index, children: [amd, arm] };
  }
  const subject = byRelease[0]!.index;
  const att = add(
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      config: cfg,
      layers: [],
      subject: { mediaType: OCI_INDEX, digest: subject.digest, size: subject.bytes.length },
    },
    [],
    0.5,
  );
  const fallback = add(
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ mediaType: OCI_MANIFEST, digest: att.digest, size: att.bytes.length }],
    },
    [subject.digest.replace(':', '-')],
    0.5,
  );
  return { versions, manifests, leftovers, byRelease, att, fallback };
}

describe('prune-packages on GHCR (recorded contracts)', () => {
  let dir: string;
  const fakes: GhcrFake[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prune-ghcr-'));
  });
  afterAll(async () => {
    for (const f of fakes) await f.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const start = async (o: Parameters<typeof startGhcrFake>[0]) => {
    const f = await startGhcrFake(o);
    fakes.push(f);
    return f;
  };
  /** The fake serving a built package as acme's organization package vm-image. */
  const startPackage = (pkg: { versions: FakeVersion[]; manifests: Map<string, Buffer> }) =>
    start({
      owner: 'acme',
      package: 'vm-image',
      ownerType: 'Organization',
      versions: pkg.versions,
      manifests: pkg.manifests,
    });
  const action = (fake: GhcrFake, inputs: Record<string, string>) =>
    runActionMain(
      'prune-packages',
      {
        package: 'vm-image',
        owner: 'acme',
        registry: fake.url,
        'untagged-grace': '0',
        'plan-file': join(dir, 'plan.json'),
        ...inputs,
      },
      {
        bundle: BUNDLE,
        env: {
          GITHUB_TOKEN: 'ghs_contracttesttoken000000000000000000',
          GITHUB_API_URL: fake.url,
          PRUNE_RETRY_AFTER_BASE_MS: '20',
        },
      },
    );

  test('1,000+ versions over every page, rate limits retried, a refusal reported once, the plan executed exactly', async () => {
    const pkg = buildPackage(362);
    assert.ok(pkg.versions.length > 1000);
    // A public version past 5,000 downloads: GHCR refuses it (stand-in text; the status is what counts).
    pkg.versions.find((v) => v.id === pkg.leftovers[1]!.id)!.refuse = {
      status: 400,
      message: 'stand-in: version has more than 5000 downloads',
    };
    const fake = await startPackage(pkg);
    fake.faults.push(
      { method: 'GET', path: /\/versions\?.*page=2\b/, at: [1], kind: '500' },
      { method: 'GET', path: /\/versions\?.*page=3\b/, at: [1], kind: 'secondary-403' },
      { method: 'GET', path: /\/versions\?.*page=6\b/, at: [1], kind: 'secondary-429' },
      { method: 'GET', path: /\/versions\?.*page=9\b/, at: [1], kind: 'primary-403' },
      { method: 'DELETE', path: /\/versions\/\d+$/, at: [1], kind: 'secondary-429' },
    );
    // One doomed version disappears before its DELETE (another run got there first): 404 = already done.
    const raced = pkg.leftovers[0]!.id;
    fake.beforeDelete = (id) => {
      if (id === raced) fake.versions.delete(raced);
    };
    const r = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 360" });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // Every page was read, the faulted ones twice.
    for (let p = 2; p <= 11; p++)
      assert.ok(
        fake.log.some((l) => l.startsWith('GET') && new RegExp(`page=${p}\\b`).test(l)),
        `page ${p}`,
      );
    assert.ok(
      fake.log.some((l) => /-> secondary-403/.test(l)) && fake.log.some((l) => /-> primary-403/.test(l)),
    );
    assert.match(r.stdout, /listed 1090 versions of acme\/vm-image over 11 page\(s\)/);

    const plan = planSchema.parse(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')));
    const doomed = [pkg.byRelease[361]!, pkg.byRelease[360]!]
      .flatMap((x) => [x.index, ...x.children])
      .map((x) => String(x.id));
    doomed.push(String(pkg.leftovers[0]!.id), String(pkg.leftovers[1]!.id));
    assert.deepEqual(plan.delete.map((d) => d.id).sort(), doomed.sort());
    // An index goes before its children (a refused index keeps them).
    const pos = (id: number) => plan.delete.findIndex((d) => d.id === String(id));
    for (const rel of [pkg.byRelease[360]!, pkg.byRelease[361]!])
      for (const c of rel.children) assert.ok(pos(rel.index.id) < pos(c.id));
    assert.ok(plan.keep.find((d) => d.id === String(pkg.att.id))!.reason.includes('subject'));

    assert.equal(r.outputs.deleted, '7');
    assert.equal(r.outputs.refused, '1');
    assert.equal(r.outputs.failed, '0');
    assert.match(r.stdout, /Deletion refused by the registry/);
    assert.match(r.stdout, /already gone sha256:/);
    for (const id of doomed)
      if (id !== String(pkg.leftovers[1]!.id)) assert.ok(!fake.versions.has(Number(id)), `${id} deleted`);
    assert.equal(fake.versions.size, 1090 - 7);
    // The refusal was answered once and not retried; the rate-limited DELETE was retried. (The fake logs
    // every request, and a faulted one again with '-> kind'; which DELETE meets the 429 depends on the plan's order.)
    const refusedPath = `DELETE /orgs/acme/packages/container/vm-image/versions/${pkg.leftovers[1]!.id}`;
    const sent = fake.log.filter((l) => l === refusedPath).length;
    const faulted = fake.log.filter((l) => l.startsWith(`${refusedPath} -> `)).length;
    assert.equal(sent - faulted, 1);
    assert.ok(fake.log.some((l) => /^DELETE .* -> secondary-429$/.test(l)));
    assert.ok(Number(r.outputs['api-calls']) >= 11 + 8);
  });

  test('a version list that changes while it is paged through is read again until two readings agree', async () => {
    const pkg = buildPackage(60);
    const fake = await startPackage(pkg);
    // Another run deletes the newest version while page 2 is asked for: every later version moves up one
    // place, and the first of page 2 would never be read.
    let raced = false;
    fake.beforeList = (page) => {
      if (page !== 2 || raced) return;
      raced = true;
      fake.versions.delete(Math.max(...fake.versions.keys()));
    };
    const r = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1000", 'dry-run': 'true' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(raced);
    assert.match(r.stdout, /the version list changed while it was read/);
    const plan = planSchema.parse(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')));
    const planned = new Set([...plan.keep, ...plan.delete].map((d) => d.id));
    assert.deepEqual(
      [...planned].sort(),
      [...fake.versions.keys()].map(String).sort(),
      'every version planned',
    );

    // A push while it is read (GitHub lists newest first): older versions move to later pages and are read
    // twice, none is missed; the new version does not force another reading.
    fake.beforeList = undefined;
    const listings = () =>
      fake.log.filter(
        (l) => /^GET \/orgs\/acme\/packages\/container\/vm-image\/versions\?/.test(l) && !/[?&]page=/.test(l),
      ).length;
    let pushed = false;
    fake.beforeList = (page) => {
      if (page !== 2 || pushed) return;
      pushed = true;
      const m = manifestBytes({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: cfg,
        layers: [],
        annotations: { n: 'new' },
      });
      pkg.manifests.set(m.digest, m.bytes);
      fake.versions.set(9_999_999, {
        id: 9_999_999,
        digest: m.digest,
        tags: ['sha-new'],
        createdAt: new Date().toISOString(),
      });
    };
    const before = listings();
    const quiet = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1000", 'dry-run': 'true' });
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.ok(pushed);
    assert.doesNotMatch(quiet.stdout, /changed while it was read/);
    assert.equal(listings() - before, 2, 'two readings, agreeing on every version older than the listing');

    // A list that never holds still: nothing is planned or deleted.
    let n = 0;
    fake.beforeList = (page) => {
      if (page === 2) fake.versions.delete([...fake.versions.keys()].sort((a, b) => b - a)[n++ % 3]!);
    };
    const busy = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1" });
    assert.notEqual(busy.code, 0);
    assert.match(busy.stdout, /kept changing while they were listed \(4 readings, no two alike\)/);
    assert.ok(!fake.log.some((l) => l.startsWith('DELETE')));
  });

  test('a rate limit that outlasts the retries is reported as one and stops the deletions (not a permission or a refusal)', async () => {
    const pkg = buildPackage(4);
    const fake = await startPackage(pkg);
    // The first DELETE and the client's three retries all meet the primary limit.
    fake.faults.push({ method: 'DELETE', path: /\/versions\/\d+$/, at: [1, 2, 3, 4], kind: 'primary-403' });
    const before = fake.versions.size;
    const r = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1" });
    assert.notEqual(r.code, 0, r.stdout);
    assert.match(
      r.stdout,
      /FAILED sha256:[0-9a-f]{64}: GitHub's API rate limit held after the client's retries \(403: API rate limit exceeded/,
    );
    assert.match(r.stdout, /stopped: GitHub's API rate limit/);
    assert.match(r.stdout, /\d+ deletion\(s\) not attempted after the stop; a rerun continues from here/);
    assert.match(r.stdout, /::error[^\n]*deletions stopped: GitHub's API rate limit held/);
    assert.doesNotMatch(r.stdout, /REFUSED|no permission/);
    const deletes = fake.log.filter((l) => /^DELETE [^ ]+$/.test(l));
    assert.equal(new Set(deletes).size, 1, 'no other version was tried after the limit');
    assert.equal(fake.versions.size, before);
    const plan = planSchema.parse(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')));
    assert.ok(plan.delete.length > 1, 'more deletions were planned than attempted');

    // Listing under a lasting limit: the same, before anything is planned.
    fake.faults.push({ method: 'GET', path: /\/versions\?/, at: [1, 2, 3, 4], kind: 'primary-403' });
    const listed = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1" });
    assert.notEqual(listed.code, 0);
    assert.match(listed.stdout, /GitHub's API rate limit held after the client's retries/);
    assert.doesNotMatch(listed.stdout, /no permission/);
  });

  test("GHCR's last-tagged-version rule: never planned, and a refusal in a race is reported, not retried", async () => {
    const manifests = new Map<string, Buffer>();
    const versions: FakeVersion[] = [];
    for (const [i, tag] of ['dev-1', 'dev-2'].entries()) {
      const m = manifestBytes({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: cfg,
        layers: [],
        annotations: { tag },
      });
      manifests.set(m.digest, m.bytes);
      versions.push({ id: 10 + i, digest: m.digest, tags: [tag], createdAt: iso(100 - i) });
    }
    const fake = await start({ owner: 'acme', package: 'vm-image', ownerType: 'User', versions, manifests });
    const dry = await action(fake, { rules: "- tags: 'dev-*'\n  keep: 0", 'dry-run': 'true' });
    assert.equal(dry.code, 0, dry.stdout + dry.stderr);
    const plan = planSchema.parse(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')));
    assert.deepEqual(
      plan.delete.map((d) => d.id),
      ['10'],
    );
    assert.match(plan.keep[0]!.reason, /last tagged version/);
    // Someone deletes dev-2 while the run is under way: dev-1 becomes the last tagged version.
    fake.beforeDelete = () => fake.versions.delete(11);
    const r = await action(fake, { rules: "- tags: 'dev-*'\n  keep: 0" });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.refused, '1');
    assert.match(r.stdout, /You cannot delete the last tagged version of a package/);
    assert.equal(
      fake.log.filter((l) => l.startsWith('DELETE /users/acme/packages/container/vm-image/versions/10'))
        .length,
      1,
    );
  });

  test('a manifest that cannot be read leaves the whole package alone and names it', async () => {
    const pkg = buildPackage(3);
    const broken = pkg.byRelease[2]!.children[0]!;
    pkg.manifests.set(broken.digest, Buffer.from('{"not":"the bytes that hash to this digest"}'));
    const fake = await startPackage(pkg);
    const r = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 1" });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, new RegExp(`left alone: manifest ${broken.digest}`));
    assert.ok(!fake.log.some((l) => l.startsWith('DELETE')));
    assert.match(r.summary, /Left alone/);
  });

  const bad: {
    name: string;
    forbid?: boolean;
    inputs: Record<string, string>;
    input: string;
    message: RegExp;
  }[] = [
    {
      name: 'unknown package',
      inputs: { package: 'no-such-image' },
      input: 'package',
      message: /no container package 'no-such-image'/,
    },
    {
      name: 'no permission',
      forbid: true,
      inputs: {},
      input: 'token',
      message: /no permission .*403: Resource not accessible by integration/,
    },
    {
      name: 'unknown owner',
      inputs: { owner: 'nobody' },
      input: 'owner',
      message: /no GitHub user or organization 'nobody'/,
    },
    {
      name: 'bad owner-type',
      inputs: { 'owner-type': 'team' },
      input: 'owner-type',
      message: /unknown value 'team'/,
    },
  ];
  for (const c of bad) {
    test(`bad input (${c.name}) fails naming the input, before any DELETE`, async () => {
      const pkg = buildPackage(2);
      const fake = await start({
        owner: 'acme',
        package: 'vm-image',
        ownerType: 'Organization',
        versions: pkg.versions,
        manifests: pkg.manifests,
        ...(c.forbid ? { forbid: true } : {}),
      });
      const r = await action(fake, { rules: "- tags: 'sha-*'\n  keep: 0", ...c.inputs });
      assert.notEqual(r.code, 0);
      assert.match(r.stdout, new RegExp(`input '${c.input}'`));
      assert.match(r.stdout, c.message);
      assert.ok(!fake.log.some((l) => l.startsWith('DELETE')));
    });
  }
});
