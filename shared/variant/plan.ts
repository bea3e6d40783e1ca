/**
 * A variant's plan for one target: its definition (and the built-ins it
 * extends) merged into the lists the provisioning script runs, with every
 * file's content read and its mode and owner settled.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import {
  BUILTIN_NAMES,
  builtinDefinition,
  DEFAULT_BUILTIN_SETTINGS,
  type BuiltinSettings,
} from './builtins.ts';
import {
  formatBytes,
  MAX_VARIANT_FILES_BYTES,
  readDefinitionFile,
  readDefinitionSource,
} from './file-source.ts';
import {
  parseDefinition,
  VARIANT_NAME,
  type FileSpec,
  type RawDefinition,
  type Target,
} from './definition.ts';

export interface PlannedFile {
  path: string;
  mode: number;
  owner: string;
  content: Buffer;
}

export interface VariantPlan {
  name: string;
  description: string;
  target: Target;
  /** builtin:<name> or the definition file's path. */
  origin: string;
  /** sha256 of the definition text (and of the built-ins it extends, in order). */
  definitionSha256: string;
  prepare: string[];
  packages: string[];
  services: string[];
  files: PlannedFile[];
  commands: string[];
  checks: string[];
}

/** A definition as loaded: where it came from and where its `source` files are looked up. */
export interface LoadedDefinition {
  name: string;
  origin: string;
  text: string;
  raw: RawDefinition;
  /** Directory `source:` paths are relative to (none for built-ins). */
  sourceDir?: string;
  /** The workflow's settings for built-ins, this one's and those it extends. */
  builtins: BuiltinSettings;
}

/**
 * A file's owner when the definition names none: numeric, so writing it needs
 * no user database in the guest (a busybox or distroless rootfs has no
 * /etc/passwd, and `chown root:root` fails there). uid 0 and gid 0 are root's
 * everywhere.
 */
export const DEFAULT_OWNER = '0:0';

export function isBuiltin(spec: string): boolean {
  return BUILTIN_NAMES.includes(spec);
}

/** Looks like a file path rather than a variant name. */
function looksLikePath(spec: string): boolean {
  return spec.includes('/') || /\.ya?ml$/i.test(spec);
}

/** A built-in name or a definition file path → the parsed definition; errors name the input and the file. */
export async function loadDefinition(
  spec: string,
  cwd = process.cwd(),
  input = 'variants',
  builtins: BuiltinSettings = DEFAULT_BUILTIN_SETTINGS,
): Promise<LoadedDefinition> {
  if (isBuiltin(spec)) {
    const text = builtinDefinition(spec, builtins);
    return {
      name: spec,
      origin: `builtin:${spec}`,
      text,
      raw: parseDefinition(text, `builtin:${spec}`, input),
      builtins,
    };
  }
  if (!looksLikePath(spec)) {
    throw new InputError(
      input,
      `'${spec}' is neither a built-in variant nor a definition file (.yaml/.yml or a path with /)`,
      BUILTIN_NAMES.join(' | ') + ' | path/to/variant.yaml',
    );
  }
  const path = resolve(cwd, spec);
  const text = await readDefinitionFile(path, spec, input);
  const raw = parseDefinition(text, spec, input);
  const name = raw.name ?? spec.replace(/^.*\//, '').replace(/\.ya?ml$/i, '');
  if (!VARIANT_NAME.test(name)) {
    throw new InputError(
      input,
      `${spec}: the variant name '${name}' is not usable as a file name; set 'name:'`,
    );
  }
  return { name, origin: spec, text, raw, sourceDir: dirname(path), builtins };
}

async function planFile(
  f: FileSpec,
  def: LoadedDefinition,
  key: string,
  input: string,
): Promise<PlannedFile> {
  let content: Buffer;
  if (f.content !== undefined) content = Buffer.from(f.content, 'utf8');
  else {
    if (!def.sourceDir)
      throw new InputError(input, `${def.origin}: key '${key}.source': built-ins carry content`);
    content = await readDefinitionSource(
      f.source!,
      { origin: def.origin, key, sourceDir: def.sourceDir },
      input,
    );
  }
  return { path: f.path, mode: f.mode ?? 0o644, owner: f.owner ?? DEFAULT_OWNER, content };
}

const MAX_EXTENDS_DEPTH = 4;

/** Merges `def` (after the built-ins it extends) into `plan`, for `target`. */
async function mergeInto(
  plan: VariantPlan,
  def: LoadedDefinition,
  target: Target,
  input: string,
  depth: number,
  hashes: string[],
): Promise<void> {
  for (const parent of def.raw.extends ?? []) {
    if (!isBuiltin(parent)) {
      throw new InputError(
        input,
        `${def.origin}: key 'extends': '${parent}' is not a built-in variant`,
        BUILTIN_NAMES.join(' | '),
      );
    }
    if (depth >= MAX_EXTENDS_DEPTH)
      throw new InputError(input, `${def.origin}: key 'extends': nested too deeply (a cycle?)`);
    const loaded = await loadDefinition(parent, undefined, input, def.builtins);
    await mergeInto(plan, loaded, target, input, depth + 1, hashes);
  }
  hashes.push(sha256(def.text));
  const section = def.raw.distros?.[target];
  const files = [
    ...(def.raw.files ?? []).map((f, i) => ({ f, key: `files.${i}` })),
    ...(section?.files ?? []).map((f, i) => ({ f, key: `distros.${target}.files.${i}` })),
  ];
  for (const { f, key } of files) {
    const planned = await planFile(f, def, key, input);
    // A later definition's file replaces an earlier one at the same path.
    plan.files = plan.files.filter((p) => p.path !== planned.path).concat(planned);
    // Checked as the files are read, so many files within the per-file limit cannot exhaust memory either.
    const total = plan.files.reduce((n, p) => n + p.content.length, 0);
    if (total > MAX_VARIANT_FILES_BYTES)
      throw new InputError(
        input,
        `${def.origin}: key '${key}': the variant's files reach ${total} bytes, more than the limit of ${formatBytes(MAX_VARIANT_FILES_BYTES)} per variant`,
        `files of at most ${formatBytes(MAX_VARIANT_FILES_BYTES)} in all; install larger software with a package or a command`,
      );
  }
  const addUnique = (list: string[], items: readonly string[] | undefined) => {
    for (const item of items ?? []) if (!list.includes(item)) list.push(item);
  };
  if (section && 'prepare' in section) plan.prepare.push(...(section.prepare ?? []));
  // Top-level packages and services (the same name everywhere) come before the distro section's own.
  if (target === 'generic' && def.raw.packages?.length) {
    throw new InputError(
      input,
      `${def.origin}: key 'packages': the generic target has no package manager to install ${def.raw.packages.join(', ')}`,
      'top-level packages on targets alpine and debian; for generic, install the software in the base or write it with files',
    );
  }
  addUnique(plan.packages, def.raw.packages);
  addUnique(plan.packages, section?.packages);
  addUnique(plan.services, def.raw.services);
  addUnique(plan.services, section?.services);
  plan.commands.push(...(def.raw.commands ?? []), ...(section?.commands ?? []));
  addUnique(plan.checks, def.raw.checks);
  addUnique(plan.checks, section?.checks);
}

export async function planVariant(
  def: LoadedDefinition,
  target: Target,
  input = 'variants',
): Promise<VariantPlan> {
  const plan: VariantPlan = {
    name: def.name,
    description: def.raw.description.trim(),
    target,
    origin: def.origin,
    definitionSha256: '',
    prepare: [],
    packages: [],
    services: [],
    files: [],
    commands: [],
    checks: [],
  };
  const hashes: string[] = [];
  await mergeInto(plan, def, target, input, 0, hashes);
  plan.definitionSha256 = hashes.length === 1 ? hashes[0]! : sha256(hashes.join('\n'));
  return plan;
}
