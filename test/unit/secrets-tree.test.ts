/**
 * Scanning extracted trees and archives: every regular file whole, files a
 * base has byte for byte skipped (an overlay answers for what it adds or
 * changes), unreadable modes opened up in the private copy, tar.gz entries
 * streamed through gunzip.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { scanTarGzForSecrets } from '../../shared/secrets/scan-archive.ts';
import { scanTree } from '../../shared/secrets/scan-tree.ts';
import { WIREGUARD_FIRSTBOOT } from '../../shared/variant/scripts.ts';
import { requireTool } from '../../shared/exec.ts';
import { needTools } from '../support/tools.ts';

let keyPem: string;
let keyDir: string;

beforeAll(async () => {
  await needTools('openssl', 'ssh-keygen', 'tar');
  keyDir = await mkdtemp(join(tmpdir(), 'secrets-tree-keys-'));
  execFileSync('openssl', [
    'ecparam',
    '-name',
    'prime256v1',
    '-genkey',
    '-noout',
    '-out',
    join(keyDir, 'tls.key'),
  ]);
  keyPem = await readFile(join(keyDir, 'tls.key'), 'utf8');
});

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'secrets-tree-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** scanTree's findings' paths, from a process bound by the tree's modes (root: without CAP_DAC_*). */
async function scanAsOwner(root: string, prefix: string): Promise<string[]> {
  const script = `
    const { scanTree } = await import(${JSON.stringify(new URL('../../shared/secrets/scan-tree.ts', import.meta.url).href)});
    const r = await scanTree(${JSON.stringify(root)}, { prefix: ${JSON.stringify(prefix)} });
    console.log(JSON.stringify(r.findings.map((f) => f.path)));`;
  const node = [process.execPath, '--input-type=module', '-e', script];
  let argv = node;
  if (process.getuid?.() === 0) {
    await requireTool('setpriv').catch(() =>
      assert.fail(
        "setpriv is not installed: install the Debian package 'util-linux' (bash .ci/install-system.sh)",
      ),
    );
    const dropped = '-dac_override,-dac_read_search';
    argv = ['setpriv', `--bounding-set=${dropped}`, `--inh-caps=${dropped}`, ...node];
  }
  const out = execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as string[];
}

describe('scanTree', () => {
  it('finds keys, WireGuard keys and SSH host keys by path; not the scripts that make keys; not through symlinks', async () => {
    const root = await tree({
      'etc/ssh/ssh_host_ed25519_key': 'anything',
      'etc/ssh/ssh_host_ed25519_key.pub': 'ssh-ed25519 AAAA',
      'etc/wireguard/wg0.conf': `[Interface]\nPrivateKey = ${Buffer.alloc(32, 7).toString('base64')}\n`,
      'etc/tls.key': keyPem,
      'usr/libexec/parser.py': 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\n',
      'usr/libexec/wireguard-firstboot': WIREGUARD_FIRSTBOOT,
    });
    await symlink('/etc/tls.key', join(root, 'usr/libexec/link.key'));
    const r = await scanTree(root);
    assert.deepEqual(
      r.findings.map(({ path, kind, line }) => ({ path, kind, line })),
      [
        { path: '/etc/ssh/ssh_host_ed25519_key', kind: 'ssh-host-key', line: 1 },
        { path: '/etc/tls.key', kind: 'pem-private-key', line: 1 },
        { path: '/etc/wireguard/wg0.conf', kind: 'wireguard-private-key', line: 2 },
      ],
    );
    assert.equal(r.files, 6);
    assert.equal(r.manifest.size, 6);
  });

  it('skips exactly the files the base has byte for byte; a changed or added file is scanned whole', async () => {
    const base = await tree({ 'etc/a.key': keyPem, 'etc/b.conf': 'x = 1\n', 'etc/c.conf': 'y = 2\n' });
    const baseScan = await scanTree(base);
    assert.equal(baseScan.findings.length, 1);
    const overlay = await tree({
      'etc/a.key': keyPem, // unchanged: reported with the base, not again
      'etc/b.conf': 'x = 1\n' + keyPem, // changed: scanned, key at line 2
      'etc/c.conf': 'y = 3\n', // same size, other bytes: scanned
      'root/.ssh/id': keyPem, // added
    });
    const r = await scanTree(overlay, { base: baseScan.manifest });
    assert.deepEqual(
      r.findings.map((f) => `${f.path}@${f.line}`),
      ['/etc/b.conf@2', '/root/.ssh/id@1'],
    );
    assert.equal(r.unchanged, 1);
    assert.equal(r.files, 3);
  });

  it('streams a file too large to read whole: a key past its first MiB is found at its line, and skipped when unchanged', async () => {
    // 20,000 lines of 100 bytes: 2 MB, then the key on line 20,001.
    const large = `${'x'.repeat(99)}\n`.repeat(20_000) + keyPem;
    const base = await tree({ 'var/log/big.log': large, 'etc/small.key': keyPem });
    const baseScan = await scanTree(base);
    assert.deepEqual(
      baseScan.findings.map((f) => `${f.path}@${f.line}`),
      ['/etc/small.key@1', '/var/log/big.log@20001'],
    );
    assert.equal(baseScan.manifest.get('/var/log/big.log')!.size, Buffer.byteLength(large));
    // The overlay: the large file unchanged (skipped), the small key changed by one byte after it (scanned).
    const overlay = await tree({ 'var/log/big.log': large, 'etc/small.key': keyPem + '\n' });
    const r = await scanTree(overlay, { base: baseScan.manifest });
    assert.deepEqual(
      r.findings.map((f) => `${f.path}@${f.line}`),
      ['/etc/small.key@1'],
    );
    assert.equal(r.unchanged, 1);
    assert.equal(r.files, 1);
    assert.deepEqual(r.manifest.get('/var/log/big.log'), baseScan.manifest.get('/var/log/big.log'));
  });

  it('reads files and directories whose modes shut their owner out (an image extracted as an unprivileged user)', async () => {
    const root = await tree({
      'etc/shadow.key': keyPem,
      'var/lib/private/x/id': keyPem,
      'srv/listed/id': keyPem, // its directory can be listed (r) but not entered (no x)
    });
    await chmod(join(root, 'etc/shadow.key'), 0o000);
    await chmod(join(root, 'var/lib/private/x'), 0o000);
    await chmod(join(root, 'srv/listed'), 0o400);
    // Root reads whatever the mode, so the scan runs where the modes count: a child without root's
    // override of file permissions (as the owner of the tree, like a runner's user).
    const findings = await scanAsOwner(root, '<part1>');
    assert.deepEqual(findings, [
      '<part1>/etc/shadow.key',
      '<part1>/srv/listed/id',
      '<part1>/var/lib/private/x/id',
    ]);
  });
});

describe('scanTarGzForSecrets', () => {
  it('scans every entry of a .tar.gz whole, named by its path in the archive', async () => {
    const root = await tree({
      'meta/manifest.json': '{}\n',
      'variants/wg/notes.txt': 'a'.repeat(3 * 1024 * 1024) + '\n' + keyPem,
      '.env': 'API_TOKEN=tok_live_51Habcdef\n',
    });
    const archive = join(keyDir, 'bundle.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', root, '.']);
    const r = await scanTarGzForSecrets(archive);
    assert.deepEqual(r.findings.map((f) => `${f.path}@${f.line}:${f.kind}`).sort(), [
      '.env@1:env-credential',
      'variants/wg/notes.txt@2:pem-private-key',
    ]);
    assert.equal(r.files, 3);
    assert.ok(r.bytes > 3 * 1024 * 1024);
  });
});
