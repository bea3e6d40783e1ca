/**
 * Benchmark (not a timed test) of prune-packages:
 *  1. planning a package of 10,000 versions (2-arch indexes with attestations
 *     and fallback tags, under three rules and channels.json): CPU time of
 *     planPackage, goal < 1 s;
 *  2. a real run against Debian's docker-registry on 127.0.0.1 (through a
 *     counting proxy): wall time, deletions in the busiest minute against the
 *     deletes-per-minute budget, and API requests per deleted version; beside
 *     it, the reference: `skopeo delete` of the same manifests in an identical
 *     second repository, timed and counted through the same proxy.
 * Run: `npm run bench -- prune`.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../shared/exec.ts';
import {
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
} from '../shared/oci/media-types.ts';
import { RegistryClient } from '../shared/oci/registry-client.ts';
import { parsePruneInputs } from '../shared/prune/options.ts';
import { localRunContext } from '../shared/run-context.ts';
import { planPackage } from '../shared/prune/planner.ts';
import { parsePolicy } from '../shared/prune/policy.ts';
import { runPrune } from '../shared/prune/run.ts';
import type { Inventory, ManifestFacts, PackageVersion } from '../shared/prune/types.ts';
import { startFaultProxy } from '../test/support/fault-proxy.ts';
import { startRegistry } from '../test/support/registry.ts';

const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

// ---- 1. planning 10,000 versions
function syntheticInventory(versionsWanted: number): Inventory {
  const versions: PackageVersion[] = [];
  const manifests = new Map<string, ManifestFacts>();
  const now = Date.now();
  let id = 0;
  const add = (name: string, tags: string[], facts: Partial<ManifestFacts>, hoursAgo: number) => {
    const d = digest(name);
    const createdAt = new Date(now - hoursAgo * 3_600_000).toISOString();
    versions.push({ id: String(++id), digest: d, tags, createdAt });
    manifests.set(d, { digest: d, mediaType: OCI_MANIFEST, children: [], ...facts });
    return d;
  };
  for (let n = 0; versions.length < versionsWanted; n++) {
    const amd = add(`${n}/amd64`, [], {}, n);
    const arm = add(`${n}/arm64`, [], {}, n);
    const tags = n % 3 === 0 ? [`dev-${n}`, `sha-${n}`] : n % 3 === 1 ? [`nightly-${n}`] : [`sha-${n}`];
    const index = add(
      `${n}`,
      tags,
      { mediaType: OCI_INDEX, children: [amd, arm], created: new Date(now - n * 3_600_000).toISOString() },
      n,
    );
    const att = add(`${n}/att`, [], { subject: index }, n);
    add(`${n}/fallback`, [`sha256-${index.slice(7)}`], { mediaType: OCI_INDEX, children: [att] }, n);
  }
  return { package: 'bench/pkg', versions, manifests, unreadable: [], missing: [], requests: 0 };
}

const inv = syntheticInventory(10_000);
const policy = parsePolicy({
  rules:
    "- tags: 'dev-*'\n  keep: 15\n- tags: 'nightly-*'\n  keep: 10\n  younger-than: 7d\n- tags: 'sha-*'\n  keep: 50",
  'keep-tags': 'prod\n@semver',
  untagged: 'delete',
  'untagged-grace': '1h',
});
const protectedDigests = new Map([[digest('9'), 'prod (current)']]);
const plan = () =>
  planPackage(inv, policy, {
    target: 'ghcr',
    refusesLastTaggedVersion: true,
    protectedDigests,
    now: new Date(),
  });
plan(); // warm-up
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const p = plan();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const planCpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  `planning ${inv.versions.length} versions: ${planCpuMs.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall ` +
    `→ ${p.delete.length} to delete, ${p.keep.length} kept (goal: < 1000 ms of work) ${planCpuMs < 1000 ? 'OK' : 'OVER'}`,
);

// ---- 2. a real run on the loopback registry, and skopeo delete as the reference
const RELEASES = 24;
const KEEP = 4;
const BUDGET = 600; // deletes per minute: one every 100 ms

async function fill(client: RegistryClient, repo: string): Promise<string[]> {
  await client.uploadBlob(repo, { bytes: EMPTY_CONFIG_BYTES });
  const doomed: string[] = [];
  const put = async (doc: object, mediaType: string, ref?: string) => {
    const bytes = Buffer.from(JSON.stringify(doc));
    const d = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    await client.putManifest(repo, ref ?? d, bytes, mediaType);
    return { mediaType, digest: d, size: bytes.length };
  };
  const empty = { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 };
  for (let n = 0; n < RELEASES; n++) {
    const created = new Date(Date.now() - (RELEASES - n) * 3_600_000).toISOString();
    const children = [];
    for (const arch of ['amd64', 'arm64']) {
      const layer = await client.uploadBlob(repo, { bytes: Buffer.from(`${repo} ${n} ${arch}`) });
      const m = await put(
        {
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: empty,
          layers: [{ mediaType: 'application/octet-stream', digest: layer.digest, size: layer.size }],
        },
        OCI_MANIFEST,
      );
      children.push({ ...m, platform: { architecture: arch, os: 'linux' } });
    }
    const index = await put(
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: children,
        annotations: { 'org.opencontainers.image.created': created },
      },
      OCI_INDEX,
      `dev-${n}`,
    );
    const att = await put(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.in-toto+json',
        config: empty,
        layers: [],
        subject: index,
      },
      OCI_MANIFEST,
    );
    await client.addToReferrersTag(repo, index.digest, {
      ...att,
      artifactType: 'application/vnd.in-toto+json',
    });
    const fallback = (await client.getManifest(repo, index.digest.replace(':', '-')))!.digest;
    if (n < RELEASES - KEEP)
      doomed.push(att.digest, fallback, ...children.map((c) => c.digest), index.digest);
  }
  return doomed;
}

const registry = await startRegistry();
const proxy = await startFaultProxy(registry.url);
const dir = await mkdtemp(join(tmpdir(), 'bench-prune-'));
try {
  const direct = new RegistryClient({ registry: registry.host });
  const doomed = await fill(direct, 'bench/ours');
  const refDoomed = await fill(direct, 'bench/reference');

  const options = await parsePruneInputs(
    {
      target: 'registry',
      package: 'bench/ours',
      owner: '',
      'owner-type': '',
      registry: proxy.host,
      token: '',
      username: '',
      password: '',
      rules: `- tags: 'dev-*'\n  keep: ${KEEP}`,
      'keep-tags': '',
      'channels-file': '',
      untagged: 'delete',
      'untagged-grace': '0',
      'deletes-per-minute': String(BUDGET),
      'request-timeout': '30',
      'dry-run': 'false',
      'plan-file': join(dir, 'plan.json'),
      'github-api-url': '',
    },
    localRunContext(),
  );
  const before = proxy.log.length;
  const t1 = performance.now();
  const result = await runPrune(options, { log: () => {}, mask: () => {} });
  const ours = performance.now() - t1;
  const ourRequests = proxy.log.length - before;
  const deleted = (result.results ?? []).filter((r) => r.outcome === 'deleted').length;
  if (deleted !== doomed.length) throw new Error(`deleted ${deleted}, expected ${doomed.length}`);

  const beforeRef = proxy.log.length;
  const t2 = performance.now();
  for (const d of refDoomed)
    await run('skopeo', ['delete', '--tls-verify=false', `docker://${proxy.host}/bench/reference@${d}`]);
  const ref = performance.now() - t2;
  const refRequests = proxy.log.length - beforeRef;

  const budgetFloorMs = ((deleted - 1) * 60_000) / BUDGET;
  console.log(
    `real run, loopback docker-registry: ${RELEASES} two-arch releases with attestations, keep ${KEEP}: ` +
      `${deleted} manifests deleted in ${(ours / 1000).toFixed(1)} s (budget ${BUDGET}/min ⇒ at least ${(budgetFloorMs / 1000).toFixed(1)} s); ` +
      `busiest minute ${result.busiestMinute} deletions (budget ${BUDGET}) ${result.busiestMinute <= BUDGET ? 'OK' : 'OVER'}`,
  );
  console.log(
    `API requests: ${ourRequests} for the whole run (inventory + plan + deletions) = ${(ourRequests / deleted).toFixed(2)} per deleted version`,
  );
  console.log(
    `reference skopeo delete of the same ${refDoomed.length} manifests (no inventory, no plan, no budget): ` +
      `${(ref / 1000).toFixed(1)} s, ${refRequests} requests = ${(refRequests / refDoomed.length).toFixed(2)} per deleted version; ` +
      `ratio requests ours/skopeo ${(ourRequests / deleted / (refRequests / refDoomed.length)).toFixed(2)}`,
  );
} finally {
  await proxy.stop();
  await registry.stop();
  await rm(dir, { recursive: true, force: true });
}
