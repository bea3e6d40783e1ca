/**
 * The files a variant definition names: the definition itself and its
 * `source:` files. A definition is data a workflow may take from a pull
 * request, so what it names is confined: a source resolves (symlinks
 * followed) inside the definition's own directory, is a regular file and is
 * at most MAX_SOURCE_BYTES. Otherwise `source: ../../etc/shadow`, an absolute
 * path or a symlink would bake a file of the build host into the image, and a
 * device such as /dev/zero would be read until memory runs out. Every refusal
 * names the definition file, the key and the rule that was broken.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.ts';
import { checkRegularFile, readRegularFile } from '../regular-file.ts';

const MiB = 1024 * 1024;
/** Largest `source:` file: configuration, certificates, scripts, small agents. */
export const MAX_SOURCE_BYTES = 16 * MiB;
/** Largest definition file: YAML with inline content; larger content belongs in `source:` files. */
export const MAX_DEFINITION_BYTES = 1 * MiB;
/**
 * Largest total of a variant's file contents (its definition's and the
 * built-ins' it extends): everything is held in memory while the plan is made
 * and travels base64-encoded (about 1.8 times its size) in the provisioning
 * user-data. One 16 MiB file takes about 60 s to provision under TCG.
 */
export const MAX_VARIANT_FILES_BYTES = 32 * MiB;

export function formatBytes(n: number): string {
  return n % MiB === 0 ? `${n / MiB} MiB` : `${n} bytes`;
}

/** Whether `path` is `dir` or below it (both absolute, normalised). */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Reads a definition file given as `spec` (resolved from `cwd`): a regular file of bounded size. */
export async function readDefinitionFile(path: string, spec: string, input: string): Promise<string> {
  const data = await readRegularFile(path, {
    input,
    maxBytes: MAX_DEFINITION_BYTES,
    label: `definition file '${spec}'`,
  });
  return data.toString('utf8');
}

const SOURCE_RULE =
  "a path relative to the definition file that resolves inside its directory (no '..' out of it, no absolute path, no symlink leading out)";

/**
 * Reads the `source:` of the file entry at `key` of the definition `origin`,
 * whose directory is `sourceDir`.
 */
export async function readDefinitionSource(
  source: string,
  where: { origin: string; key: string; sourceDir: string },
  input: string,
): Promise<Buffer> {
  const named = `${where.origin}: key '${where.key}.source': '${source}'`;
  if (isAbsolute(source)) throw new InputError(input, `${named} is an absolute path`, SOURCE_RULE);
  const dir = resolve(where.sourceDir);
  const lexical = resolve(dir, source);
  if (!isInside(dir, lexical))
    throw new InputError(input, `${named} climbs out of the definition's directory ${dir}`, SOURCE_RULE);

  const rule = { input, maxBytes: MAX_SOURCE_BYTES, label: named };
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    // Missing, unreadable, a loop, a path through a file: say which, in words.
    await checkRegularFile(lexical, rule);
    throw new InputError(input, `${named} cannot be resolved`, SOURCE_RULE);
  }
  const realDir = await realpath(dir);
  if (!isInside(realDir, real))
    throw new InputError(
      input,
      `${named} leads through a symlink to ${real}, outside the definition's directory ${realDir}`,
      SOURCE_RULE,
    );
  // The resolved path is read, so a symlink swapped in after the check cannot redirect the read.
  return readRegularFile(real, rule);
}
