/**
 * Writes several files as one step: every file goes to a temporary name
 * first, and only when all of them are written are they renamed into place,
 * so a failure (disk full, bad permissions) leaves none of the new files
 * rather than a mixture.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathFor } from '../atomic.ts';

export async function writeFilesTogether(files: { path: string; content: string }[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const tmp = tempPathFor(f.path);
      staged.push({ tmp, path: f.path });
      await writeFile(tmp, f.content);
    }
    for (const s of staged) await rename(s.tmp, s.path);
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
}
