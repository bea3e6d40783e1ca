/**
 * The README's Debian base (bookworm, openssh-server and cloud-init, every
 * other input at its action.yml default), built once per checkout of the
 * build-base bundle by that bundle, as a workflow would, and shared by every
 * test file that needs a real Debian image: mmdebstrap from Debian's mirror
 * takes a minute or more here, so one build serves the whole run.
 *
 * Test files run in parallel processes: a lock directory makes the second
 * one wait for the first one's build instead of starting its own.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { runActionMain } from './run-action.ts';
import { cacheRoot, repoRoot, TEST_IMAGE_EPOCH } from './test-image.ts';

/** The build-base inputs of the README's example, verbatim. */
export const README_DEBIAN_INPUTS = {
  distro: 'debian',
  version: 'bookworm',
  packages: 'openssh-server\ncloud-init\n',
  size: '4G',
} as const;

export interface DebianBase {
  /** The output tree: base.qcow2 and meta/build-provenance.json. */
  dir: string;
  image: string;
  provenance: string;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** Builds (or finds) the README base; the cache is keyed by the build-base bundle that made it. */
export async function readmeDebianBase(): Promise<DebianBase> {
  const bundle = await readFile(join(repoRoot, 'dist/build-base/index.js'));
  const key = createHash('sha256').update(bundle).digest('hex').slice(0, 12);
  const dir = join(cacheRoot, 'base-images', `debian-readme-x86_64-${key}`);
  const result = {
    dir,
    image: join(dir, 'base.qcow2'),
    provenance: join(dir, 'meta', 'build-provenance.json'),
  };
  if (await exists(result.provenance)) return result;

  await mkdir(join(cacheRoot, 'base-images'), { recursive: true });
  const lock = `${dir}.lock`;
  for (let waited = 0; ; waited += 2) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another test file is building it: wait, then use its result.
      if (waited > 1800) throw new Error(`${lock} is held for 30 minutes: remove it if no test runs`);
      await new Promise((r) => setTimeout(r, 2000));
      if (await exists(result.provenance)) return result;
    }
  }
  try {
    if (await exists(result.provenance)) return result;
    const building = `${dir}.building`;
    await rm(building, { recursive: true, force: true });
    // The workspace is the cache folder, and the output a path inside it, as in a checkout.
    const r = await runActionMain(
      'build-base',
      {
        ...README_DEBIAN_INPUTS,
        arch: 'x86_64',
        'source-date-epoch': String(TEST_IMAGE_EPOCH),
        output: `${basename(building)}/base.qcow2`,
      },
      { bundle: true, cwd: dirname(building) },
    );
    if (r.code !== 0) throw new Error(`building the README's Debian base failed:\n${r.stdout}\n${r.stderr}`);
    await rename(building, dir);
    return result;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
