/**
 * Writes the typosquat check's index of popular names (shared/deps/typosquat.ts),
 * serialised, into a directory of compiled sources, so the bundle reads it
 * instead of building it from the names in every run (ncc copies the files
 * beside the bundle). scripts/bundle.ts runs
 * it on build/shared/deps after tsc:
 * `node scripts/precompile-popular-index.ts build/shared/deps`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ecosystem } from '../shared/deps/model.ts';
import { builtPopularIndex, precomputedIndexFile, serializePopularIndex } from '../shared/deps/typosquat.ts';

const dir = process.argv[2];
if (!dir)
  throw new Error('usage: node scripts/precompile-popular-index.ts <directory of compiled shared/deps>');
for (const ecosystem of ['cargo', 'npm'] satisfies Ecosystem[]) {
  await writeFile(
    join(dir, precomputedIndexFile(ecosystem)),
    serializePopularIndex(builtPopularIndex(ecosystem)),
  );
}
