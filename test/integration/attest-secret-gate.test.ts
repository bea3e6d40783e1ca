/**
 * attest's secret gate, running the bundled action on a real tree (the test
 * base and a wireguard overlay, test/integration/attest-tree.ts) into whose
 * overlay a real OpenSSH key is written the way a guest would leave it: the
 * overlay flattened to raw, the file written into its ext4 with debugfs, and
 * the result converted back to a qcow2 overlay on the same base (only the
 * changed clusters). The gate fails naming the overlay, the file, the line and
 * the kind, writes nothing, and never prints the key; allowed by fingerprint
 * it passes and lists the key as allowed; a credential in the bundle fails it
 * too; a bad allow-list is refused before any work.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256, sha256File } from '../../shared/hash.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { freshTree, GITHUB_PUSH_MAIN, opensslKeyPair, removeScratch, type KeyPair } from './attest-tree.ts';

const OVERLAY = 'variants/wireguard/overlay-wireguard.qcow2';
let signingKey: KeyPair;

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function attest(cwd: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runActionMain(
    'attest',
    { 'output-dir': '.', 'private-key': signingKey.privatePem, 'require-boot': 'false', ...inputs },
    { bundle: true, cwd, env: GITHUB_PUSH_MAIN },
  );
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** Writes `content` to `path` inside the overlay's root filesystem; the variant provenance records the new overlay. */
async function injectIntoOverlay(tree: string, path: string, content: string): Promise<void> {
  const overlay = join(tree, OVERLAY);
  const raw = join(tree, 'overlay.raw');
  sh('qemu-img', ['convert', '-O', 'raw', overlay, raw]);
  const table = JSON.parse(sh('sfdisk', ['--json', raw])) as {
    partitiontable: { partitions: { start: number }[] };
  };
  const fs = `${raw}?offset=${table.partitiontable.partitions.at(-1)!.start * 512}`;
  const local = join(tree, 'injected');
  await writeFile(local, content);
  const dir = path.slice(0, path.lastIndexOf('/'));
  const cmds = join(tree, 'debugfs.cmds');
  await writeFile(cmds, `mkdir ${dir}\nwrite ${local} ${path}\n`);
  sh('debugfs', ['-w', '-f', cmds, fs]);
  // Back to an overlay on the same base, holding only the clusters that differ from it.
  const vdir = join(tree, 'variants/wireguard');
  sh(
    'qemu-img',
    ['convert', '-O', 'qcow2', '-B', '../../base.qcow2', '-F', 'qcow2', raw, 'overlay-wireguard.qcow2'],
    vdir,
  );
  sh('rm', ['-f', raw, local, cmds]);
  const provenancePath = join(tree, 'meta/variant-wireguard-provenance.json');
  const provenance = JSON.parse(await readFile(provenancePath, 'utf8'));
  provenance.overlay.sha256 = await sha256File(overlay);
  provenance.overlay.actual_size = JSON.parse(sh('qemu-img', ['info', '--output=json', overlay]))[
    'actual-size'
  ];
  await writeFile(provenancePath, JSON.stringify(provenance, null, 2) + '\n');
}

/** The tree with a real OpenSSH key in the overlay, and that key's lines (which must never be printed). */
async function leakyTree(): Promise<{ tree: string; keyLines: string[]; fingerprint: string }> {
  const tree = await freshTree();
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'leaked', '-f', join(tree, 'leaked')]);
  const key = await readFile(join(tree, 'leaked'), 'utf8');
  sh('rm', ['-f', join(tree, 'leaked'), join(tree, 'leaked.pub')]);
  await injectIntoOverlay(tree, '/root/.ssh/id_ed25519', key);
  const keyLines = key.split('\n').filter((l) => l && !l.startsWith('-----'));
  return { tree, keyLines, fingerprint: sha256(Buffer.from(keyLines.join(''), 'base64')) };
}

function assertNeverPrinted(r: ActionRun, secretParts: string[]): void {
  const seen = [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)].join('\n');
  for (const part of secretParts)
    assert.ok(!seen.includes(part), `a part of the secret was printed: ${part.slice(0, 8)}…`);
}

beforeAll(async () => {
  await needTools('qemu-img', 'debugfs', 'e2fsck', 'sfdisk', 'ssh-keygen', 'openssl', 'tar');
  signingKey = await opensslKeyPair();
});
afterAll(async () => {
  await removeScratch();
});

describe('attest secret gate (bundled action, real images)', () => {
  it('fails on a key the overlay adds, naming overlay, file, line and kind; writes nothing; never prints the key', async () => {
    const { tree, keyLines, fingerprint } = await leakyTree();
    const before = await listTree(tree);
    const r = await attest(tree, {});
    assert.equal(r.code, 1, explain(r));
    const named = `${OVERLAY}: /root/.ssh/id_ed25519 line 1: openssh-private-key (fingerprint sha256:${fingerprint})`;
    // An annotation per finding, and the step's error.
    assert.ok(r.stdout.includes(`::error title=secret openssh-private-key::${named}`), explain(r));
    assert.match(r.stdout, /secret gate: 1 secret\(s\) in the artifacts; nothing was signed or written/);
    assert.equal(r.outputs['secret-findings'], '1');
    assert.match(
      r.summary,
      /### Secret gate[\s\S]*\*\*Failed\*\*[\s\S]*\| finding \| variants\/wireguard\/overlay-wireguard\.qcow2 \| \/root\/\.ssh\/id_ed25519 \| 1 \| openssh-private-key \|/,
    );
    assertNeverPrinted(r, keyLines);
    // Nothing signed, nothing written: no statement, bundle or image provenance.
    assert.deepEqual(await listTree(tree), before);
    assert.equal(r.outputs.signed, undefined);
  });

  it('passes when the key is allowed by its fingerprint, listing it as allowed with the reason', async () => {
    const { tree, keyLines, fingerprint } = await leakyTree();
    const r = await attest(tree, {
      'secret-allow-list': `- fingerprint: ${fingerprint}\n  reason: the throwaway key the secret-gate test injects\n`,
    });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs['secret-findings'], '0');
    assert.equal(r.outputs.signed, 'true');
    assert.match(
      r.stdout,
      /::notice title=secret allowed openssh-private-key::.*\/root\/\.ssh\/id_ed25519 line 1.* allowed: the throwaway key the secret-gate test injects/,
    );
    assert.match(
      r.summary,
      /\*\*Passed\*\*[\s\S]*\| allowed \| variants\/wireguard\/overlay-wireguard\.qcow2 \| \/root\/\.ssh\/id_ed25519 \| 1 \| openssh-private-key \|/,
    );
    assertNeverPrinted(r, keyLines);
    assert.ok((await listTree(tree)).includes('meta/attestations/release.sigstore.json'));
  });

  it('allowed by another fingerprint, or by a path elsewhere, still fails', async () => {
    const { tree } = await leakyTree();
    const r = await attest(tree, {
      'secret-allow-list': `- fingerprint: ${'0'.repeat(64)}\n  reason: another key\n- path: /etc/**\n  reason: not this file\n`,
    });
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs['secret-findings'], '1', explain(r));
  });

  it('scans the bundle: a credential in one of its entries fails the gate naming the bundle and the entry', async () => {
    const tree = await freshTree();
    const staging = join(tree, 'staging');
    await mkdir(join(staging, 'app'), { recursive: true });
    const token =
      'npm_' +
      Buffer.from(sha256('bundle-token'))
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 36);
    await writeFile(join(staging, 'app/.npmrc'), `//registry.npmjs.org/:_authToken=${token}\n`);
    await mkdir(join(tree, 'release'));
    sh('tar', ['-czf', join(tree, 'release/bundle.tar.gz'), '-C', staging, '.']);
    sh('rm', ['-rf', staging]);
    const before = await listTree(tree);
    const r = await attest(tree, { bundle: 'release/bundle.tar.gz' });
    assert.equal(r.code, 1, explain(r));
    assert.ok(
      r.stdout.includes(
        `release/bundle.tar.gz: app/.npmrc line 1: npm-token (fingerprint sha256:${sha256(token)})`,
      ),
      explain(r),
    );
    assertNeverPrinted(r, [token]);
    assert.deepEqual(await listTree(tree), before);
  });

  it('refuses a bad allow-list before any work, naming the input and the entry', async () => {
    const tree = await freshTree();
    const before = await listTree(tree);
    const r = await attest(tree, { 'secret-allow-list': '- path: /root/.ssh/*\n' });
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /input 'secret-allow-list': entry 1 has no reason/);
    assert.deepEqual(await listTree(tree), before);
  });
});
