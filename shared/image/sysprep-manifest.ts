/**
 * build-base's golden-image hygiene: applies shared/sysprep.ts's reset rules
 * to the rootfs manifest before the filesystem is written (nothing of what is
 * removed ever reaches the image), and adds the first-boot units that make
 * the removed keys on the instance when the image's own services would not.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FIRST_BOOT_KEYS,
  globToRegExp,
  OPENRC_BINARIES,
  openrcPath,
  openrcRunlevelLink,
  openrcService,
  RESET_RULES,
  SYSTEMD_BINARIES,
  SYSTEMD_UNIT_DIRS,
  systemdUnit,
  unitPath,
  unitWantsLink,
  type FirstBootKeys,
  type ResetAction,
} from '../sysprep.ts';
import type { RootfsEntry, RootfsManifest } from './rootfs-manifest.ts';

export interface ResetRecord {
  /** Absolute path in the image. */
  path: string;
  action: ResetAction;
  rule: string;
  reason: string;
}

export interface FirstBootRecord {
  path: string;
  rule: string;
  reason: string;
}

export interface SysprepReport {
  /** Every path removed or emptied (a removed directory is listed, not its contents). */
  reset: ResetRecord[];
  /** Files added so the instance makes what was removed. */
  firstBoot: FirstBootRecord[];
  /** Things the image cannot do on first boot (a daemon without systemd or OpenRC). */
  warnings: string[];
}

export interface SysprepOptions {
  /** Where added files are staged. */
  workDir: string;
  /** mtime of added entries. */
  mtime: number;
}

const rel = (absolute: string) => absolute.replace(/^\/+/, '');

/**
 * Follows symlinks through every component (absolute targets resolve inside
 * the image, as they will at boot), as a path lookup in the booted image
 * would. Undefined when the path does not exist or loops.
 */
export function lookup(manifest: RootfsManifest, path: string): RootfsEntry | undefined {
  let pending = rel(path).split('/').filter(Boolean);
  let current: string[] = [];
  for (let hops = 0; pending.length > 0;) {
    const [name, ...rest] = pending;
    pending = rest;
    if (name === '.') continue;
    if (name === '..') {
      current.pop();
      continue;
    }
    const candidate = [...current, name].join('/');
    const entry = manifest.get(candidate);
    if (!entry) return undefined;
    if (entry.type === 'symlink') {
      if (++hops > 40) return undefined;
      const target = entry.target!.split('/').filter(Boolean);
      if (entry.target!.startsWith('/')) current = [];
      pending = [...target, ...pending];
      continue;
    }
    if (entry.type === 'hardlink') {
      if (pending.length > 0) return undefined;
      return manifest.get(entry.target!);
    }
    current.push(name!);
    if (pending.length === 0) return entry;
  }
  return manifest.get(current.join('/'));
}

function existsFile(manifest: RootfsManifest, path: string): boolean {
  return lookup(manifest, path)?.type === 'file';
}

async function fileText(manifest: RootfsManifest, path: string): Promise<string | undefined> {
  const e = lookup(manifest, path);
  return e?.type === 'file' && e.source ? readFile(e.source, 'latin1') : undefined;
}

/** Applies the reset rules; returns what it did. */
async function applyResetRules(manifest: RootfsManifest, emptyFile: string): Promise<ResetRecord[]> {
  const records: ResetRecord[] = [];
  // Sorted once (parents first); an entry an earlier removal took is skipped by the get() checks below.
  const entries = manifest.sorted();
  for (const rule of RESET_RULES) {
    const patterns = rule.paths.map(globToRegExp);
    const matched = entries.filter((e) => e.path !== '' && patterns.some((p) => p.test(e.path)));
    const removedNames = new Set<string>();
    for (const e of matched) {
      const record = { path: '/' + e.path, action: rule.action, rule: rule.id, reason: rule.reason };
      if (rule.action === 'remove') {
        // Already gone with a matched directory above it.
        if (!manifest.get(e.path)) continue;
        manifest.remove(e.path);
        removedNames.add(e.path.split('/').at(-1)!);
        records.push(record);
      } else if (e.type === 'file' && manifest.get(e.path)) {
        // Emptied in place: owner, mode and time stay; an empty file is not reported. A symlink
        // (machine-id -> /run/...) has no content to reset.
        if ((await readFile(e.source!)).length === 0) continue;
        manifest.add({ ...e, source: emptyFile, size: 0 });
        records.push(record);
      }
    }
    for (const dir of rule.linksIn ?? []) {
      if (removedNames.size === 0) break;
      const prefix = rel(dir) + '/';
      for (const e of entries) {
        const inDir = e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/');
        if (!inDir || e.type !== 'symlink' || !manifest.get(e.path)) continue;
        if (!removedNames.has(e.target!.split('/').at(-1)!)) continue;
        manifest.remove(e.path);
        records.push({ path: '/' + e.path, action: 'remove', rule: rule.id, reason: rule.reason });
      }
    }
  }
  return records;
}

type InitSystem = 'systemd' | 'openrc' | 'none';

function initSystem(manifest: RootfsManifest): InitSystem {
  if (SYSTEMD_BINARIES.some((p) => existsFile(manifest, p))) return 'systemd';
  if (OPENRC_BINARIES.some((p) => existsFile(manifest, p))) return 'openrc';
  return 'none';
}

/** Whether the daemon's own service (systemd unit or OpenRC script) makes the keys itself. */
async function selfMade(manifest: RootfsManifest, k: FirstBootKeys, init: InitSystem): Promise<boolean> {
  if (!k.selfMade) return false;
  const files =
    init === 'systemd'
      ? k.systemdUnits.flatMap((u) => SYSTEMD_UNIT_DIRS.map((d) => `${d}/${u}`))
      : k.openrcServices.map((s) => `/etc/init.d/${s}`);
  const pattern = new RegExp(k.selfMade);
  for (const f of files) {
    const text = await fileText(manifest, f);
    if (text !== undefined && pattern.test(text)) return true;
  }
  return false;
}

/** Adds the first-boot unit (or OpenRC service) of every installed daemon whose service does not make its key. */
async function addFirstBoot(
  manifest: RootfsManifest,
  o: SysprepOptions,
): Promise<{ records: FirstBootRecord[]; warnings: string[] }> {
  const records: FirstBootRecord[] = [];
  const warnings: string[] = [];
  const init = initSystem(manifest);
  const owner = { uid: 0, gid: 0, mtime: o.mtime };
  const ensureDir = (absolute: string) => {
    const parts = rel(absolute).split('/');
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      if (!manifest.get(path)) manifest.add({ path, type: 'directory', mode: 0o755, ...owner });
    }
  };
  const addFile = async (absolute: string, text: string, mode: number) => {
    const source = join(o.workDir, absolute.replaceAll('/', '_'));
    await writeFile(source, text);
    ensureDir(absolute.slice(0, absolute.lastIndexOf('/')));
    manifest.add({
      path: rel(absolute),
      type: 'file',
      mode,
      ...owner,
      source,
      size: Buffer.byteLength(text),
    });
  };
  const addLink = (absolute: string, target: string) => {
    ensureDir(absolute.slice(0, absolute.lastIndexOf('/')));
    manifest.add({ path: rel(absolute), type: 'symlink', mode: 0o777, ...owner, target });
  };
  for (const k of FIRST_BOOT_KEYS) {
    if (!k.daemon.some((d) => existsFile(manifest, d))) continue;
    if (await selfMade(manifest, k, init)) continue;
    const reason = `${k.description} on its first boot (${k.commands.join('; ')}) unless keys are there already`;
    if (init === 'systemd') {
      await addFile(unitPath(k), systemdUnit(k), 0o644);
      addLink(unitWantsLink(k), unitPath(k));
      records.push(
        { path: unitPath(k), rule: k.rule, reason },
        { path: unitWantsLink(k), rule: k.rule, reason },
      );
    } else if (init === 'openrc') {
      await addFile(openrcPath(k), openrcService(k), 0o755);
      addLink(openrcRunlevelLink(k), openrcPath(k));
      records.push(
        { path: openrcPath(k), rule: k.rule, reason },
        { path: openrcRunlevelLink(k), rule: k.rule, reason },
      );
    } else {
      warnings.push(
        `${k.daemon[0]} is installed but the image has neither systemd nor OpenRC: nothing makes its keys (${k.present}) at boot`,
      );
    }
  }
  return { records, warnings };
}

/** Resets the manifest to a golden image and adds what makes the removed keys at first boot. */
export async function sysprepManifest(manifest: RootfsManifest, o: SysprepOptions): Promise<SysprepReport> {
  await mkdir(o.workDir, { recursive: true });
  const emptyFile = join(o.workDir, 'empty');
  await writeFile(emptyFile, '');
  const reset = await applyResetRules(manifest, emptyFile);
  const { records, warnings } = await addFirstBoot(manifest, o);
  return { reset, firstBoot: records, warnings };
}

/** One log line (plus warnings) for the step's log. */
export function describeSysprep(r: SysprepReport): string {
  const rules = [...new Set(r.reset.map((x) => x.rule))];
  return [
    `sysprep: reset ${r.reset.length} paths${rules.length ? ` (${rules.join(', ')})` : ''}; ` +
      `first boot: ${r.firstBoot.map((f) => f.path).join(', ') || 'nothing to add'}`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}
