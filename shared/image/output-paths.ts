/**
 * Where build-base may write. Its files are moved into place by rename, which
 * replaces whatever the path names: its own input tarball, a kernel, a device
 * node (as root). So every path it will write — the image, the exported kernel
 * and initrd, the provenance — is checked before any work starts: a new or
 * regular file, below directories only, inside the workspace or the runner's
 * temporary directory, and never an input or inside an input directory. Each
 * refusal says which rule refused.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { InputError } from '../errors.ts';

/** A path build-base will write, and how to name it in an error. */
export interface PlannedOutput {
  path: string;
  /** "output", "the kernel exported beside output", … */
  role: string;
}

/** A local file or directory an input names: never overwritten, never written into. */
export interface NamedInput {
  input: string;
  path: string;
}

/** A directory outputs may go to, with how to name it. */
export interface OutputRoot {
  path: string;
  name: string;
}

/** The output input's places: the workspace (GITHUB_WORKSPACE, else the step's directory) and RUNNER_TEMP. */
export function outputRoots(cwd: string, env: NodeJS.ProcessEnv): OutputRoot[] {
  const roots = [{ path: env.GITHUB_WORKSPACE?.trim() || cwd, name: 'the workspace' }];
  const temp = env.RUNNER_TEMP?.trim();
  if (temp) roots.push({ path: temp, name: "the runner's temporary directory (RUNNER_TEMP)" });
  return roots;
}

const ACCEPTED = 'a new or regular file inside the workspace or RUNNER_TEMP that is not one of the inputs';

function kindOf(s: Awaited<ReturnType<typeof lstat>>): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isSymbolicLink()) return 'a symlink';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  return 'a regular file';
}

const inside = (path: string, dir: string) =>
  path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Where `path` really lands: its deepest existing ancestor with symlinks
 * resolved, plus the components still to be created. Refuses an ancestor that
 * exists but is not a directory (ENOTDIR at mkdir, after all the work).
 */
async function realLocation(path: string, what: string): Promise<string> {
  const missing: string[] = [];
  let dir = dirname(path);
  for (;;) {
    const s = await lstat(dir).catch(() => null);
    if (s) {
      const followed = s.isSymbolicLink() ? await stat(dir).catch(() => null) : s;
      if (!followed?.isDirectory()) {
        throw new InputError(
          'output',
          `${what} '${path}' cannot be created: '${dir}' is ${followed ? kindOf(followed) : 'a dangling symlink'}, not a directory`,
          ACCEPTED,
        );
      }
      return join(await realpath(dir), ...missing.reverse(), basename(path));
    }
    missing.push(basename(dir));
    const parent = dirname(dir);
    if (parent === dir) return path;
    dir = parent;
  }
}

/** Checks every planned output against the rules; throws an InputError naming 'output' and the rule. */
export async function checkOutputPaths(
  outputs: PlannedOutput[],
  inputs: NamedInput[],
  roots: OutputRoot[],
): Promise<void> {
  const realRoots = await Promise.all(
    roots.map(async (r) => ({ ...r, real: await realpath(r.path).catch(() => r.path) })),
  );
  const realInputs = await Promise.all(
    inputs.map(async (i) => {
      const s = await stat(i.path).catch(() => null);
      return { ...i, real: await realpath(i.path).catch(() => i.path), stat: s };
    }),
  );
  for (const { path, role } of outputs) {
    const what = role === 'output' ? 'output' : `${role} (from output)`;
    const existing = await lstat(path).catch(() => null);
    if (existing && !existing.isFile()) {
      throw new InputError(
        'output',
        `${what} '${path}' is ${kindOf(existing)}; build-base writes only new or regular files, never replaces anything else`,
        ACCEPTED,
      );
    }
    const real = await realLocation(path, what);
    if (!realRoots.some((r) => inside(real, r.real))) {
      throw new InputError(
        'output',
        `${what} '${path}' is outside ${realRoots.map((r) => `${r.name} (${r.path})`).join(' and ')}`,
        ACCEPTED,
      );
    }
    for (const input of realInputs) {
      const same =
        real === input.real ||
        (existing && input.stat && existing.dev === input.stat.dev && existing.ino === input.stat.ino);
      if (same) {
        throw new InputError(
          'output',
          `${what} '${path}' is the file the '${input.input}' input names; build-base never writes over an input`,
          ACCEPTED,
        );
      }
      if (input.stat?.isDirectory() && inside(real, input.real)) {
        throw new InputError(
          'output',
          `${what} '${path}' lies inside the '${input.input}' input directory (${relative(input.real, real)}); the build would read its own output`,
          ACCEPTED,
        );
      }
    }
  }
}
