/**
 * "A golden image must not carry a private key": reads every file of an
 * image's ext2/3/4 filesystems and reports private key material. The image
 * (an overlay with its chain) is flattened to a private raw copy, its
 * journal replayed with e2fsck, and its files extracted with debugfs — no
 * mount, no loop device, no root.
 */
import { mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../exec.ts';
import { sha256 } from '../hash.ts';

export interface KeyFinding {
  /** Path inside the filesystem. */
  path: string;
  /** Which rule found it. */
  rule: string;
  /** sha256 of the file, to tell a key the base already had from one the overlay added. */
  sha256: string;
}

/**
 * Content rules: PEM/OpenSSH private keys and WireGuard `PrivateKey = <key>`
 * lines. A PEM header alone is not a key (code and documentation mention
 * them): a base64 body and the matching END line must follow.
 */
export const KEY_CONTENT_RULES: { rule: string; pattern: RegExp }[] = [
  {
    rule: 'PEM private key',
    pattern:
      /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\r?\n(?:[A-Za-z-]+: [^\n]*\r?\n)*\r?\n?(?:[A-Za-z0-9+/=]{16,}\r?\n)+-----END \1PRIVATE KEY-----/,
  },
  { rule: 'WireGuard PrivateKey', pattern: /^\s*PrivateKey\s*=\s*[A-Za-z0-9+/]{42,43}=/m },
];

/** Name rules: SSH host keys, whatever their content. */
export const KEY_NAME_RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'SSH host key', pattern: /(^|\/)ssh_host_[a-z0-9]+_key$/ },
];

/** Files larger than this are not read: key files are small, and binaries are many. */
const MAX_SCANNED_BYTES = 4 * 1024 * 1024;

/** Scans one extracted file tree. */
export async function scanTree(root: string): Promise<KeyFinding[]> {
  const findings: KeyFinding[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = '/' + relative(root, full);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const byName = KEY_NAME_RULES.filter((r) => r.pattern.test(path));
      const handle = await open(full, 'r');
      try {
        const { size } = await handle.stat();
        const buffer = Buffer.alloc(Math.min(size, MAX_SCANNED_BYTES));
        await handle.read(buffer, 0, buffer.length, 0);
        const text = buffer.toString('latin1');
        const rules = [...byName, ...KEY_CONTENT_RULES.filter((r) => r.pattern.test(text))];
        const digest = rules.length ? sha256(buffer) : '';
        for (const r of rules) findings.push({ path, rule: r.rule, sha256: digest });
      } finally {
        await handle.close();
      }
    }
  };
  await walk(root);
  return findings;
}

interface SfdiskJson {
  partitiontable?: { partitions?: { start: number; size: number }[] };
}

/** Byte offsets of every ext2/3/4 filesystem on a raw disk (partitions, or the whole disk). */
async function extFilesystems(raw: string): Promise<number[]> {
  const candidates: number[] = [];
  const table = await run('sfdisk', ['--json', raw], { okCodes: [1] }).catch(() => null);
  const parts = table?.stdout
    ? ((JSON.parse(table.stdout) as SfdiskJson).partitiontable?.partitions ?? [])
    : [];
  if (parts.length === 0) candidates.push(0);
  else candidates.push(...parts.map((p) => p.start * 512));
  const out: number[] = [];
  for (const offset of candidates) {
    const probe = await run('dumpe2fs', ['-h', `${raw}?offset=${offset}`], { okCodes: [1] }).catch(
      () => null,
    );
    if (probe && probe.code === 0) out.push(offset);
  }
  return out;
}

/** Flattens `image` (its whole backing chain) and scans every ext filesystem on it. */
export async function scanImageForKeys(image: string, workDir = tmpdir()): Promise<KeyFinding[]> {
  const work = await mkdtemp(join(workDir, 'infrasim-keyscan-'));
  try {
    const raw = join(work, 'disk.raw');
    await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw]);
    const findings: KeyFinding[] = [];
    for (const offset of await extFilesystems(raw)) {
      const fs = `${raw}?offset=${offset}`;
      // Replay the journal so the files read are the ones the guest last wrote.
      await run('e2fsck', ['-fy', fs], { okCodes: [1, 2, 3, 4] });
      const tree = join(work, `fs-${offset}`);
      await mkdir(tree);
      // Device nodes cannot be recreated without root; debugfs reports them and carries on.
      await run('debugfs', ['-R', `rdump / "${tree}"`, fs], { okCodes: [1] });
      findings.push(...(await scanTree(tree)));
      await rm(tree, { recursive: true, force: true });
    }
    return findings;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Findings of `image` that `base` does not have byte for byte: the key material a variant added. */
export function addedKeyMaterial(image: KeyFinding[], base: KeyFinding[]): KeyFinding[] {
  const inBase = new Set(base.map((f) => `${f.path}\0${f.rule}\0${f.sha256}`));
  return image.filter((f) => !inBase.has(`${f.path}\0${f.rule}\0${f.sha256}`));
}
