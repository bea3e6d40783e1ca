/**
 * A real output tree for attest's tests, made by the suite's own code paths:
 * the cached test base (build-base, boot: kernel) with its exported kernel
 * and build provenance, a wireguard overlay on it (qemu-img, relative backing
 * path) with its variant provenance, analyze-deps' infrasim-build.json from a
 * real package-lock.json, and boot-verify's reports from booting the base and
 * the overlay once (direct kernel boot, about 3 s). Built once per test file;
 * each test works on its own copy.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnalyzeDepsInputs } from '../../shared/deps/options.ts';
import { runAnalyzeDeps } from '../../shared/deps/pipeline.ts';
import { writeJsonAtomic } from '../../shared/atomic.ts';
import { sha256, sha256File } from '../../shared/hash.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { VariantProvenanceSchema } from '../../shared/variant/provenance.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { runActionMain } from '../support/run-action.ts';
import { repoRoot } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

export const GITHUB_PUSH_MAIN: NodeJS.ProcessEnv = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/images',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '654321',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW_REF: 'acme/images/.github/workflows/release.yml@refs/heads/main',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
export const BUILDER_ID = 'https://github.com/acme/images/.github/workflows/release.yml@refs/heads/main';

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function buildTemplate(): Promise<string> {
  await needTools('qemu-img', 'qemu-system-x86_64', 'mkfs.ext4', 'openssl');
  const base = await cachedTestBase('x86_64', 'kernel');
  const tree = await mkdtemp(join(tmpdir(), 'attest-template-'));
  await mkdir(join(tree, 'meta'), { recursive: true });
  await cp(base.image, join(tree, 'base.qcow2'));
  await cp(base.kernel!, join(tree, 'base.vmlinuz'));
  await cp(base.provenance, join(tree, 'meta', 'build-provenance.json'));
  const bp = await readBuildProvenance(join(tree, 'meta', 'build-provenance.json'));

  // A wireguard overlay: the real qcow2 overlay shape build-variant writes, without its provisioning boot.
  const vdir = join(tree, 'variants', 'wireguard');
  await mkdir(vdir, { recursive: true });
  const overlay = join(vdir, 'overlay-wireguard.qcow2');
  sh(
    'qemu-img',
    ['create', '-q', '-f', 'qcow2', '-b', '../../base.qcow2', '-F', 'qcow2', 'overlay-wireguard.qcow2'],
    vdir,
  );
  const info = JSON.parse(sh('qemu-img', ['info', '--output=json', overlay])) as {
    'virtual-size': number;
    'actual-size': number;
  };
  const definition = 'name: wireguard\npackages: [wireguard-tools]\n';
  await writeJsonAtomic(
    join(tree, 'meta', 'variant-wireguard-provenance.json'),
    VariantProvenanceSchema.parse({
      format_version: '1.0',
      build_type: 'rootfs-variant',
      variant: 'wireguard',
      description: 'WireGuard',
      base_image: { path: 'base.qcow2', sha256: bp.output.sha256, distro: 'rootfs', arch: 'x86_64' },
      source: { git_sha: bp.source.git_sha, build_date: bp.source.build_date },
      packages: ['wireguard-tools'],
      services: [],
      definition: { origin: 'builtin:wireguard', sha256: sha256(definition), target: 'generic' },
      files: [],
      commands: [],
      checks: [],
      overlay: {
        path: 'variants/wireguard/overlay-wireguard.qcow2',
        sha256: await sha256File(overlay),
        backing_file: '../../base.qcow2',
        backing_format: 'qcow2',
        virtual_size: info['virtual-size'],
        actual_size: info['actual-size'],
      },
      image: null,
      user_data: { sha256: sha256('#!/bin/sh\n') },
      installed_packages: { manager: 'none', count: 0, packages: [] },
      provisioning: {
        console_log: 'meta/variant-wireguard-provision.console.log',
        seconds: 0,
        accel: 'tcg',
        qemu_version: 'none',
        matched_line: null,
        private_key_scan: { files_flagged: 0 },
      },
    }),
  );

  // analyze-deps' infrasim-build.json from a real lockfile and a "binary".
  const binDir = await mkdtemp(join(tmpdir(), 'attest-bin-'));
  scratch.push(binDir);
  const bin = join(binDir, 'infrasim');
  await writeFile(bin, 'infrasim test binary\n');
  const deps = await parseAnalyzeDepsInputs({
    source: join(repoRoot, 'test/fixtures/deps/npm/real-package-lock.json'),
    'source-type': 'npm-lock',
    binaries: `infrasim=${bin}`,
    version: 'v0.1.0-test',
    name: 'infrasim',
    'risk-threshold': '100',
    'vendor-threshold': '',
    allow: '',
    'output-dir': tree,
  });
  await runAnalyzeDeps(deps);

  // boot-verify boots the base and the overlay once and writes meta/boot/*.json.
  const boot = await runActionMain('boot-verify', {
    images: `${join(tree, 'base.qcow2')}\n${overlay}`,
    arch: 'x86_64',
    boot: 'kernel',
    kernel: join(tree, 'base.vmlinuz'),
    accel: 'tcg',
    timeout: '120',
    parallel: '2',
    'output-dir': tree,
    'backing-roots': tree,
  });
  if (boot.code !== 0) throw new Error(`boot-verify failed:\n${boot.stdout}\n${boot.stderr}`);
  return tree;
}

let template: Promise<string> | undefined;
const scratch: string[] = [];

/** Removes the template and every copy and key made by this file's tests. */
export async function removeScratch(): Promise<void> {
  if (template) scratch.push(await template.catch(() => ''));
  for (const d of scratch.filter(Boolean)) await rm(d, { recursive: true, force: true });
}

/** A fresh copy of the template tree (built on first use). */
export async function freshTree(): Promise<string> {
  template ??= buildTemplate();
  const copy = await mkdtemp(join(tmpdir(), 'attest-tree-'));
  scratch.push(copy);
  await cp(await template, copy, { recursive: true });
  return copy;
}

export interface KeyPair {
  dir: string;
  privatePem: string;
  privateFile: string;
  publicFile: string;
}

/** A P-256 key pair made by openssl, the way a maintainer makes one (docs/attest.md). */
export async function opensslKeyPair(curve = 'prime256v1'): Promise<KeyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'attest-key-'));
  scratch.push(dir);
  const privateFile = join(dir, 'attest.key.pem');
  const publicFile = join(dir, 'attest.pub.pem');
  sh('openssl', ['ecparam', '-name', curve, '-genkey', '-noout', '-out', privateFile]);
  sh('openssl', ['ec', '-in', privateFile, '-pubout', '-out', publicFile]);
  return { dir, privatePem: await readFile(privateFile, 'utf8'), privateFile, publicFile };
}
